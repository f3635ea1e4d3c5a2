-- Benchmark of currency_amount against bigint and numeric on the same values.
-- Run by test/bench/run.sh; :rows, :amount_file and :numeric_file are set by it.
\set ON_ERROR_STOP 1
\pset footer off
SET max_parallel_workers_per_gather = 0;
CREATE EXTENSION trade_stats;

\ir best_ms.sql

-- Minor units of customs-like values: up to +-10 billion in major units.
\o /dev/null
SELECT setseed(0.42);
CREATE TABLE src AS
	SELECT (random() * 2e12 - 1e12)::bigint AS units FROM generate_series(1, :rows);
CREATE TABLE t_bigint AS SELECT units AS v FROM src;
-- bigint in rows as wide as currency_amount's (44 bytes with the line pointer)
CREATE TABLE t_bigint_wide AS SELECT units AS v, 0::bigint AS pad FROM src;
CREATE TABLE t_amount AS SELECT currency_amount(units / 100.0, 'CNY') AS v FROM src;
CREATE TABLE t_numeric AS SELECT (units / 100.0)::numeric(20, 2) AS v FROM src;
CREATE TABLE t_numeric_code AS SELECT (units / 100.0)::numeric(20, 2) AS v, 'CNY'::char(3) AS code FROM src;
VACUUM ANALYZE t_bigint, t_bigint_wide, t_amount, t_numeric, t_numeric_code;
-- warm the cache
SELECT count(*) FROM t_bigint UNION ALL SELECT count(*) FROM t_amount UNION ALL SELECT count(*) FROM t_numeric;
\o
-- the three sums agree
SELECT (SELECT sum(v) FROM t_amount)::numeric = (SELECT sum(v) FROM t_numeric) AND
	   (SELECT sum(v) FROM t_numeric) = (SELECT sum(v) / 100.0 FROM t_bigint) AS sums_agree;

COPY t_amount TO :'amount_file';
COPY t_numeric TO :'numeric_file';
CREATE UNLOGGED TABLE c_amount (v currency_amount);
CREATE UNLOGGED TABLE c_numeric (v numeric);

CREATE TEMP TABLE sums AS SELECT pg_temp.best_ms(ARRAY[
	'SELECT sum(v) FROM t_bigint', 'SELECT sum(v) FROM t_amount',
	'SELECT sum(v) FROM t_numeric', 'SELECT sum(v) FROM t_bigint_wide'], 7) AS ms;
CREATE TEMP TABLE copies AS SELECT pg_temp.best_ms(ARRAY[
	format('COPY c_amount FROM %L', :'amount_file'),
	format('COPY c_numeric FROM %L', :'numeric_file')], 3,
	ARRAY['TRUNCATE c_amount', 'TRUNCATE c_numeric']) AS ms;
CREATE TEMP TABLE timing AS SELECT
	sums.ms[1] AS sum_bigint, sums.ms[2] AS sum_amount, sums.ms[3] AS sum_numeric,
	sums.ms[4] AS sum_bigint_wide, copies.ms[1] AS copy_amount, copies.ms[2] AS copy_numeric
FROM sums, copies;

\echo
\echo '== currency_amount benchmark:' :rows 'rows, one run, best times in ms'
SELECT round(sum_bigint::numeric, 0) AS sum_bigint_ms,
	   round(sum_amount::numeric, 0) AS sum_amount_ms,
	   round(sum_numeric::numeric, 0) AS sum_numeric_ms,
	   round(sum_bigint_wide::numeric, 0) AS sum_bigint_wide_ms,
	   round(copy_amount::numeric, 0) AS copy_amount_ms,
	   round(copy_numeric::numeric, 0) AS copy_numeric_ms
FROM timing;

SELECT measure, round(ratio::numeric, 3) AS ratio, target,
	   CASE WHEN ok THEN 'met' ELSE 'MISSED' END AS result
FROM (SELECT 'sum(currency_amount) / sum(bigint)' AS measure,
			 sum_amount / sum_bigint AS ratio, '<= 1.1' AS target,
			 sum_amount / sum_bigint <= 1.1 AS ok FROM timing
	  UNION ALL
	  SELECT 'sum(currency_amount) / sum(bigint), rows of equal width',
			 sum_amount / sum_bigint_wide, '(information)', true FROM timing
	  UNION ALL
	  SELECT 'sum(currency_amount) / sum(numeric)', sum_amount / sum_numeric, '< 1',
			 sum_amount / sum_numeric < 1 FROM timing
	  UNION ALL
	  SELECT 'COPY FROM text: currency_amount / numeric', copy_amount / copy_numeric,
			 '<= 1.5', copy_amount / copy_numeric <= 1.5 FROM timing) r;

\echo '== bytes per value on disk'
SELECT 'currency_amount' AS column_type, avg(pg_column_size(v))::numeric(6, 2) AS avg_value_bytes,
	   (pg_relation_size('t_amount') / :rows::numeric)::numeric(6, 2) AS table_bytes_per_row
FROM t_amount
UNION ALL
SELECT 'numeric(20,2)', avg(pg_column_size(v))::numeric(6, 2),
	   (pg_relation_size('t_numeric') / :rows::numeric)::numeric(6, 2)
FROM t_numeric
UNION ALL
SELECT 'numeric(20,2) + char(3) code', avg(pg_column_size(v) + pg_column_size(code))::numeric(6, 2),
	   (pg_relation_size('t_numeric_code') / :rows::numeric)::numeric(6, 2)
FROM t_numeric_code
UNION ALL
SELECT 'bigint', avg(pg_column_size(v))::numeric(6, 2),
	   (pg_relation_size('t_bigint') / :rows::numeric)::numeric(6, 2)
FROM t_bigint;
