-- ---------------------------------------------------------------------------
-- Maintained summary tables
-- ---------------------------------------------------------------------------

-- What create_summary() set up: read by the triggers and refresh_summary().
CREATE TABLE trade_stats.summary_definition (
	summary regclass PRIMARY KEY,
	source regclass NOT NULL,
	group_by text[] NOT NULL,
	value text NOT NULL,
	period text NOT NULL
);

COMMENT ON TABLE trade_stats.summary_definition IS
	'summary tables kept by create_summary(): their source, grouping, value and period columns';

SELECT pg_catalog.pg_extension_config_dump('trade_stats.summary_definition', '');

-- Everyone may define summaries of the tables they own; a definition can be
-- seen by all and changed only by a member of the summary table's owner.
ALTER TABLE trade_stats.summary_definition ENABLE ROW LEVEL SECURITY;
CREATE POLICY summary_owner ON trade_stats.summary_definition
	USING (true)
	WITH CHECK (pg_catalog.pg_has_role(
		(SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = summary), 'USAGE'));
CREATE POLICY summary_owner_delete ON trade_stats.summary_definition
	AS RESTRICTIVE FOR DELETE
	USING (pg_catalog.pg_has_role(
		(SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = summary), 'USAGE'));
GRANT SELECT, INSERT, DELETE ON trade_stats.summary_definition TO PUBLIC;

-- The statements that bring a summary table up to date with a set of added
-- rows (ts_new) and of removed rows (ts_old).  Rows are summarised per group
-- and month; every summary row touched is locked first, in key order, by one
-- upsert, so two writers never deadlock on the summary.
CREATE FUNCTION trade_stats.summary_sync()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	d trade_stats.summary_definition;
	keys text;
	join_keys text;
	by_period text;
	delta text;
BEGIN
	SELECT * INTO d FROM trade_stats.summary_definition
	WHERE summary = TG_ARGV[0]::regclass;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'summary table % is not defined', TG_ARGV[0]
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'Drop the summary''s triggers, or create it with trade_stats.create_summary().';
	END IF;
	IF TG_OP = 'TRUNCATE' THEN
		EXECUTE format('TRUNCATE %s', d.summary);
		RETURN NULL;
	END IF;

	SELECT string_agg(format('%I', k), ', ' ORDER BY i),
		   string_agg(format('t.%1$I IS NOT DISTINCT FROM m.%1$I', k), ' AND ' ORDER BY i)
	INTO keys, join_keys
	FROM unnest(d.group_by) WITH ORDINALITY AS g(k, i);

	-- the summaries of the changed rows per group and period, with the
	-- period's month (date_trunc runs once per group, not once per row),
	-- and per group and month
	by_period := format(
		'SELECT %1$s, date_trunc(''month'', ts_period::timestamp)::date AS month, s FROM ('
		'SELECT %1$s, %2$s AS ts_period, @extschema@.growth_summary(%3$s, %2$s) AS s '
		'FROM %%1$s GROUP BY %1$s, %2$s) p',
		keys, d.period, d.value);
	delta := format('SELECT %1$s, month, @extschema@.rollup(s) AS s FROM (%2$s) q GROUP BY %1$s, month',
					keys, by_period);

	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		-- add; for UPDATE, an empty summary is added to the groups that only
		-- lose rows, so that this one statement locks every row touched
		EXECUTE format(
			'INSERT INTO %1$s AS t (%2$s, month, summary) '
			'SELECT %2$s, month, @extschema@.rollup(s) FROM ('
			'SELECT * FROM (%3$s) a WHERE s IS NOT NULL %4$s) u '
			'GROUP BY %2$s, month ORDER BY %2$s, month '
			'ON CONFLICT (%2$s, month) DO UPDATE SET summary = t.summary OPERATOR(@extschema@.+) EXCLUDED.summary',
			d.summary, keys, format(by_period, 'ts_new'),
			CASE TG_OP WHEN 'UPDATE' THEN format(
				'UNION ALL SELECT %1$s, month, s OPERATOR(@extschema@.-) s FROM (%2$s) r WHERE s IS NOT NULL',
				keys, format(by_period, 'ts_old')) ELSE '' END);
	ELSE
		-- lock in key order, then subtract
		EXECUTE format(
			'SELECT 1 FROM %1$s t JOIN (%2$s) m USING (%3$s, month) ORDER BY %3$s, month FOR UPDATE OF t',
			d.summary, format(delta, 'ts_old'), keys);
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		EXECUTE format(
			'WITH m AS MATERIALIZED (SELECT * FROM (%2$s) r WHERE s IS NOT NULL), '
			'gone AS (DELETE FROM %1$s t USING m WHERE %3$s AND t.month = m.month '
			'AND t.summary OPERATOR(@extschema@.=) m.s) '
			'UPDATE %1$s t SET summary = t.summary OPERATOR(@extschema@.-) m.s '
			'FROM m WHERE %3$s AND t.month = m.month AND t.summary OPERATOR(@extschema@.<>) m.s',
			d.summary, format(delta, 'ts_old'), join_keys);
	END IF;
	RETURN NULL;
