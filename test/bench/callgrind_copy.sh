#!/usr/bin/env bash
# Instructions of a COPY into a table without a summary, with a statement
# trigger that only has a transition table (PostgreSQL's part of the cost),
# and with a maintained summary grouped by (partner, flow), counted by
# callgrind: reproducible where times on a shared machine are not
# (test/bench/README.md, "The write path with the triggers' pass in C").
# A throwaway cluster run with `postgres --single`; each COPY is counted
# from trade_stats's ProcessUtility hook, which holds the statement's end.  work_mem is
# scaled with the rows so that the transition table spills to disk as at
# 10 million rows and 256 MB.  Needs valgrind and trade_stats installed in
# the PostgreSQL of PG_CONFIG (default: pg_config on the PATH).
#
#   test/bench/callgrind_copy.sh [PARTNERS [COMMODITIES]]   default 20 and 208
#                                                           (998,400 rows)
# Run it as a user that may run postgres (not root).
set -euo pipefail
partners=${1:-20}
commodities=${2:-208}
. "$(dirname "$0")/callgrind_lib.sh"
rows=$((120 * partners * 2 * commodities))
single_cluster "$((rows / 39000 + 1))MB"

# the summary benchmark's rows (test/bench/summary.sql), in a file
single >"$dir/load.log" 2>&1 <<EOF
CREATE EXTENSION trade_stats;
COPY (SELECT (date '2012-01-01' + m * interval '1 month')::date, p, f, c, currency_amount(((m * 7919 + p * 104729 + c * 31) % 10000000) / 100.0, 'CNY') FROM generate_series(0, 119) m, generate_series(1, $partners) p, generate_series(1, 2) f, generate_series(1, $commodities) c) TO '$dir/rows.txt';
CREATE FUNCTION capture_only() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END';
CREATE TABLE load_plain (period date NOT NULL, partner int NOT NULL, flow int NOT NULL, commodity int NOT NULL, value currency_amount);
CREATE TABLE load_captured (LIKE load_plain);
CREATE TRIGGER capture_only AFTER INSERT ON load_captured REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION capture_only();
CREATE TABLE load_summarised (LIKE load_plain);
SELECT trade_stats.create_summary('load_summary', 'load_summarised', '{partner,flow}', 'value', 'period');
EOF
if grep -E "ERROR|FATAL" "$dir/load.log"; then exit 1; fi

# instructions of one COPY (the library loaded before it, as in a session
# that has used the extension)
count() {
	printf "LOAD 'trade_stats';\nCOPY %s FROM '%s';\n" "$1" "$dir/rows.txt" |
		valgrind --tool=callgrind --callgrind-out-file="$dir/out" \
			--toggle-collect=stash_process_utility "$bindir/postgres" --single -D "$dir/data" postgres \
			>"$dir/copy.log" 2>&1
	if grep -E "ERROR|FATAL" "$dir/copy.log" >&2; then exit 1; fi
	awk '/^(summary|totals):/ {print $2; exit}' "$dir/out"
}

plain=$(count load_plain)
captured=$(count load_captured)
summarised=$(count load_summarised)
echo "$rows rows, $((120 * partners * 2)) groups and months"
echo "COPY without a summary      $plain instructions"
echo "COPY, transition table only $captured instructions"
echo "COPY with the summary       $summarised instructions"
awk -v p="$plain" -v c="$captured" -v s="$summarised" -v r="$rows" \
	'BEGIN {printf "with / without %.3f, transition table / without %.3f; the summary\x27s own part %.0f instructions a row\n", s / p, c / p, (s - c) / r}'
