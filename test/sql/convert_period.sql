--
-- Conversion for a period (per 'month', 'quarter', 'year'), the freshest
-- path, the age limit (trade_stats.max_rate_age, valid_until), rate_used()
-- and summaries converted when read.  The expected figures were worked out
-- by hand first; each is given in a comment.
--
\i test/sql/helpers.psql
TRUNCATE trade_stats.exchange_rate;

-- Daily USD/CNY rates: three in January 2020, one on the leap day, none in
-- March or April.
INSERT INTO trade_stats.exchange_rate VALUES
	('USD', 'CNY', '2020-01-02', 7.00), ('USD', 'CNY', '2020-01-03', 7.10),
	('USD', 'CNY', '2020-01-06', 7.30), ('USD', 'CNY', '2020-02-29', 7.50);

-- January: (7.00 + 7.10 + 7.30) / 3 = 21.40 / 3 = 7.1333...; 100 USD ->
-- 713.33 CNY, 3 USD -> 21.40 exactly (the average is exact, rounded once
-- at the end).  February: the leap day's 7.50.  Q1 and 2020: 28.90 / 4 =
-- 7.225; 1 USD -> 7.225 -> 7.23 (half away from zero).  March has no rate:
-- the leap day's holds 31 days, to 31 March, so March converts at 7.50.
SELECT to_cny('100 USD'::currency_amount, date '2020-01-15', 'month') AS jan,
	   to_cny('3 USD'::currency_amount, date '2020-01-31', 'month') AS jan_3,
	   to_cny('100 USD'::currency_amount, date '2020-02-01', 'month') AS feb_leap_day,
	   to_cny('100 USD'::currency_amount, date '2020-03-31', 'month') AS mar_no_rate,
	   to_cny('100 USD'::currency_amount, date '2020-02-10', 'quarter') AS q1,
	   to_cny('1 USD'::currency_amount, date '2020-12-31', 'year') AS year_2020,
	   to_cny('-1 USD'::currency_amount, date '2020-06-01', 'year') AS negative;
-- The inverse: 713.33 CNY at 3 / 21.40 USD per CNY = 99.9995... -> 100.00.
SELECT to_usd('713.33 CNY'::currency_amount, date '2020-01-01', 'month') AS jan_inverse,
	   convert('713.33 CNY'::currency_amount, 'USD', date '2020-01-01', 'month') AS same_by_convert;
-- 'day' is the rule of convert(a, to, date): the 3 January rate on Sunday
-- 5 January.
SELECT to_cny('100 USD'::currency_amount, date '2020-01-05', 'day') AS day_per,
	   to_cny('100 USD'::currency_amount, date '2020-01-05') AS day;
-- The age limit's default.
SHOW trade_stats.max_rate_age;
-- One call site, rows in no order, per changing from row to row, and two
-- dates 256 days apart (2020-01-15 and 2020-09-27, both in 2020): each row
-- at its own period's rate.
SELECT i, d, per, to_cny('100 USD'::currency_amount, d, per) AS cny
FROM (VALUES (1, date '2020-01-15', 'month'), (2, '2020-01-15', 'year'), (3, '2020-02-10', 'month'),
			 (4, '2020-01-15', 'month'), (5, '2020-09-27', 'year'), (6, '2020-01-15', 'quarter'),
			 (7, '2020-01-06', 'day'), (8, '2020-01-15', 'year'), (9, '2020-03-31', 'month')) t(i, d, per)
ORDER BY i;
-- April has no rate and the leap day's no longer holds at its end (61 days
-- old on 30 April); before the first rate there is none at all.
SELECT pg_temp.try_expr($$to_cny('100 USD'::currency_amount, date '2020-04-15', 'month')$$) AS april;
SELECT pg_temp.try_expr($$to_cny('100 USD'::currency_amount, date '2019-12-01', 'month')$$) AS before_first;
SELECT pg_temp.try_expr($$to_cny('100 USD'::currency_amount, date '2019-06-01', 'year')$$) AS year_before_first;
-- Rows dated in the period are averaged even if the period starts before
-- the first rate: 2020-01 starts on the 1st, the first rate is the 2nd.
SELECT to_cny('100 USD'::currency_amount, date '2020-01-01', 'month') AS jan_from_the_2nd;

