--
-- Growth over several years and index numbers: cagr(s, from, to) and
-- growth_index(s, base), against numbers worked out by hand (and, for the
-- roots that are not exact, by Python's decimal module at 60 digits).
--
\i test/sql/helpers.psql

-- Annual totals: 1000, 1100, 1210, 1331 (10% a year), then 0, then -5.
CREATE TABLE y (period date, v numeric);
INSERT INTO y VALUES ('2015-01-01', 1000), ('2016-01-01', 1100), ('2017-01-01', 1210),
	('2018-01-01', 1331), ('2019-01-01', 0), ('2020-01-01', -5);
CREATE TABLE ys AS SELECT growth_summary(v, period) AS s FROM y;

-- exact roots are exact: 1331 / 1000 in three years is 10% a year, and one
-- year needs no root
SELECT cagr(s, '2015-01-01', '2018-01-01') AS three_years,
	   cagr(s, '2015-01-01', '2016-01-01') AS one_year,
	   cagr(s, '2016-01-01', '2018-01-01') AS two_years
FROM ys;
-- a total of 0 at the end: -100; a first total of 0 or an end below 0: no
-- real root, NULL; a period without rows: NULL
SELECT cagr(s, '2015-01-01', '2019-01-01') AS to_zero,
	   cagr(s, '2019-01-01', '2020-01-01') AS from_zero,
	   cagr(s, '2015-01-01', '2020-01-01') AS to_negative,
	   cagr(s, '2015-01-01', '2021-01-01') AS no_rows
FROM ys;
-- roots that are not exact, rounded to 12 decimals:
--   100 -> 200 in three years: 100 * (2^(1/3) - 1) = 25.99210498948731647...
--   100 -> 121 in 18 months: 100 * (1.21^(2/3) - 1) = 13.55081270020038751...
--   200 -> 100 in nine years: 100 * (0.5^(1/9) - 1) = -7.41252877127095707...
SELECT cagr(growth_summary(v, p), '2020-01-01', '2023-01-01') AS doubled_in_3,
	   cagr(growth_summary(v, p), '2020-01-01', '2021-07-01') AS months_18
FROM (VALUES (date '2020-01-01', 100), ('2023-01-01', 200), ('2021-07-01', 121)) t(p, v);
SELECT cagr(growth_summary(v, p), '2010-01-01', '2019-01-01') AS halved_in_9
FROM (VALUES (date '2010-01-01', 200::bigint), ('2019-01-01', 100)) t(p, v);
-- every value type: amounts, double precision
SELECT cagr(growth_summary(currency_amount(v, 'CNY'), period), '2015-01-01', '2018-01-01') AS amount,
	   cagr(growth_summary(v::float8, period), '2015-01-01', '2018-01-01') AS float8
FROM y;
-- days do not count: 29 February 2024 to 28 February 2025 is one year
SELECT cagr(growth_summary(v, p), '2024-02-29', '2025-02-28')
FROM (VALUES (date '2024-02-29', 50), ('2025-02-28', 60)) t(p, v);

-- Index numbers: base 2015 = 100: 110, 121, 133.1; base 2018: 1000 / 1331
-- = 75.13148009015777610818...%, to the digits numeric division gives.
SELECT * FROM growth_index((SELECT s FROM ys), '2015-01-01');
SELECT period, index FROM growth_index((SELECT s FROM ys), '2018-01-01') WHERE period < '2019-01-01';
-- a base of 0: no index
SELECT period, index FROM growth_index((SELECT s FROM ys), '2019-01-01') LIMIT 1;
-- from a monthly summary of amounts, base January
SELECT * FROM growth_index((SELECT growth_summary(currency_amount(v, 'USD'), p)
							FROM (VALUES (date '2024-01-01', 80), ('2024-02-01', 100), ('2024-03-01', 60)) t(p, v)),
						   '2024-01-01');

-- Errors
SELECT pg_temp.try($$SELECT cagr(s, '2018-01-01', '2015-01-01') FROM ys$$) AS backwards,
	   pg_temp.try($$SELECT cagr(s, '2018-01-01', '2018-01-31') FROM ys$$) AS same_month,
	   pg_temp.try($$SELECT count(*) FROM growth_index((SELECT s FROM ys), '2014-01-01')$$) AS no_base,
	   pg_temp.try($$SELECT cagr('(numeric,0,0,,)[*:1:5:0:0]'::growth_state, '2018-01-01', '2019-01-01')$$) AS no_periods;
DROP TABLE y, ys;
