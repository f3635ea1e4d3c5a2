// Run cases.txt through node-postgres (npm "pg"), the driver of Node.js BI
// tools such as Evidence, with its default type parsers: numeric arrives as
// a string (exact), a currency_amount (a type pg does not know) as its text
// form.  Prints "ok - ..." or "not ok - ..." per case.  Connection settings
// come from the PG* environment variables; the database is argv[2].
import pg from 'pg';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const name = 'node-postgres (pg, default parsers)';

function parseCases(path) {
  const cases = [];
  let c = null;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    if (line.startsWith('== ')) {
      c = { name: line.slice(3), params: [], types: [], rows: [], error: null };
      cases.push(c);
      continue;
    }
    const at = line.indexOf(': ');
    const key = line.slice(0, at), value = line.slice(at + 2);
    if (key === 'sql') c.sql = value;
    else if (key === 'params') c.params = value.split('|');
    else if (key === 'types') c.types = value.split(',');
    else if (key === 'row') c.rows.push(value.split('|').map((v) => (v === '\\N' ? null : v)));
    else if (key === 'error') c.error = value;
    else throw new Error(`cases.txt: cannot read ${line}`);
  }
  return cases;
}

// ? placeholders become $1, $2, ...
function numbered(sql) {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

async function checkValue(client, kind, value, expected, problems, where) {
  if (expected === null) {
    if (value !== null) problems.push(`${where}: expected NULL, got ${JSON.stringify(value)}`);
    return;
  }
  if (value === null) {
    problems.push(`${where}: expected ${expected}, got NULL`);
    return;
  }
  if (typeof value !== 'string') {
    problems.push(`${where}: ${kind} arrived as ${typeof value} ${JSON.stringify(value)}`);
    return;
  }
  if (value !== expected) {
    problems.push(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(value)}`);
    return;
  }
  if (kind === 'amount') {
    const back = (await client.query({ text: 'SELECT CAST($1 AS currency_amount)::text AS t', values: [value] })).rows[0].t;
    if (back !== value) problems.push(`${where}: ${value} reads back as ${back}`);
  }
}

const client = new pg.Client({ database: process.argv[2] });
try {
  await client.connect();
} catch (e) {
  console.log(`not ok - ${name}: cannot connect: ${e.message}`);
  process.exit(0);
}
for (const c of parseCases(join(here, 'cases.txt'))) {
  const problems = [];
  let result = null;
  try {
    result = await client.query({ text: numbered(c.sql), values: c.params, rowMode: 'array' });
  } catch (e) {
    if (!(c.error && e.code === c.error)) problems.push(`failed with ${e.code}: ${e.message}`);
  }
  if (result) {
    if (c.error) problems.push(`succeeded; expected SQLSTATE ${c.error}`);
    else if (result.rows.length !== c.rows.length) problems.push(`expected ${c.rows.length} rows, got ${result.rows.length}`);
    else {
      for (let r = 0; r < c.rows.length; r++) {
        for (let k = 0; k < c.types.length; k++) {
          await checkValue(client, c.types[k], result.rows[r][k], c.rows[r][k], problems, `row ${r + 1} col ${k + 1}`);
        }
      }
    }
  }
  if (problems.length) {
    console.log(`not ok - ${name}: ${c.name}`);
    for (const p of problems.slice(0, 10)) console.log(`#   ${p}`);
  } else {
    console.log(`ok - ${name}: ${c.name}`);
  }
}
await client.end();
