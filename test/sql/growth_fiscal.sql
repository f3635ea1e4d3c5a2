--
-- Fiscal years: yoy_growth, share_change and growth_contribution (the
-- aggregates, with as_of and year_start, and the accessors) and
-- growth_series(s, year_start), against numbers worked out by hand.
--
\i test/sql/helpers.psql

-- April to March (Japan).  FY2022 (April 2022 to March 2023): 100 a month;
-- FY2023: 110 a month but February 2024, 200; April 2024: 50.  The part is
-- the rows of January to March.
CREATE TABLE apr (period date, v numeric);
INSERT INTO apr
	SELECT d, CASE WHEN d < '2023-04-01' THEN 100 WHEN d = '2024-02-01' THEN 200
				   WHEN d = '2024-04-01' THEN 50 ELSE 110 END
	FROM generate_series(date '2022-04-01', date '2024-04-01', interval '1 month') d;

-- As of March 2024: FY2023 to date 11 * 110 + 200 = 1410 against 12 * 100 =
-- 1200: +17.5%.  Calendar years: January-March 420 against 300: +40%.
-- As of April 2024, the first month of FY2024: 50 against 110: -54.54...%.
SELECT yoy_growth(v, period, date '2024-03-01', 4) AS fy_mar,
	   yoy_growth(v, period, date '2024-03-01', 1) AS cal_mar,
	   yoy_growth(v, period, date '2024-03-01') AS cal_mar_3,
	   yoy_growth(v, period, date '2024-04-01', 4) AS fy_apr,
	   yoy_growth(v, period, date '2024-04-30', 4) AS fy_apr_end
FROM apr;
-- Share of January-March: 420 / 1410 = 29.787...% against 300 / 1200 = 25%:
-- +4.787... pp; contribution (420 - 300) / 1200 = +10 pp.
SELECT share_change(v, extract(month FROM period) <= 3, period, date '2024-03-01', 4) AS share_pp,
	   growth_contribution(v, extract(month FROM period) <= 3, period, date '2024-03-01', 4) AS contrib_pp,
	   growth_contribution(v, true, period, date '2024-03-01', 4) AS all_pp
FROM apr;
-- every value type
SELECT yoy_growth(v::bigint, period, date '2024-03-01', 4) AS int8,
	   yoy_growth(v::float8, period, date '2024-03-01', 4) AS float8,
	   yoy_growth(currency_amount(v, 'JPY'), period, date '2024-03-01', 4) AS amount,
	   growth_contribution(v::bigint, extract(month FROM period) <= 3, period, date '2024-03-01', 4) AS int8_pp,
	   share_change(currency_amount(v, 'JPY'), extract(month FROM period) <= 3, period, date '2024-03-01', 4) AS amount_pp
FROM apr;
-- the accessors: the same digits from a summary
CREATE TABLE apr_sum AS
	SELECT growth_summary(v, extract(month FROM period) <= 3, period) AS s FROM apr;
SELECT yoy_growth(s, date '2024-03-01', 4) AS fy_mar,
	   yoy_growth(s, as_of => date '2024-04-01', year_start => 4) AS fy_apr,
	   share_change(s, date '2024-03-01', 4) AS share_pp,
	   growth_contribution(s, date '2024-03-01', 4) AS contrib_pp,
	   growth_contribution(s, s, date '2024-03-01', 4) AS whole_pp
FROM apr_sum;
-- growth_series with the fiscal year to date: 2023-04 110 (+10%), 2024-03
-- 1410 (+17.5%), 2024-04 50 (-54.5...%)
SELECT * FROM growth_series((SELECT s FROM apr_sum), 4)
WHERE period IN ('2022-04-01', '2023-03-01', '2023-04-01', '2024-02-01', '2024-03-01', '2024-04-01');

