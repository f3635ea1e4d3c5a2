#!/usr/bin/env bash
# Random SQL from sqlsmith (Debian package) against a database with the
# extension and tables of its types (test/tools/sqlsmith_setup.sql), in a
# throwaway cluster.  Fails if any backend crashed.
#
#   test/tools/sqlsmith.sh [QUERIES] [SEED]     default 20000 queries, seed 1
set -uo pipefail
cd "$(dirname "$0")/../.."

if [ "${1:-}" = "--inside" ]; then
	# in the throwaway cluster: $2 queries, $3 seed, $4 output folder
	createdb smith && psql -X -q -v ON_ERROR_STOP=1 -d smith -f test/tools/sqlsmith_setup.sql >/dev/null ||
		{ echo "setup failed" >"$4/setup.err"; exit 1; }
	sqlsmith --target="dbname=smith" --max-queries="$2" --seed="$3" >"$4/sqlsmith.out" 2>&1
	echo "sqlsmith exit $?" >>"$4/sqlsmith.out"
	psql -X -At -d smith -c "SELECT count(*) FROM trade" >"$4/alive.out" 2>&1
	cp "/var/log/postgresql/postgresql-${PG_MAJOR:-15}-regress.log" "$4/server.log" 2>/dev/null ||
		cp "$PGDATA"/../*.log "$4/server.log" 2>/dev/null || true
	exit 0
fi

. test/lib.sh
queries=${1:-20000}
seed=${2:-1}
need_packages "${BASE_PACKAGES[@]}" sqlsmith || exit 1
build_and_install || exit 1
out=$(mktemp -d)
chmod 1777 "$out"
trap 'rm -rf "$out"' EXIT

pg_virtualenv -v "$PG_MAJOR" -- test/tools/sqlsmith.sh --inside "$queries" "$seed" "$out" >/dev/null 2>&1
[ -f "$out/setup.err" ] && { echo "sqlsmith: setup failed"; exit 1; }
errors=$(grep -c ' ERROR: ' "$out/server.log" 2>/dev/null || echo 0)
crashes=$( (grep -hE 'terminated by signal|server closed the connection unexpectedly|terminating connection because of crash' \
	"$out/sqlsmith.out" "$out/server.log" 2>/dev/null || true) | wc -l)
if [ "$crashes" -gt 0 ] || [ "$(cat "$out/alive.out" 2>/dev/null)" != "502" ]; then
	echo "sqlsmith: BACKEND CRASH ($crashes lines)"
	grep -hE -B2 'terminated by signal' "$out/server.log" 2>/dev/null | head -20
	exit 1
fi
echo "sqlsmith: $queries queries, seed $seed ($errors ended in SQL errors, as random SQL does): no backend crash"
