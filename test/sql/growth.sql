--
-- Growth and share aggregates: the README's semantics on small hand-made data.
-- Every expected number is worked out in the comments.
--
\i test/sql/helpers.psql

-- 2020: 100 a month; 2021 to November: 110 a month.  December 2020 (1000)
-- is outside both January-November windows.
CREATE TABLE growth_monthly (period date, v currency_amount);
INSERT INTO growth_monthly
	SELECT d, CASE WHEN d >= '2021-01-01' THEN '110 CNY' WHEN d = '2020-12-01' THEN '1000 CNY'
				   ELSE '100 CNY' END::currency_amount
	FROM generate_series(date '2020-01-01', date '2021-11-01', interval '1 month') d;

-- Jan-Nov 2021 = 1210 against Jan-Nov 2020 = 1100: +10%.
SELECT yoy_growth(v, period) FROM growth_monthly;
-- As of June 2021: 660 against 600, +10%; as of 15 June the June row counts too.
SELECT yoy_growth(v, period, '2021-06-30') AS june, yoy_growth(v, period, '2021-06-15') AS mid_june,
	   yoy_growth(v, period, '2020-12-31') AS year_2020_no_base,
	   yoy_growth(v, period, '2022-03-01') AS future_empty_current
FROM growth_monthly;
-- November 2021 against October 2021: 110 against 110.
SELECT mom_growth(v, period) FROM growth_monthly;
SELECT mom_growth(v, period) FROM growth_monthly WHERE period <= '2021-01-01';	-- 110 vs 1000: -89%

-- 29 February maps to 28 February: the 1 March 2019 row is not in the base.
SELECT yoy_growth(v, d) AS leap
FROM (VALUES (date '2019-02-28', 10), ('2019-03-01', 5), ('2020-02-29', 12)) t(d, v);
-- A year's data as daily rows: as of 2021-03-31, Q1 against Q1.
SELECT yoy_growth(v, d, '2021-03-31') AS q1
FROM (VALUES (date '2020-02-10', 40), ('2020-03-31', 60), ('2020-04-01', 999),
			 ('2021-01-05', 30), ('2021-03-31', 90)) t(d, v);

-- The base's absolute value: -50 to -25 is growth of +50%.
SELECT yoy_growth(v, d) FROM (VALUES (date '2020-05-01', -50), ('2021-05-01', -25)) t(d, v);
-- A zero base, no base rows, an empty group: NULL.
SELECT yoy_growth(v, d) AS zero_base FROM (VALUES (date '2020-05-01', 0), ('2021-05-01', 25)) t(d, v);
SELECT yoy_growth(v, d) AS no_base FROM (VALUES (date '2021-05-01', 25)) t(d, v);
SELECT yoy_growth(v, d) AS empty FROM (VALUES (date '2021-05-01', 25)) t(d, v) WHERE false;
-- NULL values and periods are ignored: the latest period is 2021-05-01.
SELECT yoy_growth(v, d) AS nulls_ignored
FROM (VALUES (date '2020-05-01', 50), ('2021-05-01', 75), ('2021-09-01', NULL), (NULL, 1000)) t(d, v);
SELECT yoy_growth(v, d) AS all_null FROM (VALUES (date '2020-05-01', NULL::numeric)) t(d, v);

-- share: NULL part counts in the total only; no part rows is 0; a zero total is NULL.
SELECT share(v, p) AS with_null_part,
	   share(v, false) AS no_part_rows,
	   share(v, true) AS all_part
FROM (VALUES (60, true), (30, NULL), (10, false), (NULL, true)) t(v, p);
SELECT share(v, p) AS zero_total FROM (VALUES (5, true), (-5, false)) t(v, p);
SELECT share(v, p) AS negative_part FROM (VALUES (-5, true), (25, false)) t(v, p);

-- Chongqing, January-November 2021 (customs report): exports 463.11 and
-- imports 257.38 billion yuan; ASEAN 114.23 billion, up 13.5%, so about
-- 100.64 billion a year earlier.  The rest of the 2020 figures are made up.
CREATE TABLE chongqing (period date, flow text, partner text, v currency_amount);
INSERT INTO chongqing VALUES
	('2021-11-01', 'export', 'ASEAN', '80.00 billion yuan'),
	('2021-11-01', 'import', 'ASEAN', '34.23 billion yuan'),
	('2021-11-01', 'export', 'other', '383.11 billion yuan'),
	('2021-11-01', 'import', 'other', '223.15 billion yuan'),
	('2020-11-01', 'export', 'ASEAN', '70.00 billion yuan'),
	('2020-11-01', 'import', 'ASEAN', '30.64 billion yuan'),
	('2020-11-01', 'export', 'other', '350.00 billion yuan'),
	('2020-11-01', 'import', 'other', '200.00 billion yuan');
