-- A realistic, deterministic customs table: China's monthly goods trade by
-- partner, commodity group and flow, January 2024 to October 2026, in yuan,
-- with the customs office's monthly yuan/dollar rates.  Nothing is random or
-- downloaded: every value follows from the tables below by integer and
-- numeric arithmetic, so every run (and every machine) prints the same report.
-- The magnitudes follow China's published trade (about 2.1 trillion yuan of
-- exports and 1.5 trillion of imports a month, the main partners' shares);
-- the figures themselves are made up.

CREATE SCHEMA demo;

-- Partners: English and Chinese names, bloc, share of China's exports and
-- imports in January 2024, yearly trend of each flow, and whether China buys
-- mostly raw materials there.
CREATE TABLE demo.partner (
	id int PRIMARY KEY, name text, name_zh text, bloc text,
	export_weight numeric, import_weight numeric,
	export_trend numeric, import_trend numeric, resources boolean);
INSERT INTO demo.partner VALUES
	(1, 'United States', '美国', 'North America', 14.7, 6.3, 0.95, 0.93, false),
	(2, 'Hong Kong, China', '中国香港', 'Asia', 8.1, 0.4, 1.01, 1.05, false),
	(3, 'Japan', '日本', 'Asia', 4.4, 6.2, 0.98, 0.99, false),
	(4, 'Korea', '韩国', 'Asia', 4.3, 7.1, 1.02, 1.06, false),
	(5, 'Vietnam', '越南', 'ASEAN', 4.6, 3.7, 1.14, 1.09, false),
	(6, 'Malaysia', '马来西亚', 'ASEAN', 2.9, 4.0, 1.08, 1.05, false),
	(7, 'Thailand', '泰国', 'ASEAN', 2.4, 2.2, 1.10, 1.03, false),
	(8, 'Indonesia', '印度尼西亚', 'ASEAN', 2.1, 3.1, 1.09, 1.02, true),
	(9, 'Singapore', '新加坡', 'ASEAN', 2.2, 1.2, 1.07, 1.04, false),
	(10, 'India', '印度', 'Asia', 3.4, 0.7, 1.08, 1.01, false),
	(11, 'Germany', '德国', 'EU', 3.0, 4.6, 1.01, 0.96, false),
	(12, 'Netherlands', '荷兰', 'EU', 2.8, 0.7, 1.02, 1.00, false),
	(13, 'Russia', '俄罗斯', 'Europe (non-EU)', 3.2, 5.0, 0.94, 0.97, true),
	(14, 'Australia', '澳大利亚', 'Oceania', 2.2, 5.8, 1.03, 0.98, true),
	(15, 'Brazil', '巴西', 'Latin America', 2.1, 4.7, 1.06, 1.04, true),
	(16, 'Saudi Arabia', '沙特阿拉伯', 'Middle East', 1.4, 2.8, 1.12, 0.95, true),
	(17, 'South Africa', '南非', 'Africa', 0.7, 1.4, 1.05, 1.02, true),
	(18, 'Rest of the world', '其他', 'Other', 35.5, 40.1, 1.05, 1.02, false);

-- Commodity groups: weights within each flow; imports from resource
-- partners weigh raw materials, imports from the others manufactures.
CREATE TABLE demo.commodity (
	id int PRIMARY KEY, hs text, name text, name_zh text,
	export_weight numeric, import_weight numeric, resource_import_weight numeric);
INSERT INTO demo.commodity VALUES
	(1, '85', 'Electrical machinery', '机电产品', 24, 22, 2),
	(2, '84', 'Machinery', '机械设备', 17, 10, 1),
	(3, '8542', 'Integrated circuits', '集成电路', 5, 25, 0),
	(4, '87', 'Vehicles', '汽车', 8, 5, 0),
	(5, '50-63', 'Textiles and garments', '纺织服装', 13, 2, 1),
	(6, '2709', 'Crude oil', '原油', 0, 1, 45),
	(7, '2601', 'Iron ore', '铁矿砂', 0, 0, 30),
	(8, '01-24', 'Agricultural products', '农产品', 4, 10, 21),
	(9, '--', 'Other goods', '其他商品', 29, 25, 0);

