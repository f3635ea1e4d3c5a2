#!/usr/bin/env bash
# Rates that arrive by logical replication: a publication of
# trade_stats.exchange_rate in one database, a subscription in another (the
# same throwaway cluster, run with wal_level=logical, reached over
# 127.0.0.1).  A long-lived session on the subscriber that cached a rate
# converts at the replicated rate as soon as the row is there (the apply
# worker fires only row triggers, in replica mode; the extension has one for
# it).  With that trigger disabled, the session reads the rates afresh.
# Prints "ok - ..." lines.
set -u
cd "$(dirname "$0")/../.."
pub=ts_repl_pub
sub=ts_repl_sub
cleanup() {
	psql -X -q -d "$sub" -c "DROP SUBSCRIPTION IF EXISTS ts_rates_sub" >/dev/null 2>&1
	psql -X -q -d "$pub" -c "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
		WHERE slot_name = 'ts_rates_sub'" >/dev/null 2>&1
	dropdb --if-exists "$sub" 2>/dev/null
	dropdb --if-exists "$pub" 2>/dev/null
}
trap cleanup EXIT
cleanup
level=$(psql -X -At -d postgres -c 'SHOW wal_level')
if [ "$level" != logical ]; then
	echo "not ok - logical replication: the cluster runs with wal_level $level, not logical"
	exit 0
fi
createdb "$pub" && createdb "$sub" || { echo "not ok - createdb"; exit 0; }
q() {
	local db=$1
	shift
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"
}
conn="host=127.0.0.1 port=${PGPORT:-5432} dbname=$pub user=${PGUSER:-$(id -un)}${PGPASSWORD:+ password=$PGPASSWORD}"
q "$pub" -c "CREATE EXTENSION trade_stats" \
	-c "INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'CNY', '2020-01-01', 7)" \
	-c "CREATE PUBLICATION ts_rates FOR TABLE trade_stats.exchange_rate" \
	-c "SELECT pg_create_logical_replication_slot('ts_rates_sub', 'pgoutput')" >/dev/null ||
	{ echo "not ok - publisher setup"; exit 0; }
q "$sub" -c "CREATE EXTENSION trade_stats" \
	-c "CREATE SUBSCRIPTION ts_rates_sub CONNECTION '$conn' PUBLICATION ts_rates
		WITH (create_slot = false, slot_name = 'ts_rates_sub')" >/dev/null ||
	{ echo "not ok - subscriber setup"; exit 0; }

# SQL that waits until the subscriber's row has the rate $1 (30 s at most)
wait_sql() {
	echo "DO \$\$ BEGIN
		FOR i IN 1..300 LOOP
			EXIT WHEN (SELECT rate FROM trade_stats.exchange_rate WHERE base = 'USD' AND quote = 'CNY') = $1;
			PERFORM pg_sleep(0.1);
		END LOOP;
	END \$\$;"
}
update_pub="psql -X -q -d $pub -c \"UPDATE trade_stats.exchange_rate SET rate = %s\""

# One subscriber session from start to end: its rate cache lives on.
out=$(q "$sub" 2>&1 <<SQL
$(wait_sql 7)
SELECT 'before ' || to_cny('100 USD'::currency_amount, '2020-01-20') || ' ' || to_cny('100 USD'::currency_amount, '2020-01-20', 'month');
\! $(printf "$update_pub" 6)
$(wait_sql 6)
SELECT 'replicated ' || to_cny('100 USD'::currency_amount, '2020-01-20') || ' ' || to_cny('100 USD'::currency_amount, '2020-01-20', 'month');
ALTER TABLE trade_stats.exchange_rate DISABLE TRIGGER exchange_rate_replicated;
\! $(printf "$update_pub" 5)
$(wait_sql 5)
SELECT 'trigger disabled ' || to_cny('100 USD'::currency_amount, '2020-01-20') || ' ' || to_cny('100 USD'::currency_amount, '2020-01-20', 'month');
ALTER TABLE trade_stats.exchange_rate ENABLE ALWAYS TRIGGER exchange_rate_replicated;
SELECT 'enabled again ' || to_cny('100 USD'::currency_amount, '2020-01-20') || ' ' || to_cny('100 USD'::currency_amount, '2020-01-20', 'month');
SQL
)
check() {
	if grep -qx "$2" <<<"$out"; then
		echo "ok - $1"
	else
		echo "not ok - $1: no line '$2' in: $(tr '\n' '|' <<<"$out")"
	fi
}
check "logical replication: the subscriber's session converts at the initial rate" "before 700.00 CNY 700.00 CNY"
check "logical replication: after a replicated update the same session converts at the new rate" "replicated 600.00 CNY 600.00 CNY"
check "logical replication: with the row trigger disabled the session reads the rates afresh" "trigger disabled 500.00 CNY 500.00 CNY"
check "logical replication: with the trigger enabled again, the replicated rate" "enabled again 500.00 CNY 500.00 CNY"
