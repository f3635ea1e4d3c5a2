-- ---------------------------------------------------------------------------
-- Summaries converted when read
-- ---------------------------------------------------------------------------

-- A summary of amounts by period in another currency: each period's sums
-- converted at that period's rate (per: 'day', 'month', 'quarter' or
-- 'year', as convert() of an amount), rounded once per period.
CREATE FUNCTION @extschema@.convert(s @extschema@.growth_state, to_currency text, per text)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_state_convert'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.convert(@extschema@.growth_state, text, text) IS
	'the summary with each period''s sums converted to to_currency at that period''s rate (per), rounded once per period';

CREATE FUNCTION @extschema@.to_usd(s @extschema@.growth_state, per text)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_state_to_usd'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.to_usd(@extschema@.growth_state, text) IS
	'the summary with each period''s sums in US dollars at that period''s rate (per)';

CREATE FUNCTION @extschema@.to_cny(s @extschema@.growth_state, per text)
RETURNS @extschema@.growth_state
AS 'MODULE_PATHNAME', 'growth_state_to_cny'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.to_cny(@extschema@.growth_state, text) IS
	'the summary with each period''s sums in Chinese yuan at that period''s rate (per)';

