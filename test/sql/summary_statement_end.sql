--
-- A statement that fires the triggers of a summary's source several times
-- (a writable CTE, MERGE, INSERT ... ON CONFLICT DO UPDATE, COPY into a
-- partitioned table) changes the summary once, when it ends: its passes'
-- changes are stashed and applied together, locking the summary rows in
-- key order (test/specs/summary_one_pass.spec shows the deadlocks that
-- avoids).  Each way a statement can end, or fail, or nest in another is
-- checked here: after each, the summary equals a rebuild from the source.
--

\set SHOW_CONTEXT never

\i test/sql/helpers.psql

CREATE TABLE se (partner text NOT NULL, flow text NOT NULL, period date, v numeric,
				 UNIQUE (partner, flow, period)) PARTITION BY LIST (flow);
CREATE TABLE se_x PARTITION OF se FOR VALUES IN ('x');
CREATE TABLE se_y PARTITION OF se FOR VALUES IN ('y');
INSERT INTO se SELECT p, f, d, 1 FROM unnest(ARRAY['A', 'B', 'C']) p, unnest(ARRAY['x', 'y']) f,
									 unnest(ARRAY['2020-01-01'::date, '2020-02-01']) d;
SELECT trade_stats.create_summary('se_summary', 'se', '{partner}', 'v', 'period');
SELECT trade_stats.create_summary('se_flow', 'se', '{flow}', 'v', 'period');

-- the summary changes when the statement ends: a trigger of the statement
-- that reads it sees it as it was before the statement, even one that
-- fires after the summary's triggers (whose names come first)
CREATE FUNCTION se_peek() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE NOTICE '% sees A = %', TG_NAME, (SELECT total(rollup(summary)) FROM se_summary WHERE partner = 'A');
	RETURN NULL;
END
$$;
CREATE TRIGGER zz_peek AFTER INSERT OR UPDATE OR DELETE ON se FOR EACH STATEMENT EXECUTE FUNCTION se_peek();
INSERT INTO se VALUES ('A', 'x', '2020-01-05', 100);
SELECT total(rollup(summary)) FROM se_summary WHERE partner = 'A';

-- the first statement of a session: the library is loaded by the BEFORE
-- STATEMENT trigger, before the statement's first pass
\c
\set SHOW_CONTEXT never
UPDATE se SET v = v + 1 WHERE partner = 'A' AND period = '2020-01-05';
SELECT total(rollup(summary)) FROM se_summary WHERE partner = 'A';
-- a session's first COPY loads the library inside the COPY: that COPY's
-- one pass is applied when its trigger fires
\c
\set SHOW_CONTEXT never
COPY se FROM STDIN;
A	y	2020-01-06	1000
\.
SELECT total(rollup(summary)) FROM se_summary WHERE partner = 'A';
-- so is a session's first statement whose only writes are WITH queries it
-- does not read (they run at the end of the statement): pass by pass
\c
\set SHOW_CONTEXT never
WITH a AS (DELETE FROM se WHERE v = 1000), b AS (INSERT INTO se VALUES ('A', 'y', '2020-01-16', 1000)) SELECT 1;
SELECT total(rollup(summary)) FROM se_summary WHERE partner = 'A';
-- a SELECT of the source first does not load the library (it calls none of
-- its functions): still pass by pass
\c
\set SHOW_CONTEXT never
SELECT count(*) > 0 FROM se;
WITH a AS (DELETE FROM se WHERE v = 1000), b AS (INSERT INTO se VALUES ('A', 'y', '2020-01-17', 1000)) SELECT 1;
-- a write to the source first, even one that changes no row (its BEFORE
-- STATEMENT trigger loads the library), or a statement that calls a
-- function of the library (reading a summary): one pass, at the end
\c
\set SHOW_CONTEXT never
DELETE FROM se WHERE false;
WITH a AS (DELETE FROM se WHERE v = 1000), b AS (INSERT INTO se VALUES ('A', 'y', '2020-01-18', 1000)) SELECT 1;
\c
\set SHOW_CONTEXT never
SELECT total(rollup(summary)) FROM se_summary WHERE partner = 'A';
WITH a AS (DELETE FROM se WHERE v = 1000), b AS (INSERT INTO se VALUES ('A', 'y', '2020-01-19', 1000)) SELECT 1;
SELECT total(rollup(summary)) FROM se_summary WHERE partner = 'A';
DROP TRIGGER zz_peek ON se;
DROP FUNCTION se_peek();
\i test/sql/helpers.psql
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');

