#!/usr/bin/env bash
# Build the libFuzzer targets of the pure C core (clang, with AddressSanitizer
# and UndefinedBehaviorSanitizer) and run each for SECONDS.  A crash input is
# saved in test/fuzz/crashes/ and makes this exit non-zero; keep it in
# test/fuzz/corpus/TARGET/ as a regression case once fixed.
#
#   test/fuzz/run.sh [SECONDS]     default 60
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
mkdir -p build crashes
CORE="../../src/core.c ../../src/currency.c ../../src/decimal.c ../../src/amount_parse.c ../../src/amount_format.c ../../src/rate_math.c ../../src/growth_core.c ../../src/csv.c ../../src/pct_format.c"
failed=0
for target in amount growth_state numbers sum_state csv; do
	if ! clang -g -O1 -std=gnu99 -I../../src -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=undefined -o "build/fuzz_$target" "fuzz_$target.c" $CORE; then
		echo "fuzz_$target: build failed"
		failed=$((failed + 1))
		continue
	fi
	work=$(mktemp -d)
	cp corpus/$target/* "$work/" 2>/dev/null
	if UBSAN_OPTIONS=halt_on_error=1 "build/fuzz_$target" -max_total_time="$seconds" \
		-max_len=4096 -artifact_prefix="crashes/$target-" -print_final_stats=1 \
		"$work" >"build/$target.log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "build/$target.log")
		echo "fuzz_$target: ok, $runs runs in ${seconds}s without a crash"
	else
		echo "fuzz_$target: FAILED"
		grep -E "ERROR|runtime error|==ABORTING|SUMMARY" "build/$target.log" | head -5
		failed=$((failed + 1))
	fi
	rm -rf "$work"
done
exit $failed
