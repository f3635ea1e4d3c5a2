--
-- sum, avg, min, max of currency_amount
--
\i test/sql/helpers.psql

CREATE TABLE flows (flow text, v currency_amount);
INSERT INTO flows VALUES
	('export', '463.11 billion yuan'),
	('import', '257.38 billion yuan'),
	('import', NULL);

-- Totals by flow, the balance, the whole.
SELECT flow, sum(v), avg(v), min(v), max(v), count(v)
FROM flows GROUP BY flow ORDER BY flow;
SELECT sum(v) AS total, humanize(sum(v)) AS en, humanize(sum(v), 'zh') AS zh,
	   sum(v) FILTER (WHERE flow = 'export') - sum(v) FILTER (WHERE flow = 'import') AS balance
FROM flows;

-- Empty groups and all-NULL groups give NULL.
SELECT sum(v), avg(v), min(v), max(v) FROM flows WHERE false;
SELECT sum(v), avg(v), min(v), max(v) FROM flows WHERE v IS NULL;
-- One row.
SELECT sum(v), avg(v), min(v), max(v) FROM flows WHERE flow = 'export';

-- avg rounds half away from zero to the minor unit.
SELECT avg(v) FROM (VALUES ('0.01 USD'::currency_amount), ('0.02 USD')) t(v);
SELECT avg(v) FROM (VALUES ('-0.01 USD'::currency_amount), ('-0.02 USD')) t(v);
SELECT avg(v) FROM (VALUES ('1 JPY'::currency_amount), ('1 JPY'), ('2 JPY')) t(v);

-- Boundaries near +-2^63 minor units: the 128-bit state is exact.
SELECT sum(v), avg(v) FROM (VALUES ('92233720368547758.07 USD'::currency_amount),
	('92233720368547758.07 USD'), ('-92233720368547758.07 USD')) t(v);
SELECT avg(v) FROM (VALUES ('92233720368547758.07 USD'::currency_amount),
	('92233720368547758.07 USD')) t(v);
SELECT avg(v) FROM (VALUES ('-92233720368547758.08 USD'::currency_amount),
	('-92233720368547758.08 USD')) t(v);
SELECT sum(v) FROM (VALUES ('-92233720368547758.08 USD'::currency_amount)) t(v);
SELECT pg_temp.try($$SELECT sum(v)::text FROM (VALUES ('92233720368547758.07 USD'::currency_amount), ('0.01 USD')) t(v)$$);
SELECT pg_temp.try($$SELECT sum(v)::text FROM (VALUES ('-92233720368547758.08 USD'::currency_amount), ('-0.01 USD')) t(v)$$);
SELECT pg_temp.try($$SELECT sum(v)::text FROM (SELECT '92233720368547758.07 USD'::currency_amount FROM generate_series(1, 1000)) t(v)$$);

-- Mixed currencies in one group: 22023 naming both.
SELECT pg_temp.try($$SELECT sum(v)::text FROM (VALUES ('5 USD'::currency_amount), ('5 EUR')) t(v)$$);
SELECT pg_temp.try($$SELECT avg(v)::text FROM (VALUES ('5 USD'::currency_amount), ('5 CNY')) t(v)$$);
SELECT pg_temp.try($$SELECT min(v)::text FROM (VALUES ('5 USD'::currency_amount), ('5 EUR')) t(v)$$);
SELECT pg_temp.try($$SELECT max(v)::text FROM (VALUES ('5 USD'::currency_amount), ('5 EUR')) t(v)$$);

-- Window aggregates: running and moving frames (moving uses the inverse).
CREATE TABLE monthly (m int, v currency_amount);
INSERT INTO monthly VALUES (1, '10 USD'), (2, '20 USD'), (3, NULL), (4, '-5 USD');
SELECT m, v,
	   sum(v) OVER (ORDER BY m ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS moving_sum,
	   avg(v) OVER (ORDER BY m ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS moving_avg,
	   min(v) OVER (ORDER BY m ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS moving_min
FROM monthly ORDER BY m;
SELECT m, sum(v) OVER (ORDER BY m) AS running FROM monthly ORDER BY m;
-- The inverse is exact at the extremes of the range.
SELECT m, sum(v) OVER (ORDER BY m ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS pairs
FROM (VALUES (1, '92233720368547758.07 USD'::currency_amount), (2, '-92233720368547758.07 USD'),
	(3, '92233720368547758.07 USD'), (4, '-92233720368547758.08 USD')) t(m, v) ORDER BY m;
-- A moving frame may change currency once the old rows have left it.
SELECT m, v, sum(v) OVER (ORDER BY m ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS own,
	   sum(v) OVER (ORDER BY m ROWS BETWEEN 1 PRECEDING AND 1 PRECEDING) AS previous
FROM (VALUES (1, '5 USD'::currency_amount), (2, '6 EUR'), (3, '7 EUR')) t(m, v) ORDER BY m;

-- The state type: text form, and validation of what comes in.
SELECT currency_amount_sum_accum(currency_amount_sum_accum('(0,0,)', '5 USD'), '7.25 USD');
SELECT currency_amount_sum_combine('(500,1,USD)', '(725,1,USD)');
SELECT currency_amount_sum_combine('(0,0,)', '(725,1,USD)');
SELECT currency_amount_sum_combine('(725,1,USD)', '(0,0,)');
SELECT currency_amount_sum_final('(1225,2,USD)'), currency_amount_avg_final('(1225,2,USD)'),
	   currency_amount_sum_final('(0,0,)') IS NULL AS empty_is_null;
SELECT '(-42535295865117307932921825928971026432,4611686018427387904,USD)'::currency_amount_sum_state;
SELECT input, pg_temp.try(format('SELECT %L::currency_amount_sum_state::text', input)) AS result
FROM (VALUES
	('(0,0,)'),
	('(-1,1,EUR)'),
	('(922337203685477580700,100,USD)'),
	('(1,0,)'),
	('(0,-1,)'),
	('(5,1,)'),
	('(5,1,XYZ)'),
	('(5,1,usd)'),
	('(1000,1,USD)x'),
	('(1000,1,USD'),
	('(1000 ,1,USD)'),
	('(99999999999999999999999999999999999999999,1,USD)'),
	('(9223372036854775809,1,USD)'),
	(''),
	('()')
) AS t(input);
SELECT currency_amount_sum_combine('(5,1,USD)', '(5,1,EUR)');
