#!/usr/bin/env bash
# The Citus 13 calling convention, without Citus: every aggregate of the
# extension with a combine function (sum, avg, min, max, the growth and
# share aggregates, growth_summary, rollup) for every signature, run by
# test/scaleout/citus/citus_emu.c over 3 shards: transition functions through a bare
# fmgr_info() (no fn_expr), with and without an aggregate context, each
# shard's state out as text and back in, combined and finished.  Each answer
# must equal the one-step aggregate's, grouped by a column that is not the
# shard key.  Run inside a throwaway cluster; prints "ok - ..." or
# "not ok - ..." per aggregate signature and mode.
set -u
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"; dropdb --if-exists ts_citus 2>/dev/null' EXIT
if ! make -s -C test/scaleout/citus PG_CONFIG="${PG_CONFIG:-pg_config}" >"$tmp/build.log" 2>&1; then
	cat "$tmp/build.log"
	echo "not ok - building test/scaleout/citus/citus_emu.so"
	exit 0
fi
cp test/scaleout/citus/citus_emu.so "$tmp/" && chmod 755 "$tmp/citus_emu.so"
createdb ts_citus || { echo "not ok - createdb failed"; exit 0; }
psql -X -q -At -v ON_ERROR_STOP=1 -d ts_citus -v so="$tmp/citus_emu.so" <<'SQL'
CREATE EXTENSION trade_stats;
CREATE FUNCTION citus_emulate(regprocedure, text, int, bool) RETURNS text
	AS :'so', 'citus_emulate' LANGUAGE C;
CREATE FUNCTION call_bare(regprocedure, text, text) RETURNS text
	AS :'so', 'call_bare' LANGUAGE C;
CREATE FUNCTION one_step(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
	EXECUTE query INTO r;
	RETURN r;
END
$$;
CREATE TABLE t (partner text, flow text, period date, v currency_amount, n numeric,
				b bigint, d double precision, part boolean);
INSERT INTO t
	SELECT p, f, d::date,
		   CASE WHEN i % 17 = 0 THEN NULL ELSE currency_amount((i * 37 % 1000) + 0.25 * (i % 4), 'CNY') END,
		   (i * 13 % 997) / 8.0, i * 7 % 1001, (i % 89) * 0.37,
		   CASE WHEN i % 11 = 0 THEN NULL ELSE i % 3 = 0 END
	FROM generate_series(1, 2400) i,
		 LATERAL (SELECT (ARRAY['ASEAN', 'EU', 'US', '美国'])[1 + i % 4] AS p,
						 (ARRAY['export', 'import'])[1 + i % 2] AS f,
						 date '2019-01-01' + ((i % 35) * interval '1 month') AS d) x;
CREATE TABLE summaries AS
	SELECT partner, flow, date_trunc('month', period)::date AS month,
		   growth_summary(v, part, period) AS s, sum(v) AS sum_v,
		   rollup(currency_amount_sum_accum(NULL, v)) AS st
	FROM t GROUP BY 1, 2, 3;
SQL
[ $? -eq 0 ] || { echo "not ok - setting up failed"; exit 0; }

psql -X -q -At -d ts_citus <<'SQL'
WITH aggs AS (
	SELECT a.aggfnoid::regprocedure AS agg, p.proname,
		   (SELECT string_agg(CASE t
				WHEN 'currency_amount'::regtype THEN 'v'
				WHEN 'numeric'::regtype THEN 'n'
				WHEN 'bigint'::regtype THEN 'b'
				WHEN 'double precision'::regtype THEN 'd'
				WHEN 'boolean'::regtype THEN 'part'
				-- a date after the period is as_of
				WHEN 'date'::regtype THEN CASE WHEN EXISTS (SELECT FROM unnest(p.proargtypes::regtype[]) WITH ORDINALITY u2(t2, j)
														   WHERE j < i AND t2 = 'date'::regtype)
											   THEN '''2021-06-30''::date' ELSE 'period' END
				-- year_start: April to March
				WHEN 'integer'::regtype THEN '4'
				WHEN 'growth_state'::regtype THEN 's'
				WHEN 'currency_amount_sum_state'::regtype THEN 'st'
				END, ', ' ORDER BY i)
			FROM unnest(p.proargtypes::regtype[]) WITH ORDINALITY u(t, i)) AS args,
		   p.proargtypes[0]::regtype AS first
	FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
	JOIN pg_depend dep ON dep.objid = p.oid AND dep.deptype = 'e'
	JOIN pg_extension e ON e.oid = dep.refobjid AND e.extname = 'trade_stats'
	-- Citus 13 ships only states of a SQL type (worker_partial_agg refuses
	-- an internal state): hhi, cr and the quantity measures are not run here
	WHERE a.aggcombinefn <> 0 AND a.aggtranstype <> 'internal'::regtype
), cases AS (
	SELECT agg, args, ctx, grp,
		   CASE WHEN first IN ('growth_state'::regtype, 'currency_amount_sum_state'::regtype)
				THEN 'summaries' ELSE 't' END AS src
	FROM aggs, (VALUES (true), (false)) c(ctx), (VALUES ('flow'), ('partner')) g(grp)
), results AS (
	SELECT agg, ctx, grp, count(*) AS groups,
		   count(*) FILTER (WHERE emulated IS NOT DISTINCT FROM one_step) AS same
	FROM cases,
		 LATERAL (SELECT DISTINCT k FROM (SELECT flow AS k FROM t WHERE grp = 'flow'
										   UNION SELECT partner FROM t WHERE grp = 'partner') kk) keys,
		 LATERAL (SELECT citus_emulate(agg, format('SELECT %s FROM %s WHERE %I = %L ORDER BY %s',
												   args, src, grp, keys.k,
												   CASE src WHEN 't' THEN 'period, v, n, b' ELSE 'month, partner, flow' END),
									   3, ctx) AS emulated) e,
		 LATERAL (SELECT one_step(format('SELECT (%s(%s))::text FROM %s WHERE %I = %L',
										 (SELECT proname FROM pg_proc WHERE oid = agg), args, src,
										 grp, keys.k)) AS one_step) o
	GROUP BY agg, ctx, grp
)
SELECT CASE WHEN groups = same THEN 'ok - ' ELSE 'not ok - ' END ||
	   format('Citus-style %s, grouped by %s, %s: %s of %s groups equal',
			  agg, grp, CASE WHEN ctx THEN 'aggregate context' ELSE 'no context' END, same, groups)
FROM results ORDER BY agg::text, grp, ctx;
SQL

# pct_change called without a parse tree (fn_expr NULL), as an fmgr caller
# other than the executor calls it: the same answer as from SQL, for each of
# its signatures.
psql -X -q -At -v ON_ERROR_STOP=1 -d ts_citus <<'SQL'
SELECT CASE WHEN bare IS NOT DISTINCT FROM from_sql THEN 'ok - ' ELSE 'not ok - ' END ||
	   format('%s called without fn_expr: %s (from SQL: %s)', p, bare, from_sql)
FROM (VALUES ('pct_change(currency_amount, currency_amount)'::regprocedure, '110.50 CNY', '100 CNY',
			  pct_change('110.50 CNY'::currency_amount, '100 CNY')::text),
			 ('pct_change(numeric, numeric)', '110.5', '100', pct_change(110.5, 100)::text),
			 ('pct_change(bigint, bigint)', '110', '100', pct_change(110::bigint, 100)::text),
			 ('pct_change(double precision, double precision)', '110.5', '100',
			  pct_change(110.5::float8, 100)::text)) c(p, a, b, from_sql),
	 LATERAL (SELECT call_bare(p, a, b) AS bare) r;
SQL
