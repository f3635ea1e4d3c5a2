#!/usr/bin/env bash
# The drivers BI tools use, against a database with trade_stats: psycopg2,
# pandas, psycopg 3 (text and binary), pyodbc with psqlODBC, pgjdbc (text
# and binary), and node-postgres (npm "pg", pinned by package-lock.json).  Each runs the queries in test/client/drivers/cases.txt and
# checks the values and the types it receives.  The clients run under a
# German locale (decimal comma), which must not change anything.  Run inside
# a throwaway cluster (the test runner does; it also installs the packages,
# see CLIENT_PACKAGES in test/lib.sh).  Prints "ok - ..." / "not ok - ...".
set -u
cd "$(dirname "$0")/../.."
dir=test/client/drivers
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; dropdb --if-exists ts_clients 2>/dev/null' EXIT

createdb ts_clients &&
	psql -X -q -v ON_ERROR_STOP=1 -d ts_clients -f "$dir/fixture.sql" >/dev/null ||
	{ echo "not ok - loading the driver tests' fixture failed"; exit 0; }

# A de_DE.UTF-8 locale of our own (no system change): LOCPATH points at it.
locale_env=()
if localedef -i de_DE -f UTF-8 "$tmp/de_DE.UTF-8" >/dev/null 2>&1; then
	locale_env=(LOCPATH="$tmp" LC_ALL=de_DE.UTF-8)
else
	echo "# could not build a de_DE.UTF-8 locale (package locales); running in C.UTF-8"
	locale_env=(LC_ALL=C.UTF-8)
fi

# Debian's python3, whose dist-packages hold the drivers (not a pyenv one).
env "${locale_env[@]}" /usr/bin/python3 "$dir/clients.py" ts_clients 2>&1 ||
	echo "not ok - the Python client tests stopped with status $?"
env "${locale_env[@]}" java -Duser.language=de -Duser.country=DE \
	-cp /usr/share/java/postgresql.jar "$dir/Clients.java" ts_clients "$dir" 2>&1 ||
	echo "not ok - the JDBC client tests stopped with status $?"
if (cd "$dir" && npm ci --no-audit --no-fund --silent >"$tmp/npm.log" 2>&1); then
	env "${locale_env[@]}" node "$dir/clients.mjs" ts_clients 2>&1 ||
		echo "not ok - the node-postgres client tests stopped with status $?"
else
	echo "not ok - npm ci for the node-postgres client failed: $(tail -3 "$tmp/npm.log" | tr '\n' ' ')"
fi
