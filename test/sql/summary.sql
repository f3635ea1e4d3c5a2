--
-- Stored summaries (the README's "Stored summaries"): growth_summary, rollup, rolling, the
-- accessors, + and -, the canonical stored form and its golden v1 texts.
--
\i test/sql/helpers.psql

-- The Chongqing table of the README: exports and imports of two partners,
-- October and November of 2020 and 2021, in CNY.
CREATE TABLE cq (period date, partner text NOT NULL, flow text NOT NULL, value currency_amount);
INSERT INTO cq VALUES
	('2020-10-01', 'ASEAN', 'export', '69.10亿元'), ('2020-10-01', 'ASEAN', 'import', '29.80亿元'),
	('2020-10-01', 'EU',    'export', '64.00亿元'), ('2020-10-01', 'EU',    'import', '27.95亿元'),
	('2020-11-01', 'ASEAN', 'export', '70.00亿元'), ('2020-11-01', 'ASEAN', 'import', '30.64亿元'),
	('2020-11-01', 'EU',    'export', '65.20亿元'), ('2020-11-01', 'EU',    'import', '28.15亿元'),
	('2021-10-01', 'ASEAN', 'export', '78.30亿元'), ('2021-10-01', 'ASEAN', 'import', '33.90亿元'),
	('2021-10-01', 'EU',    'export', '66.05亿元'), ('2021-10-01', 'EU',    'import', '27.40亿元'),
	('2021-11-01', 'ASEAN', 'export', '80.00亿元'), ('2021-11-01', 'ASEAN', 'import', '34.23亿元'),
	('2021-11-01', 'EU',    'export', '68.48亿元'), ('2021-11-01', 'EU',    'import', '29.11亿元');

-- A summary per partner, flow and month; exports' ASEAN part marked.
CREATE TABLE cq_summary AS
	SELECT partner, flow, period AS month,
		   growth_summary(value, partner = 'ASEAN', period) AS s
	FROM cq GROUP BY partner, flow, period;

-- One stored month: its text form (v1) and sizes.  The packed form is
-- 4 header bytes + 3 currency bytes + 1 count + 3 period + 1 row count +
-- 5 sum + 2 part bytes = 19, plus a 1-byte short varlena header.
SELECT s, pg_column_size(s) AS stored, octet_length(growth_state_send(s)) AS binary,
	   length(s::text) AS text
FROM cq_summary WHERE partner = 'EU' AND flow = 'export' AND month = '2021-11-01';

-- Exports Jan-Nov 2021 (Oct+Nov) = 78.30+66.05+80.00+68.48 = 292.83 against
-- 69.10+64.00+70.00+65.20 = 268.30 in 2020: +9.14275%; ASEAN's share in 2021
-- 158.30/292.83 = 54.05867%, in 2020 139.10/268.30 = 51.84495%: +2.21372 pp;
-- contribution (158.30-139.10)/268.30 = +7.15617 pp; the share over both
-- years 297.40/561.13 = 53.00020%; November against October 148.48/144.35
-- = +2.86110%.  The one-step aggregates give the same digits, exactly.
SELECT round(yoy_growth(rollup(s)), 4) AS yoy, round(share(rollup(s)), 4) AS share_all,
	   round(share_change(rollup(s)), 4) AS share_pp,
	   round(growth_contribution(rollup(s)), 4) AS contribution_pp,
	   round(mom_growth(rollup(s)), 4) AS mom, total(rollup(s)), total_amount(rollup(s))
FROM cq_summary WHERE flow = 'export';
SELECT yoy_growth(s) = (SELECT yoy_growth(value, period) FROM cq WHERE flow = 'export') AS yoy_same,
	   share(s) = (SELECT share(value, partner = 'ASEAN') FROM cq WHERE flow = 'export') AS share_same,
	   share_change(s) = (SELECT share_change(value, partner = 'ASEAN', period) FROM cq WHERE flow = 'export') AS share_change_same,
	   growth_contribution(s) = (SELECT growth_contribution(value, partner = 'ASEAN', period) FROM cq WHERE flow = 'export') AS contribution_same,
	   mom_growth(s) = (SELECT mom_growth(value, period) FROM cq WHERE flow = 'export') AS mom_same,
	   total_amount(s) = (SELECT sum(value) FROM cq WHERE flow = 'export') AS total_same
FROM (SELECT rollup(s) AS s FROM cq_summary WHERE flow = 'export') a;

-- Per partner from the summary table: the dashboard query.
SELECT partner, round(yoy_growth(rollup(s)), 4) AS yoy,
	   round(yoy_growth(rollup(s), '2021-10-31'), 4) AS yoy_october,
	   humanize(total_amount(rollup(s), '2021-01-01', '2021-12-31')) AS ytd_2021
FROM cq_summary GROUP BY partner ORDER BY partner;

-- share(part, whole) and growth_contribution(part, whole) from two summaries.
WITH p AS (SELECT rollup(s) AS s FROM cq_summary WHERE partner = 'ASEAN' AND flow = 'export'),
	 w AS (SELECT rollup(s) AS s FROM cq_summary WHERE flow = 'export')
SELECT round(share(p.s, w.s), 4) AS share_all_periods,
	   round(growth_contribution(p.s, w.s), 4) AS contribution,
	   round(growth_contribution(p.s, w.s, '2021-10-01'), 4) AS contribution_october
FROM p, w;

-- growth_entries: one row per period.
SELECT * FROM growth_entries((SELECT rollup(s) FROM cq_summary WHERE flow = 'import'));

-- growth_series: per month of exports, the total, growth over the month a
-- year and a month earlier, and ASEAN's share.  By hand: 2021-10 against
-- 2020-10: (144.35-133.10)/133.10 = +8.4523%; 2021-11 against 2020-11:
-- (148.48-135.20)/135.20 = +9.8225%; 2021-11 against 2021-10:
-- (148.48-144.35)/144.35 = +2.8611%; 2020-11 against 2020-10: +1.5778%;
-- shares 69.10/133.10, 70.00/135.20, 78.30/144.35, 80.00/148.48.
SELECT period, total, round(yoy, 4) AS yoy, round(mom, 4) AS mom, round(share, 4) AS share
FROM growth_series((SELECT rollup(s) FROM cq_summary WHERE flow = 'export'));
-- The same yoy and mom as the window functions over the monthly totals,
-- digit for digit, for each value type.
WITH t AS (SELECT p, m, v FROM generate_series(1, 3) p, generate_series(0, 29) m,
		   LATERAL (SELECT ((p * 7919 + m * 104729) % 1000 - 300) * 1.01 AS v) x),
	 g AS (SELECT (date '2019-01-01' + m * interval '1 month')::date AS d, p, v FROM t WHERE (p + m) % 7 <> 0)
SELECT kind, count(*) AS rows, count(*) FILTER (WHERE NOT same) AS different FROM (
	SELECT 'amount' AS kind, e.yoy IS NOT DISTINCT FROM w.yoy AND e.mom IS NOT DISTINCT FROM w.mom AS same
	FROM (SELECT p, growth_summary(currency_amount(v, 'USD'), d) AS s FROM g GROUP BY p) a, growth_series(a.s) e,
		 (SELECT p, d, yoy(sum(currency_amount(v, 'USD')), d) OVER (PARTITION BY p) AS yoy,
				 mom(sum(currency_amount(v, 'USD')), d) OVER (PARTITION BY p) AS mom FROM g GROUP BY p, d) w
	WHERE w.p = a.p AND w.d = e.period
	UNION ALL
	SELECT 'numeric', e.yoy IS NOT DISTINCT FROM w.yoy AND e.mom IS NOT DISTINCT FROM w.mom
	FROM (SELECT p, growth_summary(v, d) AS s FROM g GROUP BY p) a, growth_series(a.s) e,
		 (SELECT p, d, yoy(sum(v), d) OVER (PARTITION BY p) AS yoy,
				 mom(sum(v), d) OVER (PARTITION BY p) AS mom FROM g GROUP BY p, d) w
	WHERE w.p = a.p AND w.d = e.period
	UNION ALL
	SELECT 'bigint', e.yoy IS NOT DISTINCT FROM w.yoy AND e.mom IS NOT DISTINCT FROM w.mom
	FROM (SELECT p, growth_summary(round(v)::bigint, d) AS s FROM g GROUP BY p) a, growth_series(a.s) e,
		 (SELECT p, d, yoy(sum(round(v)::bigint), d) OVER (PARTITION BY p) AS yoy,
				 mom(sum(round(v)::bigint), d) OVER (PARTITION BY p) AS mom FROM g GROUP BY p, d) w
	WHERE w.p = a.p AND w.d = e.period) c
GROUP BY kind ORDER BY kind;
-- A summary without periods has no series (22023).
SELECT pg_temp.try($$SELECT period FROM growth_series('(bigint,2,0,,)[*:4:100:2:60]')$$);

-- Percentages are numeric division's digits exactly (computed in 128-bit
-- integers when they fit): 5,000 pairs of bigint sums of 1 to 18 digits,
-- either sign, against numeric arithmetic.
SELECT count(*) AS pairs,
	   count(*) FILTER (WHERE e.yoy IS DISTINCT FROM trim_scale(100 * a::numeric / abs(b))) AS yoy_different,
	   count(*) FILTER (WHERE e.share IS DISTINCT FROM trim_scale(100 * a::numeric / (a + b))) AS share_different