-- a writable CTE: the DELETE's pass and the INSERT's, in both orders
WITH d AS (DELETE FROM se WHERE partner = 'B' AND flow = 'x' RETURNING *)
INSERT INTO se SELECT 'D', flow, period, v * 10 FROM d;
WITH d AS (DELETE FROM se WHERE partner = 'C' AND flow = 'y') INSERT INTO se VALUES ('A', 'y', '2020-02-09', 7);
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');

-- MERGE: its UPDATE, DELETE and INSERT passes, a row moved to another
-- partition by UPDATE in a writable CTE beside it
WITH m AS (UPDATE se SET flow = 'y', period = period + 1 WHERE partner = 'D' AND period = '2020-01-01' RETURNING *)
MERGE INTO se t USING (VALUES ('A', 'x', '2020-01-01'::date), ('B', 'y', '2020-01-01'), ('E', 'x', '2020-02-03')) s(p, f, d)
ON t.partner = s.p AND t.flow = s.f AND t.period = s.d
WHEN MATCHED AND s.p = 'A' THEN UPDATE SET v = t.v + 5
WHEN MATCHED THEN DELETE
WHEN NOT MATCHED THEN INSERT VALUES (s.p, s.f, s.d, 3);
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');

-- INSERT ... ON CONFLICT DO UPDATE: its UPDATE pass and its INSERT pass
INSERT INTO se VALUES ('A', 'x', '2020-01-01', 2), ('F', 'y', '2020-01-02', 2), ('F', 'x', '2020-01-02', 2)
ON CONFLICT (partner, flow, period) DO UPDATE SET v = se.v + excluded.v;
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');

-- COPY into the partitioned source, now that the library is loaded
COPY se FROM STDIN;
G	x	2020-01-07	11
G	y	2020-02-07	12
A	y	2020-02-08	13
\.
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');

-- statements that change nothing, and a statement that fires no trigger
UPDATE se SET v = v WHERE false;
DELETE FROM se WHERE false;
WITH d AS (DELETE FROM se WHERE false) INSERT INTO se SELECT * FROM se WHERE false;
SELECT count(*) FROM se;
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');

-- a prepared statement, run twice
PREPARE move_h(numeric) AS
	WITH d AS (DELETE FROM se WHERE partner = 'G' AND flow = 'x' RETURNING *)
	INSERT INTO se SELECT 'H', flow, period + 1, v + $1 FROM d;
EXECUTE move_h(1);
INSERT INTO se VALUES ('G', 'x', '2020-01-17', 1);
EXECUTE move_h(2);
DEALLOCATE move_h;
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');

-- a PL/pgSQL exception block that rolls back a writable CTE, and one that
-- rolls back a statement whose own trigger failed after the summary's
-- triggers had stashed its change: neither leaves anything in the summary
CREATE FUNCTION pg_temp.no_j() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT FROM ts_new_rows WHERE partner = 'J') THEN
		RAISE EXCEPTION 'no J';
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER zz_no_j AFTER INSERT ON se REFERENCING NEW TABLE AS ts_new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.no_j();
CREATE FUNCTION pg_temp.undo() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	result text := '';
BEGIN
	INSERT INTO se VALUES ('I', 'x', '2020-01-08', 1);
	BEGIN
		WITH d AS (DELETE FROM se WHERE partner = 'A' RETURNING *) INSERT INTO se SELECT 'I', flow, period, v FROM d;
		result := result || 'I holds ' || (SELECT total(rollup(summary)) FROM se_summary WHERE partner = 'I');
		RAISE EXCEPTION 'undo';
	EXCEPTION WHEN raise_exception THEN
		result := result || ', rolled back: ' || SQLERRM;
	END;
	BEGIN
		INSERT INTO se VALUES ('J', 'x', '2020-01-08', 1), ('A', 'x', '2020-01-09', 1);
	EXCEPTION WHEN raise_exception THEN
		result := result || ', rolled back: ' || SQLERRM;
	END;
	RETURN result || ', I holds ' || (SELECT total(rollup(summary)) FROM se_summary WHERE partner = 'I');
