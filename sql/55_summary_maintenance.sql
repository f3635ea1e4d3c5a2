-- ---------------------------------------------------------------------------
-- Maintained summary tables: the functions, triggers and event triggers
-- that keep them (the upgrade from 0.2 is built with this file too)
-- ---------------------------------------------------------------------------

-- The equality operator of a group key's type (its default btree operator
-- class), whatever the session's search_path.
CREATE FUNCTION trade_stats.summary_key_equality(regtype)
RETURNS regoperator
AS 'MODULE_PATHNAME', 'ts_summary_key_equality'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION trade_stats.summary_key_equality(regtype) IS
	'internal: the equality operator of a summary group key''s type';

-- The date of an instant in a zone given by name (the zone of a summary's
-- timestamptz period), never read as an abbreviation.
CREATE FUNCTION trade_stats.summary_local_date(timestamptz, text)
RETURNS date
AS 'MODULE_PATHNAME', 'ts_summary_local_date'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION trade_stats.summary_local_date(timestamptz, text) IS
	'internal: the date of an instant in the time zone of that name';

-- The relations of a source: itself and, when partitioned, every partition
-- but those pending detach (DETACH PARTITION ... CONCURRENTLY committed its
-- first transaction: the parent's scans no longer see them) and theirs.
CREATE FUNCTION trade_stats.summary_members(source regclass)
RETURNS SETOF regclass
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
	WITH RECURSIVE tree(rel) AS (
		SELECT source
		UNION
		SELECT i.inhrelid::regclass FROM tree
		JOIN pg_catalog.pg_inherits i ON i.inhparent OPERATOR(pg_catalog.=) tree.rel::oid
		WHERE NOT i.inhdetachpending
	)
	SELECT rel FROM tree
$$;

COMMENT ON FUNCTION trade_stats.summary_members(regclass) IS
	'internal: a summary source and the partitions of its tree';

-- The checks of a definition, against the catalogs as they are now: the
-- owner, the kinds of the tables, the columns and their types.  Raises the
-- error that says what is wrong; used when a definition is written and
-- after DDL on its tables.
CREATE FUNCTION trade_stats.summary_check(d trade_stats.summary_definition, check_owner boolean DEFAULT false,
										  check_table boolean DEFAULT true)
RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	names text[] := d.group_by || d.value || d.period;
	src pg_catalog.pg_class;
	tab pg_catalog.pg_class;
	i integer;
	t regtype;
	bad regclass;
	col name;
BEGIN
	SELECT * INTO src FROM pg_catalog.pg_class WHERE oid = d.source;
	SELECT * INTO tab FROM pg_catalog.pg_class WHERE oid = d.summary;
	IF src.oid IS NULL OR tab.oid IS NULL THEN
		RAISE EXCEPTION 'summary table % or its source % does not exist', d.summary::oid, d.source::oid
			USING ERRCODE = 'undefined_table';
	END IF;
	IF src.relkind NOT IN ('r', 'p') THEN
		RAISE EXCEPTION '"%" is not a table', d.source
			USING ERRCODE = 'wrong_object_type';
	END IF;
	IF src.relispartition THEN
		RAISE EXCEPTION 'cannot keep a summary of "%": it is a partition', d.source
			USING ERRCODE = 'feature_not_supported',
				  HINT = 'Summarise the partitioned table it belongs to.';
	END IF;
	IF src.relkind = 'r' AND EXISTS (SELECT FROM pg_catalog.pg_inherits WHERE inhparent = d.source OR inhrelid = d.source) THEN
		RAISE EXCEPTION 'cannot keep a summary of "%": it has inheritance parents or children', d.source
			USING ERRCODE = 'feature_not_supported',
				  HINT = 'Use declarative partitioning (PARTITION BY) for a source split into tables.';
	END IF;
	SELECT m INTO bad FROM trade_stats.summary_members(d.source) m
	JOIN pg_catalog.pg_class c ON c.oid = m WHERE c.relkind = 'f' LIMIT 1;
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'cannot keep a summary of "%": its partition "%" is a foreign table', d.source, bad
			USING ERRCODE = 'feature_not_supported',
				  HINT = 'Keep a summary on each shard, where the rows are, and roll the shards'' summaries up through foreign tables.';
	END IF;
	-- a Citus table's rows live in shards, written on the worker nodes
	-- (pg_dist_partition is Citus's catalog of its tables)
	IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		EXECUTE 'SELECT m FROM trade_stats.summary_members($1) m '
				'WHERE m OPERATOR(pg_catalog.=) ANY (SELECT p.logicalrelid FROM pg_catalog.pg_dist_partition p) LIMIT 1'
		INTO bad USING d.source;
		IF bad IS NOT NULL THEN
			RAISE EXCEPTION 'cannot keep a summary of "%": "%" is a Citus table', d.source, bad
				USING ERRCODE = 'feature_not_supported',
					  DETAIL = 'Its rows are kept and written in shards on the worker nodes, where the triggers of a summary do not see them.',
					  HINT = 'Aggregate it with growth_summary(), which Citus runs on the workers, or keep the summaries on postgres_fdw shards.';
		END IF;
	END IF;
	IF 't' IN (src.relpersistence, tab.relpersistence) THEN
		RAISE EXCEPTION 'cannot keep a summary of "%" in "%": temporary tables are not supported', d.source, d.summary
			USING ERRCODE = 'feature_not_supported',
				  HINT = 'Summarise a permanent table into a permanent table.';
	END IF;
	-- a crash empties an unlogged table and not the other side
	SELECT m INTO bad FROM (SELECT trade_stats.summary_members(d.source) UNION ALL SELECT d.summary) AS x(m)
	JOIN pg_catalog.pg_class c ON c.oid = m WHERE c.relpersistence = 'u' LIMIT 1;
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'cannot keep summary table "%" of "%": "%" is unlogged', d.summary, d.source, bad
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'A crash empties an unlogged table but not the other side of the summary, which would then be wrong without an error.',
				  HINT = 'Keep the source, its partitions and the summary table logged (ALTER TABLE ... SET LOGGED).';
	END IF;
	IF src.relrowsecurity THEN
		RAISE EXCEPTION 'cannot keep a summary of "%": it has row-level security', d.source
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'A summary holds every row''s sum, whoever may see the row.';
	END IF;
	-- a partition's policies would hide rows from what reads it for the
	-- summary (TRUNCATE, ATTACH, DETACH)
	SELECT m INTO bad FROM trade_stats.summary_members(d.source) m
	JOIN pg_catalog.pg_class c ON c.oid = m WHERE c.relrowsecurity LIMIT 1;
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'cannot keep a summary of "%": its partition "%" has row-level security', d.source, bad
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'A summary holds every row''s sum, whoever may see the row.';
	END IF;
	-- a row the source routes to a partition whose columns lie otherwise
	-- (another order, dropped or added columns) reaches the source's
	-- transition tables before the partition computes its generated
	-- columns, as NULL (PostgreSQL 15)
	SELECT a.attname INTO col FROM pg_catalog.pg_attribute a
	WHERE a.attrelid = d.source AND a.attname = ANY (names) AND a.attgenerated <> ''
	ORDER BY a.attnum LIMIT 1;
	IF col IS NOT NULL THEN
		SELECT m INTO bad FROM trade_stats.summary_members(d.source) m
		WHERE m <> d.source
		  AND (SELECT pg_catalog.array_agg(CASE WHEN a.attisdropped THEN a.attlen || a.attalign
												WHEN a.atthasmissing THEN NULL ELSE a.attname::text END
										   ORDER BY a.attnum)
			   FROM pg_catalog.pg_attribute a WHERE a.attrelid = m AND a.attnum > 0)
			  IS DISTINCT FROM
			  (SELECT pg_catalog.array_agg(CASE WHEN a.attisdropped THEN a.attlen || a.attalign
												ELSE a.attname::text END ORDER BY a.attnum)
			   FROM pg_catalog.pg_attribute a WHERE a.attrelid = d.source AND a.attnum > 0)
		LIMIT 1;
		IF bad IS NOT NULL THEN
			RAISE EXCEPTION 'cannot keep a summary of "%" over generated column "%": partition "%" lays out its columns otherwise', d.source, col, bad
				USING ERRCODE = 'feature_not_supported',
					  DETAIL = format('PostgreSQL gives the triggers on %s the rows it routes to %s before their generated columns are computed.', d.source, bad),
					  HINT = 'Make the partitions with CREATE TABLE ... PARTITION OF, or summarise columns that are not generated.';
		END IF;
	END IF;
	IF d.column_types[cardinality(d.column_types)] = 'timestamp with time zone'::regtype THEN
		IF d.time_zone IS NULL THEN
			RAISE EXCEPTION 'summary table "%" of a timestamp with time zone period needs a time zone', d.summary
				USING ERRCODE = 'invalid_parameter_value';
		END IF;
		PERFORM trade_stats.summary_local_date('2000-01-01 00:00+00', d.time_zone);
	ELSIF d.time_zone IS NOT NULL THEN
		RAISE EXCEPTION 'summary table "%" has a time zone but its period is not a timestamp with time zone', d.summary
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF check_owner AND (NOT pg_catalog.pg_has_role(src.relowner, 'USAGE') OR NOT pg_catalog.pg_has_role(tab.relowner, 'USAGE')) THEN
		RAISE EXCEPTION 'must be a member of the owners of "%" and "%" to define a summary', d.summary, d.source
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF cardinality(d.column_types) <> cardinality(names) THEN
		RAISE EXCEPTION 'invalid summary definition of "%"', d.summary
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	FOR i IN 1 .. cardinality(names) LOOP
		SELECT a.atttypid INTO t FROM pg_catalog.pg_attribute a
		WHERE a.attrelid = d.source AND a.attname = names[i] AND a.attnum > 0 AND NOT a.attisdropped;
		IF t IS NULL THEN
			RAISE EXCEPTION 'column "%" of relation "%" does not exist', names[i], d.source
				USING ERRCODE = 'undefined_column',
					  DETAIL = format('Summary table %s uses it.', d.summary),
					  HINT = 'Drop the summary with trade_stats.drop_summary() before renaming or dropping its columns.';
		END IF;
		IF t <> d.column_types[i] THEN
			RAISE EXCEPTION 'column "%" of relation "%" has type %, not %', names[i], d.source, t, d.column_types[i]
				USING ERRCODE = 'datatype_mismatch',
					  DETAIL = format('Summary table %s was made for a column of type %s.', d.summary, d.column_types[i]),
					  HINT = 'Drop the summary with trade_stats.drop_summary() before changing the type of its columns.';
		END IF;
	END LOOP;
	IF NOT check_table THEN
		RETURN;
	END IF;
	-- a child's rows would be read with the summary's, and a rebuild would
	-- delete them
	IF EXISTS (SELECT FROM pg_catalog.pg_inherits WHERE inhparent = d.summary OR inhrelid = d.summary) THEN
		RAISE EXCEPTION 'summary table "%" cannot have inheritance parents or children', d.summary
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'Reads of a table read its children''s rows too, and a rebuild of the summary would delete them.',
				  HINT = 'Keep other rows in a table of their own, or drop the summary with trade_stats.drop_summary() first.';
	END IF;
	FOR i IN 1 .. coalesce(cardinality(d.group_by), 0) + 1 LOOP
		-- the summary table keeps the group columns (with the source's
		-- collations) and month
		IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
					   WHERE a.attrelid = d.summary AND a.attnum > 0 AND NOT a.attisdropped
						 AND a.attname = (d.group_by || 'month'::text)[i]
						 AND a.atttypid = (d.column_types[1:cardinality(d.group_by)] || 'date'::regtype)[i]
						 AND a.attcollation = coalesce((SELECT s.attcollation FROM pg_catalog.pg_attribute s
														WHERE s.attrelid = d.source AND s.attname = d.group_by[i]), 0)) THEN
			RAISE EXCEPTION 'summary table "%" has no column "%" of type % with the collation of its source''s', d.summary,
				(d.group_by || 'month'::text)[i], (d.column_types[1:cardinality(d.group_by)] || 'date'::regtype)[i]
				USING ERRCODE = 'undefined_column',
					  HINT = 'Drop the summary with trade_stats.drop_summary() and create it again.';
		END IF;
	END LOOP;
	-- a group column of the source that takes NULL needs one in the
	-- summary that does too: create_summary made it so, and ALTER ... DROP
	-- NOT NULL of the source's column afterwards would leave the summary
	-- unable to hold the group of the rows it lets in
	SELECT a.attname INTO col FROM pg_catalog.pg_attribute a
	JOIN pg_catalog.pg_attribute s ON s.attrelid = d.summary AND s.attname = a.attname AND s.attnotnull
	WHERE a.attrelid = d.source AND a.attname = ANY (d.group_by) AND NOT a.attnotnull
	ORDER BY a.attnum LIMIT 1;
	IF col IS NOT NULL THEN
		RAISE EXCEPTION 'column "%" of relation "%" is a group column of summary table "%", which does not take NULL', col, d.source, d.summary
			USING ERRCODE = 'invalid_table_definition',
				  DETAIL = 'The summary was made when the column was NOT NULL, with a primary key on its group columns and month.',
				  HINT = 'Keep the column NOT NULL, or drop the summary with trade_stats.drop_summary() and create it again: NULL is then a group of its own.';
	END IF;
	-- and its key, which the triggers' upserts need, and no trigger or
	-- rule of anyone else's that could change what they write
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_index x
				   WHERE x.indrelid = d.summary AND x.indisunique AND x.indimmediate AND x.indpred IS NULL
					 AND x.indnkeyatts = coalesce(cardinality(d.group_by), 0) + 1
					 AND (x.indnullsnotdistinct OR NOT EXISTS (
						 SELECT FROM pg_catalog.pg_attribute a WHERE a.attrelid = d.summary
						 AND a.attnum = ANY (x.indkey::int2[]) AND NOT a.attnotnull))
					 AND (SELECT pg_catalog.array_agg(a.attname::text ORDER BY a.attname)
						  FROM pg_catalog.pg_attribute a WHERE a.attrelid = d.summary AND a.attnum = ANY (x.indkey::int2[]))
						 = (SELECT pg_catalog.array_agg(n ORDER BY n) FROM pg_catalog.unnest(d.group_by || 'month'::text) n)
					 -- each column with its own collation and its type's
					 -- default operator class: equal as GROUP BY compares
					 AND NOT EXISTS (
						 SELECT FROM pg_catalog.generate_subscripts(x.indkey::int2[], 1) k
						 JOIN pg_catalog.pg_attribute a ON a.attrelid = d.summary AND a.attnum = (x.indkey::int2[])[k]
						 JOIN pg_catalog.pg_opclass o ON o.oid = (x.indclass::oid[])[k]
						 WHERE (x.indcollation::oid[])[k] IS DISTINCT FROM a.attcollation OR NOT o.opcdefault)) THEN
		RAISE EXCEPTION 'summary table "%" has lost its unique key on its group columns and month', d.summary
			USING ERRCODE = 'invalid_table_definition',
				  HINT = 'Drop the summary with trade_stats.drop_summary() and create it again.';
	END IF;
	-- no column, value or constraint of its own, and no row security: the
	-- triggers write every row, and nothing may refuse or hide one
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
				   WHERE a.attrelid = d.summary AND a.attname = 'summary' AND NOT a.attisdropped
					 AND a.atttypid = '@extschema@.growth_state'::regtype) THEN
		RAISE EXCEPTION 'summary table "%" has no column "summary" of type growth_state', d.summary
			USING ERRCODE = 'undefined_column',
				  HINT = 'Drop the summary with trade_stats.drop_summary() and create it again.';
	END IF;
	SELECT a.attname INTO col FROM pg_catalog.pg_attribute a
	WHERE a.attrelid = d.summary AND a.attnum > 0 AND NOT a.attisdropped
	  AND a.attname::text <> ALL (d.group_by || ARRAY['month', 'summary'])
	ORDER BY a.attnum LIMIT 1;
	IF col IS NOT NULL THEN
		RAISE EXCEPTION 'summary table "%" cannot have column "%" of its own', d.summary, col
			USING ERRCODE = 'invalid_table_definition',
				  DETAIL = 'A summary table has its group columns, month and summary, which the triggers that keep it write.',
				  HINT = 'Keep other data in a table of its own or a view, or drop the summary with trade_stats.drop_summary() and create it again.';
	END IF;
	SELECT a.attname INTO col FROM pg_catalog.pg_attribute a
	WHERE a.attrelid = d.summary AND a.attnum > 0 AND NOT a.attisdropped
	  AND (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '')
	ORDER BY a.attnum LIMIT 1;
	IF col IS NOT NULL THEN
		RAISE EXCEPTION 'summary table "%" cannot have a default, identity or generated value for column "%"', d.summary, col
			USING ERRCODE = 'invalid_table_definition',
				  DETAIL = 'The triggers that keep it write every column of every row.',
				  HINT = 'Drop the summary with trade_stats.drop_summary() and create it again.';
	END IF;
	-- its key (and, from PostgreSQL 18, its NOT NULL constraints) only;
	-- a foreign key of another table's that refers to it neither
	SELECT k.conname INTO col FROM pg_catalog.pg_constraint k
	WHERE (k.conrelid = d.summary OR k.confrelid = d.summary)
	  AND (k.contype IN ('c', 'f', 'x')
		   OR k.contype IN ('p', 'u')
			  AND (SELECT pg_catalog.array_agg(a.attname::text ORDER BY a.attname)
				   FROM pg_catalog.pg_attribute a WHERE a.attrelid = d.summary AND a.attnum = ANY (k.conkey))
				  IS DISTINCT FROM (SELECT pg_catalog.array_agg(x ORDER BY x) FROM pg_catalog.unnest(d.group_by || 'month'::text) x))
	ORDER BY k.conname LIMIT 1;
	IF col IS NOT NULL THEN
		RAISE EXCEPTION 'summary table "%" cannot have constraint "%"', d.summary, col
			USING ERRCODE = 'invalid_table_definition',
				  DETAIL = 'Only its source decides what a summary table holds: a constraint on it would refuse writes to the source, one that refers to it would make its rows impossible to remove.',
				  HINT = 'Drop the constraint, or drop the summary with trade_stats.drop_summary() first.';
	END IF;
	-- and no other unique index: the upserts take every unique index on
	-- the key's columns as an arbiter (one in another collation would merge
	-- groups), and one could take the key's place
	SELECT c.relname INTO col FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class c ON c.oid = x.indexrelid
	WHERE x.indrelid = d.summary AND x.indisunique
	  AND (SELECT pg_catalog.count(*) FROM pg_catalog.pg_index y WHERE y.indrelid = d.summary AND y.indisunique) > 1
	ORDER BY EXISTS (SELECT FROM pg_catalog.pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = d.summary),
			 x.indexrelid DESC
	LIMIT 1;
	IF col IS NOT NULL THEN
		RAISE EXCEPTION 'summary table "%" cannot have unique index "%" besides its key', d.summary, col
			USING ERRCODE = 'invalid_table_definition',
				  DETAIL = 'Every unique index on its columns would decide which rows the triggers'' upserts merge.',
				  HINT = 'Drop the index; indexes that are not unique are allowed.';
	END IF;
	IF tab.relrowsecurity OR tab.relforcerowsecurity
	   OR EXISTS (SELECT FROM pg_catalog.pg_policy p WHERE p.polrelid = d.summary) THEN
		RAISE EXCEPTION 'summary table "%" cannot have row-level security or policies', d.summary
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'The triggers that keep it must see and change every row.',
				  HINT = 'Give readers a view of the rows they may see.';
	END IF;
	IF EXISTS (SELECT FROM pg_catalog.pg_trigger g WHERE g.tgrelid = d.summary AND g.tgname <> 'trade_stats_summary_guard')
	   OR EXISTS (SELECT FROM pg_catalog.pg_rewrite w WHERE w.ev_class = d.summary) THEN
		RAISE EXCEPTION 'summary table "%" cannot have triggers or rules of its own', d.summary
			USING ERRCODE = 'object_in_use',
				  DETAIL = 'They could change what the triggers that keep it write.';
	END IF;
