--
-- Exchange rates and convert(), to_usd(), to_cny()
--
\i test/sql/helpers.psql

-- Start from no rates; leave none behind (see the end).
TRUNCATE trade_stats.exchange_rate;

-- These tests are about paths, rounding, the loader and the cache, with
-- rates months apart: let rates without valid_until hold for a century.
-- The age limit, and periods, are tested in convert_period.sql.
SET trade_stats.max_rate_age = '100 years';

-- Monthly rates as customs offices use them, a daily EUR rate, and a JPY rate.
INSERT INTO trade_stats.exchange_rate VALUES
	('USD', 'CNY', '2020-01-01', 6.9971),
	('USD', 'CNY', '2020-12-01', 6.5687),
	('EUR', 'USD', '2020-01-02', 1.1193),
	('EUR', 'USD', '2020-06-01', 1.1121),
	('USD', 'JPY', '2020-01-01', 108.5),
	('KWD', 'USD', '2020-01-01', 3.2994);

-- Direct and inverted use; the same currency passes through.
SELECT expr, pg_temp.try_expr(expr) AS result
FROM (VALUES
	('to_cny(''1000000.00 USD''::currency_amount, ''2020-01-15'')'),
	('to_cny(''1000000.00 USD''::currency_amount, ''2020-12-01'')'),
	('to_cny(''1000000.00 USD''::currency_amount, ''2020-11-30'')'),
	('to_usd(''6997100.00 CNY''::currency_amount, ''2020-01-31'')'),
	('to_usd(''100.00 CNY''::currency_amount, ''2020-01-31'')'),
	('to_usd(''-100.00 CNY''::currency_amount, ''2020-01-31'')'),
	('to_usd(''100.00 USD''::currency_amount, ''1900-01-01'')'),
	('convert(''5 USD'', ''usd'', date ''1900-01-01'')'),
	('convert(''100 USD'', ''JPY'', date ''2020-03-01'')'),
	('convert(''0.01 USD'', ''JPY'', date ''2020-03-01'')'),
	('convert(''1 JPY'', ''USD'', date ''2020-03-01'')'),
	('convert(''1.000 KWD'', ''USD'', date ''2020-03-01'')'),
	('convert(''1.00 USD'', ''KWD'', date ''2020-03-01'')'),
	('convert(''100.00 EUR'', ''USD'', date ''2020-01-02'')'),
	('convert(''100.00 EUR'', ''USD'', date ''2020-06-01'')')
) AS t(expr);

-- Rounding is half away from zero, computed exactly: 0.05 USD at 0.5.
INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'GBP', '2020-01-01', 0.5);
SELECT convert('0.05 USD', 'GBP', date '2020-01-01') AS half_up,
	   convert('-0.05 USD', 'GBP', date '2020-01-01') AS half_down,
	   convert('0.01 GBP', 'USD', date '2020-01-01') AS inverse;

-- Crosses: EUR to CNY has no pair, so it goes through USD (the first choice).
SELECT convert('100.00 EUR', 'CNY', date '2020-06-15') AS eur_cny_via_usd,
	   convert('700.00 CNY', 'EUR', date '2020-06-15') AS cny_eur_via_usd,
	   convert('100 JPY', 'CNY', date '2020-06-15') AS jpy_cny_via_usd;
-- 100.00 EUR * 1.1121 * 6.9971 = 778.147... -> 778.15 CNY, rounded once.
-- With a direct pair, it is used.
INSERT INTO trade_stats.exchange_rate VALUES ('EUR', 'CNY', '2020-06-01', 7.9);
SELECT convert('100.00 EUR', 'CNY', date '2020-06-15') AS eur_cny_direct,
	   convert('100.00 EUR', 'CNY', date '2020-05-31') AS before_direct_is_cross;
-- The order of intermediates: USD, then EUR, then CNY.
INSERT INTO trade_stats.exchange_rate VALUES
	('EUR', 'CHF', '2020-01-01', 1.08),
	('CNY', 'CHF', '2020-01-01', 0.14),
	('HKD', 'CNY', '2020-01-01', 0.9),
	('HKD', 'EUR', '2020-01-01', 0.115);
SELECT convert('100.00 USD', 'CHF', date '2020-06-15') AS usd_chf_via_eur,
	   convert('100.00 HKD', 'CHF', date '2020-06-15') AS hkd_chf_via_eur,
	   convert('100.00 HKD', 'USD', date '2020-06-15') AS hkd_usd_via_eur;

