-- ---------------------------------------------------------------------------
-- Stored summaries: growth_state as a value
-- ---------------------------------------------------------------------------

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

COMMENT ON OPERATOR @extschema@.= (@extschema@.growth_state, @extschema@.growth_state) IS
	'the same summary (equal canonical forms)';

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.growth_state, RIGHTARG = @extschema@.growth_state,
	FUNCTION = @extschema@.growth_state_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);

COMMENT ON OPERATOR @extschema@.<> (@extschema@.growth_state, @extschema@.growth_state) IS
	'different summaries';

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

CREATE FUNCTION @extschema@.growth_rolling_accum(@extschema@.growth_state, @extschema@.growth_state)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_rolling_inv(@extschema@.growth_state, @extschema@.growth_state)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

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
	MSFUNC = @extschema@.growth_rolling_accum,
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

