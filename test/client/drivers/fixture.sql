-- The database every driver test reads (test/client/drivers.sh loads it).
CREATE EXTENSION trade_stats;
CREATE TABLE client_trade (period date, partner text, value currency_amount);
INSERT INTO client_trade
	SELECT make_date(y, m, 1), p, currency_amount(base * (1 + (y - 2020) * growth) + m * 1000000, 'CNY')
	FROM generate_series(2020, 2021) AS y, generate_series(1, 3) AS m,
		 (VALUES ('ASEAN', 80000000000.25, 0.125), ('EU', 70000000000.10, -0.05),
				 ('美国', 45000000000.00, 0.2)) AS t(p, base, growth);
-- annual rates, each holding for its year
INSERT INTO trade_stats.exchange_rate VALUES
	('USD', 'CNY', '2020-01-01', 6.9000, '2020-12-31'), ('USD', 'CNY', '2021-01-01', 6.4500, '2021-12-31'),
	('EUR', 'USD', '2021-01-01', 1.2100, '2021-12-31');
CREATE TABLE client_edge (id int, value currency_amount);
INSERT INTO client_edge VALUES (1, '-92233720368547758.08 USD'), (2, '92233720368547758.07 USD'),
	(3, '1.234 KWD'), (4, '-100 JPY'), (5, '0.01 EUR'), (6, NULL);
-- A report view shaped as the README's "Using it from BI tools" advises:
-- numbers as numeric, a Chinese label, percent and ratio columns, a
-- timestamptz conversion date as a BI tool's time column gives it.
CREATE VIEW client_report AS
SELECT partner, period,
       sum(value)::numeric AS value_cny,
       to_usd(sum(value), period::timestamptz)::numeric AS value_usd,
       humanize(sum(value), 'zh') AS label_zh,
       yoy(sum(value), period) OVER (PARTITION BY partner) AS yoy_percent,
       yoy(sum(value), period) OVER (PARTITION BY partner) / 100 AS yoy_ratio,
       share_of_total(sum(value)) OVER (PARTITION BY period) AS share_percent
FROM client_trade GROUP BY partner, period;
