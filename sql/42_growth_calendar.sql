-- ---------------------------------------------------------------------------
-- Growth measures by the calendar: one reporting date for every measure
-- (as_of) and the latest period of a summary, fiscal years, rolling
-- windows of calendar months, CAGR and index numbers.  New in 0.3: this
-- whole file is part of the upgrade step from 0.2.
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

-- ---------------------------------------------------------------------------
-- Fiscal years: the same-period windows of years that start on the first of
-- month year_start (4: April to March).  The aggregates keep year_start in
-- their state (growth_state's flag 8), so partial states combine anywhere.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, @extschema@.currency_amount, date, date, integer)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_amount_period_as_of_year'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.growth_accum(@extschema@.growth_state, @extschema@.currency_amount, date, date, integer) IS
	'transition function of yoy_growth with as_of and year_start';

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, @extschema@.currency_amount, boolean, date, date, integer)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_amount_part_period_as_of_year'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.growth_accum(@extschema@.growth_state, @extschema@.currency_amount, boolean, date, date, integer) IS
	'transition function of share_change and growth_contribution with as_of and year_start';

CREATE AGGREGATE @extschema@.yoy_growth(value @extschema@.currency_amount, period date, as_of date, year_start integer) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.yoy_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.yoy_growth(@extschema@.currency_amount, date, date, integer) IS
	'same-period year-on-year growth in percent, in years from month year_start: from the start of as_of''s year to as_of against a year earlier';

CREATE AGGREGATE @extschema@.share_change(value @extschema@.currency_amount, part boolean, period date, as_of date, year_start integer) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.share_change_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.share_change(@extschema@.currency_amount, boolean, date, date, integer) IS
	'change of the part''s share against the same period a year earlier, in percentage points, in years from month year_start';

CREATE AGGREGATE @extschema@.growth_contribution(value @extschema@.currency_amount, part boolean, period date, as_of date, year_start integer) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_contribution_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.growth_contribution(@extschema@.currency_amount, boolean, date, date, integer) IS
	'percentage points the rows marked part add to the same-period year-on-year growth of all rows, in years from month year_start';

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, numeric, date, date, integer)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_numeric_period_as_of_year'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.growth_accum(@extschema@.growth_state, numeric, date, date, integer) IS
	'transition function of yoy_growth with as_of and year_start';

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, numeric, boolean, date, date, integer)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_numeric_part_period_as_of_year'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.growth_accum(@extschema@.growth_state, numeric, boolean, date, date, integer) IS
	'transition function of share_change and growth_contribution with as_of and year_start';

CREATE AGGREGATE @extschema@.yoy_growth(value numeric, period date, as_of date, year_start integer) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.yoy_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.yoy_growth(numeric, date, date, integer) IS
	'same-period year-on-year growth in percent, in years from month year_start: from the start of as_of''s year to as_of against a year earlier';

CREATE AGGREGATE @extschema@.share_change(value numeric, part boolean, period date, as_of date, year_start integer) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.share_change_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.share_change(numeric, boolean, date, date, integer) IS
	'change of the part''s share against the same period a year earlier, in percentage points, in years from month year_start';

CREATE AGGREGATE @extschema@.growth_contribution(value numeric, part boolean, period date, as_of date, year_start integer) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_contribution_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.growth_contribution(numeric, boolean, date, date, integer) IS
	'percentage points the rows marked part add to the same-period year-on-year growth of all rows, in years from month year_start';

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, bigint, date, date, integer)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_int8_period_as_of_year'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.growth_accum(@extschema@.growth_state, bigint, date, date, integer) IS
	'transition function of yoy_growth with as_of and year_start';

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, bigint, boolean, date, date, integer)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_int8_part_period_as_of_year'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.growth_accum(@extschema@.growth_state, bigint, boolean, date, date, integer) IS
	'transition function of share_change and growth_contribution with as_of and year_start';

CREATE AGGREGATE @extschema@.yoy_growth(value bigint, period date, as_of date, year_start integer) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.yoy_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.yoy_growth(bigint, date, date, integer) IS
	'same-period year-on-year growth in percent, in years from month year_start: from the start of as_of''s year to as_of against a year earlier';

