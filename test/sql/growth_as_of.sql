--
-- One reporting date: as_of on every growth and share measure (aggregates
-- and accessors), latest_period() of a summary, and the trap of a grouped
-- query whose groups end in different months.  Expected numbers by hand:
--   US: 2024 months 1-10 worth 10 * month, 2025 months 1-8 worth 12 * month
--       Jan-Aug 2024 = 360, Jan-Oct 2024 = 550, Jan-Aug 2025 = 432
--   BR: 2024 months 1-10 worth 100, 2025 months 1-9 worth 90, October 150
--       Jan-Aug 2024 = 800, Jan-Oct 2024 = 1000, Jan-Aug 2025 = 720,
--       Jan-Oct 2025 = 960
--
CREATE TABLE t (partner text, period date, v numeric);
INSERT INTO t
	SELECT 'US', make_date(y, m, 1), CASE y WHEN 2024 THEN 10 ELSE 12 END * m
	FROM generate_series(2024, 2025) y, generate_series(1, 10) m
	WHERE y = 2024 OR m <= 8;
INSERT INTO t
	SELECT 'BR', make_date(y, m, 1),
		   CASE WHEN y = 2024 THEN 100 WHEN m = 10 THEN 150 ELSE 90 END
	FROM generate_series(2024, 2025) y, generate_series(1, 10) m;

-- The trap: each group's own latest month.  US +20 (Jan-Aug: 432 / 360),
-- BR -4 (Jan-Oct: 960 / 1000).
SELECT partner, max(period) AS own_latest, yoy_growth(v, period)
FROM t GROUP BY partner ORDER BY partner;

-- One reporting date for every group: US (432 - 550) / 550 = -21.45...%.
SELECT partner, yoy_growth(v, period, (SELECT max(period) FROM t))
FROM t GROUP BY partner ORDER BY partner;

-- mom_growth with as_of: BR October 150 over September 90 = +66.67%;
-- US has no rows in October nor September: NULL; as of September the US
-- has no rows in its current month: -100 (as yoy_growth with as_of).
SELECT partner, mom_growth(v, period) AS own,
	   mom_growth(v, period, date '2025-10-01') AS oct,
	   mom_growth(v, period, date '2025-09-01') AS sep
FROM t GROUP BY partner ORDER BY partner;

-- share_change and growth_contribution with as_of 2025-08-31, the US as
-- part: its share 432 / 1152 = 37.5% against 360 / 1160 = 31.03...%,
-- +6.47 pp; its contribution (432 - 360) / 1160 = +6.2068965517241379 pp.
-- Without as_of (October): (432 - 550) / 1550 = -7.6129032258064516 pp.
SELECT share_change(v, partner = 'US', period, date '2025-08-31') AS share_pp,
	   growth_contribution(v, partner = 'US', period, date '2025-08-31') AS contrib_pp,
	   growth_contribution(v, partner = 'US', period) AS contrib_oct
FROM t;
-- every value type, and the as_of of a group must be one
SELECT growth_contribution(v::bigint, partner = 'US', period, date '2025-08-31') AS int8,
	   growth_contribution(v::float8, partner = 'US', period, date '2025-08-31') AS float8,
	   growth_contribution(currency_amount(v, 'USD'), partner = 'US', period, date '2025-08-31') AS amount,
	   share_change(v::bigint, partner = 'US', period, date '2025-08-31') AS int8_pp,
	   mom_growth(v::float8, period, date '2025-10-01') AS float8_mom,
	   mom_growth(currency_amount(v, 'USD'), period, date '2025-10-01') AS amount_mom
FROM t;
SELECT growth_contribution(v, true, period, period) FROM t;
-- rows after as_of count in neither window; a NULL as_of is an error
SELECT growth_contribution(v, partner = 'US', period, NULL::date) FROM t;

-- Summaries: latest_period, and one as_of from all of them
CREATE TABLE sums AS
	SELECT partner, growth_summary(v, partner = 'US', period) AS s
	FROM t GROUP BY partner;
SELECT partner, latest_period(s) FROM sums ORDER BY partner;
SELECT latest_period(rollup(s)) FROM sums;
SELECT partner, yoy_growth(s, (SELECT max(latest_period(s)) FROM sums)),
	   mom_growth(s, (SELECT max(latest_period(s)) FROM sums))
FROM sums ORDER BY partner;
SELECT mom_growth(rollup(s), date '2025-10-01'),
	   share_change(rollup(s), date '2025-08-31'),
	   growth_contribution(rollup(s), date '2025-08-31')
FROM sums;
-- the same digits as the aggregates
SELECT (SELECT mom_growth(rollup(s), date '2025-09-30') FROM sums) =
	   (SELECT mom_growth(v, period, date '2025-09-30') FROM t) AS mom_same;
-- a summary without rows has no latest period; one without periods is an error
SELECT latest_period(growth_summary(v, period)) FROM t WHERE false;
SELECT latest_period('(numeric,0,0,,)[]'::growth_state);
SELECT mom_growth('(numeric,0,0,,)[*:1:5:0:0]'::growth_state, date '2025-01-01');
-- in parallel, the same
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT growth_contribution(v, partner = 'US', period, date '2025-08-31'),
	   share_change(v, partner = 'US', period, date '2025-08-31'),
	   mom_growth(v, period, date '2025-10-01')
FROM t;
RESET ALL;
DROP TABLE t, sums;

-- A NULL as_of or year_start in an aggregate is an error (22004), never a
-- row left out of its group's windows; an accessor, strict, gives NULL.
\i test/sql/helpers.psql
SELECT pg_temp.try($$SELECT yoy_growth(v, p, NULL) FROM (VALUES (1::bigint, '2020-01-01'::date)) t(v, p)$$) AS null_as_of;
SELECT yoy_growth(v, p, a) FROM (VALUES (1::bigint, '2020-01-01'::date, '2021-06-01'::date),
                                        (2, '2021-01-01', NULL)) t(v, p, a);
SELECT yoy_growth(v, p, NULL) FROM (VALUES (1::bigint, '2020-01-01'::date), (2, '2021-01-01')) t(v, p);
SELECT share_change(v, v > 1, p, '2021-06-01', NULL) FROM (VALUES (1::bigint, '2020-01-01'::date), (2, '2021-01-01')) t(v, p);
-- a row whose value or period is NULL is still left out, as in every aggregate
SELECT yoy_growth(v, p, '2021-06-01') FROM (VALUES (1::bigint, '2020-01-01'::date), (NULL, '2021-01-01'), (2, NULL), (2, '2021-01-01')) t(v, p);
SELECT yoy_growth(growth_summary(1::bigint, '2020-01-01'), NULL::date) IS NULL AS accessor_null;