FROM (SELECT i, a, b FROM generate_series(1, 5000) i,
	  LATERAL (SELECT ((i * 7919) % 100003 - 50001)::bigint * (10::numeric ^ (i % 14))::bigint AS a,
					  ((i * 104729) % 99991 - 49995)::bigint * (10::numeric ^ ((i * 7) % 13))::bigint AS b) x
	  WHERE b <> 0 AND a + b <> 0) t,
	 LATERAL growth_series((SELECT growth_summary(v, p, d)
							FROM (VALUES (b, false, date '2020-01-01'), (a, true, date '2021-01-01'),
										 (b, false, date '2021-01-01')) r(v, p, d))) e
WHERE e.period = '2021-01-01';

-- + and -: (a + b) - b = a, exactly; equal content, equal bytes.
WITH e AS (SELECT rollup(s) AS s FROM cq_summary WHERE flow = 'export'),
	 i AS (SELECT rollup(s) AS s FROM cq_summary WHERE flow = 'import'),
	 a AS (SELECT rollup(s) AS s FROM cq_summary)
SELECT (e.s + i.s) = a.s AS sum_is_all, (a.s - i.s) = e.s AS difference_is_exports,
	   ((e.s + i.s) - i.s)::text = e.s::text AS same_text,
	   growth_state_send((e.s + i.s) - i.s) = growth_state_send(e.s) AS same_bytes,
	   total((a.s - e.s) - i.s) IS NULL AS nothing_left,
	   (SELECT count(*) FROM growth_entries((a.s - e.s) - i.s)) AS entries_left
