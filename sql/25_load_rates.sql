-- ---------------------------------------------------------------------------
-- Loading rate files (the upgrade from 0.2 is built with this file too)
-- ---------------------------------------------------------------------------

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
			+ CASE valid_for WHEN 'quarter' THEN interval '3 months' ELSE ('1 ' || valid_for)::interval END
			- interval '1 day')::date
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