-- Leap days, April years, daily rows.  As of 2024-02-29: 2023-04-01 (10) +
-- 2024-02-29 (7) = 17 against 2022-04-01 (10) + 2023-02-28 (5) = 15:
-- +13.33...%.  As of 2024-03-01: 21 against 18 (2023-03-01 is 3): +16.66...%.
-- As of 2025-02-28: nothing since 2024-04-01 against 10 (the year before
-- ends on 2024-02-28, so the leap day is in neither window): -100.
CREATE TABLE leap (period date, v numeric);
INSERT INTO leap VALUES ('2022-04-01', 10), ('2023-02-28', 5), ('2023-03-01', 3),
	('2023-04-01', 10), ('2024-02-29', 7), ('2024-03-01', 4);
SELECT yoy_growth(v, period, date '2024-02-29', 4) AS feb29,
	   yoy_growth(v, period, date '2024-03-01', 4) AS mar1,
	   yoy_growth(v, period, date '2025-02-28', 4) AS feb28_2025
FROM leap;
SELECT yoy_growth(growth_summary(v, period), date '2024-02-29', 4) AS feb29,
	   yoy_growth(growth_summary(v, period), date '2024-03-01', 4) AS mar1
FROM leap;
-- July years on the leap day: July 2023 to 2024-02-29 holds 7 (2023-04-01
-- is in the year before), July 2022 to 2023-02-28 holds 5: +40%.
SELECT yoy_growth(v, period, date '2024-02-29', 7) AS jul_feb29 FROM leap;

-- July to June (Australia).  FY2024 (July 2023 to June 2024): the month's
-- number (July 7 ... June 6, 78 in all); FY2025: twice it, but January 2025
-- is 10 (164 in all); July 2025: 30.
CREATE TABLE jul (period date, v numeric);
INSERT INTO jul
	SELECT d, CASE WHEN d < '2024-07-01' THEN extract(month FROM d)
				   WHEN d = '2025-01-01' THEN 10
				   WHEN d = '2025-07-01' THEN 30
				   ELSE 2 * extract(month FROM d) END
	FROM generate_series(date '2023-07-01', date '2025-07-01', interval '1 month') d;
-- As of January 2025: 2 * 57 + 10 = 124 against 58: +113.79...%.  As of
-- June 2025: 164 against 78: +110.25...%.  As of July 2025, the first month
-- of FY2026: 30 against July 2024, 14: +114.28...%.  Calendar years as of
-- June 2025: 10 + 4 + 6 + 8 + 10 + 12 = 50 against 1 + ... + 6 = 21.
SELECT yoy_growth(v, period, date '2025-01-01', 7) AS jan,
	   yoy_growth(v, period, date '2025-06-01', 7) AS jun,
	   yoy_growth(v, period, date '2025-07-01', 7) AS jul,
	   yoy_growth(v, period, date '2025-06-01', 1) AS cal_jun
FROM jul;
SELECT period, total, ytd, ytd_yoy
FROM growth_series((SELECT growth_summary(v, period) FROM jul), 7)
WHERE period >= '2024-12-01' ORDER BY period;

-- The state keeps year_start: a user's aggregate without a final function
-- returns it, its text form says it, and the accessors read it back.
CREATE AGGREGATE fy_state(numeric, date, date, integer) (
	SFUNC = growth_accum, STYPE = growth_state, COMBINEFUNC = growth_combine);
SELECT fy_state(v, period, date '2024-03-01', 4)::text FROM apr WHERE period >= '2024-01-01';
SELECT yoy_growth(fy_state(v, period, date '2024-03-01', 4)) AS from_state,
	   yoy_growth(fy_state(v, period, date '2024-03-01', 4)::text::growth_state) AS from_text,
	   yoy_growth(fy_state(v, period, date '2024-03-01', 4), date '2024-03-01', 1) AS calendar
FROM apr;
-- year 1 is the calendar year: the same state as without year_start
CREATE AGGREGATE as_of_state(numeric, date, date) (
	SFUNC = growth_accum, STYPE = growth_state, COMBINEFUNC = growth_combine);
SELECT fy_state(v, period, date '2024-03-01', 1)::text =
	   as_of_state(v, period, date '2024-03-01')::text AS same