-- per must be one of the four, exactly; NULL in, NULL out.
SELECT pg_temp.try_expr($$to_cny('1 USD'::currency_amount, date '2020-01-01', 'week')$$) AS week;
SELECT pg_temp.try_expr($$convert('1 USD'::currency_amount, 'CNY', date '2020-01-01', 'Month')$$) AS capitalised;
SELECT to_cny('1 USD'::currency_amount, date '2020-01-01', NULL) IS NULL AS null_per,
	   to_usd('1 CNY'::currency_amount, NULL::date, 'month') IS NULL AS null_period;
SELECT pg_temp.try_expr($$to_cny('1 USD'::currency_amount, date 'infinity', 'month')$$) AS infinite;
-- The same currency passes through, whatever the period.
SELECT to_usd('5 USD'::currency_amount, date '1900-01-01', 'year') AS same_currency;

-- timestamp and timestamptz: the date, in the session's time zone.  At
-- 20:00 UTC on 31 January it is 1 February in Shanghai.
SET TimeZone = 'Asia/Shanghai';
SELECT to_cny('100 USD'::currency_amount, timestamptz '2020-01-31 20:00+00', 'month') AS feb_in_shanghai,
	   to_cny('100 USD'::currency_amount, timestamp '2020-01-31 23:59', 'month') AS jan_timestamp,
	   convert('100 USD'::currency_amount, 'CNY', timestamptz '2020-01-31 20:00+00', 'month') AS convert_tstz,
	   to_usd('750 CNY'::currency_amount, timestamptz '2020-01-31 20:00+00', 'month') AS usd_tstz;
SET TimeZone = 'UTC';
SELECT to_cny('100 USD'::currency_amount, timestamptz '2020-01-31 20:00+00', 'month') AS jan_in_utc;
-- an untyped period literal with a typed amount takes the timestamptz form
SELECT to_cny('100 USD'::currency_amount, '2020-01-31', 'month') AS untyped_period;
RESET TimeZone;

-- A cross whose legs have other observation days: EUR/USD on 2 and 7
-- January (average 1.11), USD/CNY on 2, 3 and 6 January.  The month's rate
-- is the product of the averages: 1.11 * 21.40 / 3 = 7.918; 100 EUR ->
-- 791.80 CNY.  On 6 January: 1.10 (of the 2nd) * 7.30 = 8.03.
INSERT INTO trade_stats.exchange_rate VALUES
	('EUR', 'USD', '2020-01-02', 1.10), ('EUR', 'USD', '2020-01-07', 1.12);
SELECT convert('100 EUR'::currency_amount, 'CNY', date '2020-01-20', 'month') AS month_cross,
	   convert('100 EUR'::currency_amount, 'CNY', date '2020-01-06') AS day_cross;
SELECT * FROM trade_stats.rate_used('EUR', 'CNY', '2020-01-20', 'month');
SELECT * FROM trade_stats.rate_used('EUR', 'CNY', '2020-01-06');
-- With a direct EUR/CNY rate of 3 January too: for January both paths have
-- rows inside the month, so they tie and the direct pair wins (780.00),
-- though the cross's last rows (6 and 7 January) are later.  On 7 January
-- the cross's oldest leg (6 January) is fresher than the direct rate:
-- 1.12 * 7.30 = 8.176 -> 817.60.
INSERT INTO trade_stats.exchange_rate VALUES ('EUR', 'CNY', '2020-01-03', 7.80);
SELECT convert('100 EUR'::currency_amount, 'CNY', date '2020-01-20', 'month') AS month_direct,
	   convert('100 EUR'::currency_amount, 'CNY', date '2020-01-06') AS day_direct,
	   convert('100 EUR'::currency_amount, 'CNY', date '2020-01-07') AS day_cross;
DELETE FROM trade_stats.exchange_rate WHERE base = 'EUR' AND quote = 'CNY';

-- The freshest path, both ways round (age limit lifted to see the path
-- rule alone).  An old direct JPY/CNY rate of June 2019 loses to the fresh
-- cross through USD: 10000 JPY / 108 * 7.30 = 675.925... -> 675.93 CNY
-- (the old direct rate would give 630.00); the other way, 1000 CNY / 7.30
-- * 108 = 14794.5... -> 14795 JPY (not 15873).
SET trade_stats.max_rate_age = '10 years';
INSERT INTO trade_stats.exchange_rate VALUES
	('JPY', 'CNY', '2019-06-01', 0.0630), ('USD', 'JPY', '2020-01-02', 108);