FROM e, i, a;
-- Subtracting what was never added is an error (22023).
SELECT pg_temp.try($$SELECT (SELECT rollup(s) FROM cq_summary WHERE flow = 'export')
						  - (SELECT rollup(s) FROM cq_summary)$$);
SELECT pg_temp.try($$SELECT growth_summary(5::bigint, date '2020-01-01')
						  - growth_summary(5::bigint, date '2020-02-01')$$);
SELECT pg_temp.try($$SELECT growth_summary(5::bigint, date '2020-01-01')
						  - growth_summary(4::bigint, date '2020-01-01')$$);

-- UNION, DISTINCT and GROUP BY on a summary column (hashing the canonical form).
SELECT count(*) FROM (SELECT s FROM cq_summary UNION SELECT s FROM cq_summary) u;
SELECT count(*) FROM (SELECT DISTINCT s FROM cq_summary) d;
SELECT count(*) FROM (SELECT s, count(*) FROM cq_summary GROUP BY s) g;
SELECT count(*) FROM cq_summary a JOIN cq_summary b ON a.s = b.s;

-- rollup over no rows or only NULLs is NULL; accessors of NULL are NULL.
SELECT rollup(s) IS NULL AS no_rows FROM cq_summary WHERE false;
SELECT rollup(NULL::growth_state) IS NULL AS only_nulls;
SELECT yoy_growth(rollup(s)) IS NULL AS accessor_of_null FROM cq_summary WHERE false;
SELECT growth_summary(v, d) IS NULL AS all_null_values
FROM (VALUES (NULL::numeric, date '2020-01-01'), (1, NULL)) t(v, d);

