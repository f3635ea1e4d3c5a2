-- The same measures on real published data (test/data, see its README):
-- each query reproduces a figure the statistics office published.
-- The demo's illustrative rates are cleared first; real ones follow.
TRUNCATE trade_stats.exchange_rate;

\echo
\echo '######## Real data: test/data ########'

-- China Customs (GACC): monthly crude-oil imports, valued in yuan and in US
-- dollars.  The CSV has a Chinese header and YYYYMM periods.
CREATE TEMP TABLE gacc_raw (year text, month text, period text, hs text, name text,
	qty1 text, unit1 text, qty2 text, unit2 text, cny text, usd text,
	cny_per_t text, usd_per_t text);
\copy gacc_raw FROM 'test/data/gacc_crude_oil_imports_monthly_2016_2026.csv' WITH (FORMAT csv, HEADER true)
CREATE TABLE demo.crude AS
	SELECT to_date(period, 'YYYYMM') AS period,
		   currency_amount(cny::numeric, 'CNY') AS yuan,
		   currency_amount(usd::numeric, 'USD') AS dollars,
		   qty1::numeric / 1000 AS tonnes
	FROM gacc_raw;
-- Each month's yuan/dollar rate, as customs rounds it, for conversions.
INSERT INTO trade_stats.exchange_rate (base, quote, valid_from, rate)
	SELECT 'USD', 'CNY', period, round(yuan::numeric / dollars::numeric, 4) FROM demo.crude;

\echo '== China''s crude-oil imports in 2020 (published: 1,236.2 billion yuan, 178.45 billion US dollars)'
SELECT round(sum(yuan)::numeric / 1e9, 1) AS billion_yuan, humanize(sum(yuan), 'zh') AS "人民币",
	   round(sum(dollars)::numeric / 1e9, 2) AS billion_usd, humanize(sum(dollars)) AS us_dollars,
	   humanize(sum(to_usd(yuan, period))) AS converted_at_each_months_rate
FROM demo.crude WHERE period BETWEEN '2020-01-01' AND '2020-12-01';

\echo '== Crude oil by the tonne: the unit value is the price GACC publishes beside each month'
SELECT c.period, round(unit_value(c.dollars, c.tonnes, 't'), 2) AS usd_per_tonne, r.usd_per_t AS published
FROM demo.crude c JOIN gacc_raw r ON to_date(r.period, 'YYYYMM') = c.period
WHERE c.period >= '2025-10-01' GROUP BY c.period, r.usd_per_t ORDER BY c.period;

\echo '== 2025 against 2024: the value''s growth split into price and volume'
SELECT format_pct(yoy_growth(dollars, period, '2025-12-01')) AS value,
	   format_pct(price_growth(dollars, tonnes, 't', period, '2025-12-01')) AS price,
	   format_pct(volume_growth(dollars, tonnes, 't', period, '2025-12-01')) AS volume,
	   format_pct(volume_growth(dollars, tonnes, 't', period, '2025-12-01'), 'zh') AS "数量"
FROM demo.crude;

\echo '== The latest quarter against the same quarter a year before'
SELECT to_char(max(period) FILTER (WHERE yuan IS NOT NULL), 'YYYY-MM') AS through,
	   humanize(sum(yuan) FILTER (WHERE period >= date_trunc('year', (SELECT max(period) FROM demo.crude)))) AS ytd,
	   round(yoy_growth(yuan, period), 1) AS yoy_yuan_pct,
	   round(yoy_growth(dollars, period), 1) AS yoy_usd_pct,
	   round(yoy_growth(tonnes, period), 1) AS yoy_tonnes_pct
FROM demo.crude;
SELECT period, humanize(yuan, 'zh') AS "进口金额", round(yoy(yuan, period) OVER (), 1) AS yoy_pct,
	   round(mom(yuan, period) OVER (), 1) AS mom_pct,
	   round(yuan::numeric / dollars::numeric, 4) AS cny_per_usd
