-- ---------------------------------------------------------------------------
-- Growth and share measures as headlines write them
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.format_pct(value numeric,
									   lang text DEFAULT 'en',
									   digits integer DEFAULT 1)
RETURNS text
AS 'MODULE_PATHNAME', 'trade_stats_format_pct'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.format_pct(numeric, text, integer) IS
	'a growth in percent for headlines, rounded half away from zero: +14.1%, -5.2%, 0.0%, or the same in Chinese';

CREATE FUNCTION @extschema@.format_pp(value numeric,
									  lang text DEFAULT 'en',
									  digits integer DEFAULT 1)
RETURNS text
AS 'MODULE_PATHNAME', 'trade_stats_format_pp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.format_pp(numeric, text, integer) IS
	'a change in percentage points for headlines, rounded half away from zero: +1.2 pp, -1.2 pp, 0.0 pp, or the same in Chinese';
