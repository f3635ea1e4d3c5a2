#!/usr/bin/env bash
# A maintained summary on the subscriber of a logically replicated source:
# a publication of a partitioned customs table in one database, a
# subscription in another (the same throwaway cluster, wal_level=logical,
# reached over 127.0.0.1), where the table has a summary.  The initial copy
# and the replicated INSERT, UPDATE (a row moving partition), DELETE and
# TRUNCATE are applied in replica mode, where only the summary's row
# trigger fires: afterwards the subscriber's summary equals a rebuild.
# Prints "ok - ..." lines.
set -u
pub=ts_srepl_pub
sub=ts_srepl_sub
cleanup() {
	psql -X -q -d "$sub" -c "DROP SUBSCRIPTION IF EXISTS ts_srepl_sub" >/dev/null 2>&1
	psql -X -q -d "$pub" -c "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
		WHERE slot_name = 'ts_srepl_sub'" >/dev/null 2>&1
	dropdb --if-exists "$sub" 2>/dev/null
	dropdb --if-exists "$pub" 2>/dev/null
}
trap cleanup EXIT
cleanup
if [ "$(psql -X -At -d postgres -c 'SHOW wal_level')" != logical ]; then
	echo "not ok - summary replication: the cluster does not run with wal_level logical"
	exit 0
fi
createdb "$pub" && createdb "$sub" || { echo "not ok - createdb"; exit 0; }
q() {
	local db=$1
	shift
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"
}
schema="CREATE EXTENSION trade_stats;
CREATE TABLE trade (partner text NOT NULL, period date NOT NULL, v currency_amount,
	PRIMARY KEY (partner, period)) PARTITION BY RANGE (period);
CREATE TABLE trade_2020 PARTITION OF trade FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE trade_2021 PARTITION OF trade FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');"
conn="host=127.0.0.1 port=${PGPORT:-5432} dbname=$pub user=${PGUSER:-$(id -un)}${PGPASSWORD:+ password=$PGPASSWORD}"
q "$pub" -c "$schema" \
	-c "INSERT INTO trade SELECT p, d, currency_amount(length(p) * 100 + extract(month FROM d)::int, 'CNY')
		FROM unnest(ARRAY['EU', 'US', 'ASEAN']) p, generate_series(date '2020-01-01', date '2021-12-01', interval '1 month') d" \
	-c "CREATE PUBLICATION ts_srepl FOR TABLE trade" \
	-c "SELECT pg_create_logical_replication_slot('ts_srepl_sub', 'pgoutput')" >/dev/null ||
	{ echo "not ok - publisher setup"; exit 0; }
q "$sub" -c "$schema" \
	-c "SELECT trade_stats.create_summary('trade_summary', 'trade', '{partner}', 'v', 'period')" \
	-c "CREATE SUBSCRIPTION ts_srepl_sub CONNECTION '$conn' PUBLICATION ts_srepl
		WITH (create_slot = false, slot_name = 'ts_srepl_sub')" >/dev/null ||
	{ echo "not ok - subscriber setup"; exit 0; }

# wait_for COUNT: until the subscriber has COUNT rows (30 s at most)
wait_for() {
	q "$sub" -c "DO \$\$ BEGIN
		FOR i IN 1..300 LOOP
			EXIT WHEN (SELECT count(*) FROM trade) = $1;
			PERFORM pg_sleep(0.1);
		END LOOP;
	END \$\$;"
}
# the subscriber's summary against a rebuild from its rows
same() {
	q "$sub" -c "CREATE TEMP TABLE kept AS SELECT * FROM trade_summary" \
		-c "SELECT 'rebuilt' FROM trade_stats.refresh_summary('trade_summary')" \
		-c "SELECT (SELECT count(*) FROM trade_summary) || ' rows, ' || count(*) || ' differ'
		    FROM ((TABLE kept EXCEPT ALL TABLE trade_summary) UNION ALL (TABLE trade_summary EXCEPT ALL TABLE kept)) x" | tail -1
}
check() {
	if [ "$2" = "$3" ]; then echo "ok - $1"; else echo "not ok - $1: got '$2', expected '$3'"; fi
}
wait_for 72
check "summary replication: the initial copy fills the subscriber's summary" "$(same)" "72 rows, 0 differ"
q "$pub" -c "INSERT INTO trade VALUES ('JP', '2020-05-01', '7 CNY'), ('JP', '2021-05-01', '9 CNY')" \
	-c "UPDATE trade SET period = '2021-02-15' WHERE partner = 'EU' AND period = '2020-02-01'" \
	-c "UPDATE trade SET v = v * 2 WHERE partner = 'US'" \
	-c "DELETE FROM trade WHERE partner = 'ASEAN' AND period < '2020-07-01'" >/dev/null
wait_for 68
sleep 1
check "summary replication: replicated INSERT, UPDATE (across partitions) and DELETE" "$(same)" "67 rows, 0 differ"
check "summary replication: the subscriber's totals are the publisher's" \
	"$(q "$sub" -c "SELECT string_agg(partner || ' ' || total(s), ', ' ORDER BY partner) FROM (SELECT partner, rollup(summary) s FROM trade_summary GROUP BY 1) x")" \
	"$(q "$pub" -c "SELECT string_agg(partner || ' ' || s::numeric, ', ' ORDER BY partner) FROM (SELECT partner, sum(v) AS s FROM trade GROUP BY 1) x")"
q "$pub" -c "TRUNCATE trade_2020" >/dev/null
wait_for 37
sleep 1
check "summary replication: a replicated TRUNCATE of a partition" "$(same)" "37 rows, 0 differ"