FROM apr;
SELECT '(numeric,13,0,,2024-03-01,4)[2024-01-01:1:110:0:0]'::growth_state;
SELECT pg_temp.try_expr($$'(numeric,13,0,,2024-03-01)[]'::growth_state$$) AS no_month,
	   pg_temp.try_expr($$'(numeric,13,0,,2024-03-01,1)[]'::growth_state$$) AS month_1,
	   pg_temp.try_expr($$'(numeric,13,0,,2024-03-01,13)[]'::growth_state$$) AS month_13,
	   pg_temp.try_expr($$'(numeric,5,0,,2024-03-01,4)[]'::growth_state$$) AS without_flag;
-- combined in parallel, the same
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off;
SELECT yoy_growth(v, period, date '2024-03-01', 4),
	   growth_contribution(v, extract(month FROM period) <= 3, period, date '2024-03-01', 4)
FROM apr;
RESET ALL;

-- Errors: a month out of 1 to 12, and one year_start per group
SELECT pg_temp.try($$SELECT yoy_growth(v, period, date '2024-03-01', 13) FROM apr$$) AS agg_13,
	   pg_temp.try($$SELECT yoy_growth(s, date '2024-03-01', 0) FROM apr_sum$$) AS accessor_0,
	   pg_temp.try($$SELECT growth_series(s, -1) FROM apr_sum$$) AS series,
	   pg_temp.try($$SELECT yoy_growth(v, period, date '2024-03-01', CASE WHEN period < '2023-01-01' THEN 4 ELSE 1 END) FROM apr$$) AS mixed;
-- NULL year_start: an error (22004), as a NULL as_of
SELECT yoy_growth(v, period, date '2024-03-01', NULL) FROM apr;
DROP TABLE apr, apr_sum, leap, jul;
DROP AGGREGATE fy_state(numeric, date, date, integer);
DROP AGGREGATE as_of_state(numeric, date, date);

-- year_start and as_of are checked on every row, even one left out for its
-- NULL value (a group of such rows is not NULL by luck)
SELECT yoy_growth(v, p, date '2024-01-01', 44) FROM (VALUES (NULL::numeric, date '2023-01-01')) t(v, p);
SELECT yoy_growth(v, p, date '12024-01-01', 4) FROM (VALUES (NULL::numeric, date '2023-01-01')) t(v, p);

-- Sums and percentages of more digits than 64 bits hold are exact numerics
-- (worked out by hand): 2 x 92,233,720,368,547,758.07 USD in 2020-01, 3 x
-- that plus 1.00 USD in 2021-01, up (...275.21 - ...516.14) / ...516.14 =
-- 50.0000000000000005421...%, to 16 decimals as numeric division gives.
-- Numerics with one of scale 24: 3 then 37 is up 3400 / 3, to 24 decimals
-- (the scale of the values, as numeric division gives); the last is up
-- (12345678901234.000000000000000000000001 - 37) x 100 / 37.
SELECT period, total, yoy FROM growth_series((
	SELECT growth_summary(v, d) FROM (VALUES
		('92233720368547758.07 USD'::currency_amount, date '2020-01-01'),
		('92233720368547758.07 USD', '2020-01-01'),
		('92233720368547758.07 USD', '2021-01-01'), ('92233720368547758.07 USD', '2021-01-01'),
		('92233720368547758.07 USD', '2021-01-01'), ('1.00 USD', '2021-01-01')) t(v, d)));
SELECT period, total, yoy FROM growth_series((
	SELECT growth_summary(v, d) FROM (VALUES
		(3::numeric, date '2020-03-01'), (37, '2021-03-01'),
		(12345678901234.000000000000000000000001, '2022-03-01')) t(v, d)));
-- past 128 bits once multiplied out: numeric division, the same digits
SELECT period, total, yoy FROM growth_series((
	SELECT growth_summary(v, d) FROM (VALUES
		(10000000000000000000000000000000.000001, date '2020-01-01'),
		(23456789012345678901234567890123.5, '2021-01-01')) t(v, d)));
SELECT trim_scale((23456789012345678901234567890123.5 - 10000000000000000000000000000000.000001) * 100
				  / 10000000000000000000000000000000.000001) AS plain_numeric;