-- An accessor given a summary that lacks what it needs: 22023.
SELECT pg_temp.try($$SELECT share(growth_summary(1::bigint, date '2020-01-01'))$$);
SELECT pg_temp.try($$SELECT share_change(growth_summary(1::bigint, date '2020-01-01'))$$);
SELECT pg_temp.try($$SELECT yoy_growth(growth_accum(NULL::growth_state, 1::bigint, true))$$);
SELECT pg_temp.try($$SELECT total(growth_accum(NULL::growth_state, 1::bigint, true), '2020-01-01', '2020-12-31')$$);
SELECT pg_temp.try($$SELECT total_amount(growth_summary(1::bigint, date '2020-01-01'))$$);
-- Summaries of different kinds do not mix: 22023 naming both.
SELECT pg_temp.try($$SELECT rollup(s) FROM (VALUES ((SELECT growth_summary(1::bigint, date '2020-01-01'))),
	((SELECT growth_summary(1::numeric, date '2020-01-01')))) t(s)$$);
SELECT pg_temp.try($$SELECT growth_summary('1 USD'::currency_amount, date '2020-01-01')
						  + growth_summary('1 EUR'::currency_amount, date '2020-01-01')$$);
SELECT pg_temp.try($$SELECT growth_summary(1::bigint, date '2020-01-01')
						  + growth_summary(1::bigint, true, date '2020-01-01')$$);
SELECT pg_temp.try($$SELECT share(growth_summary('1 USD'::currency_amount, date '2020-01-01'),
								  growth_summary('1 EUR'::currency_amount, date '2020-01-01'))$$);

-- rolling(): a moving 24-month frame, with its exact inverse, equals a
-- rollup of the same months.
CREATE TABLE summary_monthly AS
	SELECT month, rollup(s) AS s FROM cq_summary WHERE flow = 'export' GROUP BY month;
INSERT INTO summary_monthly
	SELECT d, growth_summary(currency_amount(100 + extract(month FROM d)::int, 'CNY'), false, d)
	FROM generate_series(date '2019-01-01', date '2020-09-01', interval '1 month') g, LATERAL (SELECT g::date AS d) x
	GROUP BY d;
SELECT month, round(yoy_growth(rolling(s) OVER w), 4) AS rolling_yoy,
	   total_amount(rolling(s) OVER w) AS last_24_months,
	   rolling(s) OVER w = (SELECT rollup(s) FROM summary_monthly m
							WHERE m.month > o.month - interval '24 months' AND m.month <= o.month) AS same
FROM summary_monthly o
WINDOW w AS (ORDER BY month RANGE BETWEEN interval '23 months' PRECEDING AND CURRENT ROW)
ORDER BY month DESC LIMIT 5;

-- rolling() over a calendar left-joined to the summaries: NULL summaries
-- at the start, in the middle and at the end are skipped, as rollup skips
-- them; a frame of NULLs only is NULL.  ROWS and RANGE frames.
CREATE TABLE summary_gappy AS
	SELECT d AS month, growth_summary(100 + extract(month FROM d)::numeric, d) AS s
	FROM generate_series(date '2020-03-01', date '2020-10-01', interval '1 month') g,
		 LATERAL (SELECT g::date AS d) x
	WHERE extract(month FROM d) <> 6
	GROUP BY d;
CREATE TABLE summary_calendar AS
	SELECT c::date AS month, m.s
	FROM generate_series(date '2020-01-01', date '2020-12-01', interval '1 month') c
	LEFT JOIN summary_gappy m ON m.month = c::date;
SELECT month, s IS NULL AS gap,
	   total(rolling(s) OVER (ORDER BY month ROWS 1 PRECEDING)) AS rows_2,
	   total(rolling(s) OVER (ORDER BY month ROWS 11 PRECEDING)) AS rows_12,
	   total(rolling(s) OVER (ORDER BY month RANGE BETWEEN interval '2 months' PRECEDING AND CURRENT ROW)) AS range_3