END
$$;

COMMENT ON FUNCTION trade_stats.summary_sync() IS
	'trigger function that keeps a summary table made by create_summary() exact';

-- create_summary(summary, source, group_by, value, period): a summary table
-- of source, one row per group and month, kept exact by triggers.
CREATE FUNCTION trade_stats.create_summary(summary text, source regclass,
										   group_by text[], value text, period text)
RETURNS regclass
LANGUAGE plpgsql
AS $$
-- No SET search_path: an unqualified summary name goes into the caller's
-- current schema.  Everything else is qualified.
DECLARE
	name text[] := pg_catalog.parse_ident(summary);
	qualified text;
	cols text;
	keys text;
	value_type regtype;
	period_type regtype;
	value_expr text;
	period_expr text;
	result regclass;
	k text;
	tag text;
BEGIN
	IF array_length(name, 1) = 1 THEN
		name := ARRAY[pg_catalog.current_schema(), name[1]];
	ELSIF array_length(name, 1) <> 2 THEN
		RAISE EXCEPTION 'invalid summary table name "%"', summary
			USING ERRCODE = 'invalid_name';
	END IF;
	qualified := format('%I.%I', name[1], name[2]);
	IF (SELECT relkind FROM pg_catalog.pg_class WHERE oid = source) NOT IN ('r', 'p') THEN
		RAISE EXCEPTION '"%" is not a table', source
			USING ERRCODE = 'wrong_object_type';
	END IF;
	IF group_by IS NULL OR cardinality(group_by) = 0 THEN
		RAISE EXCEPTION 'group_by must name at least one column'
			USING ERRCODE = 'invalid_parameter_value';
	END IF;

	FOREACH k IN ARRAY group_by LOOP
		IF NOT EXISTS (SELECT FROM pg_catalog.pg_attribute
					   WHERE attrelid = source AND attname = k AND attnum > 0
						 AND NOT attisdropped) THEN
			RAISE EXCEPTION 'column "%" of relation "%" does not exist', k, source
				USING ERRCODE = 'undefined_column';
		END IF;
		IF NOT (SELECT attnotnull FROM pg_catalog.pg_attribute WHERE attrelid = source AND attname = k) THEN
			RAISE EXCEPTION 'group_by column "%" of "%" must be NOT NULL', k, source
				USING ERRCODE = 'invalid_parameter_value',
					  HINT = 'A summary row is keyed by its group; declare the column NOT NULL.';
		END IF;
	END LOOP;
	SELECT string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod))
						  || CASE WHEN a.attcollation <> 0
								  THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END,
					  ', ' ORDER BY g.i),
		   string_agg(format('%I', a.attname), ', ' ORDER BY g.i)
	INTO cols, keys
	FROM unnest(group_by) WITH ORDINALITY AS g(k, i)
	JOIN pg_catalog.pg_attribute a ON a.attrelid = source AND a.attname = g.k;

	SELECT atttypid::regtype INTO value_type FROM pg_catalog.pg_attribute
	WHERE attrelid = source AND attname = value AND attnum > 0 AND NOT attisdropped;
	SELECT atttypid::regtype INTO period_type FROM pg_catalog.pg_attribute
	WHERE attrelid = source AND attname = period AND attnum > 0 AND NOT attisdropped;
	IF value_type IS NULL OR period_type IS NULL THEN
		RAISE EXCEPTION 'column "%" of relation "%" does not exist',
			CASE WHEN value_type IS NULL THEN value ELSE period END, source
			USING ERRCODE = 'undefined_column';
	END IF;
	value_expr := CASE
		WHEN value_type IN ('@extschema@.currency_amount'::regtype, 'numeric'::regtype,
							'bigint'::regtype, 'double precision'::regtype)
			THEN format('%I', value)
		WHEN value_type IN ('integer'::regtype, 'smallint'::regtype) THEN format('%I::bigint', value)
		WHEN value_type = 'real'::regtype THEN format('%I::double precision', value)
	END;
	IF value_expr IS NULL THEN
		RAISE EXCEPTION 'column "%" has type %, which growth_summary does not take', value, value_type
			USING ERRCODE = 'datatype_mismatch',
				  HINT = 'The value must be currency_amount, numeric, bigint or double precision.';
	END IF;
	period_expr := CASE period_type
		WHEN 'date'::regtype THEN format('%I', period)
		WHEN 'timestamp'::regtype THEN format('%I::date', period)
		WHEN 'timestamptz'::regtype THEN format('%I::date', period)
	END;
	IF period_expr IS NULL THEN
		RAISE EXCEPTION 'column "%" has type %, not date', period, period_type
			USING ERRCODE = 'datatype_mismatch';
	END IF;

	-- no writes to the source between the fill and the triggers
	EXECUTE format('LOCK TABLE %s IN SHARE MODE', source);
	EXECUTE format(
		'CREATE TABLE %s (%s, month date NOT NULL, summary @extschema@.growth_state NOT NULL, '
		'PRIMARY KEY (%s, month))', qualified, cols, keys);
	result := qualified::regclass;
	INSERT INTO trade_stats.summary_definition
	VALUES (result, source, group_by, value_expr, period_expr);
	PERFORM trade_stats.refresh_summary(result);

	FOREACH tag IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'] LOOP
		EXECUTE format(
			'CREATE TRIGGER %I AFTER %s ON %s %s FOR EACH STATEMENT '
			'EXECUTE FUNCTION trade_stats.summary_sync(%L)',
			left(name[2], 40) || '_summary_' || lower(tag), tag, source,
			CASE tag WHEN 'INSERT' THEN 'REFERENCING NEW TABLE AS ts_new'
					 WHEN 'UPDATE' THEN 'REFERENCING OLD TABLE AS ts_old NEW TABLE AS ts_new'
					 WHEN 'DELETE' THEN 'REFERENCING OLD TABLE AS ts_old'
					 ELSE '' END,
			qualified);
	END LOOP;
	RETURN result;
