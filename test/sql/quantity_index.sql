--
-- Laspeyres, Paasche and Fisher price and volume indices across
-- commodities, chained year on year (the first year = 100).
--
\i test/sql/helpers.psql

-- The worked example, by hand.  Unit values p = V / Q; the definitions of
-- the IMF's Export and Import Price Index Manual (and IndexNumR's
-- priceIndex/quantityIndex, chained), over the commodities present in
-- both years of a link (C, only in 2021, is in neither link):
--   Laspeyres price  sum p1 q0 / sum p0 q0    Paasche price  sum p1 q1 / sum p0 q1
--   Laspeyres volume sum p0 q1 / sum p0 q0    Paasche volume sum p1 q1 / sum p1 q0
--   Fisher: the geometric mean of Laspeyres and Paasche.
--
--        2020           2021             2022
--   A    V 200, Q 100   V 312.5, Q 125   V 300, Q 100   (kg; p 2, 2.5, 3)
--   B    V 200, Q 20    V 240, Q 20      V 330, Q 30    (units; p 10, 12, 11)
--   C                   V 50, Q 5                       (t)
--
-- 2021 on 2020: sum p0 q0 = 400, sum p1 q1 = 552.5,
--   sum p1 q0 = 2.5*100 + 12*20 = 490, sum p0 q1 = 2*125 + 10*20 = 450:
--   Laspeyres price 490/400 = 49/40, Paasche price 552.5/450 = 221/180,
--   Laspeyres volume 450/400 = 9/8, Paasche volume 552.5/490 = 221/196.
-- 2022 on 2021: sum p0 q0 = 552.5, sum p1 q1 = 630,
--   sum p1 q0 = 3*125 + 11*20 = 595, sum p0 q1 = 2.5*100 + 12*30 = 610:
--   Laspeyres price 595/552.5 = 14/13, Paasche price 630/610 = 63/61,
--   Laspeyres volume 610/552.5 = 244/221, Paasche volume 630/595 = 18/17.
-- Chained, x100, to 20 decimals:
--   Laspeyres price  2021 49/40*100 = 122.5          2022 *14/13  = 1715/13   = 131.92307692307692307692
--   Paasche price    2021 1105/9 = 122.77777777777777777778   2022 *63/61 = 7735/61 = 126.80327868852459016393
--   Laspeyres volume 2021 225/2  = 112.5             2022 *244/221 = 27450/221 = 124.20814479638009049774
--   Paasche volume   2021 5525/49 = 112.75510204081632653061  2022 *18/17 = 5850/49 = 119.38775510204081632653
--   Fisher price  2021 sqrt(122.5 * 1105/9)       = 122.63881024283372334912
--                 2022 sqrt(1715/13 * 7735/61)    = 129.33784708477480360697
--   Fisher volume 2021 sqrt(112.5 * 5525/49)      = 112.62747879443913368796
--                 2022 sqrt(27450/221 * 5850/49)  = 121.77410058230383670079
-- Each year: Laspeyres price x Paasche volume = Paasche price x Laspeyres
-- volume = Fisher price x Fisher volume = the value index (552.5/400 =
-- 1.38125, then 630/400 = 1.575).
CREATE TABLE qidx_imports (commodity text, unit text, period date, value currency_amount, qty numeric);
INSERT INTO qidx_imports VALUES
	('A', 'kg', '2020-01-01', '120 USD', 60), ('A', 'kg', '2020-07-01', '80 USD', 40),
	('A', 'kg', '2021-03-01', '312.50 USD', 125), ('A', 'kg', '2022-05-01', '300 USD', 100),
	('B', 'u', '2020-02-01', '200 USD', 20), ('B', 'u', '2021-02-01', '240 USD', 20),
	('B', 'u', '2022-02-01', '330 USD', 30), ('B', 'u', '2022-03-01', NULL, 7),
	('C', 't', '2021-06-01', '50 USD', 5);

-- the latest year's index, and the series by a window ordered by year
SELECT laspeyres_price(value, qty, unit, commodity, period) AS lp,
	   paasche_price(value, qty, unit, commodity, period) AS pp,
	   fisher_price(value, qty, unit, commodity, period) AS fp,
	   laspeyres_volume(value, qty, unit, commodity, period) AS lq,
	   paasche_volume(value, qty, unit, commodity, period) AS pq,
	   fisher_volume(value, qty, unit, commodity, period) AS fq
