--
-- A hostile search_path: objects in a schema earlier on the path must not
-- change what the extension's functions call.  Every shadow below announces
-- itself; no "evil" notice may appear.
--

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
-- conversion (its rate queries), direct and crossed
SELECT to_cny('100 USD', '2020-06-01') AS direct,
	   convert('100.00 EUR', 'JPY', date '2020-06-01') AS crossed;
-- types, operators and aggregates
SELECT '8.45万亿元'::currency_amount + '1 CNY' AS sum,
	   yoy_growth(v, d) AS growth,
	   share(v, d > '2020-06-01') AS share
FROM (VALUES (date '2020-01-01', 100::bigint), ('2021-01-01', 110)) t(d, v);

RESET search_path;
DROP SCHEMA evil CASCADE;
TRUNCATE trade_stats.exchange_rate;
