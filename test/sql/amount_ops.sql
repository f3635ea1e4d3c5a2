--
-- currency_amount arithmetic, comparison and operator classes
--
\i test/sql/helpers.psql

-- Arithmetic: exact, rounded half away from zero to the minor unit.
SELECT expr, pg_temp.try_expr(expr) AS result
FROM (VALUES
	('''463.11 billion yuan''::currency_amount + ''257.38 billion yuan'''),
	('''463.11 billion yuan''::currency_amount - ''257.38 billion yuan'''),
	('-''5 USD''::currency_amount'),
	('abs(''-5 USD''::currency_amount)'),
	('''10.00 USD''::currency_amount * 1.1'),
	('1.1 * ''10.00 USD''::currency_amount'),
	('''10.00 USD''::currency_amount * 1.1::float8'),
	('''10.00 USD''::currency_amount * 3'),
	('3 * ''10.00 USD''::currency_amount'),
	('''10.00 USD''::currency_amount * 3::bigint'),
	('''0.05 USD''::currency_amount * 0.5'),
	('''-0.05 USD''::currency_amount * 0.5'),
	('''0.05 USD''::currency_amount * 0.1'),
	('''10.00 USD''::currency_amount / 3'),
	('''10.00 USD''::currency_amount / 3::bigint'),
	('''-0.05 USD''::currency_amount / 2'),
	('''0.05 USD''::currency_amount / 2.0'),
	('''-0.05 USD''::currency_amount / 2.0'),
	('''0.05 USD''::currency_amount / -2.0'),
	('''10.00 USD''::currency_amount / 3.0::float8'),
	('''100 JPY''::currency_amount / 3'),
	('''1 KWD''::currency_amount / 3'),
	('''8.45 trillion yuan''::currency_amount * 0.291'),
	('''463.11 billion yuan''::currency_amount / ''720.49 billion yuan'''),
	('''1 USD''::currency_amount / ''3 USD''')
) AS t(expr);

-- Errors: mixed currencies 22023, overflow 22003, division by zero 22012.
SELECT expr, pg_temp.try_expr(expr) AS error
FROM (VALUES
	('''5 USD''::currency_amount + ''5 EUR'''),
	('''5 USD''::currency_amount - ''5 CNY'''),
	('''5 USD''::currency_amount / ''5 CNY'''),
	('''92233720368547758.07 USD''::currency_amount + ''0.01 USD'''),
	('''-92233720368547758.08 USD''::currency_amount - ''0.01 USD'''),
	('-''-92233720368547758.08 USD''::currency_amount'),
	('abs(''-92233720368547758.08 USD''::currency_amount)'),
	('''92233720368547758.07 USD''::currency_amount * 2'),
	('''92233720368547758.07 USD''::currency_amount * 1.5'),
	('''92233720368547758.07 USD''::currency_amount * 2::float8'),
	('''-92233720368547758.08 USD''::currency_amount * -1'),
	('''-92233720368547758.08 USD''::currency_amount / -1'),
	('''92233720368547758.07 USD''::currency_amount / 0.5'),
	('''5 USD''::currency_amount / 0'),
	('''5 USD''::currency_amount / 0::bigint'),
	('''5 USD''::currency_amount / 0.0'),
	('''5 USD''::currency_amount / 0::float8'),
	('''5 USD''::currency_amount / ''0 USD'''),
	('''5 USD''::currency_amount * ''NaN''::numeric'),
	('''5 USD''::currency_amount * ''Infinity''::float8'),
	('''5 USD''::currency_amount / ''NaN''::float8')
) AS t(expr);

-- The full report of a mixed-currency error.
SELECT '5 USD'::currency_amount + '5 EUR';

-- Equality across currencies is false; ordering across them is an error.
SELECT '5 USD'::currency_amount = '5 EUR' AS eq,
	   '5 USD'::currency_amount <> '5 EUR' AS ne,
	   '5 USD'::currency_amount = '5.00 USD' AS same,
	   '5 USD'::currency_amount < '6 USD' AS lt,
	   '5 USD'::currency_amount <= '5 USD' AS le,
	   '5 USD'::currency_amount > '6 USD' AS gt,
	   '5 USD'::currency_amount >= '6 USD' AS ge;
SELECT '5 USD'::currency_amount < '5 EUR';
SELECT pg_temp.try_expr('''5 USD''::currency_amount >= ''5 EUR''');
SELECT pg_temp.try_expr('currency_amount_cmp(''5 USD'', ''5 EUR'')');

-- A single-currency column: btree index, sorts, merge and hash joins.
CREATE TABLE usd_trade (id int, v currency_amount);
INSERT INTO usd_trade
	SELECT i, currency_amount(i * 1.5, 'USD') FROM generate_series(1, 1000) i;
CREATE INDEX usd_trade_v ON usd_trade (v);
ANALYZE usd_trade;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM usd_trade WHERE v = '15 USD';
SELECT id FROM usd_trade WHERE v = '15 USD';
EXPLAIN (COSTS OFF) SELECT id FROM usd_trade WHERE v BETWEEN '10 USD' AND '12 USD';
SELECT id, v FROM usd_trade WHERE v BETWEEN '10 USD' AND '12 USD' ORDER BY v;
SELECT min(v), max(v) FROM usd_trade;
-- An ordering lookup of another currency in the index is the ordering error.
SELECT id FROM usd_trade WHERE v < '15 EUR';
RESET enable_seqscan;
RESET enable_bitmapscan;
SELECT v FROM usd_trade ORDER BY v DESC LIMIT 3;

-- = is not mergejoinable (see amount_mixed_currencies): without hash joins the
-- planner loops, through the btree index; without loops it hashes.
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM usd_trade a JOIN usd_trade b ON a.v = b.v;
SELECT count(*) FROM usd_trade a JOIN usd_trade b ON a.v = b.v;
RESET enable_hashjoin;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM usd_trade a JOIN usd_trade b ON a.v = b.v;
SELECT count(*) FROM usd_trade a JOIN usd_trade b ON a.v = b.v;
RESET enable_nestloop;

-- A mixed-currency column: equality-based operations work ...
CREATE TABLE mixed (id int, v currency_amount);
INSERT INTO mixed VALUES (1, '5 USD'), (2, '5 EUR'), (3, '5 USD'), (4, '7 CNY'),
	(5, '5 EUR'), (6, NULL), (7, '100 JPY');
ANALYZE mixed;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT v, count(*) FROM mixed GROUP BY v;
SELECT v, count(*) FROM mixed GROUP BY v ORDER BY currency(v), v::numeric;
SELECT count(DISTINCT v::text) AS distinct_text, count(*) FILTER (WHERE v = '5 USD') AS usd5
FROM mixed;
SET enable_mergejoin = off;
SELECT a.id, b.id FROM mixed a JOIN mixed b ON a.v = b.v AND a.id < b.id ORDER BY 1, 2;
RESET enable_mergejoin;
RESET enable_sort;
SELECT count(*) FROM mixed WHERE v = '5 USD';
SELECT count(*) FROM mixed WHERE v <> '5 USD';
-- ... the hash index works, and ordering-based ones raise the error.
CREATE INDEX mixed_hash ON mixed USING hash (v);
SET enable_hashagg = off;
SELECT v, count(*) FROM mixed GROUP BY v;
RESET enable_hashagg;
SELECT v FROM mixed ORDER BY v;
CREATE INDEX mixed_btree ON mixed (v);
SELECT max(v) FROM mixed;
-- The hint's way always works.
SELECT currency(v), v FROM mixed WHERE v IS NOT NULL ORDER BY currency(v), v;
SELECT currency(v), min(v), max(v), sum(v) FROM mixed GROUP BY currency(v) ORDER BY 1;
CREATE INDEX mixed_by_currency ON mixed ((currency(v)), v);