FROM qidx_imports;
SELECT DISTINCT extract(year FROM period) AS year,
	   laspeyres_price(value, qty, unit, commodity, period) OVER w AS lp,
	   paasche_price(value, qty, unit, commodity, period) OVER w AS pp,
	   fisher_price(value, qty, unit, commodity, period) OVER w AS fp,
	   laspeyres_volume(value, qty, unit, commodity, period) OVER w AS lq,
	   paasche_volume(value, qty, unit, commodity, period) OVER w AS pq,
	   fisher_volume(value, qty, unit, commodity, period) OVER w AS fq
FROM qidx_imports WINDOW w AS (ORDER BY extract(year FROM period))
ORDER BY year;
-- The identities, to the 20 decimals of the indices
SELECT round(lp * pq / 100, 12) AS lp_pq, round(pp * lq / 100, 12) AS pp_lq,
	   round(fp * fq / 100, 12) AS fp_fq
FROM (SELECT laspeyres_price(value, qty, unit, commodity, period) AS lp,
			 paasche_price(value, qty, unit, commodity, period) AS pp,
			 fisher_price(value, qty, unit, commodity, period) AS fp,
			 laspeyres_volume(value, qty, unit, commodity, period) AS lq,
			 paasche_volume(value, qty, unit, commodity, period) AS pq,
			 fisher_volume(value, qty, unit, commodity, period) AS fq
	  FROM qidx_imports) t;
-- numeric values give the same
SELECT laspeyres_price(value::numeric, qty, unit, commodity, period) AS lp,
	   fisher_volume(value::numeric, qty, unit, commodity, period) AS fq
FROM qidx_imports;

-- One year, or a year without a link, gives 100 and NULL.
SELECT laspeyres_price(value, qty, unit, commodity, period) FROM qidx_imports WHERE period < '2021-01-01';
SELECT laspeyres_price(value, qty, unit, commodity, period) FROM qidx_imports WHERE period < '2021-01-01' OR period >= '2022-01-01';
SELECT laspeyres_price(value, qty, unit, commodity, period) FROM qidx_imports WHERE false;

-- Against a plain-SQL oracle of the definitions on random data (matched
-- commodities, chained by exp and ln, so compared to 8 decimals).
SELECT setseed(0.4);
CREATE TABLE qidx_rnd AS
	SELECT c::text AS commodity, 'kg' AS unit, make_date(y, m, 1) AS period,
		   round((random() * 1000 + 1)::numeric, 2) AS value, round((random() * 50 + 1)::numeric, 3) AS qty
	FROM generate_series(1, 12) c, generate_series(2018, 2022) y, generate_series(1, 12, 5) m
	WHERE random() < 0.85;
WITH a AS (SELECT commodity, extract(year FROM period)::int AS y, sum(value) AS v, sum(qty) AS q
		   FROM qidx_rnd GROUP BY 1, 2),
l AS (SELECT a1.y, sum(a0.v) AS s00, sum(a1.v) AS s11,
			 sum(a1.v * a0.q / a1.q) AS s10, sum(a0.v * a1.q / a0.q) AS s01
	  FROM a a0 JOIN a a1 ON a1.commodity = a0.commodity AND a1.y = a0.y + 1 GROUP BY a1.y),
o AS (SELECT round(100 * exp(sum(ln(s10 / s00))), 8) AS lp, round(100 * exp(sum(ln(s11 / s01))), 8) AS pp,
			 round(100 * exp(sum(ln(s01 / s00))), 8) AS lq, round(100 * exp(sum(ln(s11 / s10))), 8) AS pq
	  FROM l)
SELECT o.lp = round(laspeyres_price(value, qty, unit, commodity, period), 8) AS lp,
	   o.pp = round(paasche_price(value, qty, unit, commodity, period), 8) AS pp,
	   o.lq = round(laspeyres_volume(value, qty, unit, commodity, period), 8) AS lq,
	   o.pq = round(paasche_volume(value, qty, unit, commodity, period), 8) AS pq,
	   round(sqrt(o.lp * o.pp), 6) = round(fisher_price(value, qty, unit, commodity, period), 6) AS fp
FROM qidx_rnd, o GROUP BY o.lp, o.pp, o.lq, o.pq;

