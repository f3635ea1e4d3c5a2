--
-- Maintained summary tables through every path that changes their source:
-- partitions written directly, ATTACH and DETACH, TRUNCATE of a partition,
-- replica-mode sessions, writable CTEs and MERGE, another TimeZone, group
-- keys of other types and NULL keys, DDL on the source and the summary,
-- other roles.  After each, the summary equals a rebuild from the source,
-- or the path is refused with an error.
--

\set SHOW_CONTEXT never

\i test/sql/helpers.psql

-- 1. A timestamptz period is cut into months in the zone of the session that
--    made the summary, whatever the writer's zone.
SET TimeZone = 'UTC';
CREATE TABLE tz_trade (partner text NOT NULL, at timestamptz, v bigint);
SELECT trade_stats.create_summary('tz_summary', 'tz_trade', '{partner}', 'v', 'at');
SELECT time_zone FROM trade_stats.summary_definition WHERE summary = 'tz_summary'::regclass;
INSERT INTO tz_trade VALUES ('EU', '2021-01-31 20:00+00', 100);
SET TimeZone = 'Asia/Shanghai';
INSERT INTO tz_trade VALUES ('EU', '2021-01-31 23:00+08', 5);
SELECT partner, month, total(summary) FROM tz_summary ORDER BY month;
DELETE FROM tz_trade WHERE v = 100;
SELECT partner, month, total(summary) FROM tz_summary ORDER BY month;
SELECT pg_temp.same('tz_summary');
RESET TimeZone;

-- 2. A partitioned source: statements on the parent and on each partition,
--    rows moving between partitions, COPY and TRUNCATE of one partition.
CREATE TABLE pt (partner text NOT NULL, period date NOT NULL, v numeric) PARTITION BY RANGE (period);
CREATE TABLE pt_2020 PARTITION OF pt FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE pt_2021 PARTITION OF pt FOR VALUES FROM ('2021-01-01') TO ('2022-01-01')
	PARTITION BY LIST (partner);
CREATE TABLE pt_2021_eu PARTITION OF pt_2021 FOR VALUES IN ('EU');
CREATE TABLE pt_2021_other PARTITION OF pt_2021 DEFAULT;
INSERT INTO pt VALUES ('EU', '2020-03-01', 10), ('US', '2020-03-01', 20), ('EU', '2021-03-01', 30);
SELECT trade_stats.create_summary('pt_summary', 'pt', '{partner}', 'v', 'period');
SELECT tgrelid::regclass, count(*) FROM pg_trigger WHERE tgname LIKE 'trade_stats_summary_%'
AND tgrelid::regclass::text ~ '^(pt|tz)' GROUP BY 1 ORDER BY tgrelid::regclass::text;
INSERT INTO pt_2020 VALUES ('EU', '2020-04-01', 1);
INSERT INTO pt_2021_eu VALUES ('EU', '2021-04-01', 2);
INSERT INTO pt_2021 VALUES ('US', '2021-04-01', 3);
UPDATE pt_2021_eu SET v = v * 10;
UPDATE pt SET period = period + 365 WHERE period < '2021-01-01' AND partner = 'US';
DELETE FROM pt_2020 WHERE v = 1;
COPY pt_2021_other FROM stdin;
CN	2021-05-01	7
\.
SELECT pg_temp.same('pt_summary');
SELECT partner, total(rollup(summary)) FROM pt_summary GROUP BY 1 ORDER BY 1;
TRUNCATE pt_2021_eu;
SELECT partner, total(rollup(summary)) FROM pt_summary GROUP BY 1 ORDER BY 1;
SELECT pg_temp.same('pt_summary');

-- ATTACH adds a table's rows and gives it the triggers; DETACH removes
-- them and takes the triggers away; writes to a detached table are its own.
CREATE TABLE pt_2022 (partner text NOT NULL, period date NOT NULL, v numeric);
INSERT INTO pt_2022 VALUES ('EU', '2022-01-01', 100), ('JP', '2022-02-01', 200);
ALTER TABLE pt ATTACH PARTITION pt_2022 FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
SELECT partner, total(rollup(summary)) FROM pt_summary GROUP BY 1 ORDER BY 1;
INSERT INTO pt_2022 VALUES ('JP', '2022-03-01', 1);
SELECT pg_temp.same('pt_summary');
ALTER TABLE pt DETACH PARTITION pt_2021;
SELECT partner, total(rollup(summary)) FROM pt_summary GROUP BY 1 ORDER BY 1;
SELECT count(*) AS triggers_left_on_detached FROM pg_trigger
WHERE tgrelid IN ('pt_2021'::regclass, 'pt_2021_eu'::regclass, 'pt_2021_other'::regclass);
INSERT INTO pt_2021 VALUES ('EU', '2021-06-01', 1000);
SELECT pg_temp.same('pt_summary');
CREATE TABLE pt_2023 PARTITION OF pt FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
INSERT INTO pt_2023 VALUES ('EU', '2023-01-01', 5);
SELECT pg_temp.same('pt_summary');
-- a partition is dropped only after it is detached
DROP TABLE pt_2023;
ALTER TABLE pt DETACH PARTITION pt_2023;
DROP TABLE pt_2023;
SELECT pg_temp.same('pt_summary');
-- TRUNCATE of the whole tree
TRUNCATE pt;
SELECT count(*) AS rows_after_truncate FROM pt_summary;

-- Foreign partitions, inheritance and a partition as the source are refused.
CREATE TABLE inh_parent (partner text NOT NULL, period date, v bigint);
CREATE TABLE inh_child () INHERITS (inh_parent);
SELECT trade_stats.create_summary('inh_summary', 'inh_parent', '{partner}', 'v', 'period');
SELECT trade_stats.create_summary('part_summary', 'pt_2020', '{partner}', 'v', 'period');
CREATE TABLE inh_plain (partner text NOT NULL, period date, v bigint);
SELECT trade_stats.create_summary('inh_plain_summary', 'inh_plain', '{partner}', 'v', 'period');
CREATE TABLE inh_late () INHERITS (inh_plain);
ALTER TABLE inh_child INHERIT inh_plain;

