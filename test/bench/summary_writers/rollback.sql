-- a writable CTE (DELETE + INSERT), rolled back
\set p1 random(1, :np)
\set p2 random(1, :np)
\set m random(0, :nm - 1)
BEGIN;
WITH d AS (DELETE FROM bw WHERE id = (SELECT min(id) FROM bw WHERE partner = 'P' || :p1) RETURNING *)
INSERT INTO bw (partner, flow, period, v)
SELECT 'P' || :p2, flow, period, v + 1 FROM d
UNION ALL SELECT 'P' || :p1, 'y', (date '2020-01-01' + make_interval(months => :m))::date, 5;
ROLLBACK;
