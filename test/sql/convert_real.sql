--
-- Conversion on real data (../shared/data; the test runner skips this test
-- when that folder is missing).
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
