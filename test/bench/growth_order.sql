-- Benchmark of adding periods out of order (issue 20, item 13): a growth
-- state over N distinct daily periods built from rows in period order and
-- in random order, and rollup() of one-period summaries in random order.
-- Run by test/bench/run.sh growth_order; :rows is the largest N (the
-- others are N/4 and N/2).  Adding is O(n log n) in any order, so the
-- random/ordered ratio stays near a constant as N doubles.
\set ON_ERROR_STOP 1
\pset footer off
SET max_parallel_workers_per_gather = 0;
SET work_mem = '256MB';
CREATE EXTENSION trade_stats;
\ir best_ms.sql

\o /dev/null
SELECT setseed(0.42);
SELECT :rows / 4 AS n1, :rows / 2 AS n2, :rows AS n3 \gset
-- one row per day from 1900-01-01; ord in period order, rnd shuffled
CREATE TABLE days AS
	SELECT i, (date '1900-01-01' + i) AS period, currency_amount((i % 1000)::numeric, 'USD') AS value
	FROM generate_series(0, :rows - 1) i;
CREATE TABLE ord1 AS SELECT * FROM days WHERE i < :n1 ORDER BY period;
CREATE TABLE rnd1 AS SELECT * FROM days WHERE i < :n1 ORDER BY random();
CREATE TABLE ord2 AS SELECT * FROM days WHERE i < :n2 ORDER BY period;
CREATE TABLE rnd2 AS SELECT * FROM days WHERE i < :n2 ORDER BY random();
CREATE TABLE ord3 AS SELECT * FROM days ORDER BY period;
CREATE TABLE rnd3 AS SELECT * FROM days ORDER BY random();
-- one-period summaries, in period order and in random order
CREATE TABLE sum_ord AS SELECT growth_summary(value, period) AS s FROM ord2 GROUP BY i ORDER BY min(period);
CREATE TABLE sum_rnd AS SELECT s FROM sum_ord ORDER BY random();
VACUUM ANALYZE;
\o

-- what is compared gives the same summary (a check, not timed)
SELECT (SELECT growth_summary(value, period) FROM ord3) = (SELECT growth_summary(value, period) FROM rnd3)
	   AS same_summary_any_order,
	   (SELECT rollup(s) FROM sum_ord) = (SELECT rollup(s) FROM sum_rnd) AS same_rollup_any_order,
	   (SELECT rollup(s) FROM sum_rnd) = (SELECT growth_summary(value, period) FROM ord2) AS rollup_is_summary;

CREATE TEMP TABLE timing AS SELECT pg_temp.best_ms(ARRAY[
	'SELECT growth_summary(value, period) FROM ord1',
	'SELECT growth_summary(value, period) FROM rnd1',
	'SELECT growth_summary(value, period) FROM ord2',
	'SELECT growth_summary(value, period) FROM rnd2',
	'SELECT growth_summary(value, period) FROM ord3',
	'SELECT growth_summary(value, period) FROM rnd3',
	'SELECT rollup(s) FROM sum_ord',
	'SELECT rollup(s) FROM sum_rnd'], 3) AS ms;

\echo
\echo '== growth_order benchmark:' :n1 :n2 :n3 'distinct periods, one run, best of 3 in ms'
SELECT n AS periods, round(ms[2 * k - 1]::numeric) AS in_order_ms, round(ms[2 * k]::numeric) AS random_ms,
	   round((ms[2 * k] / ms[2 * k - 1])::numeric, 2) AS random_over_ordered
FROM timing, (VALUES (1, :n1), (2, :n2), (3, :n3)) v(k, n)
UNION ALL
SELECT -:n2, round(ms[7]::numeric), round(ms[8]::numeric), round((ms[8] / ms[7])::numeric, 2)
FROM timing;
\echo '(periods < 0: rollup() of that many one-period summaries)'
SELECT 'random order: ' || :n3 || ' / ' || :n2 || ' periods' AS measure,
	   round((ms[6] / ms[4])::numeric, 2) AS ratio, '< 3.5 (n log n: 2.1 plus cache misses; quadratic: 4)' AS target,
	   CASE WHEN ms[6] / ms[4] < 3.5 THEN 'met' ELSE 'MISSED' END AS result
FROM timing
UNION ALL
SELECT 'random / ordered, ' || :n3 || ' periods', round((ms[6] / ms[5])::numeric, 2), '(information)', 'met'
FROM timing
UNION ALL
SELECT 'rollup random / ordered, ' || :n2 || ' summaries', round((ms[8] / ms[7])::numeric, 2), '(information)', 'met'
FROM timing;
