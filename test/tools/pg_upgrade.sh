#!/usr/bin/env bash
# What users store survives pg_upgrade across majors: for each step of
# MAJOR... (default 15 17 18, the upstream builds test/tools/versions.sh makes
# and caches), a cluster of the old major with the
# extension and stored values (amounts, growth states of every kind, one
# from a user's aggregate over the transition function, sum states, rates,
# a maintained summary of a partitioned table), pg_upgrade to the new major, then
#  - every stored value reads back byte for byte (binary and text forms);
#  - the summary's triggers keep it exact after writes on the new major.
# Clusters listen on a Unix socket only, in a temporary directory, and are
# removed (data checksums on in every cluster: 18 makes them the default).
# Prints "ok - ..." / "not ok - ..." lines and a last line
# "pg_upgrade: N passed, N failed".  Run TS_UPSTREAM=1 test/tools/versions.sh
# MAJOR... first: it builds them.
#
#   test/tools/pg_upgrade.sh [MAJOR...]
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/lib.sh
cache=${TS_VERSIONS_CACHE:-/var/tmp/trade_stats-versions}
majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(15 17 18)
passed=0
failed=0
check() {
	if [ "$2" = "$3" ]; then
		echo "ok - $1"
		passed=$((passed + 1))
	else
		echo "not ok - $1: got '$2', expected '$3'"
		failed=$((failed + 1))
	fi
}
run_as() {
	if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; else "$@"; fi
}

# bindir MAJOR: the newest cached upstream build (Debian's 15.20 gives
# every column an attribute option, pg_attver, that upstream servers
# reject, so pg_upgrade from it to an upstream build fails whatever the
# database holds)
bindir() {
	ls -d "$cache"/pg-"$1".*/bin 2>/dev/null | grep -v cassert | sort -V | tail -1
}

# the extension built and installed for the major's pg_config
install_for() {
	make -s clean PG_CONFIG="$1/pg_config" >/dev/null 2>&1
	make -s PG_CONFIG="$1/pg_config" >/dev/null 2>&1 &&
		as_root make -s install PG_CONFIG="$1/pg_config" >/dev/null 2>&1
}

work=$(mktemp -d)
chmod 755 "$work"
chown postgres "$work" 2>/dev/null
port=55499
stop_all() {
	for d in "$work"/data-*; do
		[ -f "$d.bin" ] && run_as "$(cat "$d.bin")/pg_ctl" -D "$d" -m fast stop >/dev/null 2>&1
	done
	rm -rf "$work"
}
trap stop_all EXIT

start() {	# BIN DATA
	echo "$1" >"$2.bin"
	run_as "$1/pg_ctl" -D "$2" -l "$2.log" -w -o "-p $port -k $work -c listen_addresses=" start >/dev/null
}
q() { "$BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$work" -p "$port" -U postgres -d ts "$@"; }

# what is stored, as bytes and as text
fingerprint() {
	q -c "SELECT md5(string_agg(id || ':' || v::text || ':' || currency_amount_send(v)::text, ',' ORDER BY id)) FROM amounts" \
		-c "SELECT md5(string_agg(id || ':' || s::text || ':' || growth_state_send(s)::text, ',' ORDER BY id)) FROM states" \
		-c "SELECT md5(string_agg(id || ':' || t::text || ':' || currency_amount_sum_state_send(t)::text, ',' ORDER BY id)) FROM sums" \
		-c "SELECT md5(string_agg(r::text, ',' ORDER BY base, quote, valid_from)) FROM trade_stats.exchange_rate r" \
		-c "SELECT md5(string_agg(s::text, ',' ORDER BY partner, month)) FROM trade_summary s" \
		-c "SELECT yoy_growth(rollup(summary)) FROM trade_summary"
}

first=${majors[0]}
BIN=$(bindir "$first")
[ -n "$BIN" ] && [ -x "$BIN/pg_ctl" ] || { echo "not ok - PostgreSQL $first is not built"; exit 1; }
install_for "$BIN" || { echo "not ok - the extension does not build for $first"; exit 1; }
data="$work/data-$first"
run_as "$BIN/initdb" -k -D "$data" -A trust -U postgres >/dev/null && start "$BIN" "$data" ||
	{ echo "not ok - PostgreSQL $first did not start"; exit 1; }
"$BIN/createdb" -h "$work" -p "$port" -U postgres ts
q >/dev/null <<'SQL'
CREATE EXTENSION trade_stats;
CREATE TABLE amounts (id int, v currency_amount);
INSERT INTO amounts VALUES (1, '720490000000.00 CNY'), (2, '-92233720368547758.08 USD'),
	(3, '9223372036854775807 JPY'), (4, '1.234 KWD'), (5, NULL);