-- Direct against inverted: the later row wins, the direct one on a tie.
INSERT INTO trade_stats.exchange_rate VALUES
	('CNY', 'USD', '2020-12-15', 0.1530),
	('USD', 'CNY', '2020-12-15', 6.5000);
SELECT to_usd('100.00 CNY'::currency_amount, '2020-12-10') AS inverted_monthly,
	   to_usd('100.00 CNY'::currency_amount, '2020-12-15') AS tie_direct_wins,
	   to_cny('100.00 USD'::currency_amount, '2020-12-15') AS tie_direct_wins_other_way;

-- A rate with more than 18 significant digits is used exactly too.
INSERT INTO trade_stats.exchange_rate VALUES
	('USD', 'SGD', '2020-01-01', 1.3456789012345678901234),
	('USD', 'THB', '2020-01-01', 30.5);
SELECT convert('1000000000.00 USD', 'SGD', date '2020-02-01') AS wide_rate,
	   convert('-1000000000.00 USD', 'SGD', date '2020-02-01') AS negative,
	   convert('1345678901.23 SGD', 'USD', date '2020-02-01') AS inverted;
SELECT pg_temp.try_expr('convert(''92233720368547758.07 USD'', ''THB'', date ''2020-02-01'')');

-- Errors: no rate (naming the pair and the date), unknown currency, range.
SELECT to_usd('100 CNY'::currency_amount, '2019-12-31');
SELECT convert('100 USD', 'XYZ', date '2020-01-01');
SELECT pg_temp.try_expr('convert(''100 USD'', ''ZAR'', date ''2020-01-01'')');
SELECT pg_temp.try_expr('convert(''92233720368547758.07 USD'', ''JPY'', date ''2020-02-01'')');
SELECT pg_temp.try_expr('to_usd(''5 CNY''::currency_amount, ''infinity'')');
SELECT to_usd(NULL, '2020-01-01') IS NULL AS strict_amount,
	   to_usd('5 CNY'::currency_amount, NULL) IS NULL AS strict_date,
	   convert('5 CNY', NULL, date '2020-01-01') IS NULL AS strict_currency;

-- The table checks its rows.
SELECT pg_temp.try_exec($$INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'XYZ', '2020-01-01', 1)$$);
SELECT pg_temp.try_exec($$INSERT INTO trade_stats.exchange_rate VALUES ('usd', 'CNY', '2021-01-01', 1)$$);
SELECT pg_temp.try_exec($$INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'USD', '2020-01-01', 1)$$);
SELECT pg_temp.try_exec($$INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'CNY', '2021-01-01', 0)$$);
SELECT pg_temp.try_exec($$INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'CNY', '2021-01-01', -1)$$);
SELECT pg_temp.try_exec($$INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'CNY', '2021-01-01', 'NaN')$$);
SELECT pg_temp.try_exec($$INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'CNY', '2021-01-01', 'Infinity')$$);
SELECT pg_temp.try_exec($$INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'CNY', 'infinity', 7)$$);
SELECT pg_temp.try_exec($$INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'CNY', '2020-01-01', 7)$$);
SELECT pg_temp.try_exec($$INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'CNY', NULL, 7)$$);

-- pg_dump keeps the user's rates: the table is extension configuration.
SELECT extconfig::regclass[] FROM pg_extension WHERE extname = 'trade_stats';

-- Volatility and parallel safety.
SELECT proname, provolatile, proparallel, proisstrict FROM pg_proc
WHERE proname IN ('convert', 'to_usd', 'to_cny', 'is_currency_code') AND
	  pronamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'trade_stats')
ORDER BY proname;

