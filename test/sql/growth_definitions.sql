--
-- Randomized data against an independent plain-SQL formulation of each
-- measure's definition, for every value type.  Gaps, NULL values and parts,
-- zeros, negative values, leap days, several years and partners.
--

SELECT setseed(0.7);
CREATE TABLE r (partner int, period date, v numeric, part boolean);
INSERT INTO r
	SELECT p, d::date,
		   CASE WHEN random() < 0.08 THEN NULL
				WHEN random() < 0.08 THEN 0
				ELSE round((random() * 2000 - 600)::numeric, 2) END,
		   CASE WHEN random() < 0.1 THEN NULL ELSE random() < 0.4 END
	FROM generate_series(1, 8) p,
		 generate_series(date '2016-01-01', date '2021-12-01', interval '1 month') d,
		 generate_series(1, 3) k
	WHERE random() > 0.3;
-- daily rows around leap days, and periods that end a group on one
INSERT INTO r
	SELECT p, d, round((random() * 100)::numeric, 2), random() < 0.5
	FROM generate_series(1, 8) p,
		 unnest(ARRAY[date '2016-02-29', '2017-02-28', '2017-03-01', '2019-02-28',
					  '2019-03-01', '2020-02-29']) d
	WHERE random() > 0.3;
-- a partner with a zero base, one without a base year, one of NULLs only
INSERT INTO r VALUES (9, '2020-03-01', 5, true), (9, '2020-04-01', -5, false),
	(9, '2021-04-01', 10, true), (10, '2021-05-01', 7, true), (11, '2021-05-01', NULL, true);

-- The measures per partner, defined in plain SQL from the README's definitions.
CREATE TEMP VIEW oracle AS
WITH last AS (
	SELECT partner, max(period) FILTER (WHERE v IS NOT NULL) AS p FROM r GROUP BY partner
), w AS (
	SELECT l.partner, l.p,
		   c.total AS cur_total, c.part AS cur_part, c.n AS cur_n,
		   b.total AS base_total, b.part AS base_part, b.n AS base_n,
		   m.total AS month_total, pm.total AS prev_month_total, pm.n AS prev_month_n,
		   a.total AS all_total, a.part AS all_part
	FROM last l
	CROSS JOIN LATERAL (SELECT coalesce(sum(v), 0) AS total,
							   coalesce(sum(v) FILTER (WHERE part), 0) AS part, count(v) AS n
						FROM r WHERE r.partner = l.partner
						  AND period BETWEEN date_trunc('year', l.p)::date AND l.p) c
	CROSS JOIN LATERAL (SELECT coalesce(sum(v), 0) AS total,
							   coalesce(sum(v) FILTER (WHERE part), 0) AS part, count(v) AS n
						FROM r WHERE r.partner = l.partner
						  AND period BETWEEN (date_trunc('year', l.p) - interval '1 year')::date
										 AND (l.p - interval '1 year')::date) b
	CROSS JOIN LATERAL (SELECT coalesce(sum(v), 0) AS total FROM r
						WHERE r.partner = l.partner
						  AND date_trunc('month', period) = date_trunc('month', l.p)) m
	CROSS JOIN LATERAL (SELECT coalesce(sum(v), 0) AS total, count(v) AS n FROM r
						WHERE r.partner = l.partner
						  AND date_trunc('month', period) = date_trunc('month', l.p) - interval '1 month') pm
	CROSS JOIN LATERAL (SELECT sum(v) AS total, coalesce(sum(v) FILTER (WHERE part), 0) AS part
						FROM r WHERE r.partner = l.partner) a
)
SELECT partner,
	   CASE WHEN base_n = 0 OR base_total = 0 THEN NULL
			ELSE 100 * (cur_total - base_total) / abs(base_total) END AS yoy_growth,
	   CASE WHEN prev_month_n = 0 OR prev_month_total = 0 THEN NULL
			ELSE 100 * (month_total - prev_month_total) / abs(prev_month_total) END AS mom_growth,
	   CASE WHEN all_total = 0 THEN NULL ELSE 100 * all_part / all_total END AS share,
	   CASE WHEN cur_total = 0 OR base_n = 0 OR base_total = 0 THEN NULL
			ELSE 100 * cur_part / cur_total - 100 * base_part / base_total END AS share_change,
	   CASE WHEN base_n = 0 OR base_total = 0 THEN NULL
			ELSE 100 * (cur_part - base_part) / abs(base_total) END AS growth_contribution
FROM w;

-- The aggregates, per value type; v is cast as each type would hold it.
CREATE FUNCTION pg_temp.measures(cast_to text)
RETURNS TABLE (partner int, yoy_growth numeric, mom_growth numeric, share numeric,
			   share_change numeric, growth_contribution numeric)
LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format($q$
		SELECT partner, yoy_growth(x, period), mom_growth(x, period), share(x, part),
			   share_change(x, part, period), growth_contribution(x, part, period)
		FROM (SELECT partner, period, part, %s AS x FROM r) s GROUP BY partner$q$, cast_to);
END
$$;

-- Agreement within 1e-9 percentage points (the oracle divides with other
-- precision), NULL exactly where the oracle is NULL.
CREATE FUNCTION pg_temp.same(a numeric, b numeric) RETURNS boolean
LANGUAGE sql AS $$ SELECT (a IS NULL AND b IS NULL) OR abs(a - b) < 1e-9 $$;

SELECT count(*) AS rows, count(v) AS with_value, count(*) FILTER (WHERE v = 0) AS zeros,
	   count(*) FILTER (WHERE v < 0) AS negative, count(*) FILTER (WHERE part IS NULL) AS null_part
FROM r;
SELECT count(*) FILTER (WHERE yoy_growth IS NULL) AS yoy_null,
	   count(*) FILTER (WHERE mom_growth IS NULL) AS mom_null,
	   count(*) FILTER (WHERE share_change IS NULL) AS share_change_null,
	   count(*) AS partners
FROM oracle;

SELECT t.cast_to, count(*) AS partners,
	   count(*) FILTER (WHERE pg_temp.same(m.yoy_growth, o.yoy_growth)) AS yoy_growth,
	   count(*) FILTER (WHERE pg_temp.same(m.mom_growth, o.mom_growth)) AS mom_growth,
	   count(*) FILTER (WHERE pg_temp.same(m.share, o.share)) AS share,
	   count(*) FILTER (WHERE pg_temp.same(m.share_change, o.share_change)) AS share_change,
	   count(*) FILTER (WHERE pg_temp.same(m.growth_contribution, o.growth_contribution)) AS growth_contribution
FROM (VALUES ('v'), ('currency_amount(v, ''USD'')'), ('(v * 100)::bigint'), ('v::float8')) t(cast_to)
CROSS JOIN LATERAL pg_temp.measures(t.cast_to) m
JOIN oracle o USING (partner)
GROUP BY t.cast_to ORDER BY t.cast_to;

-- yoy_growth with as_of dates, leap day included.
SELECT a.as_of, count(*) AS partners,
	   count(*) FILTER (WHERE pg_temp.same(m.g, o.g)) AS agree
FROM (VALUES (date '2021-06-15'), ('2020-02-29'), ('2019-02-28'), ('2017-01-01')) a(as_of)
CROSS JOIN LATERAL (
	SELECT partner, yoy_growth(v, period, a.as_of) AS g FROM r GROUP BY partner) m
JOIN LATERAL (
	SELECT p.partner,
		   CASE WHEN count(v) FILTER (WHERE period BETWEEN (date_trunc('year', a.as_of) - interval '1 year')::date
											   AND (a.as_of - interval '1 year')::date) = 0
					 OR coalesce(sum(v) FILTER (WHERE period BETWEEN (date_trunc('year', a.as_of) - interval '1 year')::date
											  AND (a.as_of - interval '1 year')::date), 0) = 0
				THEN NULL
				ELSE 100 * (coalesce(sum(v) FILTER (WHERE period BETWEEN date_trunc('year', a.as_of)::date AND a.as_of), 0)
							- sum(v) FILTER (WHERE period BETWEEN (date_trunc('year', a.as_of) - interval '1 year')::date
											   AND (a.as_of - interval '1 year')::date))
					 / abs(sum(v) FILTER (WHERE period BETWEEN (date_trunc('year', a.as_of) - interval '1 year')::date
											AND (a.as_of - interval '1 year')::date)) END AS g
	FROM (SELECT DISTINCT partner FROM r) p LEFT JOIN r USING (partner) GROUP BY p.partner) o
	ON o.partner = m.partner
GROUP BY a.as_of ORDER BY a.as_of;

-- Contributions of a partition (part true / false / NULL) add up to the
-- whole's growth.
SELECT count(*) AS partners,
	   count(*) FILTER (WHERE pg_temp.same(round(c_true + c_rest, 9), round(g, 9))) AS add_up
FROM (SELECT partner, yoy_growth(v, period) AS g,
			 growth_contribution(v, part, period) AS c_true,
			 growth_contribution(v, part IS NOT TRUE, period) AS c_rest
	  FROM r GROUP BY partner) x
WHERE g IS NOT NULL;

