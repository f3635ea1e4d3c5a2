--
-- format_pct and format_pp: growth in percent and changes of shares in
-- percentage points as headlines write them, in English and Chinese
--
\i test/sql/helpers.psql

-- Rounded once, half away from zero, on the exact numeric (default one
-- decimal); what rounds to zero has no sign: 0.0% in English, 持平 in
-- Chinese.
SELECT v, format_pct(v) AS pct, format_pct(v, 'zh') AS pct_zh,
	   format_pp(v) AS pp, format_pp(v, 'zh') AS pp_zh
FROM (VALUES (14.05), (-5.2), (1.25), (-1.25), (0.04999), (-0.05), (0),
			 (100), (-100), (9.1427506522549385)) AS t(v);

-- digits 0 to 20; lang with a region
SELECT format_pct(9.1427506522549385, 'en', 0) AS d0,
	   format_pct(9.1427506522549385, 'en', 3) AS d3,
	   format_pct(9.1427506522549385, 'en', 20) AS d20,
	   format_pct(-2.5, 'zh-CN', 0) AS zh_cn,
	   format_pp(0, 'en_US', 2) AS en_us;

-- a headline without round()
CREATE TABLE headline_rows (period date, partner text, value currency_amount);
INSERT INTO headline_rows VALUES
	('2020-01-01', 'ASEAN', '100 USD'), ('2020-01-01', 'EU', '300 USD'),
	('2021-01-01', 'ASEAN', '130 USD'), ('2021-01-01', 'EU', '290 USD');
SELECT format_pct(yoy_growth(value, period)) AS growth,
	   format_pct(yoy_growth(value, period), 'zh') AS growth_zh,
	   format_pp(share_change(value, partner = 'ASEAN', period)) AS asean_pp,
	   format_pp(share_change(value, partner = 'ASEAN', period), 'zh') AS asean_pp_zh,
	   format_pp(share_change(value, partner = 'EU', period), 'zh') AS eu_pp_zh
FROM headline_rows;
DROP TABLE headline_rows;

-- NULL in, NULL out
SELECT format_pct(NULL) IS NULL AS pct_null, format_pp(NULL, 'zh') IS NULL AS pp_null,
	   format_pct(1, NULL) IS NULL AS lang_null, format_pp(1, 'en', NULL) IS NULL AS digits_null;

-- errors
SELECT pg_temp.try_expr('format_pct(1, ''fr'')');
SELECT pg_temp.try_expr('format_pp(1, ''ja'')');
SELECT pg_temp.try_expr('format_pct(1, ''en'', -1)');
SELECT pg_temp.try_expr('format_pp(1, ''en'', 21)');
SELECT pg_temp.try_expr('format_pct(''NaN'')');
SELECT pg_temp.try_expr('format_pp(''-Infinity'')');
SELECT pg_temp.try_expr('format_pct(1e37)');
SELECT pg_temp.try_expr('format_pct(1e36)');
SELECT pg_temp.try_expr('format_pp(1e30, ''zh'', 8)');

-- The whole error, with its hint.
\set VERBOSITY default
SELECT format_pct(1, 'fr');
SELECT format_pp(1, 'en', 21);
SELECT format_pct(1e40);
