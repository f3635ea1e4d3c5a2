#!/usr/bin/env bash
# Scale-out on the engines PostgreSQL users run: a coordinator and two shards
# (databases of the throwaway cluster, reached over 127.0.0.1), with
#   - postgres_fdw: the customs table hash-partitioned by partner into
#     foreign tables, the server option extensions 'trade_stats';
#   - dblink and PL/Proxy: each shard's summaries fetched and rolled up;
#   - one node: partition-wise aggregation and forced parallel query;
# every aggregate of the extension compared with the single-table answer.
# Prints "ok - ..." / "not ok - ..." lines.  Run inside pg_virtualenv.
set -u
cd "$(dirname "$0")/../.."
coord=ts_so_coord
shards=(ts_so_shard1 ts_so_shard2)
cleanup() {
	for d in "$coord" "${shards[@]}"; do dropdb --if-exists "$d" 2>/dev/null; done
}
trap cleanup EXIT
cleanup

# psql with the test's settings; -v lets callers pass variables.
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

# The same rows and rates everywhere: the shards hold their partners' rows;
# every node has the extension (same version, same schema) and the rates.
# (yearly rates, each declared valid to the next: 2018's also serves 2019)
rates="INSERT INTO trade_stats.exchange_rate VALUES ('USD', 'CNY', '2018-01-01', 6.5, '2019-12-31'),
	('USD', 'CNY', '2020-01-01', 7.0, '2020-12-31'), ('USD', 'CNY', '2021-01-01', 6.45, '2021-12-31');"
for d in "${shards[@]}"; do
	q "$d" <<-EOF || { echo "not ok - shard $d setup"; exit 0; }
		CREATE EXTENSION trade_stats;
		$rates
		CREATE TABLE customs_p (period date NOT NULL, partner text NOT NULL, flow text NOT NULL,
			commodity int NOT NULL, amt currency_amount, num numeric, i8 bigint,
			f8 double precision, part boolean, unit text NOT NULL);
		CREATE TABLE summ_p (partner text NOT NULL, flow text NOT NULL, month date NOT NULL,
			s growth_state, st currency_amount_sum_state);
		-- conversion runs here, with this shard's rates
		CREATE VIEW customs_usd_p AS
			SELECT partner, flow, period, to_usd(amt, period) AS usd FROM customs_p;
	EOF
done

server_options="host '127.0.0.1', port '$port', extensions 'trade_stats', fetch_size '10000'"
mapping="user '$user'${password:+, password '$password'}"
q "$coord" -f test/scaleout/setup.sql || { echo "not ok - coordinator setup"; exit 0; }
q "$coord" <<-EOF || { echo "not ok - coordinator setup"; exit 0; }
	CREATE EXTENSION postgres_fdw;
	$rates
	CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname '${shards[0]}', $server_options);
	CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname '${shards[1]}', $server_options);
	CREATE USER MAPPING FOR CURRENT_USER SERVER shard1 OPTIONS ($mapping);
	CREATE USER MAPPING FOR CURRENT_USER SERVER shard2 OPTIONS ($mapping);
	CREATE TABLE customs (LIKE customs_single) PARTITION BY HASH (partner);
	CREATE FOREIGN TABLE customs_1 PARTITION OF customs FOR VALUES WITH (MODULUS 2, REMAINDER 0)
		SERVER shard1 OPTIONS (table_name 'customs_p');
	CREATE FOREIGN TABLE customs_2 PARTITION OF customs FOR VALUES WITH (MODULUS 2, REMAINDER 1)
		SERVER shard2 OPTIONS (table_name 'customs_p');
	CREATE TABLE summ (LIKE summ_single) PARTITION BY HASH (partner);
	CREATE FOREIGN TABLE summ_1 PARTITION OF summ FOR VALUES WITH (MODULUS 2, REMAINDER 0)
		SERVER shard1 OPTIONS (table_name 'summ_p');
	CREATE FOREIGN TABLE summ_2 PARTITION OF summ FOR VALUES WITH (MODULUS 2, REMAINDER 1)
		SERVER shard2 OPTIONS (table_name 'summ_p');
	CREATE TABLE customs_usd (partner text NOT NULL, flow text NOT NULL, period date NOT NULL,
		usd currency_amount) PARTITION BY HASH (partner);
	CREATE FOREIGN TABLE customs_usd_1 PARTITION OF customs_usd FOR VALUES WITH (MODULUS 2, REMAINDER 0)
		SERVER shard1 OPTIONS (table_name 'customs_usd_p');
	CREATE FOREIGN TABLE customs_usd_2 PARTITION OF customs_usd FOR VALUES WITH (MODULUS 2, REMAINDER 1)
		SERVER shard2 OPTIONS (table_name 'customs_usd_p');
	-- rows go to their shard through the coordinator
	INSERT INTO customs SELECT * FROM customs_single;
	INSERT INTO summ SELECT * FROM summ_single;
	-- the same rows in local partitions, for the one-node checks
	CREATE TABLE customs_local (LIKE customs_single) PARTITION BY HASH (partner);
	CREATE TABLE customs_local_1 PARTITION OF customs_local FOR VALUES WITH (MODULUS 2, REMAINDER 0);
	CREATE TABLE customs_local_2 PARTITION OF customs_local FOR VALUES WITH (MODULUS 2, REMAINDER 1);
	INSERT INTO customs_local SELECT * FROM customs_single;
	CREATE TABLE summ_local (LIKE summ_single) PARTITION BY HASH (partner);
	CREATE TABLE summ_local_1 PARTITION OF summ_local FOR VALUES WITH (MODULUS 2, REMAINDER 0);
	CREATE TABLE summ_local_2 PARTITION OF summ_local FOR VALUES WITH (MODULUS 2, REMAINDER 1);
	INSERT INTO summ_local SELECT * FROM summ_single;
	ANALYZE;