-- Window functions against self-joins, on monthly sums (one row per period).
CREATE TABLE g AS SELECT partner, period, sum(v) AS s FROM r GROUP BY partner, period;
CREATE TEMP VIEW window_oracle AS
SELECT g.partner, g.period, g.s,
	   CASE WHEN g.s IS NULL OR y.s IS NULL OR y.s = 0 THEN NULL
			ELSE 100 * (g.s - y.s) / abs(y.s) END AS yoy,
	   CASE WHEN g.s IS NULL OR m.s IS NULL OR m.s = 0 THEN NULL
			ELSE 100 * (g.s - m.s) / abs(m.s) END AS mom,
	   CASE WHEN g.s IS NULL THEN NULL ELSE y.s END AS prior_year,
	   CASE WHEN g.s IS NULL THEN NULL
			WHEN extract(month FROM g.period) = 1 THEN g.s
			ELSE g.s - m.s END AS monthly_from_ytd,
	   CASE WHEN g.s IS NULL OR t.total IS NULL OR t.total = 0 THEN NULL
			ELSE 100 * g.s / t.total END AS share_of_total
FROM g
LEFT JOIN g y ON y.partner = g.partner AND y.period = (g.period - interval '1 year')::date
LEFT JOIN g m ON m.partner = g.partner AND m.period = (g.period - interval '1 month')::date
JOIN (SELECT partner, sum(s) AS total FROM g GROUP BY partner) t ON t.partner = g.partner;

-- The window functions per value type; values come back as numeric
-- ('back' turns the type's value into the oracle's units).
CREATE FUNCTION pg_temp.window_measures(cast_to text, back text)
RETURNS TABLE (partner int, period date, yoy numeric, mom numeric, prior_year numeric,
			   monthly_from_ytd numeric, share_of_total numeric)
LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format($q$
		SELECT partner, period, yoy(x, period) OVER w, mom(x, period) OVER w,
			   (prior_year(x, period) OVER w)%2$s, (monthly_from_ytd(x, period) OVER w)%2$s,
			   share_of_total(x) OVER w
		FROM (SELECT partner, period, %1$s AS x FROM g) s
		WINDOW w AS (PARTITION BY partner)$q$, cast_to, back);
END
$$;

SELECT t.cast_to, count(*) AS rows,
	   count(*) FILTER (WHERE pg_temp.same(w.yoy, o.yoy)) AS yoy,
	   count(*) FILTER (WHERE pg_temp.same(w.mom, o.mom)) AS mom,
	   count(*) FILTER (WHERE pg_temp.same(w.prior_year, o.prior_year)) AS prior_year,
	   count(*) FILTER (WHERE pg_temp.same(w.monthly_from_ytd, o.monthly_from_ytd)) AS monthly_from_ytd,
	   count(*) FILTER (WHERE pg_temp.same(w.share_of_total, o.share_of_total)) AS share_of_total
FROM (VALUES ('s', 's'), ('currency_amount(s, ''USD'')', '::numeric'), ('(s * 100)::bigint', '/ 100.0'),
			 ('s::float8', '::numeric')) t(cast_to, back)
CROSS JOIN LATERAL (SELECT * FROM pg_temp.window_measures(t.cast_to, t.back)) w
JOIN window_oracle o USING (partner, period)
GROUP BY t.cast_to ORDER BY t.cast_to;
SELECT count(*) FILTER (WHERE yoy IS NOT NULL) AS yoy_values, count(*) FILTER (WHERE mom IS NOT NULL) AS mom_values,
	   count(*) FILTER (WHERE monthly_from_ytd IS NULL) AS ytd_nulls, count(*) AS rows
FROM window_oracle;

-- Fiscal years, as_of everywhere: the same-period windows of years from
-- month ys, in plain SQL, against the aggregates and the accessors.
CREATE FUNCTION pg_temp.fy_start(d date, ys int) RETURNS date
LANGUAGE sql AS $$
	SELECT make_date(extract(year FROM d)::int - (extract(month FROM d) < ys)::int, ys, 1) $$;
CREATE TEMP VIEW fiscal_oracle AS
SELECT c.ys, c.as_of, p.partner,
	   CASE WHEN b.n = 0 OR b.total = 0 THEN NULL
			ELSE 100 * (cw.total - b.total) / abs(b.total) END AS yoy,
	   CASE WHEN cw.total = 0 OR b.n = 0 OR b.total = 0 THEN NULL
			ELSE 100 * cw.part / cw.total - 100 * b.part / b.total END AS share_change,
	   CASE WHEN b.n = 0 OR b.total = 0 THEN NULL
			ELSE 100 * (cw.part - b.part) / abs(b.total) END AS contribution