FROM summary_calendar ORDER BY month;
SELECT count(*) AS frames,
	   count(*) FILTER (WHERE rows_2 IS NOT DISTINCT FROM
						(SELECT rollup(s) FROM summary_calendar c
						 WHERE c.month > o.month - interval '2 months' AND c.month <= o.month)
					   AND range_3 IS NOT DISTINCT FROM
						(SELECT rollup(s) FROM summary_calendar c
						 WHERE c.month >= o.month - interval '2 months' AND c.month <= o.month)
					   AND rows_12 IS NOT DISTINCT FROM
						(SELECT rollup(s) FROM summary_calendar c WHERE c.month <= o.month)) AS same_as_rollup
FROM (SELECT month,
			 rolling(s) OVER (ORDER BY month ROWS 1 PRECEDING) AS rows_2,
			 rolling(s) OVER (ORDER BY month ROWS 11 PRECEDING) AS rows_12,
			 rolling(s) OVER (ORDER BY month RANGE BETWEEN interval '2 months' PRECEDING AND CURRENT ROW) AS range_3
	  FROM summary_calendar) o;

-- numeric: the canonical scale does not depend on the history.
SELECT growth_summary(v, d) AS three,
	   growth_summary(v, d) = growth_summary(w, d) AS same_content
FROM (VALUES (1.5, 1.50, date '2020-01-01'), (1.5, 1.500, '2020-01-01')) t(v, w, d);
SELECT (growth_summary(v, d) - growth_summary(w, d)) AS after_minus,
	   (growth_summary(v, d) - growth_summary(w, d)) = growth_summary(x, d) AS canonical
FROM (VALUES (1.25, 1.25, NULL::numeric, date '2020-01-01'), (2, NULL, 2, '2020-01-01')) t(v, w, x, d);
SELECT total(growth_summary(v, d)) AS numeric_total, total(growth_summary(f, d)) AS double_total,
	   total(growth_summary(b, d)) AS bigint_total
FROM (VALUES (1.25, 0.1::float8, 7::bigint, date '2020-01-01'), (2.5, 0.2, 8, '2020-06-01')) t(v, f, b, d);
-- A double enters a state rounded to the nearest 2^-40, half away from
-- zero (0.1 and 0.2 truncated toward zero: 0.1 was 109951162777, and its
-- total 0.099999999999).
SELECT v, growth_summary(v, date '2020-01-01'), total(growth_summary(v, date '2020-01-01'))
FROM (VALUES (0.1::float8), (-0.1), (0.01), (0.3), (0.6), (1.1), (2::float8 ^ -41), (-(2::float8 ^ -41)),
			 (3 * 2::float8 ^ -41), (2::float8 ^ -42)) t(v)
GROUP BY v ORDER BY v;
SELECT total(growth_summary(0.1::float8, date '2020-01-01')) AS million_tenths FROM generate_series(1, 1000000);

-- Golden v1 text forms read back (and print) identically; the 0.1 binary
-- form (format 1) and the 0.2 packed form (format 2) both read.
SELECT g::growth_state::text = g AS same, pg_column_size(g::growth_state) AS stored
FROM (VALUES ('(amount,1,2,USD,)[2020-01-01:3:12345:0:0]'),
			 ('(amount,3,2,CNY,)[2020-10-01:2:1331000000000:1:691000000000;2021-10-01:2:1443500000000:1:783000000000]'),
			 ('(numeric,1,3,,)[1999-12-31:1:-1234567:0:0]'),
			 ('(bigint,2,0,,)[*:4:100:2:60]'),
			 ('(double,5,0,,2021-06-30)[2020-01-01:1:1099511627776:0:0]')) t(g);
-- Golden binary forms, read through COPY BINARY: the 0.1 form (format 1,
-- fixed width) and the packed form (format 2) of the same state, which
-- growth_state_send writes.
CREATE TABLE golden (g growth_state);
COPY golden FROM PROGRAM $$/usr/bin/python3 -c "
import sys, struct
rows = ['01010102555344000000000000000100001c89000000000000000300000000000000000000000000000000000000000000303900000000000000000000000000000000',
        '0201010255534401927203f2c001']
out = b'PGCOPY\n\xff\r\n\x00' + struct.pack('>ii', 0, 0)
for h in rows:
    b = bytes.fromhex(h)
    out += struct.pack('>hi', 1, len(b)) + b
