-- ---------------------------------------------------------------------------
-- Maintained summary tables
-- ---------------------------------------------------------------------------
--
-- create_summary() makes a table of growth_state summaries of a source, one
-- row per group and month, and keeps it exact.  How:
--  - The definition (trade_stats.summary_definition) names the summary and
--    the source by OID (regclass) and the columns by name, with their types
--    when the summary was made.  Nothing in it is SQL: the statements are
--    built from the catalogs at run time, every name quoted, every
--    function and operator qualified, and a definition can only be written
--    by a member of the role that owns both tables.
--  - Every relation of the source's tree (the source, and for a
--    partitioned source each partition) has the same triggers, which serve
--    every summary of the source: statement triggers with transition
--    tables (a statement aimed at a partition fires that partition's),
--    a BEFORE TRUNCATE trigger, and a row trigger that fires only in
--    replica mode (logical replication's apply worker fires no statement
--    triggers).
--  - Event triggers follow ATTACH/DETACH PARTITION and refuse DDL that
--    would change what a summary means (renaming or retyping its columns,
--    dropping the source or a trigger, inheritance, foreign partitions).
--  - The summary table refuses direct writes: only the triggers and
--    refresh_summary() change it.

-- What create_summary() set up: read by the triggers and refresh_summary().
CREATE TABLE trade_stats.summary_definition (
	summary regclass PRIMARY KEY,
	source regclass NOT NULL,
	group_by text[] NOT NULL,
	value text NOT NULL,
	period text NOT NULL,
	column_types regtype[] NOT NULL,
	time_zone text
);

COMMENT ON TABLE trade_stats.summary_definition IS
	'summary tables kept by create_summary(): their source, group, value and period columns and those columns'' types';

CREATE INDEX summary_definition_source ON trade_stats.summary_definition (source);

SELECT pg_catalog.pg_extension_config_dump('trade_stats.summary_definition', '');

-- Everyone may read the definitions and define summaries of the tables
-- they own (checked by summary_definition_check; no row security, so that
-- pg_dump works for every role).
GRANT SELECT, INSERT, DELETE ON trade_stats.summary_definition TO PUBLIC;