END
$$;

COMMENT ON FUNCTION trade_stats.create_summary(text, regclass, text[], text, text) IS
	'create a summary table of source per group_by and month, filled and kept exact by triggers';

-- refresh_summary(summary): rebuild a summary table from its source.
CREATE FUNCTION trade_stats.refresh_summary(summary regclass)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	d trade_stats.summary_definition;
	keys text;
BEGIN
	SELECT * INTO d FROM trade_stats.summary_definition s WHERE s.summary = refresh_summary.summary;
	IF NOT FOUND THEN
		RAISE EXCEPTION '"%" is not a summary table made by create_summary()', summary
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT string_agg(format('%I', k), ', ' ORDER BY i) INTO keys
	FROM unnest(d.group_by) WITH ORDINALITY AS g(k, i);
	EXECUTE format('LOCK TABLE %s IN SHARE MODE', d.source);
	EXECUTE format('TRUNCATE %s', d.summary);
	EXECUTE format(
		'INSERT INTO %1$s (%2$s, month, summary) '
		'SELECT %2$s, month, @extschema@.rollup(s) FROM ('
		'SELECT %2$s, date_trunc(''month'', ts_period::timestamp)::date AS month, s FROM ('
		'SELECT %2$s, %3$s AS ts_period, @extschema@.growth_summary(%4$s, %3$s) AS s '
		'FROM %5$s GROUP BY %2$s, %3$s) p WHERE s IS NOT NULL) q '
		'GROUP BY %2$s, month ORDER BY %2$s, month',
		d.summary, keys, d.period, d.value, d.source);
END
$$;

COMMENT ON FUNCTION trade_stats.refresh_summary(regclass) IS
	'rebuild a summary table made by create_summary() from its source';

-- drop_summary(summary): drop a summary table and its triggers.
CREATE FUNCTION trade_stats.drop_summary(summary regclass)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	d trade_stats.summary_definition;
	t name;
BEGIN
	SELECT * INTO d FROM trade_stats.summary_definition s WHERE s.summary = drop_summary.summary;
	IF NOT FOUND THEN
		RAISE EXCEPTION '"%" is not a summary table made by create_summary()', summary
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	FOR t IN
		SELECT tgname FROM pg_trigger
		WHERE tgrelid = d.source
		  AND tgfoid = 'trade_stats.summary_sync()'::regprocedure
		  AND tgargs = pg_catalog.convert_to(d.summary::text, pg_catalog.current_setting('server_encoding'))
					   OPERATOR(pg_catalog.||) '\x00'::bytea
	LOOP
		EXECUTE format('DROP TRIGGER %I ON %s', t, d.source);
	END LOOP;
	DELETE FROM trade_stats.summary_definition s WHERE s.summary = drop_summary.summary;
	EXECUTE format('DROP TABLE %s', d.summary);
END
$$;

COMMENT ON FUNCTION trade_stats.drop_summary(regclass) IS
	'drop a summary table made by create_summary() and the triggers that keep it';

