#!/usr/bin/env bash
# The version is written once, as default_version in trade_stats.control;
# what repeats it must agree, and the installed extension must be it.
# Prints "ok - ..." / "not ok - ..." lines.
set -u
cd "$(dirname "$0")/../.."
check() {
	if [ "$2" = "$3" ]; then echo "ok - $1"; else echo "not ok - $1: got '$2', want '$3'"; fi
}
v=$(sed -n "s/^default_version = '\(.*\)'$/\1/p" trade_stats.control)
meta() {
	/usr/bin/python3 -c "import json, sys; m = json.load(open('META.json')); print($1)"
}
check "META.json's version is the control file's ($v.0)" "$(meta "m['version']")" "$v.0"
check "META.json's provided extension has the same version" "$(meta "m['provides']['trade_stats']['version']")" "$v.0"
check "META.json names the install script of $v" "$(meta "m['provides']['trade_stats']['file']")" "trade_stats--$v.sql"
check "the install script of $v is built from the SQL sources" "$([ -f "trade_stats--$v.sql" ] && [ ! -f "src/trade_stats--$v.sql" ] && echo yes)" yes
check "the upgrade step from the previous release to $v exists" "$(ls src/trade_stats--*--$v.sql 2>/dev/null | wc -l)" 1
check "CHANGELOG.md starts with $v" "$(grep -m1 '^## ' CHANGELOG.md | awk '{print $2}')" "$v"
check "META.json's license is the PostgreSQL License, as LICENSE says" \
	"$(meta "m['license']") $(grep -c 'PostgreSQL License' LICENSE)" "postgresql 1"
check "CREATE EXTENSION installs $v" \
	"$(psql -X -At -d postgres -c "SELECT default_version FROM pg_available_extensions WHERE name = 'trade_stats'")" "$v"
# A schema trade_stats that someone made before the extension is never
# adopted: CREATE EXTENSION refuses it (plain CREATE SCHEMA in the script).
createdb ts_schema_taken >/dev/null 2>&1
check "CREATE EXTENSION refuses a trade_stats schema made by someone else" \
	"$(psql -X -q -At -d ts_schema_taken -c "CREATE SCHEMA trade_stats" -c "CREATE EXTENSION trade_stats" 2>&1)" \
	'ERROR:  schema "trade_stats" already exists'
dropdb ts_schema_taken >/dev/null 2>&1
# trade_stats.max_rate_age set before the library loads (here: in a fresh
# session) is checked when it loads: an invalid value is a WARNING and the
# default applies.
createdb ts_guc >/dev/null 2>&1
psql -X -q -d ts_guc -c "CREATE EXTENSION trade_stats" >/dev/null 2>&1
out=$(psql -X -q -At -d ts_guc -c "SET trade_stats.max_rate_age = 'soon'" \
	-c "SELECT to_cny('1 USD'::currency_amount, date '2020-01-01') IS NULL" \
	-c "SHOW trade_stats.max_rate_age" 2>&1)
check "an invalid max_rate_age set before the library loads: a WARNING, then the default" \
	"$(grep -c '^WARNING:  invalid value for parameter "trade_stats.max_rate_age": "soon"$' <<<"$out") $(tail -1 <<<"$out")" \
	"1 31 days"
dropdb ts_guc >/dev/null 2>&1