FROM demo.crude ORDER BY period DESC LIMIT 4;

-- US Census Bureau: US trade in goods with China, million USD, ';'
-- separated, '1,187.5' thousands separators, months as 'January 2001'.
CREATE TEMP TABLE census_raw (month text, exports text, imports text, balance text);
\copy census_raw FROM 'test/data/us_census_china_monthly_2001_2019.csv' WITH (FORMAT csv, DELIMITER ';', HEADER true)
CREATE TABLE demo.census AS
	SELECT to_date(month, 'FMMonth YYYY') AS period,
		   currency_amount(replace(exports, ',', '')::numeric * 1000000, 'USD') AS exports,
		   currency_amount(replace(imports, ',', '')::numeric * 1000000, 'USD') AS imports
	FROM census_raw;
-- The IMF's daily yuan per dollar: each month converted at the average of
-- its days (to_cny(..., 'month')), as statistics offices convert.
TRUNCATE trade_stats.exchange_rate;
\set content `cat test/data/imf_usd_rates_daily_2001_2019.csv`
SELECT load_rates(:'content', 'USD', ';', 'DD-Mon-YYYY') AS imf_daily_rates \gset

\echo '== US trade with China in 2018 (published: imports 538,514.3, exports 120,281.3 million USD)'
SELECT flow, humanize(v) AS us_dollars, v AS exact,
	   humanize(cny, 'zh') AS "人民币 (IMF monthly average rates)",
	   round(yoy_usd, 1) AS yoy_pct
FROM (SELECT 'imports from China' AS flow,
			 sum(imports) FILTER (WHERE period >= '2018-01-01') AS v,
			 sum(to_cny(imports, period, 'month')) FILTER (WHERE period >= '2018-01-01') AS cny,
			 yoy_growth(imports, period) AS yoy_usd
	  FROM demo.census WHERE period <= '2018-12-01'
	  UNION ALL
	  SELECT 'exports to China', sum(exports) FILTER (WHERE period >= '2018-01-01'),
			 sum(to_cny(exports, period, 'month')) FILTER (WHERE period >= '2018-01-01'),
			 yoy_growth(exports, period)
	  FROM demo.census WHERE period <= '2018-12-01') t;

\echo '== 2019: the tariffs month by month (US imports from China)'
SELECT * FROM (
	SELECT period, humanize(imports) AS imports, round(yoy(imports, period) OVER (), 1) AS yoy_pct,
		   humanize(exports - imports) AS us_balance
	FROM demo.census) s
WHERE period >= '2019-07-01' ORDER BY period;

