
-- The triggers of 0.3 on every relation of each source and on each summary
-- table; the summaries of timestamptz periods rebuilt (0.2 cut them into
-- months in each writer's TimeZone), and those of double precision and real
-- values (0.2 truncated a double to 2^-40, 0.3 rounds it to the nearest: a
-- row deleted after the update would be subtracted as it was not added).
DO $$
DECLARE
	d trade_stats.summary_definition;
	m regclass;
BEGIN
	PERFORM pg_catalog.set_config('trade_stats_summary.maintenance', 'on', true);
	FOR d IN SELECT * FROM trade_stats.summary_definition LOOP
		FOR m IN SELECT trade_stats.summary_members(d.source) LOOP
			PERFORM trade_stats.summary_install_triggers(m);
		END LOOP;
		PERFORM trade_stats.summary_install_guard(d.summary);
		IF d.time_zone IS NOT NULL OR
			d.column_types[coalesce(pg_catalog.cardinality(d.group_by), 0) + 1]
			IN ('double precision'::regtype, 'real'::regtype) THEN
			PERFORM trade_stats.summary_rebuild(d);
		END IF;
	END LOOP;
	PERFORM pg_catalog.set_config('trade_stats_summary.maintenance', 'off', true);
END
$$;