CREATE TABLE states (id int, s growth_state);
INSERT INTO states
	SELECT 1, growth_summary(v, d) FROM (VALUES ('10.00 CNY'::currency_amount, date '2020-01-01'),
		('12.50 CNY', '2021-01-01')) x(v, d)
	UNION ALL SELECT 2, growth_summary(n, n > 1, d) FROM (VALUES (1.5, date '2020-03-01'), (2.25, '2020-04-01')) x(n, d)
	UNION ALL SELECT 3, '(double,2,0,,)[*:3:1099511627776:1:549755813888]'
	UNION ALL SELECT 4, growth_accum(NULL::growth_state, 7::bigint, date '2020-01-01');
-- a user's aggregate over the transition function, as 0.1's README showed
CREATE AGGREGATE working_summary(bigint, date) (SFUNC = growth_accum, STYPE = growth_state);
INSERT INTO states SELECT 5, working_summary(n, d)
	FROM (VALUES (3::bigint, date '2020-01-01'), (4, '2021-01-01')) x(n, d);
CREATE TABLE sums (id int, t currency_amount_sum_state);
INSERT INTO sums VALUES (1, '(12345,3,CNY)');
INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'CNY', '2020-01-01', 6.9);
CREATE TABLE trade (partner text NOT NULL, period date NOT NULL, v currency_amount) PARTITION BY RANGE (period);
CREATE TABLE trade_2020 PARTITION OF trade FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE trade_2021 PARTITION OF trade FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
INSERT INTO trade SELECT p, d, currency_amount(length(p) * 10 + extract(year FROM d)::int % 7, 'CNY')
	FROM unnest(ARRAY['EU', 'US', 'ASEAN']) p, generate_series(date '2020-01-01', date '2021-12-01', interval '1 month') d;
SELECT trade_stats.create_summary('trade_summary', 'trade', '{partner}', 'v', 'period');
SQL
expected=$(fingerprint)
check "PostgreSQL $first: stored values to upgrade" "$(echo "$expected" | grep -c .)" 6

old=$first
for new in "${majors[@]:1}"; do
	NEWBIN=$(bindir "$new")
	[ -n "$NEWBIN" ] && [ -x "$NEWBIN/pg_ctl" ] || { check "PostgreSQL $new is built" no yes; break; }
	install_for "$NEWBIN" || { check "the extension builds for $new" no yes; break; }
	run_as "$BIN/pg_ctl" -D "$data" -m fast stop >/dev/null
	newdata="$work/data-$new"
	run_as "$NEWBIN/initdb" -k -D "$newdata" -A trust -U postgres >/dev/null
	(cd "$work" && run_as "$NEWBIN/pg_upgrade" -b "$BIN" -B "$NEWBIN" -d "$data" -D "$newdata" \
		-p "$port" -P "$port" -U postgres -s "$work" >"$work/upgrade-$new.log" 2>&1)
	rc=$?
	check "pg_upgrade from $old to $new" "$rc" 0
	[ "$rc" -eq 0 ] || { tail -30 "$work/upgrade-$new.log"; cat "$work"/data-"$new"/pg_upgrade_output.d/*/log/pg_upgrade_dump_*.log | grep -B3 -A3 ERROR | head -30; }
	rm -f "$data.bin"
	BIN=$NEWBIN
	data=$newdata
	start "$BIN" "$data" || { check "PostgreSQL $new starts" no yes; break; }
	check "$old to $new: every stored value reads back byte for byte" "$(fingerprint)" "$expected"
	q >/dev/null <<'SQL'
INSERT INTO trade VALUES ('JP', '2021-06-01', '5 CNY');
UPDATE trade SET period = '2021-02-15' WHERE partner = 'EU' AND period = '2020-02-01';
DELETE FROM trade_2021 WHERE partner = 'US' AND period > '2021-10-01';
SQL
	check "$old to $new: the summary's triggers keep it exact" \
		"$(q -c "CREATE TEMP TABLE kept AS SELECT * FROM trade_summary" \
			-c "SELECT 'rebuilt' FROM trade_stats.refresh_summary('trade_summary')" \
			-c "SELECT count(*) FROM ((TABLE kept EXCEPT ALL TABLE trade_summary) UNION ALL (TABLE trade_summary EXCEPT ALL TABLE kept)) x" | tail -1)" 0
	q -c "SELECT trade_stats.refresh_summary('trade_summary')" >/dev/null
	q -c "DELETE FROM trade WHERE partner = 'JP'" -c "UPDATE trade SET period = '2020-02-01' WHERE partner = 'EU' AND period = '2021-02-15'" \
		-c "INSERT INTO trade VALUES ('US', '2021-11-01', currency_amount(20 + 2021 % 7, 'CNY')), ('US', '2021-12-01', currency_amount(20 + 2021 % 7, 'CNY'))" >/dev/null
	check "$old to $new: after undoing the writes, the values are as stored" "$(fingerprint)" "$expected"
	old=$new
done
# leave the system's build of the extension installed
install_for "/usr/lib/postgresql/$PG_MAJOR/bin" >/dev/null 2>&1
echo "pg_upgrade: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
