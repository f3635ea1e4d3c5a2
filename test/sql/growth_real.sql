--
-- Growth and share measures reproducing published figures from real data
-- (extracts of published files in test/data, with their sources and terms in
-- test/data/README.md).
--

-- 1. US Census Bureau: US trade in goods with China, million USD, monthly.
CREATE TABLE census_raw (month text, exports text, imports text, balance text);
\copy census_raw FROM 'test/data/us_census_china_monthly_2001_2019.csv' WITH (FORMAT csv, DELIMITER ';', HEADER true)
CREATE TABLE census AS
	SELECT to_date(month, 'FMMonth YYYY') AS period,
		   currency_amount(replace(exports, ',', '')::numeric * 1000000, 'USD') AS exports,
		   currency_amount(replace(imports, ',', '')::numeric * 1000000, 'USD') AS imports
	FROM census_raw;
SELECT count(*), min(period), max(period) FROM census;

-- US imports from China in 2018: 538,514.3 million USD; exports 120,281.3.
SELECT sum(imports) AS imports_2018, humanize(sum(imports)) AS en,
	   sum(exports) AS exports_2018
FROM census WHERE period BETWEEN '2018-01-01' AND '2018-12-01';

-- 2018 over 2017 (as of 31 December), and January-November 2019 over
-- January-November 2018 (the latest period, November 2019, when the data
-- stops there), each against plain SQL.
SELECT round(yoy_growth(imports, period, '2018-12-31'), 4) AS imports_2018_yoy,
	   round(100 * (sum(imports::numeric) FILTER (WHERE extract(year FROM period) = 2018)
					/ sum(imports::numeric) FILTER (WHERE extract(year FROM period) = 2017) - 1), 4)
		   AS plain_sql,
	   round(yoy_growth(exports, period, '2018-12-31'), 4) AS exports_2018_yoy
FROM census;
SELECT round(yoy_growth(imports, period), 4) AS imports_jan_nov_2019_yoy,
	   round(100 * (sum(imports::numeric) FILTER (WHERE period BETWEEN '2019-01-01' AND '2019-11-01')
					/ sum(imports::numeric) FILTER (WHERE period BETWEEN '2018-01-01' AND '2018-11-01') - 1), 4)
		   AS plain_sql
FROM census WHERE period <= '2019-11-01';
-- The monthly series: the trade war in 2019, month by month.
-- (Filter after the window: the window needs 2018 to compare with.)
SELECT * FROM (
	SELECT period, imports, round(yoy(imports, period) OVER (), 1) AS yoy_pct,
		   round(mom(imports, period) OVER (), 1) AS mom_pct
	FROM census) s
WHERE period >= '2019-01-01' ORDER BY period;
-- Exports' share of the two-way trade, by year.
SELECT extract(year FROM period) AS year,
	   round(share(v, flow = 'exports'), 2) AS exports_share_pct
FROM (SELECT period, 'exports' AS flow, exports AS v FROM census
	  UNION ALL SELECT period, 'imports', imports FROM census) t
WHERE period >= '2016-01-01' GROUP BY 1 ORDER BY 1;

-- 2. China Customs crude-oil imports, yuan and dollars: January-November
-- 2020 against January-November 2019.  The two growth rates differ because
-- the yuan moved against the dollar.
CREATE TEMP TABLE gacc_raw (year text, month text, period text, hs text, name text,
	qty1 text, unit1 text, qty2 text, unit2 text, cny text, usd text,
	cny_per_t text, usd_per_t text);
\copy gacc_raw FROM 'test/data/gacc_crude_oil_imports_monthly_2016_2026.csv' WITH (FORMAT csv, HEADER true)
CREATE TABLE gacc AS
	SELECT to_date(period, 'YYYYMM') AS period,
		   currency_amount(cny::numeric, 'CNY') AS cny,
		   currency_amount(usd::numeric, 'USD') AS usd,
		   qty1::numeric / 1000 AS tonnes
	FROM gacc_raw;
SELECT humanize(sum(cny) FILTER (WHERE period BETWEEN '2020-01-01' AND '2020-11-01')) AS jan_nov_2020_yuan,
	   humanize(sum(usd) FILTER (WHERE period BETWEEN '2020-01-01' AND '2020-11-01')) AS jan_nov_2020_usd,
	   round(yoy_growth(cny, period, '2020-11-30'), 2) AS yoy_yuan_pct,
	   round(yoy_growth(usd, period, '2020-11-30'), 2) AS yoy_usd_pct,
	   round(yoy_growth(tonnes, period, '2020-11-30'), 2) AS yoy_tonnes_pct