CREATE AGGREGATE @extschema@.share_change(value bigint, part boolean, period date, as_of date, year_start integer) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.share_change_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.share_change(bigint, boolean, date, date, integer) IS
	'change of the part''s share against the same period a year earlier, in percentage points, in years from month year_start';

CREATE AGGREGATE @extschema@.growth_contribution(value bigint, part boolean, period date, as_of date, year_start integer) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_contribution_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.growth_contribution(bigint, boolean, date, date, integer) IS
	'percentage points the rows marked part add to the same-period year-on-year growth of all rows, in years from month year_start';

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, double precision, date, date, integer)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_float8_period_as_of_year'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.growth_accum(@extschema@.growth_state, double precision, date, date, integer) IS
	'transition function of yoy_growth with as_of and year_start';

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, double precision, boolean, date, date, integer)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_float8_part_period_as_of_year'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.growth_accum(@extschema@.growth_state, double precision, boolean, date, date, integer) IS
	'transition function of share_change and growth_contribution with as_of and year_start';

CREATE AGGREGATE @extschema@.yoy_growth(value double precision, period date, as_of date, year_start integer) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.yoy_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.yoy_growth(double precision, date, date, integer) IS
	'same-period year-on-year growth in percent, in years from month year_start: from the start of as_of''s year to as_of against a year earlier';

CREATE AGGREGATE @extschema@.share_change(value double precision, part boolean, period date, as_of date, year_start integer) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.share_change_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.share_change(double precision, boolean, date, date, integer) IS
	'change of the part''s share against the same period a year earlier, in percentage points, in years from month year_start';

CREATE AGGREGATE @extschema@.growth_contribution(value double precision, part boolean, period date, as_of date, year_start integer) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_contribution_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.growth_contribution(double precision, boolean, date, date, integer) IS
	'percentage points the rows marked part add to the same-period year-on-year growth of all rows, in years from month year_start';

-- accessors with fiscal years
CREATE FUNCTION @extschema@.yoy_growth(summary @extschema@.growth_state, as_of date, year_start integer)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_yoy_growth_fiscal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.yoy_growth(@extschema@.growth_state, date, integer) IS
	'same-period year-on-year growth in percent, as of the date given, in years from month year_start';

CREATE FUNCTION @extschema@.share_change(summary @extschema@.growth_state, as_of date, year_start integer)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_share_change_fiscal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.share_change(@extschema@.growth_state, date, integer) IS
	'change of the part''s share against the same period a year earlier, in percentage points, as of the date given, in years from month year_start';

CREATE FUNCTION @extschema@.growth_contribution(summary @extschema@.growth_state, as_of date, year_start integer)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_contribution_fiscal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.growth_contribution(@extschema@.growth_state, date, integer) IS
	'percentage points the part adds to the same-period growth of the whole, as of the date given, in years from month year_start';

CREATE FUNCTION @extschema@.growth_contribution(part @extschema@.growth_state, whole @extschema@.growth_state, as_of date, year_start integer)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_contribution_of_fiscal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.growth_contribution(@extschema@.growth_state, @extschema@.growth_state, date, integer) IS
	'percentage points the part summary adds to the same-period growth of the whole summary, as of the date given, in years from month year_start';

CREATE FUNCTION @extschema@.growth_series(summary @extschema@.growth_state, year_start integer,
	OUT period date, OUT total numeric, OUT yoy numeric, OUT mom numeric,
	OUT share numeric, OUT ytd numeric, OUT ytd_yoy numeric)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'growth_state_series_fiscal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 12;

COMMENT ON FUNCTION @extschema@.growth_series(@extschema@.growth_state, integer) IS
	'growth_series with the year-to-date total and its same-period growth, in years from month year_start';

-- ---------------------------------------------------------------------------
-- Rolling windows of whole calendar months: a month without rows is absent,
-- never replaced by the row before it.
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.rolling_total(summary @extschema@.growth_state, months integer)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_rolling_total'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.rolling_total(@extschema@.growth_state, integer) IS
	'the total of the calendar months to the latest period (that month and months - 1 before it)';

