-- Values with quantities: unit values, price and volume growth of one
-- commodity, price and volume indices across commodities
-- (src/quantity.c).  New in 0.3.

CREATE FUNCTION @extschema@.quantity_accum(internal, @extschema@.currency_amount, numeric, text) RETURNS internal
AS 'MODULE_PATHNAME', 'qty_accum_amount' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quantity_accum(internal, @extschema@.currency_amount, numeric, text) IS
	'transition function of unit_value: adds one row';

CREATE FUNCTION @extschema@.quantity_accum(internal, @extschema@.currency_amount, numeric, text, date) RETURNS internal
AS 'MODULE_PATHNAME', 'qty_accum_amount_period' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quantity_accum(internal, @extschema@.currency_amount, numeric, text, date) IS
	'transition function of price_growth and volume_growth: adds one row';

CREATE FUNCTION @extschema@.quantity_accum(internal, @extschema@.currency_amount, numeric, text, date, date) RETURNS internal
AS 'MODULE_PATHNAME', 'qty_accum_amount_period_as_of' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quantity_accum(internal, @extschema@.currency_amount, numeric, text, date, date) IS
	'transition function of price_growth and volume_growth with as_of: adds one row';

CREATE FUNCTION @extschema@.quantity_accum(internal, @extschema@.currency_amount, numeric, text, text, date) RETURNS internal
AS 'MODULE_PATHNAME', 'qty_accum_amount_commodity' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quantity_accum(internal, @extschema@.currency_amount, numeric, text, text, date) IS
	'transition function of the price and volume indices: adds one row';

CREATE FUNCTION @extschema@.quantity_accum(internal, numeric, numeric, text) RETURNS internal
AS 'MODULE_PATHNAME', 'qty_accum_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quantity_accum(internal, numeric, numeric, text) IS
	'transition function of unit_value: adds one row';

CREATE FUNCTION @extschema@.quantity_accum(internal, numeric, numeric, text, date) RETURNS internal
AS 'MODULE_PATHNAME', 'qty_accum_numeric_period' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quantity_accum(internal, numeric, numeric, text, date) IS
	'transition function of price_growth and volume_growth: adds one row';

CREATE FUNCTION @extschema@.quantity_accum(internal, numeric, numeric, text, date, date) RETURNS internal
AS 'MODULE_PATHNAME', 'qty_accum_numeric_period_as_of' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quantity_accum(internal, numeric, numeric, text, date, date) IS
	'transition function of price_growth and volume_growth with as_of: adds one row';

CREATE FUNCTION @extschema@.quantity_accum(internal, numeric, numeric, text, text, date) RETURNS internal
AS 'MODULE_PATHNAME', 'qty_accum_numeric_commodity' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quantity_accum(internal, numeric, numeric, text, text, date) IS
	'transition function of the price and volume indices: adds one row';