-- 3. Replica-mode sessions (logical replication's apply worker is one):
--    the row trigger keeps the summary; statement triggers do not fire.
SET session_replication_role = replica;
INSERT INTO pt VALUES ('EU', '2020-05-01', 1), ('KR', '2022-05-01', 2);
UPDATE pt SET v = v + 1 WHERE partner = 'KR';
DELETE FROM pt WHERE partner = 'EU';
RESET session_replication_role;
SELECT partner, total(rollup(summary)) FROM pt_summary GROUP BY 1 ORDER BY 1;
SELECT pg_temp.same('pt_summary');

-- 4. Writable CTEs and MERGE: every change of the statement is applied.
WITH moved AS (DELETE FROM pt WHERE partner = 'KR' RETURNING *)
INSERT INTO pt SELECT 'CN', period, v * 2 FROM moved;
MERGE INTO pt t USING (VALUES ('CN', date '2022-05-01', 1), ('BR', date '2020-07-01', 9)) s(p, d, v)
	ON t.partner = s.p AND t.period = s.d
	WHEN MATCHED THEN UPDATE SET v = t.v + s.v
	WHEN NOT MATCHED THEN INSERT VALUES (s.p, s.d, s.v);
SELECT partner, total(rollup(summary)) FROM pt_summary GROUP BY 1 ORDER BY 1;
SELECT pg_temp.same('pt_summary');

-- 5. Group keys compare with their type's own equality: citext keys, NULL
--    keys (a group of their own, as in GROUP BY), one series without keys.
CREATE EXTENSION citext;
CREATE TABLE ck (partner citext, period date, v bigint);
INSERT INTO ck VALUES ('EU', '2020-01-01', 1), (NULL, '2020-01-01', 10);
SELECT trade_stats.create_summary('ck_summary', 'ck', '{partner}', 'v', 'period');
SELECT trade_stats.create_summary('ck_all', 'ck', '{}', 'v', 'period');
INSERT INTO ck VALUES ('eu', '2020-01-01', 2), (NULL, '2020-02-01', 20);
SELECT partner, month, total(summary) FROM ck_summary ORDER BY month, partner;
DELETE FROM ck WHERE partner = 'eu';
UPDATE ck SET v = v + 1 WHERE partner IS NULL;
SELECT partner, month, total(summary) FROM ck_summary ORDER BY month, partner;
SELECT month, total(summary) FROM ck_all ORDER BY month;
SELECT pg_temp.same('ck_summary'), pg_temp.same('ck_all');
-- a key longer than a btree entry holds is PostgreSQL's index error; an
-- UPDATE that changes the currency of a group and month's amounts is
-- refused, two statements do it
CREATE TABLE lk (g text, period date, value currency_amount);
SELECT trade_stats.create_summary('lk_summary', 'lk', '{g}', 'value', 'period');
SELECT left(pg_temp.try_exec($$INSERT INTO lk SELECT string_agg(md5(i::text), ''), '2020-01-01', '1 CNY' FROM generate_series(1, 200) i$$), 60);
INSERT INTO lk VALUES ('a', '2020-01-01', '1 CNY'), ('a', '2020-01-02', '2 CNY');
SELECT pg_temp.try_exec($$UPDATE lk SET value = '5 USD'$$);
DELETE FROM lk WHERE g = 'a';
INSERT INTO lk VALUES ('a', '2020-01-01', '5 USD'), ('a', '2020-01-02', '5 USD');
SELECT g, month, total_amount(summary) FROM lk_summary;
SELECT pg_temp.same('lk_summary');
SELECT trade_stats.drop_summary('lk_summary');
DROP TABLE lk;
-- an amount as a group key
CREATE TABLE ak (price currency_amount NOT NULL, period date, v bigint);
INSERT INTO ak VALUES ('1 USD', '2020-01-01', 1);
SELECT trade_stats.create_summary('ak_summary', 'ak', '{price}', 'v', 'period');
UPDATE ak SET v = 5;
DELETE FROM ak;
SELECT count(*) AS amount_key_rows FROM ak_summary;
-- a key type without a btree operator class, and key names the summary
-- table itself uses
CREATE TABLE bad_keys (pt point, month text NOT NULL, period date, v bigint);
SELECT trade_stats.create_summary('bad_summary', 'bad_keys', '{pt}', 'v', 'period');
SELECT trade_stats.create_summary('bad_summary', 'bad_keys', '{month}', 'v', 'period');

-- 6. DDL that would change what a summary means is refused; renaming the
--    tables is followed (definitions hold OIDs).
CREATE TABLE dd (partner text NOT NULL, other text NOT NULL, period date, qty integer);
INSERT INTO dd VALUES ('EU', 'x', '2020-01-01', 10);
SELECT trade_stats.create_summary('dd_summary', 'dd', '{partner}', 'qty', 'period');
ALTER TABLE dd RENAME COLUMN partner TO p;
ALTER TABLE dd RENAME COLUMN qty TO q;
ALTER TABLE dd ALTER COLUMN qty TYPE numeric;
ALTER TABLE dd DROP COLUMN period;
ALTER TABLE dd_summary RENAME COLUMN partner TO p;
ALTER TABLE dd ALTER COLUMN other TYPE varchar(10);
-- a group column made NOT NULL stays so while the summary's key is a
-- primary key (a NULL group would have nowhere to go); other columns may
-- take NULL, and so may the group columns of a partitioned source's
-- summary made over nullable ones
SELECT pg_temp.try_exec('ALTER TABLE dd ALTER COLUMN partner DROP NOT NULL');
SELECT pg_temp.try_exec('ALTER TABLE dd ALTER COLUMN other DROP NOT NULL');
SELECT pg_temp.try_exec('ALTER TABLE pt ALTER COLUMN partner DROP NOT NULL');
CREATE TABLE nn (partner text, flow text, period date NOT NULL, v bigint) PARTITION BY LIST (flow);
CREATE TABLE nn_x PARTITION OF nn FOR VALUES IN ('X');
CREATE TABLE nn_m PARTITION OF nn FOR VALUES IN ('M') PARTITION BY LIST (partner);
CREATE TABLE nn_m_eu PARTITION OF nn_m FOR VALUES IN ('EU');
CREATE TABLE nn_m_other PARTITION OF nn_m DEFAULT;
ALTER TABLE nn ALTER COLUMN partner SET NOT NULL;
SELECT trade_stats.create_summary('nn_summary', 'nn', '{partner, flow}', 'v', 'period');
SELECT pg_temp.try_exec('ALTER TABLE nn ALTER COLUMN partner DROP NOT NULL');
SELECT pg_temp.try_exec('ALTER TABLE nn_m ALTER COLUMN partner DROP NOT NULL');
SELECT pg_temp.try_exec('ALTER TABLE nn ALTER COLUMN flow SET NOT NULL');
SELECT pg_temp.try_exec('ALTER TABLE nn ALTER COLUMN flow DROP NOT NULL');
INSERT INTO nn VALUES ('EU', 'M', '2020-01-01', 1), ('US', 'X', '2020-01-01', 2);
SELECT pg_temp.same('nn_summary');
SELECT trade_stats.drop_summary('nn_summary');
ALTER TABLE dd_summary RENAME TO dd_summary_renamed;
ALTER TABLE dd RENAME TO dd_renamed;
INSERT INTO dd_renamed VALUES ('US', 'y', '2020-01-01', 5);
SELECT partner, total(summary) FROM dd_summary_renamed ORDER BY 1;
-- the statements a session prepared for a summary follow a rename of it
-- and of its schema
CREATE SCHEMA rn;
CREATE TABLE rn.src (g text NOT NULL, period date, v bigint);
SELECT trade_stats.create_summary('rn.sm', 'rn.src', '{g}', 'v', 'period');
INSERT INTO rn.src VALUES ('a', '2020-01-01', 1);
UPDATE rn.src SET v = v + 1;
ALTER TABLE rn.sm RENAME TO sm2;
INSERT INTO rn.src VALUES ('a', '2020-01-01', 10);
UPDATE rn.src SET v = v + 1;
ALTER SCHEMA rn RENAME TO rn2;
INSERT INTO rn2.src VALUES ('b', '2020-01-01', 100);
UPDATE rn2.src SET v = v + 1;
DELETE FROM rn2.src WHERE v = 3;
SELECT g, total(summary) FROM rn2.sm2 ORDER BY g;
SELECT pg_temp.same('rn2.sm2');
SELECT trade_stats.drop_summary('rn2.sm2');
DROP SCHEMA rn2 CASCADE;
-- a new table of the old name is nothing to the source
CREATE TABLE dd_summary (partner text, month date, summary growth_state);
INSERT INTO dd_renamed VALUES ('JP', 'z', '2020-01-01', 1);
SELECT count(*) AS rows_in_new_table FROM dd_summary;
SELECT pg_temp.same('dd_summary_renamed');
-- the triggers cannot be dropped or duplicated under another name (nor
-- disabled but by a superuser: section 10)
DROP TRIGGER trade_stats_summary_update ON dd_renamed;
CREATE TRIGGER my_copy AFTER INSERT ON dd_renamed REFERENCING NEW TABLE AS ts_new
	FOR EACH STATEMENT EXECUTE FUNCTION trade_stats.summary_statement();
ALTER TRIGGER trade_stats_summary_insert ON dd_renamed RENAME TO mine;
-- the summary table takes no direct writes
INSERT INTO dd_summary_renamed SELECT 'XX', '2020-01-01', growth_summary(1::bigint, '2020-01-01');
DELETE FROM dd_summary_renamed;
TRUNCATE dd_summary_renamed;
-- and the definitions no direct changes
UPDATE trade_stats.summary_definition SET value = 'other' WHERE summary = 'tz_summary'::regclass;
DELETE FROM trade_stats.summary_definition WHERE summary = 'tz_summary'::regclass;
-- the source cannot be dropped while its summary stays; dropping the
-- summary table drops the definition and the triggers
DROP TABLE dd_renamed;
DROP TABLE dd_summary_renamed;
SELECT count(*) AS definitions, (SELECT count(*) FROM pg_trigger WHERE tgrelid = 'dd_renamed'::regclass) AS triggers
FROM trade_stats.summary_definition WHERE source = 'dd_renamed'::regclass;
DROP TABLE dd_renamed;

-- 7. Summaries are only made under READ COMMITTED, where the rows are
--    read after the lock on the source is granted.
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT trade_stats.create_summary('rr_summary', 'ck', '{partner}', 'v', 'period');
ROLLBACK;
BEGIN ISOLATION LEVEL SERIALIZABLE;
SELECT trade_stats.refresh_summary('ck_summary');
ROLLBACK;

-- 8. A temporary summary of a permanent table is refused (it would make
--    the table unwritable for every other session).
SELECT trade_stats.create_summary('pg_temp.tmp_summary', 'ck', '{partner}', 'v', 'period');

-- 9. Long names and names in two schemas do not collide: the triggers'
--    names are fixed, one set per table for all its summaries.
CREATE SCHEMA s1;
CREATE SCHEMA s2;
CREATE TABLE s1.a_table_with_a_name_that_is_longer_than_forty_characters (k text NOT NULL, period date, v bigint);
SELECT trade_stats.create_summary('s1.a_summary_with_a_name_that_is_longer_than_forty_characters_1',
	's1.a_table_with_a_name_that_is_longer_than_forty_characters', '{k}', 'v', 'period');
SELECT trade_stats.create_summary('s2.a_summary_with_a_name_that_is_longer_than_forty_characters_1',
	's1.a_table_with_a_name_that_is_longer_than_forty_characters', '{k}', 'v', 'period');
INSERT INTO s1.a_table_with_a_name_that_is_longer_than_forty_characters VALUES ('a', '2020-01-01', 1);
SELECT (SELECT total(rollup(summary)) FROM s1.a_summary_with_a_name_that_is_longer_than_forty_characters_1) AS s1,
	   (SELECT total(rollup(summary)) FROM s2.a_summary_with_a_name_that_is_longer_than_forty_characters_1) AS s2;
DROP SCHEMA s1, s2 CASCADE;
SELECT count(*) AS definitions_left FROM trade_stats.summary_definition WHERE summary::text LIKE '%forty%';

-- 10. Other roles.  Definitions hold no SQL: a role cannot make another's
--     source feed its table, and the functions run with a fixed
--     search_path, whatever the caller's.
CREATE ROLE ts_alice;
CREATE ROLE ts_mallory;
GRANT CREATE ON SCHEMA public TO ts_alice, ts_mallory;
SET ROLE ts_mallory;
CREATE FUNCTION public.format(text, name, text) RETURNS text
LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'mallory''s format ran'; END $$;
CREATE FUNCTION public.lower(text) RETURNS text
LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'mallory''s lower ran'; END $$;
SET ROLE ts_alice;
CREATE TABLE alice_trade (partner text NOT NULL, period date, v bigint);
INSERT INTO alice_trade VALUES ('EU', '2020-01-01', 1);
SELECT trade_stats.create_summary('alice_summary', 'alice_trade', '{partner}', 'v', 'period');
-- a non-superuser owner cannot switch the triggers off
ALTER TABLE alice_trade DISABLE TRIGGER trade_stats_summary_insert;
ALTER TABLE alice_trade DISABLE TRIGGER USER;
-- nor make them fire in replica mode only (the statement triggers); the
-- TRUNCATE trigger's mode is put back
ALTER TABLE alice_trade ENABLE REPLICA TRIGGER trade_stats_summary_insert;
ALTER TABLE alice_trade ENABLE REPLICA TRIGGER trade_stats_summary_begin;
ALTER TABLE alice_trade ENABLE REPLICA TRIGGER trade_stats_summary_truncate;
SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'alice_trade'::regclass ORDER BY tgname;
INSERT INTO alice_trade VALUES ('US', '2020-01-01', 3);
SELECT pg_temp.same('alice_summary');
SELECT trade_stats.drop_summary('alice_summary');
SET ROLE ts_mallory;
CREATE TABLE alice_summary (partner text, month date, summary growth_state);
INSERT INTO trade_stats.summary_definition
VALUES ('alice_summary', 'alice_trade', '{partner}', 'v', 'period', '{text,bigint,date}', NULL);
SELECT trade_stats.create_summary('mallory_summary', 'alice_trade', '{partner}', 'v', 'period');
SET ROLE ts_alice;
INSERT INTO alice_trade VALUES ('EU', '2020-02-01', 2);
RESET ROLE;
SELECT count(*) AS rows_mallory_got FROM alice_summary;
DROP TABLE alice_trade, alice_summary;
DROP FUNCTION public.format(text, name, text), public.lower(text);
REVOKE CREATE ON SCHEMA public FROM ts_alice, ts_mallory;
DROP ROLE ts_alice, ts_mallory;

-- 11. More ways in.  DETACH PARTITION CONCURRENTLY (it ends in another
--     transaction than it starts in) removes the rows like DETACH.
CREATE TABLE cr (period date, k text, value bigint) PARTITION BY RANGE (period);
CREATE TABLE cr20 PARTITION OF cr FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE cr21 PARTITION OF cr FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
INSERT INTO cr VALUES ('2020-05-01', 'a', 1), ('2021-05-01', 'b', 2);
SELECT trade_stats.create_summary('cr_summary', 'cr', ARRAY['k'], 'value', 'period');
ALTER TABLE cr DETACH PARTITION cr20 CONCURRENTLY;
SELECT k, total(summary) FROM cr_summary ORDER BY k;
SELECT count(*) AS triggers_left_on_detached FROM pg_trigger WHERE tgrelid = 'cr20'::regclass;
-- ATTACH, DETACH and TRUNCATE of a partition read its rows: with a
-- snapshot older than their lock (REPEATABLE READ, SERIALIZABLE) a write
-- committed in between would be missed, so they are refused there; CREATE
-- TABLE ... PARTITION OF makes a table no one else has written
CREATE TABLE rr (g text, period date, v bigint) PARTITION BY LIST (g);
CREATE TABLE rr_a PARTITION OF rr FOR VALUES IN ('a');
CREATE TABLE rr_b (g text, period date, v bigint);
INSERT INTO rr VALUES ('a', '2021-01-01', 1);
INSERT INTO rr_b VALUES ('b', '2021-01-01', 2);
SELECT trade_stats.create_summary('rr_summary', 'rr', ARRAY['g'], 'v', 'period');
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT pg_temp.try_exec('TRUNCATE rr_a');
SELECT pg_temp.try_exec($$ALTER TABLE rr ATTACH PARTITION rr_b FOR VALUES IN ('b')$$);
SELECT pg_temp.try_exec('ALTER TABLE rr DETACH PARTITION rr_a');
CREATE TABLE rr_c PARTITION OF rr FOR VALUES IN ('c');
INSERT INTO rr VALUES ('c', '2021-01-01', 3);
COMMIT;
SET default_transaction_isolation = 'serializable';
ALTER TABLE rr DETACH PARTITION rr_a CONCURRENTLY;
RESET default_transaction_isolation;
SELECT pg_temp.same('rr_summary');
ALTER TABLE rr ATTACH PARTITION rr_b FOR VALUES IN ('b');
TRUNCATE rr_a;
SELECT g, total(summary) FROM rr_summary ORDER BY g;
SELECT trade_stats.drop_summary('rr_summary');
DROP TABLE rr;
-- a rewrite that keeps the types but changes the values rebuilds the summary
ALTER TABLE cr ALTER COLUMN value TYPE bigint USING value * 2;
ALTER TABLE cr ALTER COLUMN k TYPE text USING upper(k);
SELECT k, total(summary) FROM cr_summary ORDER BY k;
SELECT pg_temp.same('cr_summary');
-- another collation for a group key is refused
ALTER TABLE cr ALTER COLUMN k TYPE text COLLATE "C";
-- the summary table keeps its key, and takes no trigger or rule of anyone's
ALTER TABLE cr_summary DROP CONSTRAINT cr_summary_k_month_key;
CREATE FUNCTION pg_temp.nothing() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER mine BEFORE INSERT OR UPDATE ON cr_summary FOR EACH ROW EXECUTE FUNCTION pg_temp.nothing();
CREATE RULE mine AS ON UPDATE TO cr_summary DO INSTEAD NOTHING;
-- a row source that is not a relation is refused by the internal functions
SELECT trade_stats.summary_apply('cr', '(SELECT 1) x, cr', NULL);
-- row-level security on the source is refused (a summary holds every row)
ALTER TABLE cr ENABLE ROW LEVEL SECURITY;
CREATE TABLE rls (period date, k text, value bigint);
ALTER TABLE rls ENABLE ROW LEVEL SECURITY;
SELECT trade_stats.create_summary('rls_summary', 'rls', ARRAY['k'], 'value', 'period');
-- and on a partition of it (TRUNCATE, ATTACH and DETACH read its rows),
-- enabled there, or brought in by ATTACH or CREATE TABLE ... PARTITION OF
CREATE TABLE rlp (period date, k text, value bigint) PARTITION BY LIST (k);
CREATE TABLE rlp_a PARTITION OF rlp FOR VALUES IN ('a');
SELECT trade_stats.create_summary('rlp_summary', 'rlp', ARRAY['k'], 'value', 'period');
ALTER TABLE rlp_a ENABLE ROW LEVEL SECURITY;
CREATE TABLE rlp_b (period date, k text, value bigint);
ALTER TABLE rlp_b ENABLE ROW LEVEL SECURITY;
ALTER TABLE rlp ATTACH PARTITION rlp_b FOR VALUES IN ('b');
SELECT trade_stats.drop_summary('rlp_summary');
ALTER TABLE rlp ATTACH PARTITION rlp_b FOR VALUES IN ('b');
SELECT trade_stats.create_summary('rlp_summary', 'rlp', ARRAY['k'], 'value', 'period');
DROP TABLE rlp;
-- a timestamptz period's zone is a name, never the session's abbreviation
CREATE TABLE est (period timestamptz, value bigint);
SET TimeZone = 'EST';
SELECT trade_stats.create_summary('est_summary', 'est', '{}', 'value', 'period');
RESET TimeZone;
SET timezone_abbreviations = 'Australia';
INSERT INTO est VALUES ('2021-06-30 20:00:00+00', 1);
RESET timezone_abbreviations;
SELECT month, total(summary) FROM est_summary;
-- a definition of a timestamptz period without a zone is refused
CREATE TABLE est2 (period timestamptz, value bigint);
CREATE TABLE est2_summary (month date NOT NULL PRIMARY KEY, summary growth_state NOT NULL);
INSERT INTO trade_stats.summary_definition
VALUES ('est2_summary', 'est2', '{}', 'value', 'period', '{bigint,timestamptz}', NULL);
-- a superuser's disabled guard on one summary is no other command's error
ALTER TABLE cr_summary DISABLE TRIGGER trade_stats_summary_guard;
CREATE ROLE ts_bob;
GRANT CREATE ON SCHEMA public TO ts_bob;
SET ROLE ts_bob;
CREATE TABLE bobs (x int);
DROP TABLE bobs;
RESET ROLE;
ALTER TABLE cr_summary ENABLE TRIGGER trade_stats_summary_guard;
SELECT tgenabled FROM pg_trigger WHERE tgrelid = 'cr_summary'::regclass;
REVOKE CREATE ON SCHEMA public FROM ts_bob;
DROP ROLE ts_bob;

-- 12. The statement triggers compute a statement's change in one pass over
--     its transition tables: for every value type, period type and kind of
--     group key, batches of INSERT, UPDATE (rows moving between groups and
--     months), DELETE, COPY and MERGE leave each summary equal to a rebuild.
--     A source with a group key whose type has no hash function (bit) takes
--     the SQL path, with the same result.
CREATE TABLE tp (k text, kb bit(2), ki int, kn numeric, d date, ts timestamp, tz timestamptz,
				 v2 smallint, v4 int, v8 bigint, vr real, vd double precision, vn numeric,
				 va currency_amount);
SET TimeZone = 'UTC';
SELECT count(*) FROM (
	SELECT trade_stats.create_summary('tp_' || v || '_' || p || '_' || k, 'tp', ARRAY[k], v, p)
	FROM unnest('{v2,v4,v8,vr,vd,vn,va}'::text[]) v, unnest('{d,ts,tz}'::text[]) p,
		 unnest('{k,ki,kn}'::text[]) k) s;
CREATE TABLE tb (LIKE tp);
-- long keys, stored compressed (and, with STORAGE EXTERNAL, out of line)
CREATE TABLE tl (k text, d date, v int);
SELECT trade_stats.create_summary('tl_v_d_k', 'tl', '{k}', 'v', 'd');
INSERT INTO tl SELECT repeat(chr(97 + i % 3), 3000 + i % 2), date '2021-01-01' + i, i FROM generate_series(1, 60) i;
ALTER TABLE tl ALTER COLUMN k SET STORAGE EXTERNAL;
INSERT INTO tl SELECT repeat(chr(97 + i % 3), 3000 + i % 2), date '2021-01-01' + i, i FROM generate_series(1, 60) i;
UPDATE tl SET v = v + 1 WHERE v % 2 = 0;
DELETE FROM tl WHERE v % 3 = 0;
SELECT trade_stats.create_summary('tb_' || v || '_kb', 'tb', '{kb}', v, 'tz') FROM unnest('{vn,va}'::text[]) v;
SET TimeZone = 'Asia/Shanghai';
SELECT setseed(0.12);
INSERT INTO tp
SELECT CASE WHEN i % 11 = 0 THEN NULL ELSE 'k' || i % 5 END, (i % 3)::bit(2), CASE WHEN i % 13 > 0 THEN i % 4 END,
	   (i % 3) / 2.0, d, d + (i % 24) * interval '1 hour', d + (i % 24) * interval '1 hour',
	   i % 100 - 50, i * 37 % 1000 - 400, i::bigint * 1000003, (i % 7) / 4.0, (i % 9) / 8.0,
	   CASE WHEN i % 17 = 0 THEN NULL ELSE round((random() * 2000 - 1000)::numeric, i % 4) END,
	   currency_amount(round((random() * 100)::numeric, 2), 'CNY')
FROM generate_series(1, 3000) i, LATERAL (SELECT date '2020-01-31' + (i * 7 % 800) AS d) x;
INSERT INTO tb SELECT * FROM tp;
UPDATE tb SET kb = kb | B'10', tz = tz + interval '40 days', vn = vn + 1 WHERE v8 % 5 = 0;
DELETE FROM tb WHERE v8 % 7 = 0;
UPDATE tp SET d = d + 29, ts = ts + interval '29 days 5 hours', tz = tz + interval '29 days 5 hours',
	k = coalesce(k, 'new'), v4 = v4 + 1, vn = vn * 3 WHERE v8 % 5 = 0;
DELETE FROM tp WHERE v8 % 7 = 0;
SELECT '/tmp/trade_stats_tp_' || pg_backend_pid() || '.copy' AS copy_file \gset
COPY (SELECT * FROM tp WHERE v8 % 3 = 0) TO :'copy_file';
COPY tp FROM :'copy_file';
MERGE INTO tp t USING (SELECT i::bigint * 1000003 AS v8 FROM generate_series(1, 400) i) s ON t.v8 = s.v8
WHEN MATCHED AND t.v8 % 2 = 0 THEN DELETE
WHEN MATCHED THEN UPDATE SET vr = vr + 1, va = va + '0.01 CNY';
-- a session whose first statement is a COPY: the library is loaded during
-- it, too late for its end to apply a stash, so the change is applied at once
\c -
SET TimeZone = 'Asia/Shanghai';
COPY tp FROM :'copy_file';
\i test/sql/helpers.psql
SELECT count(*) AS summaries, count(*) FILTER (WHERE pg_temp.same(summary) = 'ok') AS same_as_rebuild
FROM trade_stats.summary_definition WHERE source IN ('tp'::regclass, 'tb'::regclass, 'tl'::regclass);
-- (an amount in another currency in a month of yuan is refused)
SELECT pg_temp.try($$INSERT INTO tp (k, d, v8, va) VALUES ('k1', '2020-02-01', 1, '1 CNY'), ('k1', '2020-02-02', 1, '1 USD')$$);
RESET TimeZone;
SELECT count(*) FROM (SELECT trade_stats.drop_summary(summary) FROM trade_stats.summary_definition
					  WHERE source IN ('tp'::regclass, 'tb'::regclass, 'tl'::regclass)) s;
DROP TABLE tp, tb, tl;

-- 13. Citus.  A Citus table's rows live in shards on the worker nodes:
--     create_summary refuses it, and a shard that has a summary's triggers
--     (CREATE TRIGGER on a distributed table copies them to its shards, on
--     nodes without the definitions) refuses its writes.  Citus's catalogs
--     pg_dist_partition and pg_dist_shard are made here as Citus makes
--     them.  A relation with the triggers that is no shard writes as before
--     (a data-only restore loads sources before the definitions).
SET allow_system_table_mods = on;
CREATE TABLE pg_catalog.pg_dist_partition (logicalrelid regclass NOT NULL);
CREATE TABLE pg_catalog.pg_dist_shard (logicalrelid regclass NOT NULL, shardid bigint NOT NULL);
RESET allow_system_table_mods;
CREATE TABLE dist (period date NOT NULL, partner text NOT NULL, value numeric);
INSERT INTO pg_catalog.pg_dist_partition VALUES ('dist');
SELECT pg_temp.try($$SELECT trade_stats.create_summary('dist_summary', 'dist', '{partner}', 'value', 'period')$$);
CREATE TABLE dist_102008 (LIKE dist);
INSERT INTO pg_catalog.pg_dist_shard VALUES ('dist', 102008);
CREATE TABLE not_a_shard (LIKE dist);
CREATE TRIGGER trade_stats_summary_insert AFTER INSERT ON dist_102008 REFERENCING NEW TABLE AS ts_new
	FOR EACH STATEMENT EXECUTE FUNCTION trade_stats.summary_statement();
CREATE TRIGGER trade_stats_summary_insert AFTER INSERT ON not_a_shard REFERENCING NEW TABLE AS ts_new
	FOR EACH STATEMENT EXECUTE FUNCTION trade_stats.summary_statement();
SELECT pg_temp.try($$INSERT INTO dist_102008 VALUES ('2021-01-01', 'US', 1) RETURNING 1$$);
INSERT INTO not_a_shard VALUES ('2021-01-01', 'US', 1);
-- (such triggers may be dropped; those of a summary's source may not)
DROP TRIGGER trade_stats_summary_insert ON dist_102008;
INSERT INTO dist_102008 VALUES ('2021-01-01', 'US', 1);
DROP TRIGGER trade_stats_summary_insert ON not_a_shard;
DROP TABLE dist, dist_102008, not_a_shard;
SET allow_system_table_mods = on;
DROP TABLE pg_catalog.pg_dist_partition, pg_catalog.pg_dist_shard;
RESET allow_system_table_mods;

-- 14. ALTER TYPE of a composite type a group key is or holds (dropping an
--     attribute can make different keys equal) is refused; an enum's new
--     value and other types' changes are not.
CREATE TYPE pair AS (a int, b text);
CREATE TYPE flow_kind AS ENUM ('export');
CREATE DOMAIN dom_key AS text;
CREATE TABLE kt (k pair, ks pair[], f flow_kind, p date, v int);
INSERT INTO kt VALUES ('(1,x)', '{"(1,x)"}', 'export', '2021-01-01', 1), ('(1,y)', '{"(1,y)"}', 'export', '2021-01-01', 2);
SELECT trade_stats.create_summary('kt_k', 'kt', '{k}', 'v', 'p');
SELECT pg_temp.try_exec('ALTER TYPE pair DROP ATTRIBUTE b');
SELECT pg_temp.try_exec('ALTER TYPE pair ADD ATTRIBUTE c int');
SELECT trade_stats.drop_summary('kt_k');
SELECT trade_stats.create_summary('kt_ks_f', 'kt', '{ks,f}', 'v', 'p');
SELECT pg_temp.try_exec('ALTER TYPE pair DROP ATTRIBUTE b');
ALTER TYPE flow_kind ADD VALUE 'import';
INSERT INTO kt VALUES ('(2,x)', '{"(2,x)"}', 'import', '2021-01-01', 4);
SELECT pg_temp.same('kt_ks_f');
-- a table's row type as a key, a multirange of a composite type, a new
-- default operator class, and drops that cascade to a key column
CREATE TABLE rowkey (a int, b int);
CREATE TYPE m1 AS (a int, b int);
CREATE TYPE m1r AS RANGE (subtype = m1, multirange_type_name = m1mr);
CREATE TABLE kt2 (r rowkey, mr m1mr, d dom_key, p date, v int);
SELECT trade_stats.create_summary('kt2_s', 'kt2', '{r,mr,d}', 'v', 'p');
SELECT pg_temp.try_exec('ALTER TABLE rowkey DROP COLUMN b');
SELECT pg_temp.try_exec('ALTER TYPE m1 DROP ATTRIBUTE b');
SELECT pg_temp.try_exec('CREATE OPERATOR CLASS m1_ops DEFAULT FOR TYPE m1 USING btree AS OPERATOR 1 < (record, record), OPERATOR 3 = (record, record), FUNCTION 1 btrecordcmp(record, record)');
SELECT pg_temp.try_exec('DROP DOMAIN dom_key CASCADE');
SELECT trade_stats.drop_summary('kt2_s');
DROP TABLE kt2, rowkey;
DROP TYPE m1mr, m1r, m1;
DROP DOMAIN dom_key;
SELECT trade_stats.drop_summary('kt_ks_f');
ALTER TYPE pair DROP ATTRIBUTE b;
DROP TABLE kt;
DROP TYPE pair, flow_kind;

-- 15. A removal from many groups of one month joins the summary on all its
--     keys, NULL keys too (it joined on the month alone: 10,000 removals
--     from 20,000 groups took 50 s): under a 10 s statement_timeout, which
--     both statements ran into before.
CREATE TABLE many (k int, k2 text, p date, v bigint);
SELECT trade_stats.create_summary('many_summary', 'many', '{k,k2}', 'v', 'p');
INSERT INTO many SELECT g, CASE WHEN g % 3 > 0 THEN 'x' || g % 7 END, '2021-01-01', 1 FROM generate_series(1, 20000) g;
SET statement_timeout = '10s';
DELETE FROM many WHERE k % 2 = 0;
UPDATE many SET v = v + 1 WHERE k % 3 = 0;
RESET statement_timeout;
SELECT pg_temp.same('many_summary');
SELECT trade_stats.drop_summary('many_summary');
DROP TABLE many;

-- 16. DDL with a summary over a source of 1,000 partitions: each DDL
--     statement (an unrelated table's too) compared the trees before and
--     after it pair by pair, and JIT compiled those catalog queries: 1.2 to
--     1.5 s a statement.  Twenty statements under a 10 s statement_timeout.
CREATE TABLE wide (period date, g int, v bigint) PARTITION BY LIST (g);
SELECT count(*) FROM (SELECT format('CREATE TABLE wide_%s PARTITION OF wide FOR VALUES IN (%s)', i, i)
					  FROM generate_series(0, 999) i) q, LATERAL pg_temp.try_exec(q.format) r WHERE r = 'ok';
SELECT trade_stats.create_summary('wide_summary', 'wide', '{g}', 'v', 'period');
SET statement_timeout = '10s';
DO $$
BEGIN
	FOR i IN 1000 .. 1004 LOOP
		EXECUTE format('CREATE TABLE wide_%s PARTITION OF wide FOR VALUES IN (%s)', i, i);
		EXECUTE format('INSERT INTO wide VALUES (''2021-01-01'', %s, 1)', i);
		EXECUTE format('ALTER TABLE wide DETACH PARTITION wide_%s', i);
		EXECUTE format('ALTER TABLE wide ATTACH PARTITION wide_%s FOR VALUES IN (%s)', i, i);
	END LOOP;
END
$$;
RESET statement_timeout;
SELECT count(*) AS partitions FROM pg_inherits WHERE inhparent = 'wide'::regclass;
SELECT g, total(summary) FROM wide_summary ORDER BY g;
SELECT pg_temp.same('wide_summary');
SELECT trade_stats.drop_summary('wide_summary');
DROP TABLE wide;

-- 17. How a statement's rows are read: each column at its fixed offset when
--     the row has no NULLs and every column before it has a fixed length,
--     else deformed.  Rows stored before a column was dropped (its value in
--     place) and before one was added (no value stored), rows with NULLs,
--     a key after a text column; groups visited in random order.
CREATE TABLE shapes (period date, partner int, gone bigint, flow smallint,
					 v currency_amount, note text);
INSERT INTO shapes
SELECT date '2020-01-01' + (i * 37 % 24) * interval '1 month', i % 97, i, i % 3,
	   currency_amount(i, 'USD'), CASE WHEN i % 5 > 0 THEN 'n' END
FROM generate_series(1, 3000) i;
ALTER TABLE shapes DROP COLUMN gone;
ALTER TABLE shapes ADD COLUMN kind int NOT NULL DEFAULT 7;
SELECT trade_stats.create_summary('shapes_summary', 'shapes', '{partner,flow,kind}', 'v', 'period');
UPDATE shapes SET v = v + currency_amount(1, 'USD') WHERE partner % 2 = 0;
DELETE FROM shapes WHERE partner % 7 = 0;
INSERT INTO shapes (period, partner, flow, v, note, kind)
SELECT date '2020-01-01' + (i * 11 % 24) * interval '1 month', i % 89, i % 3,
	   currency_amount(i, 'USD'), 'n', i % 2
FROM generate_series(1, 3000) i;
SELECT count(*), sum(total(summary)) FROM shapes_summary;
SELECT pg_temp.same('shapes_summary');
SELECT trade_stats.drop_summary('shapes_summary');
CREATE TABLE flat (period date, partner int, flow smallint, v bigint, note text, code text);
SELECT trade_stats.create_summary('flat_summary', 'flat', '{partner,flow}', 'v', 'period');
SELECT trade_stats.create_summary('flat_code_summary', 'flat', '{code,partner}', 'v', 'period');
INSERT INTO flat
SELECT date '2020-01-01' + (i * 37 % 24) * interval '1 month', i * 7919 % 101, i % 3,
	   CASE WHEN i % 11 > 0 THEN i END, CASE WHEN i % 5 > 0 THEN 'n' END, 'c' || i % 4
FROM generate_series(1, 5000) i;
UPDATE flat SET v = v * 2, note = NULL WHERE partner % 3 = 0;
SELECT count(*), sum(total(summary)) FROM flat_summary;
-- the month of each period, kept by the period's low bits: periods 512 days
-- apart (2020-01-15, 2021-06-10, 2022-11-04; 1999-12-31, 2001-05-26) in turn
INSERT INTO flat (period, partner, flow, v)
SELECT d, 1000, 1, v
FROM unnest('{2020-01-15,2021-06-10,2022-11-04,1999-12-31,2001-05-26,2020-01-15,2021-06-10,2022-11-04,1999-12-31,2001-05-26}'::date[],
			'{1,2,3,100,200,10,20,30,1000,2000}'::bigint[]) AS r(d, v);
SELECT month, total(summary) FROM flat_summary WHERE partner = 1000 ORDER BY month;
SELECT pg_temp.same('flat_summary'), pg_temp.same('flat_code_summary');
SELECT trade_stats.drop_summary('flat_summary'), trade_stats.drop_summary('flat_code_summary');
DROP TABLE shapes, flat;

-- 18. Generated columns of a partitioned source: PostgreSQL hands the
--     source's statement triggers a row it routes to a partition whose
--     columns lie otherwise before the partition computes the row's
--     generated columns (as NULL), so such a partition is refused; with
--     partitions made by PARTITION OF they are exact.
CREATE TABLE gen (id int, p text, period date, v bigint,
				  g bigint GENERATED ALWAYS AS (v % 4) STORED) PARTITION BY LIST (p);
CREATE TABLE gen_a PARTITION OF gen FOR VALUES IN ('a');
SELECT trade_stats.create_summary('gen_summary', 'gen', '{g}', 'v', 'period');
INSERT INTO gen (id, p, period, v) VALUES (1, 'a', '2021-01-01', 10), (2, 'a', '2021-01-02', 21);
SELECT g, month, total(summary) FROM gen_summary ORDER BY g;
CREATE TABLE gen_b (v bigint, period date, p text, id int,
					g bigint GENERATED ALWAYS AS (v % 4) STORED);
SELECT pg_temp.try_exec($$ALTER TABLE gen ATTACH PARTITION gen_b FOR VALUES IN ('b')$$);
SELECT trade_stats.drop_summary('gen_summary');
ALTER TABLE gen ATTACH PARTITION gen_b FOR VALUES IN ('b');
SELECT pg_temp.try($$SELECT trade_stats.create_summary('gen_summary', 'gen', '{g}', 'v', 'period')$$);
SELECT trade_stats.create_summary('gen_id_summary', 'gen', '{id}', 'v', 'period');
INSERT INTO gen (id, p, period, v) VALUES (3, 'b', '2021-01-01', 5);
SELECT pg_temp.same('gen_id_summary');
SELECT trade_stats.drop_summary('gen_id_summary');
DROP TABLE gen;

-- 19. Periods: a row with a NULL value or period is left out; a period
--     outside the years 1 to 9999 (an infinite timestamp, or a day past
--     9999-12-31 in the summary's TimeZone) makes the write fail (22008),
--     and the summary stays as it was.
CREATE TABLE far (g int, period timestamptz, v bigint);
SELECT trade_stats.create_summary('far_summary', 'far', '{g}', 'v', 'period');
INSERT INTO far VALUES (1, NULL, 5), (1, '2020-01-01 12:00+00', NULL), (1, '2020-01-01 12:00+00', 7);
SELECT pg_temp.try_exec($$INSERT INTO far VALUES (1, 'infinity', 5)$$);
SELECT pg_temp.try_exec($$INSERT INTO far VALUES (2, '-infinity', 5), (2, '2020-01-01 12:00+00', 1)$$);
SELECT pg_temp.try_exec($$INSERT INTO far VALUES (1, '10000-01-01 12:00+00', 5)$$);
SELECT g, month, total(summary) FROM far_summary ORDER BY g, month;
SELECT pg_temp.same('far_summary');
SELECT trade_stats.drop_summary('far_summary');
DROP TABLE far;

-- 20. Nullable keys: a removal matches the groups without a NULL key
--     through the summary table's index, and those with one apart; one
--     statement removes from both kinds, and rows move between them.
CREATE TABLE nk (a int, b text, period date, v bigint);
SELECT trade_stats.create_summary('nk_summary', 'nk', '{a,b}', 'v', 'period');
INSERT INTO nk VALUES (1, 'x', '2020-01-05', 1), (1, NULL, '2020-01-05', 2), (NULL, 'x', '2020-01-05', 4),
					  (NULL, NULL, '2020-01-05', 8), (2, 'y', '2020-02-05', 16), (NULL, NULL, '2020-02-05', 32);
UPDATE nk SET v = v + 100 WHERE period = '2020-01-05';
SELECT pg_temp.same('nk_summary');
UPDATE nk SET a = CASE WHEN a IS NULL THEN 3 END, b = CASE WHEN b IS NULL THEN 'z' END;
SELECT pg_temp.same('nk_summary');
DELETE FROM nk WHERE a = 3 OR b = 'z' AND a IS NULL;
SELECT a, b, month, total(summary) FROM nk_summary ORDER BY a, b, month;
SELECT pg_temp.same('nk_summary');
SELECT trade_stats.drop_summary('nk_summary');
DROP TABLE nk;

-- 21. Names with % in them (a table, a group column, the summary): they
--     are arguments of the statements' templates, never part of one.
CREATE TABLE "src%s" (period date, "p%1$s" int, v bigint);
SELECT trade_stats.create_summary('"sum%s%%"', '"src%s"', '{p%1$s}', 'v', 'period');
INSERT INTO "src%s" VALUES ('2020-01-01', 1, 5), ('2020-01-01', NULL, 7), ('2020-02-01', 2, 9);
UPDATE "src%s" SET v = v + 1;
DELETE FROM "src%s" WHERE "p%1$s" = 2;
SELECT "p%1$s", month, total(summary) FROM "sum%s%%" ORDER BY 1, 2;
SELECT pg_temp.same('"sum%s%%"');
SELECT trade_stats.drop_summary('"sum%s%%"');
DROP TABLE "src%s";
