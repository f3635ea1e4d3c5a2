--
-- Rolling windows of calendar months, not rows: rolling_total, rolling_yoy
-- and rolling_series of a summary, and the window functions rolling_sum
-- and rolling_yoy, against numbers worked out by hand.  A month without a
-- row is absent, never replaced by the row before it.
--
\i test/sql/helpers.psql

-- 2023: 10 a month; 2024: 20 a month but June is missing; January 2025: 30.
CREATE TABLE m (period date, v numeric);
INSERT INTO m
	SELECT d, CASE WHEN d < '2024-01-01' THEN 10 WHEN d = '2025-01-01' THEN 30 ELSE 20 END
	FROM generate_series(date '2023-01-01', date '2025-01-01', interval '1 month') d
	WHERE d <> '2024-06-01';

-- The trap: ROWS 11 PRECEDING at July 2024 reaches back to July 2023 (the
-- 12 rows span 13 months: 6 * 10 + 6 * 20 = 180); twelve calendar months
-- are August 2023 to July 2024: 5 * 10 + 6 * 20 = 170.  A year earlier,
-- August 2022 to July 2023: 7 * 10 = 70, so +142.857...%.
-- December 2024: 11 * 20 = 220 against 12 * 10 = 120, +83.33...%; January
-- 2025: 10 * 20 + 30 = 230 against 11 * 10 + 20 = 130, +76.92...%.  Three
-- months to July 2024: May and July, 40 (June is absent), against 30.
SELECT * FROM (
	SELECT period, v,
		   sum(v) OVER (ORDER BY period ROWS 11 PRECEDING) AS rows_11,
		   rolling_sum(v, period, 12) OVER (ORDER BY period) AS months_12,
		   rolling_yoy(v, period, 12) OVER (ORDER BY period) AS yoy_12,
		   rolling_sum(v, period, 3) OVER (ORDER BY period) AS months_3,
		   rolling_yoy(v, period, 3) OVER (ORDER BY period) AS yoy_3
	FROM m) x
WHERE period >= '2024-05-01' ORDER BY period;
-- a window function sees the rows its query's WHERE leaves: from May 2024
-- on, the window to July 2024 holds May and July only
SELECT period, rolling_sum(v, period, 12) OVER (ORDER BY period) AS months_12
FROM m WHERE period >= '2024-05-01' ORDER BY period LIMIT 2;

-- From a summary.  Latest period January 2025: February 2024 to January
-- 2025 = 10 * 20 + 30 = 230 against 11 * 10 + 20 = 130: +76.92...%.  As of
-- December 2024: 220 against 120: +83.33...%.  As of 15 June 2024, in the
-- gap: July 2023 to 15 June 2024 = 6 * 10 + 5 * 20 = 160.
CREATE TABLE ms AS SELECT growth_summary(v, period) AS s FROM m;
SELECT rolling_total(s, 12) AS total_12,
	   rolling_yoy(s, 12) AS yoy_12,
	   rolling_total(s, 12, date '2024-12-01') AS dec_total,
	   rolling_yoy(s, 12, date '2024-12-01') AS dec_yoy,
	   rolling_total(s, 12, date '2024-06-15') AS jun15_total,
	   rolling_total(s, 1, date '2024-06-15') AS june_alone,
	   rolling_yoy(s, 1, date '2024-06-15') AS june_yoy
FROM ms;
SELECT * FROM rolling_series((SELECT s FROM ms), 12) WHERE period >= '2024-05-01';
-- rolling_series and the window functions give the same digits
SELECT count(*) AS periods,
	   count(*) FILTER (WHERE r.rolling_total = w.months_12
							AND r.rolling_yoy IS NOT DISTINCT FROM w.yoy_12) AS same
FROM rolling_series((SELECT s FROM ms), 12) r
JOIN (SELECT period, rolling_sum(v, period, 12) OVER (ORDER BY period) AS months_12,
			 rolling_yoy(v, period, 12) OVER (ORDER BY period) AS yoy_12 FROM m) w
	USING (period);
