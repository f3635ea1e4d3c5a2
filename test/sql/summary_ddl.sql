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

-- 3. The summary table's own columns, defaults, constraints and row
--    security are refused (a constraint would refuse writes to the source,
--    a policy hide rows from the triggers); what owners, pg_dump and
--    pg_restore do to tables is not.
CREATE TABLE sd (g text NOT NULL, period date, v bigint);
INSERT INTO sd VALUES ('a', '2021-01-01', 1), ('b', '2021-01-01', 2);
SELECT trade_stats.create_summary('sd_sum', 'sd', '{g}', 'v', 'period');
SELECT pg_temp.try_exec('ALTER TABLE sd_sum ADD COLUMN extra int');
SELECT pg_temp.try_exec($$ALTER TABLE sd_sum ALTER COLUMN summary SET DEFAULT '(bigint,1,0,,)[2021-01-01:1:1:0:0]'$$);
SELECT pg_temp.try_exec($$ALTER TABLE sd_sum ALTER COLUMN g SET DEFAULT 'a'$$);
SELECT pg_temp.try_exec('ALTER TABLE sd_sum ALTER COLUMN summary TYPE text');
SELECT pg_temp.try_exec($$ALTER TABLE sd_sum ADD CONSTRAINT ck CHECK (g <> 'zz')$$);
SELECT pg_temp.try_exec($$ALTER TABLE sd_sum ADD CONSTRAINT ck CHECK (g <> 'zz') NOT VALID$$);
CREATE TABLE sd_groups (g text PRIMARY KEY);
INSERT INTO sd_groups VALUES ('a'), ('b');
SELECT pg_temp.try_exec('ALTER TABLE sd_sum ADD FOREIGN KEY (g) REFERENCES sd_groups');
SELECT pg_temp.try_exec('ALTER TABLE sd_sum ADD UNIQUE (g)');
SELECT pg_temp.try_exec('ALTER TABLE sd_sum ADD EXCLUDE USING btree (g WITH =)');
CREATE TABLE sd_ref (g text, month date);
SELECT pg_temp.try_exec('ALTER TABLE sd_ref ADD FOREIGN KEY (g, month) REFERENCES sd_sum (g, month)');
SELECT pg_temp.try_exec('ALTER TABLE sd_sum ENABLE ROW LEVEL SECURITY');
SELECT pg_temp.try_exec('ALTER TABLE sd_sum FORCE ROW LEVEL SECURITY');
SELECT pg_temp.try_exec('CREATE POLICY p_sel ON sd_sum FOR SELECT USING (true)');
SELECT conname FROM pg_constraint WHERE (conrelid = 'sd_sum'::regclass OR confrelid = 'sd_sum'::regclass)
  AND contype <> 'n' ORDER BY 1; -- (PostgreSQL 18 keeps NOT NULL there too)
SELECT relrowsecurity, relforcerowsecurity, (SELECT count(*) FROM pg_policy WHERE polrelid = c.oid) AS policies,
	   (SELECT count(*) FROM pg_attrdef WHERE adrelid = c.oid) AS defaults, relnatts
FROM pg_class c WHERE oid = 'sd_sum'::regclass;
-- allowed: owner, comments, grants, storage and vacuum settings,
-- statistics, indexes, tablespace, clustering, replica identity
CREATE ROLE ts_sd_owner;
SELECT pg_temp.try_exec('ALTER TABLE sd_sum OWNER TO ts_sd_owner');
SELECT pg_temp.try_exec('ALTER TABLE sd_sum OWNER TO CURRENT_USER');
COMMENT ON TABLE sd_sum IS 'monthly summary of sd';
COMMENT ON COLUMN sd_sum.summary IS 'the summaries';
GRANT SELECT ON sd_sum TO ts_sd_owner;
REVOKE SELECT ON sd_sum FROM ts_sd_owner;
DROP ROLE ts_sd_owner;
SELECT pg_temp.try_exec('ALTER TABLE sd_sum SET (fillfactor = 70, autovacuum_enabled = false)');
SELECT pg_temp.try_exec('ALTER TABLE sd_sum RESET (autovacuum_enabled)');
SELECT pg_temp.try_exec('ALTER TABLE sd_sum ALTER COLUMN g SET STATISTICS 500');
SELECT pg_temp.try_exec('ALTER TABLE sd_sum ALTER COLUMN summary SET STORAGE EXTERNAL');
SELECT pg_temp.try_exec('CREATE INDEX sd_sum_month ON sd_sum (month)');
SELECT pg_temp.try_exec('ALTER TABLE sd_sum SET TABLESPACE pg_default');
SELECT pg_temp.try_exec('ALTER TABLE sd_sum CLUSTER ON sd_sum_pkey');
SELECT pg_temp.try_exec('CLUSTER sd_sum');
SELECT pg_temp.try_exec('ALTER TABLE sd_sum REPLICA IDENTITY USING INDEX sd_sum_pkey');
SELECT pg_temp.try_exec('ANALYZE sd_sum');
-- but no other unique index: the upserts would take it as an arbiter (in
-- another collation it merges groups), and it could take the key's place
SELECT pg_temp.try_exec('CREATE UNIQUE INDEX sd_sum_ci ON sd_sum (g COLLATE "C", month)');
SELECT pg_temp.try_exec('CREATE UNIQUE INDEX sd_sum_again ON sd_sum (g, month)');
SELECT pg_temp.try_exec('ALTER TABLE sd_sum ADD CONSTRAINT sd_sum_again UNIQUE (g, month)');
SELECT pg_temp.try_exec('CREATE INDEX sd_sum_g ON sd_sum (g)');
INSERT INTO sd VALUES ('zz', '2021-02-01', 3);
DELETE FROM sd WHERE g = 'a';
SELECT g, month, total(summary) FROM sd_sum ORDER BY 1, 2;

-- (the tests share a database)
SELECT trade_stats.drop_summary(s) FROM unnest(ARRAY['u_sum', 'up_sum', 'ih_sum', 'sd_sum']::regclass[]) s;
DROP TABLE u_src, up, up_c, ih, ih_kid2, ih_parent, ih_tree, sd, sd_groups, sd_ref;