END
$$;

COMMENT ON FUNCTION trade_stats.summary_check(trade_stats.summary_definition, boolean, boolean) IS
	'internal: raise an error if a summary definition does not hold for the catalogs as they are';

-- The statements that apply a change to a summary table: add the summaries
-- of the rows of the FROM item "added" (a transition table, or a table),
-- and remove those of "removed".  The FROM items come from the trigger
-- functions, never from data.  With deltas, the items are the parameters
-- $1 and $2 of the statements: arrays of the summary table's row type
-- (group columns, month, summary), the changes stashed by summary_stash().
--  add_sql: one upsert of the groups touched, locking every row it touches
--    in key order (for a change that only removes rows, an empty summary is
--    added to the groups it removes from, which locks them the same way);
--  remove_sql: subtracts, deletes the rows that become empty, and returns
--    what it could not remove (n, the number of the summary's rows that do
--    not hold what is removed from them; what, the first of them; left, the
--    removals not made, as an array of the summary table's row type);
--  stash_sql: keeps the change for the end of the statement, as arrays of
--    the summary table's row type (summary_stash), and returns whether it
--    could.
-- With distinct_deltas, each array of deltas holds one row per group and
-- month, taken as it is.
CREATE FUNCTION trade_stats.summary_statements(d trade_stats.summary_definition,
											  added text, removed text, deltas boolean DEFAULT false,
											  distinct_deltas boolean DEFAULT false,
											  OUT add_sql text, OUT remove_sql text, OUT stash_sql text,
											  OUT rows_sql text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	n integer := coalesce(cardinality(d.group_by), 0);
	item text;
	inner_keys text := '';
	outer_keys text := '';
	cols text := '';
	positions text := '';
	match text := '';
	match_set text := '';
	key_match text;
	null_keys text := '';
	pair text;
	value_expr text;
	period_expr text;
	value_type regtype := d.column_types[n + 1];
	period_type regtype := d.column_types[n + 2];
	eq regoperator;
	key_not_null boolean;
	delta text;
	delta_args text[];
	row_cols text;
	row_keys text := '';
	i integer;
BEGIN
	-- the FROM items are a transition table, the row of a row trigger, a
	-- relation (with ONLY or not), or the parameters of stashed deltas:
	-- anything else is refused
	IF deltas THEN
		IF added IN ('ts_new', 'ts_old', '(SELECT ($1).*)', 'pg_catalog.unnest($2)')
		   OR removed IN ('ts_new', 'ts_old', '(SELECT ($1).*)', 'pg_catalog.unnest($1)') THEN
			RAISE EXCEPTION 'invalid row source for summary table "%": %', d.summary, concat_ws(', ', added, removed)
				USING ERRCODE = 'invalid_parameter_value';
		END IF;
	END IF;
	FOREACH item IN ARRAY ARRAY[added, removed] LOOP
		CONTINUE WHEN item IS NULL OR item IN ('ts_new', 'ts_old', '(SELECT ($1).*)')
			OR deltas AND item IN ('pg_catalog.unnest($1)', 'pg_catalog.unnest($2)');
		-- a part of a relation's blocks (a build in parts): the relation
		-- is checked as any other
		item := coalesce(pg_catalog.substring(item,
			'^\(SELECT \* FROM (ONLY .*) WHERE ctid OPERATOR\(pg_catalog\.>=\) \$1 AND ctid OPERATOR\(pg_catalog\.<\) \$2\)$'),
			item);
		IF item !~ '^(ONLY )?("([^"]|"")+"|[[:alpha:]_][[:alnum:]_$]*)(\.("([^"]|"")+"|[[:alpha:]_][[:alnum:]_$]*))?$'
		   OR pg_catalog.to_regclass(pg_catalog.regexp_replace(item, '^ONLY ', ''))::text
			  IS DISTINCT FROM pg_catalog.regexp_replace(item, '^ONLY ', '') THEN
			RAISE EXCEPTION 'invalid row source for summary table "%": %', d.summary, item
				USING ERRCODE = 'invalid_parameter_value';
		END IF;
	END LOOP;
	FOR i IN 1 .. n LOOP
		inner_keys := inner_keys || format('r.%I AS "ts$k%s", ', d.group_by[i], i);
		outer_keys := outer_keys || format('"ts$k%s", ', i);
		cols := cols || format('%I, ', d.group_by[i]);
		positions := positions || format('%s, ', i);
		row_keys := row_keys || format('%sx."ts$k%s"', CASE WHEN i > 1 THEN ', ' END, i);
		eq := trade_stats.summary_key_equality(d.column_types[i]);
		SELECT a.attnotnull INTO key_not_null FROM pg_catalog.pg_attribute a
		WHERE a.attrelid = d.summary AND a.attname = d.group_by[i];
		-- match: the keys' equality, which the summary table's index
		-- serves; for the rows of a change with a NULL key, match_set: a
		-- nullable key compares as a one-element array, whose equality takes
		-- NULLs as equal and hashes (an OR would join on the month alone:
		-- quadratic in the groups of a month)
		SELECT format('t.%1$I OPERATOR(%2$I.%3$s) m."ts$k%4$s" AND ', d.group_by[i], n.nspname, o.oprname, i)
		INTO key_match
		FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
		WHERE o.oid = eq;
		match := match || key_match;
		IF key_not_null THEN
			match_set := match_set || key_match;
		ELSE
			match_set := match_set || format('ARRAY[t.%1$I] OPERATOR(pg_catalog.=) ARRAY[m."ts$k%2$s"] AND ',
											 d.group_by[i], i);
			null_keys := null_keys || format(' OR d."ts$k%s" IS NULL', i);
		END IF;
	END LOOP;
	value_expr := CASE
		WHEN value_type IN ('smallint'::regtype, 'integer'::regtype) THEN format('r.%I::pg_catalog.int8', d.value)
		WHEN value_type = 'real'::regtype THEN format('r.%I::pg_catalog.float8', d.value)
		ELSE format('r.%I', d.value) END;
	period_expr := CASE period_type
		WHEN 'date'::regtype THEN format('r.%I', d.period)
		WHEN 'timestamp without time zone'::regtype THEN format('r.%I::pg_catalog.date', d.period)
		ELSE format('trade_stats.summary_local_date(r.%I, %L)', d.period, d.time_zone) END;
	-- per group and period, then per group and month (date_trunc runs once
	-- per group and period, not once per row); internal names are "ts$..."
	-- so that no group column can take their place.  delta is a template of
	-- constant text: format(delta, VARIADIC ARRAY[item] || delta_args) is
	-- the change of the FROM item "item" (names never enter a template,
	-- where a % in them would be taken for a placeholder)
	delta := 'SELECT %2$s pg_catalog.date_trunc(''month'', "ts$p"::pg_catalog.timestamp)::pg_catalog.date AS "ts$m", '
		'@extschema@.rollup("ts$s") AS "ts$s" FROM ('
		'SELECT %3$s %4$s AS "ts$p", @extschema@.growth_summary(%5$s, %4$s) AS "ts$s" '
		'FROM %1$s AS r GROUP BY %6$s %7$s) p WHERE "ts$s" IS NOT NULL GROUP BY %6$s %7$s';
	delta_args := ARRAY[outer_keys, inner_keys, period_expr, value_expr, positions, (n + 1)::text];
	-- a row of the summary table's type per group and month, its columns in
	-- the table's order
	SELECT pg_catalog.string_agg(CASE WHEN a.attname = 'month' THEN 'x."ts$m"'
									  WHEN a.attname = 'summary' THEN 'x."ts$s"'
									  WHEN a.attname = ANY (d.group_by)
									  THEN format('x."ts$k%s"', pg_catalog.array_position(d.group_by, a.attname::text))
									  ELSE 'NULL' END, ', ' ORDER BY a.attnum)
	INTO row_cols
	FROM pg_catalog.pg_attribute a WHERE a.attrelid = d.summary AND a.attnum > 0 AND NOT a.attisdropped;
	IF deltas AND distinct_deltas THEN
		-- the rows of one pass, already one per group and month
		delta := 'SELECT %2$s r.month AS "ts$m", r.summary AS "ts$s" FROM %1$s AS r';
		delta_args := ARRAY[inner_keys];
	ELSIF deltas THEN
		-- the stashed rows of all passes, one per group and month
		delta := 'SELECT %2$s r.month AS "ts$m", @extschema@.rollup(r.summary) AS "ts$s" '
			'FROM %1$s AS r GROUP BY %3$s %4$s';
		delta_args := ARRAY[inner_keys, positions, (n + 1)::text];
	ELSE
		-- the added rows as rows of the summary table (a build in parts
		-- collects them before it fills the table)
		IF added IS NOT NULL THEN
			rows_sql := format('SELECT %s FROM (%s) x', row_cols, format(delta, VARIADIC ARRAY[added] || delta_args));
		END IF;
		stash_sql := format(
			'SELECT trade_stats.summary_stash(%1$s::pg_catalog.oid::pg_catalog.regclass, %2$s, %3$s)',
			d.summary::oid,
			CASE WHEN added IS NULL THEN format('NULL::%s[]', d.summary)
				 ELSE format('(SELECT pg_catalog.array_agg(ROW(%s)::%s) FROM (%s) x)', row_cols, d.summary, format(delta, VARIADIC ARRAY[added] || delta_args)) END,
			CASE WHEN removed IS NULL THEN format('NULL::%s[]', d.summary)
				 ELSE format('(SELECT pg_catalog.array_agg(ROW(%s)::%s) FROM (%s) x)', row_cols, d.summary, format(delta, VARIADIC ARRAY[removed] || delta_args)) END);
	END IF;
	IF added IS NOT NULL AND removed IS NULL AND distinct_deltas THEN
		-- nothing to merge: the rows as they are, in key order
		add_sql := format(
			'INSERT INTO %1$s AS t (%2$s month, summary) '
			'SELECT %3$s "ts$m", "ts$s" FROM (%4$s) u ORDER BY %5$s %6$s '
			'ON CONFLICT (%2$s month) DO UPDATE SET summary = t.summary OPERATOR(@extschema@.+) EXCLUDED.summary',
			d.summary, cols, outer_keys, format(delta, VARIADIC ARRAY[added] || delta_args), positions, n + 1);
	ELSIF added IS NOT NULL OR removed IS NOT NULL THEN
		add_sql := format(
			'INSERT INTO %1$s AS t (%2$s month, summary) '
			'SELECT %3$s "ts$m", @extschema@.rollup("ts$s") FROM (%4$s) u '
			'GROUP BY %5$s %6$s ORDER BY %5$s %6$s '
			'ON CONFLICT (%2$s month) DO UPDATE SET summary = t.summary OPERATOR(@extschema@.+) EXCLUDED.summary',
			d.summary, cols, outer_keys,
			concat_ws(' UNION ALL ',
					  CASE WHEN added IS NOT NULL THEN format(delta, VARIADIC ARRAY[added] || delta_args) END,
					  CASE WHEN removed IS NOT NULL THEN format(
						  'SELECT %1$s "ts$m", "ts$s" OPERATOR(@extschema@.-) "ts$s" AS "ts$s" FROM (%2$s) r',
						  outer_keys, format(delta, VARIADIC ARRAY[removed] || delta_args)) END),
			positions, n + 1);
	END IF;
	IF removed IS NOT NULL THEN
		-- a row that does not hold what is removed from it is left as it is
		-- (the caller defers that removal, or raises the error); with
		-- nullable keys, the rows of the change without a NULL key are
		-- matched through the index ("ts$null" false), the others apart
		-- (gone_set, kept_set)
		-- (a template of constant text: the names go in as its arguments)
		pair := 'gone%2$s AS (DELETE FROM %1$s t USING m WHERE %3$s AND %4$s t.month OPERATOR(pg_catalog.=) m."ts$m" '
			'AND t.summary OPERATOR(@extschema@.=) m."ts$s" RETURNING m."ts$n"), '
			'kept%2$s AS (UPDATE %1$s t SET summary = t.summary OPERATOR(@extschema@.-) m."ts$s" FROM m '
			'WHERE %3$s AND %4$s t.month OPERATOR(pg_catalog.=) m."ts$m" AND t.summary OPERATOR(@extschema@.<>) m."ts$s" '
			'AND trade_stats.summary_holds(t.summary, m."ts$s") RETURNING m."ts$n") ';
		remove_sql := format(
			'WITH m AS MATERIALIZED (SELECT pg_catalog.row_number() OVER () AS "ts$n", (false%3$s) AS "ts$null", d.* FROM (%2$s) d), '
			'%6$s'
			'SELECT pg_catalog.count(*) AS n, '
			'pg_catalog.min(pg_catalog.format(''group %%s, month %%s'', ROW(%4$s)::text, x."ts$m")) AS what, '
			'pg_catalog.array_agg(ROW(%5$s)::%1$s) AS "left" '
			'FROM m x WHERE NOT EXISTS (SELECT FROM (SELECT "ts$n" FROM gone UNION ALL SELECT "ts$n" FROM kept%7$s) y '
			'WHERE y."ts$n" OPERATOR(pg_catalog.=) x."ts$n")',
			d.summary, format(delta, VARIADIC ARRAY[removed] || delta_args), null_keys, row_keys, row_cols,
			concat_ws(', ', format(pair, d.summary, '', 'NOT m."ts$null"', match),
					  CASE WHEN null_keys <> '' THEN format(pair, d.summary, '_set', 'm."ts$null"', match_set) END),
			CASE WHEN null_keys <> '' THEN ' UNION ALL SELECT "ts$n" FROM gone_set UNION ALL SELECT "ts$n" FROM kept_set' END);
	END IF;
END
$$;

COMMENT ON FUNCTION trade_stats.summary_statements(trade_stats.summary_definition, text, text, boolean, boolean) IS
	'internal: the statements that add rows to a summary table and remove rows from it';

-- After a removal: rows of the summary that did not hold what was removed
-- from them (the summary table was changed by other means, or a nested
-- statement removed rows its enclosing statement added where the removal
-- could not wait for that statement's end) are an error.
CREATE FUNCTION trade_stats.summary_removed(d trade_stats.summary_definition, n bigint, what text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF n <> 0 THEN
		RAISE EXCEPTION 'summary table "%" does not hold the rows removed from % of its rows', d.summary, n
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('Its row of %s does not hold them.', what),
				  HINT = format('If it was changed other than by its triggers, rebuild it with trade_stats.refresh_summary(%L).',
								d.summary::text);
	END IF;
END
$$;

COMMENT ON FUNCTION trade_stats.summary_removed(trade_stats.summary_definition, bigint, text) IS
	'internal: raise the error of a removal that some summary rows do not hold';

-- Whether a summary row holds what a removal subtracts from it.
CREATE FUNCTION trade_stats.summary_holds(@extschema@.growth_state, @extschema@.growth_state)
RETURNS boolean
AS 'MODULE_PATHNAME', 'growth_state_holds'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION trade_stats.summary_holds(@extschema@.growth_state, @extschema@.growth_state) IS
	'internal: whether the second growth_state can be subtracted from the first';

-- Whether a change of a summary made now waits for the end of the
-- statement (src/summary_stash.c), rather than being applied at once.
CREATE FUNCTION trade_stats.summary_stashing()
RETURNS boolean
AS 'MODULE_PATHNAME', 'ts_summary_stashing'
LANGUAGE C VOLATILE PARALLEL UNSAFE;

COMMENT ON FUNCTION trade_stats.summary_stashing() IS
	'internal: whether summary changes made now are applied at the end of the statement';

-- Keep a change of a summary table for the end of the statement, merged
-- with the changes of the statement's other trigger passes: arrays of the
-- summary table's row type, the summaries to add and to remove.  False
-- when the change must be applied at once.
CREATE FUNCTION trade_stats.summary_stash(summary regclass, added anyarray, removed anyarray)
RETURNS boolean
AS 'MODULE_PATHNAME', 'ts_summary_stash'
LANGUAGE C VOLATILE PARALLEL UNSAFE;

COMMENT ON FUNCTION trade_stats.summary_stash(regclass, anyarray, anyarray) IS
	'internal: keep a change of a summary table for the end of the statement';

-- Apply a change to every summary of a source (the trigger functions and
-- refresh_summary() call it; the FROM items are theirs).  Summaries are
-- changed in OID order, so that writers lock them in one order.
CREATE FUNCTION trade_stats.summary_apply(source regclass, added text, removed text, rowval record DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET trade_stats_summary.maintenance = on
AS $$
DECLARE
	d trade_stats.summary_definition;
	st record;
	r record;
BEGIN
	FOR d IN SELECT * FROM trade_stats.summary_definition s WHERE s.source = summary_apply.source
			 AND EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = s.summary) ORDER BY s.summary::oid LOOP
		st := trade_stats.summary_statements(d, added, removed);
		EXECUTE st.add_sql USING rowval;
		IF removed IS NOT NULL THEN
			EXECUTE st.remove_sql INTO r USING rowval;
			PERFORM trade_stats.summary_removed(d, r.n, r.what);
		END IF;
	END LOOP;
END
$$;

COMMENT ON FUNCTION trade_stats.summary_apply(regclass, text, text, record) IS
	'internal: add and remove the summaries of rows in every summary table of a source';

-- The source of the summaries kept for changes to a relation: the root of
-- its partition tree, or itself.
CREATE FUNCTION trade_stats.summary_source_of(rel regclass)
RETURNS regclass
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$ SELECT coalesce(pg_catalog.pg_partition_root(rel), rel) $$;

COMMENT ON FUNCTION trade_stats.summary_source_of(regclass) IS
	'internal: the partition root of a relation, or the relation';

-- The statement triggers' change in SQL: the transition tables are visible
-- only in a trigger, so the change is applied from here (summary_apply
-- cannot see them).  summary_statement() hands its trigger call here when it
-- cannot stash the change itself.
CREATE FUNCTION trade_stats.summary_statement_sql()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET trade_stats_summary.maintenance = on
AS $$
DECLARE
	d trade_stats.summary_definition;
	st record;
	r record;
	stashing boolean;
	stashed boolean;
BEGIN
	-- in replica mode the row trigger applies the change (a statement
	-- trigger fires there only if someone enabled it for that mode)
	IF pg_catalog.current_setting('session_replication_role') = 'replica' THEN
		RETURN NULL;
	END IF;
	-- a statement can fire these triggers several times (a writable CTE,
	-- MERGE, ON CONFLICT DO UPDATE, one pass per partition): the change
	-- of each pass is kept for the end of the statement, which applies
	-- them all in one pass that locks the summary rows in key order
	stashing := trade_stats.summary_stashing();
	FOR d IN SELECT * FROM trade_stats.summary_definition s
			 WHERE s.source = trade_stats.summary_source_of(TG_RELID)
			   AND EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = s.summary) ORDER BY s.summary::oid LOOP
		st := trade_stats.summary_statements(d,
			CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN 'ts_new' END,
			CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN 'ts_old' END);
		IF stashing THEN
			EXECUTE st.stash_sql INTO stashed;
			CONTINUE WHEN stashed;
		END IF;
		EXECUTE st.add_sql;
		IF TG_OP IN ('UPDATE', 'DELETE') THEN
			EXECUTE st.remove_sql INTO r;
			PERFORM trade_stats.summary_removed(d, r.n, r.what);
		END IF;
	END LOOP;
	RETURN NULL;
END
$$;

COMMENT ON FUNCTION trade_stats.summary_statement_sql() IS
	'internal: the change of summary_statement() in SQL, where it cannot stash the change itself';

-- The statement triggers: the summaries of the rows of the transition
-- tables, computed in one pass over them, stashed for the end of the
-- statement (src/summary_stash.c), or applied at once where the statement's
-- end cannot take it; in replica mode, or for a group key without a hash
-- function, summary_statement_sql() does the work.
CREATE FUNCTION trade_stats.summary_statement()
RETURNS trigger
AS 'MODULE_PATHNAME', 'ts_summary_statement'
LANGUAGE C;

COMMENT ON FUNCTION trade_stats.summary_statement() IS
	'trigger function: keeps the summary tables of a source exact after INSERT, UPDATE, DELETE, COPY and MERGE';

-- BEFORE each statement on a relation of a source: loads the library, so
-- that the end of the statement is hooked before its first AFTER trigger
-- fires (src/summary_stash.c).
CREATE FUNCTION trade_stats.summary_begin()
RETURNS trigger
AS 'MODULE_PATHNAME', 'ts_summary_begin'
LANGUAGE C;

COMMENT ON FUNCTION trade_stats.summary_begin() IS
	'trigger function: makes the end of a statement on a summary source apply its summary changes in one pass';

-- In replica mode (logical replication's apply worker) only row triggers
-- fire: this one, enabled for replica mode only, applies each row.
CREATE FUNCTION trade_stats.summary_row()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	src regclass := trade_stats.summary_source_of(TG_RELID);
BEGIN
	-- outside replica mode the statement triggers apply the change (this
	-- one fires there only if ENABLE TRIGGER ALL left it enabled for
	-- origin mode)
	IF pg_catalog.current_setting('session_replication_role') <> 'replica' THEN
		RETURN NULL;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		PERFORM trade_stats.summary_apply(src, '(SELECT ($1).*)', NULL, NEW);
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		PERFORM trade_stats.summary_apply(src, NULL, '(SELECT ($1).*)', OLD);
	END IF;
	RETURN NULL;
END
$$;

COMMENT ON FUNCTION trade_stats.summary_row() IS
	'trigger function: keeps the summary tables of a source exact in replica mode, row by row';

-- ATTACH, DETACH and TRUNCATE of a partition read its rows with the
-- statement's snapshot, which is taken after their lock only under READ
-- COMMITTED: under REPEATABLE READ or SERIALIZABLE a write committed in
-- between would be missed, so they are refused there.  op: 'attach',
-- 'detach' or 'truncate'.
CREATE FUNCTION trade_stats.summary_require_read_committed(op text, rel regclass, source regclass)
RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	level text := pg_catalog.upper(pg_catalog.current_setting('transaction_isolation'));
BEGIN
	IF level = 'READ COMMITTED' THEN
		RETURN;
	ELSIF op = 'attach' THEN
		RAISE EXCEPTION 'cannot attach partition "%" under % isolation', rel, level
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = format('Its rows join the summary tables of %s as the transaction''s snapshot sees them, which is older than the lock that keeps writers out: a write committed in between would be missed.', source),
				  HINT = 'Run it under READ COMMITTED.';
	ELSIF op = 'detach' THEN
		RAISE EXCEPTION 'cannot detach partition "%" under % isolation', rel, level
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = format('Its rows leave the summary tables of %s as the transaction''s snapshot sees them, which is older than the lock that keeps writers out: a write committed in between would stay in them.', source),
				  HINT = 'Run it under READ COMMITTED.';
	ELSE
		RAISE EXCEPTION 'cannot truncate partition "%" under % isolation', rel, level
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = format('Its rows leave the summary tables of %s as the transaction''s snapshot sees them, which is older than the lock that keeps writers out: a write committed in between would stay in them.', source),
				  HINT = 'Run it under READ COMMITTED.';
	END IF;
END
$$;

COMMENT ON FUNCTION trade_stats.summary_require_read_committed(text, regclass, regclass) IS
	'internal: refuse ATTACH, DETACH or TRUNCATE of a partition of a summary source outside READ COMMITTED';

-- BEFORE TRUNCATE of a relation of the tree: a plain source empties its
-- summaries; a partition's rows are removed from them (TRUNCATE of a
-- partitioned table fires this on each of its partitions).
CREATE FUNCTION trade_stats.summary_truncate()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET trade_stats_summary.maintenance = on
AS $$
DECLARE
	d trade_stats.summary_definition;
BEGIN
	IF (SELECT relkind FROM pg_catalog.pg_class WHERE oid = TG_RELID) = 'p' THEN
		RETURN NULL;
	ELSIF trade_stats.summary_source_of(TG_RELID) = TG_RELID THEN
		FOR d IN SELECT * FROM trade_stats.summary_definition s WHERE s.source = TG_RELID
				 AND EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = s.summary) ORDER BY s.summary::oid LOOP
			EXECUTE format('TRUNCATE %s', d.summary);
		END LOOP;
	ELSE
		PERFORM trade_stats.summary_require_read_committed('truncate', TG_RELID, trade_stats.summary_source_of(TG_RELID));
		PERFORM trade_stats.summary_apply(trade_stats.summary_source_of(TG_RELID), NULL,
										  format('ONLY %s', TG_RELID::regclass));
	END IF;
	RETURN NULL;
END
$$;

COMMENT ON FUNCTION trade_stats.summary_truncate() IS
	'trigger function: keeps the summary tables of a source exact under TRUNCATE';

-- The summary table itself refuses writes that do not come from the
-- triggers or refresh_summary(), while it is defined: it is derived data,
-- like a materialized view.
CREATE FUNCTION trade_stats.summary_guard()
RETURNS trigger
AS 'MODULE_PATHNAME', 'ts_summary_guard'
LANGUAGE C;

COMMENT ON FUNCTION trade_stats.summary_guard() IS
	'trigger function: refuses direct writes to a summary table kept by create_summary()';

-- The triggers of the relations of a source, and of a summary table.  The
-- names are fixed: one set per relation serves all its summaries.
CREATE FUNCTION trade_stats.summary_install_triggers(rel regclass)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET trade_stats_summary.maintenance = on
AS $$
DECLARE
	spec text[];
	kind "char" := (SELECT relkind FROM pg_catalog.pg_class WHERE oid = rel);
BEGIN
	FOREACH spec SLICE 1 IN ARRAY ARRAY[
		ARRAY['trade_stats_summary_begin', 'BEFORE INSERT OR UPDATE OR DELETE', 'FOR EACH STATEMENT', 'summary_begin', ''],
		ARRAY['trade_stats_summary_insert', 'AFTER INSERT', 'REFERENCING NEW TABLE AS ts_new FOR EACH STATEMENT', 'summary_statement', ''],
		ARRAY['trade_stats_summary_update', 'AFTER UPDATE', 'REFERENCING OLD TABLE AS ts_old NEW TABLE AS ts_new FOR EACH STATEMENT', 'summary_statement', ''],
		ARRAY['trade_stats_summary_delete', 'AFTER DELETE', 'REFERENCING OLD TABLE AS ts_old FOR EACH STATEMENT', 'summary_statement', ''],
		ARRAY['trade_stats_summary_truncate', 'BEFORE TRUNCATE', 'FOR EACH STATEMENT', 'summary_truncate', 'ALWAYS'],
		ARRAY['trade_stats_summary_replica', 'AFTER INSERT OR UPDATE OR DELETE', 'FOR EACH ROW', 'summary_row', 'REPLICA']]
	LOOP
		CONTINUE WHEN spec[4] = 'summary_row' AND kind = 'p';
		IF EXISTS (SELECT FROM pg_catalog.pg_trigger WHERE tgrelid = rel AND tgname = spec[1]) THEN
			CONTINUE WHEN (SELECT tgfoid FROM pg_catalog.pg_trigger WHERE tgrelid = rel AND tgname = spec[1])
						  = format('trade_stats.%s()', spec[4])::regprocedure;
			RAISE EXCEPTION 'trigger "%" for relation "%" already exists', spec[1], rel
				USING ERRCODE = 'duplicate_object',
					  HINT = 'trade_stats keeps summaries with triggers of that name: rename yours.';
		END IF;
		EXECUTE format('CREATE TRIGGER %I %s ON %s %s EXECUTE FUNCTION trade_stats.%I()',
					   spec[1], spec[2], rel, spec[3], spec[4]);
		IF spec[5] <> '' THEN
			EXECUTE format('ALTER TABLE %s ENABLE %s TRIGGER %I', rel, spec[5], spec[1]);
		END IF;
	END LOOP;
END
$$;

COMMENT ON FUNCTION trade_stats.summary_install_triggers(regclass) IS
	'internal: create the triggers that keep the summaries of a relation''s tree';

CREATE FUNCTION trade_stats.summary_install_guard(summary regclass)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET trade_stats_summary.maintenance = on
AS $$
BEGIN
	EXECUTE pg_catalog.format('CREATE TRIGGER trade_stats_summary_guard BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE '
							  'ON %s FOR EACH STATEMENT EXECUTE FUNCTION trade_stats.summary_guard()', summary);
	EXECUTE pg_catalog.format('ALTER TABLE %s ENABLE ALWAYS TRIGGER trade_stats_summary_guard', summary);
END
$$;

COMMENT ON FUNCTION trade_stats.summary_install_guard(regclass) IS
	'internal: create the trigger that refuses direct writes to a summary table';

CREATE FUNCTION trade_stats.summary_remove_triggers(rel regclass)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET trade_stats_summary.maintenance = on
AS $$
DECLARE
	t name;
BEGIN
	FOR t IN SELECT tgname FROM pg_catalog.pg_trigger
			 WHERE tgrelid = rel AND tgname LIKE 'trade\_stats\_summary\_%'
			   AND tgfoid IN ('trade_stats.summary_statement()'::regprocedure, 'trade_stats.summary_truncate()'::regprocedure,
							  'trade_stats.summary_row()'::regprocedure, 'trade_stats.summary_begin()'::regprocedure) LOOP
		EXECUTE format('DROP TRIGGER %I ON %s', t, rel);
	END LOOP;
END
$$;

COMMENT ON FUNCTION trade_stats.summary_remove_triggers(regclass) IS
	'internal: drop the triggers that keep the summaries of a relation''s tree';

-- Rebuild a summary table from its source.  The source is locked against
-- writers first, and the rows are read after the lock is granted: under
-- REPEATABLE READ or SERIALIZABLE the snapshot would be older than the lock
-- (a write committed in between would be lost), so they are refused.
CREATE FUNCTION trade_stats.summary_rebuild(d trade_stats.summary_definition)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET trade_stats_summary.maintenance = on
AS $$
DECLARE
	bs bigint := pg_catalog.current_setting('block_size')::bigint;
	every interval := coalesce(pg_catalog.current_setting('trade_stats.progress_interval', true), '10s');
	leaves regclass[];
	sizes bigint[];
	total bigint;
	step bigint;
	lo bigint;
	hi bigint;
	done bigint := 0;
	parts bigint;
	staging text;
	item text;
	st record;
	rows bigint;
	last timestamptz := pg_catalog.clock_timestamp();
	reported boolean := false;
BEGIN
	IF pg_catalog.current_setting('transaction_isolation') <> 'read committed' THEN
		RAISE EXCEPTION 'cannot build summary table "%" under % isolation', d.summary,
			pg_catalog.upper(pg_catalog.current_setting('transaction_isolation'))
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'The transaction''s snapshot is older than the lock that keeps writers of the source out, so a write committed in between would be missed.',
				  HINT = 'Run it under READ COMMITTED.';
	END IF;
	EXECUTE format('LOCK TABLE %s IN SHARE MODE', d.source);
	EXECUTE format('TRUNCATE %s', d.summary);
	-- the source's tables (its leaf partitions, or itself) in parts of at
	-- least 1,024 blocks and at most a twentieth of the whole, so that a
	-- long build can say how far it is
	SELECT pg_catalog.array_agg(p.relid ORDER BY p.relid::oid),
		   pg_catalog.array_agg(pg_catalog.pg_relation_size(p.relid) / bs ORDER BY p.relid::oid)
	INTO leaves, sizes
	FROM trade_stats.summary_members(d.source) AS p(relid)
	WHERE pg_catalog.pg_relation_size(p.relid) > 0;
	SELECT coalesce(pg_catalog.sum(x), 0) INTO total FROM pg_catalog.unnest(sizes) x;
	step := greatest(1024, (total + 19) / 20);
	parts := (SELECT pg_catalog.sum((x + step - 1) / step) FROM pg_catalog.unnest(sizes) x);
	IF parts > 1 AND pg_catalog.has_database_privilege(pg_catalog.current_database(), 'TEMPORARY') THEN
		-- the parts' rows are collected apart and fill the summary in one
		-- pass at the end, so that a group in several parts is not
		-- written (and its row left dead) once per part (without the
		-- right to make a temporary table, each part is added in turn)
		staging := format('pg_temp.%I', 'trade_stats_build_' || d.summary::oid);
		IF pg_catalog.to_regclass(staging) IS NOT NULL THEN
			EXECUTE format('DROP TABLE %s', staging);
		END IF;
		EXECUTE format('CREATE TEMPORARY TABLE %s (LIKE %s) ON COMMIT DROP', staging, d.summary);
		staging := pg_catalog.to_regclass(staging)::text;
	END IF;
	FOR i IN 1 .. coalesce(cardinality(leaves), 0) LOOP
		lo := 0;
		WHILE lo < sizes[i] LOOP
			hi := least(lo + step, sizes[i]);
			-- a whole table, or a range of its blocks (the table cannot
			-- grow: writers wait for the lock)
			item := CASE WHEN lo = 0 AND hi = sizes[i] THEN 'ONLY ' || leaves[i]::text
						 ELSE format('(SELECT * FROM ONLY %s WHERE ctid OPERATOR(pg_catalog.>=) $1 AND ctid OPERATOR(pg_catalog.<) $2)',
									 leaves[i]::text) END;
			st := trade_stats.summary_statements(d, item, NULL);
			EXECUTE CASE WHEN staging IS NULL THEN st.add_sql
						 ELSE format('INSERT INTO %s ', staging) || st.rows_sql END
				USING format('(%s,0)', lo)::pg_catalog.tid, format('(%s,0)', hi)::pg_catalog.tid;
			done := done + (hi - lo);
			lo := hi;
			IF every >= interval '0' AND pg_catalog.clock_timestamp() - last >= every THEN
				RAISE NOTICE 'building summary table "%": % of the source read (% of % blocks)',
					d.summary, (100 * done / total) || '%', done, total;
				reported := true;
				last := pg_catalog.clock_timestamp();
			END IF;
		END LOOP;
	END LOOP;
	IF staging IS NOT NULL THEN
		EXECUTE (trade_stats.summary_statements(d, staging, NULL, true)).add_sql;
		EXECUTE format('DROP TABLE %s', staging);
	END IF;
	IF reported THEN
		EXECUTE format('SELECT pg_catalog.count(*) FROM %s', d.summary) INTO rows;
		RAISE NOTICE 'built summary table "%": % rows', d.summary, rows;
	END IF;
END
$$;

COMMENT ON FUNCTION trade_stats.summary_rebuild(trade_stats.summary_definition) IS
	'internal: fill a summary table from its source, part by part, reporting its progress';

-- Writes to summary_definition: a new definition is checked and its table
-- filled (a data-only restore writes definitions this way too); a
-- definition is never changed, and deleted only by drop_summary() and when
-- its table is dropped.
CREATE FUNCTION trade_stats.summary_definition_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_OP = 'UPDATE' THEN
		RAISE EXCEPTION 'cannot change the definition of summary table "%"', OLD.summary
			USING ERRCODE = 'feature_not_supported',
				  HINT = 'Drop the summary with trade_stats.drop_summary() and create it again.';
	ELSIF TG_OP = 'DELETE' THEN
		IF pg_catalog.current_setting('trade_stats_summary.maintenance', true) IS DISTINCT FROM 'on' THEN
			RAISE EXCEPTION 'cannot delete the definition of summary table "%"', OLD.summary
				USING ERRCODE = 'feature_not_supported',
					  HINT = 'Drop the summary with trade_stats.drop_summary().';
		END IF;
		RETURN OLD;
	END IF;
	-- (a whole-database restore writes definitions before the summary
	-- table's key; the DDL that adds it is checked)
	PERFORM trade_stats.summary_check(NEW, true, false);
	RETURN NEW;
END
$$;

COMMENT ON FUNCTION trade_stats.summary_definition_check() IS
	'trigger function: checks writes to summary_definition';

CREATE TRIGGER summary_definition_check
	BEFORE INSERT OR UPDATE OR DELETE ON trade_stats.summary_definition
	FOR EACH ROW EXECUTE FUNCTION trade_stats.summary_definition_check();
ALTER TABLE trade_stats.summary_definition ENABLE ALWAYS TRIGGER summary_definition_check;

CREATE FUNCTION trade_stats.summary_definition_fill()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	-- in a whole-database restore the definitions come with the data,
	-- before the summary table has its key (and the source its triggers):
	-- the summary's own rows are restored then, and there is nothing to do
	IF EXISTS (SELECT FROM pg_catalog.pg_index WHERE indrelid = NEW.summary AND indisunique) THEN
		PERFORM trade_stats.summary_rebuild(NEW);
	END IF;
	RETURN NULL;
END
$$;

COMMENT ON FUNCTION trade_stats.summary_definition_fill() IS
	'trigger function: fills the summary table of a new definition from its source';

CREATE TRIGGER summary_definition_fill
	AFTER INSERT ON trade_stats.summary_definition
	FOR EACH ROW EXECUTE FUNCTION trade_stats.summary_definition_fill();
ALTER TABLE trade_stats.summary_definition ENABLE ALWAYS TRIGGER summary_definition_fill;

-- create_summary(summary, source, group_by, value, period): a summary table
-- of source, one row per group and month, kept exact by triggers.  This
-- wrapper has no SET search_path, because an unqualified summary name goes
-- into the caller's current schema; it calls nothing but qualified
-- functions.
CREATE FUNCTION trade_stats.create_summary(summary text, source regclass,
										   group_by text[], value text, period text)
RETURNS regclass
LANGUAGE sql
AS $$
	SELECT trade_stats.summary_create(pg_catalog.current_schema(), summary, source, group_by, value, period)
$$;

COMMENT ON FUNCTION trade_stats.create_summary(text, regclass, text[], text, text) IS
	'create a summary table of source per group_by and month, filled and kept exact by triggers';

CREATE FUNCTION trade_stats.summary_create(caller_schema name, summary text, source regclass,
										   group_by text[], value text, period text)
RETURNS regclass
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET trade_stats_summary.maintenance = on
AS $$
DECLARE
	name text[] := pg_catalog.parse_ident(summary);
	qualified text;
	cols text := '';
	keys text := '';
	nullable boolean := false;
	types regtype[] := '{}';
	a pg_catalog.pg_attribute;
	k text;
	d trade_stats.summary_definition;
	result regclass;
	m regclass;
BEGIN
	IF pg_catalog.cardinality(name) = 1 THEN
		IF caller_schema IS NULL THEN
			RAISE EXCEPTION 'no schema has been selected to create in'
				USING ERRCODE = 'invalid_schema_name';
		END IF;
		name := ARRAY[caller_schema::text, name[1]];
	ELSIF pg_catalog.cardinality(name) <> 2 THEN
		RAISE EXCEPTION 'invalid summary table name "%"', summary
			USING ERRCODE = 'invalid_name';
	END IF;
	qualified := pg_catalog.format('%I.%I', name[1], name[2]);
	IF (SELECT relkind FROM pg_catalog.pg_class WHERE oid = source) NOT IN ('r', 'p') THEN
		RAISE EXCEPTION '"%" is not a table', source
			USING ERRCODE = 'wrong_object_type';
	END IF;
	IF group_by IS NULL OR value IS NULL OR period IS NULL THEN
		RAISE EXCEPTION 'group_by, value and period must not be NULL'
			USING ERRCODE = 'null_value_not_allowed',
				  HINT = 'For one series without groups, give group_by as ''{}''.';
	END IF;
	-- no writes to the source between the fill and the triggers (the fill
	-- refuses snapshot isolation)
	EXECUTE pg_catalog.format('LOCK TABLE %s IN SHARE MODE', source);

	FOREACH k IN ARRAY group_by || value || period LOOP
		SELECT * INTO a FROM pg_catalog.pg_attribute
		WHERE attrelid = source AND attname = k AND attnum > 0 AND NOT attisdropped;
		IF a.attname IS NULL THEN
			RAISE EXCEPTION 'column "%" of relation "%" does not exist', k, source
				USING ERRCODE = 'undefined_column';
		END IF;
		types := types || a.atttypid::regtype;
	END LOOP;
	IF (SELECT pg_catalog.count(DISTINCT x) FROM pg_catalog.unnest(group_by || value || period) x)
	   <> pg_catalog.cardinality(group_by) + 2 THEN
		RAISE EXCEPTION 'group_by, value and period must name different columns'
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	FOREACH k IN ARRAY group_by LOOP
		IF k IN ('month', 'summary') THEN
			RAISE EXCEPTION 'group_by column "%" has the name of a column that the summary table adds', k
				USING ERRCODE = 'duplicate_column',
					  HINT = 'Rename the column of the source, or summarise a table whose column has another name.';
		END IF;
		SELECT * INTO a FROM pg_catalog.pg_attribute WHERE attrelid = source AND attname = k;
		PERFORM trade_stats.summary_key_equality(a.atttypid::regtype);
		cols := cols || pg_catalog.format('%I %s', k, pg_catalog.format_type(a.atttypid, a.atttypmod))
				|| CASE WHEN a.attcollation <> 0 THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END
				|| CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END || ', ';
		keys := keys || pg_catalog.format('%I, ', k);
		nullable := nullable OR NOT a.attnotnull;
	END LOOP;
	IF types[pg_catalog.cardinality(types) - 1] NOT IN ('@extschema@.currency_amount'::regtype, 'numeric'::regtype,
			'bigint'::regtype, 'double precision'::regtype, 'integer'::regtype, 'smallint'::regtype, 'real'::regtype) THEN
		RAISE EXCEPTION 'column "%" has type %, which growth_summary does not take', value, types[pg_catalog.cardinality(types) - 1]
			USING ERRCODE = 'datatype_mismatch',
				  HINT = 'The value must be currency_amount, numeric, bigint or double precision.';
	END IF;
	IF types[pg_catalog.cardinality(types)] NOT IN ('date'::regtype, 'timestamp without time zone'::regtype,
			'timestamp with time zone'::regtype) THEN
		RAISE EXCEPTION 'column "%" has type %, not date', period, types[pg_catalog.cardinality(types)]
			USING ERRCODE = 'datatype_mismatch';
	END IF;

	EXECUTE pg_catalog.format(
		'CREATE TABLE %s (%s month date NOT NULL, summary @extschema@.growth_state NOT NULL, %s (%s month))',
		qualified, cols, CASE WHEN nullable THEN 'UNIQUE NULLS NOT DISTINCT' ELSE 'PRIMARY KEY' END, keys);
	result := qualified::regclass;
	-- a timestamptz period is cut into months in the zone of this session,
	-- kept with the definition: a row's month never depends on the writer's
	INSERT INTO trade_stats.summary_definition
	VALUES (result, source, group_by, value, period, types,
			CASE WHEN types[pg_catalog.cardinality(types)] = 'timestamp with time zone'::regtype
				 THEN pg_catalog.current_setting('TimeZone') END)
	RETURNING * INTO d;
	FOR m IN SELECT trade_stats.summary_members(source) LOOP
		PERFORM trade_stats.summary_install_triggers(m);
	END LOOP;
	PERFORM trade_stats.summary_install_guard(result);
	RETURN result;
END
$$;

COMMENT ON FUNCTION trade_stats.summary_create(name, text, regclass, text[], text, text) IS
	'internal: create_summary() with the schema for an unqualified name';

-- refresh_summary(summary): rebuild a summary table from its source.
CREATE FUNCTION trade_stats.refresh_summary(summary regclass)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	d trade_stats.summary_definition;
BEGIN
	SELECT * INTO d FROM trade_stats.summary_definition s WHERE s.summary = refresh_summary.summary;
	IF NOT FOUND THEN
		RAISE EXCEPTION '"%" is not a summary table made by create_summary()', summary
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	PERFORM trade_stats.summary_check(d);
	PERFORM trade_stats.summary_rebuild(d);
END
$$;

COMMENT ON FUNCTION trade_stats.refresh_summary(regclass) IS
	'rebuild a summary table made by create_summary() from its source';

-- drop_summary(summary): drop a summary table and its triggers.
CREATE FUNCTION trade_stats.drop_summary(summary regclass)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET trade_stats_summary.maintenance = on
AS $$
DECLARE
	d trade_stats.summary_definition;
	m regclass;
BEGIN
	SELECT * INTO d FROM trade_stats.summary_definition s WHERE s.summary = drop_summary.summary;
	IF NOT FOUND THEN
		RAISE EXCEPTION '"%" is not a summary table made by create_summary()', summary
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_class WHERE oid = d.summary) THEN
		-- its table was dropped where no event trigger fired (replica
		-- mode): the definition refers to nothing
		DELETE FROM trade_stats.summary_definition s WHERE s.summary = drop_summary.summary;
		RETURN;
	END IF;
	IF NOT pg_catalog.pg_has_role((SELECT relowner FROM pg_catalog.pg_class WHERE oid = d.summary), 'USAGE') THEN
		RAISE EXCEPTION 'must be owner of table %', d.summary
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	DELETE FROM trade_stats.summary_definition s WHERE s.summary = drop_summary.summary;
	IF NOT EXISTS (SELECT FROM trade_stats.summary_definition s WHERE s.source = d.source) THEN
		FOR m IN SELECT trade_stats.summary_members(d.source) LOOP
			PERFORM trade_stats.summary_remove_triggers(m);
		END LOOP;
	END IF;
	EXECUTE format('DROP TABLE %s', d.summary);
END
$$;

COMMENT ON FUNCTION trade_stats.drop_summary(regclass) IS
	'drop a summary table made by create_summary() and the triggers that keep it';

-- ---------------------------------------------------------------------------
-- DDL on the tables of a summary
-- ---------------------------------------------------------------------------

-- Before ALTER TABLE and CREATE TABLE (the event trigger's function is in
-- C: only the statement's parse tree tells which partition a DETACH
-- PARTITION ... CONCURRENTLY or FINALIZE names, and it calls
-- summary_ddl_prepare).
CREATE FUNCTION trade_stats.summary_ddl_start()
RETURNS event_trigger
AS 'MODULE_PATHNAME', 'ts_summary_ddl_start'
LANGUAGE C;

COMMENT ON FUNCTION trade_stats.summary_ddl_start() IS
	'event trigger function: prepares the summaries of a source for DDL on its tables';

-- Before ALTER TABLE and CREATE TABLE: for a DETACH PARTITION ...
-- CONCURRENTLY (or FINALIZE) of "partition" from "parent", both given, the
-- partition's rows leave the summaries now, in the command's first
-- transaction: it commits the partition pending detach, out of the
-- parent's scans, and the second transaction, whose end would remove them,
-- may be cancelled.  Then which relations each summary's tree has, to
-- tell after the command which were attached or detached.
CREATE FUNCTION trade_stats.summary_ddl_prepare(parent regclass, partition regclass)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
-- (queries of the catalogs, which JIT compilation made take a second)
SET jit = off
AS $$
DECLARE
	root regclass;
	rel regclass;
BEGIN
	IF pg_catalog.current_setting('trade_stats_summary.maintenance', true) = 'on'
	   OR pg_catalog.to_regclass('trade_stats.summary_definition') IS NULL THEN
		RETURN;
	END IF;
	-- a member has its rows in the summaries while it has the triggers;
	-- they are dropped first, and DROP TRIGGER's lock keeps the
	-- partition's writers out until this transaction ends
	IF partition IS NOT NULL
	   AND EXISTS (SELECT FROM pg_catalog.pg_inherits i WHERE i.inhrelid = partition AND i.inhparent = parent)
	   AND EXISTS (SELECT FROM pg_catalog.pg_trigger g WHERE g.tgrelid = partition AND g.tgname = 'trade_stats_summary_insert'
				   AND g.tgfoid = 'trade_stats.summary_statement()'::regprocedure) THEN
		root := trade_stats.summary_source_of(parent);
		PERFORM trade_stats.summary_require_read_committed('detach', partition, root);
		FOR rel IN WITH RECURSIVE tree(r) AS (
					   SELECT partition
					   UNION
					   SELECT i.inhrelid::regclass FROM tree
					   JOIN pg_catalog.pg_inherits i ON i.inhparent OPERATOR(pg_catalog.=) tree.r::oid)
				   SELECT r FROM tree LOOP
			PERFORM trade_stats.summary_remove_triggers(rel);
		END LOOP;
		PERFORM trade_stats.summary_apply(root, NULL, partition::text);
	END IF;
	-- kept for the session, not the transaction: DETACH PARTITION
	-- CONCURRENTLY ends in another transaction than it starts in
	PERFORM pg_catalog.set_config('trade_stats_summary.members',
		coalesce((SELECT pg_catalog.array_agg(s.summary::oid || '/' || m::oid)::text
				  FROM trade_stats.summary_definition s, trade_stats.summary_members(s.source) m
				  WHERE EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = s.summary)), '{}'), false);
END
$$;

COMMENT ON FUNCTION trade_stats.summary_ddl_prepare(regclass, regclass) IS
	'internal: removes a partition detached concurrently from its summaries, and remembers the relations of each summary source, before DDL';

-- After ALTER TABLE and CREATE TABLE: the rows of a partition attached (or
-- created) are added to the summaries of its new tree, and its triggers
-- made; those of a partition detached are removed, and its triggers
-- dropped.  Then every definition is checked against the catalogs, and the
-- triggers' firing modes: a change that breaks a summary is an error, which
-- undoes the command.
CREATE FUNCTION trade_stats.summary_ddl_end()
RETURNS event_trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
-- (queries of the catalogs, which JIT compilation made take a second)
SET jit = off
AS $$
DECLARE
	before_members text := pg_catalog.current_setting('trade_stats_summary.members', true);
	rewritten oid[] := coalesce(nullif(pg_catalog.current_setting('trade_stats_summary.rewritten', true), ''), '{}')::oid[];
	touched oid[];
	r record;
	d trade_stats.summary_definition;
	m regclass;
BEGIN
	IF pg_catalog.current_setting('trade_stats_summary.maintenance', true) = 'on'
	   OR pg_catalog.to_regclass('trade_stats.summary_definition') IS NULL THEN
		RETURN;
	END IF;
	PERFORM pg_catalog.set_config('trade_stats_summary.members', '', false);
	PERFORM pg_catalog.set_config('trade_stats_summary.rewritten', '', true);
	PERFORM pg_catalog.set_config('trade_stats_summary.maintenance', 'on', true);
	IF coalesce(before_members, '') <> '' THEN
		-- detached: in a tree before, not now (and still there); the trees
		-- of before and now are sets joined by hash (a tree can have
		-- thousands of partitions)
		FOR r IN
			WITH b AS (SELECT pg_catalog.split_part(x, '/', 1)::oid AS summary,
							  pg_catalog.split_part(x, '/', 2)::oid AS rel
					   FROM pg_catalog.unnest(before_members::text[]) x),
				 now AS MATERIALIZED (SELECT s.summary::oid AS summary, member::oid AS rel
									  FROM trade_stats.summary_definition s, trade_stats.summary_members(s.source) member)
			SELECT DISTINCT s.source, b.rel::regclass AS rel
			FROM b JOIN trade_stats.summary_definition s ON s.summary::oid = b.summary
			WHERE EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = b.rel)
			  AND NOT EXISTS (SELECT FROM now WHERE now.summary = b.summary AND now.rel = b.rel)
			  -- and its rows still in the summaries, with its triggers (a
			  -- DETACH ... CONCURRENTLY took them out in its first
			  -- transaction, summary_ddl_prepare)
			  AND EXISTS (SELECT FROM pg_catalog.pg_trigger g WHERE g.tgrelid = b.rel
							AND g.tgname = 'trade_stats_summary_insert')
			  -- the top of what left: its parent stayed in the tree
			  AND NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i
							  WHERE i.inhrelid = b.rel
								AND NOT EXISTS (SELECT FROM now WHERE now.summary = b.summary AND now.rel = i.inhparent))
		LOOP
			PERFORM trade_stats.summary_require_read_committed('detach', r.rel, r.source);
			PERFORM trade_stats.summary_apply(r.source, NULL, r.rel::text);
			FOR m IN SELECT trade_stats.summary_members(r.rel) LOOP
				IF NOT EXISTS (SELECT FROM trade_stats.summary_definition s2
							   WHERE m IN (SELECT trade_stats.summary_members(s2.source))) THEN
					PERFORM trade_stats.summary_remove_triggers(m);
				END IF;
			END LOOP;
		END LOOP;
		-- attached or created: in a tree now, not before; rows are added
		-- for the top of what came in
		FOR r IN
			WITH b AS (SELECT pg_catalog.split_part(x, '/', 1)::oid AS summary,
							  pg_catalog.split_part(x, '/', 2)::oid AS rel
					   FROM pg_catalog.unnest(before_members::text[]) x),
				 now AS MATERIALIZED (SELECT s.summary::oid AS summary, s.source, member AS rel
									  FROM trade_stats.summary_definition s, trade_stats.summary_members(s.source) member)
			SELECT DISTINCT now.source, now.rel,
				   EXISTS (SELECT FROM pg_catalog.pg_inherits i WHERE i.inhrelid = now.rel
						   AND i.inhparent IN (SELECT b.rel FROM b)) AS top
			FROM now
			WHERE NOT EXISTS (SELECT FROM b WHERE b.summary = now.summary AND b.rel = now.rel::oid)
			  AND now.summary IN (SELECT b.summary FROM b)
		LOOP
			-- (a table CREATE TABLE ... PARTITION OF made has no one else's rows)
			IF r.top AND NOT EXISTS (SELECT FROM pg_catalog.pg_event_trigger_ddl_commands() c
									 WHERE c.objid = r.rel AND c.command_tag = 'CREATE TABLE') THEN
				PERFORM trade_stats.summary_require_read_committed('attach', r.rel, r.source);
			END IF;
			IF r.top THEN
				PERFORM trade_stats.summary_apply(r.source, r.rel::text, NULL);
			END IF;
			PERFORM trade_stats.summary_install_triggers(r.rel);
		END LOOP;
	END IF;
	-- the relations the command touched, their inheritance parents and
	-- children and the tables their foreign keys refer to, and the tables
	-- of the triggers, rules and policies it touched: only the definitions of those
	-- are checked (a broken summary elsewhere is not this command's)
	SELECT pg_catalog.array_agg(DISTINCT x) INTO touched FROM (
		SELECT c.objid AS x FROM pg_catalog.pg_event_trigger_ddl_commands() c
		WHERE c.classid = 'pg_catalog.pg_class'::regclass
		UNION ALL
		SELECT g.tgrelid FROM pg_catalog.pg_event_trigger_ddl_commands() c
		JOIN pg_catalog.pg_trigger g ON g.oid = c.objid WHERE c.classid = 'pg_catalog.pg_trigger'::regclass
		UNION ALL
		SELECT w.ev_class FROM pg_catalog.pg_event_trigger_ddl_commands() c
		JOIN pg_catalog.pg_rewrite w ON w.oid = c.objid WHERE c.classid = 'pg_catalog.pg_rewrite'::regclass
		UNION ALL
		SELECT i.inhparent FROM pg_catalog.pg_event_trigger_ddl_commands() c
		JOIN pg_catalog.pg_inherits i ON i.inhrelid = c.objid WHERE c.classid = 'pg_catalog.pg_class'::regclass
		UNION ALL
		SELECT i.inhrelid FROM pg_catalog.pg_event_trigger_ddl_commands() c
		JOIN pg_catalog.pg_inherits i ON i.inhparent = c.objid WHERE c.classid = 'pg_catalog.pg_class'::regclass
		UNION ALL
		SELECT k.confrelid FROM pg_catalog.pg_event_trigger_ddl_commands() c
		JOIN pg_catalog.pg_constraint k ON k.conrelid = c.objid WHERE c.classid = 'pg_catalog.pg_class'::regclass
		UNION ALL
		SELECT p.polrelid FROM pg_catalog.pg_event_trigger_ddl_commands() c
		JOIN pg_catalog.pg_policy p ON p.oid = c.objid WHERE c.classid = 'pg_catalog.pg_policy'::regclass
		UNION ALL
		SELECT x.indrelid FROM pg_catalog.pg_event_trigger_ddl_commands() c
		JOIN pg_catalog.pg_index x ON x.indexrelid = c.objid WHERE c.classid = 'pg_catalog.pg_class'::regclass) t;
	FOR d IN SELECT * FROM trade_stats.summary_definition s
			 WHERE EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = s.summary)
			   AND EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = s.source)
			   AND (s.summary::oid = ANY (touched)
					OR EXISTS (SELECT FROM trade_stats.summary_members(s.source) AS member WHERE member::oid = ANY (touched))) LOOP
		PERFORM trade_stats.summary_check(d);
		-- a rewrite (ALTER COLUMN ... TYPE ... USING, SET LOGGED, ...) of the
		-- source or the summary may have changed the rows: rebuild
		IF d.summary::oid = ANY (rewritten)
		   OR EXISTS (SELECT FROM trade_stats.summary_members(d.source) AS member WHERE member::oid = ANY (rewritten)) THEN
			PERFORM trade_stats.summary_rebuild(d);
		END IF;
		SELECT t.tgrelid::regclass AS rel, t.tgname INTO r
		FROM trade_stats.summary_members(d.source) AS member
		JOIN pg_catalog.pg_trigger t ON t.tgrelid = member
		WHERE t.tgfoid IN ('trade_stats.summary_statement()'::regprocedure, 'trade_stats.summary_truncate()'::regprocedure,
						   'trade_stats.summary_row()'::regprocedure, 'trade_stats.summary_begin()'::regprocedure)
		  AND t.tgname NOT IN ('trade_stats_summary_insert', 'trade_stats_summary_update', 'trade_stats_summary_delete',
							   'trade_stats_summary_truncate', 'trade_stats_summary_replica', 'trade_stats_summary_begin')
		LIMIT 1;
		IF r.rel IS NOT NULL THEN
			RAISE EXCEPTION 'trigger "%" on "%" runs a summary trigger function under another name', r.tgname, r.rel
				USING ERRCODE = 'object_in_use',
					  DETAIL = format('The triggers that keep summary table %s exact have fixed names; another would apply each change twice.', d.summary),
					  HINT = 'Drop the summary with trade_stats.drop_summary() first.';
		END IF;
		FOR r IN
			SELECT t.tgrelid::regclass AS rel, t.tgname, t.tgenabled
			FROM (SELECT trade_stats.summary_members(d.source) UNION ALL SELECT d.summary) AS member(rel)
			JOIN pg_catalog.pg_trigger t ON t.tgrelid = member.rel
			WHERE t.tgname IN ('trade_stats_summary_insert', 'trade_stats_summary_update', 'trade_stats_summary_delete',
							   'trade_stats_summary_truncate', 'trade_stats_summary_replica', 'trade_stats_summary_guard',
							   'trade_stats_summary_begin')
			  AND t.tgenabled <> CASE WHEN t.tgname IN ('trade_stats_summary_truncate', 'trade_stats_summary_guard') THEN 'A'
									  WHEN t.tgname = 'trade_stats_summary_replica' THEN 'R' ELSE 'O' END
			-- the same trigger named every time
			ORDER BY t.tgrelid, t.tgname
		LOOP
			CONTINUE WHEN (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user);
			IF r.tgenabled = 'D' THEN
				RAISE EXCEPTION 'cannot disable trigger "%" on "%"', r.tgname, r.rel
					USING ERRCODE = 'object_in_use',
						  DETAIL = format('It keeps summary table %s exact.', d.summary),
						  HINT = 'Drop the summary with trade_stats.drop_summary() first.';
			END IF;
			-- ENABLE REPLICA TRIGGER of a trigger that fires in origin mode
			-- disables it there (the others are put back below)
			IF r.tgenabled = 'R' AND r.tgname NOT IN ('trade_stats_summary_truncate', 'trade_stats_summary_guard') THEN
				RAISE EXCEPTION 'cannot make trigger "%" on "%" fire only in replica mode', r.tgname, r.rel
					USING ERRCODE = 'object_in_use',
						  DETAIL = format('It keeps summary table %s exact in every session.', d.summary),
						  HINT = 'Drop the summary with trade_stats.drop_summary() first.';
			END IF;
		END LOOP;
	END LOOP;
	-- ENABLE TRIGGER ALL enables every trigger for origin mode: put back
	-- the replica and always modes, on every summary's tables this role
	-- owns (pg_restore --disable-triggers runs it in replica mode, where
	-- no event trigger fires, so the next DDL does it)
	FOR r IN
		SELECT t.tgrelid::regclass AS rel, t.tgname
		FROM trade_stats.summary_definition s,
			 LATERAL (SELECT trade_stats.summary_members(s.source) UNION ALL SELECT s.summary) AS member(rel)
			 JOIN pg_catalog.pg_trigger t ON t.tgrelid = member.rel
		WHERE EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = s.summary)
		  AND EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = s.source)
		  AND t.tgname IN ('trade_stats_summary_truncate', 'trade_stats_summary_replica', 'trade_stats_summary_guard')
		  AND t.tgenabled NOT IN ('D', CASE t.tgname WHEN 'trade_stats_summary_replica' THEN 'R' ELSE 'A' END)
		  AND pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = t.tgrelid), 'USAGE')
	LOOP
		EXECUTE format('ALTER TABLE %s ENABLE %s TRIGGER %I', r.rel,
					   CASE r.tgname WHEN 'trade_stats_summary_replica' THEN 'REPLICA' ELSE 'ALWAYS' END, r.tgname);
	END LOOP;
	PERFORM pg_catalog.set_config('trade_stats_summary.maintenance', 'off', true);
