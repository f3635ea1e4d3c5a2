-- Benchmark of stored summaries: four dashboard queries answered from the
-- raw table and from a summary table maintained by create_summary() grouped
-- by (partner, flow, month), and the cost of keeping it (a 100,000-row
-- INSERT, a revision of one partner's month, and a COPY as large as the
-- table, each with and without the summary's triggers).  Run by
-- test/bench/run.sh summary; DuckDB's times over the same rows come from
-- test/bench/duckdb/dashboard.mjs, run by it too.
\set ON_ERROR_STOP 1
\pset footer off
SET max_parallel_workers_per_gather = 0;
SET work_mem = '256MB';
CREATE EXTENSION trade_stats;
\ir best_ms.sql

\o /dev/null
SELECT setseed(0.42);
SELECT greatest(1, :rows / (120 * 200 * 2)) AS commodities \gset
CREATE TABLE customs (period date NOT NULL, partner int NOT NULL, flow int NOT NULL,
					  commodity int NOT NULL, value currency_amount);
INSERT INTO customs
	SELECT (date '2012-01-01' + m * interval '1 month')::date, p, f, c,
		   currency_amount(round((random() * 1e7)::numeric, 2), 'CNY')
	FROM generate_series(0, 119) m, generate_series(1, 200) p,
		 generate_series(1, 2) f, generate_series(1, :commodities) c;
VACUUM ANALYZE customs;
\o
SELECT count(*) AS rows FROM customs;
-- the same rows for DuckDB
COPY (SELECT period, partner, flow, commodity, value::numeric AS value FROM customs)
	TO :'csv_file' WITH (FORMAT csv, HEADER);

\timing on
SELECT trade_stats.create_summary('customs_summary', 'customs', '{partner,flow}', 'value', 'period');
\timing off
VACUUM ANALYZE customs_summary;
SELECT count(*) AS summary_rows, pg_size_pretty(pg_total_relation_size('customs_summary')) AS summary_size,
	   pg_size_pretty(pg_total_relation_size('customs')) AS table_size
FROM customs_summary;

-- The answers agree (a check, not timed).
SELECT count(*) AS yoy_differences FROM (
	SELECT partner, yoy_growth(value, period) FROM customs GROUP BY partner
	EXCEPT SELECT partner, yoy_growth(rollup(summary)) FROM customs_summary GROUP BY partner) x;
SELECT count(*) AS top10_differences FROM (
	SELECT CASE WHEN rk <= 10 THEN partner::text ELSE 'others' END, sum(v)
	FROM (SELECT partner, v, row_number() OVER (ORDER BY v DESC, partner) AS rk
		  FROM (SELECT partner, sum(value)::numeric AS v FROM customs GROUP BY partner) t) r GROUP BY 1
	EXCEPT SELECT CASE WHEN rk <= 10 THEN partner::text ELSE 'others' END, sum(v)
	FROM (SELECT partner, v, row_number() OVER (ORDER BY v DESC, partner) AS rk
		  FROM (SELECT partner, total(rollup(summary)) AS v FROM customs_summary GROUP BY partner) t) r GROUP BY 1) x;
SELECT count(*) AS series_differences FROM (
	SELECT partner, period, yoy(s, period) OVER (PARTITION BY partner)
	FROM (SELECT partner, period, sum(value) AS s FROM customs GROUP BY partner, period) g
	EXCEPT SELECT g.partner, e.period, e.yoy
	FROM (SELECT partner, rollup(summary) AS s FROM customs_summary GROUP BY partner) g,
		 growth_series(g.s) e) x;

\ir dashboard_queries.sql
-- each query from the rows, then from the summary: ms[2i - 1] and ms[2i]
CREATE TEMP TABLE timing AS
	SELECT pg_temp.best_ms((SELECT array_agg(x ORDER BY i, k) FROM dashboard, LATERAL (VALUES (1, raw), (2, summ)) v(k, x)), 5) AS ms;

-- Keeping the summary: 100,000 rows into the table without the summary's
-- INSERT and DELETE triggers and with them, the same table each time (the
-- rows are deleted before each round, the triggers disabled or enabled).
CREATE TABLE batch AS
	SELECT (date '2022-01-01' + (i % 12) * interval '1 month')::date AS period, 1 + i % 200 AS partner,
		   1 + i % 2 AS flow, i AS commodity, currency_amount(i * 1.5, 'CNY') AS value
	FROM generate_series(1, 100000) i;
-- (the triggers are disabled and enabled again by the superuser: dropping
-- them is refused)
SELECT 'ALTER TABLE customs ' || string_agg(format('ENABLE TRIGGER %I', tgname), ', ') AS create_triggers,
	   'ALTER TABLE customs ' || string_agg(format('DISABLE TRIGGER %I', tgname), ', ') AS drop_triggers
FROM pg_trigger WHERE tgrelid = 'customs'::regclass AND tgname ~ '_(insert|delete)$' \gset
\set delete_batch 'DELETE FROM customs WHERE period >= ''2022-01-01'''
-- PostgreSQL's part of the cost: a statement trigger that does nothing but
-- has the same transition table (its rows are collected all the same)
CREATE FUNCTION pg_temp.capture_only() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END';
CREATE TRIGGER capture_only AFTER INSERT ON customs REFERENCING NEW TABLE AS n
	FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.capture_only();
ALTER TABLE customs DISABLE TRIGGER capture_only;
CREATE TEMP TABLE timing_insert AS SELECT pg_temp.best_ms(ARRAY[
	'INSERT INTO customs SELECT * FROM batch',
	'INSERT INTO customs SELECT * FROM batch',
	'INSERT INTO customs SELECT * FROM batch'], 5,
	ARRAY[:'delete_batch' || '; ' || :'drop_triggers',
		  :'delete_batch' || '; ALTER TABLE customs ENABLE TRIGGER capture_only',
		  :'delete_batch' || '; ALTER TABLE customs DISABLE TRIGGER capture_only; ' || :'create_triggers']) AS ms;
DROP TRIGGER capture_only ON customs;

-- A revision: one partner's month of rows updated (through an index on
-- (partner, period), as a table that is revised has), without and with the
-- summary's UPDATE trigger.
CREATE INDEX customs_partner_period ON customs (partner, period);
SELECT format('ALTER TABLE customs ENABLE TRIGGER %I', tgname) AS create_update_trigger,
	   format('ALTER TABLE customs DISABLE TRIGGER %I', tgname) AS drop_update_trigger
