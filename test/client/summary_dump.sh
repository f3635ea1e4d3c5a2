#!/usr/bin/env bash
# Maintained summary tables through pg_dump and pg_restore: a database
# owner who is not a superuser dumps and restores a database with a
# summary (0.2's row security on the definitions made pg_dump fail for
# every such role); data-only restores into an existing schema, with and
# without --disable-triggers, keep every source row and an exact summary.
# Run inside a throwaway cluster (the test runner does); prints "ok - ..."
# or "not ok - ..." per check.
set -u
tmp=$(mktemp -d)
dbs="sd_src sd_copy sd_data sd_data_dt"
trap 'rm -rf "$tmp"; for d in $dbs; do dropdb --if-exists "$d" 2>/dev/null; done; dropuser --if-exists sd_owner 2>/dev/null' EXIT
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$@"; }
check() {
	if [ "$2" = "$3" ]; then echo "ok - $1"; else echo "not ok - $1: got '$2', expected '$3'"; fi
}
# the owner logs in as the test's own user does (with its password, where
# the cluster asks for one)
echo "CREATE ROLE sd_owner LOGIN PASSWORD :'pw';" |
	psql -X -q -v ON_ERROR_STOP=1 -d postgres -v pw="${PGPASSWORD:-}" >/dev/null 2>&1 &&
	createdb -O sd_owner sd_src || { echo "not ok - setup failed"; exit 1; }
# the owner may also write the rates (pg_restore writes the rates table)
q sd_src -c "CREATE EXTENSION trade_stats" -c "GRANT INSERT ON trade_stats.exchange_rate TO sd_owner" >/dev/null
q sd_src -U sd_owner >/dev/null <<'SQL'
CREATE TABLE trade (partner text NOT NULL, period date, v currency_amount)
	PARTITION BY RANGE (period);
CREATE TABLE trade_2020 PARTITION OF trade FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE trade_2021 PARTITION OF trade FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
INSERT INTO trade SELECT p, d, currency_amount(i * 10 + (extract(year FROM d)::int - 2019) * length(p), 'CNY')
	FROM unnest(ARRAY['EU', 'US', 'JP']) p, generate_series(date '2020-01-01', date '2021-12-01', interval '1 month') d,
		 generate_series(1, 3) i;
SELECT trade_stats.create_summary('trade_summary', 'trade', '{partner}', 'v', 'period');
SQL
# the summary's rows, and whether they equal a rebuild from the source
state() {
	q "$1" -c "SELECT count(*) || ' source rows, ' || (SELECT count(*) FROM trade_summary) || ' summary rows, '
	           || (SELECT string_agg(partner || ' ' || yoy_growth(s), ', ' ORDER BY partner)
	               FROM (SELECT partner, rollup(summary) s FROM trade_summary GROUP BY 1) x) FROM trade" \
		-c "CREATE TEMP TABLE before AS SELECT * FROM trade_summary" \
		-c "SELECT 'rebuilt' FROM trade_stats.refresh_summary('trade_summary')" \
		-c "SELECT count(*) || ' rows differ from a rebuild' FROM ((TABLE before EXCEPT ALL TABLE trade_summary) UNION ALL (TABLE trade_summary EXCEPT ALL TABLE before)) x"
}
expected=$(state sd_src)
check "the source database has a summary" "$expected" \
	"$(printf '%s\n%s\n%s' "216 source rows, 72 summary rows, EU 9.0909090909090909, JP 9.0909090909090909, US 9.0909090909090909" rebuilt "0 rows differ from a rebuild")"

pg_dump -U sd_owner -Fc -f "$tmp/sd.dump" sd_src 2>"$tmp/dump.err"
check "pg_dump by the database owner, not a superuser" "$(cat "$tmp/dump.err")" ""
createdb -O sd_owner sd_copy
q sd_copy -c "CREATE EXTENSION trade_stats" -c "GRANT INSERT ON trade_stats.exchange_rate TO sd_owner" >/dev/null
pg_restore -U sd_owner -d sd_copy "$tmp/sd.dump" 2>"$tmp/restore.err"
# a role that does not own the extension cannot comment on it: the only error
check "pg_restore by the database owner: only the extension's comment is refused" \
	"$(grep -c 'ERROR' "$tmp/restore.err") $(grep -c 'must be owner of extension trade_stats' "$tmp/restore.err")" "1 1"
check "restored by the owner: the summary, exact" "$(state sd_copy)" "$expected"
q sd_copy -U sd_owner -c "INSERT INTO trade VALUES ('EU', '2021-12-15', '1000 CNY')" -c "DELETE FROM trade_2020 WHERE partner = 'JP'" >/dev/null
check "restored by the owner: the triggers keep it" "$(state sd_copy | tail -1)" "0 rows differ from a rebuild"

# data-only restores into the schema: without --disable-triggers the
# source's rows arrive before the definition (which then rebuilds the
# summary); with it (a superuser's) nothing fires and the summary's rows
# are the dump's
pg_dump -U sd_owner -Fc --schema-only -f "$tmp/schema.dump" sd_src
pg_dump -U sd_owner -Fc --data-only -f "$tmp/data.dump" sd_src
for mode in "" --disable-triggers; do
	db=sd_data${mode:+_dt}
	createdb -O sd_owner "$db"
	pg_restore -d "$db" "$tmp/schema.dump" 2>"$tmp/schema.err"
	pg_restore -d "$db" $mode "$tmp/data.dump" 2>"$tmp/data.err"
	check "data-only restore ${mode:-with triggers}: no error" "$(cat "$tmp/schema.err" "$tmp/data.err")" ""
	check "data-only restore ${mode:-with triggers}: every row, an exact summary" "$(state "$db")" "$expected"
	check "data-only restore ${mode:-with triggers}: the triggers fire as they should" \
		"$(q "$db" -c "SELECT string_agg(DISTINCT tgname || '=' || tgenabled::text, ',') FROM pg_trigger WHERE tgname LIKE 'trade_stats_summary_%'")" \
		"trade_stats_summary_begin=O,trade_stats_summary_delete=O,trade_stats_summary_guard=A,trade_stats_summary_insert=O,trade_stats_summary_replica=R,trade_stats_summary_truncate=A,trade_stats_summary_update=O"
done

# restores into a database that already holds the summaries are not
# followed (README, "Known limits"): a summary table restored alone
# (pg_dump -t, pg_restore --clean) comes back as a plain table, since its
# DROP TABLE took the definition and the source's triggers with it
pg_dump -Fc -t trade_summary -f "$tmp/alone.dump" sd_copy
pg_restore --clean -d sd_copy "$tmp/alone.dump" >/dev/null 2>&1
check "a summary table restored alone by pg_restore --clean is a plain table" \
	"$(q sd_copy -c "SELECT count(*) FROM trade_stats.summary_definition" \
		-c "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'trade_stats_summary_%' AND tgrelid <> 'trade_summary'::regclass")" \
	"$(printf '0\n0')"
# a data-only restore into tables that hold rows: the source's rows are
# added a second time, the summary table keeps its own
pg_restore -d sd_data_dt --disable-triggers "$tmp/data.dump" >/dev/null 2>&1
after=$(state sd_data_dt)
check "a data-only restore into tables that hold rows leaves the summary unlike its source" \
	"$(echo "$after" | head -1 | cut -d, -f1-2) / $(echo "$after" | tail -1)" \
	"432 source rows, 72 summary rows / 144 rows differ from a rebuild"
