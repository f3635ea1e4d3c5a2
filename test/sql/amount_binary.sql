--
-- Binary send/receive of currency_amount: COPY BINARY round trip, the wire
-- format, and rejection of bad binary input.
--

CREATE TABLE amounts (id int, v currency_amount);
INSERT INTO amounts VALUES (1, '720490000000.00 CNY'), (2, '-5 USD'), (3, '100 JPY'),
	(4, '1.234 KWD'), (5, '92233720368547758.07 USD'), (6, '-92233720368547758.08 EUR'),
	(7, NULL), (8, '1.2345 XAU');

-- The wire format: int64 minor units, int16 decimals, the ISO code.
SELECT id, v, currency_amount_send(v) FROM amounts ORDER BY id;

\copy amounts TO 'results/amounts.bin' WITH (FORMAT binary)
CREATE TABLE amounts_back (LIKE amounts);
\copy amounts_back FROM 'results/amounts.bin' WITH (FORMAT binary)
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE a.v = b.v OR (a.v IS NULL AND b.v IS NULL)) AS identical
FROM amounts a JOIN amounts_back b USING (id);

-- Bad binary input: raw bytes written as bytea, read back as currency_amount.
CREATE TABLE raw (id int, b bytea);
CREATE TABLE target (id int, v currency_amount);
INSERT INTO raw VALUES (1, '\x00000000000001f40002555344');
\copy raw TO 'results/raw.bin' WITH (FORMAT binary)
\copy target FROM 'results/raw.bin' WITH (FORMAT binary)
SELECT * FROM target;
-- unknown currency
TRUNCATE raw;
INSERT INTO raw VALUES (2, '\x00000000000001f4000258595a');
\copy raw TO 'results/raw.bin' WITH (FORMAT binary)
\copy target FROM 'results/raw.bin' WITH (FORMAT binary)
-- every bad binary input is 22P03, an unknown currency too
\set VERBOSITY sqlstate
\copy target FROM 'results/raw.bin' WITH (FORMAT binary)
\set VERBOSITY default
-- lower-case code
TRUNCATE raw;
INSERT INTO raw VALUES (3, '\x00000000000001f40002757364');
\copy raw TO 'results/raw.bin' WITH (FORMAT binary)
\copy target FROM 'results/raw.bin' WITH (FORMAT binary)
-- wrong number of decimals for USD
TRUNCATE raw;
INSERT INTO raw VALUES (4, '\x00000000000001f40003555344');
\copy raw TO 'results/raw.bin' WITH (FORMAT binary)
\copy target FROM 'results/raw.bin' WITH (FORMAT binary)
-- too short
TRUNCATE raw;
INSERT INTO raw VALUES (5, '\x00000000000001f4000255');
\copy raw TO 'results/raw.bin' WITH (FORMAT binary)
\copy target FROM 'results/raw.bin' WITH (FORMAT binary)
-- trailing garbage
TRUNCATE raw;
INSERT INTO raw VALUES (6, '\x00000000000001f4000255534400');
\copy raw TO 'results/raw.bin' WITH (FORMAT binary)
\copy target FROM 'results/raw.bin' WITH (FORMAT binary)
SELECT * FROM target;

-- The sum state's binary form round-trips and is validated too.
CREATE TABLE states (id int, s currency_amount_sum_state);
INSERT INTO states VALUES (1, '(-42535295865117307932921825928971026432,4611686018427387904,USD)'),
	(2, '(0,0,)'), (3, '(12345,3,CNY)');
\copy states TO 'results/states.bin' WITH (FORMAT binary)
CREATE TABLE states_back (LIKE states);
\copy states_back FROM 'results/states.bin' WITH (FORMAT binary)
SELECT * FROM states_back ORDER BY id;
TRUNCATE raw;
-- count 1 with a sum beyond 2^63
INSERT INTO raw VALUES (7, '\x000000000000000100000000000000000000000000000001555344');
\copy raw TO 'results/raw.bin' WITH (FORMAT binary)
\copy states_back FROM 'results/raw.bin' WITH (FORMAT binary)
