-- ---------------------------------------------------------------------------
-- Maintained summary tables, from 0.2: the definitions keep column names
-- and types (0.2 kept SQL expressions), without row security; the
-- per-summary triggers of 0.2 make way for one set per relation
-- (sql/55_summary_maintenance.sql follows, then 0.2--0.3.post.sql).
-- ---------------------------------------------------------------------------

DROP POLICY summary_owner ON trade_stats.summary_definition;
DROP POLICY summary_owner_delete ON trade_stats.summary_definition;
ALTER TABLE trade_stats.summary_definition DISABLE ROW LEVEL SECURITY;
ALTER TABLE trade_stats.summary_definition ADD COLUMN column_types regtype[];
ALTER TABLE trade_stats.summary_definition ADD COLUMN time_zone text;

-- 0.2 wrote value as %I, %I::bigint or %I::double precision, period as %I
-- or %I::date: the names are what the casts were applied to.
UPDATE trade_stats.summary_definition
SET value = (pg_catalog.parse_ident(pg_catalog.regexp_replace(value, '::(bigint|double precision)$', '')))[1],
	period = (pg_catalog.parse_ident(pg_catalog.regexp_replace(period, '::date$', '')))[1];
UPDATE trade_stats.summary_definition d
SET column_types = (SELECT pg_catalog.array_agg(a.atttypid::regtype ORDER BY n.i)
					FROM pg_catalog.unnest(d.group_by || d.value || d.period) WITH ORDINALITY AS n(name, i)
					JOIN pg_catalog.pg_attribute a ON a.attrelid = d.source AND a.attname = n.name),
	time_zone = CASE WHEN (SELECT a.atttypid FROM pg_catalog.pg_attribute a
						   WHERE a.attrelid = d.source AND a.attname = d.period) = 'timestamptz'::regtype
					 THEN pg_catalog.current_setting('TimeZone') END;
ALTER TABLE trade_stats.summary_definition ALTER COLUMN column_types SET NOT NULL;
CREATE INDEX summary_definition_source ON trade_stats.summary_definition (source);

DO $$
DECLARE
	t record;
BEGIN
	FOR t IN SELECT tgrelid::regclass AS rel, tgname FROM pg_catalog.pg_trigger
			 WHERE tgfoid = 'trade_stats.summary_sync()'::regprocedure LOOP
		EXECUTE pg_catalog.format('DROP TRIGGER %I ON %s', t.tgname, t.rel);
	END LOOP;
END
$$;
DROP FUNCTION trade_stats.summary_sync();
DROP FUNCTION trade_stats.create_summary(text, regclass, text[], text, text);
DROP FUNCTION trade_stats.refresh_summary(regclass);
DROP FUNCTION trade_stats.drop_summary(regclass);
COMMENT ON TABLE trade_stats.summary_definition IS
	'summary tables kept by create_summary(): their source, group, value and period columns and those columns'' types';
