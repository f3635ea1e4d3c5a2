/* trade_stats--0.2--0.3.sql: upgrade from 0.2 to 0.3 */

\echo Use "ALTER EXTENSION trade_stats UPDATE TO '0.3'" to load this file. \quit

-- Rates declare how long they hold: valid_until (NULL: until the next row
-- of the pair, at most trade_stats.max_rate_age after valid_from).
ALTER TABLE trade_stats.exchange_rate
	ADD COLUMN valid_until date CONSTRAINT exchange_rate_valid_until_check CHECK (valid_until >= valid_from);

COMMENT ON TABLE trade_stats.exchange_rate IS
	'one unit of base is worth rate units of quote from valid_from until the next row of the pair, at most until valid_until (or, without one, for trade_stats.max_rate_age)';
COMMENT ON COLUMN trade_stats.exchange_rate.valid_until IS
	'the last day the rate holds (the end of its month or year for monthly or annual rates); NULL: until the next row, at most trade_stats.max_rate_age after valid_from';

COMMENT ON FUNCTION @extschema@.convert(@extschema@.currency_amount, text, date) IS
	'the amount in another currency at the freshest rate holding on on_date (direct, inverted, or crossed through USD, EUR or CNY)';

-- humanize speaks Japanese and Korean too.
COMMENT ON FUNCTION @extschema@.humanize(@extschema@.currency_amount, text, integer) IS
	'amount for people: 8.45 trillion yuan, or the same in Chinese, Japanese or Korean units';

-- Conversion for a period: per is 'day' (the rule above), 'month',
-- 'quarter' or 'year', the calendar period containing the date; for a
-- longer period each leg's rate is the exact average of the pair's rows
-- dated within it, a cross the product of its legs' averages.
CREATE FUNCTION @extschema@.convert(a @extschema@.currency_amount, to_currency text, period date, per text)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'currency_amount_convert_per'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.convert(@extschema@.currency_amount, text, date, text) IS
	'the amount in another currency at the average rate of the day, month, quarter or year (per) containing period';

CREATE FUNCTION @extschema@.to_usd(a @extschema@.currency_amount, period date, per text)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'currency_amount_to_usd_per'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.to_usd(@extschema@.currency_amount, date, text) IS
	'the amount converted to US dollars at the average rate of the day, month, quarter or year (per) containing period';

CREATE FUNCTION @extschema@.to_cny(a @extschema@.currency_amount, period date, per text)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'currency_amount_to_cny_per'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.to_cny(@extschema@.currency_amount, date, text) IS
	'the amount converted to Chinese yuan at the average rate of the day, month, quarter or year (per) containing period';

CREATE FUNCTION @extschema@.convert(a @extschema@.currency_amount, to_currency text, period timestamp, per text)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.convert(a, to_currency, period::date, per);

COMMENT ON FUNCTION @extschema@.convert(@extschema@.currency_amount, text, timestamp, text) IS
	'convert(a, to_currency, the timestamp''s date, per)';

CREATE FUNCTION @extschema@.convert(a @extschema@.currency_amount, to_currency text, period timestamptz, per text)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.convert(a, to_currency, period::date, per);

COMMENT ON FUNCTION @extschema@.convert(@extschema@.currency_amount, text, timestamptz, text) IS
	'convert(a, to_currency, the date of the timestamp in the session''s time zone, per)';

CREATE FUNCTION @extschema@.to_usd(a @extschema@.currency_amount, period timestamp, per text)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.to_usd(a, period::date, per);

COMMENT ON FUNCTION @extschema@.to_usd(@extschema@.currency_amount, timestamp, text) IS
	'to_usd(a, the timestamp''s date, per)';

CREATE FUNCTION @extschema@.to_usd(a @extschema@.currency_amount, period timestamptz, per text)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.to_usd(a, period::date, per);

COMMENT ON FUNCTION @extschema@.to_usd(@extschema@.currency_amount, timestamptz, text) IS
	'to_usd(a, the date of the timestamp in the session''s time zone, per)';

CREATE FUNCTION @extschema@.to_cny(a @extschema@.currency_amount, period timestamp, per text)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.to_cny(a, period::date, per);

COMMENT ON FUNCTION @extschema@.to_cny(@extschema@.currency_amount, timestamp, text) IS
	'to_cny(a, the timestamp''s date, per)';

CREATE FUNCTION @extschema@.to_cny(a @extschema@.currency_amount, period timestamptz, per text)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.to_cny(a, period::date, per);

COMMENT ON FUNCTION @extschema@.to_cny(@extschema@.currency_amount, timestamptz, text) IS
	'to_cny(a, the date of the timestamp in the session''s time zone, per)';

