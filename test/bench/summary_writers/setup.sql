-- The table of test/bench/summary_writers.sh: a source partitioned by flow,
-- with a maintained summary per partner and month.
CREATE TABLE bw (id bigserial, partner text NOT NULL, flow text NOT NULL, period date NOT NULL, v bigint)
	PARTITION BY LIST (flow);
CREATE TABLE bw_x PARTITION OF bw FOR VALUES IN ('x');
CREATE TABLE bw_y PARTITION OF bw FOR VALUES IN ('y');
CREATE INDEX ON bw (partner, period);
CREATE INDEX ON bw (partner, id);
INSERT INTO bw (partner, flow, period, v)
SELECT 'P' || p, f, (date '2020-01-01' + make_interval(months => m))::date, 1
FROM generate_series(1, :np) p, generate_series(0, :nm - 1) m, unnest(ARRAY['x', 'y']) f, generate_series(1, 5);
SELECT trade_stats.create_summary('bw_summary', 'bw', '{partner}', 'v', 'period');