SELECT sum(v) FILTER (WHERE period = '2021-11-01') AS total_2021,
	   humanize(sum(v) FILTER (WHERE period = '2021-11-01')) AS en,
	   round(yoy_growth(v, period), 2) AS total_yoy,
	   round(share(v, partner = 'ASEAN') FILTER (WHERE period = '2021-11-01'), 2) AS asean_share,
	   round(share_change(v, partner = 'ASEAN', period), 4) AS asean_share_change_pp,
	   round(growth_contribution(v, partner = 'ASEAN', period), 4) AS asean_contribution_pp
FROM chongqing;
-- ASEAN alone: 114.23 against 100.64: +13.50%.
SELECT round(yoy_growth(v, period), 2) AS asean_yoy FROM chongqing WHERE partner = 'ASEAN';
-- By flow.
SELECT flow, sum(v) FILTER (WHERE period = '2021-11-01'), round(yoy_growth(v, period), 4)
FROM chongqing GROUP BY flow ORDER BY flow;
-- The contributions of a partition of the whole add up to the whole's growth.
SELECT round(sum(c), 10) AS sum_of_contributions, round((SELECT yoy_growth(v, period) FROM chongqing), 10) AS growth
FROM (SELECT growth_contribution(c.v, c.partner = p.partner, c.period) AS c
	  FROM chongqing c, (VALUES ('ASEAN'), ('other')) p(partner) GROUP BY p.partner) x;
-- The share's change: 114.23/720.49 = 15.8545% now, 100.64/650.64 = 15.4678% before.
SELECT round(share(v, partner = 'ASEAN') FILTER (WHERE period = '2021-11-01')
			 - share(v, partner = 'ASEAN') FILTER (WHERE period = '2020-11-01'), 10)
	   = round(share_change(v, partner = 'ASEAN', period), 10) AS share_change_is_the_difference
FROM chongqing;

-- Every value type gives the same answers.
SELECT 'numeric' AS type, yoy_growth(v::numeric, d), mom_growth(v::numeric, d),
	   share(v::numeric, p), share_change(v::numeric, p, d), growth_contribution(v::numeric, p, d)
FROM (VALUES (date '2020-03-01', 10.5, true), ('2020-03-01', 2.25, false), ('2021-02-01', 4, false),
			 ('2021-03-01', 12.125, true), ('2021-03-01', 3, false)) t(d, v, p)
UNION ALL
SELECT 'bigint', yoy_growth((v * 1000)::bigint, d), mom_growth((v * 1000)::bigint, d),
	   share((v * 1000)::bigint, p), share_change((v * 1000)::bigint, p, d),
	   growth_contribution((v * 1000)::bigint, p, d)
FROM (VALUES (date '2020-03-01', 10.5, true), ('2020-03-01', 2.25, false), ('2021-02-01', 4, false),
			 ('2021-03-01', 12.125, true), ('2021-03-01', 3, false)) t(d, v, p)
UNION ALL
SELECT 'double', yoy_growth(v::float8, d), mom_growth(v::float8, d),
	   share(v::float8, p), share_change(v::float8, p, d), growth_contribution(v::float8, p, d)
FROM (VALUES (date '2020-03-01', 10.5, true), ('2020-03-01', 2.25, false), ('2021-02-01', 4, false),
			 ('2021-03-01', 12.125, true), ('2021-03-01', 3, false)) t(d, v, p)
UNION ALL
SELECT 'amount', yoy_growth(currency_amount(v, 'KWD'), d), mom_growth(currency_amount(v, 'KWD'), d),
	   share(currency_amount(v, 'KWD'), p), share_change(currency_amount(v, 'KWD'), p, d),
	   growth_contribution(currency_amount(v, 'KWD'), p, d)
FROM (VALUES (date '2020-03-01', 10.5, true), ('2020-03-01', 2.25, false), ('2021-02-01', 4, false),
			 ('2021-03-01', 12.125, true), ('2021-03-01', 3, false)) t(d, v, p);
-- (Jan-Mar 2021: 19.125 against 12.75: +50%; March against February:
-- 15.125 against 4; share of part: 22.625 of 31.875; share change
-- 12.125/19.125 - 10.5/12.75 = -18.95 pp; contribution 1.625/12.75.)

-- Numeric values keep their exact decimals, up to 30.
SELECT yoy_growth(v, d) FROM (VALUES (date '2020-01-01', 0.000000000000000000000000000003),
	('2021-01-01', 0.000000000000000000000000000006)) t(d, v);

