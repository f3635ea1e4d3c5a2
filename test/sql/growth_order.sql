--
-- The order of the rows does not change a growth_state (the README's "Stored
-- summaries": equal content, equal bytes): periods added in period order, in
-- reverse and in random order, with duplicate periods, through rollup,
-- + and - of overlapping summaries and moving frames, give the same state.
--
\i test/sql/helpers.psql

SELECT setseed(0.5);
-- 3000 rows over 1000 distinct days (each three times), values with part
CREATE TABLE rows_in (i int, period date, value currency_amount, n numeric, part boolean);
INSERT INTO rows_in
SELECT i, date '1990-01-01' + (i % 1000) * 3, currency_amount((i * 7 % 1000)::numeric / 100, 'EUR'),
	   (i * 13 % 997)::numeric / 1000, i % 4 = 0
FROM generate_series(1, 3000) i;
CREATE TABLE ordered AS SELECT * FROM rows_in ORDER BY period, i;
CREATE TABLE reversed AS SELECT * FROM rows_in ORDER BY period DESC, i;
CREATE TABLE shuffled AS SELECT * FROM rows_in ORDER BY random();
-- nearly in order: within each block of 30 days, in random order
CREATE TABLE nearly AS SELECT * FROM rows_in ORDER BY (period - date '1990-01-01') / 30, random();
SET max_parallel_workers_per_gather = 0;
SET enable_sort = off;

-- one summary per order: all equal, byte for byte
CREATE TABLE summaries AS
SELECT 'ordered' AS rows, growth_summary(value, period) AS s, growth_summary(n, part, period) AS p FROM ordered
UNION ALL SELECT 'reversed', growth_summary(value, period), growth_summary(n, part, period) FROM reversed
UNION ALL SELECT 'shuffled', growth_summary(value, period), growth_summary(n, part, period) FROM shuffled
UNION ALL SELECT 'nearly', growth_summary(value, period), growth_summary(n, part, period) FROM nearly;
SELECT rows, s = first_value(s) OVER w AS same, growth_state_send(s) = first_value(growth_state_send(s)) OVER w AS same_bytes,
	   p = first_value(p) OVER w AS same_part, md5(s::text) = md5(first_value(s) OVER w::text) AS same_text,
	   total(s), yoy_growth(s), mom_growth(s), share(p), (SELECT count(*) FROM growth_entries(s)) AS periods
FROM summaries WINDOW w AS (ORDER BY rows = 'ordered' DESC) ORDER BY rows;

-- the one-step aggregates say the same in any order
SELECT (SELECT yoy_growth(value, period) FROM ordered) = (SELECT yoy_growth(value, period) FROM shuffled) AS yoy_same,
	   (SELECT share_change(n, part, period) FROM reversed) = (SELECT share_change(n, part, period) FROM shuffled) AS share_change_same,
	   (SELECT growth_contribution(value, part, period) FROM ordered) =
	   (SELECT growth_contribution(value, part, period) FROM shuffled) AS contribution_same;

-- rollup of one-period summaries and of overlapping summaries, in any order
CREATE TABLE per_period AS SELECT period, growth_summary(value, period) AS s FROM rows_in GROUP BY period;
CREATE TABLE per_slice AS SELECT i % 7 AS slice, growth_summary(value, period) AS s FROM rows_in GROUP BY i % 7;
SELECT (SELECT rollup(s) FROM (SELECT s FROM per_period ORDER BY period) o) =
	   (SELECT rollup(s) FROM (SELECT s FROM per_period ORDER BY random()) r) AS one_period_rollup_same,
	   (SELECT rollup(s) FROM (SELECT s FROM per_period ORDER BY random()) r) =
	   (SELECT s FROM summaries WHERE rows = 'ordered') AS equals_summary,
	   (SELECT rollup(s) FROM (SELECT s FROM per_slice ORDER BY slice) o) =
	   (SELECT rollup(s) FROM (SELECT s FROM per_slice ORDER BY random()) r) AS overlapping_rollup_same,
	   (SELECT rollup(s) FROM per_slice) = (SELECT s FROM summaries WHERE rows = 'ordered') AS overlapping_equals_summary;
-- many small summaries rolled into a large one (entry by entry) and large
-- ones merged, both orders
SELECT (SELECT rollup(s) FROM (SELECT s FROM per_slice UNION ALL SELECT s FROM per_period) u) =
	   (SELECT rollup(s) FROM (SELECT s FROM (SELECT s FROM per_period UNION ALL SELECT s FROM per_slice) u
							   ORDER BY random()) r)
	   AS mixed_rollup_same;

-- + and -: overlapping summaries, added and subtracted back, in any order
SELECT a.slice, (a.s + b.s) - b.s = a.s AS minus_undoes_plus, a.s + b.s = b.s + a.s AS plus_commutes,
	   ((SELECT s FROM summaries WHERE rows = 'shuffled') - a.s) + a.s = (SELECT s FROM summaries WHERE rows = 'ordered')
	   AS whole_minus_slice_plus_slice
FROM per_slice a JOIN per_slice b ON b.slice = (a.slice + 1) % 7 ORDER BY a.slice;
-- a state built in random order, minus every period in random order, is empty
SELECT rollup(s) - rollup(s) AS empty_again FROM (SELECT s FROM per_period ORDER BY random()) r;
SELECT (SELECT s FROM summaries WHERE rows = 'shuffled') -
	   (SELECT rollup(s) FROM (SELECT s FROM (SELECT s FROM per_period ORDER BY period OFFSET 1) o ORDER BY random()) r)
	   = (SELECT s FROM per_period ORDER BY period LIMIT 1) AS first_period_left;

-- moving frames (rolling() adds and subtracts): the same in any row order
-- of the summaries inside the frame
SELECT count(*) FILTER (WHERE a IS DISTINCT FROM b) AS frames_that_differ, count(*) AS frames
FROM (SELECT o.slice, o.r AS a, x.r AS b
	  FROM (SELECT slice, rolling(s) OVER (ORDER BY slice ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS r FROM per_slice) o
	  JOIN (SELECT slice, rollup(s) AS r FROM (SELECT p.slice, q.s FROM per_slice p JOIN per_slice q
				ON q.slice BETWEEN p.slice - 2 AND p.slice ORDER BY random()) z GROUP BY slice) x USING (slice)) f;

-- parallel partial states combine to the same summary
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT growth_summary(value, period) = (SELECT s FROM summaries WHERE rows = 'ordered') AS parallel_same FROM shuffled;
RESET ALL;

-- A user's aggregate without a final function returns the working state
-- itself (periods out of order: appended and indexed); stored, it reads
-- back as the summary of the same rows.
CREATE AGGREGATE pg_temp.raw_summary(currency_amount, date) (SFUNC = growth_accum, STYPE = growth_state);
CREATE TABLE raw_stored AS SELECT pg_temp.raw_summary(value, period) AS s FROM shuffled;
SELECT r.s = o.s AS same, r.s::text = o.s::text AS same_text, growth_state_send(r.s) = growth_state_send(o.s) AS same_bytes,
	   r.s + r.s = o.s + o.s AS adds, rollup(r.s) OVER () = o.s AS rolls_up
FROM raw_stored r, summaries o WHERE o.rows = 'ordered';
-- (it is the working layout, unsorted: first byte 0x80, 'sorted' 0, 'indexed' 1)
CREATE FUNCTION pg_temp.state_bytes(growth_state, int) RETURNS bytea
	LANGUAGE internal IMMUTABLE STRICT AS 'bytea_substr_no_len';
SELECT get_byte(b, 0) AS first_byte, get_byte(b, 6) AS sorted, get_byte(b, 7) AS indexed
FROM (SELECT pg_temp.state_bytes(s, 1) AS b FROM raw_stored) t;

-- The limit of that: a sum is 128 bits at the state's scale (a numeric
-- state's is the largest among its rows, about 38 significant digits).  A
-- sum beyond it at any step is an error (22003), and which step that is
-- depends on the order of the rows: 1e-30 first makes the scale 30, and
-- 3 x 1.5e8 at that scale does not fit; 1e-30 last rescales a sum that has
-- already come back down.  A result, when there is one, is exact and the
-- same in every order.
CREATE TABLE overflow_order (k int, v numeric, p date);
INSERT INTO overflow_order VALUES (1, 1e-30, '2020-01-01'), (2, 1.5e8, '2021-01-01'),
	(3, 1.5e8, '2021-01-01'), (4, -1.5e8, '2021-01-01');
SELECT pg_temp.try($$SELECT growth_summary(v, p ORDER BY k)::text FROM overflow_order$$) AS ascending,
	   pg_temp.try($$SELECT growth_summary(v, p ORDER BY k DESC)::text FROM overflow_order$$) AS descending;
SELECT pg_temp.try($$SELECT yoy_growth(v, p ORDER BY k)::text FROM overflow_order$$) AS ascending,
	   pg_temp.try($$SELECT yoy_growth(v, p ORDER BY k DESC)::text FROM overflow_order$$) AS descending;
-- doubles alike: 2^85.5 three times is beyond 128 bits at 2^-40, their sum
-- with two of them negative is not
CREATE TABLE overflow_double (k int, v float8);
INSERT INTO overflow_double VALUES (1, 2 ^ 85.5), (2, 2 ^ 85.5), (3, 2 ^ 85.5), (4, -(2 ^ 85.5)), (5, -(2 ^ 85.5));
SELECT pg_temp.try($$SELECT growth_summary(v, date '2021-01-01' ORDER BY k)::text FROM overflow_double$$) AS in_order,
	   pg_temp.try($$SELECT growth_summary(v, date '2021-01-01' ORDER BY k % 2 = 0, k)::text FROM overflow_double$$) AS alternating;
