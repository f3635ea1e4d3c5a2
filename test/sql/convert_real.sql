--
-- Conversion on real data (extracts of published files in test/data, with
-- their sources and terms in test/data/README.md).
--
-- 1. China Customs values each crude-oil import in yuan and in US dollars.
--    Monthly rates derived from those pairs, rounded to four decimals as
--    customs rates are published, convert the yuan back to the dollars.

TRUNCATE trade_stats.exchange_rate;
CREATE TEMP TABLE gacc_raw (year text, month text, period text, hs text, name text,
	qty1 text, unit1 text, qty2 text, unit2 text, cny text, usd text,
	cny_per_t text, usd_per_t text);
\copy gacc_raw FROM 'test/data/gacc_crude_oil_imports_monthly_2016_2026.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE gacc AS
	SELECT to_date(period, 'YYYYMM') AS period,
		   currency_amount(cny::numeric, 'CNY') AS cny,
		   currency_amount(usd::numeric, 'USD') AS usd
	FROM gacc_raw;
SELECT count(*) AS months, min(period), max(period) FROM gacc;

INSERT INTO trade_stats.exchange_rate
	SELECT 'USD', 'CNY', period, round(cny::numeric / usd::numeric, 4) FROM gacc;
SELECT valid_from, rate FROM trade_stats.exchange_rate
WHERE valid_from IN ('2020-01-01', '2020-12-01') ORDER BY valid_from;

-- to_usd(yuan) against GACC's dollars.  A rate rounded to 4 decimals is off
-- by at most 0.00005, so the dollars by at most usd * 0.00005 / rate, plus
-- half a cent of rounding.
SELECT count(*) AS months,
	   count(*) FILTER (WHERE abs((to_usd(cny, period) - usd)::numeric)
						<= usd::numeric * 0.00005 / rate + 0.005) AS within_bound,
	   max(abs((to_usd(cny, period) - usd) / usd)) < 0.00001 AS all_within_0_001_pct
FROM gacc JOIN trade_stats.exchange_rate ON valid_from = period;
SELECT period, cny, usd AS gacc_usd, to_usd(cny, period) AS converted
FROM gacc WHERE period IN ('2020-01-01', '2020-12-01') ORDER BY period;

-- The published 2020 totals: 1,236.2 billion yuan and 178.45 billion USD.
SELECT sum(cny) AS yuan, humanize(sum(cny), 'en', 1) AS en, humanize(sum(cny), 'zh', 1) AS zh,
	   round(sum(cny)::numeric / 1e9, 1) AS billion_yuan,
	   sum(usd) AS dollars, humanize(sum(usd)) AS en_usd,
	   round(sum(usd)::numeric / 1e9, 2) AS billion_usd,
	   round(sum(to_usd(cny, period))::numeric / 1e9, 2) AS billion_usd_converted
FROM gacc WHERE period >= '2020-01-01' AND period < '2021-01-01';

-- 2. The IMF's CNY, JPY and KRW per USD against the ECB's euro rates.  With
--    only the ECB rates loaded, USD to CNY (JPY, KRW) goes through EUR.
TRUNCATE trade_stats.exchange_rate;
\set content `cat test/data/imf_usd_rates_daily_2001_2019.csv`
SELECT load_rates(:'content', 'USD', ';', 'DD-Mon-YYYY') AS imf_rows;
CREATE TEMP TABLE imf AS SELECT * FROM trade_stats.exchange_rate;
SELECT quote, count(*), min(valid_from), max(valid_from) FROM imf GROUP BY quote ORDER BY quote;
TRUNCATE trade_stats.exchange_rate;
\set content `cat test/data/ecb_eurofxref_hist.csv`
SELECT load_rates(:'content', 'EUR') AS ecb_rows;
ANALYZE trade_stats.exchange_rate;
SELECT count(DISTINCT quote) AS ecb_currencies, min(valid_from), max(valid_from)
FROM trade_stats.exchange_rate;

-- On every date both publish: the converted amount, the exact ECB cross
-- (USD per EUR and quote per EUR) and the IMF's direct rate.
CREATE TEMP TABLE cross_check AS
	SELECT i.quote, i.valid_from AS day, i.rate AS imf_rate,
		   convert('1000000.00 USD', i.quote, i.valid_from) AS converted,
		   currency_amount(1000000 * q.rate / u.rate, i.quote) AS ecb_cross
	FROM imf i
	JOIN trade_stats.exchange_rate u
		ON u.base = 'EUR' AND u.quote = 'USD' AND u.valid_from = i.valid_from
	JOIN trade_stats.exchange_rate q
		ON q.base = 'EUR' AND q.quote = i.quote AND q.valid_from = i.valid_from;
