-- single statements: an INSERT, an UPDATE and a DELETE of one row
\set p random(1, :np)
\set m random(0, :nm - 1)
\set v random(1, 100)
INSERT INTO bw (partner, flow, period, v) VALUES ('P' || :p, 'x', (date '2020-01-01' + make_interval(months => :m))::date, :v);
UPDATE bw SET v = v + 1 WHERE id = (SELECT min(id) FROM bw WHERE partner = 'P' || :p AND flow = 'y');
DELETE FROM bw WHERE id = (SELECT min(id) FROM bw WHERE partner = 'P' || :p);
