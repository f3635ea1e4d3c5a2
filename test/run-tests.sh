#!/usr/bin/env bash
# Run every test of trade_stats: C unit tests of the pure core, a smoke run
# of its fuzz targets, the pg_regress and isolation suites, and the client
# tests (dump and restore, the demo's report, the BI drivers), the
# scale-out tests (postgres_fdw, dblink, PL/Proxy, Citus emulation) and the
# BI dashboard (Evidence in headless Chromium), each in a throwaway
# PostgreSQL cluster; the release checklist (test/release.sh: the Debian
# package, the PGXN zip and the source build, each installed into
# PostgreSQL 15 as the README says and removed again); then the pg_regress
# and isolation suites on a PostgreSQL built with --enable-cassert
# (test/tools/versions.sh --cassert; the first run builds it, about 12
# minutes).  Ends with the line
# "N passed, N failed"; exits non-zero if anything failed.
#
#   test/run-tests.sh              everything
#   test/run-tests.sh amount_io    only these pg_regress tests (and the unit
#                                  and fuzz tests; no isolation or client tests)
set -uo pipefail
cd "$(dirname "$0")/.."
. test/lib.sh

need_packages "${BASE_PACKAGES[@]}" "${FUZZ_PACKAGES[@]}" "${CLIENT_PACKAGES[@]}" \
	"${SCALEOUT_PACKAGES[@]}" "${BI_PACKAGES[@]}" "${RELEASE_PACKAGES[@]}" || exit 1
# Node.js for the node-postgres driver test (any Node.js will do: Debian's
# when there is none)
command -v npm >/dev/null || need_packages nodejs npm || exit 1

# CI builds warn-free: -Werror here, never in the shipped Makefile.
if ! build_and_install "-Werror"; then
	echo "build failed"
	echo "0 passed, 1 failed"
	exit 1
fi

passed=0
failed=0