-- The cache never serves a rate the statement does not see.
-- Inserted earlier in the same transaction:
BEGIN;
INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'AUD', '2020-01-01', 1.5);
SELECT convert('100 USD', 'AUD', date '2020-02-01') AS inserted_in_transaction;
UPDATE trade_stats.exchange_rate SET rate = 1.6 WHERE base = 'USD' AND quote = 'AUD';
SELECT convert('100 USD', 'AUD', date '2020-02-01') AS updated_in_transaction;
ROLLBACK;
-- Rolled back: gone again (the cross through EUR has no AUD either).
SELECT pg_temp.try_expr('convert(''100 USD'', ''AUD'', date ''2020-02-01'')') AS after_rollback;
-- Update, delete, truncate of committed rates.
INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'NZD', '2020-01-01', 1.5);
SELECT convert('100 USD', 'NZD', date '2020-02-01') AS inserted;
UPDATE trade_stats.exchange_rate SET rate = 1.55 WHERE base = 'USD' AND quote = 'NZD';
SELECT convert('100 USD', 'NZD', date '2020-02-01') AS updated;
DELETE FROM trade_stats.exchange_rate WHERE base = 'USD' AND quote = 'NZD';
SELECT pg_temp.try_expr('convert(''100 USD'', ''NZD'', date ''2020-02-01'')') AS deleted;
-- Within one PL/pgSQL function, whose simple expressions outlive statements.
DO $$
DECLARE
	v currency_amount;
BEGIN
	INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'NZD', '2020-01-01', 1.4);
	v := convert('100 USD', 'NZD', date '2020-02-01');
	RAISE NOTICE 'first: %', v;
	UPDATE trade_stats.exchange_rate SET rate = 1.45 WHERE base = 'USD' AND quote = 'NZD';
	v := convert('100 USD', 'NZD', date '2020-02-01');
	RAISE NOTICE 'after update: %', v;
	DELETE FROM trade_stats.exchange_rate WHERE base = 'USD' AND quote = 'NZD';
	BEGIN
		v := convert('100 USD', 'NZD', date '2020-02-01');
		RAISE NOTICE 'after delete: %', v;
	EXCEPTION WHEN invalid_parameter_value THEN
		RAISE NOTICE 'after delete: %', SQLERRM;
	END;
END
$$;
-- A cursor keeps the rates of its own snapshot while newer statements change them.
INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'NZD', '2020-01-01', 1.7);
BEGIN ISOLATION LEVEL REPEATABLE READ;
DECLARE c CURSOR FOR
	SELECT i, convert('100 USD', 'NZD', date '2020-02-01') FROM generate_series(1, 3) i;
FETCH 1 FROM c;
SELECT convert('100 USD', 'NZD', date '2020-02-01') AS same_snapshot;
FETCH 2 FROM c;
COMMIT;
-- TRUNCATE empties the cache's view as well.
CREATE TEMP TABLE saved_rates AS SELECT * FROM trade_stats.exchange_rate;
TRUNCATE trade_stats.exchange_rate;
SELECT pg_temp.try_expr('to_cny(''1 USD''::currency_amount, ''2020-06-01'')') AS after_truncate;
INSERT INTO trade_stats.exchange_rate SELECT * FROM saved_rates;
-- (the freshest path: through EUR, both legs of 1 June, 7.9 / 1.1121 =
-- 7.10, rather than USD/CNY of 1 January)
SELECT to_cny('1 USD'::currency_amount, '2020-06-01') AS restored;

-- Ordinary users read the rates and convert, but cannot change the rates.
CREATE ROLE trade_stats_reader;
SET ROLE trade_stats_reader;
SELECT count(*) > 0 AS can_read FROM trade_stats.exchange_rate;
SELECT to_cny('1 USD'::currency_amount, '2020-06-01') AS can_convert;
SELECT pg_temp.try_exec($$INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'AUD', '2020-01-01', 1.5)$$);
SELECT pg_temp.try_exec($$UPDATE trade_stats.exchange_rate SET rate = 1$$);
SELECT pg_temp.try_exec($$UPDATE trade_stats.rate_version SET version = 0$$);
RESET ROLE;
-- ... unless granted.
GRANT INSERT ON trade_stats.exchange_rate TO trade_stats_reader;
SET ROLE trade_stats_reader;
INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'AUD', '2020-01-01', 1.5);
SELECT convert('100 USD', 'AUD', date '2020-02-01') AS granted_writer_sees_it;
RESET ROLE;
REVOKE ALL ON trade_stats.exchange_rate FROM trade_stats_reader;
DROP ROLE trade_stats_reader;

-- Monthly averages of daily rates.
INSERT INTO trade_stats.exchange_rate VALUES
	('USD', 'MXN', '2020-03-02', 19.5), ('USD', 'MXN', '2020-03-03', 20.5),
	('USD', 'MXN', '2020-04-01', 24.0);
SELECT * FROM trade_stats.exchange_rate_monthly WHERE quote = 'MXN' ORDER BY month;

