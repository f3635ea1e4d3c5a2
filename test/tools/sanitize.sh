#!/usr/bin/env bash
# The pg_regress and isolation suites against trade_stats built with
# UndefinedBehaviorSanitizer (signed overflow, misaligned int128 loads, bad
# shifts, out-of-bounds array indexes...), in a throwaway cluster.  Any
# report fails the run.  The normal build is installed again at the end.
#
# AddressSanitizer needs its runtime preloaded into every process, which
# hangs initdb; the pure C core runs under AddressSanitizer in the unit tests
# and the fuzz targets instead (test/fuzz/run.sh).
#
#   test/tools/sanitize.sh
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/lib.sh

need_packages "${BASE_PACKAGES[@]}" || exit 1
reports=$(mktemp -d)
chmod 1777 "$reports"
trap 'build_and_install >/dev/null 2>&1; rm -rf "$reports"' EXIT

SAN="-fsanitize=undefined -fno-omit-frame-pointer"
make -s clean >/dev/null
make -s PG_CFLAGS="$SAN -Werror" SHLIB_LINK="$SAN" >/dev/null || exit 1
as_root make -s install >/dev/null || exit 1

export UBSAN_OPTIONS="print_stacktrace=1:log_path=$reports/ubsan"
pg_virtualenv -v "$PG_MAJOR" -- make -s installcheck >"$reports/regress.out" 2>&1
status=$?
grep -E '\.\.\. (ok|FAILED)' "$reports/regress.out"
if ls "$reports"/ubsan* >/dev/null 2>&1; then
	echo "sanitizer reports:"
	head -50 "$reports"/ubsan*
	status=1
fi
if [ "$status" -eq 0 ]; then
	echo "sanitized run: no undefined behaviour"
else
	echo "sanitized run FAILED"
fi
exit "$status"
