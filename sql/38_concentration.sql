-- Concentration of a group's parts: hhi, cr(n) and top_n with others
-- (src/concentration.c).  New in 0.3.

CREATE FUNCTION @extschema@.parts_accum(internal, @extschema@.currency_amount) RETURNS internal
AS 'MODULE_PATHNAME', 'parts_accum_amount' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.parts_accum(internal, @extschema@.currency_amount) IS
	'transition function of hhi: adds one part';

CREATE FUNCTION @extschema@.parts_accum(internal, numeric) RETURNS internal
AS 'MODULE_PATHNAME', 'parts_accum_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.parts_accum(internal, numeric) IS
	'transition function of hhi: adds one part';

CREATE FUNCTION @extschema@.parts_accum(internal, @extschema@.currency_amount, integer) RETURNS internal
AS 'MODULE_PATHNAME', 'parts_accum_amount_n' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.parts_accum(internal, @extschema@.currency_amount, integer) IS
	'transition function of cr: adds one part';

CREATE FUNCTION @extschema@.parts_accum(internal, numeric, integer) RETURNS internal
AS 'MODULE_PATHNAME', 'parts_accum_numeric_n' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.parts_accum(internal, numeric, integer) IS
	'transition function of cr: adds one part';

CREATE FUNCTION @extschema@.parts_combine(internal, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'parts_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.parts_combine(internal, internal) IS
	'combine function of hhi and cr: the parts of both states';

CREATE FUNCTION @extschema@.parts_serialize(internal) RETURNS bytea
AS 'MODULE_PATHNAME', 'parts_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.parts_serialize(internal) IS
	'serial function of hhi and cr';

CREATE FUNCTION @extschema@.parts_deserialize(bytea, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'parts_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.parts_deserialize(bytea, internal) IS
	'deserial function of hhi and cr';

CREATE FUNCTION @extschema@.hhi_final(internal) RETURNS numeric
AS 'MODULE_PATHNAME', 'hhi_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.hhi_final(internal) IS
	'final function of hhi';

CREATE FUNCTION @extschema@.cr_final(internal) RETURNS numeric
AS 'MODULE_PATHNAME', 'cr_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.cr_final(internal) IS
	'final function of cr';

CREATE AGGREGATE @extschema@.hhi(value @extschema@.currency_amount) (
	SFUNC = @extschema@.parts_accum, STYPE = internal,
	FINALFUNC = @extschema@.hhi_final,
	COMBINEFUNC = @extschema@.parts_combine,
	SERIALFUNC = @extschema@.parts_serialize, DESERIALFUNC = @extschema@.parts_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.hhi(@extschema@.currency_amount) IS
	'Herfindahl-Hirschman index of the parts (one row each): the sum of their squared shares in percent, 0 to 10000';

CREATE AGGREGATE @extschema@.hhi(value numeric) (
	SFUNC = @extschema@.parts_accum, STYPE = internal,
	FINALFUNC = @extschema@.hhi_final,
	COMBINEFUNC = @extschema@.parts_combine,
	SERIALFUNC = @extschema@.parts_serialize, DESERIALFUNC = @extschema@.parts_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.hhi(numeric) IS
	'Herfindahl-Hirschman index of the parts (one row each): the sum of their squared shares in percent, 0 to 10000';

CREATE AGGREGATE @extschema@.cr(value @extschema@.currency_amount, n integer) (
	SFUNC = @extschema@.parts_accum, STYPE = internal,
	FINALFUNC = @extschema@.cr_final,
	COMBINEFUNC = @extschema@.parts_combine,
	SERIALFUNC = @extschema@.parts_serialize, DESERIALFUNC = @extschema@.parts_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.cr(@extschema@.currency_amount, integer) IS
	'concentration ratio CR-n: the share of the n largest parts (one row each) in the total, in percent';

CREATE AGGREGATE @extschema@.cr(value numeric, n integer) (
	SFUNC = @extschema@.parts_accum, STYPE = internal,
	FINALFUNC = @extschema@.cr_final,
	COMBINEFUNC = @extschema@.parts_combine,
	SERIALFUNC = @extschema@.parts_serialize, DESERIALFUNC = @extschema@.parts_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.cr(numeric, integer) IS
	'concentration ratio CR-n: the share of the n largest parts (one row each) in the total, in percent';

CREATE FUNCTION @extschema@.top_n(labels text[], "values" @extschema@.currency_amount[], n integer,
								  others text DEFAULT 'others')
RETURNS TABLE (rank integer, label text, value @extschema@.currency_amount, parts integer)
AS 'MODULE_PATHNAME', 'top_n_amount' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;

COMMENT ON FUNCTION @extschema@.top_n(text[], @extschema@.currency_amount[], integer, text) IS
	'the n largest parts (ties by label), then one row of the others, summing exactly to the total';

CREATE FUNCTION @extschema@.top_n(labels text[], "values" numeric[], n integer,
								  others text DEFAULT 'others')
RETURNS TABLE (rank integer, label text, value numeric, parts integer)
AS 'MODULE_PATHNAME', 'top_n_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;

COMMENT ON FUNCTION @extschema@.top_n(text[], numeric[], integer, text) IS
	'the n largest parts (ties by label), then one row of the others, summing exactly to the total';

