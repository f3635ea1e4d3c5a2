-- ---------------------------------------------------------------------------
-- Growth and share analytics
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.growth_state;

CREATE FUNCTION @extschema@.growth_state_in(cstring)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_out(@extschema@.growth_state)
RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_recv(internal)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_state_send(@extschema@.growth_state)
RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.growth_state (
	INPUT = @extschema@.growth_state_in,
	OUTPUT = @extschema@.growth_state_out,
	RECEIVE = @extschema@.growth_state_recv,
	SEND = @extschema@.growth_state_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE @extschema@.growth_state IS
	'summary of values per period (exact count and sum, and of a part): stored by growth_summary(), rolled up by rollup(), read by the accessors';

CREATE FUNCTION @extschema@.growth_combine(@extschema@.growth_state, @extschema@.growth_state)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.yoy_growth_final(@extschema@.growth_state)
RETURNS numeric
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.mom_growth_final(@extschema@.growth_state)
RETURNS numeric
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.share_final(@extschema@.growth_state)
RETURNS numeric
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.share_change_final(@extschema@.growth_state)
RETURNS numeric
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_contribution_final(@extschema@.growth_state)
RETURNS numeric
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- transition functions for currency_amount values
CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, @extschema@.currency_amount, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_amount_period'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, @extschema@.currency_amount, date, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_amount_period_as_of'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, @extschema@.currency_amount, boolean)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_amount_part'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, @extschema@.currency_amount, boolean, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_amount_part_period'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- transition functions for numeric values
CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, numeric, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_numeric_period'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, numeric, date, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_numeric_period_as_of'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, numeric, boolean)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_numeric_part'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, numeric, boolean, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_numeric_part_period'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- transition functions for bigint values
CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, bigint, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_int8_period'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, bigint, date, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_int8_period_as_of'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, bigint, boolean)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_int8_part'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, bigint, boolean, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_int8_part_period'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- transition functions for double precision values
CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, double precision, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_float8_period'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, double precision, date, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_float8_period_as_of'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, double precision, boolean)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_float8_part'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.growth_accum(@extschema@.growth_state, double precision, boolean, date)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_accum_float8_part_period'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- the measures of currency_amount values
CREATE AGGREGATE @extschema@.yoy_growth(value @extschema@.currency_amount, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.yoy_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.yoy_growth(value @extschema@.currency_amount, period date) IS
	'same-period year-on-year growth in percent: from January 1 to the latest period against a year earlier';

CREATE AGGREGATE @extschema@.yoy_growth(value @extschema@.currency_amount, period date, as_of date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.yoy_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.yoy_growth(value @extschema@.currency_amount, period date, as_of date) IS
	'same-period year-on-year growth in percent: from January 1 to the as_of date against a year earlier';

CREATE AGGREGATE @extschema@.mom_growth(value @extschema@.currency_amount, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.mom_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.mom_growth(@extschema@.currency_amount, date) IS
	'growth of the month of the latest period over the month before, in percent';

CREATE AGGREGATE @extschema@.share(value @extschema@.currency_amount, part boolean) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.share_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.share(@extschema@.currency_amount, boolean) IS
	'share of the rows marked part in the total, in percent';

CREATE AGGREGATE @extschema@.share_change(value @extschema@.currency_amount, part boolean, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.share_change_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.share_change(@extschema@.currency_amount, boolean, date) IS
	'change of the part''s share against the same period a year earlier, in percentage points';

CREATE AGGREGATE @extschema@.growth_contribution(value @extschema@.currency_amount, part boolean, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_contribution_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.growth_contribution(@extschema@.currency_amount, boolean, date) IS
	'percentage points the rows marked part add to the same-period year-on-year growth of all rows';

-- the measures of numeric values
CREATE AGGREGATE @extschema@.yoy_growth(value numeric, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.yoy_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.yoy_growth(value numeric, period date) IS
	'same-period year-on-year growth in percent: from January 1 to the latest period against a year earlier';

CREATE AGGREGATE @extschema@.yoy_growth(value numeric, period date, as_of date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.yoy_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.yoy_growth(value numeric, period date, as_of date) IS
	'same-period year-on-year growth in percent: from January 1 to the as_of date against a year earlier';

CREATE AGGREGATE @extschema@.mom_growth(value numeric, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.mom_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.mom_growth(numeric, date) IS
	'growth of the month of the latest period over the month before, in percent';

CREATE AGGREGATE @extschema@.share(value numeric, part boolean) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.share_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.share(numeric, boolean) IS
	'share of the rows marked part in the total, in percent';

CREATE AGGREGATE @extschema@.share_change(value numeric, part boolean, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.share_change_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.share_change(numeric, boolean, date) IS
	'change of the part''s share against the same period a year earlier, in percentage points';

CREATE AGGREGATE @extschema@.growth_contribution(value numeric, part boolean, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_contribution_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.growth_contribution(numeric, boolean, date) IS
	'percentage points the rows marked part add to the same-period year-on-year growth of all rows';

-- the measures of bigint values
CREATE AGGREGATE @extschema@.yoy_growth(value bigint, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.yoy_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.yoy_growth(value bigint, period date) IS
	'same-period year-on-year growth in percent: from January 1 to the latest period against a year earlier';

CREATE AGGREGATE @extschema@.yoy_growth(value bigint, period date, as_of date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.yoy_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.yoy_growth(value bigint, period date, as_of date) IS
	'same-period year-on-year growth in percent: from January 1 to the as_of date against a year earlier';

CREATE AGGREGATE @extschema@.mom_growth(value bigint, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.mom_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.mom_growth(bigint, date) IS
	'growth of the month of the latest period over the month before, in percent';

CREATE AGGREGATE @extschema@.share(value bigint, part boolean) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.share_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.share(bigint, boolean) IS
	'share of the rows marked part in the total, in percent';

CREATE AGGREGATE @extschema@.share_change(value bigint, part boolean, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.share_change_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.share_change(bigint, boolean, date) IS
	'change of the part''s share against the same period a year earlier, in percentage points';

CREATE AGGREGATE @extschema@.growth_contribution(value bigint, part boolean, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_contribution_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.growth_contribution(bigint, boolean, date) IS
	'percentage points the rows marked part add to the same-period year-on-year growth of all rows';

-- the measures of double precision values
CREATE AGGREGATE @extschema@.yoy_growth(value double precision, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.yoy_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.yoy_growth(value double precision, period date) IS
	'same-period year-on-year growth in percent: from January 1 to the latest period against a year earlier';

CREATE AGGREGATE @extschema@.yoy_growth(value double precision, period date, as_of date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.yoy_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.yoy_growth(value double precision, period date, as_of date) IS
	'same-period year-on-year growth in percent: from January 1 to the as_of date against a year earlier';

CREATE AGGREGATE @extschema@.mom_growth(value double precision, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.mom_growth_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.mom_growth(double precision, date) IS
	'growth of the month of the latest period over the month before, in percent';

CREATE AGGREGATE @extschema@.share(value double precision, part boolean) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.share_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.share(double precision, boolean) IS
	'share of the rows marked part in the total, in percent';

CREATE AGGREGATE @extschema@.share_change(value double precision, part boolean, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.share_change_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.share_change(double precision, boolean, date) IS
	'change of the part''s share against the same period a year earlier, in percentage points';

CREATE AGGREGATE @extschema@.growth_contribution(value double precision, part boolean, period date) (
	SFUNC = @extschema@.growth_accum, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_contribution_final,
	COMBINEFUNC = @extschema@.growth_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.growth_contribution(double precision, boolean, date) IS
	'percentage points the rows marked part add to the same-period year-on-year growth of all rows';

-- window functions and pct_change of currency_amount values
CREATE FUNCTION @extschema@.yoy(value @extschema@.currency_amount, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_yoy_amount' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.yoy(@extschema@.currency_amount, date) IS
	'window function: growth over the row of the same partition exactly one year earlier, in percent';
CREATE FUNCTION @extschema@.mom(value @extschema@.currency_amount, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_mom_amount' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.mom(@extschema@.currency_amount, date) IS
	'window function: growth over the row of the same partition exactly one month earlier, in percent';
CREATE FUNCTION @extschema@.prior_year(value @extschema@.currency_amount, period date) RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'window_prior_year_amount' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.prior_year(@extschema@.currency_amount, date) IS
	'window function: the value of the row of the same partition exactly one year earlier';
CREATE FUNCTION @extschema@.monthly_from_ytd(value @extschema@.currency_amount, period date) RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'window_monthly_from_ytd_amount' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.monthly_from_ytd(@extschema@.currency_amount, date) IS
	'window function: a year-to-date series made monthly (the value minus the previous month of the same year)';
CREATE FUNCTION @extschema@.share_of_total(value @extschema@.currency_amount) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_share_of_total_amount' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.share_of_total(@extschema@.currency_amount) IS
	'window function: 100 * value / the partition''s total';
CREATE FUNCTION @extschema@.pct_change("current" @extschema@.currency_amount, base @extschema@.currency_amount) RETURNS numeric
AS 'MODULE_PATHNAME', 'trade_stats_pct_change_amount' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.pct_change(@extschema@.currency_amount, @extschema@.currency_amount) IS
	'100 * (current - base) / |base|: change in percent (NULL when base is 0)';

-- window functions and pct_change of numeric values
CREATE FUNCTION @extschema@.yoy(value numeric, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_yoy_numeric' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.yoy(numeric, date) IS
	'window function: growth over the row of the same partition exactly one year earlier, in percent';
CREATE FUNCTION @extschema@.mom(value numeric, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_mom_numeric' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.mom(numeric, date) IS
	'window function: growth over the row of the same partition exactly one month earlier, in percent';
CREATE FUNCTION @extschema@.prior_year(value numeric, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_prior_year_numeric' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.prior_year(numeric, date) IS
	'window function: the value of the row of the same partition exactly one year earlier';
CREATE FUNCTION @extschema@.monthly_from_ytd(value numeric, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_monthly_from_ytd_numeric' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.monthly_from_ytd(numeric, date) IS
	'window function: a year-to-date series made monthly (the value minus the previous month of the same year)';
CREATE FUNCTION @extschema@.share_of_total(value numeric) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_share_of_total_numeric' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.share_of_total(numeric) IS
	'window function: 100 * value / the partition''s total';
CREATE FUNCTION @extschema@.pct_change("current" numeric, base numeric) RETURNS numeric
AS 'MODULE_PATHNAME', 'trade_stats_pct_change_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.pct_change(numeric, numeric) IS
	'100 * (current - base) / |base|: change in percent (NULL when base is 0)';

-- window functions and pct_change of bigint values
CREATE FUNCTION @extschema@.yoy(value bigint, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_yoy_int8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.yoy(bigint, date) IS
	'window function: growth over the row of the same partition exactly one year earlier, in percent';
CREATE FUNCTION @extschema@.mom(value bigint, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_mom_int8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.mom(bigint, date) IS
	'window function: growth over the row of the same partition exactly one month earlier, in percent';
CREATE FUNCTION @extschema@.prior_year(value bigint, period date) RETURNS bigint
AS 'MODULE_PATHNAME', 'window_prior_year_int8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.prior_year(bigint, date) IS
	'window function: the value of the row of the same partition exactly one year earlier';
CREATE FUNCTION @extschema@.monthly_from_ytd(value bigint, period date) RETURNS bigint
AS 'MODULE_PATHNAME', 'window_monthly_from_ytd_int8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.monthly_from_ytd(bigint, date) IS
	'window function: a year-to-date series made monthly (the value minus the previous month of the same year)';
CREATE FUNCTION @extschema@.share_of_total(value bigint) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_share_of_total_int8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.share_of_total(bigint) IS
	'window function: 100 * value / the partition''s total';
CREATE FUNCTION @extschema@.pct_change("current" bigint, base bigint) RETURNS numeric
AS 'MODULE_PATHNAME', 'trade_stats_pct_change_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.pct_change(bigint, bigint) IS
	'100 * (current - base) / |base|: change in percent (NULL when base is 0)';

-- window functions and pct_change of double precision values
CREATE FUNCTION @extschema@.yoy(value double precision, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_yoy_float8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.yoy(double precision, date) IS
	'window function: growth over the row of the same partition exactly one year earlier, in percent';
CREATE FUNCTION @extschema@.mom(value double precision, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_mom_float8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.mom(double precision, date) IS
	'window function: growth over the row of the same partition exactly one month earlier, in percent';
CREATE FUNCTION @extschema@.prior_year(value double precision, period date) RETURNS double precision
AS 'MODULE_PATHNAME', 'window_prior_year_float8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.prior_year(double precision, date) IS
	'window function: the value of the row of the same partition exactly one year earlier';
CREATE FUNCTION @extschema@.monthly_from_ytd(value double precision, period date) RETURNS double precision
AS 'MODULE_PATHNAME', 'window_monthly_from_ytd_float8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.monthly_from_ytd(double precision, date) IS
	'window function: a year-to-date series made monthly (the value minus the previous month of the same year)';
CREATE FUNCTION @extschema@.share_of_total(value double precision) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_share_of_total_float8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.share_of_total(double precision) IS
	'window function: 100 * value / the partition''s total';
CREATE FUNCTION @extschema@.pct_change("current" double precision, base double precision) RETURNS numeric
AS 'MODULE_PATHNAME', 'trade_stats_pct_change_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.pct_change(double precision, double precision) IS
	'100 * (current - base) / |base|: change in percent (NULL when base is 0)';