ALTER TABLE cross_check ADD deviation numeric;
UPDATE cross_check SET deviation = abs(converted::numeric / 1000000 / imf_rate - 1);

-- The conversion through EUR is the ECB cross rate, to the minor unit.
SELECT quote, count(*) AS common_dates,
	   count(*) FILTER (WHERE converted = ecb_cross) AS exactly_the_ecb_cross
FROM cross_check GROUP BY quote ORDER BY quote;

-- Against the IMF: the typical day agrees well within 0.5%, and monthly
-- averages mostly do.  The sources disagree on some days, so no conversion
-- could agree on all: the IMF's CNY "representative rate" followed the PBOC
-- central parity, which the market rate the ECB uses left by up to 2% in
-- 2012-2015; the won moved up to 10% within a day in October 2008.
SELECT quote,
	   round(percentile_cont(0.5) WITHIN GROUP (ORDER BY deviation)::numeric * 100, 3)
		   AS median_deviation_pct,
	   count(*) FILTER (WHERE deviation <= 0.005) AS days_within_half_pct,
	   count(*) AS days
FROM cross_check GROUP BY quote ORDER BY quote;
SELECT quote,
	   count(*) FILTER (WHERE abs(monthly) <= 0.005) AS months_within_half_pct,
	   count(*) AS months
FROM (SELECT quote, date_trunc('month', day) AS month,
			 avg(converted::numeric / 1000000 / imf_rate - 1) AS monthly
	  FROM cross_check GROUP BY quote, month) m
GROUP BY quote ORDER BY quote;
SELECT extract(year FROM day) AS year, count(*) AS days,
	   count(*) FILTER (WHERE deviation <= 0.005) AS within_half_pct,
	   round(max(deviation) * 100, 2) AS max_deviation_pct
FROM cross_check WHERE quote = 'CNY' GROUP BY year ORDER BY year;
SELECT day, imf_rate, converted, round(deviation * 100, 2) AS deviation_pct
FROM cross_check WHERE quote = 'KRW' ORDER BY deviation DESC LIMIT 3;

-- One day in full: 2019-06-03.
SELECT convert('1000000.00 USD', 'CNY', date '2019-06-03') AS via_eur,
	   (SELECT rate FROM imf WHERE quote = 'CNY' AND valid_from = '2019-06-03') AS imf_cny_per_usd;

-- 3. The issue's cases on the real files, loaded as the README says: the
--    IMF's daily USD rates, the ECB's daily euro rates and the NBS's annual
--    yuan rates (declared annual: each holds for its year).
TRUNCATE trade_stats.exchange_rate;
INSERT INTO trade_stats.exchange_rate SELECT * FROM imf;
\set content `cat test/data/ecb_eurofxref_hist.csv`
SELECT load_rates(:'content', 'EUR') AS ecb_rows;
\set content `cat test/data/nbs_cny_rates_annual_1978_2014.csv`
SELECT load_rates(:'content', 'CNY', ',', 'YYYY"年"', per => 100, columns => 'base',
				  currency_names => '{"日元": "JPY", "欧元": "EUR", "港元": "HKD", "美元": "USD"}',
				  valid_for => 'year') AS nbs_rows;
-- An old direct rate loses to a fresh cross: the NBS's JPY/CNY of 2014
-- against the IMF's USD/JPY and USD/CNY of 1 June 2018 (1000000 / 109.05 *
-- 6.4164 = 58839.06; 0.2 gave 58196.00 at the 2014 rate).  And JPY to USD
-- in May 2025, after the IMF file ends: through the ECB's euro rates.
SELECT to_cny('1000000 JPY'::currency_amount, date '2018-06-01') AS jpy_cny_2018,
	   to_usd('1000000 JPY'::currency_amount, date '2025-05-09') AS jpy_usd_2025,
	   (SELECT currency_amount(1000000 / j.rate * u.rate, 'USD')
		FROM trade_stats.exchange_rate j, trade_stats.exchange_rate u
		WHERE j.base = 'EUR' AND j.quote = 'JPY' AND j.valid_from = '2025-05-09'
		  AND u.base = 'EUR' AND u.quote = 'USD' AND u.valid_from = '2025-05-09') AS ecb_cross_2025;
SELECT path, leg, pair, inverted, first_date, rate_sum
FROM trade_stats.rate_used('JPY', 'CNY', '2018-06-01');
SELECT path, leg, pair, inverted, first_date, rate_sum
FROM trade_stats.rate_used('JPY', 'USD', '2025-05-09');
-- Within the NBS's years, its annual rate is fresher than nothing but
-- not than the IMF's daily ones: 2010 converts through USD on the day.
SELECT path FROM trade_stats.rate_used('JPY', 'CNY', '2010-06-01');

