/* trade_stats--0.1.sql: install script of version 0.1 */

\echo Use "CREATE EXTENSION trade_stats" to load this file. \quit

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

CREATE CAST (@extschema@.currency_amount AS numeric)
	WITH FUNCTION @extschema@.numeric(@extschema@.currency_amount);

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
	'amount for people: 8.45 trillion yuan, 8.45万亿元';

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
CREATE OPERATOR @extschema@.- (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.currency_amount_mi
);
CREATE OPERATOR @extschema@.- (
	RIGHTARG = @extschema@.currency_amount, FUNCTION = @extschema@.currency_amount_um
);
CREATE OPERATOR @extschema@.* (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = numeric,
	FUNCTION = @extschema@.currency_amount_mul_numeric, COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@.* (
	LEFTARG = numeric, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.numeric_mul_currency_amount, COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@.* (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = bigint,
	FUNCTION = @extschema@.currency_amount_mul_int8, COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@.* (
	LEFTARG = bigint, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.int8_mul_currency_amount, COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@.* (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = integer,
	FUNCTION = @extschema@.currency_amount_mul_int4, COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@.* (
	LEFTARG = integer, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.int4_mul_currency_amount, COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@.* (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = double precision,
	FUNCTION = @extschema@.currency_amount_mul_float8, COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@.* (
	LEFTARG = double precision, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.float8_mul_currency_amount, COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@./ (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = numeric,
	FUNCTION = @extschema@.currency_amount_div_numeric
);
CREATE OPERATOR @extschema@./ (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = bigint,
	FUNCTION = @extschema@.currency_amount_div_int8
);
CREATE OPERATOR @extschema@./ (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = integer,
	FUNCTION = @extschema@.currency_amount_div_int4
);
CREATE OPERATOR @extschema@./ (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = double precision,
	FUNCTION = @extschema@.currency_amount_div_float8
);
CREATE OPERATOR @extschema@./ (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.currency_amount_div_amount
);

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
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.currency_amount_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.currency_amount_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.currency_amount_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.currency_amount_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.currency_amount, RIGHTARG = @extschema@.currency_amount,
	FUNCTION = @extschema@.currency_amount_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);

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

CREATE AGGREGATE @extschema@.min(@extschema@.currency_amount) (
	SFUNC = @extschema@.currency_amount_smaller,
	STYPE = @extschema@.currency_amount,
	COMBINEFUNC = @extschema@.currency_amount_smaller,
	SORTOP = OPERATOR(@extschema@.<),
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.max(@extschema@.currency_amount) (
	SFUNC = @extschema@.currency_amount_larger,
	STYPE = @extschema@.currency_amount,
	COMBINEFUNC = @extschema@.currency_amount_larger,
	SORTOP = OPERATOR(@extschema@.>),
	PARALLEL = SAFE
);

-- ---------------------------------------------------------------------------
-- Exchange rates and conversion
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.is_currency_code(text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'trade_stats_is_currency_code'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.is_currency_code(text) IS
	'is this an upper-case ISO 4217 code that trade_stats knows?';

-- The rates live in the schema trade_stats, whatever schema the extension's
-- functions and types are in.
DO $$
BEGIN
	IF '@extschema@' <> 'trade_stats' THEN
		CREATE SCHEMA trade_stats;
	END IF;
END
$$;
GRANT USAGE ON SCHEMA trade_stats TO PUBLIC;

CREATE TABLE trade_stats.exchange_rate (
	base char(3) NOT NULL CHECK (@extschema@.is_currency_code(base)),
	quote char(3) NOT NULL CHECK (@extschema@.is_currency_code(quote)),
	valid_from date NOT NULL CHECK (valid_from > '-infinity' AND valid_from < 'infinity'),
	rate numeric NOT NULL CHECK (rate > 0 AND rate < 'Infinity'),
	PRIMARY KEY (base, quote, valid_from),
	CHECK (base <> quote)
);

COMMENT ON TABLE trade_stats.exchange_rate IS
	'one unit of base is worth rate units of quote from valid_from until the next row of the pair';

GRANT SELECT ON trade_stats.exchange_rate TO PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('trade_stats.exchange_rate', '');

-- The version of the rates, for the backend caches of convert(): a fresh
-- sequence value after every statement that changes exchange_rate.
CREATE SEQUENCE trade_stats.rate_version_seq;
CREATE TABLE trade_stats.rate_version (version bigint NOT NULL);
INSERT INTO trade_stats.rate_version VALUES (0);
GRANT SELECT ON trade_stats.rate_version TO PUBLIC;

CREATE FUNCTION trade_stats.bump_rate_version()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	UPDATE trade_stats.rate_version
	SET version = pg_catalog.nextval('trade_stats.rate_version_seq'::pg_catalog.regclass);
	RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION trade_stats.bump_rate_version() FROM PUBLIC;

CREATE TRIGGER exchange_rate_changed
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON trade_stats.exchange_rate
	FOR EACH STATEMENT EXECUTE FUNCTION trade_stats.bump_rate_version();

CREATE FUNCTION @extschema@.convert(a @extschema@.currency_amount, to_currency text, on_date date)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'currency_amount_convert'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.convert(@extschema@.currency_amount, text, date) IS
	'the amount in another currency at the latest rate on or before on_date (direct, inverted, or crossed through USD, EUR or CNY)';

CREATE FUNCTION @extschema@.to_usd(a @extschema@.currency_amount, on_date date)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'currency_amount_to_usd'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.to_cny(a @extschema@.currency_amount, on_date date)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'currency_amount_to_cny'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

-- Monthly average of the rates of each pair, as customs offices publish.
CREATE VIEW trade_stats.exchange_rate_monthly AS
	SELECT base, quote,
		   pg_catalog.date_trunc('month', valid_from)::date AS month,
		   pg_catalog.avg(rate) AS rate,
		   pg_catalog.count(*) AS days
	FROM trade_stats.exchange_rate
	GROUP BY base, quote, pg_catalog.date_trunc('month', valid_from)::date;
GRANT SELECT ON trade_stats.exchange_rate_monthly TO PUBLIC;

-- Load a wide rate file into exchange_rate: a date column, then one column
-- per currency, each cell the value of 'per' units of one currency in the
-- other.  With columns => 'quote' (ECB, IMF) the cells are column-currency
-- units per 'per' units of 'currency'; with columns => 'base' (the NBS's yuan
-- per 100 USD) they are 'currency' units per 'per' units of the column's
-- currency.  Blank, non-numeric (N/A) and non-positive cells are skipped,
-- and so are columns that are no currency trade_stats knows or that are
-- 'currency' itself.  Existing rows of the same pair and date are replaced.
-- Returns the number of rows written.
CREATE FUNCTION @extschema@.load_rates(content text, currency text,
									   delimiter text DEFAULT ',',
									   date_format text DEFAULT 'YYYY-MM-DD',
									   per numeric DEFAULT 1,
									   columns text DEFAULT 'quote')
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	written bigint;
	code text := upper(currency);
BEGIN
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
	WITH lines AS (
		SELECT n, string_to_array(btrim(line, E' \r'), delimiter) AS cells
		FROM regexp_split_to_table(content, E'\n') WITH ORDINALITY AS l(line, n)
		WHERE btrim(line, E' \r') <> ''
	), header AS (
		SELECT i, upper(btrim(h.c, E' "')) AS other
		FROM lines, unnest(cells) WITH ORDINALITY AS h(c, i)
		WHERE n = (SELECT min(n) FROM lines) AND i > 1
	), cells AS (
		SELECT to_date(btrim(l.cells[1], E' "'), date_format) AS valid_from,
			   h.other, btrim(l.cells[h.i], E' "') AS cell
		FROM lines l, header h
		WHERE l.n > (SELECT min(n) FROM lines)
		  AND @extschema@.is_currency_code(h.other) AND h.other <> code
	)
	INSERT INTO trade_stats.exchange_rate AS r (base, quote, valid_from, rate)
	SELECT CASE columns WHEN 'quote' THEN code ELSE other END,
		   CASE columns WHEN 'quote' THEN other ELSE code END,
		   valid_from, trim_scale(cell::numeric / per)
	FROM cells
	WHERE cell ~ '^[0-9]*\.?[0-9]+$' AND cell::numeric > 0
	ON CONFLICT ON CONSTRAINT exchange_rate_pkey DO UPDATE SET rate = EXCLUDED.rate;
	GET DIAGNOSTICS written = ROW_COUNT;
	RETURN written;
END
$$;

COMMENT ON FUNCTION @extschema@.load_rates(text, text, text, text, numeric, text) IS
	'load a wide rate file (date, then one column per currency) into trade_stats.exchange_rate';

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
	'partial state of the growth and share aggregates: exact sums per period';

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

-- Each measure for each value type: currency_amount, numeric, bigint and
-- double precision.  One transition function serves all of them.
DO $$
DECLARE
	t text;
	s text := '@extschema@';
BEGIN
	FOREACH t IN ARRAY ARRAY[s || '.currency_amount', 'numeric', 'bigint', 'double precision']
	LOOP
		-- transition functions: (value, period), (value, period, as_of),
		-- (value, part), (value, part, period)
		EXECUTE format($f$
			CREATE FUNCTION %1$s.growth_accum(%1$s.growth_state, %2$s, date)
			RETURNS %1$s.growth_state
			AS 'MODULE_PATHNAME', 'growth_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
			CREATE FUNCTION %1$s.growth_accum(%1$s.growth_state, %2$s, date, date)
			RETURNS %1$s.growth_state
			AS 'MODULE_PATHNAME', 'growth_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
			CREATE FUNCTION %1$s.growth_accum(%1$s.growth_state, %2$s, boolean)
			RETURNS %1$s.growth_state
			AS 'MODULE_PATHNAME', 'growth_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
			CREATE FUNCTION %1$s.growth_accum(%1$s.growth_state, %2$s, boolean, date)
			RETURNS %1$s.growth_state
			AS 'MODULE_PATHNAME', 'growth_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
		$f$, s, t);

		-- aggregates
		EXECUTE format($f$
			CREATE AGGREGATE %1$s.yoy_growth(value %2$s, period date) (
				SFUNC = %1$s.growth_accum, STYPE = %1$s.growth_state,
				FINALFUNC = %1$s.yoy_growth_final,
				COMBINEFUNC = %1$s.growth_combine, PARALLEL = SAFE);
			CREATE AGGREGATE %1$s.yoy_growth(value %2$s, period date, as_of date) (
				SFUNC = %1$s.growth_accum, STYPE = %1$s.growth_state,
				FINALFUNC = %1$s.yoy_growth_final,
				COMBINEFUNC = %1$s.growth_combine, PARALLEL = SAFE);
			CREATE AGGREGATE %1$s.mom_growth(value %2$s, period date) (
				SFUNC = %1$s.growth_accum, STYPE = %1$s.growth_state,
				FINALFUNC = %1$s.mom_growth_final,
				COMBINEFUNC = %1$s.growth_combine, PARALLEL = SAFE);
			CREATE AGGREGATE %1$s.share(value %2$s, part boolean) (
				SFUNC = %1$s.growth_accum, STYPE = %1$s.growth_state,
				FINALFUNC = %1$s.share_final,
				COMBINEFUNC = %1$s.growth_combine, PARALLEL = SAFE);
			CREATE AGGREGATE %1$s.share_change(value %2$s, part boolean, period date) (
				SFUNC = %1$s.growth_accum, STYPE = %1$s.growth_state,
				FINALFUNC = %1$s.share_change_final,
				COMBINEFUNC = %1$s.growth_combine, PARALLEL = SAFE);
			CREATE AGGREGATE %1$s.growth_contribution(value %2$s, part boolean, period date) (
				SFUNC = %1$s.growth_accum, STYPE = %1$s.growth_state,
				FINALFUNC = %1$s.growth_contribution_final,
				COMBINEFUNC = %1$s.growth_combine, PARALLEL = SAFE);
		$f$, s, t);

		-- window functions and the scalar
		EXECUTE format($f$
			CREATE FUNCTION %1$s.yoy(value %2$s, period date) RETURNS numeric
			AS 'MODULE_PATHNAME', 'window_yoy' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
			CREATE FUNCTION %1$s.mom(value %2$s, period date) RETURNS numeric
			AS 'MODULE_PATHNAME', 'window_mom' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
			CREATE FUNCTION %1$s.prior_year(value %2$s, period date) RETURNS %2$s
			AS 'MODULE_PATHNAME', 'window_prior_year' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
			CREATE FUNCTION %1$s.monthly_from_ytd(value %2$s, period date) RETURNS %2$s
			AS 'MODULE_PATHNAME', 'window_monthly_from_ytd' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
			CREATE FUNCTION %1$s.share_of_total(value %2$s) RETURNS numeric
			AS 'MODULE_PATHNAME', 'window_share_of_total' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
			CREATE FUNCTION %1$s.pct_change("current" %2$s, base %2$s) RETURNS numeric
			AS 'MODULE_PATHNAME', 'trade_stats_pct_change' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
		$f$, s, t);
	END LOOP;
END
$$;