SELECT to_cny('10000 JPY'::currency_amount, date '2020-01-07') AS fresh_cross_wins,
	   convert('1000 CNY'::currency_amount, 'JPY', date '2020-01-07') AS fresh_cross_wins_inverse,
	   to_cny('10000 JPY'::currency_amount, date '2019-12-31') AS direct_before_the_cross;
-- A fresh direct rate (8 January) beats the cross, whose oldest leg is of
-- 2 January: 10000 JPY * 0.0650 = 650.00 CNY; 1000 CNY / 0.0650 = 15385 JPY.
INSERT INTO trade_stats.exchange_rate VALUES ('JPY', 'CNY', '2020-01-08', 0.0650);
SELECT to_cny('10000 JPY'::currency_amount, date '2020-01-10') AS fresh_direct_wins,
	   convert('1000 CNY'::currency_amount, 'JPY', date '2020-01-10') AS fresh_direct_wins_inverse,
	   to_cny('10000 JPY'::currency_amount, date '2020-01-07') AS still_the_cross;
SELECT path, leg, pair, inverted, first_date FROM trade_stats.rate_used('CNY', 'JPY', '2020-01-07');
SELECT path, leg, pair, inverted, first_date FROM trade_stats.rate_used('CNY', 'JPY', '2020-01-10');
-- For a month, a path with rows inside the month wins over one without:
-- GBP/CNY has only a December rate, GBP/USD one of 10 January: January
-- converts through USD, 1.30 * 21.40 / 3 = 9.27333 -> 927.33 CNY for 100
-- GBP, while on 5 January (no GBP/USD yet) the direct rate gives 900.00.
INSERT INTO trade_stats.exchange_rate VALUES
	('GBP', 'CNY', '2019-12-20', 9.00), ('GBP', 'USD', '2020-01-10', 1.30);
SELECT to_cny('100 GBP'::currency_amount, date '2020-01-01', 'month') AS inside_wins,
	   to_cny('100 GBP'::currency_amount, date '2020-01-05') AS day_direct;
RESET trade_stats.max_rate_age;

-- No silently stale rate.  Only an old KRW/CNY rate (2014), without
-- valid_until: under the default age limit (31 days) it holds to 1
-- February 2014, so June 2018 is an error naming the pair, the date and
-- the age (1612 days), with a hint.
INSERT INTO trade_stats.exchange_rate VALUES ('KRW', 'CNY', '2014-01-01', 0.0057);
SELECT to_cny('1000 KRW'::currency_amount, date '2014-02-01') AS last_day_it_holds;
SELECT to_cny('1000 KRW'::currency_amount, date '2018-06-01');
SELECT to_cny('1000 KRW'::currency_amount, date '2018-06-01', 'year');
SELECT path, pair, first_date, holds_until, holds, rate
FROM trade_stats.rate_used('KRW', 'CNY', '2018-06-01');
-- Raising the limit makes it usable again (0.2's behaviour).
SET trade_stats.max_rate_age = '5 years';
SELECT to_cny('1000 KRW'::currency_amount, date '2018-06-01') AS five_years;
-- Parallel workers convert under the session's setting too (the leader
-- takes no part: a worker that used the default would fail).
CREATE TABLE krw_rows AS
	SELECT '1000 KRW'::currency_amount AS v, date '2018-06-01' AS d FROM generate_series(1, 1000);