-- Loading a wide rate file: skips blanks, N/A, zero, unknown and base columns.
SELECT load_rates(E'Date;CNY;JPY;KRW;USD;XYZ\r\n02-Jan-2001;8.2779;;;1;5\r\n03-Jan-2001;8.2773;N/A;0;1;5\r\n04-Jan-2001;8.2781;113.85;1100.5;1;5\r\n',
				  'USD', ';', 'DD-Mon-YYYY');
SELECT * FROM trade_stats.exchange_rate WHERE valid_from < '2002-01-01' ORDER BY quote, valid_from;
-- Yuan per 100 units of each column's currency, as the NBS publishes them;
-- reloading replaces.
SELECT load_rates(E'year,JPY,USD\n2001年,7.6,827.70\n', 'CNY', ',', 'YYYY"年"', per => 100, columns => 'base');
SELECT load_rates(E'year,JPY,USD\n2001年,7.6,827.71\n', 'CNY', ',', 'YYYY"年"', per => 100, columns => 'base');
SELECT * FROM trade_stats.exchange_rate WHERE quote = 'CNY' AND valid_from = '2001-01-01' ORDER BY base;
-- (100 JPY: the cross through USD of 4 January, 100 / 113.85 * 8.2781 =
-- 7.27, is fresher than the NBS's JPY/CNY of 1 January, 7.60)
SELECT to_cny('100 JPY'::currency_amount, '2001-06-30') AS hundred_yen, to_cny('100.00 USD'::currency_amount, '2001-06-30') AS hundred_dollars;
SELECT pg_temp.try_expr($$load_rates('Date,USD', 'XYZ')$$);
SELECT pg_temp.try_expr($$load_rates('Date,USD', 'EUR', per => 0)$$);
SELECT pg_temp.try_expr($$load_rates('Date,USD', 'EUR', columns => 'quotes')$$);

-- Rate files are read strictly: quoted cells may hold the delimiter (and
-- thousands separators); CR-only line ends work; what does not parse
-- exactly is an error naming the line and the column, never a shifted or
-- misdated rate.
SELECT load_rates(E'Date,INR,SEK\r2020-01-02,"1,234.5",10.5\r', 'EUR') AS quoted_and_cr;
SELECT quote, valid_from, rate FROM trade_stats.exchange_rate WHERE base = 'EUR' ORDER BY quote;
SELECT pg_temp.try_expr($$load_rates(E'Date,INR,SEK\n2020-01-03,1,234.5,10.5\n', 'EUR')$$) AS unquoted_separator;
SELECT pg_temp.try_expr($$load_rates(E'Date,INR\n,80\n', 'EUR')$$) AS empty_date;
SELECT pg_temp.try_expr($$load_rates(E'Date,INR\n0000-01-01,80\n', 'EUR')$$) AS year_zero;
SELECT pg_temp.try_expr($$load_rates(E'Date,INR\n02.01.2020,80\n', 'EUR')$$) AS wrong_format;
SELECT pg_temp.try_expr($$load_rates(E'Date,INR\n2020-01-02,1.2.3\n', 'EUR')$$) AS malformed;
SELECT pg_temp.try_expr($$load_rates(E'Date,INR\n2020-01-02,-80\n', 'EUR')$$) AS negative;
SELECT pg_temp.try_expr($$load_rates(E'Date,INR\n2020-01-02,80\n2020-01-02,81\n', 'EUR')$$) AS twice;
SELECT pg_temp.try_expr($$load_rates(E'Date,INR\n2020-01-02,"80\n', 'EUR')$$) AS unclosed_quote;
SELECT pg_temp.try_expr($$load_rates(E'Date,INR\n2020-01-02,8"0\n', 'EUR')$$) AS stray_quote;
SELECT pg_temp.try_expr($$load_rates(E'Date,INR\n2020-01-02,80\n', NULL)$$) AS null_currency;
SELECT pg_temp.try_expr($$load_rates(E'Date,INR\n2020-01-02,80\n', 'EUR', delimiter => ',,')$$) AS long_delimiter;
SELECT count(*) AS eur_rows_still FROM trade_stats.exchange_rate WHERE base = 'EUR';

TRUNCATE trade_stats.exchange_rate;

-- Header names mapped to currency codes (the NBS names currencies in
-- Chinese): a cell equal to a name, or containing exactly one.
SELECT load_rates(E'年份,人民币对日元汇率(日元=100),人民币对美元汇率(美元=100),美元\n2002年,6.6,827.70,\n', 'CNY', ',', 'YYYY"年"',
                  per => 100, columns => 'base',
                  currency_names => '{"日元": "jpy", "人民币对美元汇率(美元=100)": "USD", "美元": "HKD"}') AS mapped;
SELECT base, quote, valid_from, rate FROM trade_stats.exchange_rate
WHERE quote = 'CNY' AND valid_from = '2002-01-01' ORDER BY base;
SELECT pg_temp.try_expr($$load_rates(E'年份,人民币对美元汇率(美元=100)\n2002年,827.7\n', 'CNY', ',', 'YYYY"年"', currency_names => '{"美元": "USD", "元": "JPY"}')$$) AS two_names;
SELECT pg_temp.try_expr($$load_rates(E'年份,人民币对美元汇率(美元=100)\n2002年,827.7\n', 'CNY', ',', 'YYYY"年"', currency_names => '{"美元": "USD", "英镑": "GBP"}')$$) AS unused_name;
SELECT pg_temp.try_expr($$load_rates(E'年份,美元\n2002年,827.7\n', 'CNY', ',', 'YYYY"年"', currency_names => '{"美元": "XXQ"}')$$) AS unknown_code;
SELECT pg_temp.try_expr($$load_rates(E'年份,美元\n2002年,827.7\n', 'CNY', ',', 'YYYY"年"', currency_names => '{"美元": 840}')$$) AS not_a_string;
SELECT pg_temp.try_expr($$load_rates(E'年份,美元\n2002年,827.7\n', 'CNY', ',', 'YYYY"年"', currency_names => '["USD"]')$$) AS not_an_object;
SELECT pg_temp.try_expr($$load_rates(E'年份,美元,USD\n2002年,827.7,827.7\n', 'CNY', ',', 'YYYY"年"', currency_names => '{"美元": "USD"}')$$) AS same_currency_twice;
SELECT pg_temp.try_expr($$load_rates(E'Date,USD,usd\n2020-01-02,7,7\n', 'CNY')$$) AS same_column_twice;

-- convert, to_usd and to_cny take a timestamp (its date) or a timestamp
-- with time zone (its date in the session's time zone), as a BI tool's
-- time column or now() gives them.
INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'CNY', '2020-01-01', 7.0), ('USD', 'CNY', '2020-01-02', 6.0);
SET TimeZone = 'Asia/Shanghai';
SELECT to_cny('1 USD', timestamp '2020-01-01 23:59') AS ts_jan1,
       to_cny('1 USD', timestamptz '2020-01-01 20:00+00') AS tstz_jan2_in_shanghai,
       to_usd('60 CNY', timestamptz '2020-01-01 15:00+00') AS usd_jan1_in_shanghai,
       convert('60 CNY'::currency_amount, 'USD', timestamp '2020-01-02 00:00') AS ts_jan2;
SET TimeZone = 'UTC';
SELECT to_cny('1 USD', timestamptz '2020-01-01 20:00+00') AS tstz_jan1_in_utc,
       to_cny('1 USD', now()) = to_cny('1 USD', current_date) AS now_is_today,
       to_usd(NULL, now()) AS null_in;
-- an untyped date literal still works (it resolves to timestamptz, whose
-- date in the session's zone is the literal's date)
SELECT to_usd('60 CNY'::currency_amount, '2020-01-02') AS untyped;
-- with the amount untyped too, the summary forms to_usd(growth_state, text)
-- and convert(growth_state, text, text) are chosen (PostgreSQL prefers text
-- for an unknown literal): the amount needs a type
SELECT pg_temp.try_expr($$to_usd('60 CNY', '2020-01-02')$$) AS two_untyped;
SELECT pg_temp.try_expr($$convert('100 USD', 'CNY', '2020-01-01')$$) AS three_untyped;
RESET TimeZone;

-- The helpers load_rates reads rate files with: the fields of delimited
-- text (quotes removed, a quoted delimiter kept, CRLF and CR line ends),
-- and which codes are known currencies (upper case only).
SELECT * FROM trade_stats.csv_cells(E'a,"b,c"\r\n1,"say ""2"""\r3,', ',');
SELECT is_currency_code('USD') AS usd, is_currency_code('usd') AS lower_usd,
       is_currency_code('XYZ') AS unknown, is_currency_code('') AS empty;
