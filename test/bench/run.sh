#!/usr/bin/env bash
# Benchmarks of trade_stats in a throwaway cluster.  Prints ratios measured
# in the same run (the machines are shared and noisy: compare ratios, not
# milliseconds).  Not a test: it never fails on a missed target.
#
#   test/bench/run.sh [NAME...] [ROWS]   NAME: amount, convert, growth, growth_order, measures,
#                                        summary, scaleout, scaleout_summary (default: all; summary also
#                                        runs DuckDB from npm over the same rows);
#                                        ROWS default 10000000 (scaleout, scaleout_summary: 2000000;
#                                        growth_order: 400000 distinct periods)
set -euo pipefail
cd "$(dirname "$0")/../.."
. test/lib.sh

names=()
rows=
for arg in "$@"; do
	case "$arg" in
		[0-9]*) rows=$arg ;;
		*) names+=("$arg") ;;
	esac
done
[ ${#names[@]} -gt 0 ] || names=(amount convert growth growth_order measures summary scaleout scaleout_summary)

need_packages "${BASE_PACKAGES[@]}"
build_and_install
dir=$(mktemp -d)
chmod 1777 "$dir"
trap 'rm -rf "$dir"' EXIT
for name in "${names[@]}"; do
	[ -f "test/bench/$name.sql" ] || { echo "no benchmark $name"; exit 1; }
	pg_virtualenv -v "$PG_MAJOR" -o shared_buffers=4GB -o max_wal_size=8GB -o work_mem=256MB -- \
		psql -X -q -v rows="${rows:-$(case "$name" in scaleout|scaleout_summary) echo 2000000 ;; growth_order) echo 400000 ;; *) echo 10000000 ;; esac)}" -v amount_file="$dir/amount.txt" \
			-v numeric_file="$dir/numeric.txt" -v csv_file="$dir/customs.csv" -v copy_file="$dir/copy.txt" \
			-v pg_times="$dir/pg_times.txt" -f "test/bench/$name.sql" 2>&1
	if [ "$name" = summary ]; then
		command -v npm >/dev/null || need_packages nodejs npm
		(cd test/bench/duckdb && npm ci --no-audit --no-fund --silent) &&
			node test/bench/duckdb/dashboard.mjs "$dir/customs.csv" "$dir/pg_times.txt"
	fi
done
