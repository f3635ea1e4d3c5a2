--
-- Every function that takes a growth_state or a currency_amount_sum_state,
-- called with every combination of sample arguments, matching and not: each
-- call returns a value (a state whose text form its type's input function
-- reads back), or fails with a user-facing error; never an internal error
-- (class XX).
--

CREATE TABLE sample (t regtype, v text);
INSERT INTO sample VALUES
	('currency_amount', '5 USD'), ('currency_amount', '-3.25 USD'), ('currency_amount', '7 EUR'),
	('currency_amount', '92233720368547758.07 USD'), ('currency_amount', NULL),
	('numeric', '1.5'), ('numeric', '-2'), ('numeric', '1e20'), ('numeric', NULL),
	('bigint', '5'), ('bigint', '-9223372036854775808'), ('bigint', '9223372036854775807'),
	('double precision', '0.1'), ('double precision', '-1e20'), ('double precision', 'NaN'),
	('date', '2020-01-01'), ('date', '2021-06-30'), ('date', '9999-12-31'), ('date', 'infinity'),
	('date', NULL),
	('boolean', 'true'), ('boolean', 'false'), ('boolean', NULL),
	('text', 'USD'), ('text', 'month'), ('text', 'day'), ('text', NULL),
	('currency_amount_sum_state', '(0,0,)'), ('currency_amount_sum_state', '(500,1,USD)'),
	('currency_amount_sum_state', '(1225,2,EUR)'),
	('currency_amount_sum_state', '(-9223372036854775808,1,USD)'),
	('currency_amount_sum_state', '(0,9223372036854775807,USD)'),
	('currency_amount_sum_state', NULL);
-- growth states of every kind and shape, made by the aggregates
INSERT INTO sample
	SELECT 'growth_state', v FROM (
	SELECT s::text FROM (
		SELECT growth_summary(a, d) FROM (VALUES ('5 USD'::currency_amount, date '2020-01-01'),
											  ('7 USD', '2021-01-01')) t(a, d)
		UNION ALL SELECT growth_summary(a, p, d) FROM (VALUES ('5 EUR'::currency_amount, true, date '2020-06-01'),
												   ('-2 EUR', false, '2021-06-01')) t(a, p, d)
		UNION ALL SELECT growth_summary(n, d) FROM (VALUES (1.25, date '2021-03-01'), (2.5, '2020-03-01')) t(n, d)
		UNION ALL SELECT growth_summary(n, true, d) FROM (VALUES (10.125, date '2021-03-01')) t(n, d)
		UNION ALL SELECT growth_summary(b, d) FROM (VALUES (5::bigint, date '2020-01-01')) t(b, d)
		UNION ALL SELECT growth_summary(b, b > 0, d) FROM (VALUES ('-9223372036854775808'::bigint, date '2020-01-01'),
														   (9223372036854775807, '2020-01-01')) t(b, d)
		UNION ALL SELECT growth_summary(f, d) FROM (VALUES (0.1::float8, date '2021-12-31')) t(f, d)
		UNION ALL SELECT growth_summary(f, false, d) FROM (VALUES (1e20::float8, date '2020-02-29')) t(f, d)) s(s)
	UNION ALL VALUES ('(bigint,2,0,,)[*:4:100:2:60]'),
					 ('(double,5,0,,2021-06-30)[2020-01-01:1:1099511627776:0:0]'),
					 ('(amount,1,0,,)[]'),
					 (NULL)) x(v);

-- rates for the conversions of summaries (holding through 2021), and no
-- others
TRUNCATE trade_stats.exchange_rate;
INSERT INTO trade_stats.exchange_rate VALUES
	('EUR', 'USD', '2020-01-01', 1.1, '2021-12-31'), ('USD', 'CNY', '2020-01-01', 7, '2021-12-31');

CREATE TABLE call_result (fn regprocedure, args text, sqlstate text, readable boolean);

DO $$
DECLARE
	f record;
	c record;
	same boolean;
	result text;
	ret regtype;
	q text;