EOF
check "the shards hold 20,000 rows between them" \
	"$(($(q "${shards[0]}" -c 'SELECT count(*) FROM customs_p') + $(q "${shards[1]}" -c 'SELECT count(*) FROM customs_p')))" 20000
n_aggs=$(q "$coord" -c 'SELECT count(*) FROM aggregate_call')

# 1. postgres_fdw: every aggregate grouped by the partition key, by another
#    column and over all rows equals the single table.
for g in partner flow ''; do
	what=${g:+grouped by $g}
	bad=$(q "$coord" -c "SET enable_partitionwise_aggregate = on;
		SELECT string_agg(signature, ', ') FROM aggregate_call c
		WHERE NOT same_rows(agg_query(c, '$g', ''), agg_query(c, '$g', '_single'))")
	check "postgres_fdw: all $n_aggs aggregates ${what:-over all rows} equal one table" "$bad" ""
done

# Which runs where: grouped by the partition key (partition-wise), the
# aggregate is in each shard's remote SQL; grouped by flow, rows are fetched.
remote_aggs() {
	q "$coord" -c "SET enable_partitionwise_aggregate = on;
		CREATE FUNCTION pg_temp.explain(query text) RETURNS SETOF text LANGUAGE plpgsql AS
		\$\$ BEGIN RETURN QUERY EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || query; END \$\$;
		SELECT count(*) FROM aggregate_call c
		WHERE (SELECT count(*) FROM pg_temp.explain(agg_query(c, '$1', '')) l
			   WHERE l ~ ('Remote SQL: SELECT .*public\\.' || c.name || '\\(')) = 2"
}
check "postgres_fdw pushes all $n_aggs aggregates down to both shards grouped by the partition key" \
	"$(remote_aggs partner)" "$n_aggs"
check "postgres_fdw pushes no aggregate down grouped by another column (rows are fetched)" \
	"$(remote_aggs flow)" 0
check "postgres_fdw pushes no aggregate down over all rows (rows are fetched)" \
	"$(remote_aggs '')" 0
plan=$(q "$coord" -c "SET enable_partitionwise_aggregate = on;
	EXPLAIN (VERBOSE, COSTS OFF) SELECT partner, sum(to_usd(amt, period)) FROM customs GROUP BY partner")
check "to_usd is not sent to the shards (STABLE: it reads the rates table)" \
	"$(grep -c 'Remote SQL' <<<"$plan") remote queries, $(grep 'Remote SQL' <<<"$plan" | grep -c 'to_usd') with to_usd" \
	"2 remote queries, 0 with to_usd"

# Rows moved between the nodes: the Foreign Scans' actual rows.
rows_moved() {
	q "$coord" -c "SET enable_partitionwise_aggregate = on;
		CREATE FUNCTION pg_temp.moved(query text) RETURNS numeric LANGUAGE plpgsql AS \$\$
		DECLARE p jsonb;
		BEGIN
			EXECUTE 'EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON) ' || query INTO p;
			RETURN (SELECT sum(r::text::numeric) FROM jsonb_path_query(p,
					'strict \$.**?(@.\"Node Type\" == \"Foreign Scan\").\"Actual Rows\"') r);
		END \$\$;
		SELECT pg_temp.moved(\$q\$$1\$q\$)"
}
fetched=$(rows_moved "SELECT flow, yoy_growth(amt, period) FROM customs GROUP BY flow")
summaries=$(rows_moved "SELECT flow, yoy_growth(rollup(s)) FROM (SELECT partner, flow, growth_summary(amt, period) AS s
	FROM customs GROUP BY partner, flow) x GROUP BY flow")
check "grouped by flow, the rows are fetched: $fetched rows moved" "$fetched" 20000
check "summaries per shard grouped by (partner, flow), rolled up on the coordinator: $summaries rows moved" \
	"$summaries" 22
check "the summaries move at least 100 times fewer rows" "$((fetched >= 100 * summaries))" 1
check "summaries per shard, rolled up on the coordinator, equal one table for every measure" \
	"$(q "$coord" -c "SET enable_partitionwise_aggregate = on;
		SELECT same_rows(
			'SELECT flow, yoy_growth(rollup(s))::text, share(rollup(s))::text, share_change(rollup(s))::text,
					growth_contribution(rollup(s))::text, mom_growth(rollup(s))::text, total(rollup(s))::text
			 FROM (SELECT partner, flow, growth_summary(amt, part, period) AS s FROM customs GROUP BY partner, flow) x
			 GROUP BY flow',
			'SELECT flow, yoy_growth(amt, period)::text, share(amt, part)::text, share_change(amt, part, period)::text,
					growth_contribution(amt, part, period)::text, mom_growth(amt, period)::text, sum(amt)::numeric::text
			 FROM customs_single GROUP BY flow')")" t
check "the inner summaries are computed on the shards" \
	"$(q "$coord" -c "SET enable_partitionwise_aggregate = on;
		EXPLAIN (VERBOSE, COSTS OFF) SELECT flow, rollup(s) FROM (SELECT partner, flow,
			growth_summary(amt, part, period) AS s FROM customs GROUP BY partner, flow) x GROUP BY flow" |
		grep -c 'Remote SQL: SELECT partner, flow, public.growth_summary')" 2

# Conversion on the shards, with each shard's rates.
check "to_usd on the shards equals to_usd on one table (the same rates on every node)" \
	"$(q "$coord" -c "SELECT same_rows('SELECT partner, sum(usd)::text FROM customs_usd GROUP BY partner',
		'SELECT partner, sum(to_usd(amt, period))::text FROM customs_single GROUP BY partner')")" t
q "${shards[1]}" -c "UPDATE trade_stats.exchange_rate SET rate = 7.5 WHERE valid_from = '2021-01-01'"
check "a shard converts with its own rates (shard 2's 2021 rate changed: only its partners' sums change)" \
	"$(q "$coord" -c "SELECT string_agg(partner, ' ' ORDER BY partner) FROM
		(SELECT partner, sum(usd) AS s FROM customs_usd GROUP BY partner) c
		JOIN (SELECT partner, sum(to_usd(amt, period)) AS s FROM customs_single GROUP BY partner) o USING (partner)
		WHERE c.s <> o.s")" \
	"$(q "$coord" -c "SELECT string_agg(DISTINCT partner, ' ' ORDER BY partner) FROM customs_2")"
q "${shards[1]}" -c "UPDATE trade_stats.exchange_rate SET rate = 6.45 WHERE valid_from = '2021-01-01'"

# 2. dblink: each shard's summaries per flow, rolled up here.
q "$coord" -c "CREATE EXTENSION dblink"
fanout="SELECT flow, s FROM dblink('dbname=${shards[0]} host=127.0.0.1 port=$port user=$user${password:+ password=$password}',
		'SELECT flow, growth_summary(amt, part, period) FROM customs_p GROUP BY flow') AS t(flow text, s growth_state)
	UNION ALL
	SELECT flow, s FROM dblink('dbname=${shards[1]} host=127.0.0.1 port=$port user=$user${password:+ password=$password}',
		'SELECT flow, growth_summary(amt, part, period) FROM customs_p GROUP BY flow') AS t(flow text, s growth_state)"
check "dblink: shard summaries rolled up equal one table" \
	"$(q "$coord" -c "SELECT same_rows(
		\$q\$SELECT flow, rollup(s)::text FROM ($fanout) f GROUP BY flow\$q\$,
		'SELECT flow, growth_summary(amt, part, period)::text FROM customs_single GROUP BY flow')")" t

# 3. PL/Proxy: RUN ON ALL returns each shard's summaries as growth_state.
if q "$coord" -c "CREATE EXTENSION plproxy" 2>/dev/null; then
	for d in "${shards[@]}"; do
		q "$d" -c "CREATE FUNCTION flow_summaries(OUT flow text, OUT s growth_state) RETURNS SETOF record
			LANGUAGE sql STABLE AS 'SELECT flow, growth_summary(amt, part, period) FROM customs_p GROUP BY flow'"
	done
	q "$coord" <<-EOF
		CREATE SERVER shards FOREIGN DATA WRAPPER plproxy OPTIONS (
			p0 'dbname=${shards[0]} host=127.0.0.1 port=$port',
			p1 'dbname=${shards[1]} host=127.0.0.1 port=$port');
		CREATE USER MAPPING FOR CURRENT_USER SERVER shards OPTIONS ($mapping);
		CREATE FUNCTION flow_summaries(OUT flow text, OUT s growth_state) RETURNS SETOF record
			LANGUAGE plproxy AS \$\$ CLUSTER 'shards'; RUN ON ALL; \$\$;
	EOF
	check "PL/Proxy: RUN ON ALL summaries rolled up equal one table" \
		"$(q "$coord" -c "SELECT same_rows(
			'SELECT flow, rollup(s)::text FROM flow_summaries() GROUP BY flow',
			'SELECT flow, growth_summary(amt, part, period)::text FROM customs_single GROUP BY flow')")" t
	check "PL/Proxy: yoy_growth and share of the rolled-up shard summaries" \
		"$(q "$coord" -c "SELECT string_agg(flow || ' ' || round(yoy_growth(r), 6) || ' ' || round(share(r), 6), '; ' ORDER BY flow)
			FROM (SELECT flow, rollup(s) AS r FROM flow_summaries() GROUP BY flow) x")" \
		"$(q "$coord" -c "SELECT string_agg(flow || ' ' || round(y, 6) || ' ' || round(sh, 6), '; ' ORDER BY flow)
			FROM (SELECT flow, yoy_growth(amt, period) AS y, share(amt, part) AS sh FROM customs_single GROUP BY flow) x")"
else
	echo "not ok - CREATE EXTENSION plproxy failed (Debian package postgresql-$PG_MAJOR-plproxy)"
fi

# 4. One node: partition-wise aggregation off and on, and forced parallel
#    query, give the single table's answers for every aggregate.
for mode in "enable_partitionwise_aggregate = off" "enable_partitionwise_aggregate = on" \
	"force_parallel_mode = on; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2; SET enable_partitionwise_aggregate = on"; do
	bad=$(q "$coord" -c "SET $mode;
		SELECT string_agg(signature || ' by ' || g, ', ') FROM aggregate_call c, unnest(ARRAY['partner', 'flow', '']) g
		WHERE NOT same_rows(agg_query(c, g, '_local'), agg_query(c, g, '_single'))")
	check "one node, local partitions, ${mode%%;*}: all $n_aggs aggregates equal one table" "$bad" ""
done
