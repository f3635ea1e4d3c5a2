#!/usr/bin/env bash
# Upgrade from each released version (0.1 and 0.2) to the current one:
# install the old version, store what users store (amounts, growth states
# in the old version's own layout, sum states, rates, a user aggregate over
# 0.1's transition function), ALTER EXTENSION UPDATE, then
#  - the extension's objects (pg_dump --binary-upgrade --schema-only lists
#    every member) equal those of a fresh install;
#  - every stored value reads back as before, rolls up, and answers what the
#    one-step aggregates answer.
# Run inside a throwaway cluster (the test runner does); prints "ok - ..."
# or "not ok - ..." per check.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; for d in ts_up ts_fresh; do dropdb --if-exists "$d" 2>/dev/null; done' EXIT
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$@"; }
check() {
	if [ "$2" = "$3" ]; then echo "ok - $1"; else echo "not ok - $1: got '$2', expected '$3'"; fi
}
current=$(sed -n "s/^default_version = '\(.*\)'$/\1/p" "$(dirname "$0")/../../trade_stats.control")

# members DB: the extension's members, as pg_dump writes them for
# pg_upgrade, without OIDs and without the test's own objects
members() {
	pg_dump --binary-upgrade --schema-only "$1" |
		grep -v -E '^(--|SELECT pg_catalog\.(binary_upgrade_set|binary_upgrade_create_empty_extension|set_config|setval)|SET |UPDATE pg_catalog\.pg_class|WHERE oid =|  *relfrozenxid|  *relminmxid|\\(un)?restrict )' |
		sed -e '/^$/d' > "$tmp/$1.sql"
	python3 - "$tmp/$1.sql" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
stmts = [s.strip() for s in re.split(r';\n', text) if s.strip()]
keep = []
for s in stmts:
    if re.search(r'\b(stored|stored_text|sums|trade|my_summary|kept|kept_summary|kept_double|kept_double_summary|kept_real_summary)\b', s) and 'trade_stats' not in s.split('(')[0]:
        continue
    if re.search(r' (ON|TABLE) public\.(kept|kept_summary|kept_double|kept_double_summary|kept_real_summary) ', s):
        continue
    keep.append(s)
keep.sort()
open(sys.argv[1], 'w').write(';\n'.join(keep) + ';\n')
PY
}

# upgrade_from VERSION: install VERSION, store values, update, check
upgrade_from() {
	local from=$1
	dropdb --if-exists ts_up 2>/dev/null
	dropdb --if-exists ts_fresh 2>/dev/null
	createdb ts_up && createdb ts_fresh || { echo "not ok - $from: createdb failed"; return; }
	q ts_up >/dev/null <<SQL
CREATE EXTENSION trade_stats VERSION '$from';
CREATE TABLE trade (period date, partner text, value currency_amount, n numeric, b bigint);
INSERT INTO trade
	SELECT d, p, currency_amount(100 + i * 7 + extract(month FROM d)::int, 'CNY'), i * 1.25, i
	FROM generate_series(date '2019-01-01', date '2021-11-01', interval '1 month') g(d),
		 unnest(ARRAY['ASEAN', 'EU', 'US']) p, generate_series(1, 3) i;
-- 0.1's README recipe: a user aggregate over growth_accum, stored states
CREATE AGGREGATE my_summary(currency_amount, date) (
	SFUNC = growth_accum, STYPE = growth_state, COMBINEFUNC = growth_combine);
CREATE AGGREGATE my_summary(numeric, boolean, date) (
	SFUNC = growth_accum, STYPE = growth_state, COMBINEFUNC = growth_combine);
CREATE TABLE stored AS
	SELECT partner, date_trunc('month', period)::date AS month,
		   my_summary(value, period) AS s, my_summary(n, partner = 'EU', period) AS sn
	FROM trade GROUP BY 1, 2;
CREATE TABLE stored_text AS SELECT partner, month, s::text AS s, sn::text AS sn FROM stored;
CREATE TABLE sums AS SELECT partner, sum(value) AS total FROM trade GROUP BY partner;
INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'CNY', '2019-01-01', 6.8);
SQL
	[ $? -eq 0 ] || { echo "not ok - setting up $from failed"; return; }
	if [ "$from" = 0.2 ]; then
		q ts_up >/dev/null <<'SQL'
