--
-- A long build of a maintained summary reads its source in parts and says
-- how far it is (trade_stats.progress_interval; 0 reports after every
-- part), and a cancelled build leaves the summary as it was.
--
CREATE TABLE prog (partner text NOT NULL, period date NOT NULL, v bigint);
INSERT INTO prog SELECT 'P' || i % 7, date '2019-01-01' + i % 1000, i % 1000
FROM generate_series(1, 1000000) i;
SELECT pg_relation_size('prog') / current_setting('block_size')::int AS blocks;

-- by default (10 s between reports) a build this short says nothing
SELECT trade_stats.create_summary('prog_summary', 'prog', ARRAY['partner'], 'v', 'period');

-- in parts of 1,024 blocks, a report after each
SET trade_stats.progress_interval = 0;
SELECT trade_stats.refresh_summary('prog_summary');
SELECT count(*) AS differences FROM (
	SELECT partner, growth_summary(v, period)::text FROM prog GROUP BY partner
	EXCEPT SELECT partner, rollup(summary)::text FROM prog_summary GROUP BY partner) x;

-- the parts are collected apart: every group is in every part here, yet
-- each summary row is written once (no row updated, none left dead)
SET trade_stats.progress_interval = -1;
SELECT trade_stats.refresh_summary('prog_summary');
SELECT pg_relation_size('prog_summary') / current_setting('block_size')::int AS pages,
       (SELECT count(*) FROM prog_summary) AS summary_rows;
-- an owner who may not make temporary tables gets the parts added in
-- turn: as exact, in five times the pages
CREATE ROLE regress_prog_owner;
DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database()); END $$;
GRANT CREATE ON SCHEMA public TO regress_prog_owner;
ALTER TABLE prog OWNER TO regress_prog_owner;
ALTER TABLE prog_summary OWNER TO regress_prog_owner;
SET ROLE regress_prog_owner;
SELECT has_database_privilege(current_database(), 'TEMPORARY') AS may_make_temporary_tables;
SELECT trade_stats.refresh_summary('prog_summary');
SELECT pg_relation_size('prog_summary') / current_setting('block_size')::int AS pages,
       (SELECT count(*) FROM prog_summary) AS summary_rows;
SELECT count(*) AS differences FROM (
	SELECT partner, growth_summary(v, period)::text FROM prog GROUP BY partner
	EXCEPT SELECT partner, rollup(summary)::text FROM prog_summary GROUP BY partner) x;
RESET ROLE;
DO $$ BEGIN EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO PUBLIC', current_database()); END $$;
SET trade_stats.progress_interval = 0;

-- a partitioned source: its partitions in turn, each whole when small
CREATE TABLE prog_part (partner text NOT NULL, period date NOT NULL, v bigint) PARTITION BY LIST (partner);
CREATE TABLE prog_part_a PARTITION OF prog_part FOR VALUES IN ('A');
CREATE TABLE prog_part_b PARTITION OF prog_part FOR VALUES IN ('B');
CREATE TABLE prog_part_c PARTITION OF prog_part FOR VALUES IN ('C');
INSERT INTO prog_part SELECT p, date '2020-01-01' + i, i FROM unnest(ARRAY['A', 'B']) p, generate_series(1, 100) i;
SELECT trade_stats.create_summary('prog_part_summary', 'prog_part', ARRAY['partner'], 'v', 'period');
SELECT partner, count(*) AS months, total(rollup(summary)) FROM prog_part_summary GROUP BY partner ORDER BY partner;

-- -1: never
SET trade_stats.progress_interval = -1;
SELECT trade_stats.refresh_summary('prog_summary');
SET trade_stats.progress_interval = '1min';
SHOW trade_stats.progress_interval;
-- below -1 is refused (the message's wording differs between majors)
DO $$
BEGIN
	SET trade_stats.progress_interval = -2;
EXCEPTION WHEN invalid_parameter_value THEN
	RAISE NOTICE 'refused: %', SQLSTATE;
END
$$;
RESET trade_stats.progress_interval;

-- cancelled halfway (a statement timeout far shorter than the build), the
-- summary is as it was before, never half-built, and the session goes on
UPDATE prog SET v = v + 1 WHERE partner = 'P3' AND period < '2019-02-01';
SELECT md5(string_agg(partner || month || summary::text, ',' ORDER BY partner, month)) AS before
FROM prog_summary \gset
SET statement_timeout = '100ms';
\set VERBOSITY terse
SELECT trade_stats.refresh_summary('prog_summary');
\set VERBOSITY default
RESET statement_timeout;
SELECT md5(string_agg(partner || month || summary::text, ',' ORDER BY partner, month)) = :'before' AS unchanged
FROM prog_summary;
SELECT count(*) AS differences FROM (
	SELECT partner, growth_summary(v, period)::text FROM prog GROUP BY partner
	EXCEPT SELECT partner, rollup(summary)::text FROM prog_summary GROUP BY partner) x;

SELECT trade_stats.drop_summary('prog_summary');
SELECT trade_stats.drop_summary('prog_part_summary');
DROP TABLE prog, prog_part;
REVOKE CREATE ON SCHEMA public FROM regress_prog_owner;
DROP ROLE regress_prog_owner;
