--
-- A hostile search_path: objects in a schema earlier on the path must not
-- change what the extension's functions call.  Every shadow below announces
-- itself; no "evil" notice may appear.
--

-- The rates here are months older than the dates converted.
SET trade_stats.max_rate_age = '1 year';

CREATE SCHEMA evil;
CREATE FUNCTION evil.upper(text) RETURNS text LANGUAGE plpgsql AS
	$$ BEGIN RAISE NOTICE 'evil upper'; RETURN 'XYZ'; END $$;
CREATE FUNCTION evil.btrim(text, text) RETURNS text LANGUAGE plpgsql AS
	$$ BEGIN RAISE NOTICE 'evil btrim'; RETURN ''; END $$;
CREATE FUNCTION evil.to_date(text, text) RETURNS date LANGUAGE plpgsql AS
	$$ BEGIN RAISE NOTICE 'evil to_date'; RETURN '1900-01-01'; END $$;
CREATE FUNCTION evil.nextval(regclass) RETURNS bigint LANGUAGE plpgsql AS
	$$ BEGIN RAISE NOTICE 'evil nextval'; RETURN 1; END $$;
CREATE FUNCTION evil.trim_scale(numeric) RETURNS numeric LANGUAGE plpgsql AS
	$$ BEGIN RAISE NOTICE 'evil trim_scale'; RETURN 0; END $$;
CREATE FUNCTION evil.bpchar_eq(bpchar, bpchar) RETURNS boolean LANGUAGE plpgsql AS
	$$ BEGIN RAISE NOTICE 'evil ='; RETURN true; END $$;
CREATE OPERATOR evil.= (LEFTARG = bpchar, RIGHTARG = bpchar, FUNCTION = evil.bpchar_eq);
CREATE TABLE evil.exchange_rate (base char(3), quote char(3), valid_from date, rate numeric);
INSERT INTO evil.exchange_rate VALUES ('USD', 'CNY', '2000-01-01', 1000);

SET search_path = evil, public;

TRUNCATE trade_stats.exchange_rate;
-- the loader, the table's checks and the version trigger
SELECT load_rates(E'Date,CNY,JPY\n2020-01-02,7.0,108.5\n', 'usd') AS loaded;
INSERT INTO trade_stats.exchange_rate VALUES ('EUR', 'USD', '2020-01-02', 1.1);
SELECT base, quote, valid_from, rate FROM trade_stats.exchange_rate ORDER BY 1, 2;
-- conversion (its rate queries), direct and crossed, for a day and a year
SELECT to_cny('100 USD'::currency_amount, '2020-06-01') AS direct,
	   convert('100.00 EUR', 'JPY', date '2020-06-01') AS crossed,
	   convert('100.00 EUR', 'JPY', date '2020-06-01', 'year') AS crossed_year,
	   (SELECT count(*) FROM trade_stats.rate_used('EUR', 'JPY', '2020-06-01', 'year')) AS legs;
-- types, operators and aggregates
SELECT '8.45万亿元'::currency_amount + '1 CNY' AS sum,
	   yoy_growth(v, d) AS growth,
	   share(v, d > '2020-06-01') AS share
FROM (VALUES (date '2020-01-01', 100::bigint), ('2021-01-01', 110)) t(d, v);

RESET search_path;
DROP SCHEMA evil CASCADE;
TRUNCATE trade_stats.exchange_rate;

--
-- The rate cache serves each role exactly the rates it may read: a role
-- without SELECT on exchange_rate gets 42501 even after another role
-- warmed the cache in the same session, and under row-level security each
-- role converts with the rows its policy shows it.
--
INSERT INTO trade_stats.exchange_rate VALUES
	('USD', 'CNY', '2020-01-01', 7.0), ('USD', 'CNY', '2020-06-01', 6.5);
CREATE ROLE regress_rate_alice;
CREATE ROLE regress_rate_bob;
GRANT SELECT ON trade_stats.exchange_rate TO regress_rate_alice;
REVOKE SELECT ON trade_stats.exchange_rate FROM PUBLIC;
-- one session, one call site (a prepared statement), two roles
PREPARE conv AS SELECT to_cny('100 USD'::currency_amount, '2020-07-01') AS cny,
	to_cny('100 USD'::currency_amount, '2020-06-15', 'month') AS cny_june;
SET ROLE regress_rate_alice;
EXECUTE conv;
SET ROLE regress_rate_bob;
\set VERBOSITY sqlstate
EXECUTE conv;
SELECT to_cny('100 USD'::currency_amount, '2020-07-01');
\set VERBOSITY default
SELECT to_cny('100 USD'::currency_amount, '2020-07-01');
RESET ROLE;
GRANT SELECT ON trade_stats.exchange_rate TO PUBLIC;

-- Row-level security: alice sees only the rates before June 2020.
ALTER TABLE trade_stats.exchange_rate ENABLE ROW LEVEL SECURITY;
CREATE POLICY regress_rate_before_june ON trade_stats.exchange_rate FOR SELECT
	TO regress_rate_alice USING (valid_from < '2020-06-01');
CREATE POLICY regress_rate_all ON trade_stats.exchange_rate FOR SELECT
	TO regress_rate_bob USING (true);
SET ROLE regress_rate_bob;
EXECUTE conv;
SET ROLE regress_rate_alice;
EXECUTE conv;
SET ROLE regress_rate_bob;
EXECUTE conv;
RESET ROLE;
-- the owner (no policy applies to it) sees every rate
EXECUTE conv;

DEALLOCATE conv;
DROP POLICY regress_rate_before_june ON trade_stats.exchange_rate;
DROP POLICY regress_rate_all ON trade_stats.exchange_rate;
ALTER TABLE trade_stats.exchange_rate DISABLE ROW LEVEL SECURITY;
REVOKE SELECT ON trade_stats.exchange_rate FROM regress_rate_alice;
DROP ROLE regress_rate_alice;
DROP ROLE regress_rate_bob;
TRUNCATE trade_stats.exchange_rate;