-- The rates a conversion uses, one row per leg of its path: for auditing a
-- figure, and named by the hint of the error about a stale rate.
CREATE FUNCTION trade_stats.rate_used(from_currency text, to_currency text, period date,
									  per text DEFAULT 'day',
									  OUT path text, OUT leg integer, OUT pair text,
									  OUT inverted boolean, OUT first_date date,
									  OUT last_date date, OUT observations integer,
									  OUT rate_sum numeric, OUT holds_until date,
									  OUT holds boolean, OUT numerator numeric,
									  OUT denominator numeric, OUT rate numeric)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'trade_stats_rate_used'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 2;

COMMENT ON FUNCTION trade_stats.rate_used(text, text, date, text) IS
	'the path and rates a conversion from_currency to to_currency for that day or period uses: per leg the pair, the rows averaged, and the exact resulting rate numerator / denominator';

-- The monthly view reads the table's own rows only (ONLY), as the rate
-- cache does: rows of a table inheriting from exchange_rate are no rates.
CREATE OR REPLACE VIEW trade_stats.exchange_rate_monthly AS
	SELECT base, quote,
		   pg_catalog.date_trunc('month', valid_from)::date AS month,
		   pg_catalog.avg(rate) AS rate,
		   pg_catalog.count(*) AS days
	FROM ONLY trade_stats.exchange_rate
	GROUP BY base, quote, pg_catalog.date_trunc('month', valid_from)::date;

-- load_rates gains valid_for: the new one is sql/25_load_rates.sql.
DROP FUNCTION @extschema@.load_rates(text, text, text, text, numeric, text, jsonb);

-- (then sql/25_load_rates.sql, sql/45_summary_conversion.sql and the
-- summary maintenance of sql/55_summary_maintenance.sql, as make builds
-- this step)

-- One C entry point per SQL signature: the window functions of each value
-- type get their own (0.1 and 0.2 bound the four types to one symbol, which
-- looked its argument type up in pg_proc; those symbols stay in the library
-- for installations not yet updated, see src/legacy.c).
CREATE OR REPLACE FUNCTION @extschema@.yoy(value @extschema@.currency_amount, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_yoy_amount' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.mom(value @extschema@.currency_amount, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_mom_amount' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.prior_year(value @extschema@.currency_amount, period date) RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'window_prior_year_amount' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.monthly_from_ytd(value @extschema@.currency_amount, period date) RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'window_monthly_from_ytd_amount' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.share_of_total(value @extschema@.currency_amount) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_share_of_total_amount' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.yoy(value numeric, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_yoy_numeric' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.mom(value numeric, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_mom_numeric' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.prior_year(value numeric, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_prior_year_numeric' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.monthly_from_ytd(value numeric, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_monthly_from_ytd_numeric' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.share_of_total(value numeric) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_share_of_total_numeric' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.yoy(value bigint, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_yoy_int8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.mom(value bigint, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_mom_int8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.prior_year(value bigint, period date) RETURNS bigint
AS 'MODULE_PATHNAME', 'window_prior_year_int8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.monthly_from_ytd(value bigint, period date) RETURNS bigint
AS 'MODULE_PATHNAME', 'window_monthly_from_ytd_int8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.share_of_total(value bigint) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_share_of_total_int8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.yoy(value double precision, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_yoy_float8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.mom(value double precision, period date) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_mom_float8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.prior_year(value double precision, period date) RETURNS double precision
AS 'MODULE_PATHNAME', 'window_prior_year_float8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.monthly_from_ytd(value double precision, period date) RETURNS double precision
AS 'MODULE_PATHNAME', 'window_monthly_from_ytd_float8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.share_of_total(value double precision) RETURNS numeric
AS 'MODULE_PATHNAME', 'window_share_of_total_float8' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

-- rolling() over moving frames skips NULL summaries (a calendar left-joined
-- to a summary table): a strict moving transition and inverse, so that
-- PostgreSQL never sees a NULL moving state after the first row.
CREATE FUNCTION @extschema@.growth_rolling_accum(@extschema@.growth_state, @extschema@.growth_state)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

ALTER FUNCTION @extschema@.growth_rolling_inv(@extschema@.growth_state, @extschema@.growth_state) STRICT;

CREATE OR REPLACE AGGREGATE @extschema@.rolling(@extschema@.growth_state) (
	SFUNC = @extschema@.growth_combine, STYPE = @extschema@.growth_state,
	FINALFUNC = @extschema@.growth_rolling_final,
	COMBINEFUNC = @extschema@.growth_combine,
	MSFUNC = @extschema@.growth_rolling_accum,
	MINVFUNC = @extschema@.growth_rolling_inv,
	MSTYPE = @extschema@.growth_state,
	MFINALFUNC = @extschema@.growth_rolling_final,
	PARALLEL = SAFE
);