-- Errors.
SELECT pg_temp.try($$SELECT yoy_growth(v, d)::text FROM (VALUES (date '2020-01-01', '5 USD'::currency_amount), ('2021-01-01', '5 EUR')) t(d, v)$$);
SELECT pg_temp.try($$SELECT share(v, true)::text FROM (VALUES ('5 USD'::currency_amount), ('5 CNY')) t(v)$$);
SELECT pg_temp.try($$SELECT yoy_growth(v, d)::text FROM (VALUES (date 'infinity', 1)) t(d, v)$$);
SELECT pg_temp.try($$SELECT yoy_growth(v, d)::text FROM (VALUES (date '10000-01-01', 1)) t(d, v)$$);
SELECT pg_temp.try($$SELECT yoy_growth(v, d)::text FROM (VALUES (date '0001-12-31 BC', 1)) t(d, v)$$);
SELECT pg_temp.try($$SELECT yoy_growth(v, d, date '10000-01-01')::text FROM (VALUES (date '2020-01-01', 1)) t(d, v)$$);
SELECT yoy_growth(v, d) AS years_1_and_9999_are_fine
FROM (VALUES (date '0001-01-01', 1), ('9999-12-31', 2)) t(d, v);
SELECT pg_temp.try($$SELECT yoy_growth(v, d, a)::text FROM (VALUES (date '2020-01-01', 1, date '2021-01-01'), ('2020-02-01', 1, '2021-02-01')) t(d, v, a)$$);
SELECT pg_temp.try($$SELECT yoy_growth(v, d)::text FROM (VALUES (date '2020-01-01', 'NaN'::numeric)) t(d, v)$$);
SELECT pg_temp.try($$SELECT yoy_growth(v, d)::text FROM (VALUES (date '2020-01-01', 'Infinity'::float8)) t(d, v)$$);
SELECT pg_temp.try($$SELECT yoy_growth(v, d)::text FROM (VALUES (date '2020-01-01', 1e30::float8)) t(d, v)$$);
SELECT pg_temp.try($$SELECT yoy_growth(v, d)::text FROM (VALUES (date '2020-01-01', 1e40::numeric)) t(d, v)$$);
SELECT pg_temp.try($$SELECT yoy_growth(v, d)::text FROM (SELECT date '2020-01-01', 170141183460469231731687303715884105727::numeric FROM generate_series(1, 2)) t(d, v)$$);

-- The state type: text form, two-step aggregation, validation.
SELECT growth_accum(growth_accum(NULL::growth_state, '5 USD'::currency_amount, date '2020-03-01'),
					'7.25 USD'::currency_amount, date '2020-01-01') AS state;
SELECT growth_accum(NULL::growth_state, 1.5, true) AS share_state,
	   growth_accum(NULL::growth_state, 2::bigint, false, date '2020-01-01') AS part_state,
	   growth_accum(NULL::growth_state, 0.5::float8, date '2020-01-01', date '2020-06-30') AS as_of_state;
-- Partial states stored per partner, combined later.
CREATE TABLE partial AS
	SELECT partner, growth_accum(NULL::growth_state, sum(v), period) AS st
	FROM chongqing GROUP BY partner, period;
SELECT partner, st FROM partial ORDER BY partner, st::text;
CREATE AGGREGATE pg_temp.growth_merge(growth_state) (
	SFUNC = growth_combine, STYPE = growth_state, COMBINEFUNC = growth_combine);
SELECT round(yoy_growth_final(pg_temp.growth_merge(st)), 2) AS total_yoy_from_states FROM partial;
SELECT input, pg_temp.try(format('SELECT %L::growth_state::text', input)) AS result
FROM (VALUES
	('(amount,1,2,USD,)[2020-01-01:1:500:0:0]'),
	('(numeric,1,3,,)[2020-01-01:2:1500:0:0;2021-01-01:1:-7:0:0]'),
	('(double,2,0,,)[*:3:1099511627776:1:549755813888]'),
	('(bigint,5,0,,2021-06-30)[2020-01-01:1:5:0:0]'),
	('(bigint,1,0,,)[]'),
	('(amount,1,2,USD,)[2021-01-01:1:500:0:0;2020-01-01:1:500:0:0]'),
	('(amount,1,2,USD,)[2020-01-01:1:500:0:0;2020-01-01:1:500:0:0]'),
	('(amount,1,2,EUR,)[2020-01-01:0:0:0:0]'),
	('(amount,1,2,EUR,)[2020-01-01:1:9223372036854775809:0:0]'),
	('(amount,1,3,USD,)[2020-01-01:1:500:0:0]'),
	('(amount,1,2,,)[2020-01-01:1:500:0:0]'),
	('(amount,1,2,USD,)[2020-01-01:1:500:1:500]'),
	('(amount,3,2,USD,)[2020-01-01:1:500:2:500]'),
	('(bigint,1,0,,)[*:1:5:0:0]'),
	('(bigint,2,0,,)[2020-01-01:1:5:0:0]'),
	('(bigint,4,0,,2021-06-30)[]'),
	('(bigint,5,0,,)[]'),
	('(bigint,1,0,,)[2020-02-30:1:5:0:0]'),
	('(bigint,1,0,,)[10000-01-01:1:5:0:0]'),
	('(yen,1,0,,)[]'),
	('(bigint,1,0,,)[2020-01-01:1:5:0:0'),
	('(bigint,1,0,,)[2020-01-01:1:5:0:0]junk'),
	('')
) AS t(input);
