--
-- currency_amount text input and output, accessors, casts, humanize
--
\i test/sql/helpers.psql

-- Every format the README's "Text input" lists, and more that reports print.
SELECT input, pg_temp.try_expr(format('%L::currency_amount', input)) AS parsed
FROM (VALUES
	('720490000000.00 CNY'),
	('CNY 720.49'),
	('-5 USD'),
	('USD 1,234.56'),
	('$2.52 billion'),
	('US$ 40.55 billion'),
	('1.29 trillion U.S. dollars'),
	('1.29 trillion US dollars'),
	('8.45 trillion yuan'),
	('16.03 billion yuan'),
	('RMB 3.5 million'),
	('8.45万亿元'),
	('7204.9亿元'),
	('16.03亿美元'),
	('12.5万元'),
	('人民币8.45万亿元'),
	('2.5k EUR'),
	('2.5m USD'),
	('2.5 bn USD'),
	('1.5 tn USD'),
	('3 thousand yuan'),
	('€5'),
	('£5'),
	('CN¥5'),
	('JP¥500'),
	('HK$ 5'),
	('5 euros'),
	('5 yen'),
	('5 won'),
	('$5 USD'),
	('usd 5'),
	('USD -5'),
	('-$5'),
	('.5 USD'),
	('100 JPY'),
	('1000000 KRW'),
	('1.234 KWD'),
	('1.2345 XAU'),
	('0.50000 USD'),
	('-0 USD'),
	('92233720368547758.07 USD'),
	('-92233720368547758.08 USD'),
	('9223372036854775807 JPY'),
	('5 mad'),
	('5 bam'),
	('5 tnd'),
	('5 million USD'),
	('3k USD')
) AS t(input);

-- Bad input: SQLSTATE and message naming the offending text.
SELECT input, pg_temp.try_expr(format('%L::currency_amount', input)) AS error
FROM (VALUES
	(''),
	('USD'),
	('12.5'),
	('12.5 million'),
	('12 XYZ'),
	('xyz 12'),
	('¥5'),
	('5 ￥'),
	('5 kr'),
	('1.234 USD'),
	('1.5 JPY'),
	('1.2345 KWD'),
	('92233720368547758.08 USD'),
	('-92233720368547758.09 USD'),
	('9223372036854775808 JPY'),
	('100000 trillion yuan'),
	('99999999999999999999999999 USD'),
	('USD 5 EUR'),
	('5 USD x'),
	('1,23 USD'),
	('1.2.3 USD'),
	('--5 USD'),
	('1e5 USD'),
	('NaN USD'),
	('Infinity USD'),
	('five USD'),
	('5 millionUSD'),
	('3kUSD'),
	('5 元 CNY')
) AS t(input);

-- A symbol shared by several currencies names one with a mark of one of
-- them beside it (a currency may be named twice if both name the same one):
-- ¥ with JPY, 円 or a yen name is JPY, with CNY or 元 CNY; £ with pounds is
-- GBP as $ with dollars is USD.  Beside a currency it does not stand for,
-- or alone, it is ambiguous.
SELECT input, pg_temp.try_expr(format('%L::currency_amount', input)) AS amount
FROM (VALUES
	('¥5 JPY'),
	('¥1万円'),
	('¥1亿元'),
	('￥5 CNY'),
	('JPY 5 ¥'),
	('¥5 yen'),
	('£5 pounds'),
	('$5 dollars'),
	('GBP 5 pounds'),
	('SEK 5 kr'),
	('CHF 5 francs'),
	('MXN 5 pesos'),
	('$5 ドル'),
	('5 米ドル'),
	('¥5 USD'),
	('¥5 pounds'),
	('¥5 ￥'),
	('£5 kr'),
	('EUR 5 ドル'),
	('5 ドル')
) AS t(input);

-- The full report of some errors: message, detail, hint.
SELECT '¥5'::currency_amount;
SELECT '¥5 USD'::currency_amount;
SELECT '5 ドル'::currency_amount;
SELECT '5 pounds'::currency_amount;
SELECT '1.234 USD'::currency_amount;
SELECT '12 XYZ'::currency_amount;
SELECT '12.5'::currency_amount;
SELECT '92233720368547758.08 USD'::currency_amount;

-- Output is canonical and round-trips through input.
SELECT a, a::text::currency_amount = a AS round_trips
FROM (VALUES ('USD 1,234.5'::currency_amount), ('-0.01 EUR'), ('100 JPY'),
	  ('8.45万亿元'), ('-92233720368547758.08 USD'), ('0.001 KWD')) AS t(a);

-- currency(), the cast to numeric and the numeric constructor.
SELECT currency('5 USD'), currency('8.45万亿元'), currency('100 jpy');
SELECT '5 USD'::currency_amount::numeric AS usd,
	   '100 JPY'::currency_amount::numeric AS jpy,
	   '1.5 KWD'::currency_amount::numeric AS kwd,
	   '-92233720368547758.08 USD'::currency_amount::numeric AS min_usd;
SELECT currency_amount(12.345, 'USD') AS half_up,
	   currency_amount(-12.345, 'USD') AS half_down,
	   currency_amount(12.3449, 'USD') AS below_half,
	   currency_amount(0.5, 'JPY') AS jpy,
	   currency_amount(1, 'kwd') AS kwd,
	   currency_amount(92233720368547758.07, 'USD') AS max_usd;
SELECT pg_temp.try_expr('currency_amount(1, ''XYZ'')');
SELECT pg_temp.try_expr('currency_amount(1, ''US'')');
SELECT pg_temp.try_expr('currency_amount(''NaN'', ''USD'')');
SELECT pg_temp.try_expr('currency_amount(''Infinity'', ''USD'')');
SELECT pg_temp.try_expr('currency_amount(92233720368547758.075, ''USD'')');
SELECT currency_amount(NULL, 'USD') IS NULL AS strict;

-- humanize in English and Chinese; its output is valid input.
SELECT a, humanize(a) AS en, humanize(a, 'zh') AS zh,
	   humanize(a)::currency_amount AS en_back,
	   humanize(a, 'zh')::currency_amount AS zh_back
FROM (VALUES ('8.45 trillion yuan'::currency_amount),
			 ('1.29 trillion USD'),
			 ('720.49 billion yuan'),
			 ('16.03亿美元'),
			 ('12.5万元'),
			 ('-2.52 billion USD'),
			 ('463.11 billion yuan'),
			 ('999.996 billion USD'),
			 ('5000 JPY'),
			 ('1.5 million AED'),
			 ('0 EUR')) AS t(a);
SELECT humanize('1234567 JPY', 'en', 0) AS d0,
	   humanize('1234567 JPY', 'en', 4) AS d4,
	   humanize('8450000000000 CNY', 'zh-CN', 1) AS zh_cn;
SELECT pg_temp.try_expr('humanize(''5 USD'', ''fr'')');
SELECT pg_temp.try_expr('humanize(''5 USD'', ''en'', -1)');
SELECT pg_temp.try_expr('humanize(''5 USD'', ''en'', 13)');

-- '.' is always the decimal point and ',' the thousands separator, whatever
-- the currency: 1.000 JPY is one yen, 1,000 JPY a thousand; a European
-- figure (1.000,50) is not read.
SELECT input, pg_temp.try_expr(format('%L::currency_amount', input)) AS parsed
FROM (VALUES ('1.000 JPY'), ('1,000 JPY'), ('1.000,50 EUR'), ('1.500 EUR')) t(input);
