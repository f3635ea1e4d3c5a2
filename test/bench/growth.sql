-- Benchmark of the growth and share measures on a customs-like table:
-- monthly periods x partners x flows x commodities.  Run by
-- test/bench/run.sh; :rows is set by it (rounded to whole months).
\set ON_ERROR_STOP 1
\pset footer off
SET max_parallel_workers_per_gather = 0;
SET work_mem = '256MB';
CREATE EXTENSION trade_stats;
\ir best_ms.sql

-- 120 months, 200 partners, 2 flows, commodities to make up :rows.  The
-- value is stored as currency_amount, and as numeric the way such tables
-- are kept without trade_stats.
\o /dev/null
SELECT setseed(0.42);
SELECT greatest(1, :rows / (120 * 200 * 2)) AS commodities \gset
CREATE TABLE customs AS
	SELECT (date '2012-01-01' + m * interval '1 month')::date AS period, p AS partner,
		   f AS flow, c AS commodity, v AS value, v::numeric AS value_numeric
	FROM generate_series(0, 119) m, generate_series(1, 200) p,
		 generate_series(1, 2) f, generate_series(1, :commodities) c,
		 LATERAL (SELECT currency_amount(round((random() * 1e7)::numeric, 2)
										 + 0 * (m + p + f + c), 'CNY') AS v) r;
VACUUM ANALYZE customs;
SELECT count(*) FROM customs;
\o
SELECT count(*) AS rows, count(DISTINCT partner) AS partners, count(DISTINCT period) AS months
FROM customs;

-- The measures agree with plain SQL on one partner (a check, not timed).
SELECT round(yoy_growth(value, period), 8) = round(100 * (
		   sum(value_numeric) FILTER (WHERE period BETWEEN '2021-01-01' AND '2021-12-01')
		   / sum(value_numeric) FILTER (WHERE period BETWEEN '2020-01-01' AND '2020-12-01') - 1), 8)
	   AS yoy_agrees
FROM customs WHERE partner = 7;

CREATE TEMP TABLE timing AS SELECT pg_temp.best_ms(ARRAY[
	'SELECT partner, count(*) FROM customs GROUP BY partner',
	'SELECT partner, yoy_growth(value, period) FROM customs GROUP BY partner',
	'SELECT partner, share(value, flow = 1) FROM customs GROUP BY partner',
	'SELECT partner, period, count(*) FROM customs GROUP BY partner, period',
	$q$SELECT partner, period, yoy(s, period) OVER (PARTITION BY partner)
	   FROM (SELECT partner, period, sum(value) AS s FROM customs GROUP BY partner, period) g$q$,
	$q$WITH g AS (SELECT partner, period, sum(value_numeric) AS s FROM customs GROUP BY partner, period)
	   SELECT g.partner, g.period, 100 * (g.s - b.s) / abs(nullif(b.s, 0))
	   FROM g LEFT JOIN g b ON b.partner = g.partner AND b.period = (g.period - interval '1 year')::date$q$,
	-- context: PostgreSQL's own aggregates reading the value column
	'SELECT partner, count(value) FROM customs GROUP BY partner',
	'SELECT partner, sum(value_numeric) FROM customs GROUP BY partner',
	-- numeric input: its digits reach the core through numeric's binary form
	'SELECT partner, yoy_growth(value_numeric, period) FROM customs GROUP BY partner'
	], 7) AS ms;

-- Parallel speed-up, 2 workers against none, of yoy_growth and of the floor.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET max_parallel_workers_per_gather = 2;
CREATE TEMP TABLE timing_parallel AS SELECT pg_temp.best_ms(ARRAY[
	'SELECT partner, count(*) FROM customs GROUP BY partner',
	'SELECT partner, yoy_growth(value, period) FROM customs GROUP BY partner'], 5) AS ms;
EXPLAIN (COSTS OFF) SELECT partner, yoy_growth(value, period) FROM customs GROUP BY partner;

\echo
\echo '== growth benchmark:' :rows 'rows requested, one run, best times in ms'
SELECT round(t.ms[1]::numeric) AS count_by_partner, round(t.ms[2]::numeric) AS yoy_growth_by_partner,
	   round(t.ms[3]::numeric) AS share_by_partner, round(t.ms[4]::numeric) AS count_by_partner_period,
	   round(t.ms[5]::numeric) AS yoy_window, round(t.ms[6]::numeric) AS self_join,
	   round(p.ms[1]::numeric) AS count_2_workers, round(p.ms[2]::numeric) AS yoy_growth_2_workers,
	   round(t.ms[8]::numeric) AS sum_numeric, round(t.ms[9]::numeric) AS yoy_growth_numeric
FROM timing t, timing_parallel p;
SELECT measure, round(ratio::numeric, 3) AS ratio, target,
	   CASE WHEN ok THEN 'met' ELSE 'MISSED' END AS result
FROM (SELECT 'yoy_growth by partner / count(*) by partner' AS measure,
			 ms[2] / ms[1] AS ratio, '<= 1.1' AS target, ms[2] / ms[1] <= 1.1 AS ok FROM timing
	  UNION ALL
	  SELECT 'share by partner / count(*) by partner', ms[3] / ms[1], '<= 1.1', ms[3] / ms[1] <= 1.1
	  FROM timing
	  UNION ALL
	  SELECT 'yoy() over grouped sums / count(*) by (partner, period)', ms[5] / ms[4], '<= 1.1',
			 ms[5] / ms[4] <= 1.1 FROM timing
	  UNION ALL
	  SELECT 'yoy() over grouped sums / gap-safe self-join on numeric', ms[5] / ms[6], '< 1',
			 ms[5] / ms[6] < 1 FROM timing
	  UNION ALL
	  SELECT 'context: count(value) by partner / count(*) by partner', ms[7] / ms[1],
			 '(information)', true FROM timing
	  UNION ALL
	  SELECT 'context: sum(numeric) by partner / count(*) by partner', ms[8] / ms[1],
			 '(information)', true FROM timing
	  UNION ALL
	  SELECT 'yoy_growth by partner / count(value) by partner', ms[2] / ms[7],
			 '(information)', true FROM timing
	  UNION ALL
	  SELECT 'yoy_growth of numeric by partner / sum(numeric) by partner', ms[9] / ms[8],
			 '(information)', true FROM timing
	  UNION ALL
	  SELECT 'parallel speed-up of yoy_growth / of count(*)',
			 (t.ms[2] / p.ms[2]) / (t.ms[1] / p.ms[1]), '>= 0.9',
			 (t.ms[2] / p.ms[2]) / (t.ms[1] / p.ms[1]) >= 0.9
	  FROM timing t, timing_parallel p) r;
