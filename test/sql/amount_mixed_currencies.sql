--
-- Equality on a column that mixes currencies works in every plan the
-- planner may pick for a join: = does not MERGES, so joins hash or loop.
-- Sorting such a column stays an error: UNION, INTERSECT, EXCEPT, DISTINCT
-- and GROUP BY work when PostgreSQL hashes them and fail when it sorts.
--
CREATE TABLE mixed_eq AS
	SELECT currency_amount(i % 100, CASE WHEN i % 2 = 0 THEN 'USD' ELSE 'EUR' END) AS v
	FROM generate_series(1, 2000) i;
ANALYZE mixed_eq;
SELECT oprcanmerge, oprcanhash FROM pg_operator
WHERE oid = '=(currency_amount,currency_amount)'::regoperator;

-- A self-join, whatever join methods are allowed.
SET enable_hashjoin = off;
SELECT count(*) FROM mixed_eq a JOIN mixed_eq b ON a.v = b.v;
SET enable_nestloop = off;
SELECT count(*) FROM mixed_eq a JOIN mixed_eq b ON a.v = b.v;
RESET enable_nestloop;
RESET enable_hashjoin;
SELECT count(*) FROM mixed_eq a JOIN mixed_eq b ON a.v = b.v;
-- 6.00 USD: 20 rows on each side, all USD (6.00 EUR does not equal it): 400 pairs.
SELECT count(*) FROM mixed_eq a JOIN mixed_eq b ON a.v = b.v WHERE a.v = '6 USD';

-- Set operations and grouping: hashed, they work.
SELECT count(*) FROM (SELECT v FROM mixed_eq UNION SELECT v FROM mixed_eq) u;
SELECT count(*) FROM (SELECT v FROM mixed_eq INTERSECT SELECT v FROM mixed_eq) u;
SELECT count(*) FROM (SELECT v FROM mixed_eq EXCEPT SELECT v FROM mixed_eq WHERE currency(v) = 'USD') u;
SELECT count(*) FROM (SELECT DISTINCT v FROM mixed_eq) u;
SELECT count(*) FROM (SELECT v FROM mixed_eq GROUP BY v) u;
-- Sorted (here because hashing is disabled), they fail: never an answer.
SET enable_hashagg = off;
SELECT count(*) FROM (SELECT v FROM mixed_eq UNION SELECT v FROM mixed_eq) u;
SELECT count(*) FROM (SELECT DISTINCT v FROM mixed_eq) u;
RESET enable_hashagg;
-- Cross-currency ordering stays an error.
SELECT count(*) FROM mixed_eq WHERE v < '5 USD';

-- A comparison with another currency fails when it runs, with or without
-- statistics: ANALYZE does not make the planner fail first (here no row
-- reaches the comparison, so both run).
CREATE TABLE usd_only AS SELECT currency_amount(i, 'USD') AS v, i AS k FROM generate_series(1, 1000) i;
SELECT count(*) AS before_analyze FROM usd_only WHERE k < 0 AND v < '5 EUR';
ANALYZE usd_only;
SELECT count(*) AS after_analyze FROM usd_only WHERE k < 0 AND v < '5 EUR';
SELECT count(*) AS at_run_time FROM usd_only WHERE v < '5 EUR';
-- the same currency still uses the histogram: 4 of 1000 rows below 5 USD
CREATE FUNCTION pg_temp.estimated_rows(query text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
	RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::int;
END
$$;
SELECT pg_temp.estimated_rows($q$SELECT * FROM usd_only WHERE v < '5 USD'$q$) AS below_5_usd,
	   pg_temp.estimated_rows($q$SELECT * FROM usd_only WHERE v < '5 EUR'$q$) AS below_5_eur_default;
