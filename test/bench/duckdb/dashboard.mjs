// DuckDB baseline of test/bench/summary.sql: the same four dashboard
// queries over the same rows (exported by PostgreSQL as CSV), with one
// thread and with all threads; best of 5, milliseconds, one line per query.
//   node dashboard.mjs customs.csv pg_times.txt
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const [csv, pgTimes] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
await con.run(`CREATE TABLE customs AS SELECT * FROM read_csv('${csv}', header = true,
  columns = {'period': 'DATE', 'partner': 'INTEGER', 'flow': 'INTEGER', 'commodity': 'INTEGER',
             'value': 'DECIMAL(18,2)'})`);

// Q1 as yoy_growth: P = the latest period; [Jan 1, P] against a year earlier
const queries = {
  'Q1 yoy per partner': `
    WITH p AS (SELECT max(period) AS p FROM customs)
    SELECT partner,
           100 * (sum(value) FILTER (WHERE period BETWEEN date_trunc('year', p) AND p)
                  - sum(value) FILTER (WHERE period BETWEEN date_trunc('year', p) - INTERVAL 1 YEAR AND p - INTERVAL 1 YEAR))
               / abs(sum(value) FILTER (WHERE period BETWEEN date_trunc('year', p) - INTERVAL 1 YEAR AND p - INTERVAL 1 YEAR))
    FROM customs, p GROUP BY partner`,
  'Q2 share per partner': `
    SELECT partner, 100 * sum(value) / sum(sum(value)) OVER () FROM customs GROUP BY partner`,
  'Q3 monthly yoy series': `
    WITH g AS (SELECT partner, period, sum(value) AS s FROM customs GROUP BY partner, period)
    SELECT g.partner, g.period, 100 * (g.s - b.s) / abs(b.s)
    FROM g LEFT JOIN g b ON b.partner = g.partner AND b.period = g.period - INTERVAL 1 YEAR`,
  'Q4 top 10 and others': `
    SELECT CASE WHEN rk <= 10 THEN partner::text ELSE 'others' END, sum(v)
    FROM (SELECT partner, v, row_number() OVER (ORDER BY v DESC, partner) AS rk
          FROM (SELECT partner, sum(value) AS v FROM customs GROUP BY partner) t) r
    GROUP BY 1`,
};

async function best(sql) {
  let t = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await con.runAndReadAll(sql);
    t = Math.min(t, performance.now() - t0);
  }
  return t;
}

const pg = readFileSync(pgTimes, 'utf8').trim().split('\n').map(Number);
const all = cpus().length;
const results = {};
for (const threads of [1, all]) {
  await con.run(`SET threads = ${threads}`);
  for (const [name, sql] of Object.entries(queries)) {
    results[name] ??= {};
    results[name][threads] = await best(sql);
  }
}
console.log(`== DuckDB ${(await (await con.runAndReadAll('SELECT version()')).getRows())[0][0]}, best of 5, ms`);
Object.entries(queries).forEach(([name], i) => {
  const one = results[name][1], many = results[name][all];
  console.log(`${name}: duckdb 1 thread ${one.toFixed(1)}, ${all} threads ${many.toFixed(1)};` +
    ` summary table ${pg[i].toFixed(1)}; summary/duckdb ${(pg[i] / one).toFixed(4)} (1 thread),` +
    ` ${(pg[i] / many).toFixed(4)} (${all} threads) (target <= 0.1 with all threads, and <= 50 ms)`);
});