-- ... also where the sums' leading base-10000 digits are equal (2.52 and
-- 265.39: numeric division of the values gives 16 decimals, of the summary's
-- integers 252 and 26539 it would give 12), and a summary at a larger scale
-- than the values; yoy() and growth_series alike.
CREATE TABLE mdigits AS
	SELECT * FROM (VALUES (date '2019-01-01', 2.52), ('2020-01-01', 265.39),
						  ('2021-01-01', 2.52), ('2022-01-01', 2.5200)) t(p, v);
SELECT w.p, w.rolling_yoy, r.rolling_yoy AS series_rolling_yoy,
	   w.yoy, g.yoy AS series_yoy, 100 * (w.v - lag(w.v) OVER (ORDER BY w.p)) / abs(lag(w.v) OVER (ORDER BY w.p)) AS plain_sql
FROM (SELECT p, v, rolling_yoy(v, p, 1) OVER (ORDER BY p) AS rolling_yoy, yoy(v, p) OVER (ORDER BY p) AS yoy FROM mdigits) w
JOIN rolling_series((SELECT growth_summary(v, p) FROM mdigits), 1) r ON r.period = w.p
JOIN growth_series((SELECT growth_summary(v, p) FROM mdigits)) g ON g.period = w.p
ORDER BY w.p;
SELECT rolling_yoy(growth_summary(v, p), 1, date '2020-01-01') AS accessor,
	   rolling_yoy(growth_summary(v, p) + growth_summary(0.001, date '2018-01-01'), 1, date '2020-01-01') AS at_scale_3,
	   yoy_growth(v, p, date '2020-01-01') AS aggregate
FROM mdigits;
-- Errors of the rolling window functions name them: an infinite double,
-- amounts of two currencies summed.
SELECT pg_temp.try($$SELECT rolling_sum(v, p, 3) OVER () FROM (VALUES ('Infinity'::float8, date '2020-01-01')) t(v, p)$$) AS sum_infinity,
	   pg_temp.try($$SELECT rolling_yoy(v, p, 3) OVER () FROM (VALUES ('NaN'::float8, date '2020-01-01')) t(v, p)$$) AS yoy_nan;
SELECT pg_temp.try($$SELECT rolling_sum(v, p, 3) OVER () FROM (VALUES ('1 USD'::currency_amount, date '2020-01-01'), ('1 EUR', date '2020-02-01')) t(v, p)$$) AS two_currencies;
-- a summary without rows, and rows only after as_of
SELECT rolling_total(growth_summary(v, period), 12) FROM m WHERE false;
SELECT rolling_total(s, 12, date '2020-01-01'), rolling_yoy(s, 12, date '2020-01-01') FROM ms;

-- Daily rows and leap days, windows of one month (month to date): at
-- 2024-02-29, 1 + 2 = 3 against February 2023 to the 28th, 8: -62.5%; at
-- 2024-03-01, 4 against 16: -75%.
CREATE TABLE d (period date, v bigint);
INSERT INTO d VALUES ('2023-02-28', 8), ('2023-03-01', 16),
	('2024-02-27', 1), ('2024-02-29', 2), ('2024-03-01', 4);
SELECT period, rolling_sum(v, period, 1) OVER (ORDER BY period) AS mtd,
	   rolling_yoy(v, period, 1) OVER (ORDER BY period) AS mtd_yoy
FROM d ORDER BY period;
SELECT rolling_yoy(growth_summary(v, period), 1, date '2024-02-29') AS feb29,
	   rolling_yoy(growth_summary(v, period), 1, date '2024-03-01') AS mar1
FROM d;

-- every value type; amounts stay amounts
SELECT period, rolling_sum(v::float8, period, 12) OVER w AS float8,
	   rolling_sum(v::bigint, period, 12) OVER w AS int8,
	   rolling_sum(currency_amount(v, 'USD'), period, 12) OVER w AS amount,
	   rolling_yoy(currency_amount(v, 'USD'), period, 12) OVER w AS amount_yoy,
	   rolling_yoy(v::float8, period, 12) OVER w AS float8_yoy