END
$$;
SELECT pg_temp.undo();
SELECT partner FROM se_summary WHERE partner IN ('I', 'J') ORDER BY 1;
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');
-- a failing statement at the top level: nothing left for the next one
INSERT INTO se VALUES ('J', 'y', '2020-01-08', 1);
INSERT INTO se VALUES ('K', 'y', '2020-01-08', 1);
DROP TRIGGER zz_no_j ON se;
SELECT partner FROM se_summary WHERE partner IN ('J', 'K') ORDER BY 1;
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');
-- a savepoint rolled back
BEGIN;
WITH d AS (DELETE FROM se WHERE partner = 'K' RETURNING *) INSERT INTO se SELECT 'L', flow, period, v FROM d;
SAVEPOINT s;
WITH d AS (DELETE FROM se WHERE partner = 'L' RETURNING *) INSERT INTO se SELECT 'M', flow, period, v FROM d;
ROLLBACK TO SAVEPOINT s;
COMMIT;
SELECT partner FROM se_summary WHERE partner IN ('K', 'L', 'M') ORDER BY 1;
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');

-- a procedure that commits between its statements
CREATE PROCEDURE se_move(a text, b text) LANGUAGE plpgsql AS $$
BEGIN
	WITH d AS (DELETE FROM se WHERE partner = a RETURNING *) INSERT INTO se SELECT b, flow, period, v FROM d;
	COMMIT;
	WITH d AS (DELETE FROM se WHERE partner = b AND flow = 'y' RETURNING *) INSERT INTO se SELECT a, flow, period, v FROM d;
	ROLLBACK;
	INSERT INTO se VALUES (b, 'x', '2020-02-12', 3);
END
$$;
CALL se_move('L', 'L2');
DROP PROCEDURE se_move(text, text);
SELECT partner, total(rollup(summary)) FROM se_summary WHERE partner IN ('L', 'L2') GROUP BY 1 ORDER BY 1;
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');

-- a cursor over a function that writes: each call's statement is applied
-- when it ends, so the rows fetched so far are in the summary
CREATE FUNCTION pg_temp.add_n(i integer) RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
	WITH d AS (DELETE FROM se WHERE partner = 'N' AND v = i - 1) INSERT INTO se VALUES ('N', 'x', '2020-01-01'::date + i, i);
	RETURN i;
END
$$;
BEGIN;
DECLARE c CURSOR FOR SELECT pg_temp.add_n(i) FROM generate_series(1, 4) i;
FETCH 2 FROM c;
SELECT total(rollup(summary)) FROM se_summary WHERE partner = 'N';
FETCH ALL FROM c;
CLOSE c;
COMMIT;
SELECT total(rollup(summary)) FROM se_summary WHERE partner = 'N';
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');
-- a loop over a writable CTE with RETURNING: the statement has ended when
-- the loop's body reads the summary
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN WITH d AS (DELETE FROM se WHERE partner = 'N' RETURNING *) INSERT INTO se SELECT 'O', flow, period, v FROM d RETURNING v LOOP
		RAISE NOTICE 'O holds %', (SELECT total(rollup(summary)) FROM se_summary WHERE partner = 'O');
	END LOOP;
END
$$;
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');

