-- trade_stats demo: amounts as customs reports write them.
\pset footer off
CREATE EXTENSION trade_stats;

\echo
\echo '== Amounts as reports print them, stored exactly'
SELECT input, input::currency_amount AS stored
FROM (VALUES ('8.45 trillion yuan'), ('1.29 trillion U.S. dollars'), ('7204.9亿元'),
			 ('16.03亿美元'), ('US$ 40.55 billion'), ('RMB 3.5 million')) AS t(input);

\echo '== Chongqing, January to November 2021: exports and imports'
CREATE TEMP TABLE chongqing (flow text, value currency_amount);
INSERT INTO chongqing VALUES ('exports', '463.11 billion yuan'), ('imports', '257.38 billion yuan');
SELECT sum(value) AS total,
	   humanize(sum(value)) AS english,
	   humanize(sum(value), 'zh') AS chinese,
	   humanize(sum(value) FILTER (WHERE flow = 'exports')
				- sum(value) FILTER (WHERE flow = 'imports')) AS balance,
	   round(100 * (sum(value) FILTER (WHERE flow = 'exports') / sum(value)), 1) AS export_share_pct
FROM chongqing;

\echo '== Exact arithmetic: rounding half away from zero to the minor unit'
SELECT '10.00 USD'::currency_amount / 3 AS third,
	   '8.45 trillion yuan'::currency_amount * 0.291 AS share,
	   '100 JPY'::currency_amount * 1.5 AS yen,
	   '1.234 KWD'::currency_amount::numeric AS kwd_numeric;

\echo '== Converted at the month''s rate (monthly rates as customs publishes them)'
INSERT INTO trade_stats.exchange_rate VALUES
	('USD', 'CNY', '2020-11-01', 6.6000), ('USD', 'CNY', '2021-11-01', 6.3900),
	('EUR', 'USD', '2021-11-01', 1.1400);
SELECT humanize(to_usd('720.49 billion yuan', '2021-11-30')) AS in_dollars,
	   humanize(convert('720.49 billion yuan', 'EUR', date '2021-11-30')) AS in_euros_via_usd;

\echo '== Year-on-year, shares, contributions (January-November, same period)'
CREATE TEMP TABLE customs (period date, flow text, partner text, value currency_amount);
INSERT INTO customs VALUES
	('2021-11-01', 'export', 'ASEAN', '80.00 billion yuan'), ('2021-11-01', 'import', 'ASEAN', '34.23 billion yuan'),
	('2021-11-01', 'export', 'other', '383.11 billion yuan'), ('2021-11-01', 'import', 'other', '223.15 billion yuan'),
	('2020-11-01', 'export', 'ASEAN', '70.00 billion yuan'), ('2020-11-01', 'import', 'ASEAN', '30.64 billion yuan'),
	('2020-11-01', 'export', 'other', '350.00 billion yuan'), ('2020-11-01', 'import', 'other', '200.00 billion yuan');
SELECT humanize(sum(value) FILTER (WHERE period = '2021-11-01')) AS total,
	   round(yoy_growth(value, period), 1) AS yoy_pct,
	   round(share(value, partner = 'ASEAN') FILTER (WHERE period = '2021-11-01'), 1) AS asean_share_pct,
	   round(share_change(value, partner = 'ASEAN', period), 2) AS asean_share_change_pp,
	   round(growth_contribution(value, partner = 'ASEAN', period), 2) AS asean_contribution_pp
FROM customs;
SELECT partner, period, humanize(s, 'zh') AS value, round(yoy(s, period) OVER (PARTITION BY partner), 1) AS yoy_pct
FROM (SELECT partner, period, sum(value) AS s FROM customs GROUP BY 1, 2) g ORDER BY 1, 2;

\echo '== Mistakes are errors, never silent'
\set ON_ERROR_STOP off
SELECT '¥5'::currency_amount;
SELECT '5 USD'::currency_amount + '5 EUR';
SELECT '1.234 USD'::currency_amount;
