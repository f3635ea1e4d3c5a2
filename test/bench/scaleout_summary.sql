-- Benchmark of maintained summaries on two postgres_fdw shards (the
-- README's recipe, "Maintained summaries on shards"): the rows LIST-
-- partitioned by partner group (partners 1-100 on one shard, 101-200 on the
-- other), a summary created on each shard, and the coordinator reading them
-- through a table partitioned the same way.  Times create_summary on each
-- shard; the four dashboard queries of summary.sql from the summaries and
-- from the raw rows, both through the coordinator (grouped by partner: the
-- aggregate pushed down to the shards); and the write path through the
-- coordinator, a revision UPDATE of one partner's month and a 100,000-row
-- INSERT, each with the shards' summaries and without (their triggers
-- disabled on the shards).  Every statement is timed on its own, in its own
-- transaction (as a dashboard sends it), rounds interleaved, best of 5.
-- The shards are two databases of this cluster reached over 127.0.0.1
-- (async foreign scans, so both work at once); the rows are generated in
-- each shard directly, the same rows one table would hold.  Run by
-- test/bench/run.sh scaleout_summary [ROWS] (default 2,000,000 rows).
\set ON_ERROR_STOP 1
\pset footer off
\getenv port PGPORT
\getenv user PGUSER
\getenv password PGPASSWORD
SET max_parallel_workers_per_gather = 0;

DROP DATABASE IF EXISTS bench_ss_coord;
DROP DATABASE IF EXISTS bench_ss1;
DROP DATABASE IF EXISTS bench_ss2;
CREATE DATABASE bench_ss_coord;
CREATE DATABASE bench_ss1;
CREATE DATABASE bench_ss2;
-- as in summary.sql, no parallel workers, on the shards too
ALTER DATABASE bench_ss_coord SET max_parallel_workers_per_gather = 0;
ALTER DATABASE bench_ss1 SET max_parallel_workers_per_gather = 0;
ALTER DATABASE bench_ss2 SET max_parallel_workers_per_gather = 0;
\c bench_ss1
CREATE EXTENSION trade_stats;
CREATE TABLE customs_p (period date NOT NULL, partner int NOT NULL, flow int NOT NULL,
						commodity int NOT NULL, value currency_amount);
\c bench_ss2
CREATE EXTENSION trade_stats;
CREATE TABLE customs_p (period date NOT NULL, partner int NOT NULL, flow int NOT NULL,
						commodity int NOT NULL, value currency_amount);
\c bench_ss_coord
SET enable_partitionwise_aggregate = on;
CREATE EXTENSION trade_stats;
CREATE EXTENSION postgres_fdw;
CREATE EXTENSION dblink;
SELECT format('host %L, port %L, extensions %L, fetch_size %L, async_capable %L, batch_size %L',
			  '127.0.0.1', :'port', 'trade_stats', '10000', 'true', '10000') AS options \gset
CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'bench_ss1', :options);
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'bench_ss2', :options);
CREATE USER MAPPING FOR CURRENT_USER SERVER shard1 OPTIONS (user :'user', password :'password');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard2 OPTIONS (user :'user', password :'password');
-- dblink: statements run on the shards themselves (the load, create_summary,
-- the triggers disabled and enabled), both at once where they can be
SELECT format('host=127.0.0.1 port=%s user=%s password=%s dbname=', :'port', :'user', :'password') AS conninfo \gset
\o /dev/null
SELECT dblink_connect('s1', :'conninfo' || 'bench_ss1'), dblink_connect('s2', :'conninfo' || 'bench_ss2');
\o

