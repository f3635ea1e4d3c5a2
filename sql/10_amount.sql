-- ---------------------------------------------------------------------------
-- The type currency_amount
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.currency_amount;

CREATE FUNCTION @extschema@.currency_amount_in(cstring)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_out(@extschema@.currency_amount)
RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_recv(internal)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_send(@extschema@.currency_amount)
RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_typanalyze(internal)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.currency_amount (
	INPUT = @extschema@.currency_amount_in,
	OUTPUT = @extschema@.currency_amount_out,
	RECEIVE = @extschema@.currency_amount_recv,
	SEND = @extschema@.currency_amount_send,
	ANALYZE = @extschema@.currency_amount_typanalyze,
	INTERNALLENGTH = 16,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.currency_amount IS
	'exact amount of money in one ISO 4217 currency (64-bit count of minor units)';

-- ---------------------------------------------------------------------------
-- Accessors, casts, constructor, formatting
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.currency(@extschema@.currency_amount)
RETURNS text
AS 'MODULE_PATHNAME', 'currency_amount_currency'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.currency(@extschema@.currency_amount) IS
	'ISO 4217 code of the amount''s currency';

CREATE FUNCTION @extschema@.numeric(@extschema@.currency_amount)
RETURNS numeric
AS 'MODULE_PATHNAME', 'currency_amount_to_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@."numeric"(@extschema@.currency_amount) IS
	'the amount in major units, exact';

CREATE CAST (@extschema@.currency_amount AS numeric)
	WITH FUNCTION @extschema@.numeric(@extschema@.currency_amount);

COMMENT ON CAST (@extschema@.currency_amount AS numeric) IS
	'the amount in major units, exact';

CREATE FUNCTION @extschema@.currency_amount(numeric, text)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'currency_amount_from_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.currency_amount(numeric, text) IS
	'amount from a value in major units and an ISO code, rounded half away from zero';

CREATE FUNCTION @extschema@.humanize(a @extschema@.currency_amount,
									 lang text DEFAULT 'en',
									 digits integer DEFAULT 2)
RETURNS text
AS 'MODULE_PATHNAME', 'currency_amount_humanize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.humanize(@extschema@.currency_amount, text, integer) IS
	'amount for people: 8.45 trillion yuan, or the same in Chinese, Japanese or Korean units';

-- ---------------------------------------------------------------------------
-- Arithmetic
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.currency_amount_pl(@extschema@.currency_amount, @extschema@.currency_amount)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_mi(@extschema@.currency_amount, @extschema@.currency_amount)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_um(@extschema@.currency_amount)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.abs(@extschema@.currency_amount)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'currency_amount_abs'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.abs(@extschema@.currency_amount) IS
	'the absolute value of an amount, in its currency';

CREATE FUNCTION @extschema@.currency_amount_mul_numeric(@extschema@.currency_amount, numeric)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.numeric_mul_currency_amount(numeric, @extschema@.currency_amount)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_mul_int8(@extschema@.currency_amount, bigint)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.int8_mul_currency_amount(bigint, @extschema@.currency_amount)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_mul_int4(@extschema@.currency_amount, integer)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.int4_mul_currency_amount(integer, @extschema@.currency_amount)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_mul_float8(@extschema@.currency_amount, double precision)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.float8_mul_currency_amount(double precision, @extschema@.currency_amount)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_div_numeric(@extschema@.currency_amount, numeric)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_div_int8(@extschema@.currency_amount, bigint)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_div_int4(@extschema@.currency_amount, integer)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_div_float8(@extschema@.currency_amount, double precision)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_div_amount(@extschema@.currency_amount, @extschema@.currency_amount)
RETURNS numeric
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR @extschema@.+ (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.currency_amount_pl, COMMUTATOR = OPERATOR(@extschema@.+)
);

COMMENT ON OPERATOR @extschema@.+ (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'sum of two amounts of one currency';
CREATE OPERATOR @extschema@.- (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.currency_amount_mi
);

COMMENT ON OPERATOR @extschema@.- (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'difference of two amounts of one currency';
CREATE OPERATOR @extschema@.- (
	RIGHTARG = @extschema@.currency_amount, FUNCTION = @extschema@.currency_amount_um
);

COMMENT ON OPERATOR @extschema@.- (NONE, @extschema@.currency_amount) IS
	'the amount negated';
CREATE OPERATOR @extschema@.* (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = numeric,
	FUNCTION = @extschema@.currency_amount_mul_numeric, COMMUTATOR = OPERATOR(@extschema@.*)
);

COMMENT ON OPERATOR @extschema@.* (@extschema@.currency_amount, numeric) IS
	'amount times a number, rounded half away from zero to the minor unit';
CREATE OPERATOR @extschema@.* (
	LEFTARG = numeric, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.numeric_mul_currency_amount, COMMUTATOR = OPERATOR(@extschema@.*)
);

COMMENT ON OPERATOR @extschema@.* (numeric, @extschema@.currency_amount) IS
	'amount times a number, rounded half away from zero to the minor unit';
CREATE OPERATOR @extschema@.* (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = bigint,
	FUNCTION = @extschema@.currency_amount_mul_int8, COMMUTATOR = OPERATOR(@extschema@.*)
);

COMMENT ON OPERATOR @extschema@.* (@extschema@.currency_amount, bigint) IS
	'amount times a number, rounded half away from zero to the minor unit';
CREATE OPERATOR @extschema@.* (
	LEFTARG = bigint, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.int8_mul_currency_amount, COMMUTATOR = OPERATOR(@extschema@.*)
);

COMMENT ON OPERATOR @extschema@.* (bigint, @extschema@.currency_amount) IS
	'amount times a number, rounded half away from zero to the minor unit';
CREATE OPERATOR @extschema@.* (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = integer,
	FUNCTION = @extschema@.currency_amount_mul_int4, COMMUTATOR = OPERATOR(@extschema@.*)
);

COMMENT ON OPERATOR @extschema@.* (@extschema@.currency_amount, integer) IS
	'amount times a number, rounded half away from zero to the minor unit';
CREATE OPERATOR @extschema@.* (
	LEFTARG = integer, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.int4_mul_currency_amount, COMMUTATOR = OPERATOR(@extschema@.*)
);

COMMENT ON OPERATOR @extschema@.* (integer, @extschema@.currency_amount) IS
	'amount times a number, rounded half away from zero to the minor unit';
CREATE OPERATOR @extschema@.* (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = double precision,
	FUNCTION = @extschema@.currency_amount_mul_float8, COMMUTATOR = OPERATOR(@extschema@.*)
);

COMMENT ON OPERATOR @extschema@.* (@extschema@.currency_amount, double precision) IS
	'amount times a number, rounded half away from zero to the minor unit';
CREATE OPERATOR @extschema@.* (
	LEFTARG = double precision, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.float8_mul_currency_amount, COMMUTATOR = OPERATOR(@extschema@.*)
);

COMMENT ON OPERATOR @extschema@.* (double precision, @extschema@.currency_amount) IS
	'amount times a number, rounded half away from zero to the minor unit';
CREATE OPERATOR @extschema@./ (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = numeric,
	FUNCTION = @extschema@.currency_amount_div_numeric
);

COMMENT ON OPERATOR @extschema@./ (@extschema@.currency_amount, numeric) IS
	'amount divided by a number, rounded half away from zero to the minor unit';
CREATE OPERATOR @extschema@./ (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = bigint,
	FUNCTION = @extschema@.currency_amount_div_int8
);

COMMENT ON OPERATOR @extschema@./ (@extschema@.currency_amount, bigint) IS
	'amount divided by a number, rounded half away from zero to the minor unit';
CREATE OPERATOR @extschema@./ (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = integer,
	FUNCTION = @extschema@.currency_amount_div_int4
);

COMMENT ON OPERATOR @extschema@./ (@extschema@.currency_amount, integer) IS
	'amount divided by a number, rounded half away from zero to the minor unit';
CREATE OPERATOR @extschema@./ (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = double precision,
	FUNCTION = @extschema@.currency_amount_div_float8
);

COMMENT ON OPERATOR @extschema@./ (@extschema@.currency_amount, double precision) IS
	'amount divided by a number, rounded half away from zero to the minor unit';
CREATE OPERATOR @extschema@./ (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.currency_amount_div_amount
);

COMMENT ON OPERATOR @extschema@./ (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'ratio of two amounts of one currency, as numeric';

-- ---------------------------------------------------------------------------
-- Comparison, btree and hash operator classes
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.currency_amount_eq(@extschema@.currency_amount, @extschema@.currency_amount)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_ne(@extschema@.currency_amount, @extschema@.currency_amount)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE;

-- The ordering functions raise an error across currencies: not LEAKPROOF.
CREATE FUNCTION @extschema@.currency_amount_lt(@extschema@.currency_amount, @extschema@.currency_amount)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_le(@extschema@.currency_amount, @extschema@.currency_amount)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_gt(@extschema@.currency_amount, @extschema@.currency_amount)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_ge(@extschema@.currency_amount, @extschema@.currency_amount)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_cmp(@extschema@.currency_amount, @extschema@.currency_amount)
RETURNS integer
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_sortsupport(internal)
RETURNS void
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_hash(@extschema@.currency_amount)
RETURNS integer
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_hash_extended(@extschema@.currency_amount, bigint)
RETURNS bigint
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_smaller(@extschema@.currency_amount, @extschema@.currency_amount)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_larger(@extschema@.currency_amount, @extschema@.currency_amount)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.currency_amount_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'equal: the same currency and value (amounts of different currencies are not equal)';
-- Not MERGES: a merge join sorts, and sorting a column that mixes currencies
-- is an error; without it an equality join hashes or loops, whatever the
-- currencies.
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.currency_amount_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);

COMMENT ON OPERATOR @extschema@.<> (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'not equal';
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
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.currency_amount_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = @extschema@.currency_amount_ltsel, JOIN = scalarltjoinsel
);

COMMENT ON OPERATOR @extschema@.< (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'less than (amounts of different currencies cannot be compared)';
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.currency_amount_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = @extschema@.currency_amount_lesel, JOIN = scalarlejoinsel
);

COMMENT ON OPERATOR @extschema@.<= (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'less than or equal (amounts of different currencies cannot be compared)';
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.currency_amount_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = @extschema@.currency_amount_gtsel, JOIN = scalargtjoinsel
);

COMMENT ON OPERATOR @extschema@.> (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'greater than (amounts of different currencies cannot be compared)';
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.currency_amount_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = @extschema@.currency_amount_gesel, JOIN = scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.>= (@extschema@.currency_amount, @extschema@.currency_amount) IS
	'greater than or equal (amounts of different currencies cannot be compared)';

CREATE OPERATOR CLASS @extschema@.currency_amount_ops
	DEFAULT FOR TYPE @extschema@.currency_amount USING btree AS
		OPERATOR 1 @extschema@.<,
		OPERATOR 2 @extschema@.<=,
		OPERATOR 3 @extschema@.=,
		OPERATOR 4 @extschema@.>=,
		OPERATOR 5 @extschema@.>,
		FUNCTION 1 @extschema@.currency_amount_cmp(@extschema@.currency_amount, @extschema@.currency_amount),
		FUNCTION 2 @extschema@.currency_amount_sortsupport(internal);

CREATE OPERATOR CLASS @extschema@.currency_amount_hash_ops
	DEFAULT FOR TYPE @extschema@.currency_amount USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.currency_amount_hash(@extschema@.currency_amount),
		FUNCTION 2 @extschema@.currency_amount_hash_extended(@extschema@.currency_amount, bigint);

-- ---------------------------------------------------------------------------
-- Aggregates: sum, avg (exact, 128-bit state), min, max
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.currency_amount_sum_state;

CREATE FUNCTION @extschema@.currency_amount_sum_state_in(cstring)
RETURNS @extschema@.currency_amount_sum_state
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_sum_state_out(@extschema@.currency_amount_sum_state)
RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_sum_state_recv(internal)
RETURNS @extschema@.currency_amount_sum_state
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_sum_state_send(@extschema@.currency_amount_sum_state)
RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.currency_amount_sum_state (
	INPUT = @extschema@.currency_amount_sum_state_in,
	OUTPUT = @extschema@.currency_amount_sum_state_out,
	RECEIVE = @extschema@.currency_amount_sum_state_recv,
	SEND = @extschema@.currency_amount_sum_state_send,
	INTERNALLENGTH = 32,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.currency_amount_sum_state IS
	'partial state of sum() and avg() of currency_amount: (sum of minor units, count, currency)';

CREATE FUNCTION @extschema@.currency_amount_sum_accum(@extschema@.currency_amount_sum_state, @extschema@.currency_amount)
RETURNS @extschema@.currency_amount_sum_state
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_sum_inv(@extschema@.currency_amount_sum_state, @extschema@.currency_amount)
RETURNS @extschema@.currency_amount_sum_state
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_sum_combine(@extschema@.currency_amount_sum_state, @extschema@.currency_amount_sum_state)
RETURNS @extschema@.currency_amount_sum_state
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_sum_final(@extschema@.currency_amount_sum_state)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency_amount_avg_final(@extschema@.currency_amount_sum_state)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE AGGREGATE @extschema@.sum(@extschema@.currency_amount) (
	SFUNC = @extschema@.currency_amount_sum_accum,
	STYPE = @extschema@.currency_amount_sum_state,
	INITCOND = '(0,0,)',
	FINALFUNC = @extschema@.currency_amount_sum_final,
	COMBINEFUNC = @extschema@.currency_amount_sum_combine,
	MSFUNC = @extschema@.currency_amount_sum_accum,
	MINVFUNC = @extschema@.currency_amount_sum_inv,
	MSTYPE = @extschema@.currency_amount_sum_state,
	MINITCOND = '(0,0,)',
	MFINALFUNC = @extschema@.currency_amount_sum_final,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.sum(@extschema@.currency_amount) IS
	'exact sum of amounts of one currency (an error when the sum leaves the 64-bit range)';

CREATE AGGREGATE @extschema@.avg(@extschema@.currency_amount) (
	SFUNC = @extschema@.currency_amount_sum_accum,
	STYPE = @extschema@.currency_amount_sum_state,
	INITCOND = '(0,0,)',
	FINALFUNC = @extschema@.currency_amount_avg_final,
	COMBINEFUNC = @extschema@.currency_amount_sum_combine,
	MSFUNC = @extschema@.currency_amount_sum_accum,
	MINVFUNC = @extschema@.currency_amount_sum_inv,
	MSTYPE = @extschema@.currency_amount_sum_state,
	MINITCOND = '(0,0,)',
	MFINALFUNC = @extschema@.currency_amount_avg_final,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.avg(@extschema@.currency_amount) IS
	'average of amounts of one currency, exact, rounded half away from zero to the minor unit';

CREATE AGGREGATE @extschema@.min(@extschema@.currency_amount) (
	SFUNC = @extschema@.currency_amount_smaller,
	STYPE = @extschema@.currency_amount,
	COMBINEFUNC = @extschema@.currency_amount_smaller,
	SORTOP = OPERATOR(@extschema@.<),
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.min(@extschema@.currency_amount) IS
	'smallest amount; the amounts must be in one currency';

CREATE AGGREGATE @extschema@.max(@extschema@.currency_amount) (
	SFUNC = @extschema@.currency_amount_larger,
	STYPE = @extschema@.currency_amount,
	COMBINEFUNC = @extschema@.currency_amount_larger,
	SORTOP = OPERATOR(@extschema@.>),
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.max(@extschema@.currency_amount) IS
	'largest amount; the amounts must be in one currency';