-- Customs' monthly rates, yuan per US dollar (illustrative).
CREATE TABLE demo.usd_rate (month date PRIMARY KEY, cny_per_usd numeric);
INSERT INTO demo.usd_rate VALUES
	('2024-01-01', 7.1050), ('2024-02-01', 7.1064), ('2024-03-01', 7.0950), ('2024-04-01', 7.1039),
	('2024-05-01', 7.1063), ('2024-06-01', 7.1097), ('2024-07-01', 7.1315), ('2024-08-01', 7.1265),
	('2024-09-01', 7.0925), ('2024-10-01', 7.0074), ('2024-11-01', 7.1244), ('2024-12-01', 7.1865),
	('2025-01-01', 7.1884), ('2025-02-01', 7.1693), ('2025-03-01', 7.1740), ('2025-04-01', 7.1782),
	('2025-05-01', 7.1963), ('2025-06-01', 7.1848), ('2025-07-01', 7.1586), ('2025-08-01', 7.1496),
	('2025-09-01', 7.1322), ('2025-10-01', 7.1055), ('2025-11-01', 7.1018), ('2025-12-01', 7.0873),
	('2026-01-01', 7.0688), ('2026-02-01', 7.0420), ('2026-03-01', 7.0315), ('2026-04-01', 7.0288),
	('2026-05-01', 7.0193), ('2026-06-01', 7.0105), ('2026-07-01', 6.9982), ('2026-08-01', 6.9871),
	('2026-09-01', 6.9755), ('2026-10-01', 6.9630);
INSERT INTO trade_stats.exchange_rate (base, quote, valid_from, rate)
	SELECT 'USD', 'CNY', month, cny_per_usd FROM demo.usd_rate;

-- Exports dip at the Chinese New Year and in the October Golden Week.
CREATE TABLE demo.season (month int PRIMARY KEY, factor numeric);
INSERT INTO demo.season VALUES (1, 1.04), (2, 0.78), (3, 0.97), (4, 1.00), (5, 1.02),
	(6, 1.02), (7, 1.04), (8, 1.03), (9, 1.05), (10, 0.95), (11, 1.03), (12, 1.07);

-- One row per month, flow, partner and commodity: the flow's monthly total
-- (2,050 and 1,500 billion yuan in January 2024) times the partner's and
-- the commodity's weights, the season, the partner's trend, and a
-- deterministic wobble of up to ±8% from an integer hash.
CREATE TABLE demo.customs (
	period date NOT NULL,		-- the first day of the month
	flow text NOT NULL CHECK (flow IN ('export', 'import')),
	partner text NOT NULL,
	commodity text NOT NULL,
	value currency_amount NOT NULL);
INSERT INTO demo.customs
SELECT m.period, f.flow, p.name, c.name,
	   currency_amount(round(
		   f.total_bn * 1e9
		   * CASE f.flow WHEN 'export' THEN p.export_weight ELSE p.import_weight END / 100
		   * CASE WHEN f.flow = 'export' THEN c.export_weight
				  WHEN p.resources THEN c.resource_import_weight
				  ELSE c.import_weight END / 100
		   * s.factor
		   * power(CASE f.flow WHEN 'export' THEN p.export_trend ELSE p.import_trend END, m.i / 12.0)
		   * (0.92 + 0.16 * ((p.id * 7919 + c.id * 104729 + m.i * 15485863 + f.id * 32452843) % 10007) / 10006),
		   -4), 'CNY')
FROM (SELECT i, (date '2024-01-01' + make_interval(months => i))::date AS period
	  FROM generate_series(0, 33) AS i) m
	 CROSS JOIN (VALUES (1, 'export', 2050), (2, 'import', 1500)) AS f(id, flow, total_bn)
	 CROSS JOIN demo.partner p
	 CROSS JOIN demo.commodity c
	 JOIN demo.season s ON s.month = extract(month FROM m.period)
WHERE CASE WHEN f.flow = 'export' THEN c.export_weight
		   WHEN p.resources THEN c.resource_import_weight
		   ELSE c.import_weight END > 0;
ANALYZE demo.customs;
