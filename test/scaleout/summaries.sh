#!/usr/bin/env bash
# Maintained summaries of a table whose partitions are on shards: the
# README's recipe, run as written.  A coordinator and two shards (databases
# of the throwaway cluster, reached over 127.0.0.1 with postgres_fdw):
#   - the customs table is LIST-partitioned by partner group, each partition
#     a foreign table on its shard;
#   - each shard keeps a maintained summary of its own rows (create_summary
#     there, one call per shard);
#   - the coordinator reads the shards' summaries through a second table,
#     partitioned the same way;
#   - writes through the coordinator (INSERT, COPY, UPDATE, rows moving
#     between shards, DELETE, TRUNCATE) keep every shard's summary exact;
#   - a BI role gets partition-wise aggregation from ALTER ROLE ... SET, a
#     query for one partner reads one shard, and the rollup runs there.
# Prints "ok - ..." / "not ok - ..." lines.  Run inside pg_virtualenv.
set -u
cd "$(dirname "$0")/../.."
coord=ts_ss_coord
shards=(ts_ss_shard1 ts_ss_shard2)
bi=ts_ss_bi
cleanup() {
	for d in "$coord" "${shards[@]}"; do dropdb --if-exists "$d" 2>/dev/null; done
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS $bi" 2>/dev/null
}
trap cleanup EXIT
cleanup

q() {
	local db=$1
	shift
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"
}
check() {
	if [ "$2" = "$3" ]; then echo "ok - $1"; else echo "not ok - $1: got '$2', want '$3'"; fi
}

for d in "$coord" "${shards[@]}"; do
	createdb "$d" || { echo "not ok - createdb $d"; exit 0; }
done
port=${PGPORT:-5432}
user=${PGUSER:-$(id -un)}
password=${PGPASSWORD:-}

# On each shard: the rows of its partners and their summary, kept by the
# shard's own triggers.
for d in "${shards[@]}"; do
	q "$d" <<-EOF || { echo "not ok - shard $d setup"; exit 0; }
		CREATE EXTENSION trade_stats;
		CREATE TABLE customs_p (period date, partner text, flow text, value currency_amount);
		SELECT FROM trade_stats.create_summary('customs_summary_p', 'customs_p',
		                                       ARRAY['partner', 'flow'], 'value', 'period');
	EOF
done

server_options="host '127.0.0.1', port '$port', extensions 'trade_stats', batch_size '500'"
mapping="user '$user'${password:+, password '$password'}"
q "$coord" <<-EOF || { echo "not ok - coordinator setup"; exit 0; }
	CREATE EXTENSION trade_stats;
	CREATE EXTENSION postgres_fdw;
	CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname '${shards[0]}', $server_options);
	CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname '${shards[1]}', $server_options);
	CREATE USER MAPPING FOR CURRENT_USER SERVER shard1 OPTIONS ($mapping);
	CREATE USER MAPPING FOR CURRENT_USER SERVER shard2 OPTIONS ($mapping);
	-- the rows, by partner group
	CREATE TABLE customs (period date, partner text, flow text, value currency_amount)
		PARTITION BY LIST (partner);
	CREATE FOREIGN TABLE customs_1 PARTITION OF customs FOR VALUES IN ('US', 'JP', 'KR')
		SERVER shard1 OPTIONS (table_name 'customs_p');
	CREATE FOREIGN TABLE customs_2 PARTITION OF customs FOR VALUES IN ('EU', 'ASEAN')
		SERVER shard2 OPTIONS (table_name 'customs_p');
	-- the shards' summaries, partitioned the same way
	CREATE TABLE customs_summary (partner text, flow text, month date, summary growth_state)
		PARTITION BY LIST (partner);
	CREATE FOREIGN TABLE customs_summary_1 PARTITION OF customs_summary FOR VALUES IN ('US', 'JP', 'KR')
		SERVER shard1 OPTIONS (table_name 'customs_summary_p');
	CREATE FOREIGN TABLE customs_summary_2 PARTITION OF customs_summary FOR VALUES IN ('EU', 'ASEAN')
		SERVER shard2 OPTIONS (table_name 'customs_summary_p');
	-- the same rows on one node, to compare with
	CREATE TABLE customs_single (period date, partner text, flow text, value currency_amount);
	INSERT INTO customs_single
	SELECT make_date(2019 + m / 12, m % 12 + 1, 1 + c), p, f,
	       ((1000 + 37 * m + 101 * c + length(p) * 13 + length(f)) || '.' || lpad((m * c % 100)::text, 2, '0') || ' CNY')::currency_amount
	FROM generate_series(0, 35) m, generate_series(0, 9) c,
	     unnest(ARRAY['US', 'JP', 'KR', 'EU', 'ASEAN']) p, unnest(ARRAY['export', 'import']) f;
	-- rows go to their shard through the coordinator
	INSERT INTO customs SELECT * FROM customs_single;
