-- Benchmark of the measures added in 0.3 against yoy_growth over the same
-- rows and grouping (by partner), and of their accessors on a summary
-- table by (partner, flow, month).  Run by test/bench/run.sh measures
-- [ROWS]; one run, best of 3, interleaved so that drift hits all alike.
\set ON_ERROR_STOP 1
\pset footer off
SET max_parallel_workers_per_gather = 0;
SET work_mem = '256MB';
CREATE EXTENSION trade_stats;
\ir best_ms.sql

\o /dev/null
SELECT greatest(1, :rows / (120 * 200 * 2)) AS commodities \gset
-- commodity: an HS code as text, zero-padded to 6 digits ('000001'), as
-- customs data gives it (leading zeros: '010121'), not an int
CREATE TABLE customs (period date NOT NULL, partner int NOT NULL, flow int NOT NULL,
					  commodity text NOT NULL, value currency_amount, tonnes numeric);
INSERT INTO customs
	SELECT (date '2012-01-01' + m * interval '1 month')::date, p, f, lpad(c::text, 6, '0'),
		   currency_amount(((m * 7919 + p * 104729 + c * 31) % 10000000) / 100.0, 'CNY'),
		   ((m * 31 + p * 17 + c * 7) % 100000) / 10.0 + 1
	FROM generate_series(0, 119) m, generate_series(1, 200) p,
		 generate_series(1, 2) f, generate_series(1, :commodities) c;
VACUUM ANALYZE customs;
\o
SELECT count(*) AS rows FROM customs;

-- every query groups the same rows by partner
CREATE TEMP TABLE timing AS SELECT pg_temp.best_ms(ARRAY[
	'SELECT partner, yoy_growth(value, period) FROM customs GROUP BY partner',
	$q$SELECT partner, yoy_growth(value, period, '2021-12-01', 4) FROM customs GROUP BY partner$q$,
	$q$SELECT partner, mom_growth(value, period, '2021-12-01') FROM customs GROUP BY partner$q$,
	$q$SELECT partner, share_change(value, flow = 1, period, '2021-12-01', 4) FROM customs GROUP BY partner$q$,
	$q$SELECT partner, growth_contribution(value, flow = 1, period, '2021-12-01', 4) FROM customs GROUP BY partner$q$,
	$q$SELECT partner, unit_value(value, tonnes, 't') FROM customs GROUP BY partner$q$,
	$q$SELECT partner, price_growth(value, tonnes, 't', period) FROM customs GROUP BY partner$q$,
	$q$SELECT partner, volume_growth(value, tonnes, 't', period) FROM customs GROUP BY partner$q$,
	$q$SELECT partner, hhi(value) FROM customs GROUP BY partner$q$,
	$q$SELECT partner, cr(value, 5) FROM customs GROUP BY partner$q$,
	$q$SELECT partner, fisher_price(value, tonnes, 't', commodity, period) FROM customs GROUP BY partner$q$
	], 3) AS ms;

\echo
\echo '== new aggregates:' :rows 'rows requested, by partner, one run, best of 3, ms'
SELECT q, round(ms[i]::numeric, 1) AS ms, round((ms[i] / ms[1])::numeric, 2) AS "/ yoy_growth (target <= 1.2)"
FROM timing, LATERAL (VALUES (1, 'yoy_growth(value, period)'), (2, 'yoy_growth(..., as_of, year_start)'),
	(3, 'mom_growth(..., as_of)'), (4, 'share_change(..., as_of, year_start)'),
	(5, 'growth_contribution(..., as_of, year_start)'), (6, 'unit_value'), (7, 'price_growth'),
	(8, 'volume_growth'), (9, 'hhi'), (10, 'cr(value, 5)'), (11, 'fisher_price')) v(i, q);

-- The accessors, on a summary by (partner, flow, month): one partner's
-- rolled-up summary, as a dashboard asks
SELECT trade_stats.create_summary('customs_summary', 'customs', '{partner,flow}', 'value', 'period') \gset
VACUUM ANALYZE customs_summary;
CREATE TEMP TABLE timing_acc AS SELECT pg_temp.best_ms(ARRAY[
	'SELECT latest_period(rollup(summary)) FROM customs_summary WHERE partner = 7',
	$q$SELECT yoy_growth(rollup(summary), '2021-12-01', 4) FROM customs_summary WHERE partner = 7$q$,
	$q$SELECT rolling_total(rollup(summary), 12) FROM customs_summary WHERE partner = 7$q$,
	$q$SELECT rolling_yoy(rollup(summary), 12) FROM customs_summary WHERE partner = 7$q$,
	$q$SELECT cagr(rollup(summary), '2012-01-01', '2021-12-01') FROM customs_summary WHERE partner = 7$q$,
	$q$SELECT * FROM growth_index((SELECT rollup(summary) FROM customs_summary WHERE partner = 7), '2015-01-01')$q$,
	$q$SELECT * FROM growth_series((SELECT rollup(summary) FROM customs_summary WHERE partner = 7), 4)$q$,
	$q$SELECT partner, yoy_growth(rollup(summary), '2021-12-01', 4) FROM customs_summary GROUP BY partner$q$
	], 3) AS ms;
\echo '== accessors from the summary table (target < 50 ms), best of 3, ms'
SELECT q, round(ms[i]::numeric, 1) AS ms
FROM timing_acc, LATERAL (VALUES (1, 'latest_period, one partner'), (2, 'yoy_growth(s, as_of, year_start), one partner'),
	(3, 'rolling_total(s, 12), one partner'), (4, 'rolling_yoy(s, 12), one partner'),
	(5, 'cagr, one partner'), (6, 'growth_index, one partner'), (7, 'growth_series(s, 4), one partner'),
	(8, 'yoy_growth(s, as_of, year_start), every partner')) v(i, q);
