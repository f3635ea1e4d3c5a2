#!/usr/bin/env bash
# Instructions of fisher_price and yoy_growth by partner, counted by
# callgrind: reproducible where times on a shared machine are not (README,
# "The measures of 0.3").  A throwaway cluster run with `postgres --single`
# (no other backend, no parallel workers, no JIT); only the query's
# standard_ExecutorRun is counted.  Needs valgrind and trade_stats installed
# in the PostgreSQL of PG_CONFIG (default: pg_config on the PATH).
#
#   test/bench/callgrind.sh [PARTNERS [COMMODITIES]]   default 20 and 50
#                                                      (240,000 rows)
# Run it as a user that may run postgres (not root).
set -euo pipefail
partners=${1:-20}
commodities=${2:-50}
. "$(dirname "$0")/callgrind_lib.sh"
single_cluster 256MB

# the benchmark's rows (test/bench/measures.sql), commodity codes as text
single >"$dir/load.log" 2>&1 <<EOF
CREATE EXTENSION trade_stats;
CREATE TABLE customs (period date NOT NULL, partner int NOT NULL, flow int NOT NULL, commodity text NOT NULL, value currency_amount, tonnes numeric);
INSERT INTO customs SELECT (date '2012-01-01' + m * interval '1 month')::date, p, f, lpad(c::text, 6, '0'), currency_amount(((m * 7919 + p * 104729 + c * 31) % 10000000) / 100.0, 'CNY'), ((m * 31 + p * 17 + c * 7) % 100000) / 10.0 + 1 FROM generate_series(0, 119) m, generate_series(1, $partners) p, generate_series(1, 2) f, generate_series(1, $commodities) c;
VACUUM ANALYZE customs;
EOF
if grep -E "ERROR|FATAL" "$dir/load.log"; then exit 1; fi

# instructions of one query's executor run
count() {
	echo "$1" | valgrind --tool=callgrind --callgrind-out-file="$dir/out" \
		--toggle-collect=standard_ExecutorRun "$bindir/postgres" --single -D "$dir/data" postgres \
		>/dev/null 2>&1
	awk '/^(summary|totals):/ {print $2; exit}' "$dir/out"
}

rows=$((120 * partners * 2 * commodities))
yoy=$(count "SELECT partner, yoy_growth(value, period) FROM customs GROUP BY partner")
fisher=$(count "SELECT partner, fisher_price(value, tonnes, 't', commodity, period) FROM customs GROUP BY partner")
echo "$rows rows, $partners partners, $commodities commodities"
echo "yoy_growth    $yoy instructions"
echo "fisher_price  $fisher instructions"
awk -v f="$fisher" -v y="$yoy" -v r="$rows" \
	'BEGIN {printf "ratio %.3f, %.0f instructions a row more\n", f / y, (f - y) / r}'
