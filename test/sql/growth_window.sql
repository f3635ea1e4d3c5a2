--
-- Window functions yoy, mom, prior_year, monthly_from_ytd, share_of_total
-- and the scalar pct_change.
--
\i test/sql/helpers.psql

-- A monthly series with a gap (no March 2020), a NULL (May 2021), a zero
-- base (June 2020), a negative value, and 2020-02-29.
CREATE TABLE series (partner text, period date, v currency_amount);
INSERT INTO series VALUES
	('A', '2020-01-01', '100 USD'), ('A', '2020-02-01', '200 USD'), ('A', '2020-04-01', '400 USD'),
	('A', '2020-05-01', '500 USD'), ('A', '2020-06-01', '0 USD'), ('A', '2020-07-01', '-70 USD'),
	('A', '2021-01-01', '110 USD'), ('A', '2021-02-01', '210 USD'), ('A', '2021-03-01', '310 USD'),
	('A', '2021-04-01', '440 USD'), ('A', '2021-05-01', NULL), ('A', '2021-06-01', '60 USD'),
	('A', '2021-07-01', '-35 USD'),
	('B', '2020-02-29', '29 USD'), ('B', '2021-02-28', '58 USD'), ('B', '2021-03-31', '62 USD');

-- yoy is exact about periods: a gap gives NULL, never a wrong neighbour
-- (lag(v, 12) would pair 2021-03 with whatever row came 12 rows earlier).
SELECT partner, period, v,
	   yoy(v, period) OVER w AS yoy,
	   prior_year(v, period) OVER w AS prior_year,
	   mom(v, period) OVER w AS mom
FROM series WINDOW w AS (PARTITION BY partner)
ORDER BY partner, period;
-- (A 2021-01: 110/100 = +10%; 2021-03: no 2020-03 row; 2021-05: NULL value;
-- 2021-06: zero base; 2021-07: -35 against -70 = +50%.  B: a year before
-- 2021-02-28 is 2020-02-28, not the 2020-02-29 row, so NULL; the month
-- before 2021-03-31 is 2021-02-28: +6.9%.)

-- The row order of the window does not matter.
SELECT * FROM (
	SELECT period, yoy(v, period) OVER (PARTITION BY partner ORDER BY period DESC) AS yoy_desc
	FROM series WHERE partner = 'A') s
WHERE period >= '2021-01-01' ORDER BY period;

-- Year-to-date series made monthly: January is itself, a missing previous
-- month (the combined January-February release) gives NULL.
CREATE TABLE ytd (period date, v numeric);
INSERT INTO ytd VALUES ('2021-02-01', 230.5), ('2021-03-01', 350.25), ('2021-04-01', 470),
	('2022-01-01', 130), ('2022-02-01', 250), ('2022-04-01', 500);
SELECT period, v, monthly_from_ytd(v, period) OVER () FROM ytd ORDER BY period;
SELECT period, monthly_from_ytd(v::bigint, period) OVER () AS int8,
	   monthly_from_ytd(v::float8, period) OVER () AS float8,
	   monthly_from_ytd(currency_amount(v, 'CNY'), period) OVER () AS amount
FROM ytd ORDER BY period;

-- share_of_total over a partition; NULL values stay NULL; a zero total is NULL.
SELECT partner, period, v, round(share_of_total(v) OVER (PARTITION BY period), 4) AS share
FROM (VALUES ('ASEAN', date '2021-11-01', 114.23), ('EU', '2021-11-01', 85.77), ('US', '2021-11-01', NULL),
			 ('ASEAN', '2020-11-01', 1), ('EU', '2020-11-01', -1)) t(partner, period, v)
ORDER BY period, partner;
SELECT share_of_total(v) OVER () FROM (VALUES (1::bigint), (3)) t(v);
SELECT share_of_total(v) OVER () FROM (VALUES (0.5::float8), (1.5)) t(v);

-- Every value type.
SELECT period, yoy(v::numeric, period) OVER () AS numeric, yoy((v::numeric)::bigint, period) OVER () AS bigint,
	   yoy((v::numeric)::float8, period) OVER () AS float8
FROM series WHERE partner = 'A' AND v IS NOT NULL ORDER BY period;

-- pct_change.
SELECT pct_change(114.23, 100.64) AS up, pct_change(-35, -70) AS negative_base,
	   pct_change(5, 0) AS zero_base, pct_change(NULL, 5) AS null_current,
	   pct_change(110::bigint, 100::bigint) AS int8, pct_change(1.5::float8, 1::float8) AS float8,
	   pct_change('114.23 USD'::currency_amount, '100.64 USD') AS amount;

-- Errors: two rows of one period, mixed currencies, infinite periods.
SELECT pg_temp.try($$SELECT yoy(v, d) OVER ()::text FROM (VALUES (date '2020-01-01', 1), ('2020-01-01', 2)) t(d, v) LIMIT 1$$);
SELECT yoy(v, d) OVER () FROM (VALUES (date '2020-01-01', 1), ('2020-01-01', 2)) t(d, v);
SELECT pg_temp.try($$SELECT yoy(v, d) OVER ()::text FROM (VALUES (date '2020-01-01', '1 USD'::currency_amount), ('2021-01-01', '2 EUR')) t(d, v) LIMIT 1$$);
SELECT pg_temp.try($$SELECT share_of_total(v) OVER ()::text FROM (VALUES ('1 USD'::currency_amount), ('2 EUR')) t(v) LIMIT 1$$);
-- A percentage of NaN or infinity is an error, as for every other measure.
SELECT pg_temp.try($$SELECT share_of_total(v) OVER ()::text FROM (VALUES (1::numeric), ('Infinity')) t(v) LIMIT 1$$);
SELECT pg_temp.try($$SELECT share_of_total(v) OVER ()::text FROM (VALUES (1::float8), ('NaN')) t(v) LIMIT 1$$);
-- Periods must lie in the years 1 to 9999, as for the aggregates (22008).
SELECT pg_temp.try($$SELECT yoy(v, d) OVER ()::text FROM (VALUES (date 'infinity', 1)) t(d, v) LIMIT 1$$);
SELECT pg_temp.try($$SELECT mom(v, d) OVER ()::text FROM (VALUES (date '10000-01-01', 1)) t(d, v) LIMIT 1$$);
SELECT pg_temp.try($$SELECT pct_change('1 USD'::currency_amount, '2 EUR')::text$$);
SELECT pg_temp.try($$SELECT pct_change('NaN'::numeric, 2)::text$$);
-- Different partitions may hold the same period, and other currencies.
SELECT partner, yoy(v, d) OVER (PARTITION BY partner)
FROM (VALUES ('X', date '2020-01-01', '1 USD'::currency_amount), ('X', '2021-01-01', '2 USD'),
			 ('Y', '2020-01-01', '1 EUR'), ('Y', '2021-01-01', '3 EUR')) t(partner, d, v)
ORDER BY partner, d;

-- The partition's rows are read once; a value is never used after the next
-- row's fetch (a NULL first row once left the total pointing into freed
-- memory).
SELECT o, share_of_total(v) OVER () FROM (VALUES (1, NULL::bigint), (2, 10)) t(o, v) ORDER BY o;
SELECT o, share_of_total(v) OVER () FROM (VALUES (1, NULL::numeric), (2, 10), (3, 30)) t(o, v) ORDER BY o;
SELECT o, yoy(v, p) OVER (ORDER BY p) FROM (VALUES (1, 100::numeric, '2020-01-01'::date), (2, 110, '2021-01-01')) t(o, v, p) ORDER BY o;