CREATE TABLE kept (partner text NOT NULL, period date, qty integer);
INSERT INTO kept SELECT partner, period, b FROM trade;
SELECT trade_stats.create_summary('kept_summary', 'kept', '{partner}', 'qty', 'period');
-- summaries of double precision and real values, as 0.2's library made
-- them: each value truncated toward zero to 2^-40 (this library rounds to
-- the nearest; 0.2 let the summary table be written directly)
CREATE TABLE kept_double (partner text NOT NULL, period date, v double precision, r real);
INSERT INTO kept_double SELECT partner, period, b * 0.1, b * 0.3 FROM trade;
SELECT trade_stats.create_summary('kept_double_summary', 'kept_double', '{partner}', 'v', 'period');
SELECT trade_stats.create_summary('kept_real_summary', 'kept_double', '{partner}', 'r', 'period');
CREATE FUNCTION pg_temp.truncated(vals float8[], periods date[]) RETURNS growth_state
	LANGUAGE sql AS $$
	SELECT ('(double,1,0,,)[' || string_agg(p || ':' || n || ':' || m || ':0:0', ';' ORDER BY p) || ']')::growth_state
	FROM (SELECT p, count(*) AS n, sum(trunc(v * 2::float8 ^ 40)::numeric) AS m
		  FROM unnest(vals, periods) u(v, p) GROUP BY p) x
$$;
UPDATE kept_double_summary s SET summary = t.g
FROM (SELECT partner, date_trunc('month', period)::date AS month, pg_temp.truncated(array_agg(v), array_agg(period)) AS g
	  FROM kept_double GROUP BY 1, 2) t
WHERE (s.partner, s.month) = (t.partner, t.month);
UPDATE kept_real_summary s SET summary = t.g
FROM (SELECT partner, date_trunc('month', period)::date AS month, pg_temp.truncated(array_agg(r), array_agg(period)) AS g
	  FROM kept_double GROUP BY 1, 2) t
WHERE (s.partner, s.month) = (t.partner, t.month);
SQL
		[ $? -eq 0 ] || { echo "not ok - setting up $from failed"; return; }
	fi

	if [ "$from" = 0.2 ]; then
		check "0.2: its double and real summaries hold truncated sums" \
			"$(q ts_up -c "SELECT count(*) FILTER (WHERE summary = g), count(*) FROM kept_double_summary JOIN (SELECT partner, date_trunc('month', period)::date AS month, growth_summary(v, period) AS g FROM kept_double GROUP BY 1, 2) t USING (partner, month)")" \
			"0|105"
	fi
	q ts_up -c "ALTER EXTENSION trade_stats UPDATE" >/dev/null 2>"$tmp/update.err"
	check "$from: ALTER EXTENSION trade_stats UPDATE" "$(cat "$tmp/update.err")" ""
	check "$from: version after the update" \
		"$(q ts_up -c "SELECT extversion FROM pg_extension WHERE extname = 'trade_stats'")" "$current"
	q ts_fresh -c "CREATE EXTENSION trade_stats" >/dev/null
	members ts_up
	members ts_fresh
	if diff "$tmp/ts_fresh.sql" "$tmp/ts_up.sql" >"$tmp/catalog.diff"; then
		echo "ok - $from: the upgraded extension's objects equal a fresh $current install ($(grep -c 'ALTER EXTENSION' "$tmp/ts_up.sql") members)"
	else
		echo "not ok - $from: the upgraded extension's objects differ from a fresh $current install:"
		head -40 "$tmp/catalog.diff"
	fi

	check "$from: stored states read back as before (text form)" \
		"$(q ts_up -c "SELECT count(*) FROM stored s JOIN stored_text t USING (partner, month) WHERE s.s::text <> t.s OR s.sn::text <> t.sn")" "0"
	check "$from: stored states roll up to the one-step answers" \
		"$(q ts_up -c "SELECT count(*) FROM (SELECT partner, yoy_growth(rollup(s)) AS y, total(rollup(s)) AS t, share_change(rollup(sn)) AS c FROM stored GROUP BY partner
		                EXCEPT SELECT partner, yoy_growth(value, period), sum(value)::numeric, share_change(n, partner = 'EU', period) FROM trade GROUP BY partner) x")" "0"
	check "$from: 0.1's user aggregate over growth_accum still works" \
		"$(q ts_up -c "SELECT count(*) FROM (SELECT partner, yoy_growth(my_summary(value, period)) FROM trade GROUP BY 1
		                EXCEPT SELECT partner, yoy_growth(value, period) FROM trade GROUP BY 1) x")" "0"
	# the rate is a year older than the date: 0.3 refuses it under the
	# default trade_stats.max_rate_age (31 days); raised, 0.2's answer
	check "$from: stored sums and rates read back" \
		"$(q ts_up -c "SELECT string_agg(total::text, ',' ORDER BY partner) FROM sums" -c "SET trade_stats.max_rate_age = '2 years'; SELECT to_usd('68 CNY'::currency_amount, '2020-01-01')")" \
		"$(printf '%s\n%s' "$(q ts_up -c "SELECT string_agg(s::text, ',' ORDER BY partner) FROM (SELECT partner, sum(value) s FROM trade GROUP BY 1) x")" "10.00 USD")"
	check "$from: a year-old rate is an error under the default age limit" \
		"$(q ts_up -c "SELECT to_usd('68 CNY'::currency_amount, '2020-01-01')" 2>&1 | head -1)" \
		"ERROR:  no exchange rate from CNY to USD holds on 2020-01-01: the freshest is 365 days old"
	q ts_up -c "UPDATE stored SET s = s::text::growth_state" >/dev/null
	check "$from: rewritten states are stored packed (format 2)" \
		"$(q ts_up -c "SELECT bool_and(get_byte(growth_state_send(s), 0) = 2) FROM stored")" "t"
	[ "$from" = 0.2 ] && upgraded_summaries
}

