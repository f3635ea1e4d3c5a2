#!/usr/bin/env bash
# pg_dump / pg_restore round trip of a database using trade_stats: tables
# with currency_amount and state columns, and user-loaded exchange rates, in
# the custom and the plain format.  Run inside a throwaway cluster (the test
# runner does); prints "ok - ..." or "not ok - ..." per check.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; for d in ts_src ts_custom ts_plain; do dropdb --if-exists "$d" 2>/dev/null; done' EXIT
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$@"; }
check() {
	if [ "$2" = "$3" ]; then echo "ok - $1"; else echo "not ok - $1: got '$2', expected '$3'"; fi
}

createdb ts_src || { echo "not ok - createdb failed"; exit 1; }
q ts_src >/dev/null <<'SQL'
CREATE EXTENSION trade_stats;
CREATE TABLE trade (id int PRIMARY KEY, period date, partner text, value currency_amount);
INSERT INTO trade VALUES (1, '2020-01-01', 'ASEAN', '100.64 billion yuan'),
	(2, '2021-01-01', 'ASEAN', '114.23 billion yuan'),
	(3, '2021-01-01', 'EU', '-92233720368547758.08 USD'),
	(4, '2021-01-01', 'JP', '9223372036854775807 JPY'), (5, NULL, NULL, NULL),
	(6, '2021-02-01', 'KW', '1.234 KWD');
CREATE TABLE states (id int, g growth_state, s currency_amount_sum_state);
INSERT INTO states
	SELECT 1, growth_accum(NULL::growth_state, value, period), NULL::currency_amount_sum_state FROM trade WHERE id = 1
	UNION ALL SELECT 2, '(double,2,0,,)[*:3:1099511627776:1:549755813888]', '(12345,3,CNY)';
SELECT load_rates(E'Date,CNY,JPY\n2020-01-02,7.0,108.5\n2020-06-01,6.9,107\n', 'USD');
INSERT INTO trade_stats.exchange_rate VALUES ('EUR', 'USD', '2020-01-02', 1.1, '2020-12-31');
SQL
[ $? -eq 0 ] || { echo "not ok - setting up the source database failed"; exit 1; }

fingerprint() {
	q "$1" -c "SELECT md5(string_agg(t::text, ';' ORDER BY id)) FROM trade t" \
		-c "SELECT md5(string_agg(s::text, ';' ORDER BY id)) FROM states s" \
		-c "SELECT md5(string_agg(r::text, ';' ORDER BY base, quote, valid_from)) FROM trade_stats.exchange_rate r" \
		-c "SELECT to_cny('100 USD'::currency_amount, '2020-07-01') || ' ' || convert('100.00 EUR', 'JPY', date '2020-07-01')" \
		-c "SELECT yoy_growth(value, period) FROM trade WHERE partner = 'ASEAN'"
}
expected=$(fingerprint ts_src)
# five non-empty answers, or the comparisons below would prove nothing
check "the source database answers every fingerprint query" \
	"$(printf '%s\n' "$expected" | grep -c .)" "5"

pg_dump -Fc -f "$tmp/ts.dump" ts_src
createdb ts_custom
pg_restore -d ts_custom "$tmp/ts.dump" 2>"$tmp/restore.err"
check "custom-format restore without errors" "$(cat "$tmp/restore.err")" ""
check "custom-format restore: tables, states, user rates, conversions, growth" \
	"$(fingerprint ts_custom)" "$expected"

pg_dump -Fp -f "$tmp/ts.sql" ts_src
createdb ts_plain
psql -X -q -v ON_ERROR_STOP=1 -d ts_plain -f "$tmp/ts.sql" >/dev/null 2>"$tmp/plain.err"
check "plain-format restore without errors" "$(grep -v '^$' "$tmp/plain.err")" ""
check "plain-format restore: tables, states, user rates, conversions, growth" \
	"$(fingerprint ts_plain)" "$expected"

# the restored rate cache follows new rows
q ts_custom -c "INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'CNY', '2020-07-01', 6.5)"
check "a restored database's conversion sees rates added after the restore" \
	"$(q ts_custom -c "SELECT to_cny('100 USD'::currency_amount, '2020-07-01')")" "650.00 CNY"
check "the extension's own objects are not dumped twice" \
	"$(grep -c 'CREATE TABLE trade_stats.exchange_rate' "$tmp/ts.sql")" "0"
