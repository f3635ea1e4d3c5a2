/* trade_stats--0.1--0.2.sql: upgrade from version 0.1 to 0.2 */

\echo Use "ALTER EXTENSION trade_stats UPDATE TO '0.2'" to load this file. \quit

-- Each transition function gets a C entry point of its own, so that none
-- depends on the call's parse tree (Citus calls them without one).

-- transition functions for currency_amount values
CREATE OR REPLACE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, @extschema@.currency_amount, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_amount_period'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, @extschema@.currency_amount, date, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_amount_period_as_of'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, @extschema@.currency_amount, boolean)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_amount_part'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, @extschema@.currency_amount, boolean, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_amount_part_period'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- transition functions for numeric values
CREATE OR REPLACE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, numeric, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_numeric_period'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, numeric, date, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_numeric_period_as_of'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, numeric, boolean)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_numeric_part'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, numeric, boolean, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_numeric_part_period'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- transition functions for bigint values
CREATE OR REPLACE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, bigint, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_int8_period'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, bigint, date, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_int8_period_as_of'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, bigint, boolean)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_int8_part'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, bigint, boolean, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_int8_part_period'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- transition functions for double precision values
CREATE OR REPLACE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, double precision, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_float8_period'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, double precision, date, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_float8_period_as_of'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, double precision, boolean)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_float8_part'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE OR REPLACE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, double precision, boolean, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_float8_part_period'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- ---------------------------------------------------------------------------
-- Stored summaries: growth_state as a value (since 0.2)
-- ---------------------------------------------------------------------------

COMMENT ON TYPE @extschema@.growth_state IS
	'summary of values per period (exact count and sum, and of a part): stored by growth_summary(), rolled up by rollup(), read by the accessors';

CREATE FUNCTION @extschema@.growth_state_eq(@extschema@.growth_state, @extschema@.growth_state)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_ne(@extschema@.growth_state, @extschema@.growth_state)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_hash(@extschema@.growth_state)
RETURNS integer
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_hash_extended(@extschema@.growth_state, bigint)
RETURNS bigint
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.growth_state, RIGHTARG = @extschema@.growth_state,
	FUNCTION = @extschema@.growth_state_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.growth_state, RIGHTARG = @extschema@.growth_state,
	FUNCTION = @extschema@.growth_state_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);

CREATE OPERATOR CLASS @extschema@.growth_state_hash_ops
	DEFAULT FOR TYPE @extschema@.growth_state USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.growth_state_hash(@extschema@.growth_state),
		FUNCTION 2 @extschema@.growth_state_hash_extended(@extschema@.growth_state, bigint);

CREATE FUNCTION @extschema@.growth_state_pl(@extschema@.growth_state, @extschema@.growth_state)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_mi(@extschema@.growth_state, @extschema@.growth_state)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR @extschema@.+ (
	LEFTARG = @extschema@.growth_state, RIGHTARG = @extschema@.growth_state,
	FUNCTION = @extschema@.growth_state_pl, COMMUTATOR = OPERATOR(@extschema@.+)
);

CREATE OPERATOR @extschema@.- (
	LEFTARG = @extschema@.growth_state, RIGHTARG = @extschema@.growth_state,
	FUNCTION = @extschema@.growth_state_mi
);

COMMENT ON OPERATOR @extschema@.+ (@extschema@.growth_state, @extschema@.growth_state) IS
	'the summary of the rows of both summaries';
COMMENT ON OPERATOR @extschema@.- (@extschema@.growth_state, @extschema@.growth_state) IS
	'the exact inverse of +: the rows of the first summary less those of the second';

CREATE FUNCTION @extschema@.growth_state_final(@extschema@.growth_state)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_rolling_inv(@extschema@.growth_state, @extschema@.growth_state)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_rolling_final(@extschema@.growth_state)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE @extschema@.rollup(@extschema@.growth_state) (
	SFUNC = @extschema@.growth_combine, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_state_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.growth_state) IS
	'the summary of the rows of all the summaries (NULL over no rows)';