-- Runs a statement on both shards at once and waits for both.
CREATE FUNCTION pg_temp.on_shards(q1 text, q2 text DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	c text;
BEGIN
	PERFORM dblink_send_query('s1', q1);
	PERFORM dblink_send_query('s2', coalesce(q2, q1));
	FOREACH c IN ARRAY ARRAY['s1', 's2'] LOOP
		PERFORM * FROM dblink_get_result(c, true) AS t(r text);
		PERFORM * FROM dblink_get_result(c, true) AS t(r text);
	END LOOP;
END
$$;
-- One statement timed, in its own transaction (call it at top level).
CREATE TEMP TABLE times (i int, ms float8);
CREATE FUNCTION pg_temp.time_one(i int, q text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE q;
	INSERT INTO times VALUES (i, 1000 * extract(epoch FROM clock_timestamp() - t0));
END
$$;

-- The rows: 120 months, 200 partners, 2 flows, as many commodities as
-- :rows asks for; partners 1-100 on shard 1, 101-200 on shard 2.  The value
-- is a hash of the row's key (a rerun and one table would hold the same
-- rows), loaded into both shards at once.
SELECT greatest(1, :rows / (120 * 200 * 2)) AS commodities \gset
SELECT $q$INSERT INTO customs_p
	SELECT (date '2012-01-01' + m * interval '1 month')::date, p, f, c,
		   currency_amount(round(((m * 7919 + p * 104729 + f * 15485863 + c * 31337)::bigint
								  * 2654435761 % 1000000000) / 100.0, 2), 'CNY')
	FROM generate_series(0, 119) m, generate_series($q$ AS load_head,
	   $q$) p, generate_series(1, 2) f, generate_series(1, $q$ || :commodities || ') c' AS load_tail \gset
\timing on
\echo load, both shards at once:
SELECT pg_temp.on_shards(:'load_head' || '1, 100' || :'load_tail', :'load_head' || '101, 200' || :'load_tail');
\echo VACUUM ANALYZE, both shards at once:
SELECT pg_temp.on_shards('VACUUM ANALYZE customs_p');
\timing off

-- The coordinator's tables: the rows, and the shards' summaries, LIST-
-- partitioned by partner group alike.  (Not ANALYZEd: postgres_fdw of
-- PostgreSQL 15 reads every row of a foreign table to sample it.)
SELECT string_agg(p::text, ', ') FILTER (WHERE p <= 100) AS group1,
	   string_agg(p::text, ', ') FILTER (WHERE p > 100) AS group2
FROM generate_series(1, 200) p \gset
CREATE TABLE customs (period date NOT NULL, partner int NOT NULL, flow int NOT NULL,
					  commodity int NOT NULL, value currency_amount) PARTITION BY LIST (partner);
CREATE FOREIGN TABLE customs_1 PARTITION OF customs FOR VALUES IN (:group1)
	SERVER shard1 OPTIONS (table_name 'customs_p');
CREATE FOREIGN TABLE customs_2 PARTITION OF customs FOR VALUES IN (:group2)
	SERVER shard2 OPTIONS (table_name 'customs_p');
SELECT count(*) AS rows, count(*) FILTER (WHERE partner <= 100) AS shard1_rows,
	   count(*) FILTER (WHERE partner > 100) AS shard2_rows FROM customs;

-- A summary on each shard, one after the other (each timed alone).
\timing on
\echo create_summary on shard 1:
SELECT * FROM dblink('s1', $$SELECT trade_stats.create_summary('customs_summary_p', 'customs_p',
															  '{partner,flow}', 'value', 'period')::text$$) AS t(summary text);
\echo create_summary on shard 2:
SELECT * FROM dblink('s2', $$SELECT trade_stats.create_summary('customs_summary_p', 'customs_p',
															  '{partner,flow}', 'value', 'period')::text$$) AS t(summary text);
\timing off
SELECT pg_temp.on_shards('VACUUM ANALYZE customs_summary_p');
SELECT * FROM dblink('s1', $$SELECT 'shard 1', (SELECT count(*) FROM customs_summary_p),
		pg_size_pretty(pg_total_relation_size('customs_summary_p')), pg_size_pretty(pg_total_relation_size('customs_p'))$$)
	AS t(shard text, summary_rows bigint, summary_size text, table_size text)
UNION ALL
SELECT * FROM dblink('s2', $$SELECT 'shard 2', (SELECT count(*) FROM customs_summary_p),
		pg_size_pretty(pg_total_relation_size('customs_summary_p')), pg_size_pretty(pg_total_relation_size('customs_p'))$$)
	AS t(shard text, summary_rows bigint, summary_size text, table_size text);

CREATE TABLE customs_summary (partner int, flow int, month date, summary growth_state)
	PARTITION BY LIST (partner);
CREATE FOREIGN TABLE customs_summary_1 PARTITION OF customs_summary FOR VALUES IN (:group1)
	SERVER shard1 OPTIONS (table_name 'customs_summary_p');
CREATE FOREIGN TABLE customs_summary_2 PARTITION OF customs_summary FOR VALUES IN (:group2)
	SERVER shard2 OPTIONS (table_name 'customs_summary_p');
ANALYZE customs_summary;
-- Q3 asks for each partner's rolled-up summary to cross and growth_series
-- to run on the coordinator; with a view of the series on each shard, read
-- through foreign tables partitioned alike, the shards run it (a variant).
SELECT pg_temp.on_shards($$CREATE VIEW customs_series_p AS
	SELECT g.partner, e.period, e.yoy
	FROM (SELECT partner, rollup(summary) AS s FROM customs_summary_p GROUP BY partner) g, growth_series(g.s) e$$);
CREATE TABLE customs_series (partner int, period date, yoy numeric) PARTITION BY LIST (partner);
CREATE FOREIGN TABLE customs_series_1 PARTITION OF customs_series FOR VALUES IN (:group1)
	SERVER shard1 OPTIONS (table_name 'customs_series_p');
CREATE FOREIGN TABLE customs_series_2 PARTITION OF customs_series FOR VALUES IN (:group2)
	SERVER shard2 OPTIONS (table_name 'customs_series_p');

-- The four dashboard queries of summary.sql, over the coordinator's tables.
\ir dashboard_queries.sql
CREATE TEMP TABLE q AS SELECT * FROM dashboard;
INSERT INTO q VALUES
	-- Q2 with the total in a subquery: the whole aggregate runs on the
	-- shards, an amount per partner crosses instead of a growth_state (with
	-- a window function above it, PostgreSQL computes total() over the
	-- grouped rows, on the coordinator)
	(5, 'Q2 share, total in a subquery',
	 'SELECT partner, share_of_total(sum(value)) OVER () FROM customs GROUP BY partner',
	 'SELECT partner, share_of_total(t) OVER () FROM (SELECT partner, total(rollup(summary)) AS t FROM customs_summary GROUP BY partner) x'),
	(6, 'Q3 series, a view on each shard',
	 $q$SELECT partner, period, yoy(s, period) OVER (PARTITION BY partner)
	   FROM (SELECT partner, period, sum(value) AS s FROM customs GROUP BY partner, period) g$q$,
	 'SELECT partner, period, yoy FROM customs_series');

-- The answers agree (a check, not timed): each query's answer from the
-- summaries and from the rows, both ways round.
CREATE FUNCTION pg_temp.differences(a text, b text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	EXECUTE format('WITH a AS MATERIALIZED (%s), b AS MATERIALIZED (%s)
					SELECT count(*) FROM ((TABLE a EXCEPT TABLE b) UNION ALL (TABLE b EXCEPT TABLE a)) x', a, b) INTO n;
	RETURN n;
END
$$;
SELECT i, what, pg_temp.differences(raw, summ) AS "differences, summaries / rows" FROM q ORDER BY i;

-- Where each query runs: the shards' remote SQL of the summary queries
-- (the rollup grouped by partner on each shard) and the rows that cross.
CREATE FUNCTION pg_temp.moved(query text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
	p jsonb;
BEGIN
	EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON) ' || query INTO p;
	RETURN coalesce((SELECT sum(r::text::numeric) FROM jsonb_path_query(p,
		'strict $.**?(@."Node Type" == "Foreign Scan")."Actual Rows"') r), 0);
END
$$;
CREATE FUNCTION pg_temp.remote_sql(query text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	p jsonb;
BEGIN
	EXECUTE 'EXPLAIN (VERBOSE, FORMAT JSON) ' || query INTO p;
	RETURN QUERY SELECT DISTINCT r #>> '{}' FROM jsonb_path_query(p, 'strict $.**."Remote SQL"') r;
END
$$;
SELECT i, pg_temp.remote_sql(summ) AS "remote SQL of the summary queries" FROM q ORDER BY i;
SELECT i, pg_temp.remote_sql(raw) AS "remote SQL of the raw queries" FROM q ORDER BY i;

-- The same summary rows in a local table of the coordinator: what one node
-- holding the whole summary answers, timed in the same rounds.
CREATE TABLE customs_summary_local AS SELECT * FROM customs_summary;
VACUUM ANALYZE customs_summary_local;

-- Timed: each query at top level, its own transaction; rounds interleaved.
\o /dev/null
SELECT format('SELECT pg_temp.time_one(%s, %L)', 2 * i - 1, raw), format('SELECT pg_temp.time_one(%s, %L)', 2 * i, summ),
	   CASE WHEN summ LIKE '%customs_summary%'
			THEN format('SELECT pg_temp.time_one(%s, %L)', 100 + i, replace(summ, 'customs_summary', 'customs_summary_local')) END
FROM generate_series(1, 5) r, q ORDER BY r, i \gexec
\o
CREATE TEMP TABLE timing AS SELECT i, min(ms) AS ms FROM times GROUP BY i;
TRUNCATE times;
CREATE TEMP TABLE moved AS SELECT i, pg_temp.moved(raw) AS raw, pg_temp.moved(summ) AS summ FROM q;

-- The write path through the coordinator.  The shards' triggers, disabled
-- and enabled again by the superuser on the shards (dropping them is
-- refused); their names:
SELECT * FROM dblink('s1', $$SELECT 'ALTER TABLE customs_p ' || string_agg(format('ENABLE TRIGGER %I', tgname), ', '),
								  'ALTER TABLE customs_p ' || string_agg(format('DISABLE TRIGGER %I', tgname), ', ')
							FROM pg_trigger WHERE tgrelid = 'customs_p'::regclass AND tgname ~ '_(insert|delete)$'$$)
	AS t(enable_insert1 text, disable_insert1 text) \gset
SELECT * FROM dblink('s2', $$SELECT 'ALTER TABLE customs_p ' || string_agg(format('ENABLE TRIGGER %I', tgname), ', '),
								  'ALTER TABLE customs_p ' || string_agg(format('DISABLE TRIGGER %I', tgname), ', ')
							FROM pg_trigger WHERE tgrelid = 'customs_p'::regclass AND tgname ~ '_(insert|delete)$'$$)
	AS t(enable_insert2 text, disable_insert2 text) \gset
SELECT * FROM dblink('s1', $$SELECT format('ALTER TABLE customs_p ENABLE TRIGGER %I', tgname),
								  format('ALTER TABLE customs_p DISABLE TRIGGER %I', tgname)
							FROM pg_trigger WHERE tgrelid = 'customs_p'::regclass AND tgname ~ '_update$'$$)
	AS t(enable_update1 text, disable_update1 text) \gset

-- 100,000 rows INSERTed through the coordinator (postgres_fdw routes them
-- to the shards in batches of batch_size, 10,000), the shards' summaries'
-- INSERT and DELETE triggers disabled and enabled; the rows DELETEd (untimed)
-- before each round, through the coordinator too.
CREATE TABLE batch AS
	SELECT (date '2022-01-01' + (i % 12) * interval '1 month')::date AS period, 1 + i % 200 AS partner,
		   1 + i % 2 AS flow, i AS commodity, currency_amount(i * 1.5, 'CNY') AS value
	FROM generate_series(1, 100000) i;
\set delete_batch 'DELETE FROM customs WHERE period >= ''2022-01-01'''
\o /dev/null
SELECT s FROM generate_series(1, 5) r, LATERAL (VALUES
	(1, :'delete_batch'),
	(2, format('SELECT pg_temp.on_shards(%L, %L)', :'disable_insert1', :'disable_insert2')),
	(3, 'SELECT pg_temp.time_one(1, ''INSERT INTO customs SELECT * FROM batch'')'),
	(4, :'delete_batch'),
	(5, format('SELECT pg_temp.on_shards(%L, %L)', :'enable_insert1', :'enable_insert2')),
	(6, 'SELECT pg_temp.time_one(2, ''INSERT INTO customs SELECT * FROM batch'')')) v(j, s)
ORDER BY r, j \gexec
\o

-- A revision: one partner's month UPDATEd through the coordinator (on
-- partner 7's shard only, which has an index on (partner, period)), the
-- shard's UPDATE trigger disabled and enabled.
\timing on
\echo index on (partner, period), both shards at once:
SELECT pg_temp.on_shards('CREATE INDEX customs_partner_period ON customs_p (partner, period)');
\timing off
SELECT count(*) AS revised_rows FROM customs WHERE partner = 7 AND period = '2020-06-01';
\set update 'UPDATE customs SET value = value + ''0.01 CNY'' WHERE partner = 7 AND period = ''2020-06-01'''
\o /dev/null
SELECT s FROM generate_series(1, 5) r, LATERAL (VALUES
	(1, format('SELECT dblink_exec(%L, %L)', 's1', :'disable_update1')),
	(2, format('SELECT pg_temp.time_one(3, %L)', :'update')),
	(3, format('SELECT dblink_exec(%L, %L)', 's1', :'enable_update1')),
	(4, format('SELECT pg_temp.time_one(4, %L)', :'update'))) v(j, s)
ORDER BY r, j \gexec
\o
CREATE TEMP TABLE timing_write AS SELECT i, min(ms) AS ms FROM times GROUP BY i;
SELECT i, array_agg(round(ms::numeric, 1)) AS "write rounds, ms (1, 2 INSERT without, with; 3, 4 UPDATE)"
FROM times GROUP BY i ORDER BY i;
-- the rounds without the trigger changed rows the summary did not see
\timing on
\echo refresh_summary on shard 1:
SELECT * FROM dblink('s1', $$SELECT trade_stats.refresh_summary('customs_summary_p')::text$$) AS t(refreshed text);
\timing off
-- both summaries exact after the writes: every (partner, flow) from the
-- summaries and from the rows
SELECT pg_temp.differences(
	'SELECT partner, flow, yoy_growth(value, period), sum(value)::numeric FROM customs GROUP BY 1, 2',
	'SELECT partner, flow, yoy_growth(rollup(summary)), total(rollup(summary)) FROM customs_summary GROUP BY 1, 2')
	AS "differences after the writes";

\echo
\echo '== summaries on 2 postgres_fdw shards:' :rows 'rows requested, one run, best of 5, ms'
SELECT what, round(t1.ms::numeric, 1) AS raw_through_coordinator, round(t2.ms::numeric, 1) AS summaries_through_coordinator,
	   round((t2.ms / t1.ms)::numeric, 4) AS "summary/raw (target <= 0.005)",
	   m.raw AS raw_rows_moved, m.summ AS summary_rows_moved,
	   round(t3.ms::numeric, 1) AS summaries_one_node, round((t2.ms / t3.ms)::numeric, 2) AS "shards/one node"
FROM q JOIN timing t1 ON t1.i = 2 * q.i - 1 JOIN timing t2 ON t2.i = 2 * q.i JOIN moved m ON m.i = q.i
	LEFT JOIN timing t3 ON t3.i = 100 + q.i ORDER BY q.i;
SELECT 'INSERT of 100,000 rows' AS write, round(a.ms::numeric, 1) AS without_summaries,
	   round(b.ms::numeric, 1) AS with_summaries, round((b.ms / a.ms)::numeric, 3) AS "with/without"
FROM timing_write a, timing_write b WHERE a.i = 1 AND b.i = 2
UNION ALL
SELECT 'UPDATE of one partner''s month', round(a.ms::numeric, 1), round(b.ms::numeric, 1), round((b.ms / a.ms)::numeric, 3)
FROM timing_write a, timing_write b WHERE a.i = 3 AND b.i = 4;

\o /dev/null
SELECT dblink_disconnect('s1'), dblink_disconnect('s2');
\o