FROM pg_trigger WHERE tgrelid = 'customs'::regclass AND tgname ~ '_update$' \gset
SELECT count(*) AS revised_rows FROM customs WHERE partner = 7 AND period = '2020-06-01';
CREATE TEMP TABLE timing_update AS SELECT pg_temp.best_ms(ARRAY[
	$q$UPDATE customs SET value = value + '0.01 CNY' WHERE partner = 7 AND period = '2020-06-01'$q$,
	$q$UPDATE customs SET value = value + '0.01 CNY' WHERE partner = 7 AND period = '2020-06-01'$q$], 5,
	ARRAY[:'drop_update_trigger', :'create_update_trigger']) AS ms;
-- the rounds without the trigger changed rows the summary did not see
SELECT trade_stats.refresh_summary('customs_summary');
SELECT count(*) AS summary_still_exact FROM (
	SELECT partner, flow, yoy_growth(value, period) FROM customs GROUP BY 1, 2
	EXCEPT SELECT partner, flow, yoy_growth(rollup(summary)) FROM customs_summary GROUP BY 1, 2) x;

-- A bulk load: COPY of as many rows as the table has (at most 10 million)
-- into an empty table without a summary and into one with a summary
-- (emptied by TRUNCATE between rounds, which empties its summary too), best
-- of 5 (of 2, one run's COPY without a summary was the slowest of the three).
SELECT greatest(1, least(:rows, 10000000) / (120 * 200 * 2)) AS copy_commodities \gset
COPY (SELECT (date '2012-01-01' + m * interval '1 month')::date, p, f, c,
			 currency_amount(((m * 7919 + p * 104729 + c * 31) % 10000000) / 100.0, 'CNY')
	  FROM generate_series(0, 119) m, generate_series(1, 200) p,
		   generate_series(1, 2) f, generate_series(1, :copy_commodities) c) TO :'copy_file';
CREATE TABLE load_plain (LIKE customs);
CREATE TABLE load_captured (LIKE customs);
CREATE TRIGGER capture_only AFTER INSERT ON load_captured REFERENCING NEW TABLE AS n
	FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.capture_only();
CREATE TABLE load_summarised (LIKE customs);
SELECT trade_stats.create_summary('load_summary', 'load_summarised', '{partner,flow}', 'value', 'period');
CREATE TEMP TABLE timing_copy AS SELECT pg_temp.best_ms(ARRAY[
	format('COPY load_plain FROM %L', :'copy_file'),
	format('COPY load_captured FROM %L', :'copy_file'),
	format('COPY load_summarised FROM %L', :'copy_file')], 5,
	ARRAY['TRUNCATE load_plain', 'TRUNCATE load_captured', 'TRUNCATE load_summarised']) AS ms;
SELECT count(*) AS copied_rows, (SELECT count(*) FROM load_summary) AS copied_summary_rows FROM load_summarised;
SELECT count(*) AS copy_summary_differences FROM (
	SELECT partner, flow, growth_summary(value, period)::text FROM load_summarised GROUP BY 1, 2
	EXCEPT SELECT partner, flow, rollup(summary)::text FROM load_summary GROUP BY 1, 2) x;

-- Single-row statements: 2,000 INSERTs of one row each (a loader that
-- does not batch), into the empty tables without and with the summary.
TRUNCATE load_plain, load_summarised;
CREATE TEMP TABLE timing_single AS SELECT pg_temp.best_ms(ARRAY[
	$q$DO $d$BEGIN FOR i IN 1..2000 LOOP INSERT INTO load_plain VALUES (date '2020-01-01' + i % 300, 1 + i % 50, 1, i, currency_amount(i, 'CNY')); END LOOP; END$d$$q$,
	$q$DO $d$BEGIN FOR i IN 1..2000 LOOP INSERT INTO load_summarised VALUES (date '2020-01-01' + i % 300, 1 + i % 50, 1, i, currency_amount(i, 'CNY')); END LOOP; END$d$$q$], 5,
	ARRAY['TRUNCATE load_plain', 'TRUNCATE load_summarised']) AS ms;
SELECT count(*) AS single_summary_differences FROM (
	SELECT partner, flow, growth_summary(value, period)::text FROM load_summarised GROUP BY 1, 2
	EXCEPT SELECT partner, flow, rollup(summary)::text FROM load_summary GROUP BY 1, 2) x;
\echo
\echo '== summary benchmark:' :rows 'rows requested, one run, best of 5, ms'
SELECT q, round(raw::numeric, 1) AS raw_table, round(summ::numeric, 1) AS summary_table,
	   round((summ / raw)::numeric, 4) AS "summary/raw (target <= 0.005)"
FROM timing, LATERAL (VALUES ('Q1 yoy per partner', ms[1], ms[2]),
							 ('Q2 share per partner', ms[3], ms[4]),
							 ('Q3 monthly yoy series', ms[5], ms[6]),
							 ('Q4 top 10 and others', ms[7], ms[8])) v(q, raw, summ);
SELECT round(ms[1]::numeric, 1) AS insert_100k_without_triggers, round(ms[3]::numeric, 1) AS insert_100k_with_summary,
	   round((ms[3] / ms[1])::numeric, 3) AS "with/without (target <= 1.2)",
	   round(ms[2]::numeric, 1) AS insert_100k_capture_only, round((ms[2] / ms[1])::numeric, 3) AS "capture/without"
FROM timing_insert;
SELECT round(ms[1]::numeric, 1) AS update_month_without_trigger, round(ms[2]::numeric, 1) AS update_month_with_summary,
	   round((ms[2] / ms[1])::numeric, 3) AS "with/without (target <= 2)"
FROM timing_update;
SELECT round(ms[1]::numeric, 1) AS copy_without_summary, round(ms[3]::numeric, 1) AS copy_with_summary,
	   round((ms[3] / ms[1])::numeric, 3) AS "with/without (target <= 1.3)",
	   round(ms[2]::numeric, 1) AS copy_capture_only, round((ms[2] / ms[1])::numeric, 3) AS "capture/without"
FROM timing_copy;
SELECT round(ms[1]::numeric, 1) AS inserts_2000_without_summary, round(ms[2]::numeric, 1) AS inserts_2000_with_summary,
	   round(((ms[2] - ms[1]) / 2000)::numeric, 3) AS "ms more a single-row INSERT"
FROM timing_single;
COPY (SELECT unnest(ARRAY[ms[2], ms[4], ms[6], ms[8]]) FROM timing) TO :'pg_times';