sys.stdout.buffer.write(out + struct.pack('>h', -1))
"$$ WITH (FORMAT binary);
SELECT g, growth_state_send(g) FROM golden;
-- Malformed binary input: 22P03.
CREATE TABLE golden_bad (g growth_state);
SELECT pg_temp.try($x$COPY golden_bad FROM PROGRAM $$/usr/bin/python3 -c "
import sys, struct
b = bytes.fromhex('0201010255534401927203f2c00100')
sys.stdout.buffer.write(b'PGCOPY\n\xff\r\n\x00' + struct.pack('>iihi', 0, 0, 1, len(b)) + b + struct.pack('>h', -1))
"$$ WITH (FORMAT binary)$x$);
SELECT pg_temp.try($$SELECT '(numeric,1,3,,)[2020-01-01:1:1000:0:0]'::growth_state::text$$) AS reduced_scale;
SELECT pg_temp.try($$SELECT '(amount,1,2,USD,)[2020-01-01:0:1:0:0]'::growth_state$$) AS bad_count;

-- A state whose part cannot be a subset of its rows is refused, on input
-- and as the result of a subtraction: with every row a part row (one row,
-- one part row) the part's sum is the whole sum.
SELECT '(bigint,3,0,,)[2020-01-01:1:25:1:5]'::growth_state;
SELECT '(bigint,3,0,,)[2020-01-01:2:725:1:5]'::growth_state - '(bigint,3,0,,)[2020-01-01:1:700:0:0]'::growth_state;
SELECT '(bigint,3,0,,)[2020-01-01:2:725:1:5]'::growth_state - '(bigint,3,0,,)[2020-01-01:1:720:0:0]'::growth_state AS part_row_left,
	   share('(bigint,3,0,,)[2020-01-01:2:725:1:5]'::growth_state - '(bigint,3,0,,)[2020-01-01:1:720:0:0]'::growth_state);
-- a bigint row adds at least -2^63 to the rows outside the part too
SELECT '(bigint,3,0,,)[2020-01-01:2:-18446744073709551616:1:1]'::growth_state;
-- Sums possible for their counts, exactly: a bigint or an amount (minor
-- units) is in [-2^63, 2^63 - 1], so n rows sum to [n * -2^63, n * (2^63 - 1)],
-- the part's rows and the others alike; a double is below 2^86, so a row's
-- mantissa at 2^-40 is at most 2^126 - 2^73 in magnitude.
SELECT s, pg_temp.try(format('SELECT %L::growth_state::text', s)) AS input
FROM (VALUES ('(bigint,1,0,,)[2020-01-01:1:9223372036854775807:0:0]'),
			 ('(bigint,1,0,,)[2020-01-01:1:9223372036854775808:0:0]'),
			 ('(bigint,1,0,,)[2020-01-01:1:-9223372036854775808:0:0]'),
			 ('(bigint,1,0,,)[2020-01-01:1:-9223372036854775809:0:0]'),
			 ('(amount,1,2,USD,)[2020-01-01:1:9223372036854775808:0:0]'),
			 ('(amount,1,2,USD,)[2020-01-01:2:18446744073709551614:0:0]'),
			 ('(amount,1,2,USD,)[2020-01-01:2:18446744073709551615:0:0]'),
			 ('(amount,1,2,USD,)[2020-01-01:2:-18446744073709551616:0:0]'),
			 ('(amount,3,2,USD,)[2020-01-01:2:0:1:9223372036854775807]'),
			 ('(amount,3,2,USD,)[2020-01-01:2:0:1:9223372036854775808]'),
			 ('(amount,3,2,USD,)[2020-01-01:2:-1:1:9223372036854775807]'),
			 ('(bigint,3,0,,)[2020-01-01:3:27670116110564327421:2:18446744073709551614]'),
			 ('(bigint,3,0,,)[2020-01-01:3:27670116110564327422:2:18446744073709551614]'),
			 ('(double,1,0,,)[2020-01-01:1:85070591730234606421110686118651625472:0:0]'),
			 ('(double,1,0,,)[2020-01-01:1:85070591730234606421110686118651625473:0:0]'),
			 ('(double,1,0,,)[2020-01-01:1:-85070591730234606421110686118651625473:0:0]'),
			 ('(double,1,0,,)[2020-01-01:1:85070591730234615865843651857942052864:0:0]'),
			 ('(double,1,0,,)[2020-01-01:2:170141183460469212842221372237303250944:0:0]'),
			 ('(double,1,0,,)[2020-01-01:2:170141183460469212842221372237303250945:0:0]'),
			 ('(numeric,1,0,,)[2020-01-01:1:170141183460469231731687303715884105727:0:0]')) t(s);
SELECT '(bigint,1,0,,)[2020-01-01:1:9223372036854775808:0:0]'::growth_state;
-- what growth_summary takes for one double: 2^86 - 2^33, not 2^86
SELECT growth_summary(2::float8 ^ 86 - 2::float8 ^ 33, date '2020-01-01');
SELECT pg_temp.try($$SELECT growth_summary(2::float8 ^ 86, date '2020-01-01')$$) AS two_to_86;
-- the same in binary (22P03): one bigint of 2^63, then of 2^63 - 1
SELECT pg_temp.try_exec($x$COPY golden_bad FROM PROGRAM $$/usr/bin/python3 -c "
import sys, struct
b = bytes.fromhex('020301000192720180808080808080808002')
sys.stdout.buffer.write(b'PGCOPY\n\xff\r\n\x00' + struct.pack('>iihi', 0, 0, 1, len(b)) + b + struct.pack('>h', -1))
"$$ WITH (FORMAT binary)$x$) AS binary_two_to_63;
SELECT pg_temp.try_exec($x$COPY golden_bad FROM PROGRAM $$/usr/bin/python3 -c "
import sys, struct
b = bytes.fromhex('0203010001927201feffffffffffffffff01')
sys.stdout.buffer.write(b'PGCOPY\n\xff\r\n\x00' + struct.pack('>iihi', 0, 0, 1, len(b)) + b + struct.pack('>h', -1))
"$$ WITH (FORMAT binary)$x$) AS binary_two_to_63_less_one;
SELECT g FROM golden_bad;
-- Input errors name the entry at fault (its text, or in binary its number),
-- and quote at most 200 bytes of the input: a growth_state may be
-- megabytes, and the message goes to the server log too.
SELECT '(bigint,1,0,,)[2020-01-01:1:5:0:0;2020-02-01:0:0:0:0;2020-03-01:1:5:0:0]'::growth_state;
SELECT '(bigint,1,0,,)[2020-01-01:1:5:0:0;2020-02-30:1:5:0:0]'::growth_state;
SELECT '(bigint,1,0,,)[2020-01-01:1:5:0:0;2020-01-01:1:5:0:0]'::growth_state;
SELECT '(bigint,1,0,,)[2020-01-01:1:5:0:0]x'::growth_state;
SELECT length(e) AS message_length, e AS message
FROM (SELECT pg_temp.try($$SELECT (growth_summary(g::bigint, date '1000-01-01' + g)::text || 'x')::growth_state
						   FROM generate_series(1, 30000) g$$) AS e) t;
COPY golden_bad FROM PROGRAM $$/usr/bin/python3 -c "
import sys, struct
b = bytes.fromhex('0203010002927201141f0000')
sys.stdout.buffer.write(b'PGCOPY\n\xff\r\n\x00' + struct.pack('>iihi', 0, 0, 1, len(b)) + b + struct.pack('>h', -1))
"$$ WITH (FORMAT binary);
-- a subtraction names the period that was not added
SELECT '(bigint,1,0,,)[2020-01-01:1:10:0:0;2020-02-01:1:10:0:0]'::growth_state - '(bigint,1,0,,)[2020-02-01:2:10:0:0]';
SELECT '(bigint,1,0,,)[2020-01-01:1:10:0:0]'::growth_state - '(bigint,1,0,,)[2020-03-01:1:10:0:0]';
SELECT '(bigint,0,0,,)[*:1:10:0:0]'::growth_state - '(bigint,0,0,,)[*:2:10:0:0]';
-- a double out of range is named with the digits that identify it
SELECT growth_summary(2::float8 ^ 86, date '2020-01-01');