BEGIN
	FOR f IN
		SELECT p.oid::regprocedure AS fn, p.oid::regproc AS proname, p.pronargs, p.proargtypes::regtype[] AS types,
			   p.prorettype::regtype AS ret, p.proretset
		FROM pg_proc p
		JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
		JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'trade_stats'
		WHERE p.prokind = 'f'
		  AND p.proargtypes::oid[] && ARRAY['growth_state'::regtype, 'currency_amount_sum_state'::regtype]::oid[]
		ORDER BY 1
	LOOP
		-- every combination of samples of the argument types
		SELECT format('SELECT %s FROM %s',
					  string_agg(format('s%s.v AS a%s, s%s.t AS t%s', i, i, i, i), ', '),
					  string_agg(format('(SELECT t, v FROM sample WHERE t = %L::regtype) s%s', t, i), ', '))
		INTO q
		FROM unnest(f.types) WITH ORDINALITY AS u(t, i);
		FOR c IN EXECUTE format('SELECT (SELECT string_agg(coalesce(quote_literal(x.v), ''NULL'') || ''::'' || x.t, '', '' ORDER BY x.i)
								 FROM (VALUES %s) x(i, v, t)) AS args FROM (%s) combos',
								(SELECT string_agg(format('(%s, a%s, t%s::text)', i, i, i), ', ')
								 FROM generate_series(1, f.pronargs) i), q)
		LOOP
			BEGIN
				IF f.proretset THEN
					EXECUTE format('SELECT count(*)::text FROM %s(%s)', f.proname, c.args) INTO result;
				ELSE
					EXECUTE format('SELECT %s(%s)::text', f.proname, c.args) INTO result;
				END IF;
			EXCEPTION WHEN OTHERS THEN
				INSERT INTO call_result VALUES (f.fn, c.args, SQLSTATE, SQLSTATE NOT LIKE 'XX%');
				CONTINUE;
			END;
			same := true;
			IF f.ret IN ('growth_state'::regtype, 'currency_amount_sum_state'::regtype) AND result IS NOT NULL THEN
				BEGIN
					EXECUTE format('SELECT %L::%s::text = %L', result, f.ret, result) INTO same;
				EXCEPTION WHEN OTHERS THEN
					same := false;
				END;
			END IF;
			INSERT INTO call_result VALUES (f.fn, c.args, CASE WHEN NOT same THEN 'unreadable' END, same);
		END LOOP;
	END LOOP;
END
$$;

-- How many calls, and which SQLSTATEs the errors had.
SELECT count(*) >= 5000 AS enough_calls, count(DISTINCT fn) AS functions,
	   count(*) FILTER (WHERE sqlstate IS NULL) > 0 AS some_succeed
FROM call_result;
SELECT sqlstate, count(*) > 0 AS seen FROM call_result WHERE sqlstate IS NOT NULL
GROUP BY sqlstate ORDER BY sqlstate;
-- The conversions of summaries among them, some converting.
SELECT fn, count(*) FILTER (WHERE sqlstate IS NULL) > 0 AS some_succeed,
	   count(*) FILTER (WHERE sqlstate = '22023') > 0 AS some_refused
FROM call_result WHERE fn::text ~ '^(convert|to_usd|to_cny)\(' GROUP BY fn ORDER BY fn;
-- No internal error, no state that does not read back.
SELECT fn, args, sqlstate FROM call_result WHERE NOT readable ORDER BY 1, 2;

-- The sum state's functions called by hand (VERBOSITY shows the SQLSTATE).
\set VERBOSITY sqlstate
SELECT currency_amount_sum_inv('(500,1,USD)', '5 USD');
SELECT currency_amount_sum_inv('(0,0,)', '5 USD');
SELECT currency_amount_sum_inv('(500,1,USD)', '-3.25 USD');
SELECT currency_amount_sum_accum('(0,9223372036854775807,USD)', '5 USD');
\set VERBOSITY default
SELECT currency_amount_sum_inv('(500,1,USD)', '-3.25 USD');

TRUNCATE trade_stats.exchange_rate;

-- a row of another value type than the state's is refused, naming both
SELECT growth_accum(growth_summary(1::bigint, '2020-01-01'), 5::numeric, '2020-01-01'::date);