CREATE AGGREGATE @extschema@.rolling(@extschema@.growth_state) (
	SFUNC = @extschema@.growth_combine, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_rolling_final,
	COMBINEFUNC = @extschema@.growth_combine,
	MSFUNC = @extschema@.growth_combine,
	MINVFUNC = @extschema@.growth_rolling_inv,
	MSTYPE = @extschema@.growth_state,
	MFINALFUNC = @extschema@.growth_rolling_final,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.rolling(@extschema@.growth_state) IS
	'rollup() as a window aggregate over moving frames, with an exact inverse';

-- growth_summary: the summary of the rows, to store and roll up
CREATE AGGREGATE @extschema@.growth_summary(value @extschema@.currency_amount, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_state_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.growth_summary(value @extschema@.currency_amount, part boolean, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_state_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.growth_summary(value numeric, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_state_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.growth_summary(value numeric, part boolean, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_state_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.growth_summary(value bigint, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_state_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.growth_summary(value bigint, part boolean, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_state_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.growth_summary(value double precision, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_state_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.growth_summary(value double precision, part boolean, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_state_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.growth_summary(@extschema@.currency_amount, date) IS
	'summary of the values per period, to store and roll up (growth_state)';
COMMENT ON AGGREGATE @extschema@.growth_summary(@extschema@.currency_amount, boolean, date) IS
	'summary of the values and of the part''s values per period, to store and roll up (growth_state)';

COMMENT ON AGGREGATE @extschema@.growth_summary(numeric, date) IS
	'summary of the values per period, to store and roll up (growth_state)';
COMMENT ON AGGREGATE @extschema@.growth_summary(numeric, boolean, date) IS
	'summary of the values and of the part''s values per period, to store and roll up (growth_state)';

COMMENT ON AGGREGATE @extschema@.growth_summary(bigint, date) IS
	'summary of the values per period, to store and roll up (growth_state)';
COMMENT ON AGGREGATE @extschema@.growth_summary(bigint, boolean, date) IS
	'summary of the values and of the part''s values per period, to store and roll up (growth_state)';

COMMENT ON AGGREGATE @extschema@.growth_summary(double precision, date) IS
	'summary of the values per period, to store and roll up (growth_state)';
COMMENT ON AGGREGATE @extschema@.growth_summary(double precision, boolean, date) IS
	'summary of the values and of the part''s values per period, to store and roll up (growth_state)';

-- Accessors: the measures of a summary

CREATE FUNCTION @extschema@.yoy_growth(summary @extschema@.growth_state)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_yoy_growth'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.yoy_growth(summary @extschema@.growth_state, as_of date)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_yoy_growth'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.mom_growth(summary @extschema@.growth_state)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_mom_growth'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.share(summary @extschema@.growth_state)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_share'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.share_change(summary @extschema@.growth_state)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_share_change'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.share_change(summary @extschema@.growth_state, as_of date)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_share_change'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_contribution(summary @extschema@.growth_state)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_contribution'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_contribution(summary @extschema@.growth_state, as_of date)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_contribution'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.share(part @extschema@.growth_state, whole @extschema@.growth_state)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_share_of'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_contribution(part @extschema@.growth_state, whole @extschema@.growth_state)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_contribution_of'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_contribution(part @extschema@.growth_state, whole @extschema@.growth_state, as_of date)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_contribution_of'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.total(summary @extschema@.growth_state)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_total'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.total(summary @extschema@.growth_state, "from" date, "to" date)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_total'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.total_amount(summary @extschema@.growth_state)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'growth_state_total_amount'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.total_amount(summary @extschema@.growth_state, "from" date, "to" date)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'growth_state_total_amount'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_entries(summary @extschema@.growth_state,
	OUT period date, OUT count bigint, OUT total numeric,
	OUT part_count bigint, OUT part_total numeric)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'growth_state_entries'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 12;

CREATE FUNCTION @extschema@.growth_series(summary @extschema@.growth_state,
	OUT period date, OUT total numeric, OUT yoy numeric, OUT mom numeric,
	OUT share numeric)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'growth_state_series'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 12;

COMMENT ON FUNCTION @extschema@.yoy_growth(@extschema@.growth_state) IS
	'same-period year-on-year growth in percent, as of the latest period of the summary';
COMMENT ON FUNCTION @extschema@.yoy_growth(@extschema@.growth_state, date) IS
	'same-period year-on-year growth in percent, as of the date given';
COMMENT ON FUNCTION @extschema@.mom_growth(@extschema@.growth_state) IS
	'growth of the month of the latest period over the month before, in percent';
COMMENT ON FUNCTION @extschema@.share(@extschema@.growth_state) IS
	'the part''s share of the total in percent';
COMMENT ON FUNCTION @extschema@.share_change(@extschema@.growth_state) IS
	'change of the part''s share against the same period a year earlier, in percentage points';
COMMENT ON FUNCTION @extschema@.share_change(@extschema@.growth_state, date) IS
	'change of the part''s share against the same period a year earlier, in percentage points, as of the date given';
COMMENT ON FUNCTION @extschema@.growth_contribution(@extschema@.growth_state) IS
	'percentage points the part adds to the same-period growth of the whole';
COMMENT ON FUNCTION @extschema@.growth_contribution(@extschema@.growth_state, date) IS
	'percentage points the part adds to the same-period growth of the whole, as of the date given';
COMMENT ON FUNCTION @extschema@.share(@extschema@.growth_state, @extschema@.growth_state) IS
	'100 * total(part) / total(whole)';
COMMENT ON FUNCTION @extschema@.growth_contribution(@extschema@.growth_state, @extschema@.growth_state) IS
	'percentage points the part summary adds to the same-period growth of the whole summary';
COMMENT ON FUNCTION @extschema@.growth_contribution(@extschema@.growth_state, @extschema@.growth_state, date) IS
	'percentage points the part summary adds to the same-period growth of the whole summary, as of the date given';
COMMENT ON FUNCTION @extschema@.total(@extschema@.growth_state) IS
	'exact sum of the values (amounts in major units)';
COMMENT ON FUNCTION @extschema@.total(@extschema@.growth_state, date, date) IS
	'exact sum of the values of the periods from .. to (amounts in major units)';
COMMENT ON FUNCTION @extschema@.total_amount(@extschema@.growth_state) IS
	'exact sum of an amount summary, as currency_amount';
COMMENT ON FUNCTION @extschema@.total_amount(@extschema@.growth_state, date, date) IS
	'exact sum of an amount summary over the periods from .. to, as currency_amount';
COMMENT ON FUNCTION @extschema@.growth_entries(@extschema@.growth_state) IS
	'one row per period of the summary: count, total, part count, part total';
COMMENT ON FUNCTION @extschema@.growth_series(@extschema@.growth_state) IS
	'one row per period of the summary: total, growth over the period a year and a month earlier, share of the part';

-- sum() and avg() of amounts as stored summaries

CREATE AGGREGATE @extschema@.rollup(@extschema@.currency_amount_sum_state) (
	SFUNC = @extschema@.currency_amount_sum_combine,
	STYPE = @extschema@.currency_amount_sum_state,
	COMBINEFUNC = @extschema@.currency_amount_sum_combine,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.currency_amount_sum_state) IS
	'the sum state of the rows of all the states (NULL over no rows)';

CREATE FUNCTION @extschema@.total(state @extschema@.currency_amount_sum_state)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'currency_amount_sum_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.average(state @extschema@.currency_amount_sum_state)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'currency_amount_avg_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.total(@extschema@.currency_amount_sum_state) IS
	'the sum of a sum state (NULL without rows)';
COMMENT ON FUNCTION @extschema@.average(@extschema@.currency_amount_sum_state) IS
	'the average of a sum state, rounded half away from zero (NULL without rows)';

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

-- = on amounts no longer MERGES (a merge join sorts, and sorting a column
-- that mixes currencies is an error).  PostgreSQL 15's ALTER OPERATOR
-- cannot change it.
UPDATE pg_catalog.pg_operator SET oprcanmerge = false
WHERE oid = '@extschema@.=(@extschema@.currency_amount,@extschema@.currency_amount)'::pg_catalog.regoperator;

-- Comments on the user-facing objects that had none in 0.1.
COMMENT ON FUNCTION @extschema@.abs(@extschema@.currency_amount) IS
	'the absolute value of an amount, in its currency';
COMMENT ON AGGREGATE @extschema@.avg(@extschema@.currency_amount) IS
	'average of amounts of one currency, exact, rounded half away from zero to the minor unit';
COMMENT ON AGGREGATE @extschema@.growth_contribution(bigint, boolean, date) IS
	'percentage points the rows marked part add to the same-period year-on-year growth of all rows';
COMMENT ON AGGREGATE @extschema@.growth_contribution(@extschema@.currency_amount, boolean, date) IS
	'percentage points the rows marked part add to the same-period year-on-year growth of all rows';
COMMENT ON AGGREGATE @extschema@.growth_contribution(double precision, boolean, date) IS
	'percentage points the rows marked part add to the same-period year-on-year growth of all rows';
COMMENT ON AGGREGATE @extschema@.growth_contribution(numeric, boolean, date) IS
	'percentage points the rows marked part add to the same-period year-on-year growth of all rows';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.currency_amount) IS
	'largest amount; the amounts must be in one currency';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.currency_amount) IS
	'smallest amount; the amounts must be in one currency';
COMMENT ON FUNCTION @extschema@.mom(bigint, date) IS
	'window function: growth over the row of the same partition exactly one month earlier, in percent';
COMMENT ON FUNCTION @extschema@.mom(@extschema@.currency_amount, date) IS
	'window function: growth over the row of the same partition exactly one month earlier, in percent';
COMMENT ON FUNCTION @extschema@.mom(double precision, date) IS
	'window function: growth over the row of the same partition exactly one month earlier, in percent';
COMMENT ON FUNCTION @extschema@.mom(numeric, date) IS
	'window function: growth over the row of the same partition exactly one month earlier, in percent';
COMMENT ON AGGREGATE @extschema@.mom_growth(bigint, date) IS
	'growth of the month of the latest period over the month before, in percent';
COMMENT ON AGGREGATE @extschema@.mom_growth(@extschema@.currency_amount, date) IS
	'growth of the month of the latest period over the month before, in percent';
COMMENT ON AGGREGATE @extschema@.mom_growth(double precision, date) IS
	'growth of the month of the latest period over the month before, in percent';
COMMENT ON AGGREGATE @extschema@.mom_growth(numeric, date) IS
	'growth of the month of the latest period over the month before, in percent';
COMMENT ON FUNCTION @extschema@.monthly_from_ytd(bigint, date) IS
	'window function: a year-to-date series made monthly (the value minus the previous month of the same year)';
COMMENT ON FUNCTION @extschema@.monthly_from_ytd(@extschema@.currency_amount, date) IS
	'window function: a year-to-date series made monthly (the value minus the previous month of the same year)';
COMMENT ON FUNCTION @extschema@.monthly_from_ytd(double precision, date) IS
	'window function: a year-to-date series made monthly (the value minus the previous month of the same year)';
COMMENT ON FUNCTION @extschema@.monthly_from_ytd(numeric, date) IS
	'window function: a year-to-date series made monthly (the value minus the previous month of the same year)';
COMMENT ON FUNCTION @extschema@."numeric"(@extschema@.currency_amount) IS
	'the amount in major units, exact';
COMMENT ON FUNCTION @extschema@.pct_change(bigint, bigint) IS
	'100 * (current - base) / |base|: change in percent (NULL when base is 0)';
COMMENT ON FUNCTION @extschema@.pct_change(@extschema@.currency_amount, @extschema@.currency_amount) IS
	'100 * (current - base) / |base|: change in percent (NULL when base is 0)';
COMMENT ON FUNCTION @extschema@.pct_change(double precision, double precision) IS
	'100 * (current - base) / |base|: change in percent (NULL when base is 0)';
COMMENT ON FUNCTION @extschema@.pct_change(numeric, numeric) IS
	'100 * (current - base) / |base|: change in percent (NULL when base is 0)';
COMMENT ON FUNCTION @extschema@.prior_year(bigint, date) IS
	'window function: the value of the row of the same partition exactly one year earlier';
COMMENT ON FUNCTION @extschema@.prior_year(@extschema@.currency_amount, date) IS
	'window function: the value of the row of the same partition exactly one year earlier';
COMMENT ON FUNCTION @extschema@.prior_year(double precision, date) IS
	'window function: the value of the row of the same partition exactly one year earlier';
COMMENT ON FUNCTION @extschema@.prior_year(numeric, date) IS
	'window function: the value of the row of the same partition exactly one year earlier';
COMMENT ON AGGREGATE @extschema@.share(bigint, boolean) IS
	'share of the rows marked part in the total, in percent';
COMMENT ON AGGREGATE @extschema@.share(@extschema@.currency_amount, boolean) IS
	'share of the rows marked part in the total, in percent';
COMMENT ON AGGREGATE @extschema@.share(double precision, boolean) IS
	'share of the rows marked part in the total, in percent';
COMMENT ON AGGREGATE @extschema@.share(numeric, boolean) IS
	'share of the rows marked part in the total, in percent';
COMMENT ON AGGREGATE @extschema@.share_change(bigint, boolean, date) IS
	'change of the part''s share against the same period a year earlier, in percentage points';
COMMENT ON AGGREGATE @extschema@.share_change(@extschema@.currency_amount, boolean, date) IS
	'change of the part''s share against the same period a year earlier, in percentage points';
COMMENT ON AGGREGATE @extschema@.share_change(double precision, boolean, date) IS
	'change of the part''s share against the same period a year earlier, in percentage points';
COMMENT ON AGGREGATE @extschema@.share_change(numeric, boolean, date) IS
	'change of the part''s share against the same period a year earlier, in percentage points';
COMMENT ON FUNCTION @extschema@.share_of_total(bigint) IS
	'window function: 100 * value / the partition''s total';
COMMENT ON FUNCTION @extschema@.share_of_total(@extschema@.currency_amount) IS
	'window function: 100 * value / the partition''s total';
COMMENT ON FUNCTION @extschema@.share_of_total(double precision) IS
	'window function: 100 * value / the partition''s total';
COMMENT ON FUNCTION @extschema@.share_of_total(numeric) IS
	'window function: 100 * value / the partition''s total';
COMMENT ON AGGREGATE @extschema@.sum(@extschema@.currency_amount) IS
	'exact sum of amounts of one currency (an error when the sum leaves the 64-bit range)';
COMMENT ON FUNCTION @extschema@.to_cny(@extschema@.currency_amount, date) IS
	'the amount converted to Chinese yuan with the rate valid on the date';
COMMENT ON FUNCTION @extschema@.to_usd(@extschema@.currency_amount, date) IS
	'the amount converted to US dollars with the rate valid on the date';
COMMENT ON FUNCTION @extschema@.yoy(bigint, date) IS
	'window function: growth over the row of the same partition exactly one year earlier, in percent';
COMMENT ON FUNCTION @extschema@.yoy(@extschema@.currency_amount, date) IS
	'window function: growth over the row of the same partition exactly one year earlier, in percent';
COMMENT ON FUNCTION @extschema@.yoy(double precision, date) IS
	'window function: growth over the row of the same partition exactly one year earlier, in percent';
COMMENT ON FUNCTION @extschema@.yoy(numeric, date) IS
	'window function: growth over the row of the same partition exactly one year earlier, in percent';

COMMENT ON OPERATOR @extschema@.+ (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'sum of two amounts of one currency';
COMMENT ON OPERATOR @extschema@.- (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'difference of two amounts of one currency';
COMMENT ON OPERATOR @extschema@.- (NONE, @extschema@.currency_amount) IS
	'the amount negated';
COMMENT ON OPERATOR @extschema@.* (@extschema@.currency_amount, numeric) IS
	'amount times a number, rounded half away from zero to the minor unit';
COMMENT ON OPERATOR @extschema@.* (@extschema@.currency_amount, bigint) IS
	'amount times a number, rounded half away from zero to the minor unit';
COMMENT ON OPERATOR @extschema@.* (@extschema@.currency_amount, integer) IS
	'amount times a number, rounded half away from zero to the minor unit';
COMMENT ON OPERATOR @extschema@.* (@extschema@.currency_amount, double precision) IS
	'amount times a number, rounded half away from zero to the minor unit';
COMMENT ON OPERATOR @extschema@.* (numeric, @extschema@.currency_amount) IS
	'amount times a number, rounded half away from zero to the minor unit';
COMMENT ON OPERATOR @extschema@.* (bigint, @extschema@.currency_amount) IS
	'amount times a number, rounded half away from zero to the minor unit';
COMMENT ON OPERATOR @extschema@.* (integer, @extschema@.currency_amount) IS
	'amount times a number, rounded half away from zero to the minor unit';
COMMENT ON OPERATOR @extschema@.* (double precision, @extschema@.currency_amount) IS
	'amount times a number, rounded half away from zero to the minor unit';
COMMENT ON OPERATOR @extschema@./ (@extschema@.currency_amount, numeric) IS
	'amount divided by a number, rounded half away from zero to the minor unit';
COMMENT ON OPERATOR @extschema@./ (@extschema@.currency_amount, bigint) IS
	'amount divided by a number, rounded half away from zero to the minor unit';
COMMENT ON OPERATOR @extschema@./ (@extschema@.currency_amount, integer) IS
	'amount divided by a number, rounded half away from zero to the minor unit';
COMMENT ON OPERATOR @extschema@./ (@extschema@.currency_amount, double precision) IS
	'amount divided by a number, rounded half away from zero to the minor unit';
COMMENT ON OPERATOR @extschema@./ (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'ratio of two amounts of one currency, as numeric';
COMMENT ON OPERATOR @extschema@.= (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'equal: the same currency and value (amounts of different currencies are not equal)';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'not equal';
COMMENT ON OPERATOR @extschema@.< (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'less than (amounts of different currencies cannot be compared)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'less than or equal (amounts of different currencies cannot be compared)';
COMMENT ON OPERATOR @extschema@.> (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'greater than (amounts of different currencies cannot be compared)';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'greater than or equal (amounts of different currencies cannot be compared)';
COMMENT ON OPERATOR @extschema@.= (@extschema@.growth_state, @extschema@.growth_state) IS
	'the same summary (equal canonical forms)';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.growth_state, @extschema@.growth_state) IS
	'different summaries';
COMMENT ON CAST (@extschema@.currency_amount AS numeric) IS
	'the amount in major units, exact';
COMMENT ON SCHEMA trade_stats IS
	'the exchange rates and the stored-summary definitions of the trade_stats extension';
COMMENT ON VIEW trade_stats.exchange_rate_monthly IS
	'monthly average of the rates of each pair, and the number of rates averaged';
COMMENT ON TABLE trade_stats.rate_version IS
	'internal: a version bumped by every change of exchange_rate, read by the rate cache';
COMMENT ON AGGREGATE @extschema@.yoy_growth(value bigint, period date) IS
	'same-period year-on-year growth in percent: from January 1 to the latest period against a year earlier';
COMMENT ON AGGREGATE @extschema@.yoy_growth(value bigint, period date, as_of date) IS
	'same-period year-on-year growth in percent: from January 1 to the as_of date against a year earlier';
COMMENT ON AGGREGATE @extschema@.yoy_growth(value @extschema@.currency_amount, period date) IS
	'same-period year-on-year growth in percent: from January 1 to the latest period against a year earlier';
COMMENT ON AGGREGATE @extschema@.yoy_growth(value @extschema@.currency_amount, period date, as_of date) IS
	'same-period year-on-year growth in percent: from January 1 to the as_of date against a year earlier';
COMMENT ON AGGREGATE @extschema@.yoy_growth(value double precision, period date) IS
	'same-period year-on-year growth in percent: from January 1 to the latest period against a year earlier';
COMMENT ON AGGREGATE @extschema@.yoy_growth(value double precision, period date, as_of date) IS
	'same-period year-on-year growth in percent: from January 1 to the as_of date against a year earlier';
COMMENT ON AGGREGATE @extschema@.yoy_growth(value numeric, period date) IS
	'same-period year-on-year growth in percent: from January 1 to the latest period against a year earlier';
COMMENT ON AGGREGATE @extschema@.yoy_growth(value numeric, period date, as_of date) IS
	'same-period year-on-year growth in percent: from January 1 to the as_of date against a year earlier';

-- The rate versions become one row per currency pair (see the install
-- script): writers of different pairs no longer wait for each other.  The
-- existing row stands for the whole table.
ALTER TABLE trade_stats.rate_version
	ADD COLUMN base char(3) NOT NULL DEFAULT '',
	ADD COLUMN quote char(3) NOT NULL DEFAULT '';
ALTER TABLE trade_stats.rate_version
	ALTER COLUMN base DROP DEFAULT,
	ALTER COLUMN quote DROP DEFAULT,
	ADD PRIMARY KEY (base, quote);
DROP TRIGGER exchange_rate_changed ON trade_stats.exchange_rate;
CREATE OR REPLACE FUNCTION trade_stats.bump_rate_version()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		UPDATE trade_stats.rate_version
		SET version = pg_catalog.nextval('trade_stats.rate_version_seq'::pg_catalog.regclass)
		WHERE base OPERATOR(pg_catalog.=) '' AND quote OPERATOR(pg_catalog.=) '';
	ELSIF TG_OP = 'INSERT' THEN
		INSERT INTO trade_stats.rate_version AS v (version, base, quote)
		SELECT pg_catalog.nextval('trade_stats.rate_version_seq'::pg_catalog.regclass), base, quote
		FROM (SELECT DISTINCT base, quote FROM new_rates ORDER BY base, quote) p
		ON CONFLICT (base, quote) DO UPDATE SET version = EXCLUDED.version;
	ELSIF TG_OP = 'UPDATE' THEN
		INSERT INTO trade_stats.rate_version AS v (version, base, quote)
		SELECT pg_catalog.nextval('trade_stats.rate_version_seq'::pg_catalog.regclass), base, quote
		FROM (SELECT base, quote FROM new_rates UNION SELECT base, quote FROM old_rates
			  ORDER BY base, quote) p
		ON CONFLICT (base, quote) DO UPDATE SET version = EXCLUDED.version;
	ELSE
		INSERT INTO trade_stats.rate_version AS v (version, base, quote)
		SELECT pg_catalog.nextval('trade_stats.rate_version_seq'::pg_catalog.regclass), base, quote
		FROM (SELECT DISTINCT base, quote FROM old_rates ORDER BY base, quote) p
		ON CONFLICT (base, quote) DO UPDATE SET version = EXCLUDED.version;
	END IF;
	RETURN NULL;
END
$$;

-- The version triggers fire whatever session_replication_role says (a
-- session in replica mode changes rates too).
CREATE TRIGGER exchange_rate_inserted
	AFTER INSERT ON trade_stats.exchange_rate REFERENCING NEW TABLE AS new_rates
	FOR EACH STATEMENT EXECUTE FUNCTION trade_stats.bump_rate_version();
CREATE TRIGGER exchange_rate_updated
	AFTER UPDATE ON trade_stats.exchange_rate REFERENCING OLD TABLE AS old_rates NEW TABLE AS new_rates
	FOR EACH STATEMENT EXECUTE FUNCTION trade_stats.bump_rate_version();
CREATE TRIGGER exchange_rate_deleted
	AFTER DELETE ON trade_stats.exchange_rate REFERENCING OLD TABLE AS old_rates
	FOR EACH STATEMENT EXECUTE FUNCTION trade_stats.bump_rate_version();
CREATE TRIGGER exchange_rate_truncated
	AFTER TRUNCATE ON trade_stats.exchange_rate
	FOR EACH STATEMENT EXECUTE FUNCTION trade_stats.bump_rate_version();
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_inserted;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_updated;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_deleted;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_truncated;

-- Logical replication's apply worker fires row triggers only, in replica
-- mode: this row trigger bumps the versions there (its WHEN keeps it from
-- running in any other session, where the statement triggers do).
CREATE FUNCTION trade_stats.bump_rate_version_row()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		INSERT INTO trade_stats.rate_version AS v (version, base, quote)
		VALUES (pg_catalog.nextval('trade_stats.rate_version_seq'::pg_catalog.regclass), OLD.base, OLD.quote)
		ON CONFLICT (base, quote) DO UPDATE SET version = EXCLUDED.version;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO trade_stats.rate_version AS v (version, base, quote)
		VALUES (pg_catalog.nextval('trade_stats.rate_version_seq'::pg_catalog.regclass), NEW.base, NEW.quote)
		ON CONFLICT (base, quote) DO UPDATE SET version = EXCLUDED.version;
	END IF;
	RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION trade_stats.bump_rate_version_row() FROM PUBLIC;
CREATE TRIGGER exchange_rate_replicated
	AFTER INSERT OR UPDATE OR DELETE ON trade_stats.exchange_rate
	FOR EACH ROW WHEN (pg_catalog.current_setting('session_replication_role') OPERATOR(pg_catalog.=) 'replica')
	EXECUTE FUNCTION trade_stats.bump_rate_version_row();
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_replicated;

-- load_rates() reads files strictly (see the install script).
-- The fields of delimited text, strictly (RFC 4180 quoting; LF, CRLF or CR
-- line ends): the helper load_rates() reads rate files with.
CREATE FUNCTION trade_stats.csv_cells(content text, delimiter text,
									  OUT line integer, OUT field integer, OUT value text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'trade_stats_csv_cells'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION trade_stats.csv_cells(text, text) IS
	'the fields of delimited text (line, position, unquoted text), for load_rates()';

-- Load a wide rate file into exchange_rate: a header, then a date column
-- and one column per currency, each cell the value of 'per' units of one
-- currency in the other.  With columns => 'quote' (ECB, IMF) the cells are
-- column-currency units per 'per' units of 'currency'; with columns =>
-- 'base' (the NBS's yuan per 100 USD) they are 'currency' units per 'per'
-- units of the column's currency.  Columns that are no currency
-- trade_stats knows, or 'currency' itself, are skipped, and so are blank
-- cells, cells without a digit (N/A) and zero cells (a notice counts them).
-- Everything else must parse exactly, else an error names the line and the
-- column: a record with another number of fields than the header, a date
-- that date_format does not give back, a date before year 1, a cell that is
-- not a positive decimal number (thousands separators allowed), a pair and
-- date given twice.  currency_names maps header names to currency codes
-- ('{"\u7f8e\u5143": "USD"}': the NBS's name of the US dollar, in JSON's
-- escapes as the script is ASCII): a
-- header cell is the currency of the name it equals, else of the one name
-- it contains; a name that no header cell uses, a cell containing two
-- names, a code that is no currency, or two columns of one currency are
-- errors.  Existing rows of the same pair and date are replaced.  Returns
-- the number of rows written.
-- 0.2 adds currency_names: a new signature, so the old one goes.
DROP FUNCTION @extschema@.load_rates(text, text, text, text, numeric, text);
CREATE FUNCTION @extschema@.load_rates(content text, currency text,
									   delimiter text DEFAULT ',',
									   date_format text DEFAULT 'YYYY-MM-DD',
									   per numeric DEFAULT 1,
									   columns text DEFAULT 'quote',
									   currency_names jsonb DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	written bigint;
	code text := upper(currency);
	bad record;
	skipped text;
BEGIN
	IF content IS NULL OR currency IS NULL OR delimiter IS NULL OR date_format IS NULL THEN
		RAISE EXCEPTION 'load_rates needs content, currency, delimiter and date_format, not NULL'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF NOT @extschema@.is_currency_code(code) THEN
		RAISE EXCEPTION 'unknown currency code "%"', currency
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF per IS NULL OR per <= 0 THEN
		RAISE EXCEPTION 'per must be positive, not %', per
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF columns IS NULL OR columns NOT IN ('quote', 'base') THEN
		RAISE EXCEPTION 'columns must be ''quote'' or ''base'', not %', quote_nullable(columns)
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF currency_names IS NOT NULL AND jsonb_typeof(currency_names) <> 'object' THEN
		RAISE EXCEPTION 'currency_names must be a JSON object of header names and currency codes, not %',
			currency_names
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT key, value INTO bad FROM jsonb_each(currency_names)
	WHERE jsonb_typeof(value) <> 'string' OR NOT @extschema@.is_currency_code(upper(value #>> '{}'))
	ORDER BY key LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'currency_names maps "%" to %, which is no currency code', bad.key, bad.value
			USING ERRCODE = 'invalid_parameter_value';
	END IF;

	CREATE TEMP TABLE pg_temp.ts_rate_cells ON COMMIT DROP AS
		SELECT c.line, c.field, btrim(c.value, E' \t') AS value
		FROM trade_stats.csv_cells(content, delimiter) c;

	-- every record has the header's number of fields
	SELECT r.line, r.n, h.n AS header INTO bad
	FROM (SELECT line, count(*) AS n FROM pg_temp.ts_rate_cells GROUP BY line) r,
		 (SELECT count(*) AS n FROM pg_temp.ts_rate_cells
		  WHERE line = (SELECT min(line) FROM pg_temp.ts_rate_cells)) h
	WHERE r.n <> h.n ORDER BY r.line LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'invalid rate file: line % has % fields, the header %', bad.line, bad.n, bad.header
			USING ERRCODE = 'bad_copy_file_format';
	END IF;

	-- the header's currencies: a cell's own text, or the code of the name
	-- of currency_names it equals, else of the one it contains
	CREATE TEMP TABLE pg_temp.ts_rate_header ON COMMIT DROP AS
		SELECT h.field, h.value AS name, m.names,
			   upper(CASE WHEN cardinality(m.names) = 1
						  THEN currency_names ->> m.names[1] ELSE h.value END) AS other
		FROM pg_temp.ts_rate_cells h
		CROSS JOIN LATERAL (
			SELECT coalesce(array_agg(n.key ORDER BY n.key) FILTER (WHERE n.key = h.value),
							array_agg(n.key ORDER BY n.key) FILTER (WHERE strpos(h.value, n.key) > 0)) AS names
			FROM jsonb_object_keys(currency_names) AS n(key)) m
		WHERE h.line = (SELECT min(line) FROM pg_temp.ts_rate_cells) AND h.field > 1;
	SELECT name, names INTO bad FROM pg_temp.ts_rate_header
	WHERE cardinality(names) > 1 ORDER BY field LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'invalid rate file: the header "%" contains the names "%" and "%" of currency_names',
			bad.name, bad.names[1], bad.names[2]
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT n.key INTO bad FROM jsonb_object_keys(currency_names) AS n(key)
	WHERE NOT EXISTS (SELECT FROM pg_temp.ts_rate_header h WHERE n.key = ANY (h.names))
	ORDER BY n.key LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'currency_names has "%", which no header cell names', bad.key
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT a.name AS first, b.name AS second, a.other INTO bad
	FROM pg_temp.ts_rate_header a JOIN pg_temp.ts_rate_header b
		ON a.other = b.other AND a.field < b.field
	WHERE @extschema@.is_currency_code(a.other) AND a.other <> code
	ORDER BY a.field, b.field LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'invalid rate file: the columns "%" and "%" both give % rates',
			bad.first, bad.second, bad.other
			USING ERRCODE = 'cardinality_violation';
	END IF;

	CREATE TEMP TABLE pg_temp.ts_rate_rows ON COMMIT DROP AS
	WITH header AS (
		SELECT field, other FROM pg_temp.ts_rate_header
	), dates AS (
		SELECT line, value AS date_text,
			   CASE WHEN value <> '' THEN to_date(value, date_format) END AS valid_from
		FROM pg_temp.ts_rate_cells
		WHERE field = 1 AND line > (SELECT min(line) FROM pg_temp.ts_rate_cells)
	)
	SELECT d.line, d.date_text, d.valid_from, h.other, c.value AS cell,
		   CASE WHEN c.value = '' THEN 'blank'
				WHEN c.value !~ '[0-9]' THEN 'not a number'
				WHEN c.value !~ '^([0-9]+|[0-9]{1,3}(,[0-9]{3})+)?(\.[0-9]+)?$' OR c.value !~ '[0-9]$' THEN 'malformed'
				WHEN replace(c.value, ',', '')::numeric = 0 THEN 'zero'
		   END AS problem
	FROM dates d
	JOIN pg_temp.ts_rate_cells c ON c.line = d.line
	JOIN header h ON h.field = c.field
	WHERE @extschema@.is_currency_code(h.other) AND h.other <> code;

	SELECT line, date_text INTO bad FROM pg_temp.ts_rate_rows
	WHERE valid_from IS NULL OR valid_from < '0001-01-01'
	   OR upper(to_char(valid_from, date_format)) <> upper(date_text)
	ORDER BY line LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'invalid rate file: line %: the date "%" does not match date_format "%"',
			bad.line, bad.date_text, date_format
			USING ERRCODE = 'invalid_datetime_format',
				  HINT = 'Dates must read back as written with date_format, and lie in the years 1 to 9999.';
	END IF;
	SELECT line, other, cell INTO bad FROM pg_temp.ts_rate_rows
	WHERE problem = 'malformed' ORDER BY line, other LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'invalid rate file: line %, column %: "%" is not a positive decimal number',
			bad.line, bad.other, bad.cell
			USING ERRCODE = 'invalid_text_representation';
	END IF;
	SELECT a.line AS first, b.line AS second, a.other, a.valid_from INTO bad
	FROM pg_temp.ts_rate_rows a JOIN pg_temp.ts_rate_rows b
		ON a.other = b.other AND a.valid_from = b.valid_from AND a.line < b.line
	WHERE a.problem IS NULL AND b.problem IS NULL
	ORDER BY a.line, b.line LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'invalid rate file: lines % and % both give the % rate of %',
			bad.first, bad.second, bad.other, bad.valid_from
			USING ERRCODE = 'cardinality_violation';
	END IF;

	INSERT INTO trade_stats.exchange_rate AS r (base, quote, valid_from, rate)
	SELECT CASE columns WHEN 'quote' THEN code ELSE other END,
		   CASE columns WHEN 'quote' THEN other ELSE code END,
		   valid_from, trim_scale(replace(cell, ',', '')::numeric / per)
	FROM pg_temp.ts_rate_rows
	WHERE problem IS NULL
	ON CONFLICT ON CONSTRAINT exchange_rate_pkey DO UPDATE SET rate = EXCLUDED.rate;
	GET DIAGNOSTICS written = ROW_COUNT;

	SELECT string_agg(n || ' ' || problem, ', ' ORDER BY problem) INTO skipped
	FROM (SELECT problem, count(*) AS n FROM pg_temp.ts_rate_rows
		  WHERE problem IS NOT NULL GROUP BY problem) p;
	IF skipped IS NOT NULL THEN
		RAISE NOTICE 'load_rates skipped cells: %', skipped;
	END IF;
	DROP TABLE pg_temp.ts_rate_cells, pg_temp.ts_rate_header, pg_temp.ts_rate_rows;
	RETURN written;
END
$$;

COMMENT ON FUNCTION @extschema@.load_rates(text, text, text, text, numeric, text, jsonb) IS
	'load a wide rate file (date, then one column per currency) into trade_stats.exchange_rate';

-- The install script is ASCII, so that it installs in any database
-- encoding: humanize()'s comment without Chinese characters.
COMMENT ON FUNCTION @extschema@.humanize(@extschema@.currency_amount, text, integer) IS
	'amount for people: 8.45 trillion yuan, or the same in Chinese units';

-- Selectivity of < <= > >=: the scalar estimators, except with statistics
-- of another currency than the constant (then the default, so that the
-- comparison errors when it runs, never at plan time only after ANALYZE).
CREATE FUNCTION @extschema@.currency_amount_ltsel(internal, oid, internal, integer)
RETURNS double precision
AS 'MODULE_PATHNAME', 'currency_amount_ltsel'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.currency_amount_lesel(internal, oid, internal, integer)
RETURNS double precision
AS 'MODULE_PATHNAME', 'currency_amount_lesel'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.currency_amount_gtsel(internal, oid, internal, integer)
RETURNS double precision
AS 'MODULE_PATHNAME', 'currency_amount_gtsel'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.currency_amount_gesel(internal, oid, internal, integer)
RETURNS double precision
AS 'MODULE_PATHNAME', 'currency_amount_gesel'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
ALTER OPERATOR @extschema@.< (@extschema@.currency_amount, @extschema@.currency_amount)
	SET (RESTRICT = @extschema@.currency_amount_ltsel);
ALTER OPERATOR @extschema@.<= (@extschema@.currency_amount, @extschema@.currency_amount)
	SET (RESTRICT = @extschema@.currency_amount_lesel);
ALTER OPERATOR @extschema@.> (@extschema@.currency_amount, @extschema@.currency_amount)
	SET (RESTRICT = @extschema@.currency_amount_gtsel);
ALTER OPERATOR @extschema@.>= (@extschema@.currency_amount, @extschema@.currency_amount)
	SET (RESTRICT = @extschema@.currency_amount_gesel);

-- convert, to_usd and to_cny of a timestamp take its date; of a timestamp
-- with time zone, its date in the session's TimeZone (a BI tool's time
-- column, now()).
CREATE FUNCTION @extschema@.convert(a @extschema@.currency_amount, to_currency text, on_date timestamp)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.convert(a, to_currency, on_date::date);
CREATE FUNCTION @extschema@.convert(a @extschema@.currency_amount, to_currency text, on_date timestamptz)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.convert(a, to_currency, on_date::date);
CREATE FUNCTION @extschema@.to_usd(a @extschema@.currency_amount, on_date timestamp)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.to_usd(a, on_date::date);
CREATE FUNCTION @extschema@.to_usd(a @extschema@.currency_amount, on_date timestamptz)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.to_usd(a, on_date::date);
CREATE FUNCTION @extschema@.to_cny(a @extschema@.currency_amount, on_date timestamp)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.to_cny(a, on_date::date);
CREATE FUNCTION @extschema@.to_cny(a @extschema@.currency_amount, on_date timestamptz)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.to_cny(a, on_date::date);

COMMENT ON FUNCTION @extschema@.convert(@extschema@.currency_amount, text, timestamp) IS
	'convert(a, to_currency, the timestamp''s date)';
COMMENT ON FUNCTION @extschema@.convert(@extschema@.currency_amount, text, timestamptz) IS
	'convert(a, to_currency, the date of the timestamp in the session''s time zone)';
COMMENT ON FUNCTION @extschema@.to_usd(@extschema@.currency_amount, timestamp) IS
	'to_usd(a, the timestamp''s date)';
COMMENT ON FUNCTION @extschema@.to_usd(@extschema@.currency_amount, timestamptz) IS
	'to_usd(a, the date of the timestamp in the session''s time zone)';
COMMENT ON FUNCTION @extschema@.to_cny(@extschema@.currency_amount, timestamp) IS
	'to_cny(a, the timestamp''s date)';
COMMENT ON FUNCTION @extschema@.to_cny(@extschema@.currency_amount, timestamptz) IS
	'to_cny(a, the date of the timestamp in the session''s time zone)';

-- pct_change: one C entry point per signature (0.1 bound all four to one
-- symbol that read its argument type from fn_expr).
CREATE OR REPLACE FUNCTION @extschema@.pct_change("current" @extschema@.currency_amount, base @extschema@.currency_amount) RETURNS numeric
AS 'MODULE_PATHNAME', 'trade_stats_pct_change_amount' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.pct_change("current" numeric, base numeric) RETURNS numeric
AS 'MODULE_PATHNAME', 'trade_stats_pct_change_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.pct_change("current" bigint, base bigint) RETURNS numeric
AS 'MODULE_PATHNAME', 'trade_stats_pct_change_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.pct_change("current" double precision, base double precision) RETURNS numeric
AS 'MODULE_PATHNAME', 'trade_stats_pct_change_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