CREATE FUNCTION @extschema@.quantity_combine(internal, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'qty_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quantity_combine(internal, internal) IS
	'combine function of the quantity measures';

CREATE FUNCTION @extschema@.quantity_serialize(internal) RETURNS bytea
AS 'MODULE_PATHNAME', 'qty_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quantity_serialize(internal) IS
	'serial function of the quantity measures';

CREATE FUNCTION @extschema@.quantity_deserialize(bytea, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'qty_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quantity_deserialize(bytea, internal) IS
	'deserial function of the quantity measures';

CREATE FUNCTION @extschema@.unit_value_final(internal) RETURNS numeric
AS 'MODULE_PATHNAME', 'unit_value_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.unit_value_final(internal) IS
	'final function of unit_value';

CREATE FUNCTION @extschema@.price_growth_final(internal) RETURNS numeric
AS 'MODULE_PATHNAME', 'price_growth_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.price_growth_final(internal) IS
	'final function of price_growth';

CREATE FUNCTION @extschema@.volume_growth_final(internal) RETURNS numeric
AS 'MODULE_PATHNAME', 'volume_growth_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.volume_growth_final(internal) IS
	'final function of volume_growth';

CREATE FUNCTION @extschema@.laspeyres_price_final(internal) RETURNS numeric
AS 'MODULE_PATHNAME', 'laspeyres_price_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.laspeyres_price_final(internal) IS
	'final function of laspeyres_price';

CREATE FUNCTION @extschema@.paasche_price_final(internal) RETURNS numeric
AS 'MODULE_PATHNAME', 'paasche_price_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.paasche_price_final(internal) IS
	'final function of paasche_price';

CREATE FUNCTION @extschema@.fisher_price_final(internal) RETURNS numeric
AS 'MODULE_PATHNAME', 'fisher_price_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.fisher_price_final(internal) IS
	'final function of fisher_price';

CREATE FUNCTION @extschema@.laspeyres_volume_final(internal) RETURNS numeric
AS 'MODULE_PATHNAME', 'laspeyres_volume_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.laspeyres_volume_final(internal) IS
	'final function of laspeyres_volume';

CREATE FUNCTION @extschema@.paasche_volume_final(internal) RETURNS numeric
AS 'MODULE_PATHNAME', 'paasche_volume_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.paasche_volume_final(internal) IS
	'final function of paasche_volume';

CREATE FUNCTION @extschema@.fisher_volume_final(internal) RETURNS numeric
AS 'MODULE_PATHNAME', 'fisher_volume_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.fisher_volume_final(internal) IS
	'final function of fisher_volume';

CREATE AGGREGATE @extschema@.unit_value(value @extschema@.currency_amount, quantity numeric, unit text) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.unit_value_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.unit_value(@extschema@.currency_amount, numeric, text) IS
	'the sum of the values over the sum of the quantities, exact numeric (major units per unit of quantity)';

CREATE AGGREGATE @extschema@.price_growth(value @extschema@.currency_amount, quantity numeric, unit text, period date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.price_growth_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.price_growth(@extschema@.currency_amount, numeric, text, date) IS
	'same-period year-on-year growth of the unit value (price) in percent: from January 1 to the latest period against a year earlier';

CREATE AGGREGATE @extschema@.price_growth(value @extschema@.currency_amount, quantity numeric, unit text, period date, as_of date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.price_growth_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.price_growth(@extschema@.currency_amount, numeric, text, date, date) IS
	'same-period year-on-year growth of the unit value (price) in percent: from January 1 to the as_of date against a year earlier';

CREATE AGGREGATE @extschema@.volume_growth(value @extschema@.currency_amount, quantity numeric, unit text, period date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.volume_growth_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.volume_growth(@extschema@.currency_amount, numeric, text, date) IS
	'same-period year-on-year growth of the quantity (volume) in percent: from January 1 to the latest period against a year earlier';

CREATE AGGREGATE @extschema@.volume_growth(value @extschema@.currency_amount, quantity numeric, unit text, period date, as_of date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.volume_growth_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.volume_growth(@extschema@.currency_amount, numeric, text, date, date) IS
	'same-period year-on-year growth of the quantity (volume) in percent: from January 1 to the as_of date against a year earlier';

CREATE AGGREGATE @extschema@.laspeyres_price(value @extschema@.currency_amount, quantity numeric, unit text, commodity text, period date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.laspeyres_price_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.laspeyres_price(@extschema@.currency_amount, numeric, text, text, date) IS
	'Laspeyres price index across commodities, chained year on year, first year = 100';

CREATE AGGREGATE @extschema@.paasche_price(value @extschema@.currency_amount, quantity numeric, unit text, commodity text, period date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.paasche_price_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.paasche_price(@extschema@.currency_amount, numeric, text, text, date) IS
	'Paasche price index across commodities, chained year on year, first year = 100';

CREATE AGGREGATE @extschema@.fisher_price(value @extschema@.currency_amount, quantity numeric, unit text, commodity text, period date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.fisher_price_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.fisher_price(@extschema@.currency_amount, numeric, text, text, date) IS
	'Fisher price index (geometric mean of Laspeyres and Paasche), chained year on year, first year = 100';

CREATE AGGREGATE @extschema@.laspeyres_volume(value @extschema@.currency_amount, quantity numeric, unit text, commodity text, period date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.laspeyres_volume_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.laspeyres_volume(@extschema@.currency_amount, numeric, text, text, date) IS
	'Laspeyres volume index across commodities, chained year on year, first year = 100';

CREATE AGGREGATE @extschema@.paasche_volume(value @extschema@.currency_amount, quantity numeric, unit text, commodity text, period date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.paasche_volume_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.paasche_volume(@extschema@.currency_amount, numeric, text, text, date) IS
	'Paasche volume index across commodities, chained year on year, first year = 100';

CREATE AGGREGATE @extschema@.fisher_volume(value @extschema@.currency_amount, quantity numeric, unit text, commodity text, period date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.fisher_volume_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.fisher_volume(@extschema@.currency_amount, numeric, text, text, date) IS
	'Fisher volume index (geometric mean of Laspeyres and Paasche), chained year on year, first year = 100';

CREATE AGGREGATE @extschema@.unit_value(value numeric, quantity numeric, unit text) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.unit_value_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.unit_value(numeric, numeric, text) IS
	'the sum of the values over the sum of the quantities, exact numeric (major units per unit of quantity)';

CREATE AGGREGATE @extschema@.price_growth(value numeric, quantity numeric, unit text, period date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.price_growth_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.price_growth(numeric, numeric, text, date) IS
	'same-period year-on-year growth of the unit value (price) in percent: from January 1 to the latest period against a year earlier';

CREATE AGGREGATE @extschema@.price_growth(value numeric, quantity numeric, unit text, period date, as_of date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.price_growth_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.price_growth(numeric, numeric, text, date, date) IS
	'same-period year-on-year growth of the unit value (price) in percent: from January 1 to the as_of date against a year earlier';

CREATE AGGREGATE @extschema@.volume_growth(value numeric, quantity numeric, unit text, period date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.volume_growth_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.volume_growth(numeric, numeric, text, date) IS
	'same-period year-on-year growth of the quantity (volume) in percent: from January 1 to the latest period against a year earlier';

CREATE AGGREGATE @extschema@.volume_growth(value numeric, quantity numeric, unit text, period date, as_of date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.volume_growth_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.volume_growth(numeric, numeric, text, date, date) IS
	'same-period year-on-year growth of the quantity (volume) in percent: from January 1 to the as_of date against a year earlier';

CREATE AGGREGATE @extschema@.laspeyres_price(value numeric, quantity numeric, unit text, commodity text, period date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.laspeyres_price_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.laspeyres_price(numeric, numeric, text, text, date) IS
	'Laspeyres price index across commodities, chained year on year, first year = 100';

CREATE AGGREGATE @extschema@.paasche_price(value numeric, quantity numeric, unit text, commodity text, period date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.paasche_price_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.paasche_price(numeric, numeric, text, text, date) IS
	'Paasche price index across commodities, chained year on year, first year = 100';

CREATE AGGREGATE @extschema@.fisher_price(value numeric, quantity numeric, unit text, commodity text, period date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.fisher_price_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.fisher_price(numeric, numeric, text, text, date) IS
	'Fisher price index (geometric mean of Laspeyres and Paasche), chained year on year, first year = 100';

CREATE AGGREGATE @extschema@.laspeyres_volume(value numeric, quantity numeric, unit text, commodity text, period date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.laspeyres_volume_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.laspeyres_volume(numeric, numeric, text, text, date) IS
	'Laspeyres volume index across commodities, chained year on year, first year = 100';

CREATE AGGREGATE @extschema@.paasche_volume(value numeric, quantity numeric, unit text, commodity text, period date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.paasche_volume_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.paasche_volume(numeric, numeric, text, text, date) IS
	'Paasche volume index across commodities, chained year on year, first year = 100';

CREATE AGGREGATE @extschema@.fisher_volume(value numeric, quantity numeric, unit text, commodity text, period date) (
	SFUNC = @extschema@.quantity_accum, STYPE = internal,
	FINALFUNC = @extschema@.fisher_volume_final,
	COMBINEFUNC = @extschema@.quantity_combine,
	SERIALFUNC = @extschema@.quantity_serialize, DESERIALFUNC = @extschema@.quantity_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.fisher_volume(numeric, numeric, text, text, date) IS
	'Fisher volume index (geometric mean of Laspeyres and Paasche), chained year on year, first year = 100';

-- the same from stored summaries: one of the values, one of the quantities
CREATE FUNCTION @extschema@.unit_value(value_summary @extschema@.growth_state,
									   quantity_summary @extschema@.growth_state) RETURNS numeric
AS 'MODULE_PATHNAME', 'unit_value_summaries' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.unit_value(@extschema@.growth_state, @extschema@.growth_state) IS
	'the total of a summary of values over the total of a summary of quantities, exact numeric';

CREATE FUNCTION @extschema@.unit_value(value_summary @extschema@.growth_state,
									   quantity_summary @extschema@.growth_state,
									   "from" date, "to" date) RETURNS numeric
AS 'MODULE_PATHNAME', 'unit_value_summaries_range' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.unit_value(@extschema@.growth_state, @extschema@.growth_state, date, date) IS
	'the unit value of the periods from to to of a summary of values and one of quantities, exact numeric';

CREATE FUNCTION @extschema@.price_growth(value_summary @extschema@.growth_state,
										 quantity_summary @extschema@.growth_state) RETURNS numeric
AS 'MODULE_PATHNAME', 'price_growth_summaries' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.price_growth(@extschema@.growth_state, @extschema@.growth_state) IS
	'same-period year-on-year growth of the unit value, in percent, from a summary of values and one of quantities';

CREATE FUNCTION @extschema@.price_growth(value_summary @extschema@.growth_state,
										 quantity_summary @extschema@.growth_state, as_of date) RETURNS numeric
AS 'MODULE_PATHNAME', 'price_growth_summaries_as_of' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.price_growth(@extschema@.growth_state, @extschema@.growth_state, date) IS
	'same-period year-on-year growth of the unit value to the as_of date, in percent, from a summary of values and one of quantities';