-- UN Comtrade 2022: 48 quoted columns, Latin-1 partner names, values with
-- fractions of a cent, a trailing comma.  Read raw, then the columns needed
-- by position (the README's recipe).
SELECT format('CREATE TEMP TABLE comtrade_raw (%s)', string_agg(format('c%s text', i), ', '))
FROM generate_series(1, 48) AS i \gexec
\copy comtrade_raw FROM 'test/data/comtrade_2022_by_partner.csv' WITH (FORMAT csv, HEADER true, ENCODING 'LATIN1')
CREATE TABLE demo.comtrade AS
	SELECT c8 AS reporter, c10 AS flow, c13 AS partner, c14 AS partner_name,
		   currency_amount(c44::numeric, 'USD') AS value
	FROM comtrade_raw;

\echo '== China''s 2022 trade with the world (published: exports 3,593,601,435,602, imports 2,715,997,517,261 USD)'
SELECT sum(value) FILTER (WHERE flow = 'X') AS exports, sum(value) FILTER (WHERE flow = 'M') AS imports,
	   humanize(sum(value) FILTER (WHERE flow = 'X') - sum(value) FILTER (WHERE flow = 'M')) AS surplus,
	   humanize(sum(value) FILTER (WHERE flow = 'X') - sum(value) FILTER (WHERE flow = 'M'), 'zh') AS "贸易顺差"
FROM demo.comtrade WHERE reporter = 'CHN' AND partner = 'W00';

\echo '== Where China''s 2022 exports went: the five largest partners'' shares'
SELECT partner_name, humanize(value) AS exports, round(share, 1) AS share_pct
FROM (SELECT partner_name, value, share_of_total(value) OVER () AS share
	  FROM demo.comtrade WHERE reporter = 'CHN' AND flow = 'X' AND partner <> 'W00') t
ORDER BY share DESC LIMIT 5;

-- NBS annual trade, 1978-2014: yuan in 亿元, dollars in million USD, years
-- as '1978年'; and its annual average rates, yuan per 100 units.
CREATE TEMP TABLE nbs_raw (year text, ex_cny numeric, ex_usd numeric, bal_cny numeric,
	bal_usd numeric, total_cny numeric, total_usd numeric, im_cny numeric, im_usd numeric);
\copy nbs_raw FROM 'test/data/nbs_china_trade_annual_1978_2014.csv' WITH (FORMAT csv, HEADER true)
CREATE TABLE demo.nbs (period date, flow text, yuan currency_amount, dollars currency_amount);
INSERT INTO demo.nbs
	SELECT to_date(year, 'YYYY"年"'), f.flow,
		   currency_amount(f.cny * 100000000, 'CNY'), currency_amount(f.usd * 1000000, 'USD')
	FROM nbs_raw, LATERAL (VALUES ('export', ex_cny, ex_usd), ('import', im_cny, im_usd)) AS f(flow, cny, usd);
TRUNCATE trade_stats.exchange_rate;
\set content `cat test/data/nbs_cny_rates_annual_1978_2014.csv`
-- Its header names the currencies in Chinese: give it ISO codes first.
-- Annual averages: each holds for its year (valid_for).
SELECT load_rates(regexp_replace(:'content', '^[^\n]*', 'year,JPY,EUR,HKD,USD'),
				  'CNY', ',', 'YYYY"年"', per => 100, columns => 'base', valid_for => 'year') AS nbs_rates \gset

\echo '== China''s trade in 2014 (published: 26.42 trillion yuan, 4.30 trillion US dollars)'
SELECT humanize(sum(yuan) FILTER (WHERE period = '2014-01-01'), 'zh') AS "进出口总额",
	   humanize(sum(dollars) FILTER (WHERE period = '2014-01-01')) AS us_dollars,
	   humanize(sum(to_usd(yuan, period)) FILTER (WHERE period = '2014-01-01')) AS at_nbs_annual_rate,
	   round(sum(yuan::numeric) FILTER (WHERE period = '2014-01-01')
			 / sum(dollars::numeric) FILTER (WHERE period = '2014-01-01'), 4) AS implied_rate,
	   round(yoy_growth(yuan, period), 1) AS yoy_yuan_pct,
	   round(yoy_growth(dollars, period), 1) AS yoy_usd_pct,
	   round(share(yuan, flow = 'export') FILTER (WHERE period = '2014-01-01'), 1) AS exports_share_pct
FROM demo.nbs WHERE period <= '2014-01-01';

\echo '== Four decades: every fifth year, with its growth over the year before'
SELECT * FROM (
	SELECT extract(year FROM period) AS year, humanize(ex, 'zh') AS exports,
		   humanize(im, 'zh') AS imports, humanize(ex - im, 'zh') AS balance,
		   round(yoy(ex, period) OVER (), 1) AS ex_yoy_pct, round(yoy(im, period) OVER (), 1) AS im_yoy_pct
	FROM (SELECT period, sum(yuan) FILTER (WHERE flow = 'export') AS ex,
				 sum(yuan) FILTER (WHERE flow = 'import') AS im
		  FROM demo.nbs GROUP BY period) t) s
WHERE year IN (1980, 1985, 1990, 1995, 2000, 2005, 2010, 2014)
ORDER BY year;