# A maintained summary table made by 0.2 (of an integer column, so that
# 0.2 stored a cast in its definition) keeps working after the update.
upgraded_summaries() {
	check "0.2: the summary table made by 0.2 reads back" \
		"$(q ts_up -c "SELECT count(*) FROM kept_summary")" "105"
	q ts_up >/dev/null <<'SQL'
INSERT INTO kept VALUES ('EU', '2022-01-15', 5), ('XX', '2022-02-01', 7);
UPDATE kept SET qty = qty + 1 WHERE partner = 'US';
DELETE FROM kept WHERE partner = 'ASEAN' AND period < '2020-01-01';
SQL
	check "0.2: after the update the triggers keep it exact" \
		"$(q ts_up -c "SELECT count(*) FROM (SELECT partner, total(rollup(summary)), yoy_growth(rollup(summary)) FROM kept_summary GROUP BY 1
		                EXCEPT SELECT partner, sum(qty), yoy_growth(qty::bigint, period) FROM kept GROUP BY 1) x")" "0"
	check "0.2: the definition keeps the column names and types" \
		"$(q ts_up -c "SELECT value, period, column_types FROM trade_stats.summary_definition WHERE summary = 'kept_summary'::regclass")" "qty|period|{text,integer,date}"
	# 0.2 truncated doubles, 0.3 rounds them: the update rebuilt the
	# summaries of double precision and real values, so that rows deleted
	# now are subtracted as they were added
	check "0.2: the update rebuilt the double and real summaries" \
		"$(q ts_up -c "SELECT count(*) FROM (SELECT partner, month, summary::text FROM kept_double_summary UNION ALL SELECT partner, month, summary::text FROM kept_real_summary
		                EXCEPT ALL (SELECT partner, date_trunc('month', period)::date, growth_summary(v, period)::text FROM kept_double GROUP BY 1, 2
		                            UNION ALL SELECT partner, date_trunc('month', period)::date, growth_summary(r, period)::text FROM kept_double GROUP BY 1, 2)) x")" "0"
	q ts_up >/dev/null 2>"$tmp/double.err" <<'SQL'
DELETE FROM kept_double WHERE partner = 'EU' AND period < '2020-01-01';
UPDATE kept_double SET v = v + 0.1, r = r + 0.1 WHERE partner = 'US';
DELETE FROM kept_double WHERE partner = 'ASEAN' AND period = '2021-11-01';
SQL
	check "0.2: rows of the double and real summaries deleted after the update" "$(cat "$tmp/double.err")" ""
	check "0.2: after the update the double and real summaries stay exact" \
		"$(q ts_up -c "SELECT count(*) FROM (SELECT partner, total(rollup(summary)) FROM kept_double_summary GROUP BY 1
		                EXCEPT SELECT partner, total(growth_summary(v, period)) FROM kept_double GROUP BY 1) x" -c "SELECT count(*) FROM (SELECT partner, total(rollup(summary)) FROM kept_real_summary GROUP BY 1
		                EXCEPT SELECT partner, total(growth_summary(r, period)) FROM kept_double GROUP BY 1) x")" "$(printf '0\n0')"
	check "0.2: one set of triggers on the source" \
		"$(q ts_up -c "SELECT string_agg(tgname, ',' ORDER BY tgname) FROM pg_trigger WHERE tgrelid = 'kept'::regclass")" \
		"trade_stats_summary_begin,trade_stats_summary_delete,trade_stats_summary_insert,trade_stats_summary_replica,trade_stats_summary_truncate,trade_stats_summary_update"
}

for from in 0.1 0.2; do
	upgrade_from "$from"
done
