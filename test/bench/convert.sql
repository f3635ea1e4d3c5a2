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
			 ms[1] / ms[3], '<= 0.45', ms[1] / ms[3] <= 0.45 FROM timing) r;

-- Period averages: daily USD/CNY rates (weekdays), each month's value at
-- the month's average rate, against the hand-written join to
-- exchange_rate_monthly and against the day rule on the same rates.
\o /dev/null
TRUNCATE trade_stats.exchange_rate;
INSERT INTO trade_stats.exchange_rate
	SELECT 'USD', 'CNY', d, round((6.2 + random())::numeric, 4)
	FROM generate_series(date '2015-12-01', date '2026-03-31', interval '1 day') d
	WHERE extract(isodow FROM d) < 6;
ANALYZE trade_stats.exchange_rate;
\o

-- They agree (to the cent, on a sample; the view's average is rounded).
SELECT count(*) AS sample,
	   count(*) FILTER (WHERE to_usd(t.amount, t.period, 'month')::numeric = round(t.amount::numeric / m.rate, 2)) AS agree
FROM (SELECT * FROM t_convert LIMIT 100000) t
JOIN trade_stats.exchange_rate_monthly m ON m.base = 'USD' AND m.quote = 'CNY' AND m.month = t.period;

CREATE TEMP TABLE period_timing AS SELECT pg_temp.best_ms(ARRAY[
	$q$SELECT count(to_usd(amount, period, 'month')) FROM t_convert$q$,
	$q$SELECT count(round(t.amount::numeric / m.rate, 2))
	   FROM t_convert t JOIN trade_stats.exchange_rate_monthly m
		 ON m.base = 'USD' AND m.quote = 'CNY' AND m.month = t.period$q$,
	'SELECT count(to_usd(amount, period)) FROM t_convert'], 5) AS ms;

\echo
\echo '== period conversion benchmark:' :rows 'rows, daily rates, one run, best times in ms'
SELECT round(ms[1]::numeric) AS to_usd_month_ms, round(ms[2]::numeric) AS monthly_view_join_ms,
	   round(ms[3]::numeric) AS to_usd_day_ms
FROM period_timing;
SELECT measure, round(ratio::numeric, 3) AS ratio, target,
	   CASE WHEN ok THEN 'met' ELSE 'MISSED' END AS result
FROM (SELECT 'to_usd(amount, period, ''month'') / SQL join to exchange_rate_monthly' AS measure,
			 ms[1] / ms[2] AS ratio, '<= 0.5' AS target, ms[1] / ms[2] <= 0.5 AS ok FROM period_timing
	  UNION ALL
	  SELECT 'to_usd(amount, period, ''month'') / to_usd(amount, period)',
			 ms[1] / ms[3], '<= 1.2', ms[1] / ms[3] <= 1.2 FROM period_timing) r;
