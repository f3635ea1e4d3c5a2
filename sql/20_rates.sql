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
-- functions and types are in.  A plain CREATE SCHEMA: a schema of that name
-- that someone else made first is an error, never adopted (the pattern of
-- CVE-2022-2625).
CREATE SCHEMA trade_stats;

COMMENT ON SCHEMA trade_stats IS
	'the exchange rates and the stored-summary definitions of the trade_stats extension';
GRANT USAGE ON SCHEMA trade_stats TO PUBLIC;

CREATE TABLE trade_stats.exchange_rate (
	base char(3) NOT NULL CHECK (@extschema@.is_currency_code(base)),
	quote char(3) NOT NULL CHECK (@extschema@.is_currency_code(quote)),
	valid_from date NOT NULL CHECK (valid_from > '-infinity' AND valid_from < 'infinity'),
	rate numeric NOT NULL CHECK (rate > 0 AND rate < 'Infinity'),
	PRIMARY KEY (base, quote, valid_from),
	CHECK (base <> quote),
	valid_until date CONSTRAINT exchange_rate_valid_until_check CHECK (valid_until >= valid_from)
);

COMMENT ON TABLE trade_stats.exchange_rate IS
	'one unit of base is worth rate units of quote from valid_from until the next row of the pair, at most until valid_until (or, without one, for trade_stats.max_rate_age)';
COMMENT ON COLUMN trade_stats.exchange_rate.valid_until IS
	'the last day the rate holds (the end of its month or year for monthly or annual rates); NULL: until the next row, at most trade_stats.max_rate_age after valid_from';

GRANT SELECT ON trade_stats.exchange_rate TO PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('trade_stats.exchange_rate', '');

-- The versions of the rates, for the backend caches of convert(): per
-- currency pair, a fresh sequence value after every statement that changes
-- that pair's rows (the row with empty codes stands for the whole table,
-- after a TRUNCATE).  A row per pair, so that writers of different pairs
-- never wait for each other or fail each other's repeatable-read
-- transactions; each statement updates its pairs in code order, so writers
-- of the same pairs do not deadlock here.
CREATE SEQUENCE trade_stats.rate_version_seq;
CREATE TABLE trade_stats.rate_version (
	version bigint NOT NULL,
	base char(3) NOT NULL,
	quote char(3) NOT NULL,
	PRIMARY KEY (base, quote)
);

COMMENT ON TABLE trade_stats.rate_version IS
	'internal: a version bumped by every change of exchange_rate, read by the rate cache';
INSERT INTO trade_stats.rate_version VALUES (0, '', '');
GRANT SELECT ON trade_stats.rate_version TO PUBLIC;

CREATE FUNCTION trade_stats.bump_rate_version()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_OP = 'TRUNCATE' THEN
		UPDATE trade_stats.rate_version
		SET version = pg_catalog.nextval('trade_stats.rate_version_seq'::pg_catalog.regclass)
		WHERE base OPERATOR(pg_catalog.=) '' AND quote OPERATOR(pg_catalog.=) '';
	ELSIF TG_OP = 'INSERT' THEN
		INSERT INTO trade_stats.rate_version AS v (version, base, quote)
		SELECT pg_catalog.nextval('trade_stats.rate_version_seq'::pg_catalog.regclass), base, quote
		FROM (SELECT DISTINCT base, quote FROM new_rates ORDER BY base, quote) p
		ON CONFLICT (base, quote) DO UPDATE SET version = EXCLUDED.version;
	ELSIF TG_OP = 'UPDATE' THEN
		INSERT INTO trade_stats.rate_version AS v (version, base, quote)
		SELECT pg_catalog.nextval('trade_stats.rate_version_seq'::pg_catalog.regclass), base, quote
		FROM (SELECT base, quote FROM new_rates UNION SELECT base, quote FROM old_rates
			  ORDER BY base, quote) p
		ON CONFLICT (base, quote) DO UPDATE SET version = EXCLUDED.version;
	ELSE
		INSERT INTO trade_stats.rate_version AS v (version, base, quote)
		SELECT pg_catalog.nextval('trade_stats.rate_version_seq'::pg_catalog.regclass), base, quote
		FROM (SELECT DISTINCT base, quote FROM old_rates ORDER BY base, quote) p
		ON CONFLICT (base, quote) DO UPDATE SET version = EXCLUDED.version;
	END IF;
	RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION trade_stats.bump_rate_version() FROM PUBLIC;

-- The version triggers fire whatever session_replication_role says (a
-- session in replica mode changes rates too).
CREATE TRIGGER exchange_rate_inserted
	AFTER INSERT ON trade_stats.exchange_rate REFERENCING NEW TABLE AS new_rates
	FOR EACH STATEMENT EXECUTE FUNCTION trade_stats.bump_rate_version();
CREATE TRIGGER exchange_rate_updated
	AFTER UPDATE ON trade_stats.exchange_rate REFERENCING OLD TABLE AS old_rates NEW TABLE AS new_rates
	FOR EACH STATEMENT EXECUTE FUNCTION trade_stats.bump_rate_version();
CREATE TRIGGER exchange_rate_deleted
	AFTER DELETE ON trade_stats.exchange_rate REFERENCING OLD TABLE AS old_rates
	FOR EACH STATEMENT EXECUTE FUNCTION trade_stats.bump_rate_version();
CREATE TRIGGER exchange_rate_truncated
	AFTER TRUNCATE ON trade_stats.exchange_rate
	FOR EACH STATEMENT EXECUTE FUNCTION trade_stats.bump_rate_version();
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_inserted;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_updated;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_deleted;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_truncated;