EOF

# The coordinator's view of the summaries against the rows, and against
# one node: every (partner, flow) state equal, and a measure by flow.
same_as_rows() {
	q "$coord" -c "SELECT count(*) FILTER (WHERE s.st IS DISTINCT FROM r.st) || ' of ' || count(*)
		FROM (SELECT partner, flow, rollup(summary)::text AS st FROM customs_summary GROUP BY partner, flow) s
		FULL JOIN (SELECT partner, flow, growth_summary(value, period)::text AS st
		           FROM customs_single GROUP BY partner, flow) r USING (partner, flow)"
}
check "the shards' summaries equal the rows' (partner, flow) summaries after loading through the coordinator" \
	"$(same_as_rows)" "0 of 10"
check "each shard keeps only its partners' summary rows" \
	"$(q "${shards[0]}" -c "SELECT string_agg(DISTINCT partner, ' ' ORDER BY partner) FROM customs_summary_p") / $(q "${shards[1]}" -c "SELECT string_agg(DISTINCT partner, ' ' ORDER BY partner) FROM customs_summary_p")" \
	"JP KR US / ASEAN EU"

# Every write path through the coordinator, mirrored on the single table.
change() {
	q "$coord" -c "$1" && q "$coord" -c "${2:-$1}" >/dev/null
}
change "UPDATE customs SET value = value + '1.01 CNY' WHERE partner = 'US' AND period < '2020-01-01'" \
	"UPDATE customs_single SET value = value + '1.01 CNY' WHERE partner = 'US' AND period < '2020-01-01'"
check "an UPDATE through the coordinator keeps the shard's summary exact" "$(same_as_rows)" "0 of 10"
change "UPDATE customs SET partner = 'EU' WHERE partner = 'KR' AND flow = 'import' AND period >= '2021-06-01'" \
	"UPDATE customs_single SET partner = 'EU' WHERE partner = 'KR' AND flow = 'import' AND period >= '2021-06-01'"
check "rows moved to the other shard by an UPDATE of the partner leave one summary and reach the other" \
	"$(same_as_rows)" "0 of 10"
change "DELETE FROM customs WHERE flow = 'export' AND partner IN ('JP', 'ASEAN') AND period < '2019-07-01'" \
	"DELETE FROM customs_single WHERE flow = 'export' AND partner IN ('JP', 'ASEAN') AND period < '2019-07-01'"
check "a DELETE on both shards keeps both summaries exact" "$(same_as_rows)" "0 of 10"
rows="2022-01-05	US	export	1234.56 CNY
2022-01-06	EU	import	99.99 CNY
2022-02-01	ASEAN	export	1000000.00 CNY"
q "$coord" -c "COPY customs FROM STDIN" <<<"$rows" &&
	q "$coord" -c "COPY customs_single FROM STDIN" <<<"$rows"
