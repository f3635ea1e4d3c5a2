--
-- Concentration of a group's parts: hhi, cr(n) and top_n with others.
--
\i test/sql/helpers.psql

-- A worked example by hand (WITS: HHI = sum of the squared shares in
-- percent).  Shares 50 %, 30 %, 20 %: HHI = 2500 + 900 + 400 = 3800;
-- CR-1 = 50, CR-2 = 80, CR-5 = 100 (at most n parts).
SELECT hhi(v), cr(v, 1) AS cr1, cr(v, 2) AS cr2, cr(v, 5) AS cr5
FROM (VALUES ('500 USD'::currency_amount), ('300 USD'), ('200 USD')) t(v);
-- One part: 10000; k equal parts: 10000 / k; zeros count as parts of no
-- weight; a zero total and no rows give NULL; NULL values are no parts.
SELECT hhi(v) AS one FROM (VALUES (7.5)) t(v);
SELECT hhi(v) AS three_equal, cr(v, 2) AS cr2 FROM (VALUES (1), (1), (1), (0), (NULL)) t(v);
SELECT hhi(v) AS zero_total, cr(v, 1) AS cr1 FROM (VALUES (0), (0)) t(v);
SELECT hhi(v) AS no_rows, cr(v, 1) AS cr1 FROM (SELECT 1::numeric WHERE false) t(v);
-- Numerics of several scales, exactly: shares 0.25 / 2.75 (of 3):
-- 10000 * (0.0625 + 7.5625) / 9 = 8472.2...
SELECT hhi(v), cr(v, 1) FROM (VALUES (0.25), (2.75::numeric(10,3))) t(v);
-- bigint and integer parts are numeric
SELECT hhi(v), cr(v, 1) FROM (VALUES (1::bigint), (3::bigint)) t(v);

-- As window functions over grouped sums: per period, over the partners.
CREATE TABLE conc_trade (period date, partner text, value currency_amount);
INSERT INTO conc_trade VALUES
	('2021-01-01', 'A', '60 USD'), ('2021-01-01', 'B', '30 USD'), ('2021-01-01', 'B', '10 USD'),
	('2021-01-01', 'C', '0 USD'),
	('2021-02-01', 'A', '25 USD'), ('2021-02-01', 'B', '25 USD'), ('2021-02-01', 'C', '50 USD');
SELECT period, partner, sum(value) AS s,
	   hhi(sum(value)) OVER w, cr(sum(value), 2) OVER w AS cr2
FROM conc_trade GROUP BY period, partner WINDOW w AS (PARTITION BY period)
ORDER BY period, partner;

-- Against a plain-SQL oracle on random parts with zeros and gaps: exact
-- equality (the same numeric division).
SELECT setseed(0.22);
CREATE TABLE conc_parts AS
	SELECT g, i, CASE WHEN random() < 0.1 THEN 0 ELSE round((random() * 1000)::numeric, (i % 4)) END AS v
	FROM generate_series(1, 40) g, generate_series(1, (random() * 30)::int + 1) i;
INSERT INTO conc_parts VALUES (41, 1, 0), (41, 2, 0), (42, 1, NULL);
WITH m AS (SELECT g, hhi(v), cr(v, 4) AS cr4 FROM conc_parts GROUP BY g),
o AS (SELECT g, CASE WHEN sum(v) <> 0 THEN trim_scale(100 * (100 * sum(v * v)) / (sum(v) * sum(v))) END AS hhi,
			 CASE WHEN sum(v) <> 0 THEN trim_scale(100 * (SELECT sum(x) FROM (SELECT p2.v AS x FROM conc_parts p2
					WHERE p2.g = p.g AND p2.v IS NOT NULL ORDER BY p2.v DESC LIMIT 4) t) / sum(v)) END AS cr4
	  FROM conc_parts p GROUP BY g)
SELECT count(*) AS groups,
	   count(*) FILTER (WHERE m.hhi IS NOT DISTINCT FROM o.hhi AND m.cr4 IS NOT DISTINCT FROM o.cr4) AS equal
FROM m JOIN o USING (g);

-- The same in parallel plans (partial states serialized between workers).
CREATE TABLE conc_many AS
	SELECT i % 5 AS g, currency_amount(((i * 7919) % 100003) / 100.0, 'CNY') AS v
	FROM generate_series(1, 100000) i;