-- Monthly figures at the month's average rate: the US Census's 2018 imports
-- from China in yuan, each month at the average of the IMF's daily rates of
-- that month, against the hand-written join to exchange_rate_monthly, and
-- against 0.2's rule (the rate on or before the 1st: the previous month's
-- last day).
CREATE TEMP TABLE census_raw (month text, exports text, imports text, balance text);
\copy census_raw FROM 'test/data/us_census_china_monthly_2001_2019.csv' WITH (FORMAT csv, DELIMITER ';', HEADER true)
CREATE TEMP TABLE census AS
	SELECT to_date(month, 'FMMonth YYYY') AS period,
		   currency_amount(replace(imports, ',', '')::numeric * 1000000, 'USD') AS imports
	FROM census_raw;
CREATE TEMP TABLE month_sums AS
	SELECT date_trunc('month', valid_from)::date AS month, sum(rate) AS rate_sum, count(*) AS days
	FROM trade_stats.exchange_rate WHERE base = 'USD' AND quote = 'CNY' GROUP BY 1;
-- Exactly the month's average, rounded once: the sum of the month's rates
-- times the amount, divided by the count, rounded to the fen.
SELECT count(*) AS months,
	   count(*) FILTER (WHERE to_cny(c.imports, c.period, 'month')
						= currency_amount(round(c.imports::numeric * s.rate_sum / s.days, 2), 'CNY')) AS exact
FROM census c JOIN month_sums s ON s.month = c.period
WHERE c.period BETWEEN '2018-01-01' AND '2018-12-01';
-- And the hand-written join to exchange_rate_monthly (avg(rate), rounded to
-- 16 decimals, gives the same fen here), with 0.2's rule on the 1st.
SELECT count(*) AS months,
	   count(*) FILTER (WHERE to_cny(c.imports, c.period, 'month')
						= currency_amount(round(c.imports::numeric * m.rate, 2), 'CNY')) AS equal_to_the_join,
	   sum(to_cny(c.imports, c.period, 'month')) AS at_monthly_averages,
	   sum(to_cny(c.imports, c.period)) AS at_the_rate_of_the_1st,
	   round((sum(to_cny(c.imports, c.period)) / sum(to_cny(c.imports, c.period, 'month')) - 1) * 100, 2)
		   AS day_rule_off_pct
FROM census c
JOIN trade_stats.exchange_rate_monthly m ON m.base = 'USD' AND m.quote = 'CNY' AND m.month = c.period
WHERE c.period BETWEEN '2018-01-01' AND '2018-12-01';
SELECT to_cny('1000000 USD'::currency_amount, date '2018-01-01') AS rule_of_the_1st,
	   to_cny('1000000 USD'::currency_amount, date '2018-01-01', 'month') AS january_average,
	   to_cny('1000000 USD'::currency_amount, date '2018-01-01', 'year') AS year_2018_average;
SELECT path, pair, first_date, last_date, observations, rate_sum
FROM trade_stats.rate_used('USD', 'CNY', '2018-01-01', 'month');

-- No silently stale rate: with only the NBS's annual table, 2018 is past
-- every one of its years; loaded without valid_for, its rates hold 31 days.
TRUNCATE trade_stats.exchange_rate;
\set content `cat test/data/nbs_cny_rates_annual_1978_2014.csv`
SELECT load_rates(:'content', 'CNY', ',', 'YYYY"年"', per => 100, columns => 'base',
				  currency_names => '{"日元": "JPY", "欧元": "EUR", "港元": "HKD", "美元": "USD"}',
				  valid_for => 'year') AS nbs_rows;
SELECT to_cny('1000000 JPY'::currency_amount, date '2014-06-01') AS in_2014;
SELECT to_cny('1000000 JPY'::currency_amount, date '2018-06-01');
SELECT load_rates(:'content', 'CNY', ',', 'YYYY"年"', per => 100, columns => 'base',
				  currency_names => '{"日元": "JPY", "欧元": "EUR", "港元": "HKD", "美元": "USD"}') AS nbs_undeclared;
SELECT to_cny('1000000 JPY'::currency_amount, date '2018-06-01');
SELECT to_cny('1000000 JPY'::currency_amount, date '2014-06-01', 'year') AS year_2014;
SELECT to_cny('1000000 JPY'::currency_amount, date '2014-06-01', 'month');
TRUNCATE trade_stats.exchange_rate;