# count_results FILE OK_PATTERN BAD_PATTERN NAME: add a suite's results to
# the totals (bad is kept for the caller); a suite that ran nothing fails.
count_results() {
	ok=$(grep -cE "$2" "$1")
	bad=$(grep -cE "$3" "$1")
	passed=$((passed + ok))
	failed=$((failed + bad))
	if [ "$ok" -eq 0 ] && [ "$bad" -eq 0 ]; then
		cat "$1"
		echo "$4 did not run"
		failed=$((failed + 1))
	fi
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. Unit tests of the pure C core.
echo "== unit tests of the C core"
rm -f test/unit/test_core
make -s unit UNIT_CFLAGS="-std=gnu99 -O1 -g -Wall -Wextra -Werror -Isrc -fsanitize=address,undefined -fno-sanitize-recover=undefined" >"$work/unit.out" 2>&1
line=$(grep -E '^unit: [0-9]+ passed, [0-9]+ failed$' "$work/unit.out" | tail -1)
if [ -n "$line" ]; then
	p=$(echo "$line" | sed -E 's/^unit: ([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed$/\1/')
	passed=$((passed + p))
	failed=$((failed + f))
	[ "$f" -gt 0 ] && grep -v '^unit:' "$work/unit.out"
	echo "$line"
else
	cat "$work/unit.out"
	echo "unit tests did not run"
	failed=$((failed + 1))
fi

# The layers of src/: no object calls beside or above itself
# (test/unit/layers.sh, on the objects just built).
echo "== layers of src/"
test/unit/layers.sh >"$work/layers.out" 2>&1
grep '^not ok' "$work/layers.out"
count_results "$work/layers.out" '^ok - ' '^not ok - ' "layers"
echo "layers: $(grep -c '^ok - ' "$work/layers.out") objects checked"

# 2. Fuzz targets of the C core, a short smoke run each (test/fuzz/run.sh
#    runs them longer).
echo "== fuzz smoke (${FUZZ_SECONDS:=10}s a target)"
test/fuzz/run.sh "$FUZZ_SECONDS" >"$work/fuzz.out" 2>&1
cat "$work/fuzz.out"
passed=$((passed + $(grep -c ': ok,' "$work/fuzz.out")))
failed=$((failed + $(grep -cE ': (FAILED|build failed)' "$work/fuzz.out")))

# 3. pg_regress and the isolation tests in a throwaway cluster.
#    The *_real tests read the real published files in test/data.
echo "== pg_regress"
skipped=0
tests=${*:-$(make -s print-regress)}
regress=(REGRESS="$tests")
[ $# -gt 0 ] && regress+=(ISOLATION=)
pg_virtualenv -v "$PG_MAJOR" -- make -s installcheck "${regress[@]}" >"$work/regress.out" 2>&1
# pg_regress 15 prints "test x ... ok"; 16 and later print TAP ("ok 1 - x")
grep -E '^(test| ) .*\.\.\. |^(not )?ok [0-9]+ ' "$work/regress.out" || true
count_results "$work/regress.out" '\.\.\. ok|^ok [0-9]+ +- ' '\.\.\. FAILED|^not ok [0-9]+ +- ' pg_regress
if [ "$bad" -gt 0 ]; then
	for diffs in regression.diffs output_iso/regression.diffs; do
		[ -f "$diffs" ] && head -200 "$diffs"
	done
fi

# 4. Client and scale-out tests (test/client/*.sh, test/scaleout/*.sh) in
#    another throwaway cluster; each prints "ok - ..." or "not ok - ..."
#    lines.
if [ $# -eq 0 ]; then
	echo "== client and scale-out tests"
	pg_virtualenv -v "$PG_MAJOR" -o wal_level=logical -- \
		bash -c 'for t in test/client/*.sh test/scaleout/*.sh; do "$t"; done' \
		>"$work/client.out" 2>&1
	grep -E '^(ok|not ok|skipped) ' "$work/client.out"
	count_results "$work/client.out" '^ok - ' '^not ok - ' "client and scale-out tests"
	skipped=$((skipped + $(grep -c '^skipped ' "$work/client.out")))

	# A real BI tool: the Evidence dashboard built, opened in headless
	# Chromium and checked against psql (test/bi/run.sh, its own cluster).
	echo "== BI dashboard (Evidence in Chromium)"
	TS_BI_INSTALLED=1 test/bi/run.sh >"$work/bi.out" 2>&1
	grep -E '^(ok|not ok) |^# BI test|^screenshot: ' "$work/bi.out"
	count_results "$work/bi.out" '^ok - ' '^not ok - ' "the BI test"
	if [ "$bad" -gt 0 ] || ! grep -q 'no request to a host other than 127.0.0.1' "$work/bi.out"; then
		cat "$work/bi.out"
		grep -q 'no request to a host other than 127.0.0.1' "$work/bi.out" || failed=$((failed + 1))
	fi
fi

# 5. The release checklist (test/release.sh): versions agree, the install
#    script and the upgrade chain, and the README's three ways of
#    installing run as written (the Debian package, the PGXN zip, the
#    source build), each into PostgreSQL 15 and removed again.  It takes
#    make install's files out first and installs the build again at its
#    end; nothing after it needs more.
if [ $# -eq 0 ] && [ "${TS_SKIP_RELEASE:-}" != 1 ]; then
	echo "== release checklist"
	start=$SECONDS
	test/release.sh >"$work/release.out" 2>&1
	grep -E '^(ok|not ok) ' "$work/release.out"
	count_results "$work/release.out" '^ok - ' '^not ok - ' "the release checklist"
	[ "$bad" -gt 0 ] && grep -vE '^(ok|not ok) ' "$work/release.out" | tail -60
	echo "(release checklist: $((SECONDS - start)) s)"
fi

# 6. The pg_regress and isolation suites again against PostgreSQL built with
#    --enable-cassert (the newest major Debian's archive serves, built once
#    into a cache outside the repository): assertions, and freed memory
#    clobbered, so that a use after free fails here.
if [ $# -eq 0 ] && [ "${TS_SKIP_CASSERT:-}" != 1 ]; then
	echo "== pg_regress and isolation on a cassert build"
	start=$SECONDS
	TS_CASSERT_MAJOR=${TS_CASSERT_MAJOR:-18}
	test/tools/versions.sh --cassert "$TS_CASSERT_MAJOR" >"$work/cassert.out" 2>&1
	grep -vE '^\(' "$work/cassert.out" | tail -40
	line=$(grep -E '^PostgreSQL .*: [0-9]+ passed, [0-9]+ failed$' "$work/cassert.out" | tail -1)
	if [ -n "$line" ]; then
		passed=$((passed + $(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
		failed=$((failed + $(echo "$line" | sed -E 's/.* ([0-9]+) failed$/\1/')))
	else
		echo "the cassert build did not run"
		failed=$((failed + 1))
	fi
	echo "(cassert job: $((SECONDS - start)) s)"
fi

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