ANALYZE krw_rows;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT sum(to_cny(v, d)), sum(to_cny(v, d, 'year')) FROM krw_rows;
SELECT sum(to_cny(v, d)) AS in_workers, sum(to_cny(v, d, 'year')) AS year_in_workers FROM krw_rows;
RESET trade_stats.max_rate_age;
SELECT pg_temp.try_expr($$(SELECT sum(to_cny(v, d)) FROM krw_rows)$$) AS workers_default_limit;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
DROP TABLE krw_rows;
-- The setting reads as an interval of at least a day.
SELECT pg_temp.try_exec($$SET trade_stats.max_rate_age = 'soon'$$) AS not_an_interval;
SELECT pg_temp.try_exec($$SET trade_stats.max_rate_age = '-1 day'$$) AS negative;
SELECT pg_temp.try_exec($$SET trade_stats.max_rate_age = '12 hours'$$) AS under_a_day;
SET trade_stats.max_rate_age = 'P1Y2M';
SHOW trade_stats.max_rate_age;
RESET trade_stats.max_rate_age;
-- An annual rate declared as such (valid_until the end of its year) holds
-- the whole year, whatever the age limit, and not a day longer.
UPDATE trade_stats.exchange_rate SET valid_until = '2014-12-31' WHERE base = 'KRW';
SELECT to_cny('1000 KRW'::currency_amount, date '2014-12-31') AS end_of_its_year,
	   to_cny('1000 KRW'::currency_amount, date '2014-06-01', 'month') AS june_2014;
SELECT to_cny('1000 KRW'::currency_amount, date '2015-01-01');
SET trade_stats.max_rate_age = '100 years';
SELECT pg_temp.try_expr($$to_cny('1000 KRW'::currency_amount, date '2015-01-01')$$) AS past_its_year_any_limit;
RESET trade_stats.max_rate_age;
SELECT pg_temp.try_exec($$UPDATE trade_stats.exchange_rate SET valid_until = '2013-12-31' WHERE base = 'KRW'$$) AS until_before_from;

-- Monthly and annual tables: load_rates(..., valid_for => 'month' | 'year')
-- sets valid_until to the end of each row's month or year.
DELETE FROM trade_stats.exchange_rate WHERE base = 'USD' AND quote = 'CNY';
SELECT load_rates(E'Date,CNY\n2021-01-01,6.4\n2021-02-01,6.5\n2021-03-01,6.6\n', 'USD', valid_for => 'month') AS monthly;
SELECT load_rates(E'年份,美元\n2022年,672.61\n', 'CNY', ',', 'YYYY"年"', per => 100, columns => 'base',
				  currency_names => '{"美元": "USD"}', valid_for => 'year') AS annual;
SELECT base, quote, valid_from, rate, valid_until FROM trade_stats.exchange_rate
WHERE base = 'USD' AND quote = 'CNY' ORDER BY valid_from;
-- A monthly table gives its own rate for its month, the average of its
-- months for a quarter or year (6.5 for Q1 and for 2021): 650.00.
SELECT to_cny('100 USD'::currency_amount, date '2021-02-01', 'month') AS feb,
	   to_cny('100 USD'::currency_amount, date '2021-02-20') AS feb_20,
	   to_cny('100 USD'::currency_amount, date '2021-03-01', 'quarter') AS q1,
	   to_cny('100 USD'::currency_amount, date '2021-07-01', 'year') AS y2021_from_q1;
-- March's rate stops holding after March, though only 31 days old on 1 April.
SELECT pg_temp.try_expr($$to_cny('100 USD'::currency_amount, date '2021-04-01')$$) AS april_1;
SELECT pg_temp.try_expr($$to_cny('100 USD'::currency_amount, date '2021-04-01', 'month')$$) AS april;
-- The annual 2022 rate holds for every month and day of 2022 and no later.
SELECT to_cny('100 USD'::currency_amount, date '2022-06-15', 'month') AS june_2022,
	   to_cny('100 USD'::currency_amount, date '2022-12-31') AS dec_31_2022,
	   to_cny('100 USD'::currency_amount, date '2022-10-01', 'quarter') AS q4_2022;
SELECT pg_temp.try_expr($$to_cny('100 USD'::currency_amount, date '2023-01-01')$$) AS jan_2023;
SELECT pg_temp.try_expr($$load_rates(E'Date,CNY\n2021-01-01,6.4\n', 'USD', valid_for => 'week')$$) AS valid_for_week;