-- EXPLAIN ANALYZE of an INSERT into two partitions, and of a writable CTE
-- (the triggers it reports; the plan's lines differ between majors)
CREATE FUNCTION pg_temp.explain_triggers(query text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || query LOOP
		IF line LIKE 'Trigger %' THEN
			RETURN NEXT line;
		END IF;
	END LOOP;
END
$$;
SELECT pg_temp.explain_triggers($$INSERT INTO se VALUES ('P', 'x', '2020-01-01', 1), ('P', 'y', '2020-02-01', 2)$$);
SELECT pg_temp.explain_triggers($$WITH d AS (DELETE FROM se WHERE partner = 'P' RETURNING *) INSERT INTO se SELECT 'Q', flow, period, v FROM d$$);
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');

-- an SQL function: its second statement reads what its first changed
CREATE FUNCTION pg_temp.move_q() RETURNS numeric LANGUAGE sql AS $$
	WITH d AS (DELETE FROM se WHERE partner = 'Q' RETURNING *) INSERT INTO se SELECT 'R', flow, period, v FROM d;
	SELECT total(rollup(summary)) FROM se_summary WHERE partner = 'R';
$$;
SELECT pg_temp.move_q();
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');

-- nested DML: a trigger of the source that writes the source, and a
-- trigger of another table that writes it, while the outer statement's
-- change waits for its end
CREATE FUNCTION pg_temp.mirror() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.partner = 'S' THEN
		INSERT INTO se VALUES ('S2', NEW.flow, NEW.period, NEW.v * 2);
		DELETE FROM se WHERE partner = 'R';
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER zz_mirror AFTER INSERT ON se_x FOR EACH ROW EXECUTE FUNCTION pg_temp.mirror();
CREATE TABLE se_log (partner text, v numeric);
CREATE FUNCTION pg_temp.log_to_se() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	WITH d AS (DELETE FROM se WHERE partner = 'S2' RETURNING *) INSERT INTO se SELECT NEW.partner, flow, period, v + NEW.v FROM d;
	RETURN NULL;
END
$$;
CREATE TRIGGER log_to_se AFTER INSERT ON se_log FOR EACH ROW EXECUTE FUNCTION pg_temp.log_to_se();
WITH d AS (DELETE FROM se WHERE partner = 'A' AND flow = 'x' RETURNING *) INSERT INTO se SELECT 'S', flow, period, v FROM d;
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');
WITH s AS (INSERT INTO se VALUES ('S', 'x', '2020-02-11', 4)) INSERT INTO se_log VALUES ('T', 100);
SELECT partner, total(rollup(summary)) FROM se_summary WHERE partner IN ('R', 'S', 'S2', 'T') GROUP BY 1 ORDER BY 1;
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');

-- nested DML that removes what the enclosing statement added, in a trigger
-- that fires after the summary's (its pass's change still stashed): the
-- nested statement applies that change with its own
CREATE FUNCTION se_cleanup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM se WHERE v < 0;
	RETURN NULL;
END
$$;
CREATE TRIGGER zz_cleanup AFTER INSERT ON se FOR EACH STATEMENT EXECUTE FUNCTION se_cleanup();
INSERT INTO se VALUES ('U', 'x', '2020-01-01', 5), ('U', 'y', '2020-01-02', -6), ('V', 'y', '2020-01-01', -1);
SELECT partner, total(rollup(summary)) FROM se_summary WHERE partner IN ('U', 'V') GROUP BY 1 ORDER BY 1;
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');
DROP TRIGGER zz_cleanup ON se;
-- the same in a trigger that fires before the summary's (its statement's
-- change not stashed yet): the rows of the summary that do not hold the
-- removal yet are left as they are, and the removal waits for the end of
-- the enclosing statement, after its additions; in new groups and months,
-- and in months the summary holds other rows of
CREATE TRIGGER aa_cleanup AFTER INSERT ON se FOR EACH STATEMENT EXECUTE FUNCTION se_cleanup();
INSERT INTO se VALUES ('W', 'x', '2020-03-01', 5), ('W', 'y', '2020-03-02', -6), ('A', 'x', '2020-01-01', -3);
SELECT partner, total(rollup(summary)) FROM se_summary WHERE partner IN ('A', 'W') GROUP BY 1 ORDER BY 1;
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');
DROP TRIGGER aa_cleanup ON se;
-- an UPDATE of the rows the enclosing statement inserted, in a statement
-- trigger before the summary's and a row trigger (which fire before every
-- statement trigger)
CREATE FUNCTION se_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE se SET v = v + 1000, period = period + 1 WHERE v < 0;
	RETURN NULL;
