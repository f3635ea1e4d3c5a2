// What Evidence's PostgreSQL connector (@evidence-dev/postgres, node-postgres
// underneath) makes of our columns, asked directly: numeric becomes a
// JavaScript number (a double), a raw currency_amount a string.  Run by
// run.sh inside its cluster (PGPORT, PGUSER, PGPASSWORD set).
const runQuery = require('@evidence-dev/postgres');

function check(ok, what, detail) {
	console.log(`${ok ? 'ok' : 'not ok'} - ${what}`);
	if (!ok) console.log(`# ${detail}`);
}

(async () => {
	const result = await runQuery(
		`SELECT 12345678901234567.89::numeric AS big, 7204.90::numeric AS value_100m,
		        '720490000000.00 CNY'::currency_amount AS raw`,
		{
			host: '127.0.0.1',
			port: process.env.PGPORT,
			user: process.env.PGUSER,
			password: process.env.PGPASSWORD,
			database: 'ts_bi'
		}
	);
	const rows = [];
	for await (const batch of result.rows()) rows.push(...batch);
	const row = rows[0];
	const types = Object.fromEntries(result.columnTypes.map((c) => [c.name, c.evidenceType]));
	check(
		typeof row.big === 'number' && row.big === 12345678901234568 && row.value_100m === 7204.9,
		"Evidence's connector reads numeric as a double: 12345678901234567.89 arrives as 12345678901234568, 7204.90 as 7204.9",
		JSON.stringify(row)
	);
	check(
		row.raw === '720490000000.00 CNY' && types.raw === 'string',
		"Evidence's connector reads a raw currency_amount as a string ('720490000000.00 CNY'), not a number",
		`${JSON.stringify(row.raw)} typed ${types.raw}`
	);
})().catch((e) => check(false, "Evidence's connector answered", e.message));
