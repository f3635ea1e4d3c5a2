--
-- unit_value and price_growth from stored summaries: one growth_state of
-- the values, one of the quantities (volume growth is yoy_growth of the
-- quantities' summary).
--
\i test/sql/helpers.psql

-- Random monthly series of 20 goods, summaries per good and month, rolled
-- up: the same answers as the aggregates over the rows.
SELECT setseed(0.6);
CREATE TABLE qs_rows AS
	SELECT g, make_date(y, m, 1) AS period, currency_amount(round((random() * 1000 + 1)::numeric, 2), 'USD') AS value,
		   round((random() * 100 + 1)::numeric, 3) AS qty
	FROM generate_series(1, 20) g, generate_series(2020, 2021) y, generate_series(1, 12) m
	WHERE random() < 0.8 AND NOT (y = 2021 AND m > 3 + g % 8);
CREATE TABLE qs_summary AS
	SELECT g, period, growth_summary(value, period) AS v, growth_summary(qty, period) AS q
	FROM qs_rows GROUP BY g, period;
SELECT count(*) AS goods,
	   count(*) FILTER (WHERE s.uv = a.uv) AS unit_value_equal,
	   count(*) FILTER (WHERE s.uv21 = a.uv21) AS unit_value_2021_equal,
	   count(*) FILTER (WHERE s.price IS NOT DISTINCT FROM a.price) AS price_equal,
	   count(*) FILTER (WHERE s.price_march IS NOT DISTINCT FROM a.price_march) AS price_as_of_equal,
	   count(*) FILTER (WHERE s.volume IS NOT DISTINCT FROM a.volume) AS volume_equal
FROM (SELECT g, unit_value(rollup(v), rollup(q)) AS uv,
			 unit_value(rollup(v), rollup(q), '2021-01-01', '2021-12-31') AS uv21,
			 price_growth(rollup(v), rollup(q)) AS price,
			 price_growth(rollup(v), rollup(q), '2021-03-31') AS price_march,
			 yoy_growth(rollup(q)) AS volume
	  FROM qs_summary GROUP BY g) s
JOIN (SELECT g, unit_value(value, qty, 'kg') AS uv,
			 unit_value(value, qty, 'kg') FILTER (WHERE period >= '2021-01-01') AS uv21,
			 price_growth(value, qty, 'kg', period) AS price,
			 price_growth(value, qty, 'kg', period, '2021-03-31') AS price_march,
			 volume_growth(value, qty, 'kg', period) AS volume
	  FROM qs_rows GROUP BY g) a USING (g);

-- By hand: Jan-Feb 2020 V 160, Q 80; Jan-Feb 2021 V 216, Q 90: +20 %.
SELECT price_growth(growth_summary(v, p), growth_summary(q, p)) AS price,
	   unit_value(growth_summary(v, p), growth_summary(q, p)) AS unit_value
FROM (VALUES ('100 USD'::currency_amount, 50::numeric, date '2020-01-01'), ('60 USD', 30, '2020-02-01'),
			 ('132 USD', 55, '2021-01-01'), ('84 USD', 35, '2021-02-01')) t(v, q, p);
-- no previous window, no rows in a range: NULL
SELECT price_growth(growth_summary(v, p), growth_summary(q, p)) AS price,
	   unit_value(growth_summary(v, p), growth_summary(q, p), '2030-01-01', '2030-12-31') AS none
FROM (VALUES (1::numeric, 1::numeric, date '2021-01-01')) t(v, q, p);

-- Errors: summaries without periods, of double precision values; as_of
-- out of range.
SELECT pg_temp.try($$SELECT price_growth(growth_accum(NULL, 1::numeric, true), growth_accum(NULL, 1::numeric, true))$$);
SELECT pg_temp.try($$SELECT unit_value(growth_summary(v, p), growth_summary(q, p)) FROM (VALUES (1::float8, 1::numeric, date '2021-01-01')) t(v, q, p)$$);
SELECT pg_temp.try($$SELECT price_growth(growth_summary(1::numeric, date '2021-01-01'), growth_summary(1::numeric, date '2021-01-01'), '10000-01-01')$$);