ANALYZE conc_many;
CREATE TEMP TABLE conc_serial AS SELECT g, hhi(v), cr(v, 10) FROM conc_many GROUP BY g;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT g, hhi(v), cr(v, 10) FROM conc_many GROUP BY g;
CREATE TEMP TABLE conc_parallel AS SELECT g, hhi(v), cr(v, 10) FROM conc_many GROUP BY g;
SELECT count(*) AS groups, count(*) FILTER (WHERE s.hhi = p.hhi AND s.cr = p.cr) AS identical
FROM conc_serial s JOIN conc_parallel p USING (g);
SELECT hhi(v), cr(v, 3) FROM conc_many;
RESET ALL;

-- Errors: mixed currencies, negative parts, cr's n.
SELECT pg_temp.try($$SELECT hhi(v) FROM (VALUES ('50 USD'::currency_amount), ('30 EUR')) t(v)$$);
SELECT pg_temp.try($$SELECT hhi(v) FROM (VALUES ('-50.5 USD'::currency_amount)) t(v)$$);
SELECT pg_temp.try($$SELECT cr(v, 2) FROM (VALUES (-0.5)) t(v)$$);
SELECT pg_temp.try($$SELECT cr(v, n) FROM (VALUES (1, 2), (2, 3)) t(v, n)$$);
SELECT pg_temp.try($$SELECT cr(v, 0) FROM (VALUES (1)) t(v)$$);
SELECT pg_temp.try($$SELECT cr(v, NULL) FROM (VALUES (1)) t(v)$$);
SELECT pg_temp.try($$SELECT hhi(v) FROM (VALUES ('NaN'::numeric)) t(v)$$);

-- top_n: the two largest, ties by label; the others add up to the total.
SELECT * FROM top_n(ARRAY['d', 'b', 'a', 'c', 'e'],
					ARRAY['5 USD', '7 USD', '5 USD', '5 USD', '1 USD']::currency_amount[], 2);
-- per period, from grouped sums; the rows sum exactly to the period's total
SELECT a.period, t.*
FROM (SELECT period, array_agg(partner) AS labels, array_agg(s) AS vals
	  FROM (SELECT period, partner, sum(value) AS s FROM conc_trade GROUP BY 1, 2) g GROUP BY period) a,
	 top_n(a.labels, a.vals, 1, 'others') t
ORDER BY a.period, t.rank;
-- no others row when n covers every part; n = 0 gives only others; NULL
-- values are no parts; NULL labels come after labels among ties
SELECT * FROM top_n(ARRAY['a', 'b'], ARRAY[1, 2]::numeric[], 5);
SELECT * FROM top_n(ARRAY['a', 'b', 'c'], ARRAY[1.5, 2, NULL]::numeric[], 0, 'all');
SELECT * FROM top_n(ARRAY[NULL, 'z', 'y'], ARRAY[3, 3, 1.25]::numeric[], 2);
SELECT * FROM top_n(ARRAY[]::text[], ARRAY[]::numeric[], 3);
-- against the total on random parts
SELECT count(*) AS groups, count(*) FILTER (WHERE t.total IS NOT DISTINCT FROM s.total) AS equal
FROM (SELECT g, sum(v) AS total FROM conc_parts GROUP BY g) s
JOIN LATERAL (SELECT sum(value) AS total
			  FROM top_n((SELECT array_agg(i::text) FROM conc_parts p WHERE p.g = s.g),
						 (SELECT array_agg(v) FROM conc_parts p WHERE p.g = s.g), 3)) t ON true;
SELECT pg_temp.try($$SELECT count(*) FROM top_n(ARRAY['a', 'b'], ARRAY['1 USD', '2 EUR']::currency_amount[], 1)$$);
SELECT pg_temp.try($$SELECT count(*) FROM top_n(ARRAY['a'], ARRAY[1, 2]::numeric[], 1)$$);
SELECT pg_temp.try($$SELECT count(*) FROM top_n(ARRAY['a'], ARRAY[1]::numeric[], -1)$$);
-- values that do not fit 128 bits at one scale: the message names top_n
SELECT pg_temp.try($$SELECT count(*) FROM top_n(ARRAY['a', 'b'], ARRAY[1e10, 1e-29]::numeric[], 1)$$);