END
$$;
CREATE TRIGGER aa_bump AFTER INSERT ON se FOR EACH STATEMENT EXECUTE FUNCTION se_bump();
INSERT INTO se VALUES ('X', 'x', '2020-04-01', -1), ('A', 'y', '2020-01-11', -2);
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');
DROP TRIGGER aa_bump ON se;
CREATE TRIGGER zz_bump_row AFTER INSERT ON se_y FOR EACH ROW EXECUTE FUNCTION se_bump();
INSERT INTO se VALUES ('X', 'y', '2020-05-01', -1), ('A', 'y', '2020-01-03', 4);
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');
DROP TRIGGER zz_bump_row ON se_y;
CREATE TRIGGER aa_cleanup_row AFTER INSERT ON se_x FOR EACH ROW EXECUTE FUNCTION se_cleanup();
INSERT INTO se VALUES ('Y', 'x', '2020-05-01', -1), ('Y', 'x', '2020-05-02', 8);
SELECT partner, total(rollup(summary)) FROM se_summary WHERE partner = 'Y' GROUP BY 1 ORDER BY 1;
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');
DROP TRIGGER aa_cleanup_row ON se_x;
DROP FUNCTION se_cleanup();
-- a BEFORE ROW trigger, in the statement's run: it deletes and updates
-- rows its statement inserted before the row it fires for
CREATE FUNCTION se_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.partner = 'Z' AND NEW.v = 3 THEN
		DELETE FROM se WHERE partner = 'Z' AND v = 1;
		UPDATE se SET v = v * 10 WHERE partner = 'Z' AND v = 2;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER se_before BEFORE INSERT ON se_x FOR EACH ROW EXECUTE FUNCTION se_before();
INSERT INTO se VALUES ('Z', 'x', '2020-06-01', 1), ('Z', 'x', '2020-06-02', 2), ('Z', 'x', '2020-07-01', 3);
SELECT partner, month, total(summary) FROM se_summary WHERE partner = 'Z' ORDER BY 1, 2;
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');
-- the same in an exception block (a subtransaction): what it deferred is
-- applied when it commits, taken back when it is rolled back
CREATE OR REPLACE FUNCTION se_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.partner = 'Z' AND NEW.v = 3 THEN
		BEGIN
			DELETE FROM se WHERE partner = 'Z' AND v = 1;
		EXCEPTION WHEN division_by_zero THEN NULL;
		END;
		BEGIN
			DELETE FROM se WHERE partner = 'Z' AND v = 2;
			PERFORM 1 / 0;
		EXCEPTION WHEN division_by_zero THEN NULL;
		END;
	END IF;
	RETURN NEW;
END
$$;
INSERT INTO se VALUES ('Z', 'x', '2020-08-01', 1), ('Z', 'x', '2020-08-02', 2), ('Z', 'x', '2020-08-03', 3);
SELECT partner, month, total(summary) FROM se_summary WHERE partner = 'Z' ORDER BY 1, 2;
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');
-- in a session's first statement on the source the library is loaded
-- during the statement's run: a removal in a BEFORE ROW trigger has no
-- frame to wait in, and is refused with an error that names the summary
-- and its row
\c
\set SHOW_CONTEXT always
INSERT INTO se VALUES ('Z', 'x', '2020-09-01', 1), ('Z', 'x', '2020-09-02', 3);
\set SHOW_CONTEXT never
\echo :LAST_ERROR_SQLSTATE: :LAST_ERROR_MESSAGE
\i test/sql/helpers.psql
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');
DROP TRIGGER se_before ON se_x;
DROP FUNCTION se_before();