check "COPY into the coordinator's table reaches each shard's summary" "$(same_as_rows)" "0 of 10"
check "a partner's last month reads from its shard's summary at once" \
	"$(q "$coord" -c "SELECT total_amount(rollup(summary), '2022-02-01', '2022-02-28') FROM customs_summary WHERE partner = 'ASEAN'")" \
	"1000000.00 CNY"

# A query for one partner reads one shard; a BI role gets partition-wise
# aggregation from its role settings, and the rollup runs on the shards.
plan=$(q "$coord" -c "EXPLAIN (COSTS OFF) SELECT yoy_growth(rollup(summary)) FROM customs_summary WHERE partner = 'EU'")
check "a query for one partner scans only its shard's summary" \
	"$(grep -o 'Foreign Scan on [a-z_0-9]*' <<<"$plan" | tr '\n' ' ')" "Foreign Scan on customs_summary_2 "
q "$coord" <<-EOF
	CREATE ROLE $bi LOGIN PASSWORD 'ts_ss_bi_password';
	ALTER ROLE $bi SET enable_partitionwise_aggregate = on;
	GRANT SELECT ON customs_summary TO $bi;
	GRANT USAGE ON FOREIGN SERVER shard1, shard2 TO $bi;
	CREATE USER MAPPING FOR $bi SERVER shard1 OPTIONS ($mapping, password_required 'false');
	CREATE USER MAPPING FOR $bi SERVER shard2 OPTIONS ($mapping, password_required 'false');
EOF
as_bi() {
	PGPASSWORD=ts_ss_bi_password psql -X -q -At -v ON_ERROR_STOP=1 -d "$coord" -U "$bi" -c "$1"
}
check "ALTER ROLE ... SET gives the BI role's sessions partition-wise aggregation" \
	"$(as_bi 'SHOW enable_partitionwise_aggregate')" "on"
plan=$(as_bi "EXPLAIN (VERBOSE, COSTS OFF) SELECT partner, rollup(summary) FROM customs_summary GROUP BY partner")
check "grouped by partner, each shard rolls its own summaries up (the rollup is in both remote queries)" \
	"$(grep -c 'Remote SQL: SELECT partner, public.rollup(summary) FROM public.customs_summary_p GROUP BY 1' <<<"$plan")" 2
check "the BI role reads the same yoy by partner as the rows give" \
	"$(as_bi "SELECT string_agg(partner || ' ' || round(yoy_growth(s), 4), ', ' ORDER BY partner)
		FROM (SELECT partner, rollup(summary) AS s FROM customs_summary WHERE flow = 'export' GROUP BY partner) x")" \
	"$(q "$coord" -c "SELECT string_agg(partner || ' ' || round(y, 4), ', ' ORDER BY partner)
		FROM (SELECT partner, yoy_growth(value, period) AS y FROM customs_single WHERE flow = 'export' GROUP BY partner) x")"

# TRUNCATE through the coordinator runs on the shards, whose triggers empty
# their summaries.
q "$coord" -c "TRUNCATE customs"
check "TRUNCATE through the coordinator empties every shard's summary" \
	"$(q "$coord" -c "SELECT count(*) FROM customs_summary")" 0

# A summary of the coordinator's table itself is refused, and the table
# stays writable.
err=$(q "$coord" -c "SELECT trade_stats.create_summary('coord_summary', 'customs', ARRAY['partner'], 'value', 'period')" 2>&1)
check "create_summary on a table with foreign partitions is refused with the recipe as hint" \
	"$(grep -c 'is a foreign table' <<<"$err") $(grep -c 'HINT:  Keep a summary on each shard' <<<"$err")" "1 1"
q "$coord" -c "INSERT INTO customs VALUES ('2022-03-01', 'US', 'export', '5.00 CNY')"
check "after the refusal the coordinator's table is still writable, and the shard's summary follows" \
	"$(q "$coord" -c "SELECT total_amount(rollup(summary), '2022-01-01', '2022-12-31') FROM customs_summary")" "5.00 CNY"
