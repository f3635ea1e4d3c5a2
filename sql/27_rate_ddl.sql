-- ---------------------------------------------------------------------------
-- DDL on the rates table (the upgrade from 0.2 is built with this file too)
-- ---------------------------------------------------------------------------

-- Changes of the rates that no row trigger sees: ALTER TABLE rewriting
-- exchange_rate (ALTER COLUMN ... TYPE ... USING changes the rows) and
-- row-level security policies created, changed or dropped (they change
-- which rows a role may read).  Each bumps the whole table's version, so
-- that every backend's rate cache reads the rates again.
CREATE FUNCTION trade_stats.rate_ddl_end()
RETURNS event_trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF pg_catalog.to_regclass('trade_stats.exchange_rate') IS NULL THEN
		RETURN;
	END IF;
	-- (a dropped policy's table is no longer known at the end of DROP
	-- POLICY: every DROP POLICY counts)
	IF TG_TAG = 'DROP POLICY'
	   OR EXISTS (SELECT FROM pg_catalog.pg_event_trigger_ddl_commands() c
				  WHERE (c.classid = 'pg_catalog.pg_class'::regclass AND c.objid = 'trade_stats.exchange_rate'::regclass)
					 OR (c.classid = 'pg_catalog.pg_policy'::regclass
						 AND (SELECT p.polrelid FROM pg_catalog.pg_policy p WHERE p.oid = c.objid) = 'trade_stats.exchange_rate'::regclass)) THEN
		UPDATE trade_stats.rate_version
		SET version = pg_catalog.nextval('trade_stats.rate_version_seq'::pg_catalog.regclass)
		WHERE base OPERATOR(pg_catalog.=) '' AND quote OPERATOR(pg_catalog.=) '';
	END IF;
END
$$;

COMMENT ON FUNCTION trade_stats.rate_ddl_end() IS
	'event trigger function: DDL on exchange_rate and its policies makes every rate cache read the rates again';

CREATE EVENT TRIGGER trade_stats_rate_ddl_end ON ddl_command_end
	WHEN TAG IN ('ALTER TABLE', 'CREATE POLICY', 'ALTER POLICY', 'DROP POLICY')
	EXECUTE FUNCTION trade_stats.rate_ddl_end();
