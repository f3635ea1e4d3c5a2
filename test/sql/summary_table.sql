--
-- Maintained summary tables: create_summary() keeps a summary exact under
-- INSERT, UPDATE (rows moving between groups and periods), DELETE, TRUNCATE
-- and COPY; after every batch each accessor over the summary equals the
-- one-step aggregate over the source.
--

CREATE TABLE trade (partner text NOT NULL, flow text NOT NULL, period date,
					v currency_amount, n numeric, b integer, d double precision);

SELECT trade_stats.create_summary('trade_summary', 'trade', '{partner,flow}', 'v', 'period');
SELECT trade_stats.create_summary('public.trade_n', 'trade', '{flow}', 'n', 'period');
SELECT trade_stats.create_summary('trade_b', 'trade', '{partner}', 'b', 'period');
SELECT trade_stats.create_summary('trade_d', 'trade', '{partner,flow}', 'd', 'period');
\d trade_summary
SELECT summary, source, group_by, value, period FROM trade_stats.summary_definition
WHERE source = 'trade'::regclass ORDER BY summary::text;

-- Compare every measure, per group of each summary, with the source.
CREATE FUNCTION pg_temp.check(label text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	bad bigint;
BEGIN
	SELECT count(*) INTO bad FROM (
		(SELECT partner, flow, yoy_growth(v, period) AS y, mom_growth(v, period) AS m,
				sum(v)::numeric AS t
		 FROM trade WHERE period IS NOT NULL GROUP BY partner, flow HAVING count(v) > 0
		 EXCEPT
		 SELECT partner, flow, yoy_growth(rollup(summary)), mom_growth(rollup(summary)),
				total(rollup(summary))
		 FROM trade_summary GROUP BY partner, flow)
		UNION ALL
		(SELECT partner, flow, yoy_growth(rollup(summary)), mom_growth(rollup(summary)),
				total(rollup(summary))
		 FROM trade_summary GROUP BY partner, flow
		 EXCEPT
		 SELECT partner, flow, yoy_growth(v, period), mom_growth(v, period), sum(v)::numeric
		 FROM trade WHERE period IS NOT NULL GROUP BY partner, flow HAVING count(v) > 0)) x;
	IF bad > 0 THEN
		RETURN label || ': ' || bad || ' amount groups differ';
	END IF;
	SELECT count(*) INTO bad FROM (
		SELECT flow, yoy_growth(n, period), sum(n) FROM trade WHERE period IS NOT NULL
		GROUP BY flow HAVING count(n) > 0
		EXCEPT
		SELECT flow, yoy_growth(rollup(summary)), total(rollup(summary)) FROM trade_n GROUP BY flow) x;
	IF bad > 0 OR (SELECT count(*) FROM trade_n) <> (SELECT count(DISTINCT (flow, date_trunc('month', period)))
			FROM trade WHERE n IS NOT NULL AND period IS NOT NULL) THEN
		RETURN label || ': numeric summary differs';
	END IF;
	SELECT count(*) INTO bad FROM (
		SELECT partner, yoy_growth(b::bigint, period), sum(b)::numeric FROM trade WHERE period IS NOT NULL
		GROUP BY partner HAVING count(b) > 0
		EXCEPT
		SELECT partner, yoy_growth(rollup(summary)), total(rollup(summary)) FROM trade_b GROUP BY partner) x;
	IF bad > 0 THEN
		RETURN label || ': bigint summary differs';
	END IF;
	SELECT count(*) INTO bad FROM (
		SELECT partner, flow, yoy_growth(d, period) FROM trade WHERE period IS NOT NULL
		GROUP BY partner, flow HAVING count(d) > 0
		EXCEPT
		SELECT partner, flow, yoy_growth(rollup(summary)) FROM trade_d GROUP BY partner, flow) x;
	IF bad > 0 THEN
		RETURN label || ': double summary differs';
	END IF;
	-- the maintained table is exactly what a refresh would build
	CREATE TEMP TABLE before_refresh AS SELECT * FROM trade_summary;
	PERFORM trade_stats.refresh_summary('trade_summary');
	SELECT count(*) INTO bad FROM ((TABLE before_refresh EXCEPT TABLE trade_summary)
								   UNION ALL (TABLE trade_summary EXCEPT TABLE before_refresh)) x;
	DROP TABLE before_refresh;
	IF bad > 0 THEN
		RETURN label || ': ' || bad || ' rows differ from a refresh';
	END IF;
	RETURN label || ': ok';
END
$$;

-- Random batches (a fixed seed): inserts, updates moving rows between
-- groups and periods, deletes, and a truncate.
SELECT setseed(0.42);
CREATE FUNCTION pg_temp.batch(k integer) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	op integer := k % 5;
BEGIN
	IF op IN (0, 3) OR k < 3 THEN
		INSERT INTO trade
		SELECT (ARRAY['ASEAN', 'EU', 'US', '美国'])[1 + floor(random() * 4)::int],
			   (ARRAY['export', 'import'])[1 + floor(random() * 2)::int],
			   CASE WHEN random() < 0.03 THEN NULL
					ELSE date '2019-01-01' + (floor(random() * 36)::int * interval '1 month')
						 + floor(random() * 3)::int * interval '1 day' END,
			   CASE WHEN random() < 0.05 THEN NULL
					ELSE currency_amount(round((random() * 2000 - 200)::numeric, 2), 'CNY') END,
			   round((random() * 1000)::numeric, floor(random() * 4)::int),
			   floor(random() * 1000)::int,
			   random() * 100
		FROM generate_series(1, 40 + k * 7);
		RETURN 'insert';
	ELSIF op = 1 THEN
		UPDATE trade SET partner = CASE WHEN random() < 0.5 THEN 'EU' ELSE partner END,
						 period = period + (floor(random() * 3)::int - 1) * 31,
						 v = v + '1.01 CNY', n = n * 2, b = b + 1, d = d / 3
		WHERE random() < 0.3;
		RETURN 'update';
	ELSIF op = 2 THEN
		DELETE FROM trade WHERE random() < 0.2;
		RETURN 'delete';
	ELSE
		UPDATE trade SET flow = CASE flow WHEN 'export' THEN 'import' ELSE 'export' END
		WHERE partner = 'US';
		RETURN 'update flow';
	END IF;
END
$$;
SELECT k, pg_temp.check(pg_temp.batch(k)) FROM generate_series(1, 12) k;
SELECT count(*) > 300 AS enough_rows, (SELECT count(*) FROM trade_summary) > 100 AS enough_groups FROM trade;

-- COPY fires the same triggers.
COPY trade (partner, flow, period, v, n, b, d) FROM stdin;
EU	export	2022-12-01	5.00 CNY	1.5	1	0.5
US	import	2018-06-15	-7.25 CNY	2	2	1
\.
SELECT pg_temp.check('copy');

-- An UPDATE that changes nothing the summary sees, and one that empties a
-- group: the group's rows disappear from the summary.
UPDATE trade SET d = d WHERE partner = 'EU';
DELETE FROM trade WHERE partner = '美国';
SELECT pg_temp.check('emptied');
SELECT count(*) AS chinese_partner_rows FROM trade_summary WHERE partner = '美国';

-- TRUNCATE empties the summaries.
TRUNCATE trade;
SELECT (SELECT count(*) FROM trade_summary) AS summary_rows, (SELECT count(*) FROM trade_n) AS numeric_rows;
INSERT INTO trade VALUES ('EU', 'export', '2020-03-01', '10 CNY', 1, 1, 1), ('EU', 'export', '2021-03-01', '12 CNY', 2, 2, 2);
SELECT partner, flow, month, summary FROM trade_summary;
SELECT pg_temp.check('after truncate');

-- Errors.
SELECT trade_stats.create_summary('bad1', 'trade', '{nope}', 'v', 'period');
SELECT trade_stats.create_summary('bad2', 'trade', '{period}', 'v', 'period');
SELECT trade_stats.create_summary('bad3', 'trade', '{partner}', 'partner', 'period');
SELECT trade_stats.create_summary('bad4', 'trade', '{partner}', 'v', 'flow');
SELECT trade_stats.refresh_summary('trade');
-- A summary table cannot be changed by hand: it is kept by the triggers.
UPDATE trade_summary SET summary = summary - summary;

-- drop_summary removes the table and its triggers.
SELECT trade_stats.drop_summary('trade_summary');
SELECT trade_stats.drop_summary('trade_n');
SELECT tgname FROM pg_trigger WHERE tgrelid = 'trade'::regclass ORDER BY tgname;
SELECT summary FROM trade_stats.summary_definition WHERE source = 'trade'::regclass ORDER BY summary::text;
INSERT INTO trade VALUES ('EU', 'export', '2020-03-01', '10 CNY', 1, 1, 1);
SELECT to_regclass('trade_summary');