-- In parallel plans, the same answers.
CREATE TABLE qidx_big AS SELECT r.* FROM qidx_rnd r, generate_series(1, 2000) i;
ANALYZE qidx_big;
CREATE TEMP TABLE qidx_serial AS
	SELECT fisher_price(value, qty, unit, commodity, period) AS fp,
		   paasche_volume(value, qty, unit, commodity, period) AS pq FROM qidx_big;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT fisher_price(value, qty, unit, commodity, period) FROM qidx_big;
SELECT s.fp = p.fp AND s.pq = p.pq AS identical
FROM qidx_serial s, (SELECT fisher_price(value, qty, unit, commodity, period) AS fp,
					   paasche_volume(value, qty, unit, commodity, period) AS pq FROM qidx_big) p;
RESET ALL;

-- One unit per commodity; commodities may have different units.
SELECT pg_temp.try($$SELECT laspeyres_price(v, q, u, c, p) FROM (VALUES
	(100::numeric, 10::numeric, 'kg', 'A', date '2020-01-01'), (100, 10, 't', 'A', '2021-01-01')) t(v, q, u, c, p)$$);
SELECT pg_temp.try($$SELECT laspeyres_price(v, q, u, c, p) FROM (VALUES
	('1 USD'::currency_amount, 10::numeric, 'kg', 'A', date '2020-01-01'), ('1 EUR', 10, 'kg', 'A', '2021-01-01')) t(v, q, u, c, p)$$);

-- Negative values and quantities are refused (Fisher, the root of
-- Laspeyres x Paasche, would lose the sign or be NULL); a zero is fine.
SELECT pg_temp.try($$SELECT fisher_price(v, q, u, c, p) FROM (VALUES
	(1.0, 1.0, 't', 'a', date '2001-01-01'), (-1.0, 1.0, 't', 'a', date '2002-01-01')) t(v, q, u, c, p)$$);
SELECT pg_temp.try($$SELECT laspeyres_volume(v, q, 't', 'a', p) FROM (VALUES
	('1 USD'::currency_amount, 1.0, date '2001-01-01'), ('-3.50 USD', 1.0, date '2002-01-01')) t(v, q, p)$$);
SELECT pg_temp.try($$SELECT paasche_price(v, q, u, c, p) FROM (VALUES
	(1.0, 1.0, 't', 'a', date '2001-01-01'), (1, 1, 't', 'b', '2001-01-01'),
	(3, -1.5, 't', 'a', '2002-01-01'), (2, 2, 't', 'b', '2002-01-01')) t(v, q, u, c, p)$$);
SELECT pg_temp.try($$SELECT fisher_volume(v, q, 't', 'a', p) FROM (VALUES
	(1.0, 1.0, date '2001-01-01'), (0.0, 0.0, date '2001-01-01'), (2.0, 1.0, date '2002-01-01')) t(v, q, p)$$);

-- Labels and units are matched by all their bytes at every length: labels
-- of 0 to 11 bytes, pairs of them differing in one byte (first, middle or
-- last), give the index of the same commodities under long labels that
-- differ in their first bytes; units of one commodity differing in one
-- middle byte are refused.
CREATE TABLE qidx_labels AS
	SELECT l.label, r.unit, r.period, r.value, r.qty
	FROM qidx_rnd r
	JOIN (SELECT n::text AS commodity, label
		  FROM unnest(ARRAY['', 'a', 'b', 'aXb', 'aYb', 'abcd', 'Abcd', 'aXcdefg', 'aYcdefg', 'abcdefgh',
							'abcdefghiXk', 'abcdefghiYk']) WITH ORDINALITY AS t(label, n)) l USING (commodity);
SELECT count(DISTINCT label) AS labels,
	   fisher_price(value, qty, unit, label, period) =
	   fisher_price(value, qty, unit, md5(label) || ' long', period) AS fp,
	   laspeyres_volume(value, qty, unit, label, period) =
	   laspeyres_volume(value, qty, unit, md5(label) || ' long', period) AS lq
FROM qidx_labels;
SELECT pg_temp.try($$SELECT fisher_price(v, 1, u, 'A', p) FROM (VALUES
	('1 USD'::currency_amount, 'kXg', date '2020-01-01'), ('1 USD', 'kYg', '2021-01-01')) t(v, u, p)$$);
SELECT pg_temp.try($$SELECT fisher_price(v, 1, u, 'A', p) FROM (VALUES
	('1 USD'::currency_amount, 'tonXnes', date '2020-01-01'), ('1 USD', 'tonYnes', '2021-01-01')) t(v, u, p)$$);
