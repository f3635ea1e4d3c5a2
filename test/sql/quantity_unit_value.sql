--
-- unit_value, price_growth and volume_growth of one commodity, and how
-- units are kept apart.
--
\i test/sql/helpers.psql

-- unit_value is exact numeric, not rounded to cents:
-- 12345.67 CNY / 3554.9 kg = 3.4728599960617738895...
SELECT unit_value(v, q, 'kg') AS unit_value, sum(v) / sum(q) AS rounded_to_cents
FROM (VALUES ('12000 CNY'::currency_amount, 3500::numeric), ('345.67 CNY', 54.9)) t(v, q);
-- numeric values of several scales; bigint quantities
SELECT unit_value(v, q, 't') FROM (VALUES (1.5, 2::bigint), (0.25, 3::bigint)) t(v, q);
-- NULL in any argument: the row is ignored; no rows or quantities summing
-- to zero give NULL
SELECT unit_value(v, q, u) FROM (VALUES (10::numeric, 4::numeric, 'kg'), (NULL, 1, 'kg'),
	(5, NULL, 'kg'), (7, 1, NULL)) t(v, q, u);
SELECT unit_value(v, q, 'kg') FROM (VALUES (10::numeric, 0::numeric)) t(v, q);
SELECT unit_value(v, q, 'kg') FROM (SELECT 1::numeric, 1::numeric WHERE false) t(v, q);

-- Price and volume growth of one commodity over the same-period windows
-- (January to the latest period against the same months a year earlier),
-- by hand: Jan-Feb 2020: V 160, Q 80, unit value 2; Jan-Feb 2021: V 216,
-- Q 90, unit value 2.4.  Price +20 %, volume +12.5 %, value +35 % =
-- 1.2 x 1.125 - 1.  March 2020 is after the window.
CREATE TABLE quv_soy (period date, value currency_amount, tonnes numeric);
INSERT INTO quv_soy VALUES
	('2020-01-01', '100 USD', 50), ('2020-02-01', '60 USD', 30), ('2020-03-01', '999 USD', 1),
	('2021-01-01', '132 USD', 55), ('2021-02-01', '84 USD', 35);
SELECT price_growth(value, tonnes, 't', period) AS price,
	   volume_growth(value, tonnes, 't', period) AS volume,
	   yoy_growth(value, period) AS value_growth
FROM quv_soy;
-- with as_of: January only (unit values 2 and 2.4, quantities 50 and 55)
SELECT price_growth(value, tonnes, 't', period, '2021-01-31') AS price,
	   volume_growth(value, tonnes, 't', period, '2021-01-31') AS volume
FROM quv_soy;
-- no previous window, a zero base: NULL
SELECT price_growth(value, tonnes, 't', period), volume_growth(value, tonnes, 't', period)
FROM quv_soy WHERE period >= '2021-01-01';
SELECT price_growth(v, q, 't', p), volume_growth(v, q, 't', p)
FROM (VALUES (1::numeric, 0::numeric, date '2020-01-01'), (1, 1, '2021-01-01')) t(v, q, p);

-- The identity (1 + price)(1 + volume) = 1 + value growth on random
-- series, to the digits of numeric division; and unit_value against
-- sum / sum.
SELECT setseed(0.5);
CREATE TABLE quv_flows AS
	SELECT g, make_date(y, m, 1) AS period, round((random() * 1000 + 1)::numeric, 2) AS value,
		   round((random() * 100 + 1)::numeric, 3) AS qty
	FROM generate_series(1, 30) g, generate_series(2020, 2021) y, generate_series(1, 12) m
	WHERE random() < 0.8 AND NOT (y = 2021 AND m > 6 + g % 6);
SELECT count(*) AS groups,
	   count(*) FILTER (WHERE round((1 + price / 100) * (1 + volume / 100) - 1, 12)
						= round(value_growth / 100, 12)) AS identity_holds,
	   count(*) FILTER (WHERE uv = trim_scale(v / q)) AS unit_value_equal
FROM (SELECT g, price_growth(value, qty, 'kg', period) AS price,
			 volume_growth(value, qty, 'kg', period) AS volume,
			 yoy_growth(value, period) AS value_growth,
			 unit_value(value, qty, 'kg') AS uv, sum(value) AS v, sum(qty) AS q
	  FROM quv_flows GROUP BY g) t;

-- In parallel plans, the same answers.
CREATE TABLE quv_big AS SELECT f.* FROM quv_flows f, generate_series(1, 300) i;
ANALYZE quv_big;
CREATE TEMP TABLE quv_serial AS
	SELECT g, price_growth(value, qty, 'kg', period) AS p, volume_growth(value, qty, 'kg', period) AS v,
		   unit_value(value, qty, 'kg') AS uv FROM quv_big GROUP BY g;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT g, price_growth(value, qty, 'kg', period) FROM quv_big GROUP BY g;
SELECT count(*) AS groups, count(*) FILTER (WHERE s.p = p.p AND s.v = p.v AND s.uv = p.uv) AS identical
FROM quv_serial s JOIN (SELECT g, price_growth(value, qty, 'kg', period) AS p,
						   volume_growth(value, qty, 'kg', period) AS v,
						   unit_value(value, qty, 'kg') AS uv FROM quv_big GROUP BY g) p USING (g);
RESET ALL;

-- Units: every row of a group in one unit, compared as text; currencies
-- as for every aggregate; as_of the same on every row.
SELECT pg_temp.try($$SELECT unit_value(v, q, u) FROM (VALUES (1::numeric, 1::numeric, 'kg'), (1, 1, 'u')) t(v, q, u)$$);
SELECT pg_temp.try($$SELECT price_growth(v, q, u, p) FROM (VALUES ('1 USD'::currency_amount, 1::numeric, 'kg', date '2020-01-01'), ('1 EUR', 1, 'kg', '2021-01-01')) t(v, q, u, p)$$);
SELECT pg_temp.try($$SELECT volume_growth(v, 1, 'kg', p, a) FROM (VALUES (1::numeric, date '2020-01-01', date '2021-01-01'), (1, '2021-01-01', '2021-02-01')) t(v, p, a)$$);
SELECT pg_temp.try($$SELECT unit_value(v, q, 'kg') FROM (VALUES (1::numeric, 'NaN'::numeric)) t(v, q)$$);
-- a NULL as_of is an error, as for the growth aggregates (not "no as_of")
SELECT pg_temp.try($$SELECT price_growth(v, q, 't', p, NULL::date) FROM (VALUES (10.0, 2.0, date '2020-01-01'), (12.0, 2.0, date '2021-01-01')) t(v, q, p)$$);
SELECT pg_temp.try($$SELECT volume_growth(v, q, 't', p, NULL::date) FROM (VALUES ('10 USD'::currency_amount, 2.0, date '2020-01-01'), ('12 USD', 2.0, date '2021-01-01')) t(v, q, p)$$);
SELECT pg_temp.try($$SELECT price_growth(1::numeric, 1, 'kg', date '10000-01-01')$$);
-- a unit per group: GROUP BY the unit
SELECT u, unit_value(v, q, u) FROM (VALUES (10::numeric, 4::numeric, 'kg'), (3, 1, 'u'), (2, 1, 'kg')) t(v, q, u)
GROUP BY u ORDER BY u;
