-- ---------------------------------------------------------------------------
-- Growth measures by the calendar: one reporting date for every measure
-- (as_of), the latest period of a summary.  New in 0.3: this whole file is
-- part of the upgrade step from 0.2.
-- ---------------------------------------------------------------------------

-- transition functions of (value, part, period, as_of)

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, @extschema@.currency_amount, boolean, date, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_amount_part_period_as_of'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.growth_accum(@extschema@.growth_state, @extschema@.currency_amount, boolean, date, date) IS
	'transition function of share_change and growth_contribution with as_of';

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, numeric, boolean, date, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_numeric_part_period_as_of'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.growth_accum(@extschema@.growth_state, numeric, boolean, date, date) IS
	'transition function of share_change and growth_contribution with as_of';

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, bigint, boolean, date, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_int8_part_period_as_of'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.growth_accum(@extschema@.growth_state, bigint, boolean, date, date) IS
	'transition function of share_change and growth_contribution with as_of';

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, double precision, boolean, date, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_float8_part_period_as_of'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.growth_accum(@extschema@.growth_state, double precision, boolean, date, date) IS
	'transition function of share_change and growth_contribution with as_of';

-- the measures with as_of that 0.2 lacked

CREATE AGGREGATE @extschema@.mom_growth(value @extschema@.currency_amount, period date, as_of date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.mom_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.mom_growth(@extschema@.currency_amount, date, date) IS
	'growth of the month of as_of (from its first day to as_of) over the whole month before, in percent';

CREATE AGGREGATE @extschema@.share_change(value @extschema@.currency_amount, part boolean, period date, as_of date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.share_change_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.share_change(@extschema@.currency_amount, boolean, date, date) IS
	'change of the part''s share against the same period a year earlier, in percentage points, as of the date given';

CREATE AGGREGATE @extschema@.growth_contribution(value @extschema@.currency_amount, part boolean, period date, as_of date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_contribution_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.growth_contribution(@extschema@.currency_amount, boolean, date, date) IS
	'percentage points the rows marked part add to the same-period year-on-year growth of all rows, as of the date given';

CREATE AGGREGATE @extschema@.mom_growth(value numeric, period date, as_of date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.mom_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.mom_growth(numeric, date, date) IS
	'growth of the month of as_of (from its first day to as_of) over the whole month before, in percent';

CREATE AGGREGATE @extschema@.share_change(value numeric, part boolean, period date, as_of date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.share_change_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.share_change(numeric, boolean, date, date) IS
	'change of the part''s share against the same period a year earlier, in percentage points, as of the date given';

CREATE AGGREGATE @extschema@.growth_contribution(value numeric, part boolean, period date, as_of date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_contribution_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.growth_contribution(numeric, boolean, date, date) IS
	'percentage points the rows marked part add to the same-period year-on-year growth of all rows, as of the date given';

CREATE AGGREGATE @extschema@.mom_growth(value bigint, period date, as_of date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.mom_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.mom_growth(bigint, date, date) IS
	'growth of the month of as_of (from its first day to as_of) over the whole month before, in percent';

CREATE AGGREGATE @extschema@.share_change(value bigint, part boolean, period date, as_of date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.share_change_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.share_change(bigint, boolean, date, date) IS
	'change of the part''s share against the same period a year earlier, in percentage points, as of the date given';

CREATE AGGREGATE @extschema@.growth_contribution(value bigint, part boolean, period date, as_of date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_contribution_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.growth_contribution(bigint, boolean, date, date) IS
	'percentage points the rows marked part add to the same-period year-on-year growth of all rows, as of the date given';

CREATE AGGREGATE @extschema@.mom_growth(value double precision, period date, as_of date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.mom_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.mom_growth(double precision, date, date) IS
	'growth of the month of as_of (from its first day to as_of) over the whole month before, in percent';

CREATE AGGREGATE @extschema@.share_change(value double precision, part boolean, period date, as_of date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.share_change_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.share_change(double precision, boolean, date, date) IS
	'change of the part''s share against the same period a year earlier, in percentage points, as of the date given';

CREATE AGGREGATE @extschema@.growth_contribution(value double precision, part boolean, period date, as_of date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_contribution_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.growth_contribution(double precision, boolean, date, date) IS
	'percentage points the rows marked part add to the same-period year-on-year growth of all rows, as of the date given';

-- accessors
CREATE FUNCTION @extschema@.mom_growth(summary @extschema@.growth_state, as_of date)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_mom_growth_as_of'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.mom_growth(@extschema@.growth_state, date) IS
	'growth of the month of as_of (from its first day to as_of) over the whole month before, in percent';

CREATE FUNCTION @extschema@.latest_period(summary @extschema@.growth_state)
RETURNS date
AS 'MODULE_PATHNAME', 'growth_state_latest_period'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.latest_period(@extschema@.growth_state) IS
	'the latest period with rows of a summary by period (NULL when it has none): the one as_of of a report';
