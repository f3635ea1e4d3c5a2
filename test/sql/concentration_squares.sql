--
-- hhi sums the squares of the parts in 128 bits while they fit and in
-- numeric beyond: the same result on both sides of the edge.  And the
-- numeric parts and quantities read from both stored forms of numeric
-- (the short one, and the long one beyond 63 decimals or weight 63).
--
\i test/sql/helpers.psql

-- amounts: two squares of 9e18 minor units fit in 127 bits, three do not
SELECT hhi(v) FROM (VALUES (currency_amount(90000000000000000.00, 'CNY')),
						   (currency_amount(90000000000000000.00, 'CNY'))) t(v);
SELECT hhi(v) FROM (VALUES (currency_amount(90000000000000000.00, 'CNY')),
						   (currency_amount(90000000000000000.00, 'CNY')),
						   (currency_amount(1.00, 'CNY'))) t(v);
SELECT hhi(v) FROM (VALUES (currency_amount(90000000000000000.00, 'CNY')),
						   (currency_amount(90000000000000000.00, 'CNY')),
						   (currency_amount(90000000000000000.00, 'CNY')),
						   (currency_amount(12345.67, 'CNY'))) t(v);
-- numeric: 13043817825332782212 is the integer square root of 2^127 - 1;
-- its square and 1 fit, the next square does not
SELECT hhi(v) FROM (VALUES (13043817825332782212::numeric), (1::numeric)) t(v);
SELECT hhi(v) FROM (VALUES (13043817825332782213::numeric), (1::numeric)) t(v);
SELECT hhi(v) FROM (VALUES (13043817825332782212::numeric), (13043817825332782212::numeric)) t(v);
-- at a common scale of 6 decimals the squares of 1e30 leave 128 bits
SELECT hhi(v) FROM (VALUES (1e30::numeric), (2e30), (0.000001)) t(v);
SELECT cr(v, 2) FROM (VALUES (5::numeric), (1), (3), (3), (0), (7.5)) t(v);

-- the long stored form: a display scale of 70, a weight beyond 63
SELECT hhi(v) FROM (VALUES (1.5::numeric(80, 70)), (0.25::numeric(80, 70)), (1e260::numeric / 1e260)) t(v);
SELECT unit_value(v, q, 't') FROM (VALUES (10::numeric, -0.0001::numeric(80, 70)),
									   (1e20, 123456789012345678901234567890.123),
									   (5, 0.5)) t(v, q);
SELECT unit_value(v, q, 't') FROM (VALUES (-1234.5678::numeric, 1e-10::numeric),
									   (99999999.99999999, 10000.0001::numeric(80, 70))) t(v, q);
SELECT unit_value(v, q, 't') FROM (VALUES ('7 USD'::currency_amount, 1e300::numeric / 1e290),
									   ('3 USD', -2e-5::numeric(90, 75))) t(v, q);
SELECT unit_value(v, q, 't') FROM (VALUES ('7 USD'::currency_amount, 1e300::numeric)) t(v, q);

-- numerics read from a table's rows (a 1-byte varlena header, read in
-- place) give what the same values give as constants
CREATE TABLE squares_rows (part numeric, qty numeric);
INSERT INTO squares_rows VALUES (1.5, 2), (0.25, -0.0001::numeric(80, 70)),
	(13043817825332782212, 1e-10), (0, 12345678901234567890.5);
SELECT hhi(part), cr(part, 2), unit_value(part, qty, 't') FROM squares_rows;
SELECT hhi(part), cr(part, 2), unit_value(part, qty, 't')
FROM (VALUES (1.5, 2::numeric), (0.25, -0.0001::numeric(80, 70)),
	(13043817825332782212, 1e-10), (0, 12345678901234567890.5)) t(part, qty);
INSERT INTO squares_rows VALUES ('NaN', 1);
SELECT hhi(part) FROM squares_rows;
UPDATE squares_rows SET part = 1, qty = '-Infinity' WHERE part = 'NaN';
SELECT unit_value(part, qty, 't') FROM squares_rows;
DROP TABLE squares_rows;