FROM m WINDOW w AS (ORDER BY period) ORDER BY period DESC LIMIT 2;
-- partitions, rows out of order, NULL values absent, a NULL period ignored
SELECT g, period, rolling_sum(v, period, 2) OVER (PARTITION BY g) AS two_months
FROM (VALUES ('a', date '2024-03-01', 3), ('a', '2024-01-01', 1), ('a', '2024-02-01', NULL),
			 ('b', '2024-02-01', 5), ('b', NULL, 7), ('b', '2024-01-01', 6)) t(g, period, v)
ORDER BY g, period;

-- Errors: months out of 1 to 1200, two rows of one period
SELECT pg_temp.try($$SELECT rolling_total(s, 0) FROM ms$$) AS total_0,
	   pg_temp.try($$SELECT rolling_yoy(s, 1201, date '2024-01-01') FROM ms$$) AS yoy_1201,
	   pg_temp.try($$SELECT rolling_series(s, -1) FROM ms$$) AS series,
	   pg_temp.try($$SELECT rolling_sum(v, period, 0) OVER () FROM m$$) AS window_0,
	   pg_temp.try($$SELECT rolling_sum(v, date '2024-01-01', 12) OVER () FROM m$$) AS duplicate;
SELECT rolling_sum(v, period, NULL) OVER () FROM m LIMIT 1;
DROP TABLE m, ms, d;

-- The window functions answer each row with two binary searches over exact
-- prefix sums: against plain-SQL sums of each row's calendar window, as
-- text (the display scale of a window's sum is that of its own values),
-- with values of several scales, gaps and NULLs, and partitions.
CREATE TABLE rw AS
	SELECT g, date '2019-01-01' + (i * 17 + g * 5) % 1500 AS p,
		   CASE WHEN i % 11 = 0 THEN NULL
				WHEN i % 7 = 0 THEN round((i * 37 % 1000 - 400)::numeric / 100, 2)
				WHEN i % 5 = 0 THEN (i * 13 % 90)::numeric(10, 4)
				ELSE (i * 29 % 500 - 100)::numeric END AS v
	FROM generate_series(1, 3) g, generate_series(1, 300) i;
DELETE FROM rw a USING rw b WHERE a.g = b.g AND a.p = b.p AND a.ctid < b.ctid;
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE w.s::text IS NOT DISTINCT FROM
						(SELECT sum(v)::text FROM rw x WHERE x.g = w.g AND x.v IS NOT NULL
						 AND x.p BETWEEN date_trunc('month', w.p)::date - interval '5 months' AND w.p)
						AND w.yoy IS NOT DISTINCT FROM
						(SELECT CASE WHEN b.s <> 0 THEN trim_scale(100 * (a.s - b.s) / abs(b.s)) END
						 FROM (SELECT sum(v) AS s FROM rw x WHERE x.g = w.g
							   AND x.p BETWEEN date_trunc('month', w.p)::date - interval '5 months' AND w.p) a,
							  (SELECT sum(v) AS s FROM rw x WHERE x.g = w.g
							   AND x.p BETWEEN date_trunc('month', w.p)::date - interval '17 months'
							   AND w.p - interval '1 year') b)) AS same_as_sql
FROM (SELECT g, p, v, rolling_sum(v, p, 6) OVER (PARTITION BY g) AS s,
			 rolling_yoy(v, p, 6) OVER (PARTITION BY g) AS yoy FROM rw) w
WHERE w.v IS NOT NULL;
-- 300,000 daily rows and windows of 100 years: well under a second (the
-- sum of each window row by row took more than 15 minutes).
CREATE TABLE rw_daily AS
	SELECT date '1500-01-01' + i AS p, (i % 1000)::numeric AS v FROM generate_series(0, 299999) i;
SET statement_timeout = '60s';
SELECT count(s) AS sums, sum(s) FILTER (WHERE p = date '1500-01-01' + 299999) AS last_window
FROM (SELECT p, rolling_sum(v, p, 1200) OVER () AS s FROM rw_daily) z;
RESET statement_timeout;
