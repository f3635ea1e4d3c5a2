-- The monthly customs report, from demo.customs (test/demo/customs.sql):
-- year-to-date totals in yuan and in US dollars, same-period growth,
-- month-on-month, shares, changes of shares, contributions to growth,
-- exports, imports and the balance, in English and Chinese.

-- The report's month is the latest in the table.
SELECT max(period) AS as_of, date_trunc('year', max(period))::date AS year_start,
	   to_char(max(period), 'FMMonth YYYY') AS month_name,
	   extract(month FROM max(period)) AS months
FROM demo.customs \gset

\echo
\echo '== Amounts as reports print them, stored exactly'
SELECT input, input::currency_amount AS stored
FROM (VALUES ('8.45 trillion yuan'), ('7204.9亿元'), ('US$ 40.55 billion'),
			 ('1.29 trillion U.S. dollars'), ('16.03亿美元')) AS t(input);

-- 'up 1.2%' / '增长1.2%', as reports word a growth rate.
CREATE FUNCTION demo.trend(pct numeric, lang text DEFAULT 'en') RETURNS text
LANGUAGE sql IMMUTABLE RETURN
	CASE WHEN lang = 'zh' THEN CASE WHEN pct < 0 THEN '下降' ELSE '增长' END
		 ELSE CASE WHEN pct < 0 THEN 'down ' ELSE 'up ' END END
	|| abs(round(pct, 1)) || '%';

\echo '== The headline, as the customs office writes it'
SELECT format('January-%s: trade %s (%s), %s year-on-year; exports %s, %s; imports %s, %s; surplus %s.',
			  :'month_name', humanize(total, 'en', 1), humanize(total_usd, 'en', 1),
			  demo.trend(total_yoy), humanize(ex, 'en', 1), demo.trend(ex_yoy),
			  humanize(im, 'en', 1), demo.trend(im_yoy), humanize(ex - im, 'en', 1)) AS english,
	   format('前%s个月，货物贸易进出口总值%s，同比%s。其中，出口%s，%s；进口%s，%s；贸易顺差%s。',
			  :months, humanize(total, 'zh'), demo.trend(total_yoy, 'zh'),
			  humanize(ex, 'zh'), demo.trend(ex_yoy, 'zh'),
			  humanize(im, 'zh'), demo.trend(im_yoy, 'zh'), humanize(ex - im, 'zh')) AS chinese
FROM (SELECT sum(value) FILTER (WHERE period >= :'year_start') AS total,
			 sum(to_usd(value, period)) FILTER (WHERE period >= :'year_start') AS total_usd,
			 sum(value) FILTER (WHERE period >= :'year_start' AND flow = 'export') AS ex,
			 sum(value) FILTER (WHERE period >= :'year_start' AND flow = 'import') AS im,
			 yoy_growth(value, period) AS total_yoy,
			 yoy_growth(value, period) FILTER (WHERE flow = 'export') AS ex_yoy,
			 yoy_growth(value, period) FILTER (WHERE flow = 'import') AS im_yoy
	  FROM demo.customs) t
\gx

\echo '== Year to date in yuan and in US dollars (each month at its own rate)'
SELECT coalesce(flow, 'total') AS flow,
	   humanize(sum(value) FILTER (WHERE period >= :'year_start')) AS yuan,
	   humanize(sum(value) FILTER (WHERE period >= :'year_start'), 'zh') AS "人民币",
	   humanize(sum(to_usd(value, period)) FILTER (WHERE period >= :'year_start')) AS us_dollars,
	   round(yoy_growth(value, period), 1) AS yoy_pct,
	   round(yoy_growth(to_usd(value, period), period), 1) AS yoy_usd_pct
FROM demo.customs GROUP BY ROLLUP (flow) ORDER BY grouping(flow), flow;

