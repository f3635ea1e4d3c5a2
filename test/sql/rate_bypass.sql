--
-- Changes of exchange_rate that the version trigger sees, and one it cannot:
-- the cache follows the first, and after the second an administrator bumps
-- the version by hand (the README says when).
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

-- Triggers disabled (ALTER TABLE ... DISABLE TRIGGER, a data-only restore
-- with --disable-triggers): no trigger, no new version, and the cache keeps
-- the old rate until the version is bumped by hand.
ALTER TABLE trade_stats.exchange_rate DISABLE TRIGGER ALL;
UPDATE trade_stats.exchange_rate SET rate = 5.0;
ALTER TABLE trade_stats.exchange_rate ENABLE TRIGGER ALL;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_inserted;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_updated;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_deleted;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_truncated;
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_replicated;
SELECT to_cny('100 USD', '2020-07-01') AS still_at_6;
UPDATE trade_stats.rate_version SET version = nextval('trade_stats.rate_version_seq');
SELECT to_cny('100 USD', '2020-07-01') AS at_5;
SELECT tgname, tgenabled FROM pg_trigger
WHERE tgrelid = 'trade_stats.exchange_rate'::regclass AND NOT tgisinternal ORDER BY 1;
TRUNCATE trade_stats.exchange_rate;
