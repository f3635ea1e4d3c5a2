-- Benchmark of scale-out with postgres_fdw: one table against the same rows
-- in two shards (databases of this cluster reached over 127.0.0.1, hash
-- partitions by partner, async foreign scans), for an aggregate grouped by
-- the partition key (pushed down to the shards) and one grouped by flow
-- (rows fetched to the coordinator, or summaries per shard rolled up on
-- it).  Time, best of 5, and the rows that crossed between nodes.  Run by
-- test/bench/run.sh scaleout [ROWS] (default 2,000,000 rows).
\set ON_ERROR_STOP 1
\pset footer off
\getenv port PGPORT
\getenv user PGUSER
\getenv password PGPASSWORD
SET max_parallel_workers_per_gather = 0;

CREATE DATABASE bench_shard1;
CREATE DATABASE bench_shard2;
\c bench_shard1
CREATE EXTENSION trade_stats;
CREATE TABLE customs_p (period date NOT NULL, partner int NOT NULL, flow int NOT NULL,
						commodity int NOT NULL, value currency_amount);
\c bench_shard2
CREATE EXTENSION trade_stats;
CREATE TABLE customs_p (period date NOT NULL, partner int NOT NULL, flow int NOT NULL,
						commodity int NOT NULL, value currency_amount);
\c postgres
CREATE EXTENSION trade_stats;
CREATE EXTENSION postgres_fdw;
SELECT format('host %L, port %L, extensions %L, fetch_size %L, async_capable %L, batch_size %L',
			  '127.0.0.1', :'port', 'trade_stats', '10000', 'true', '10000') AS options \gset
CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'bench_shard1', :options);
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'bench_shard2', :options);
CREATE USER MAPPING FOR CURRENT_USER SERVER shard1 OPTIONS (user :'user', password :'password');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard2 OPTIONS (user :'user', password :'password');

-- The rows: 120 months, 200 partners, 2 flows, as many commodities as
-- :rows asks for.  One table here, the same rows split between the shards.
\o /dev/null
SELECT setseed(0.42);
SELECT greatest(1, :rows / (120 * 200 * 2)) AS commodities \gset
CREATE TABLE customs_single (period date NOT NULL, partner int NOT NULL, flow int NOT NULL,
							 commodity int NOT NULL, value currency_amount);
INSERT INTO customs_single
	SELECT (date '2012-01-01' + m * interval '1 month')::date, p, f, c,
		   currency_amount(round((random() * 1e7)::numeric, 2), 'CNY')
	FROM generate_series(0, 119) m, generate_series(1, 200) p,
		 generate_series(1, 2) f, generate_series(1, :commodities) c;
CREATE TABLE customs (LIKE customs_single) PARTITION BY HASH (partner);
CREATE FOREIGN TABLE customs_1 PARTITION OF customs FOR VALUES WITH (MODULUS 2, REMAINDER 0)
	SERVER shard1 OPTIONS (table_name 'customs_p');
CREATE FOREIGN TABLE customs_2 PARTITION OF customs FOR VALUES WITH (MODULUS 2, REMAINDER 1)
	SERVER shard2 OPTIONS (table_name 'customs_p');
INSERT INTO customs SELECT * FROM customs_single;
VACUUM ANALYZE customs_single;
\c bench_shard1
VACUUM ANALYZE customs_p;
\c bench_shard2
VACUUM ANALYZE customs_p;
\c postgres
SET max_parallel_workers_per_gather = 0;
SET enable_partitionwise_aggregate = on;
ANALYZE customs;
\ir best_ms.sql
\o
SELECT count(*) AS rows FROM customs_single;

-- The answers agree (a check, not timed).
SELECT count(*) AS differences FROM (
	(SELECT partner, yoy_growth(value, period) FROM customs GROUP BY partner
	 EXCEPT SELECT partner, yoy_growth(value, period) FROM customs_single GROUP BY partner)
	UNION ALL
	(SELECT flow, yoy_growth(rollup(s)) FROM (SELECT partner, flow, growth_summary(value, period) AS s
											  FROM customs GROUP BY partner, flow) x GROUP BY flow
	 EXCEPT SELECT flow, yoy_growth(value, period) FROM customs_single GROUP BY flow)) d;

-- Rows that crossed between the nodes: the Foreign Scans' actual rows.
CREATE FUNCTION pg_temp.moved(query text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
	p jsonb;
BEGIN
	EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON) ' || query INTO p;
	RETURN coalesce((SELECT sum(r::text::numeric) FROM jsonb_path_query(p,
		'strict $.**?(@."Node Type" == "Foreign Scan")."Actual Rows"') r), 0);
END
$$;

CREATE TEMP TABLE q (i int, what text, query text);
INSERT INTO q VALUES
	(1, 'by partner, one table', 'SELECT partner, yoy_growth(value, period) FROM customs_single GROUP BY partner'),
	(2, 'by partner, 2 shards (pushed down)', 'SELECT partner, yoy_growth(value, period) FROM customs GROUP BY partner'),
	(3, 'by flow, one table', 'SELECT flow, yoy_growth(value, period) FROM customs_single GROUP BY flow'),
	(4, 'by flow, 2 shards, rows fetched', 'SELECT flow, yoy_growth(value, period) FROM customs GROUP BY flow'),
	(5, 'by flow, 2 shards, summaries rolled up',
	 'SELECT flow, yoy_growth(rollup(s)) FROM (SELECT partner, flow, growth_summary(value, period) AS s
	  FROM customs GROUP BY partner, flow) x GROUP BY flow');
CREATE TEMP TABLE timing AS SELECT pg_temp.best_ms(array_agg(query ORDER BY i), 5) AS ms FROM q;

\echo
\echo '== scale-out benchmark (postgres_fdw, 2 shards):' :rows 'rows requested, one run, best of 5, ms'
SELECT what, round(ms[i]::numeric, 1) AS ms, pg_temp.moved(query) AS rows_moved
FROM q, timing ORDER BY i;
SELECT round((ms[2] / ms[1])::numeric, 3) AS "by partner: shards / one table",
	   round((ms[5] / ms[4])::numeric, 3) AS "by flow: summaries / rows fetched",
	   round(pg_temp.moved((SELECT query FROM q WHERE i = 4)) /
			 pg_temp.moved((SELECT query FROM q WHERE i = 5))) AS "rows moved: fetched / summaries (target >= 100)"
FROM timing;
