-- The database sqlsmith runs against (test/tools/sqlsmith.sh): the extension and
-- tables of its types, with edge values.
CREATE EXTENSION trade_stats;
CREATE TABLE trade (period date, partner text, flow boolean, value currency_amount,
	n numeric, i bigint, f float8);
INSERT INTO trade
	SELECT date '2018-01-01' + (k % 48) * 31, 'p' || k % 7, k % 3 = 0,
		   currency_amount(k * 1.25 - 300, 'CNY'), k * 1.25, k, k / 3.0
	FROM generate_series(1, 500) k;
INSERT INTO trade VALUES (NULL, NULL, NULL, NULL, NULL, NULL, NULL),
	('2020-02-29', 'x', true, '92233720368547758.07 USD', 1e30, 9223372036854775807, 1e300);
CREATE TABLE states AS
	SELECT partner, growth_accum(NULL::growth_state, value, period) AS g,
		   currency_amount_sum_accum('(0,0,)', value) AS s
	FROM trade WHERE value IS NOT NULL GROUP BY partner, value, period;
SELECT load_rates(E'Date,CNY,JPY,EUR\n2018-01-01,6.5,110,0.85\n2019-06-01,6.9,108,0.9\n', 'USD');
ANALYZE;
