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
	FROM trade_stats.exchange_rate
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

-- Load a wide rate file into exchange_rate: a header, then a date column
-- and one column per currency, each cell the value of 'per' units of one
-- currency in the other.  With columns => 'quote' (ECB, IMF) the cells are
-- column-currency units per 'per' units of 'currency'; with columns =>
-- 'base' (the NBS's yuan per 100 USD) they are 'currency' units per 'per'
-- units of the column's currency.  Columns that are no currency
-- trade_stats knows, or 'currency' itself, are skipped, and so are blank
-- cells, cells without a digit (N/A) and zero cells (a notice counts them).
-- Everything else must parse exactly, else an error names the line and the
-- column: a record with another number of fields than the header, a date
-- that date_format does not give back, a date before year 1, a cell that is
-- not a positive decimal number (thousands separators allowed), a pair and
-- date given twice.  currency_names maps header names to currency codes
-- ('{"\u7f8e\u5143": "USD"}': the NBS's name of the US dollar, in JSON's
-- escapes as the script is ASCII): a
-- header cell is the currency of the name it equals, else of the one name
-- it contains; a name that no header cell uses, a cell containing two
-- names, a code that is no currency, or two columns of one currency are
-- errors.  valid_for 'month', 'quarter' or 'year' says the file's rates
-- are averages of that period: each row then holds until the end of the
-- period of its date (valid_until); NULL leaves valid_until empty.
-- Existing rows of the same pair and date are replaced.  Returns the number
-- of rows written.
CREATE FUNCTION @extschema@.load_rates(content text, currency text,
									   delimiter text DEFAULT ',',
									   date_format text DEFAULT 'YYYY-MM-DD',
									   per numeric DEFAULT 1,
									   columns text DEFAULT 'quote',
									   currency_names jsonb DEFAULT NULL,
									   valid_for text DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	written bigint;
	code text := upper(currency);
	bad record;
	skipped text;
BEGIN
	IF content IS NULL OR currency IS NULL OR delimiter IS NULL OR date_format IS NULL THEN
		RAISE EXCEPTION 'load_rates needs content, currency, delimiter and date_format, not NULL'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
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
	IF valid_for NOT IN ('month', 'quarter', 'year') THEN
		RAISE EXCEPTION 'valid_for must be ''month'', ''quarter'', ''year'' or NULL, not %', quote_literal(valid_for)
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF currency_names IS NOT NULL AND jsonb_typeof(currency_names) <> 'object' THEN
		RAISE EXCEPTION 'currency_names must be a JSON object of header names and currency codes, not %',
			currency_names
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT key, value INTO bad FROM jsonb_each(currency_names)
	WHERE jsonb_typeof(value) <> 'string' OR NOT @extschema@.is_currency_code(upper(value #>> '{}'))
	ORDER BY key LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'currency_names maps "%" to %, which is no currency code', bad.key, bad.value
			USING ERRCODE = 'invalid_parameter_value';
	END IF;

	CREATE TEMP TABLE pg_temp.ts_rate_cells ON COMMIT DROP AS
		SELECT c.line, c.field, btrim(c.value, E' \t') AS value
		FROM trade_stats.csv_cells(content, delimiter) c;

	-- every record has the header's number of fields
	SELECT r.line, r.n, h.n AS header INTO bad
	FROM (SELECT line, count(*) AS n FROM pg_temp.ts_rate_cells GROUP BY line) r,
		 (SELECT count(*) AS n FROM pg_temp.ts_rate_cells
		  WHERE line = (SELECT min(line) FROM pg_temp.ts_rate_cells)) h
	WHERE r.n <> h.n ORDER BY r.line LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'invalid rate file: line % has % fields, the header %', bad.line, bad.n, bad.header
			USING ERRCODE = 'bad_copy_file_format';
	END IF;

	-- the header's currencies: a cell's own text, or the code of the name
	-- of currency_names it equals, else of the one it contains
	CREATE TEMP TABLE pg_temp.ts_rate_header ON COMMIT DROP AS
		SELECT h.field, h.value AS name, m.names,
			   upper(CASE WHEN cardinality(m.names) = 1
						  THEN currency_names ->> m.names[1] ELSE h.value END) AS other
		FROM pg_temp.ts_rate_cells h
		CROSS JOIN LATERAL (
			SELECT coalesce(array_agg(n.key ORDER BY n.key) FILTER (WHERE n.key = h.value),
							array_agg(n.key ORDER BY n.key) FILTER (WHERE strpos(h.value, n.key) > 0)) AS names
			FROM jsonb_object_keys(currency_names) AS n(key)) m
		WHERE h.line = (SELECT min(line) FROM pg_temp.ts_rate_cells) AND h.field > 1;
	SELECT name, names INTO bad FROM pg_temp.ts_rate_header
	WHERE cardinality(names) > 1 ORDER BY field LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'invalid rate file: the header "%" contains the names "%" and "%" of currency_names',
			bad.name, bad.names[1], bad.names[2]
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT n.key INTO bad FROM jsonb_object_keys(currency_names) AS n(key)
	WHERE NOT EXISTS (SELECT FROM pg_temp.ts_rate_header h WHERE n.key = ANY (h.names))
	ORDER BY n.key LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'currency_names has "%", which no header cell names', bad.key
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT a.name AS first, b.name AS second, a.other INTO bad
	FROM pg_temp.ts_rate_header a JOIN pg_temp.ts_rate_header b
		ON a.other = b.other AND a.field < b.field
	WHERE @extschema@.is_currency_code(a.other) AND a.other <> code
	ORDER BY a.field, b.field LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'invalid rate file: the columns "%" and "%" both give % rates',
			bad.first, bad.second, bad.other
			USING ERRCODE = 'cardinality_violation';
	END IF;

	CREATE TEMP TABLE pg_temp.ts_rate_rows ON COMMIT DROP AS
	WITH header AS (
		SELECT field, other FROM pg_temp.ts_rate_header
	), dates AS (
		SELECT line, value AS date_text,
			   CASE WHEN value <> '' THEN to_date(value, date_format) END AS valid_from
		FROM pg_temp.ts_rate_cells
		WHERE field = 1 AND line > (SELECT min(line) FROM pg_temp.ts_rate_cells)
	)
	SELECT d.line, d.date_text, d.valid_from, h.other, c.value AS cell,
		   CASE WHEN c.value = '' THEN 'blank'
				WHEN c.value !~ '[0-9]' THEN 'not a number'
				WHEN c.value !~ '^([0-9]+|[0-9]{1,3}(,[0-9]{3})+)?(\.[0-9]+)?$' OR c.value !~ '[0-9]$' THEN 'malformed'
				WHEN replace(c.value, ',', '')::numeric = 0 THEN 'zero'
		   END AS problem
	FROM dates d
	JOIN pg_temp.ts_rate_cells c ON c.line = d.line
	JOIN header h ON h.field = c.field
	WHERE @extschema@.is_currency_code(h.other) AND h.other <> code;

	SELECT line, date_text INTO bad FROM pg_temp.ts_rate_rows
	WHERE valid_from IS NULL OR valid_from < '0001-01-01'
	   OR upper(to_char(valid_from, date_format)) <> upper(date_text)
	ORDER BY line LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'invalid rate file: line %: the date "%" does not match date_format "%"',
			bad.line, bad.date_text, date_format
			USING ERRCODE = 'invalid_datetime_format',
				  HINT = 'Dates must read back as written with date_format, and lie in the years 1 to 9999.';
	END IF;
	SELECT line, other, cell INTO bad FROM pg_temp.ts_rate_rows
	WHERE problem = 'malformed' ORDER BY line, other LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'invalid rate file: line %, column %: "%" is not a positive decimal number',
			bad.line, bad.other, bad.cell
			USING ERRCODE = 'invalid_text_representation';
	END IF;
	SELECT a.line AS first, b.line AS second, a.other, a.valid_from INTO bad
	FROM pg_temp.ts_rate_rows a JOIN pg_temp.ts_rate_rows b
		ON a.other = b.other AND a.valid_from = b.valid_from AND a.line < b.line
	WHERE a.problem IS NULL AND b.problem IS NULL
	ORDER BY a.line, b.line LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'invalid rate file: lines % and % both give the % rate of %',
			bad.first, bad.second, bad.other, bad.valid_from
			USING ERRCODE = 'cardinality_violation';
	END IF;

	INSERT INTO trade_stats.exchange_rate AS r (base, quote, valid_from, rate, valid_until)
	SELECT CASE columns WHEN 'quote' THEN code ELSE other END,
		   CASE columns WHEN 'quote' THEN other ELSE code END,
		   valid_from, trim_scale(replace(cell, ',', '')::numeric / per),
		   (date_trunc(valid_for, valid_from::timestamp)
			+ ('1 ' || valid_for)::interval - interval '1 day')::date
	FROM pg_temp.ts_rate_rows
	WHERE problem IS NULL
	ON CONFLICT ON CONSTRAINT exchange_rate_pkey
	DO UPDATE SET rate = EXCLUDED.rate, valid_until = EXCLUDED.valid_until;
	GET DIAGNOSTICS written = ROW_COUNT;

	SELECT string_agg(n || ' ' || problem, ', ' ORDER BY problem) INTO skipped
	FROM (SELECT problem, count(*) AS n FROM pg_temp.ts_rate_rows
		  WHERE problem IS NOT NULL GROUP BY problem) p;
	IF skipped IS NOT NULL THEN
		RAISE NOTICE 'load_rates skipped cells: %', skipped;
	END IF;
	DROP TABLE pg_temp.ts_rate_cells, pg_temp.ts_rate_header, pg_temp.ts_rate_rows;
	RETURN written;
END
$$;

COMMENT ON FUNCTION @extschema@.load_rates(text, text, text, text, numeric, text, jsonb, text) IS
	'load a wide rate file (date, then one column per currency) into trade_stats.exchange_rate';