FROM (VALUES (4), (7), (1)) y(ys)
CROSS JOIN (VALUES (date '2021-03-31'), ('2020-02-29'), ('2019-04-01'), ('2021-07-01'),
				   ('2017-06-30'), ('2020-03-01')) a(as_of)
CROSS JOIN LATERAL (SELECT y.ys, a.as_of) c
CROSS JOIN (SELECT DISTINCT partner FROM r) p
CROSS JOIN LATERAL (SELECT coalesce(sum(v), 0) AS total, coalesce(sum(v) FILTER (WHERE part), 0) AS part
					FROM r WHERE r.partner = p.partner
					  AND period BETWEEN pg_temp.fy_start(c.as_of, c.ys) AND c.as_of) cw
CROSS JOIN LATERAL (SELECT coalesce(sum(v), 0) AS total, coalesce(sum(v) FILTER (WHERE part), 0) AS part,
						   count(v) AS n
					FROM r WHERE r.partner = p.partner
					  AND period BETWEEN pg_temp.fy_start((c.as_of - interval '1 year')::date, c.ys)
									 AND (c.as_of - interval '1 year')::date) b;
SELECT o.ys, count(*) AS cases,
	   count(*) FILTER (WHERE o.yoy IS NOT NULL) AS yoy_values,
	   count(*) FILTER (WHERE pg_temp.same(m.yoy, o.yoy)) AS yoy,
	   count(*) FILTER (WHERE pg_temp.same(m.share_change, o.share_change)) AS share_change,
	   count(*) FILTER (WHERE pg_temp.same(m.contribution, o.contribution)) AS contribution,
	   count(*) FILTER (WHERE pg_temp.same(m.s_yoy, o.yoy) AND pg_temp.same(m.s_share_change, o.share_change)
							AND pg_temp.same(m.s_contribution, o.contribution)) AS accessors
FROM fiscal_oracle o
JOIN LATERAL (
	SELECT yoy_growth(v, period, o.as_of, o.ys) AS yoy,
		   share_change(v, part, period, o.as_of, o.ys) AS share_change,
		   growth_contribution(v, part, period, o.as_of, o.ys) AS contribution,
		   yoy_growth(growth_summary(v, part, period), o.as_of, o.ys) AS s_yoy,
		   share_change(growth_summary(v, part, period), o.as_of, o.ys) AS s_share_change,
		   growth_contribution(growth_summary(v, part, period), o.as_of, o.ys) AS s_contribution
	FROM r WHERE r.partner = o.partner) m ON true
GROUP BY o.ys ORDER BY o.ys;
-- mom_growth with as_of: the month of as_of to as_of against the month before
SELECT count(*) AS cases, count(o.g) AS values,
	   count(*) FILTER (WHERE pg_temp.same(m.g, o.g) AND pg_temp.same(m.s, o.g)) AS agree
FROM (VALUES (date '2021-03-15'), ('2020-02-29'), ('2020-03-01'), ('2018-01-31')) a(as_of)
CROSS JOIN (SELECT DISTINCT partner FROM r) p
CROSS JOIN LATERAL (
	SELECT CASE WHEN count(v) FILTER (WHERE date_trunc('month', period) = date_trunc('month', a.as_of) - interval '1 month') = 0
					 OR coalesce(sum(v) FILTER (WHERE date_trunc('month', period) = date_trunc('month', a.as_of) - interval '1 month'), 0) = 0
				THEN NULL
				ELSE 100 * (coalesce(sum(v) FILTER (WHERE period BETWEEN date_trunc('month', a.as_of)::date AND a.as_of), 0)
							- sum(v) FILTER (WHERE date_trunc('month', period) = date_trunc('month', a.as_of) - interval '1 month'))
					 / abs(sum(v) FILTER (WHERE date_trunc('month', period) = date_trunc('month', a.as_of) - interval '1 month')) END AS g
	FROM r WHERE r.partner = p.partner) o
CROSS JOIN LATERAL (
	SELECT mom_growth(v, period, a.as_of) AS g, mom_growth(growth_summary(v, period), a.as_of) AS s
	FROM r WHERE r.partner = p.partner) m;

-- Rolling windows of calendar months against self-joins on the monthly
-- sums (gaps, NULL sums, leap days): the window to P runs from the first
-- of the month months - 1 months before P's to P.
CREATE TEMP VIEW rolling_oracle AS
SELECT k.months, g.partner, g.period,
	   CASE WHEN g.s IS NULL THEN NULL ELSE c.total END AS rolling_sum,
	   CASE WHEN g.s IS NULL OR b.n = 0 OR b.total = 0 THEN NULL
			ELSE 100 * (c.total - b.total) / abs(b.total) END AS rolling_yoy