\echo '== US dollars from the yuan summary: each month''s sum converted once, or each row'
SELECT count(*) AS rows, count(DISTINCT period) AS months,
	   total_amount(to_usd(growth_summary(value, period), 'month')) AS summary_converted,
	   sum(to_usd(value, period, 'month')) AS rows_converted,
	   sum(to_usd(value, period, 'month'))
		 - total_amount(to_usd(growth_summary(value, period), 'month')) AS difference,
	   round(yoy_growth(to_usd(growth_summary(value, period), 'month')), 1) AS yoy_usd_pct
FROM demo.customs;

\echo '== The balance: exports minus imports'
SELECT humanize(ex - im) AS balance, humanize(ex - im, 'zh') AS "贸易顺差",
	   humanize(ex_before - im_before) AS a_year_before,
	   round(pct_change(ex - im, ex_before - im_before), 1) AS change_pct
FROM (SELECT sum(value) FILTER (WHERE flow = 'export' AND period BETWEEN :'year_start' AND :'as_of') AS ex,
			 sum(value) FILTER (WHERE flow = 'import' AND period BETWEEN :'year_start' AND :'as_of') AS im,
			 sum(value) FILTER (WHERE flow = 'export' AND period BETWEEN (:'year_start'::date - interval '1 year') AND (:'as_of'::date - interval '1 year')) AS ex_before,
			 sum(value) FILTER (WHERE flow = 'import' AND period BETWEEN (:'year_start'::date - interval '1 year') AND (:'as_of'::date - interval '1 year')) AS im_before
	  FROM demo.customs) t;

\echo '== The latest month alone: year-on-year and month-on-month'
SELECT flow, humanize(sum(value) FILTER (WHERE period = :'as_of')) AS value,
	   round(pct_change(sum(value) FILTER (WHERE period = :'as_of'),
						sum(value) FILTER (WHERE period = (:'as_of'::date - interval '1 year'))), 1) AS yoy_pct,
	   round(mom_growth(value, period), 1) AS mom_pct
FROM demo.customs GROUP BY flow ORDER BY flow;

\echo '== Monthly series: the window functions yoy() and mom()'
SELECT * FROM (
SELECT period, humanize(ex, 'zh') AS exports, round(yoy(ex, period) OVER w, 1) AS ex_yoy,
	   round(mom(ex, period) OVER w, 1) AS ex_mom,
	   humanize(im, 'zh') AS imports, round(yoy(im, period) OVER w, 1) AS im_yoy,
	   humanize(ex - im, 'zh') AS balance
FROM (SELECT period, sum(value) FILTER (WHERE flow = 'export') AS ex,
			 sum(value) FILTER (WHERE flow = 'import') AS im
	  FROM demo.customs GROUP BY period) m
WINDOW w AS ()
ORDER BY period DESC LIMIT 13) s
ORDER BY period;

\echo '== Exports by partner: share, change of share, contribution to growth'
SELECT p.name AS partner, p.name_zh AS "国家(地区)",
	   humanize(sum(value) FILTER (WHERE c.partner = p.name AND period >= :'year_start'), 'en', 1) AS ytd,
	   round(yoy_growth(value, period) FILTER (WHERE c.partner = p.name), 1) AS yoy_pct,
	   round(share(value, c.partner = p.name) FILTER (WHERE period >= :'year_start'), 1) AS share_pct,
	   round(share_change(value, c.partner = p.name, period), 2) AS share_pp,
	   round(growth_contribution(value, c.partner = p.name, period), 2) AS contribution_pp
FROM demo.customs c CROSS JOIN demo.partner p
WHERE c.flow = 'export'
GROUP BY p.id, p.name, p.name_zh
ORDER BY sum(value) FILTER (WHERE c.partner = p.name AND period >= :'year_start') DESC;

\echo '== The contributions add up to the growth of the whole'
SELECT round(sum(contribution), 6) AS sum_of_contributions, round(total, 6) AS export_growth
FROM (SELECT growth_contribution(value, c.partner = p.name, period) AS contribution
	  FROM demo.customs c CROSS JOIN demo.partner p WHERE c.flow = 'export' GROUP BY p.id) t,
	 (SELECT yoy_growth(value, period) AS total FROM demo.customs WHERE flow = 'export') w