-- Summaries converted when read: each period's sum at that period's rate,
-- rounded once per period.  January 2020 (rate 21.40 / 3 USD/CNY... in
-- CNY per USD): three rows of 0.10 CNY.  Per row, 0.10 * 3 / 21.40 =
-- 0.014 -> 0.01 USD, 0.03 in all; the month's sum, 0.30 * 3 / 21.40 =
-- 0.042 -> 0.04 USD.  February: 150.00 CNY / 7.50 = 20.00 USD.
DELETE FROM trade_stats.exchange_rate WHERE base = 'USD' AND quote = 'CNY';
INSERT INTO trade_stats.exchange_rate VALUES
	('USD', 'CNY', '2020-01-02', 7.00), ('USD', 'CNY', '2020-01-03', 7.10),
	('USD', 'CNY', '2020-01-06', 7.30), ('USD', 'CNY', '2020-02-29', 7.50),
	('USD', 'CNY', '2021-01-04', 6.50), ('USD', 'CNY', '2021-02-01', 6.40);
CREATE TEMP TABLE flows (period date, partner text, value currency_amount);
INSERT INTO flows VALUES
	('2020-01-01', 'A', '0.10 CNY'), ('2020-01-01', 'B', '0.10 CNY'), ('2020-01-01', 'C', '0.10 CNY'),
	('2020-02-01', 'A', '150.00 CNY'),
	('2021-01-01', 'A', '13.00 CNY'), ('2021-02-01', 'A', '192.00 CNY');
CREATE TEMP TABLE summary AS SELECT growth_summary(value, period) AS s FROM flows;
SELECT to_usd(s, 'month') AS converted FROM summary;
SELECT to_usd(s, 'month') = convert(s, 'USD', 'month') AS same_by_convert FROM summary;
-- Each period's sum by hand, at that month's average (exchange_rate_monthly
-- gives the same averages), against the converted summary's total for it.
SELECT f.period, sum(f.value) AS cny,
	   currency_amount(round(sum(f.value)::numeric / m.rate, 2), 'USD') AS by_hand,
	   total_amount(to_usd(s.s, 'month'), f.period, f.period) AS converted,
	   sum(to_usd(f.value, f.period, 'month')) AS per_row
FROM flows f
JOIN trade_stats.exchange_rate_monthly m ON m.base = 'USD' AND m.quote = 'CNY' AND m.month = f.period
CROSS JOIN summary s
GROUP BY f.period, m.rate, s.s ORDER BY f.period;
-- 2021 against 2020 in dollars: 13.00 / 6.50 = 2.00 and 192.00 / 6.40 =
-- 30.00, 32.00 USD against 20.04 USD: +59.68 %.
SELECT round(yoy_growth(to_usd(s, 'month'), date '2021-02-01'), 2) AS yoy_usd,
	   round(yoy_growth(s, date '2021-02-01'), 2) AS yoy_cny
FROM summary;
-- A summary already in the target currency, or empty, comes back as it is;
-- one without periods, or of numbers, cannot be converted.
SELECT to_cny(s, 'month') = s AS already_cny FROM summary;
SELECT pg_temp.try_expr($$to_usd((SELECT growth_summary(v, d) FROM (VALUES (1::numeric, date '2020-01-01')) t(v, d)), 'month')$$) AS of_numbers;
-- A period without a usable rate is the conversion's error.
INSERT INTO flows VALUES ('2020-06-01', 'A', '1.00 CNY');
SELECT pg_temp.try_expr($$to_usd((SELECT growth_summary(value, period) FROM flows), 'month')$$) AS june_no_rate;
SELECT pg_temp.try_expr($$to_usd((SELECT growth_summary(value, period) FROM flows), 'week')$$) AS week;

-- Volatility, strictness and parallel safety of the new functions.
SELECT p.oid::regprocedure AS function, provolatile, proparallel, proisstrict
FROM pg_proc p
WHERE (proname IN ('convert', 'to_usd', 'to_cny') AND pronargs >= 3 AND 'text'::regtype = proargtypes[pronargs - 1])
   OR (proname IN ('convert', 'to_usd', 'to_cny') AND 'growth_state'::regtype = proargtypes[0])
   OR proname = 'rate_used'
ORDER BY 1::text;

TRUNCATE trade_stats.exchange_rate;

-- valid_for 'quarter': each row holds to the end of its quarter.
SELECT load_rates(E'Date,JPY\n2020-04-01,107\n', 'USD', valid_for => 'quarter') AS quarter_rows;
SELECT valid_from, valid_until FROM trade_stats.exchange_rate WHERE quote = 'JPY' AND valid_from = '2020-04-01';
DELETE FROM trade_stats.exchange_rate WHERE quote = 'JPY' AND valid_from = '2020-04-01';
