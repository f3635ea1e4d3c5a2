#!/usr/bin/env bash
# The demo (test/demo.sh) prints what test/client/demo.out holds, and on the
# real data (test/data) what demo_real.out holds: the
# report never silently changes.  Run inside a throwaway cluster.
set -u
cd "$(dirname "$0")/../.."
dir=test/client
run() {
	local db=$1; shift
	createdb "$db" || return 1
	psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@" 2>&1
	dropdb "$db"
}
check() {
	local name=$1 expected=$2 actual=$3
	if diff -u "$expected" "$actual" >"$actual.diff"; then
		echo "ok - $name"
	else
		echo "not ok - $name"
		head -60 "$actual.diff"
	fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run ts_demo -f test/demo/setup.sql -f test/demo/customs.sql -f test/demo/report.sql \
	>"$tmp/demo.out"
check "demo report on the generated customs table" "$dir/demo.out" "$tmp/demo.out"
run ts_demo_real -f test/demo/setup.sql -f test/demo/customs.sql -f test/demo/real.sql \
	>"$tmp/demo_real.out"
check "demo report on the real data in test/data" "$dir/demo_real.out" "$tmp/demo_real.out"