GROUP BY total;

\echo '== The five largest export partners and the other named ones, and how concentrated they are'
SELECT t.rank, t.label AS partner, humanize(t.value, 'en', 1) AS ytd, t.parts
FROM (SELECT array_agg(partner ORDER BY partner) AS names, array_agg(v ORDER BY partner) AS vals
	  FROM (SELECT partner, sum(value) AS v FROM demo.customs
			WHERE flow = 'export' AND period >= :'year_start' AND partner <> 'Rest of the world'
			GROUP BY partner) g) x,
	 top_n(x.names, x.vals, 5) t;
SELECT round(hhi(v), 1) AS hhi, round(cr(v, 5), 1) AS cr5_pct
FROM (SELECT partner, sum(value) AS v FROM demo.customs
	  WHERE flow = 'export' AND period >= :'year_start' AND partner <> 'Rest of the world'
	  GROUP BY partner) g;

\echo '== Exports in a fiscal year from April (as Japan counts), against the calendar year'
SELECT format_pct(yoy_growth(value, period, :'as_of', 4)) AS fiscal_year_to_date,
	   format_pct(yoy_growth(value, period, :'as_of')) AS calendar_year_to_date,
	   format_pct(yoy_growth(value, period, :'as_of', 4), 'zh') AS "财年累计"
FROM demo.customs WHERE flow = 'export';

\echo '== Trade (exports and imports) by bloc: share of the total'
SELECT bloc, humanize(v, 'en', 1) AS ytd, humanize(v, 'zh') AS "人民币",
	   round(share_of_total(v) OVER (), 1) AS share_pct,
	   round(yoy, 1) AS yoy_pct
FROM (SELECT p.bloc, sum(value) FILTER (WHERE period >= :'year_start') AS v,
			 yoy_growth(value, period) AS yoy
	  FROM demo.customs c JOIN demo.partner p ON p.name = c.partner
	  GROUP BY p.bloc) b
ORDER BY v DESC;

\echo '== Imports by commodity'
SELECT k.name AS commodity, k.name_zh AS "商品",
	   humanize(sum(value) FILTER (WHERE c.commodity = k.name AND period >= :'year_start'), 'en', 1) AS ytd,
	   round(yoy_growth(value, period) FILTER (WHERE c.commodity = k.name), 1) AS yoy_pct,
	   round(share(value, c.commodity = k.name) FILTER (WHERE period >= :'year_start'), 1) AS share_pct,
	   round(share_change(value, c.commodity = k.name, period), 2) AS share_pp,
	   round(growth_contribution(value, c.commodity = k.name, period), 2) AS contribution_pp
FROM demo.customs c CROSS JOIN demo.commodity k
WHERE c.flow = 'import'
GROUP BY k.id, k.name, k.name_zh
ORDER BY sum(value) FILTER (WHERE c.commodity = k.name AND period >= :'year_start') DESC;

\echo '== Customs publishes year-to-date figures: back to months with monthly_from_ytd()'
SELECT period, humanize(ytd, 'zh') AS exports_ytd,
	   humanize(monthly_from_ytd(ytd, period) OVER (), 'zh') AS exports_month
FROM (SELECT period, sum(sum(value)) OVER (ORDER BY period) AS ytd
	  FROM demo.customs WHERE flow = 'export' AND period >= :'year_start'
	  GROUP BY period) y
ORDER BY period LIMIT 4;

\echo '== Mistakes are errors, never silent'
\set ON_ERROR_STOP off
SELECT '¥5'::currency_amount;
SELECT '5 USD'::currency_amount + '5 EUR';
SELECT '1.234 USD'::currency_amount;
SELECT to_usd('100 CNY', date '2019-06-30');
\set ON_ERROR_STOP on
