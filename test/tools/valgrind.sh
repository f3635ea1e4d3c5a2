#!/usr/bin/env bash
# The pg_regress and isolation suites with the server under Valgrind's
# memcheck: a throwaway cluster in a temporary directory whose postmaster (and
# so every backend it forks) runs under valgrind.  Any memcheck error fails
# the run.  Suppressed: padding bytes that PostgreSQL itself writes to WAL,
# files and sockets (test/tools/valgrind.supp); memory leaks are not checked (a
# backend frees its memory contexts wholesale).  Takes several minutes.
#
#   test/tools/valgrind.sh [TEST...]      default: every pg_regress test
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/lib.sh

need_packages "${BASE_PACKAGES[@]}" valgrind || exit 1
build_and_install || exit 1
bin=$("$PG_CONFIG" --bindir)
dir=$(mktemp -d)
port=$((20000 + RANDOM % 10000))
# initdb refuses root: the cluster belongs to postgres when we are root.
if [ "$(id -u)" = 0 ]; then
	chown postgres "$dir"
	as_owner() { runuser -u postgres -- "$@"; }
else
	as_owner() { "$@"; }
fi
stop() {
	as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 120 stop >/dev/null 2>&1
}
trap 'stop; rm -rf "$dir"' EXIT

cp test/tools/valgrind.supp "$dir/"	# the postgres user may not read this tree
as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres >"$dir/initdb.log" 2>&1 ||
	{ cat "$dir/initdb.log"; exit 1; }
as_owner valgrind --quiet --trace-children=no --track-origins=yes --read-var-info=no \
	--leak-check=no --num-callers=20 --suppressions="$dir/valgrind.supp" \
	--log-file="$dir/valgrind.%p.log" \
	"$bin/postgres" -D "$dir/data" -p "$port" -k "$dir" -c listen_addresses= \
	>"$dir/server.log" 2>&1 &
for _ in $(seq 120); do
	ls "$dir"/valgrind.*.log >/dev/null 2>&1 && grep -q "FATAL\|exiting now" "$dir"/valgrind.*.log && break
	"$bin/pg_isready" -q -h "$dir" -p "$port" && break
	sleep 1
done
"$bin/pg_isready" -q -h "$dir" -p "$port" ||
	{ cat "$dir/server.log" "$dir"/valgrind.*.log; exit 1; }

tests=${*:-$(make -s print-regress)}
PGHOST=$dir PGPORT=$port PGUSER=postgres make -s installcheck REGRESS="$tests" \
	>"$dir/regress.out" 2>&1
status=$?
grep -E '\.\.\. (ok|FAILED)' "$dir/regress.out"
stop
errors=$(cat "$dir"/valgrind.*.log 2>/dev/null | grep -cE '^==[0-9]+== (Invalid|Conditional|Use of|Syscall param|Mismatched|Source and|Argument|Jump|Process terminating)')
if [ "$errors" -gt 0 ]; then
	echo "valgrind reports:"
	cat "$dir"/valgrind.*.log | head -150
	status=1
fi
echo "valgrind: $(ls "$dir"/valgrind.*.log 2>/dev/null | wc -l) processes checked, $errors errors"
[ "$status" -eq 0 ] && echo "valgrind run: no memory errors" || echo "valgrind run FAILED"
exit "$status"