FROM (VALUES (12), (3), (1)) k(months)
CROSS JOIN g
CROSS JOIN LATERAL (SELECT sum(s) AS total FROM g g2
					WHERE g2.partner = g.partner
					  AND g2.period BETWEEN (date_trunc('month', g.period) - (k.months - 1) * interval '1 month')::date
										AND g.period) c
CROSS JOIN LATERAL (SELECT coalesce(sum(s), 0) AS total, count(s) AS n FROM g g2
					WHERE g2.partner = g.partner
					  AND g2.period BETWEEN (date_trunc('month', g.period - interval '1 year')
											 - (k.months - 1) * interval '1 month')::date
										AND (g.period - interval '1 year')::date) b;
CREATE FUNCTION pg_temp.rolling_measures(cast_to text, back text, months int)
RETURNS TABLE (partner int, period date, rolling_sum numeric, rolling_yoy numeric)
LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE format($q$
		SELECT partner, period, (rolling_sum(x, period, %3$s) OVER w)%2$s,
			   rolling_yoy(x, period, %3$s) OVER w
		FROM (SELECT partner, period, %1$s AS x FROM g) s
		WINDOW w AS (PARTITION BY partner)$q$, cast_to, back, months);
END
$$;
SELECT o.months, t.cast_to, count(*) AS rows, count(o.rolling_yoy) AS yoy_values,
	   count(*) FILTER (WHERE pg_temp.same(w.rolling_sum, o.rolling_sum)) AS rolling_sum,
	   count(*) FILTER (WHERE pg_temp.same(w.rolling_yoy, o.rolling_yoy)) AS rolling_yoy
FROM (VALUES ('s', ''), ('currency_amount(s, ''USD'')', '::numeric'), ('(s * 100)::bigint', '/ 100.0')) t(cast_to, back)
CROSS JOIN (VALUES (12), (3), (1)) k(months)
CROSS JOIN LATERAL pg_temp.rolling_measures(t.cast_to, t.back, k.months) w
JOIN rolling_oracle o ON o.months = k.months AND o.partner = w.partner AND o.period = w.period
GROUP BY o.months, t.cast_to ORDER BY o.months DESC, t.cast_to;
-- and from summaries: rolling_total and rolling_yoy as of dates in gaps,
-- on leap days and at month ends
SELECT count(*) AS cases, count(o.total) AS totals, count(o.yoy) AS yoys,
	   count(*) FILTER (WHERE pg_temp.same(m.total, o.total) AND pg_temp.same(m.yoy, o.yoy)) AS agree
FROM (VALUES (date '2021-03-31'), ('2020-02-29'), ('2019-06-15'), ('2017-01-01')) a(as_of)
CROSS JOIN (VALUES (12), (3), (1)) k(months)
CROSS JOIN (SELECT DISTINCT partner FROM r) p
CROSS JOIN LATERAL (
	SELECT sum(v) FILTER (WHERE period BETWEEN (date_trunc('month', a.as_of) - (k.months - 1) * interval '1 month')::date
								 AND a.as_of) AS total,
		   CASE WHEN count(v) FILTER (WHERE period BETWEEN (date_trunc('month', a.as_of - interval '1 year')
														  - (k.months - 1) * interval '1 month')::date
												AND (a.as_of - interval '1 year')::date) = 0
					 OR coalesce(sum(v) FILTER (WHERE period BETWEEN (date_trunc('month', a.as_of - interval '1 year')
															 - (k.months - 1) * interval '1 month')::date
												   AND (a.as_of - interval '1 year')::date), 0) = 0
				THEN NULL
				ELSE 100 * (coalesce(sum(v) FILTER (WHERE period BETWEEN (date_trunc('month', a.as_of) - (k.months - 1) * interval '1 month')::date
																AND a.as_of), 0)
							- sum(v) FILTER (WHERE period BETWEEN (date_trunc('month', a.as_of - interval '1 year')
															  - (k.months - 1) * interval '1 month')::date
											 AND (a.as_of - interval '1 year')::date))
					 / abs(sum(v) FILTER (WHERE period BETWEEN (date_trunc('month', a.as_of - interval '1 year')
														   - (k.months - 1) * interval '1 month')::date
										  AND (a.as_of - interval '1 year')::date)) END AS yoy
	FROM r WHERE r.partner = p.partner) o
CROSS JOIN LATERAL (
	SELECT rolling_total(growth_summary(v, period), k.months, a.as_of) AS total,
		   rolling_yoy(growth_summary(v, period), k.months, a.as_of) AS yoy
	FROM r WHERE r.partner = p.partner) m;
