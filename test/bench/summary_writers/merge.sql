-- MERGE: an UPDATE or a DELETE of a row of one group, an INSERT into another
\set p1 random(1, :np)
\set p2 random(1, :np)
\set m random(0, :nm - 1)
\set v random(1, 100)
MERGE INTO bw t
USING (SELECT (SELECT min(id) FROM bw WHERE partner = 'P' || :p1 AND flow = 'x') AS id, NULL AS p, NULL::date AS d
	   UNION ALL SELECT NULL, 'P' || :p2, (date '2020-01-01' + make_interval(months => :m))::date) s
ON t.id = s.id AND t.flow = 'x'
WHEN MATCHED AND t.v % 3 = 0 THEN DELETE
WHEN MATCHED THEN UPDATE SET v = t.v + 1
WHEN NOT MATCHED AND s.p IS NOT NULL THEN INSERT (partner, flow, period, v) VALUES (s.p, 'x', s.d, :v);