END
$$;

COMMENT ON FUNCTION trade_stats.summary_ddl_end() IS
	'event trigger function: follows ATTACH and DETACH PARTITION and refuses DDL that breaks a summary';

-- DROP: a dropped summary table takes its definition (and the source's
-- triggers, when no other summary needs them) with it; dropping a source,
-- a partition of one or a summary trigger while the summary stays is an
-- error.
CREATE FUNCTION trade_stats.summary_sql_drop()
RETURNS event_trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
-- (queries of the catalogs, which JIT compilation made take a second)
SET jit = off
AS $$
DECLARE
	d trade_stats.summary_definition;
	tables oid[];
	triggers text[];
	t text;
	m regclass;
	whole_tree_gone boolean := false;
BEGIN
	IF pg_catalog.current_setting('trade_stats_summary.maintenance', true) = 'on'
	   OR pg_catalog.to_regclass('trade_stats.summary_definition') IS NULL THEN
		RETURN;
	END IF;
	-- a drop that cascades (DROP TYPE, DOMAIN, COLLATION, OPERATOR CLASS
	-- ... CASCADE) to a column that a summary uses, or to a column or the
	-- key of a summary table (ALTER TABLE's own are refused at its end)
	IF TG_TAG <> 'ALTER TABLE' THEN
		WITH o AS MATERIALIZED (
			SELECT o.object_type, o.object_identity, o.address_names[3] AS name,
				   pg_catalog.to_regclass(pg_catalog.format('%I.%I', o.address_names[1], o.address_names[2])) AS rel
			FROM pg_catalog.pg_event_trigger_dropped_objects() o
			WHERE o.object_type IN ('table column', 'table constraint'))
		SELECT o.object_identity, sd.summary INTO t, m
		FROM o JOIN trade_stats.summary_definition sd
		  ON o.rel = sd.summary
			 OR (o.object_type = 'table column' AND o.name = ANY (sd.group_by || sd.value || sd.period)
				 AND o.rel IN (SELECT trade_stats.summary_members(sd.source)))
		WHERE o.rel IS NOT NULL
		LIMIT 1;
		IF FOUND THEN
			RAISE EXCEPTION 'cannot drop % because summary table % depends on it', t, m
				USING ERRCODE = 'dependent_objects_still_exist',
					  HINT = format('Drop the summary first: SELECT trade_stats.drop_summary(%L);', m::text);
		END IF;
	END IF;
	SELECT pg_catalog.array_agg(o.objid) FILTER (WHERE o.object_type = 'table'),
		   pg_catalog.array_agg(o.object_identity) FILTER (
			   WHERE o.object_type = 'trigger'
				 AND o.object_identity ~ '^trade_stats_summary_(insert|update|delete|truncate|replica|begin) on ')
	INTO tables, triggers
	FROM pg_catalog.pg_event_trigger_dropped_objects() o;
	IF tables IS NULL AND triggers IS NULL THEN
		RETURN;
	END IF;
	PERFORM pg_catalog.set_config('trade_stats_summary.maintenance', 'on', true);
	FOR d IN SELECT * FROM trade_stats.summary_definition LOOP
		IF d.summary::oid = ANY (tables) THEN
			DELETE FROM trade_stats.summary_definition s WHERE s.summary::oid = d.summary::oid;
			IF d.source::oid = ANY (tables) THEN
				whole_tree_gone := true;
			ELSIF NOT EXISTS (SELECT FROM trade_stats.summary_definition s WHERE s.source::oid = d.source::oid) THEN
				FOR m IN SELECT trade_stats.summary_members(d.source) LOOP
					PERFORM trade_stats.summary_remove_triggers(m);
				END LOOP;
			END IF;
		ELSIF d.source::oid = ANY (tables) THEN
			RAISE EXCEPTION 'cannot drop table % because summary table % depends on it',
				(SELECT o.object_identity FROM pg_catalog.pg_event_trigger_dropped_objects() o
				 WHERE o.objid = d.source::oid AND o.object_type = 'table'), d.summary
				USING ERRCODE = 'dependent_objects_still_exist',
					  HINT = format('Drop the summary first: SELECT trade_stats.drop_summary(%L);', d.summary::text);
		END IF;
	END LOOP;
	FOREACH t IN ARRAY coalesce(triggers, '{}') LOOP
		IF pg_catalog.to_regclass(pg_catalog.regexp_replace(t, '^\S+ on ', '')) IS NOT NULL THEN
			-- the triggers of a relation that no summary is of (a restore
			-- without the definitions, a Citus shard) may go
			CONTINUE WHEN NOT EXISTS (
				SELECT FROM trade_stats.summary_definition s
				WHERE s.source = trade_stats.summary_source_of(
					pg_catalog.to_regclass(pg_catalog.regexp_replace(t, '^\S+ on ', ''))));
			RAISE EXCEPTION 'cannot drop trigger %', t
				USING ERRCODE = 'dependent_objects_still_exist',
					  DETAIL = 'It keeps a summary table exact.',
					  HINT = 'Drop the summary with trade_stats.drop_summary().';
		ELSIF NOT whole_tree_gone THEN
			RAISE EXCEPTION 'cannot drop table %, a partition of the source of a summary table',
				pg_catalog.regexp_replace(t, '^\S+ on ', '')
				USING ERRCODE = 'dependent_objects_still_exist',
					  HINT = 'Detach the partition first (its rows leave the summary), then drop it.';
		END IF;
	END LOOP;
	PERFORM pg_catalog.set_config('trade_stats_summary.maintenance', 'off', true);
END
$$;

COMMENT ON FUNCTION trade_stats.summary_sql_drop() IS
	'event trigger function: drops the definition with its summary table, refuses drops that break a summary';

-- A table about to be rewritten by ALTER TABLE: remembered, so that the
-- end of the command rebuilds the summaries it feeds or is.
CREATE FUNCTION trade_stats.summary_table_rewrite()
RETURNS event_trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF pg_catalog.current_setting('trade_stats_summary.maintenance', true) = 'on'
	   OR pg_catalog.to_regclass('trade_stats.summary_definition') IS NULL THEN
		RETURN;
	END IF;
	PERFORM pg_catalog.set_config('trade_stats_summary.rewritten',
		(coalesce(nullif(pg_catalog.current_setting('trade_stats_summary.rewritten', true), ''), '{}')::oid[]
		 || pg_catalog.pg_event_trigger_table_rewrite_oid())::text, true);
END
$$;

COMMENT ON FUNCTION trade_stats.summary_table_rewrite() IS
	'event trigger function: remembers a table ALTER TABLE rewrites, for its summaries to be rebuilt';

-- ALTER TYPE of a composite type that a summary's group key is or holds,
-- or ALTER TABLE of a table whose row type it holds: dropping an attribute
-- can make keys that differed equal, and the summary would then hold two
-- rows for one key.  And a new or changed operator class of such a type
-- (a new default btree class changes what GROUP BY takes as equal).
-- Refused (other types' ALTER TYPE, an enum's new value say, changes no
-- key's equality).
CREATE FUNCTION trade_stats.summary_alter_type()
RETURNS event_trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
-- (the recursive query's estimate would have JIT compile it: 0.3 s a DDL)
SET jit = off
AS $$
DECLARE
	r record;
BEGIN
	IF pg_catalog.to_regclass('trade_stats.summary_definition') IS NULL
	   OR NOT EXISTS (SELECT FROM trade_stats.summary_definition) THEN
		RETURN;
	END IF;
	WITH RECURSIVE cmd AS MATERIALIZED (
		SELECT c.classid, c.objid FROM pg_catalog.pg_event_trigger_ddl_commands() c),
	altered AS (
		-- a composite type's ALTER TYPE is reported as its type or its
		-- relation; a table's row type is its relation's
		SELECT t.oid FROM cmd c
		JOIN pg_catalog.pg_type t ON t.oid = c.objid AND t.typtype = 'c'
		WHERE c.classid = 'pg_catalog.pg_type'::regclass
		UNION
		SELECT k.reltype FROM cmd c
		JOIN pg_catalog.pg_class k ON k.oid = c.objid
		WHERE c.classid = 'pg_catalog.pg_class'::regclass AND k.reltype <> 0
		UNION
		-- the types of an operator class made or changed, or of the
		-- classes of a changed family
		SELECT o.opcintype FROM cmd c
		JOIN pg_catalog.pg_opclass o ON o.oid = c.objid
		WHERE c.classid = 'pg_catalog.pg_opclass'::regclass
		UNION
		SELECT o.opcintype FROM cmd c
		JOIN pg_catalog.pg_opclass o ON o.opcfamily = c.objid
		WHERE c.classid = 'pg_catalog.pg_opfamily'::regclass
		UNION
		SELECT a.amoplefttype FROM cmd c
		JOIN pg_catalog.pg_amop a ON a.amopfamily = c.objid
		WHERE c.classid = 'pg_catalog.pg_opfamily'::regclass),
	keys AS (
		SELECT s.summary, g.name, s.column_types[g.i]::oid AS type
		FROM trade_stats.summary_definition s, pg_catalog.unnest(s.group_by) WITH ORDINALITY AS g(name, i)),
	-- every type a key's value holds: its domain's base type, its array's
	-- element type, its range's subtype, its composite type's attributes
	-- (UNION ALL: types hold each other without cycles, and UNION's hash
	-- table would be sized for the planner's estimate, 0.3 s a DDL)
	inside(summary, name, type) AS (
		SELECT * FROM keys
		UNION ALL
		SELECT i.summary, i.name, x.type
		FROM inside i, LATERAL (
			SELECT t.typbasetype FROM pg_catalog.pg_type t WHERE t.oid = i.type AND t.typtype = 'd'
			UNION ALL
			SELECT t.typelem FROM pg_catalog.pg_type t WHERE t.oid = i.type AND t.typelem <> 0 AND t.typlen = -1
			UNION ALL
			SELECT rg.rngsubtype FROM pg_catalog.pg_range rg WHERE rg.rngtypid = i.type OR rg.rngmultitypid = i.type
			UNION ALL
			SELECT a.atttypid FROM pg_catalog.pg_type t
			JOIN pg_catalog.pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
			WHERE t.oid = i.type AND t.typtype = 'c') AS x(type))
	SELECT i.summary, i.name, i.type::regtype AS type INTO r
	FROM inside i WHERE i.type IN (SELECT oid FROM altered) LIMIT 1;
	IF FOUND AND TG_TAG LIKE '%OPERATOR%' THEN
		RAISE EXCEPTION 'cannot change the operator classes of type % because summary table % is grouped by it', r.type, r.summary
			USING ERRCODE = 'dependent_objects_still_exist',
				  DETAIL = format('Its group column "%s" holds values of the type, grouped by its default operator classes when the summary was made.', r.name),
				  HINT = format('Drop the summary first: SELECT trade_stats.drop_summary(%L);', r.summary::text);
	ELSIF FOUND THEN
		RAISE EXCEPTION 'cannot alter type % because summary table % is grouped by it', r.type, r.summary
			USING ERRCODE = 'dependent_objects_still_exist',
				  DETAIL = format('Its group column "%s" holds values of the type; an altered type can make different keys equal.', r.name),
				  HINT = format('Drop the summary first: SELECT trade_stats.drop_summary(%L);', r.summary::text);
	END IF;
END
$$;

COMMENT ON FUNCTION trade_stats.summary_alter_type() IS
	'event trigger function: refuses changes to a type that a summary''s group key holds that could change its equality';

CREATE EVENT TRIGGER trade_stats_summary_alter_type ON ddl_command_end
	WHEN TAG IN ('ALTER TYPE', 'ALTER TABLE', 'CREATE OPERATOR CLASS', 'ALTER OPERATOR CLASS',
				 'CREATE OPERATOR FAMILY', 'ALTER OPERATOR FAMILY')
	EXECUTE FUNCTION trade_stats.summary_alter_type();
CREATE EVENT TRIGGER trade_stats_summary_table_rewrite ON table_rewrite
	EXECUTE FUNCTION trade_stats.summary_table_rewrite();
CREATE EVENT TRIGGER trade_stats_summary_ddl_start ON ddl_command_start
	WHEN TAG IN ('ALTER TABLE', 'CREATE TABLE')
	EXECUTE FUNCTION trade_stats.summary_ddl_start();
CREATE EVENT TRIGGER trade_stats_summary_ddl_end ON ddl_command_end
	WHEN TAG IN ('ALTER TABLE', 'CREATE TABLE', 'ALTER TRIGGER', 'CREATE TRIGGER', 'CREATE RULE', 'CREATE POLICY',
				 'ALTER POLICY', 'CREATE INDEX', 'ALTER INDEX')
	EXECUTE FUNCTION trade_stats.summary_ddl_end();
CREATE EVENT TRIGGER trade_stats_summary_sql_drop ON sql_drop
	EXECUTE FUNCTION trade_stats.summary_sql_drop();
