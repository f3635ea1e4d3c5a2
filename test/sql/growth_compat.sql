--
-- Values stored by version 0.1 (src/growth_compat.c): its stored layout and its
-- legacy symbols.
--
\i test/sql/helpers.psql

-- Values stored by version 0.1 read back: 0.1 stored its aggregates' working
-- layout itself (a user aggregate over growth_accum without a final
-- function, as 0.1's README showed), which src/growth_compat.c keeps as a
-- frozen struct.  The bytes below are such datums as 0.1's layout made them
-- (little-endian, capacity 8: the zeros of the unused entries are
-- appended), put into a growth_state as they are by an internal function
-- that copies a varlena.
CREATE FUNCTION pg_temp.raw_state(bytea, int) RETURNS growth_state
	LANGUAGE internal IMMUTABLE STRICT AS 'bytea_substr_no_len';
CREATE TABLE stored_01 AS
SELECT k, pg_temp.raw_state(decode(h || repeat('0', z), 'hex'), 1) AS s
FROM (VALUES
	(1, '01010102a73600000000000002000000080000000100000000000000891c000000000000010000000000000000000000000000006400000000000000000000000000000000000000000000000000000000000000c51c00000000000002000000000000000000000000000000ac02', 732),
	(2, '010203030000000000000000020000000800000000000000000000003e1d00000000000002000000000000000100000000000000c509000000000000000000000000000001000000000000000000000000000000ab1e00000000000001000000000000000100000000000000e2040000000000000000000000000000e204', 700),
	(3, '0103050000000000631f000002000000080000000000000000000000891c000000000000010000000000000000000000000000000900000000000000000000000000000000000000000000000000000000000000f71d0000000000000100000000000000000000000000000007', 734),
	(4, '0104020000000000000000000100000001000000000000000000000000000000000000000200000000000000010000000000000000000000c000000000000000000000000000000080', 22)) t(k, h, z);
-- read back as 0.1 read them: text, the packed form, equality with the
-- text form's value, and the measures
SELECT k, s::text, growth_state_send(s), s = s::text::growth_state AS same_as_text
FROM stored_01 ORDER BY k;
SELECT total(s) AS total, yoy_growth(s) FROM stored_01 WHERE k = 1;
SELECT share(s), total(s, '2020-01-01', '2020-12-31') FROM stored_01 WHERE k = 2;
SELECT yoy_growth(s), total(s) FROM stored_01 WHERE k = 3;
SELECT share(s), total(s) FROM stored_01 WHERE k = 4;
-- combined with values of today: +, -, rollup and rolling
SELECT s + s AS doubled, (s + s) - s = s::text::growth_state AS minus_is_exact
FROM stored_01 ORDER BY k;
SELECT rollup(s) AS rolled_up FROM (SELECT s FROM stored_01 WHERE k = 1
	UNION ALL SELECT growth_summary(v, d) FROM (VALUES ('3.00 USD'::currency_amount, date '2019-12-01')) t(v, d)
	UNION ALL SELECT s FROM stored_01 WHERE k = 1) u;
SELECT growth_entries(s) FROM stored_01 WHERE k = 2;
-- Doubles that 0.1 and 0.2 stored were truncated toward zero to 2^-40 (0.1
-- became 109951162777); today's rows round to the nearest (109951162778).
-- What they stored is data: it reads back byte for byte, and adds to what
-- is added today.
CREATE TABLE stored_double AS
SELECT k, pg_temp.raw_state(decode(h || repeat('0', z), 'hex'), 1) AS s
FROM (VALUES
	('0.1', '01040100000000000000000001000000010000000000000000000000891c000000000000010000000000000000000000000000009999999919', 54),
	('0.2', '0204010001927201b2e6cc99b306', 0)) t(k, h, z);
SELECT k, s::text, growth_state_send(s), total(s),
	   s::text::growth_state = s AS same_as_text,
	   s + (SELECT growth_summary(0.1::float8, date '2020-01-01')) AS plus_today
FROM stored_double ORDER BY k;
-- a corrupt 0.1 value: shorter than its capacity
SELECT pg_temp.try($$SELECT pg_temp.raw_state(decode('01010102a73600000000000002000000080000000100000000000000891c000000000000010000000000000000000000000000006400000000000000000000000000000000000000000000000000000000000000c51c00000000000002000000000000000000000000000000ac02', 'hex'), 1)::text$$);

-- 0.1's symbols: 0.1 bound several SQL signatures to one C symbol each
-- (growth_accum, trade_stats_pct_change, and the window functions'); they
-- learn their signature from their pg_proc entry, so that a 0.1
-- installation works with this library until ALTER EXTENSION UPDATE.
CREATE SCHEMA legacy01;
CREATE FUNCTION legacy01.accum(growth_state, currency_amount, date) RETURNS growth_state
	AS '$libdir/trade_stats', 'growth_accum' LANGUAGE C IMMUTABLE;
CREATE FUNCTION legacy01.accum(growth_state, numeric, boolean, date) RETURNS growth_state
	AS '$libdir/trade_stats', 'growth_accum' LANGUAGE C IMMUTABLE;
CREATE FUNCTION legacy01.accum(growth_state, bigint, date, date) RETURNS growth_state
	AS '$libdir/trade_stats', 'growth_accum' LANGUAGE C IMMUTABLE;
CREATE FUNCTION legacy01.accum(growth_state, double precision, boolean) RETURNS growth_state
	AS '$libdir/trade_stats', 'growth_accum' LANGUAGE C IMMUTABLE;
CREATE AGGREGATE legacy01.summary(currency_amount, date) (SFUNC = legacy01.accum, STYPE = growth_state,
	FINALFUNC = growth_state_final, COMBINEFUNC = growth_combine);
CREATE AGGREGATE legacy01.summary(numeric, boolean, date) (SFUNC = legacy01.accum, STYPE = growth_state,
	FINALFUNC = growth_state_final, COMBINEFUNC = growth_combine);
CREATE AGGREGATE legacy01.summary(bigint, date, date) (SFUNC = legacy01.accum, STYPE = growth_state,
	FINALFUNC = growth_state_final, COMBINEFUNC = growth_combine);
CREATE AGGREGATE legacy01.summary(double precision, boolean) (SFUNC = legacy01.accum, STYPE = growth_state,
	FINALFUNC = growth_state_final, COMBINEFUNC = growth_combine);
SELECT legacy01.summary(v, d) = growth_summary(v, d) AS amount_same,
	   legacy01.summary(v::numeric, d < '2020-02-01', d) = growth_summary(v::numeric, d < '2020-02-01', d) AS numeric_same,
	   legacy01.summary(v, d)
FROM (VALUES ('12.34 USD'::currency_amount, date '2020-03-01'), ('1.00 USD', '2020-01-01'), ('-5.5 USD', '2020-03-01')) t(v, d);
SELECT legacy01.summary(v::numeric::bigint, d, '2020-12-31') AS bigint_as_of,
	   legacy01.summary(v::numeric::float8, d < '2020-02-01') AS double_part
FROM (VALUES ('12.34 USD'::currency_amount, date '2020-03-01'), ('1.00 USD', '2020-01-01'), ('-5.5 USD', '2020-03-01')) t(v, d);
CREATE FUNCTION legacy01.pct_change(bigint, bigint) RETURNS numeric
	AS '$libdir/trade_stats', 'trade_stats_pct_change' LANGUAGE C IMMUTABLE STRICT;
CREATE FUNCTION legacy01.pct_change(currency_amount, currency_amount) RETURNS numeric
	AS '$libdir/trade_stats', 'trade_stats_pct_change' LANGUAGE C IMMUTABLE STRICT;
SELECT legacy01.pct_change(150::bigint, 120::bigint), legacy01.pct_change('150 USD'::currency_amount, '120 USD');
CREATE FUNCTION legacy01.yoy(numeric, date) RETURNS numeric
	AS '$libdir/trade_stats', 'window_yoy' LANGUAGE C WINDOW IMMUTABLE;
CREATE FUNCTION legacy01.prior_year(currency_amount, date) RETURNS currency_amount
	AS '$libdir/trade_stats', 'window_prior_year' LANGUAGE C WINDOW IMMUTABLE;
CREATE FUNCTION legacy01.monthly_from_ytd(bigint, date) RETURNS bigint
	AS '$libdir/trade_stats', 'window_monthly_from_ytd' LANGUAGE C WINDOW IMMUTABLE;
CREATE FUNCTION legacy01.mom(double precision, date) RETURNS numeric
	AS '$libdir/trade_stats', 'window_mom' LANGUAGE C WINDOW IMMUTABLE;
CREATE FUNCTION legacy01.share_of_total(numeric) RETURNS numeric
	AS '$libdir/trade_stats', 'window_share_of_total' LANGUAGE C WINDOW IMMUTABLE;
SELECT d, legacy01.yoy(v::numeric, d) OVER () AS yoy, legacy01.prior_year(v, d) OVER () AS prior_year,
	   legacy01.monthly_from_ytd(v::numeric::bigint, d) OVER () AS monthly,
	   legacy01.mom(v::numeric::float8, d) OVER () AS mom,
	   legacy01.share_of_total(v::numeric) OVER () AS share
FROM (VALUES ('100 USD'::currency_amount, date '2020-01-01'), ('130 USD', '2020-02-01'),
			 ('120 USD', '2021-01-01'), ('150 USD', '2021-02-01')) t(v, d)
ORDER BY d;
DROP SCHEMA legacy01 CASCADE;
