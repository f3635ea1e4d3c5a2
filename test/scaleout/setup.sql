-- The rows of the scale-out tests, made once in the coordinator's database
-- as the single table the sharded answers are compared with: 20,000 rows,
-- 36 months, 11 partners, 2 flows, every value type, a part flag, a unit, and some
-- NULL values.
CREATE EXTENSION trade_stats;

CREATE TABLE customs_single (
	period date NOT NULL,
	partner text NOT NULL,
	flow text NOT NULL,
	commodity int NOT NULL,
	amt currency_amount,
	num numeric,
	i8 bigint,
	f8 double precision,
	part boolean,
	unit text NOT NULL
);
INSERT INTO customs_single
SELECT (date '2019-01-01' + (g % 36) * interval '1 month')::date,
	   'P' || (g % 11),
	   CASE WHEN (g / 7) % 2 = 0 THEN 'import' ELSE 'export' END,
	   g % 101,
	   CASE WHEN g % 97 <> 0 THEN currency_amount(((g * 7919) % 100000) / 100.0 + 1, 'CNY') END,
	   CASE WHEN g % 89 <> 0 THEN ((g * 104729) % 1000000) / 1000.0 + 1 END,
	   (g * 31) % 10000 + 1,
	   ((g * 13) % 1000) / 8.0 + 1,
	   g % 5 = 0,
	   'kg'
FROM generate_series(1::bigint, 20000) g;

-- Every aggregate of the extension with the columns its arguments take: the
-- value column of its type, the part flag, the period (the first date), and
-- a fixed as_of date; for the quantity measures num as the quantity, the
-- unit and the partner as the commodity; 3 for cr's n; rollup() and rolling() read summaries
-- of amounts.
CREATE TABLE aggregate_call AS
SELECT p.oid::regprocedure::text AS signature, p.proname::text AS name,
	   (SELECT string_agg(CASE a.t
							  WHEN 'currency_amount'::regtype THEN 'amt'
							  WHEN 'numeric'::regtype THEN 'num'
							  WHEN 'bigint'::regtype THEN 'i8'
							  WHEN 'double precision'::regtype THEN 'f8'
							  WHEN 'boolean'::regtype THEN 'part'
							  WHEN 'growth_state'::regtype THEN 's'
							  WHEN 'currency_amount_sum_state'::regtype THEN 'st'
							  WHEN 'date'::regtype THEN
								  CASE WHEN a.o = (SELECT min(v.n) - 1 FROM unnest(p.proargtypes) WITH ORDINALITY v(t, n)
												   WHERE v.t = 'date'::regtype)
									   THEN 'period' ELSE 'date ''2020-06-30''' END
							  -- the quantity measures: the unit, then the partner as the
							  -- commodity (columns: postgres_fdw ships a text argument
							  -- whose collation comes from a foreign column)
							  WHEN 'text'::regtype THEN CASE WHEN a.o = 2 THEN 'unit' ELSE 'partner' END
							  -- cr's n
							  WHEN 'integer'::regtype THEN '3'
						  END, ', ' ORDER BY a.o)
		FROM unnest(p.proargtypes) WITH ORDINALITY AS u(t, n),
			 LATERAL (SELECT u.t, u.n - 1 AS o) a) AS args
FROM pg_proc p
JOIN pg_aggregate g ON g.aggfnoid = p.oid
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'trade_stats';

-- Summaries per partner, flow and month: growth summaries and sum states.
CREATE TABLE summ_single AS
SELECT partner, flow, period AS month,
	   growth_summary(amt, part, period) AS s,
	   rollup(currency_amount_sum_accum(NULL, amt)) AS st
FROM customs_single GROUP BY partner, flow, period;

-- aggregate(args) grouped by g over the table it reads (customs or summ).
CREATE FUNCTION agg_query(c aggregate_call, g text, tab text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT format('SELECT %s%s(%s)::text AS r FROM %s%s',
				  CASE WHEN g = '' THEN '' ELSE g || ', ' END, c.name, c.args,
				  CASE WHEN c.args ~ '^st?$' THEN 'summ' ELSE 'customs' END || tab,
				  CASE WHEN g = '' THEN '' ELSE ' GROUP BY ' || g END)
$$;

-- The rows of a and b, as multisets, are equal.
CREATE FUNCTION same_rows(a text, b text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	EXECUTE format('SELECT count(*) FROM ((%s EXCEPT ALL %s) UNION ALL (%s EXCEPT ALL %s)) x',
				   a, b, b, a) INTO n;
	RETURN n = 0;
END
$$;