CREATE FUNCTION @extschema@.rolling_total(summary @extschema@.growth_state, months integer, as_of date)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_rolling_total_as_of'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.rolling_total(@extschema@.growth_state, integer, date) IS
	'the total of the calendar months to as_of (its month from the first to as_of, and months - 1 before it)';

CREATE FUNCTION @extschema@.rolling_yoy(summary @extschema@.growth_state, months integer)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_rolling_yoy'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.rolling_yoy(@extschema@.growth_state, integer) IS
	'growth in percent of the calendar months to the latest period over the same months a year earlier';

CREATE FUNCTION @extschema@.rolling_yoy(summary @extschema@.growth_state, months integer, as_of date)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_rolling_yoy_as_of'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.rolling_yoy(@extschema@.growth_state, integer, date) IS
	'growth in percent of the calendar months to as_of over the same months a year earlier';

CREATE FUNCTION @extschema@.rolling_series(summary @extschema@.growth_state, months integer,
	OUT period date, OUT rolling_total numeric, OUT rolling_yoy numeric)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'growth_state_rolling_series'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 12;

COMMENT ON FUNCTION @extschema@.rolling_series(@extschema@.growth_state, integer) IS
	'one row per period of the summary: the total of the calendar months to it and its growth over the same months a year earlier';

-- the window functions: rows of the partition found by date
CREATE FUNCTION @extschema@.rolling_sum(value @extschema@.currency_amount, period date, months integer) RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'window_rolling_sum_amount' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.rolling_sum(@extschema@.currency_amount, date, integer) IS
	'window function: the sum of the partition''s values in the calendar months to the row''s period (a month without a row is absent)';

CREATE FUNCTION @extschema@.rolling_yoy(value @extschema@.currency_amount, period date, months integer) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_rolling_yoy_amount' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.rolling_yoy(@extschema@.currency_amount, date, integer) IS
	'window function: growth in percent of rolling_sum over the same calendar months a year earlier';

CREATE FUNCTION @extschema@.rolling_sum(value numeric, period date, months integer) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_rolling_sum_numeric' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.rolling_sum(numeric, date, integer) IS
	'window function: the sum of the partition''s values in the calendar months to the row''s period (a month without a row is absent)';

CREATE FUNCTION @extschema@.rolling_yoy(value numeric, period date, months integer) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_rolling_yoy_numeric' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.rolling_yoy(numeric, date, integer) IS
	'window function: growth in percent of rolling_sum over the same calendar months a year earlier';

CREATE FUNCTION @extschema@.rolling_sum(value bigint, period date, months integer) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_rolling_sum_int8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.rolling_sum(bigint, date, integer) IS
	'window function: the sum of the partition''s values in the calendar months to the row''s period (a month without a row is absent)';

CREATE FUNCTION @extschema@.rolling_yoy(value bigint, period date, months integer) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_rolling_yoy_int8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.rolling_yoy(bigint, date, integer) IS
	'window function: growth in percent of rolling_sum over the same calendar months a year earlier';

CREATE FUNCTION @extschema@.rolling_sum(value double precision, period date, months integer) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_rolling_sum_float8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.rolling_sum(double precision, date, integer) IS
	'window function: the sum of the partition''s values in the calendar months to the row''s period (a month without a row is absent)';

CREATE FUNCTION @extschema@.rolling_yoy(value double precision, period date, months integer) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_rolling_yoy_float8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.rolling_yoy(double precision, date, integer) IS
	'window function: growth in percent of rolling_sum over the same calendar months a year earlier';

-- ---------------------------------------------------------------------------
-- Growth over several years and index numbers
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.cagr(summary @extschema@.growth_state, "from" date, "to" date)
RETURNS numeric
AS 'MODULE_PATHNAME', 'growth_state_cagr'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.cagr(@extschema@.growth_state, date, date) IS
	'compound annual growth rate in percent of the total of period "to" over that of period "from", rounded to 12 decimals';

CREATE FUNCTION @extschema@.growth_index(summary @extschema@.growth_state, base date,
	OUT period date, OUT total numeric, OUT index numeric)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'growth_state_index'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 12;

COMMENT ON FUNCTION @extschema@.growth_index(@extschema@.growth_state, date) IS
	'one row per period of the summary: its total and the index 100 * total / the total of the base period';