FROM gacc;
-- November 2020 alone, and against October.
SELECT * FROM (
	SELECT period, humanize(cny, 'zh') AS yuan, round(yoy(cny, period) OVER (), 2) AS yoy_pct,
		   round(mom(cny, period) OVER (), 2) AS mom_pct
	FROM gacc) s
WHERE period BETWEEN '2020-10-01' AND '2020-12-01' ORDER BY period;
-- The year-to-date figure customs prints, then back to months.
SELECT period, ytd, monthly_from_ytd(ytd, period) OVER () = cny AS back_to_monthly
FROM (SELECT period, cny, sum(cny) OVER (PARTITION BY extract(year FROM period) ORDER BY period) AS ytd
	  FROM gacc WHERE period BETWEEN '2020-01-01' AND '2020-12-01') t
ORDER BY period;

-- 3. UN Comtrade 2022: the partners' shares of China's imports.  Every
-- field is quoted, some partner names are Latin-1, values have fractions of
-- a cent: numeric keeps them exact.
CREATE TABLE comtrade_raw (typeCode text, freqCode text, refPeriodId text, refYear text,
	refMonth text, period text, reporterCode text, reporterISO text, reporterDesc text,
	flowCode text, flowDesc text, partnerCode text, partnerISO text, partnerDesc text,
	partner2Code text, partner2ISO text, partner2Desc text, classificationCode text,
	classificationSearchCode text, isOriginalClassification text, cmdCode text, cmdDesc text,
	aggrLevel text, isLeaf text, customsCode text, customsDesc text, mosCode text, motCode text,
	motDesc text, qtyUnitCode text, qtyUnitAbbr text, qty text, isQtyEstimated text,
	altQtyUnitCode text, altQtyUnitAbbr text, altQty text, isAltQtyEstimated text, netWgt text,
	isNetWgtEstimated text, grossWgt text, isGrossWgtEstimated text, cifvalue text,
	fobvalue text, primaryValue text, legacyEstimationFlag text, isReported text,
	isAggregate text, trailing_empty text);
\copy comtrade_raw FROM 'test/data/comtrade_2022_by_partner.csv' WITH (FORMAT csv, HEADER true, ENCODING 'LATIN1')
CREATE TABLE comtrade AS
	SELECT reporterISO AS reporter, flowCode AS flow, partnerISO AS partner,
		   partnerDesc AS partner_name, primaryValue::numeric AS value
	FROM comtrade_raw;
-- China's imports from the World: 2,715,997,517,261 USD; exports 3,593,601,435,602.
SELECT flow, value, humanize(currency_amount(value, 'USD')) AS en,
	   humanize(currency_amount(value, 'USD'), 'zh') AS zh
FROM comtrade WHERE reporter = 'CHN' AND partner = 'W00' ORDER BY flow;
-- The five largest partners' shares, and the rest, add up to 100%.
SELECT partner_name, round(share_of_total(value) OVER (), 2) AS share_pct
FROM comtrade WHERE reporter = 'CHN' AND flow = 'M' AND partner <> 'W00'
ORDER BY value DESC LIMIT 5;
SELECT round(sum(s) FILTER (WHERE rank <= 5), 2) AS top5_pct,
	   round(sum(s) FILTER (WHERE rank > 5), 2) AS rest_pct,
	   round(sum(s), 10) AS total_pct, count(*) AS partners
FROM (SELECT share_of_total(value) OVER () AS s, rank() OVER (ORDER BY value DESC) AS rank
	  FROM comtrade WHERE reporter = 'CHN' AND flow = 'M' AND partner <> 'W00') t;
-- The same with the share() aggregate against the World row.
SELECT round(share(value, partner IN ('KOR', 'JPN', 'USA', 'AUS')), 4) AS kor_jpn_usa_aus_pct,
	   round(100 * sum(value) FILTER (WHERE partner IN ('KOR', 'JPN', 'USA', 'AUS'))
			 / (SELECT value FROM comtrade WHERE reporter = 'CHN' AND flow = 'M' AND partner = 'W00'), 4)
		   AS of_world_row
FROM comtrade WHERE reporter = 'CHN' AND flow = 'M' AND partner <> 'W00';
-- Shares for every reporter, with Latin-1 names read right.
SELECT reporter, flow, count(*) AS partners, round(max(s), 2) AS largest_share_pct,
	   (array_agg(partner_name ORDER BY s DESC))[1] AS largest
FROM (SELECT reporter, flow, partner_name, share_of_total(value) OVER (PARTITION BY reporter, flow) AS s
	  FROM comtrade WHERE partner <> 'W00') t
GROUP BY reporter, flow ORDER BY reporter, flow;
SELECT partner_name FROM comtrade WHERE partner_name ~ '[^ -~]' GROUP BY 1 ORDER BY 1 LIMIT 3;
