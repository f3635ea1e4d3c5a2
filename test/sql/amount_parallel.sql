--
-- Parallel aggregation of currency_amount: partial states, combine, and the
-- same answers as a serial plan.
--

CREATE TABLE trade_rows (partner int, v currency_amount);
INSERT INTO trade_rows
	SELECT i % 7, currency_amount((i * 7919 % 100003) / 100.0 - 300, 'CNY')
	FROM generate_series(1, 200000) i;
INSERT INTO trade_rows VALUES (3, NULL), (3, '92233720368547758.07 CNY'),
	(3, '-92233720368547758.08 CNY');
ANALYZE trade_rows;

-- Serial answers.
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS
	SELECT partner, sum(v), avg(v), min(v), max(v), count(v) FROM trade_rows GROUP BY partner;
CREATE TEMP TABLE serial_total AS
	SELECT sum(v), avg(v), min(v), max(v) FROM trade_rows;

-- Forced parallel plans.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF)
	SELECT partner, sum(v), avg(v), min(v), max(v), count(v) FROM trade_rows GROUP BY partner;
EXPLAIN (COSTS OFF) SELECT sum(v), avg(v), min(v), max(v) FROM trade_rows;

CREATE TEMP TABLE parallel AS
	SELECT partner, sum(v), avg(v), min(v), max(v), count(v) FROM trade_rows GROUP BY partner;
CREATE TEMP TABLE parallel_total AS
	SELECT sum(v), avg(v), min(v), max(v) FROM trade_rows;

-- Identical to the serial results, row for row.
SELECT count(*) AS groups,
	   count(*) FILTER (WHERE s.sum = p.sum AND s.avg = p.avg AND s.min = p.min
						AND s.max = p.max AND s.count = p.count) AS identical
FROM serial s JOIN parallel p USING (partner);
SELECT s.sum = p.sum AND s.avg = p.avg AND s.min = p.min AND s.max = p.max AS identical
FROM serial_total s, parallel_total p;
SELECT partner, sum, avg, min, max, count FROM parallel ORDER BY partner;
SELECT * FROM parallel_total;

-- Mixed currencies across workers' partial states are still an error.
-- (Which currency comes first depends on the worker that meets it.)
INSERT INTO trade_rows VALUES (1, '1 USD');
DO $$
BEGIN
	PERFORM sum(v) FROM trade_rows;
	RAISE NOTICE 'no error';
EXCEPTION WHEN invalid_parameter_value THEN
	RAISE NOTICE '22023, naming CNY and USD: %', SQLERRM ~ 'CNY' AND SQLERRM ~ 'USD';
END
$$;