-- TRUNCATE of a partition and a detach keep their own paths
TRUNCATE se_y;
ALTER TABLE se DETACH PARTITION se_x;
SELECT count(*) FROM se_summary;
SELECT pg_temp.same('se_summary'), pg_temp.same('se_flow');

-- foreign keys: a cascade's statements fire their triggers with the
-- statement that deleted or updated the referenced rows, which changes the
-- summary once, at its end (a trigger of the cascade sees the summary as
-- it was)
CREATE TABLE sp (partner text PRIMARY KEY);
INSERT INTO sp VALUES ('A'), ('B'), ('C');
CREATE TABLE sf (partner text NOT NULL REFERENCES sp ON DELETE CASCADE ON UPDATE CASCADE, period date, v numeric);
INSERT INTO sf SELECT p, '2020-01-01'::date + i, i FROM unnest(ARRAY['A', 'B', 'C']) p, generate_series(1, 3) i;
SELECT trade_stats.create_summary('sf_summary', 'sf', '{partner}', 'v', 'period');
CREATE FUNCTION sf_peek() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE NOTICE '% sees %', TG_OP, (SELECT string_agg(partner, ',' ORDER BY partner) FROM sf_summary);
	RETURN NULL;
END
$$;
CREATE TRIGGER zz_peek AFTER UPDATE OR DELETE ON sf FOR EACH STATEMENT EXECUTE FUNCTION sf_peek();
WITH u AS (UPDATE sp SET partner = 'D' WHERE partner = 'C') DELETE FROM sp WHERE partner IN ('A', 'B');
SELECT partner, total(rollup(summary)) FROM sf_summary GROUP BY 1 ORDER BY 1;
SELECT pg_temp.same('sf_summary');
SELECT trade_stats.drop_summary('sf_summary');
DROP TABLE sf, sp;
DROP FUNCTION sf_peek();

-- a summary dropped by a trigger of the statement gets nothing at its end
CREATE TABLE sd (partner text NOT NULL, period date, v numeric);
SELECT trade_stats.create_summary('sd_summary', 'sd', '{partner}', 'v', 'period');
CREATE FUNCTION sd_drop() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM trade_stats.drop_summary('sd_summary');
	RETURN NULL;
END
$$;
CREATE TRIGGER zz_drop AFTER INSERT ON sd FOR EACH STATEMENT EXECUTE FUNCTION sd_drop();
INSERT INTO sd VALUES ('A', '2020-01-01', 1);
SELECT to_regclass('sd_summary'), count(*) FROM sd;
DROP TABLE sd;
DROP FUNCTION sd_drop();

-- a removal a nested statement defers to a SELECT is applied when the
-- SELECT's portal is cleaned up, with no snapshot set: it takes one (a
-- session's second such call gave an internal error)
CREATE TABLE sn (g text NOT NULL, period date, v bigint);
SELECT trade_stats.create_summary('sn_sum', 'sn', '{g}', 'v', 'period');
ALTER TABLE sn DISABLE TRIGGER trade_stats_summary_insert;
INSERT INTO sn VALUES ('a', '2021-01-01', 5);
ALTER TABLE sn ENABLE TRIGGER trade_stats_summary_insert;
CREATE FUNCTION sn_del() RETURNS int LANGUAGE plpgsql AS $$ BEGIN DELETE FROM sn; RETURN 1; END $$;
SELECT sn_del();
SELECT sn_del();
SELECT trade_stats.refresh_summary('sn_sum');
SELECT sn_del();
SELECT count(*) FROM sn_sum;
SELECT trade_stats.drop_summary('sn_sum');
DROP TABLE sn;
DROP FUNCTION sn_del();

-- the internal functions refuse what is not a summary's change
SELECT trade_stats.summary_stash('se_summary', ARRAY[1], NULL::int[]);

SELECT trade_stats.drop_summary('se_summary');
SELECT trade_stats.drop_summary('se_flow');
DROP TABLE se, se_x, se_log;
