-- Shared by the benchmarks of summaries (included with \ir): the four
-- dashboard queries, each from the rows of "customs" and from the summary
-- table "customs_summary" grouped by (partner, flow, month), in the temp
-- table dashboard(i, what, raw, summ).
CREATE TEMP TABLE dashboard (i int, what text, raw text, summ text);
INSERT INTO dashboard VALUES
	(1, 'Q1 yoy per partner',
	 'SELECT partner, yoy_growth(value, period) FROM customs GROUP BY partner',
	 'SELECT partner, yoy_growth(rollup(summary)) FROM customs_summary GROUP BY partner'),
	(2, 'Q2 share per partner',
	 'SELECT partner, share_of_total(sum(value)) OVER () FROM customs GROUP BY partner',
	 'SELECT partner, share_of_total(total(rollup(summary))) OVER () FROM customs_summary GROUP BY partner'),
	(3, 'Q3 monthly yoy series',
	 $q$SELECT partner, period, yoy(s, period) OVER (PARTITION BY partner)
	   FROM (SELECT partner, period, sum(value) AS s FROM customs GROUP BY partner, period) g$q$,
	 $q$SELECT g.partner, e.period, e.yoy
	   FROM (SELECT partner, rollup(summary) AS s FROM customs_summary GROUP BY partner) g,
			growth_series(g.s) e$q$),
	(4, 'Q4 top 10 and others',
	 $q$SELECT CASE WHEN rk <= 10 THEN partner::text ELSE 'others' END, sum(v)
	   FROM (SELECT partner, v, row_number() OVER (ORDER BY v DESC, partner) AS rk
			 FROM (SELECT partner, sum(value)::numeric AS v FROM customs GROUP BY partner) t) r
	   GROUP BY 1$q$,
	 $q$SELECT CASE WHEN rk <= 10 THEN partner::text ELSE 'others' END, sum(v)
	   FROM (SELECT partner, v, row_number() OVER (ORDER BY v DESC, partner) AS rk
			 FROM (SELECT partner, total(rollup(summary)) AS v FROM customs_summary GROUP BY partner) t) r
	   GROUP BY 1$q$);
