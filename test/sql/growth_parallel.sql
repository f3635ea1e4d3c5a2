--
-- The growth and share aggregates in forced parallel plans: Partial
-- Aggregate in EXPLAIN, and results identical to a serial plan.
--

SELECT setseed(0.3);
CREATE TABLE customs (partner int, period date, flow char(1), v currency_amount, n numeric,
					  i bigint, f float8);
INSERT INTO customs
	SELECT p, d, flow, amount, amount::numeric, (amount::numeric * 100)::bigint,
		   amount::numeric::float8
	FROM (SELECT p, d::date AS d, CASE WHEN random() < 0.5 THEN 'X' ELSE 'M' END AS flow,
				 currency_amount(round((random() * 1e6 - 1e5)::numeric, 2), 'CNY') AS amount
		  -- random() runs in this fixed order, whatever join order the
		  -- planner picks for the series
		  FROM (SELECT p, d, k
				FROM generate_series(1, 20) p,
					 generate_series(date '2017-01-01', date '2021-11-01', interval '1 month') d,
					 generate_series(1, 80) k
				ORDER BY p, d, k) g) s;
ANALYZE customs;

CREATE FUNCTION pg_temp.measures() RETURNS TABLE (partner int, results text)
LANGUAGE sql AS $$
	SELECT partner, concat_ws(' ',
		yoy_growth(v, period), yoy_growth(v, period, '2021-06-30'), mom_growth(v, period),
		share(v, flow = 'X'), share_change(v, flow = 'X', period),
		growth_contribution(v, flow = 'X', period),
		yoy_growth(n, period), share(n, flow = 'X'), yoy_growth(i, period), share(i, flow = 'X'),
		yoy_growth(f, period), share(f, flow = 'X'), share_change(f, flow = 'X', period))
	FROM customs GROUP BY partner
$$;

SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS SELECT * FROM pg_temp.measures();
CREATE TEMP TABLE serial_total AS
	SELECT yoy_growth(v, period) AS g, share(f, flow = 'X') AS s FROM customs;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
	SELECT partner, yoy_growth(v, period), share(n, flow = 'X'), share_change(f, flow = 'X', period)
	FROM customs GROUP BY partner;
EXPLAIN (COSTS OFF) SELECT yoy_growth(v, period), share(f, flow = 'X') FROM customs;
CREATE TEMP TABLE parallel AS SELECT * FROM pg_temp.measures();
CREATE TEMP TABLE parallel_total AS
	SELECT yoy_growth(v, period) AS g, share(f, flow = 'X') AS s FROM customs;

-- Identical, to the last digit, for every type including double precision.
SELECT count(*) AS partners, count(*) FILTER (WHERE s.results = p.results) AS identical
FROM serial s JOIN parallel p USING (partner);
SELECT s.g = p.g AND s.s = p.s AS identical, round(p.g, 6) AS yoy_growth, round(p.s, 6) AS share
FROM serial_total s, parallel_total p;
-- Hashed grouping in parallel too.
SET enable_sort = off;
EXPLAIN (COSTS OFF)
	SELECT partner, yoy_growth(v, period) FROM customs GROUP BY partner;
SELECT count(*) AS partners,
	   count(*) FILTER (WHERE s.results = split_part(p.results, ' ', 1)) AS identical
FROM (SELECT partner, yoy_growth(v, period)::text AS results FROM customs GROUP BY partner) s
JOIN serial p USING (partner);
RESET enable_sort;

-- Mixed currencies across workers are still an error.
INSERT INTO customs VALUES (1, '2021-11-01', 'X', '1 USD', 1, 1, 1);
DO $$
BEGIN
	PERFORM yoy_growth(v, period) FROM customs;
	RAISE NOTICE 'no error';
EXCEPTION WHEN invalid_parameter_value THEN
	RAISE NOTICE '22023, naming CNY and USD: %', SQLERRM ~ 'CNY' AND SQLERRM ~ 'USD';
END
$$;
