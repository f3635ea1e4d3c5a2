#!/bin/bash
# pgbench against a maintained summary: 8 clients write its source with a
# mix of single statements, writable CTEs (DELETE + INSERT), MERGE, a CTE
# updating two partitions by name, and rolled-back transactions; deadlocks
# are retried (--max-tries) and counted.  Each statement locks at most one
# existing row of each partition of the source, so the rows of the source
# cannot deadlock: any deadlock is the summary's.  At the end the summary
# must equal a rebuild from the source.
#   test/bench/summary_writers.sh [PARTNERS MONTHS [SECONDS [CLIENTS]]]
# (default 3 partners x 2 months, 60 s, 8 clients) against the server of
# PGHOST/PGPORT, in database bench_writers (dropped and made again).
set -eu
here=$(cd "$(dirname "$0")/summary_writers" && pwd)
np=${1:-3}; nm=${2:-2}; seconds=${3:-60}; clients=${4:-8}
db=bench_writers
dropdb --if-exists "$db"
createdb "$db"
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
q -c "CREATE EXTENSION trade_stats"
q -v np="$np" -v nm="$nm" -f "$here/setup.sql" >/dev/null
deadlocks() { q -c "SELECT deadlocks FROM pg_stat_database WHERE datname = '$db'"; }
before=$(deadlocks)
out=$(pgbench -n -c "$clients" -j 2 -T "$seconds" --max-tries=1000 --failures-detailed \
	-D np="$np" -D nm="$nm" \
	-f "$here/single.sql@3" -f "$here/cte.sql@2" -f "$here/merge.sql@2" \
	-f "$here/parts.sql@1" -f "$here/rollback.sql@1" "$db" 2>&1) || true
sleep 1
after=$(deadlocks)
echo "$out" | grep -E "^(pgbench: error|number of (transactions actually processed|failed transactions|transactions retried|deadlock failures|serialization failures)|total number of retries|tps)"
echo "deadlocks (pg_stat_database): $((after - before))"
q -c "CREATE TEMP TABLE kept AS TABLE bw_summary;
	  SELECT trade_stats.refresh_summary('bw_summary');
	  SELECT CASE WHEN count(*) = 0 THEN 'summary equals recomputation' ELSE count(*) || ' summary rows differ from recomputation' END
	  FROM ((TABLE kept EXCEPT ALL TABLE bw_summary) UNION ALL (TABLE bw_summary EXCEPT ALL TABLE kept)) x" | tail -1
q -c "SELECT count(*) || ' source rows, ' || (SELECT count(*) FROM bw_summary) || ' summary rows' FROM bw"
