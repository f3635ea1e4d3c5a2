--
-- DDL on the tables of a maintained summary: what would let a summary go
-- wrong without an error is refused, with an error naming the table.
--

\i test/sql/helpers.psql
\set SHOW_CONTEXT never

-- 1. Unlogged tables lose their rows in a crash, the other side keeps
--    them: an unlogged source, partition or summary table is refused, when
--    the summary is made and by ALTER TABLE, ATTACH and CREATE TABLE.
CREATE UNLOGGED TABLE u_src (g text NOT NULL, period date, v bigint);
SELECT pg_temp.try($$SELECT trade_stats.create_summary('u_sum', 'u_src', '{g}', 'v', 'period')$$);
SELECT pg_temp.try_exec('ALTER TABLE u_src SET LOGGED');
SELECT pg_temp.try($$SELECT trade_stats.create_summary('u_sum', 'u_src', '{g}', 'v', 'period')$$);
CREATE TABLE up (g text NOT NULL, period date, v bigint) PARTITION BY LIST (g);
CREATE TABLE up_a PARTITION OF up FOR VALUES IN ('a');
CREATE UNLOGGED TABLE up_b PARTITION OF up FOR VALUES IN ('b');
SELECT pg_temp.try($$SELECT trade_stats.create_summary('up_sum', 'up', '{g}', 'v', 'period')$$);
DROP TABLE up_b;
SELECT pg_temp.try($$SELECT trade_stats.create_summary('up_sum', 'up', '{g}', 'v', 'period')$$);
SELECT relpersistence FROM pg_class WHERE oid = 'up_sum'::regclass;
SELECT pg_temp.try_exec('ALTER TABLE u_src SET UNLOGGED');
SELECT pg_temp.try_exec('ALTER TABLE up_a SET UNLOGGED');
SELECT pg_temp.try_exec('ALTER TABLE up_sum SET UNLOGGED');
SELECT pg_temp.try_exec('ALTER TABLE u_sum SET UNLOGGED');
SELECT pg_temp.try_exec($$CREATE UNLOGGED TABLE up_b PARTITION OF up FOR VALUES IN ('b')$$);
CREATE UNLOGGED TABLE up_c (g text NOT NULL, period date, v bigint);
SELECT pg_temp.try_exec($$ALTER TABLE up ATTACH PARTITION up_c FOR VALUES IN ('c')$$);
SELECT relname, relpersistence FROM pg_class
WHERE relname IN ('u_src', 'u_sum', 'up', 'up_a', 'up_c', 'up_sum') ORDER BY 1;
-- a logged partition still comes in
CREATE TABLE up_b PARTITION OF up FOR VALUES IN ('b');
INSERT INTO up VALUES ('a', '2021-01-01', 1), ('b', '2021-01-01', 2);
SELECT g, total(summary) FROM up_sum ORDER BY 1;

-- 2. The summary table has no inheritance children or parents: reads of it
--    would count a child's rows, and a rebuild would delete them.
CREATE TABLE ih (g text NOT NULL, period date, v bigint);
INSERT INTO ih VALUES ('a', '2021-01-01', 1);
SELECT trade_stats.create_summary('ih_sum', 'ih', '{g}', 'v', 'period');
SELECT pg_temp.try_exec('CREATE TABLE ih_kid () INHERITS (ih_sum)');
CREATE TABLE ih_kid2 (LIKE ih_sum);
SELECT pg_temp.try_exec('ALTER TABLE ih_kid2 INHERIT ih_sum');
CREATE TABLE ih_parent (LIKE ih_sum);
SELECT pg_temp.try_exec('ALTER TABLE ih_sum INHERIT ih_parent');
CREATE TABLE ih_tree (LIKE ih_sum) PARTITION BY LIST (g);
SELECT pg_temp.try_exec($$ALTER TABLE ih_tree ATTACH PARTITION ih_sum FOR VALUES IN ('a')$$);
SELECT count(*) AS inheritance_of_the_summary FROM pg_inherits
WHERE 'ih_sum'::regclass IN (inhrelid, inhparent);
INSERT INTO ih VALUES ('a', '2021-01-01', 5);
SELECT g, total(summary) FROM ih_sum;
