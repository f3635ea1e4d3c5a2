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

\echo '== Mistakes are errors, never silent'
\set ON_ERROR_STOP off
SELECT '¥5'::currency_amount;
SELECT '5 USD'::currency_amount + '5 EUR';
SELECT '1.234 USD'::currency_amount;
