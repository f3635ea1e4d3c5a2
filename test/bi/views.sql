-- What the dashboard reads: a stored summary of the demo's customs table
-- (test/demo/customs.sql) per flow, partner and month, and three views on
-- it, shaped the way the README's "Using it from BI tools" advises: no raw
-- currency_amount column (amounts as numeric in hundred millions, labels
-- from humanize()), percentages as rounded numeric percent with a fraction
-- column beside them (*_ratio), Chinese labels.  The dashboard's source
-- queries select from these views and nothing else.

SELECT trade_stats.create_summary('demo.customs_summary', 'demo.customs',
                                  ARRAY['flow', 'partner'], 'value', 'period');

CREATE SCHEMA bi;

-- Each flow's monthly series: value, same-period growth on the month a
-- year before, month-on-month growth.
CREATE VIEW bi.flow_month AS
SELECT f.flow, f.flow_zh, g.period AS month,
       round(g.total / 1e8, 2)      AS value_cny_100m,
       round(g.yoy, 2)              AS yoy_percent,
       round(g.yoy / 100, 4)        AS yoy_ratio,
       round(g.mom, 2)              AS mom_percent
FROM (SELECT flow,
             CASE flow WHEN 'export' THEN '出口' ELSE '进口' END AS flow_zh,
             rollup(summary) AS summary
      FROM demo.customs_summary GROUP BY flow) f
     CROSS JOIN LATERAL growth_series(f.summary) g;

-- Each partner's share of its flow, month by month, unrounded (numeric
-- division's digits), so that a month's shares add up to 100 in the tool.
CREATE VIEW bi.partner_month AS
SELECT s.flow, s.month, p.name_zh AS partner_zh, s.partner,
       share(s.summary, w.summary) AS share_percent
FROM demo.customs_summary s
     JOIN (SELECT flow, month, rollup(summary) AS summary
           FROM demo.customs_summary GROUP BY flow, month) w USING (flow, month)
     JOIN demo.partner p ON p.name = s.partner;

-- Year to date by partner, as of the latest month: value in yuan and in US
-- dollars (each month at its own rate), a Chinese label, same-period
-- growth, share of the flow and its change on a year before in
-- percentage points.
CREATE VIEW bi.partner_ytd AS
WITH span AS (
    SELECT max(month) AS as_of, date_trunc('year', max(month))::date AS since
    FROM demo.customs_summary),
part AS (
    SELECT s.flow, s.partner, span.as_of,
           rollup(s.summary) AS summary,
           rollup(s.summary) FILTER (WHERE s.month BETWEEN span.since AND span.as_of) AS ytd,
           rollup(s.summary) FILTER (WHERE s.month BETWEEN (span.since - interval '1 year')::date
                                                       AND (span.as_of - interval '1 year')::date) AS ytd_before,
           sum(to_usd(total_amount(s.summary), s.month))
               FILTER (WHERE s.month BETWEEN span.since AND span.as_of) AS ytd_usd
    FROM demo.customs_summary s CROSS JOIN span
    GROUP BY s.flow, s.partner, span.as_of),
whole AS (
    SELECT flow, rollup(ytd) AS ytd, rollup(ytd_before) AS ytd_before
    FROM part GROUP BY flow)
SELECT part.flow,
       CASE part.flow WHEN 'export' THEN '出口' ELSE '进口' END AS flow_zh,
       p.name_zh AS partner_zh, part.partner, part.as_of,
       round(total(part.ytd) / 1e8, 2)                          AS ytd_cny_100m,
       round(part.ytd_usd::numeric / 1e8, 2)                    AS ytd_usd_100m,
       humanize(total_amount(part.ytd), 'zh')                   AS ytd_label_zh,
       round(yoy_growth(part.summary, part.as_of), 2)           AS yoy_percent,
       round(yoy_growth(part.summary, part.as_of) / 100, 4)     AS yoy_ratio,
       round(share(part.ytd, whole.ytd), 2)                     AS share_percent,
       round(share(part.ytd, whole.ytd) / 100, 4)               AS share_ratio,
       round(share(part.ytd, whole.ytd)
             - share(part.ytd_before, whole.ytd_before), 2)     AS share_change_pp
FROM part JOIN whole USING (flow) JOIN demo.partner p ON p.name = part.partner;
