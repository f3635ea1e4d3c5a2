--
-- Every way exchange_rate changes reaches the cache: through the version
-- triggers (also in replica mode), and with triggers disabled; for the day
-- rate and for the month's average (7.0 and 7.4 in July: 7.2), each change
-- taking 1 off both.
--
TRUNCATE trade_stats.exchange_rate;
INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'CNY', '2020-07-01', 7.0), ('USD', 'CNY', '2020-07-15', 7.4);
SELECT to_cny('100 USD'::currency_amount, '2020-07-01') AS at_7,
       to_cny('100 USD'::currency_amount, '2020-07-01', 'month') AS july;

-- A session in replica mode (as pg_restore --use-set-session-authorization
-- or a replication tool may run): the trigger fires always.
SET session_replication_role = replica;
UPDATE trade_stats.exchange_rate SET rate = rate - 1;
RESET session_replication_role;
SELECT to_cny('100 USD'::currency_amount, '2020-07-01') AS at_6,
       to_cny('100 USD'::currency_amount, '2020-07-01', 'month') AS july;

-- Triggers disabled and enabled again (a data-only restore with
-- --disable-triggers does that around its COPY): re-enabling rewrites the
-- triggers, so the rates cached before are not reused.
ALTER TABLE trade_stats.exchange_rate DISABLE TRIGGER ALL;
UPDATE trade_stats.exchange_rate SET rate = rate - 1;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_inserted;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_updated;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_deleted;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_truncated;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_replicated;
SELECT to_cny('100 USD'::currency_amount, '2020-07-01') AS at_5,
       to_cny('100 USD'::currency_amount, '2020-07-01', 'month') AS july;
-- While a version trigger is disabled, every statement reads the rates
-- afresh: no change can slip past the cache.
ALTER TABLE trade_stats.exchange_rate DISABLE TRIGGER exchange_rate_updated;
SELECT to_cny('100 USD'::currency_amount, '2020-07-01') AS still_5,
       to_cny('100 USD'::currency_amount, '2020-07-01', 'month') AS july;
UPDATE trade_stats.exchange_rate SET rate = rate - 1;
SELECT to_cny('100 USD'::currency_amount, '2020-07-01') AS at_4_trigger_disabled,
       to_cny('100 USD'::currency_amount, '2020-07-01', 'month') AS july;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_updated;
SELECT to_cny('100 USD'::currency_amount, '2020-07-01') AS at_4,
       to_cny('100 USD'::currency_amount, '2020-07-01', 'month') AS july;
-- After ENABLE TRIGGER ALL (as a restore with --disable-triggers ends) the
-- triggers fire in ordinary sessions only, not in replica mode: the rates
-- are read afresh until they fire ALWAYS again.
ALTER TABLE trade_stats.exchange_rate DISABLE TRIGGER ALL;
ALTER TABLE trade_stats.exchange_rate ENABLE TRIGGER ALL;
SET session_replication_role = replica;
UPDATE trade_stats.exchange_rate SET rate = rate - 1;
RESET session_replication_role;
SELECT to_cny('100 USD'::currency_amount, '2020-07-01') AS at_3_origin_triggers,
       to_cny('100 USD'::currency_amount, '2020-07-01', 'month') AS july;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_inserted;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_updated;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_deleted;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_truncated;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_replicated;
-- valid_until is part of what the cache keys on: the 1 July rate stops
-- holding after 10 July.
SELECT to_cny('100 USD'::currency_amount, '2020-07-12') AS holds_to_12_july;
UPDATE trade_stats.exchange_rate SET valid_until = '2020-07-10' WHERE valid_from = '2020-07-01';
\set VERBOSITY sqlstate
SELECT to_cny('100 USD'::currency_amount, '2020-07-12') AS stale_after_10_july;
\set VERBOSITY default
SELECT tgname, tgenabled FROM pg_trigger
WHERE tgrelid = 'trade_stats.exchange_rate'::regclass AND NOT tgisinternal ORDER BY 1;
TRUNCATE trade_stats.exchange_rate;

-- Changes no row trigger sees reach the cache too: a policy changed while
-- a role's rates are cached, a rewrite of the table by ALTER TABLE.
INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'CNY', '2020-06-01', 7), ('USD', 'CNY', '2020-06-05', 8);
CREATE ROLE ts_rate_reader;
ALTER TABLE trade_stats.exchange_rate ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader ON trade_stats.exchange_rate FOR SELECT TO ts_rate_reader USING (true);
SET ROLE ts_rate_reader;
SELECT to_cny('1 USD'::currency_amount, date '2020-06-10') AS every_row;
RESET ROLE;
ALTER POLICY reader ON trade_stats.exchange_rate USING (valid_from < '2020-06-03');
SET ROLE ts_rate_reader;
SELECT to_cny('1 USD'::currency_amount, date '2020-06-10') AS first_row_only;
RESET ROLE;
DROP POLICY reader ON trade_stats.exchange_rate;
ALTER TABLE trade_stats.exchange_rate DISABLE ROW LEVEL SECURITY;
DROP ROLE ts_rate_reader;
SELECT to_cny('1 USD'::currency_amount, date '2020-06-10') AS cached_again;
ALTER TABLE trade_stats.exchange_rate ALTER COLUMN valid_until TYPE date USING valid_from;
\set VERBOSITY sqlstate
SELECT to_cny('1 USD'::currency_amount, date '2020-06-10') AS after_the_rewrite;
\set VERBOSITY default
-- Rows of a table that inherits from exchange_rate are no rates: the
-- cache and the monthly view read the table's own rows (ONLY).
CREATE TABLE rate_child () INHERITS (trade_stats.exchange_rate);
INSERT INTO rate_child VALUES ('USD', 'CNY', '2020-06-10', 99);
SELECT to_cny('1 USD'::currency_amount, date '2020-06-05') AS own_rows_only,
	   (SELECT count(*) FROM trade_stats.exchange_rate_monthly WHERE rate = 99) AS child_rows_in_view;
DROP TABLE rate_child;
TRUNCATE trade_stats.exchange_rate;