-- Logical replication's apply worker fires row triggers only, in replica
-- mode: this row trigger bumps the versions there (its WHEN keeps it from
-- running in any other session, where the statement triggers do).
CREATE FUNCTION trade_stats.bump_rate_version_row()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		INSERT INTO trade_stats.rate_version AS v (version, base, quote)
		VALUES (pg_catalog.nextval('trade_stats.rate_version_seq'::pg_catalog.regclass), OLD.base, OLD.quote)
		ON CONFLICT (base, quote) DO UPDATE SET version = EXCLUDED.version;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO trade_stats.rate_version AS v (version, base, quote)
		VALUES (pg_catalog.nextval('trade_stats.rate_version_seq'::pg_catalog.regclass), NEW.base, NEW.quote)
		ON CONFLICT (base, quote) DO UPDATE SET version = EXCLUDED.version;
	END IF;
	RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION trade_stats.bump_rate_version_row() FROM PUBLIC;
CREATE TRIGGER exchange_rate_replicated
	AFTER INSERT OR UPDATE OR DELETE ON trade_stats.exchange_rate
	FOR EACH ROW WHEN (pg_catalog.current_setting('session_replication_role') OPERATOR(pg_catalog.=) 'replica')
	EXECUTE FUNCTION trade_stats.bump_rate_version_row();
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_replicated;

CREATE FUNCTION @extschema@.convert(a @extschema@.currency_amount, to_currency text, on_date date)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'currency_amount_convert'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.convert(@extschema@.currency_amount, text, date) IS
	'the amount in another currency at the freshest rate holding on on_date (direct, inverted, or crossed through USD, EUR or CNY)';

CREATE FUNCTION @extschema@.to_usd(a @extschema@.currency_amount, on_date date)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'currency_amount_to_usd'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.to_usd(@extschema@.currency_amount, date) IS
	'the amount converted to US dollars with the rate valid on the date';

CREATE FUNCTION @extschema@.to_cny(a @extschema@.currency_amount, on_date date)
RETURNS @extschema@.currency_amount
AS 'MODULE_PATHNAME', 'currency_amount_to_cny'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.to_cny(@extschema@.currency_amount, date) IS
	'the amount converted to Chinese yuan with the rate valid on the date';

-- convert, to_usd and to_cny of a timestamp take its date; of a timestamp
-- with time zone, its date in the session's TimeZone (a BI tool's time
-- column, now()).
CREATE FUNCTION @extschema@.convert(a @extschema@.currency_amount, to_currency text, on_date timestamp)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.convert(a, to_currency, on_date::date);

COMMENT ON FUNCTION @extschema@.convert(@extschema@.currency_amount, text, timestamp) IS
	'convert(a, to_currency, the timestamp''s date)';

CREATE FUNCTION @extschema@.convert(a @extschema@.currency_amount, to_currency text, on_date timestamptz)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.convert(a, to_currency, on_date::date);

COMMENT ON FUNCTION @extschema@.convert(@extschema@.currency_amount, text, timestamptz) IS
	'convert(a, to_currency, the date of the timestamp in the session''s time zone)';

CREATE FUNCTION @extschema@.to_usd(a @extschema@.currency_amount, on_date timestamp)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.to_usd(a, on_date::date);

COMMENT ON FUNCTION @extschema@.to_usd(@extschema@.currency_amount, timestamp) IS
	'to_usd(a, the timestamp''s date)';

CREATE FUNCTION @extschema@.to_usd(a @extschema@.currency_amount, on_date timestamptz)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.to_usd(a, on_date::date);

COMMENT ON FUNCTION @extschema@.to_usd(@extschema@.currency_amount, timestamptz) IS
	'to_usd(a, the date of the timestamp in the session''s time zone)';

CREATE FUNCTION @extschema@.to_cny(a @extschema@.currency_amount, on_date timestamp)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.to_cny(a, on_date::date);

COMMENT ON FUNCTION @extschema@.to_cny(@extschema@.currency_amount, timestamp) IS
	'to_cny(a, the timestamp''s date)';

CREATE FUNCTION @extschema@.to_cny(a @extschema@.currency_amount, on_date timestamptz)
RETURNS @extschema@.currency_amount
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN @extschema@.to_cny(a, on_date::date);

COMMENT ON FUNCTION @extschema@.to_cny(@extschema@.currency_amount, timestamptz) IS
	'to_cny(a, the date of the timestamp in the session''s time zone)';

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
-- Monthly average of the rates of each pair, as customs offices publish.
CREATE VIEW trade_stats.exchange_rate_monthly AS
	SELECT base, quote,
		   pg_catalog.date_trunc('month', valid_from)::date AS month,
		   pg_catalog.avg(rate) AS rate,
		   pg_catalog.count(*) AS days
	FROM ONLY trade_stats.exchange_rate
	GROUP BY base, quote, pg_catalog.date_trunc('month', valid_from)::date;

COMMENT ON VIEW trade_stats.exchange_rate_monthly IS
	'monthly average of the rates of each pair, and the number of rates averaged';
GRANT SELECT ON trade_stats.exchange_rate_monthly TO PUBLIC;

-- The fields of delimited text, strictly (RFC 4180 quoting; LF, CRLF or CR
-- line ends): the helper load_rates() reads rate files with.
CREATE FUNCTION trade_stats.csv_cells(content text, delimiter text,
									  OUT line integer, OUT field integer, OUT value text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'trade_stats_csv_cells'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION trade_stats.csv_cells(text, text) IS
	'the fields of delimited text (line, position, unquoted text), for load_rates()';
