--
-- currency_amount in Japanese and Korean: humanize(a, 'ja' | 'ko') and the
-- input of 兆/億/万 and 조/억/만 with 円 and 원, numbers in groups
-- ("15兆8977億円", "1万2000円", "1亿2000万元")
--
\i test/sql/helpers.psql

-- Japanese and Korean units read exactly; 円 is JPY, 원 KRW, 元 CNY.
SELECT input, pg_temp.try_expr(format('%L::currency_amount', input)) AS parsed
FROM (VALUES
	('15兆8977億円'),
	('3.5億円'),
	('1万2000円'),
	('15조 8977억 원'),
	('3억 원'),
	('3억원'),
	('9兆2,089億円'),
	('1 万 2000 円'),
	('1億5万円'),
	('JPY 1万2000'),
	('1亿2000万元'),
	('1万5千元'),
	('1만 5천 원'),
	('1억 2천만 원'),
	('7백만 원'),
	('2십억 원'),
	('5백억 원'),
	('3천억 원'),
	('1億2千万円'),
	('3十億円'),
	('4百億円'),
	('5千億円'),
	('-1万2000.50元'),
	('−3.5億円'),
	('583.60억 달러'),
	('583.60億米ドル'),
	('8.45兆人民元'),
	('5 위안'),
	('5 유로'),
	('5 ユーロ'),
	('5 홍콩 달러'),
	('9223372兆0368億5477万5807円'),
	('-9223372兆0368億5477万5808円')
) AS t(input);

-- Groups must fall: each below the scale before it, only the last with
-- decimals; the unit names the currency or the amount has none.
SELECT input, pg_temp.try_expr(format('%L::currency_amount', input)) AS error
FROM (VALUES
	('1万20000円'),
	('1万2万円'),
	('1万3億円'),
	('1.5万2000円'),
	('1万2 million JPY'),
	('1万2000 3 円'),
	('1万2000.5円'),
	('9223372兆0368億5477万5808円'),
	('15兆8977億'),
	('3억 원 USD'),
	('5 ドル'),
	('5 ¥')
) AS t(input);

-- humanize in Japanese and Korean: the largest of 兆/億/万 (조/억/만) not
-- above the amount, digits decimals rounded half away from zero, the
-- currency's name (a space before it in Korean) or its code; the output is
-- valid input.
SELECT a, humanize(a, 'ja') AS ja, humanize(a, 'ko') AS ko,
	   humanize(a, 'ja')::currency_amount AS ja_back,
	   humanize(a, 'ko')::currency_amount AS ko_back
FROM (VALUES ('15兆8977億円'::currency_amount),
			 ('15조 8977억 원'),
			 ('3.5億円'),
			 ('1万2000円'),
			 ('5000 JPY'),
			 ('-99999999 KRW'),
			 ('58.36 billion USD'),
			 ('8.45 trillion yuan'),
			 ('1.5 million AED'),
			 ('0 EUR')) AS t(a);
SELECT humanize('15兆8977億円', 'ja', 0) AS ja0,
	   humanize('15兆8977億円', 'ja-JP', 4) AS ja4,
	   humanize('15조 8977억 원', 'ko_KR', 1) AS ko1;
SELECT pg_temp.try_expr('humanize(''5 USD'', ''fr'')');
SELECT pg_temp.try_expr('humanize(''5 USD'', ''ja'', 13)');

-- The whole error, with its hint.
\set VERBOSITY default
SELECT humanize('5 USD', 'de');
SELECT '1万20000円'::currency_amount;
