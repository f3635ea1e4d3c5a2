-- Benchmark of to_usd() against the numeric arithmetic and the SQL join a
-- user would write.  Run by test/bench/run.sh; :rows is set by it.
\set ON_ERROR_STOP 1
\pset footer off
SET max_parallel_workers_per_gather = 0;
SET work_mem = '256MB';
CREATE EXTENSION trade_stats;
\ir best_ms.sql

-- A customs-like table: yuan values, monthly periods 2016-01 .. 2026-03 in
-- random order, and the monthly USD/CNY rates customs uses.
\o /dev/null
SELECT setseed(0.42);
INSERT INTO trade_stats.exchange_rate
	SELECT 'USD', 'CNY', m, round((6.2 + random())::numeric, 4)
	FROM generate_series(date '2016-01-01', date '2026-03-01', interval '1 month') m;
CREATE TABLE t_convert AS
	SELECT currency_amount(round((random() * 1e9)::numeric, 2), 'CNY') AS amount,
		   (date '2016-01-01' + (random() * 122)::int * interval '1 month')::date AS period
	FROM generate_series(1, :rows);
VACUUM ANALYZE t_convert, trade_stats.exchange_rate;
SELECT count(*) FROM t_convert;
\o

-- The three agree (to the cent, on a sample).
SELECT count(*) AS sample,
	   count(*) FILTER (WHERE to_usd(t.amount, t.period)::numeric = round(t.amount::numeric / r.rate, 2)) AS agree
FROM (SELECT * FROM t_convert LIMIT 100000) t
JOIN trade_stats.exchange_rate r
	ON r.base = 'USD' AND r.quote = 'CNY' AND r.valid_from = date_trunc('month', t.period)::date;

CREATE TEMP TABLE timing AS SELECT pg_temp.best_ms(ARRAY[
	'SELECT count(to_usd(amount, period)) FROM t_convert',
	'SELECT count(amount::numeric * 0.1429) FROM t_convert',
	$q$SELECT count(round(t.amount::numeric / r.rate, 2))
	   FROM t_convert t JOIN trade_stats.exchange_rate r
		 ON r.base = 'USD' AND r.quote = 'CNY'
		AND r.valid_from = date_trunc('month', t.period)::date$q$], 5) AS ms;

\echo
\echo '== conversion benchmark:' :rows 'rows, one run, best times in ms'
SELECT round(ms[1]::numeric) AS to_usd_ms, round(ms[2]::numeric) AS numeric_times_constant_ms,
	   round(ms[3]::numeric) AS sql_join_ms
FROM timing;
SELECT measure, round(ratio::numeric, 3) AS ratio, target,
	   CASE WHEN ok THEN 'met' ELSE 'MISSED' END AS result
FROM (SELECT 'to_usd(amount, period) / amount::numeric * constant' AS measure,
			 ms[1] / ms[2] AS ratio, '<= 1.5' AS target, ms[1] / ms[2] <= 1.5 AS ok FROM timing
	  UNION ALL
	  SELECT 'to_usd(amount, period) / SQL join to the rate table',
			 ms[1] / ms[3], '<= 0.5', ms[1] / ms[3] <= 0.5 FROM timing) r;
