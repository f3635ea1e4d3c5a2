-- a writable CTE: a DELETE of one group and an INSERT into another
\set p1 random(1, :np)
\set p2 random(1, :np)
\set m random(0, :nm - 1)
\set v random(1, 100)
WITH d AS (DELETE FROM bw WHERE id = (SELECT min(id) FROM bw WHERE partner = 'P' || :p1) RETURNING *)
INSERT INTO bw (partner, flow, period, v)
SELECT 'P' || :p2, flow, period, v FROM d
UNION ALL SELECT 'P' || :p2, 'y', (date '2020-01-01' + make_interval(months => :m))::date, :v;
