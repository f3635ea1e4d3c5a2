--
-- Every way exchange_rate changes reaches the cache: through the version
-- triggers (also in replica mode), and with triggers disabled.
--
TRUNCATE trade_stats.exchange_rate;
INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'CNY', '2020-01-01', 7.0);
SELECT to_cny('100 USD', '2020-07-01') AS at_7;

-- A session in replica mode (as pg_restore --use-set-session-authorization
-- or a replication tool may run): the trigger fires always.
SET session_replication_role = replica;
UPDATE trade_stats.exchange_rate SET rate = 6.0;
RESET session_replication_role;
SELECT to_cny('100 USD', '2020-07-01') AS at_6;

-- Triggers disabled and enabled again (a data-only restore with
-- --disable-triggers does that around its COPY): re-enabling rewrites the
-- triggers, so the rates cached before are not reused.
ALTER TABLE trade_stats.exchange_rate DISABLE TRIGGER ALL;
UPDATE trade_stats.exchange_rate SET rate = 5.0;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_inserted;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_updated;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_deleted;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_truncated;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_replicated;
SELECT to_cny('100 USD', '2020-07-01') AS at_5;
-- While a version trigger is disabled, every statement reads the rates
-- afresh: no change can slip past the cache.
ALTER TABLE trade_stats.exchange_rate DISABLE TRIGGER exchange_rate_updated;
SELECT to_cny('100 USD', '2020-07-01') AS still_5;
UPDATE trade_stats.exchange_rate SET rate = 4.0;
SELECT to_cny('100 USD', '2020-07-01') AS at_4_trigger_disabled;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_updated;
SELECT to_cny('100 USD', '2020-07-01') AS at_4;
-- After ENABLE TRIGGER ALL (as a restore with --disable-triggers ends) the
-- triggers fire in ordinary sessions only, not in replica mode: the rates
-- are read afresh until they fire ALWAYS again.
ALTER TABLE trade_stats.exchange_rate DISABLE TRIGGER ALL;
ALTER TABLE trade_stats.exchange_rate ENABLE TRIGGER ALL;
SET session_replication_role = replica;
UPDATE trade_stats.exchange_rate SET rate = 3.0;
RESET session_replication_role;
SELECT to_cny('100 USD', '2020-07-01') AS at_3_origin_triggers;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_inserted;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_updated;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_deleted;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_truncated;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_replicated;
SELECT tgname, tgenabled FROM pg_trigger
WHERE tgrelid = 'trade_stats.exchange_rate'::regclass AND NOT tgisinternal ORDER BY 1;
TRUNCATE trade_stats.exchange_rate;
