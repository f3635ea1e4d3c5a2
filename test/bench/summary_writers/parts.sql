-- a writable CTE updating a row in each of two partitions by name: a pass
-- per partition
\set p1 random(1, :np)
\set p2 random(1, :np)
WITH a AS (UPDATE bw_x SET v = v + 1 WHERE id = (SELECT min(id) FROM bw_x WHERE partner = 'P' || :p1))
UPDATE bw_y SET v = v + 1 WHERE id = (SELECT min(id) FROM bw_y WHERE partner = 'P' || :p2);
