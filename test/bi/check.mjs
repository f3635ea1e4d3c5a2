// Serves the built dashboard (test/bi/build) on 127.0.0.1, opens it in
// Debian's Chromium (headless, driven by playwright-core), and checks what a
// person would see: no console errors, no failed requests, no request to a
// host other than 127.0.0.1, the year-to-date table equal to what psql
// returned for the same view, every month's shares adding up to 100, the
// partner and flow names in the charts.  Saves a PNG screenshot.
//
//   node check.mjs BUILD_DIR EXPECTED_JSON SCREENSHOT_PNG
//
// EXPECTED_JSON (written by run.sh from psql): {"ytd": [[cell, ...], ...],
// "months": N}.  Prints "ok - ..." / "not ok - ..." lines; exits 0.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [buildDir, expectedFile, screenshot] = process.argv.slice(2);
const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8'));
// the tables, by the title of their first column in pages/index.md
const YTD = '贸易伙伴';
const MONTHS = '月份 Month';

function check(ok, what, detail) {
	console.log(`${ok ? 'ok' : 'not ok'} - ${what}`);
	if (!ok && detail !== undefined) console.log(`# ${String(detail).split('\n').join('\n# ')}`);
}

const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.webmanifest': 'application/manifest+json'
};

// A static server for the build: a path is a file, or a page (x.html,
// x/index.html).
const root = path.resolve(buildDir);
const server = http.createServer((req, res) => {
	const url = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
	const candidates = [url, `${url}.html`, path.join(url, 'index.html')];
	for (const c of candidates) {
		const file = path.join(root, c);
		if (!file.startsWith(root)) break;
		if (fs.existsSync(file) && fs.statSync(file).isFile()) {
			res.writeHead(200, {
				'Content-Type': types[path.extname(file)] ?? 'application/octet-stream'
			});
			fs.createReadStream(file).pipe(res);
			return;
		}
	}
	res.writeHead(404);
	res.end('not found');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const consoleErrors = [];
const failed = [];
const foreign = [];
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
});
try {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		locale: 'zh-CN',
		serviceWorkers: 'block'
	});
	// Anything not on the loopback server is recorded and refused.
	await context.route('**/*', (route) => {
		const u = new URL(route.request().url());
		if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1')
			return route.continue();
		foreign.push(route.request().url());
		return route.abort();
	});
	const page = await context.newPage();
	page.on('console', (m) => {
		if (m.type() === 'error') consoleErrors.push(m.text());
	});
	page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message}`));
	// A request the page itself cancels (net::ERR_ABORTED, as Evidence does
	// with a prerendered result it no longer needs) is not a failure.
	page.on('requestfailed', (r) => {
		const why = r.failure()?.errorText;
		if (why !== 'net::ERR_ABORTED' || foreign.includes(r.url())) failed.push(`${r.url()}: ${why}`);
	});
	page.on('response', (r) => {
		if (r.status() >= 400) failed.push(`${r.url()}: HTTP ${r.status()}`);
	});

	await page.goto(`${base}/`, { waitUntil: 'networkidle', timeout: 120000 });
	// The page is rendered when both tables have all their rows and both
	// charts have drawn text.  A table is found by a column title: the
	// rows of the table that has a column titled so.
	const readTables = () =>
		Object.fromEntries(
			[...document.querySelectorAll('table')].flatMap((t) => {
				const rows = [...t.querySelectorAll('tr')]
					.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim()))
					.filter((cells) => cells.length > 0);
				return [...t.querySelectorAll('th')].map((th) => [th.innerText.trim(), rows]);
			})
		);
	await page.waitForFunction(
		([read, ytd, months, ytdRows, monthRows]) => {
			const tables = new Function(`return (${read})()`)();
			return (
				tables[ytd]?.length === ytdRows &&
				tables[months]?.length === monthRows &&
				document.querySelectorAll('svg text').length > 0
			);
		},
		[readTables.toString(), YTD, MONTHS, expected.ytd.length, expected.months],
		{ timeout: 120000 }
	);
	await page.waitForLoadState('networkidle');
	await page.waitForTimeout(1000); // chart animations
	fs.mkdirSync(path.dirname(screenshot), { recursive: true });
	await page.screenshot({ path: screenshot, fullPage: true });

	const tables = await page.evaluate(`(${readTables.toString()})()`);
	// Thousands separators are the tool's formatting; the digits must be
	// psql's.
	const shown = tables[YTD].map((row) => row.map((c) => c.replace(/,/g, '')));
	const mismatches = [];
	expected.ytd.forEach((row, i) => {
		if (JSON.stringify(row) !== JSON.stringify(shown[i] ?? []))
			mismatches.push(`row ${i + 1}: psql ${JSON.stringify(row)}, page ${JSON.stringify(shown[i])}`);
	});
	check(
		mismatches.length === 0 && shown.length === expected.ytd.length,
		`the year-to-date table shows psql's ${expected.ytd.length} rows of bi.partner_ytd, digit for digit`,
		mismatches.slice(0, 5).join('\n')
	);

	const totals = tables[MONTHS].map((row) => row[row.length - 1]);
	const bad = totals.filter((t) => t !== '100.00');
	check(
		totals.length === expected.months && bad.length === 0,
		`each of the ${expected.months} months' export shares adds up to 100.00 on the page`,
		`totals: ${totals.join(' ')}`
	);

	const chartText = await page.$$eval('svg text', (ts) => ts.map((t) => t.textContent).join(' '));
	// the flows in the line chart's legend, every partner on the bar chart
	const names = ['出口', '进口', ...expected.ytd.map((row) => row[0])];
	const missing = names.filter((n) => !chartText.includes(n));
	check(
		missing.length === 0 && chartText.includes('美国'),
		`the charts name both flows and all ${expected.ytd.length} partners (美国 among them)`,
		`missing: ${missing.join(', ')}`
	);

	// yoy_ratio is a fraction and the axis formats it as percent: growth of
	// 2 to 4% reads as such (a percent column formatted as a fraction would
	// read 400%)
	const ticks = await page.$$eval('svg text', (ts) => ts.map((t) => t.textContent.trim()));
	check(
		ticks.includes('4.0%') && ticks.includes('5.0%') && !ticks.some((t) => /^[1-9]\d{2,}(\.\d)?%$/.test(t)),
		'the growth axis reads in percent (ticks 4.0% and 5.0%, none of 100% or more)',
		ticks.filter((t) => t.endsWith('%')).join(' ')
	);

	check(consoleErrors.length === 0, 'no console errors', consoleErrors.slice(0, 5).join('\n'));
	check(failed.length === 0, 'no failed requests', failed.slice(0, 5).join('\n'));
	check(foreign.length === 0, 'no request to a host other than 127.0.0.1', foreign.slice(0, 5).join('\n'));
} catch (e) {
	check(false, 'the dashboard rendered in Chromium', e.stack ?? e);
} finally {
	await browser.close();
	server.close();
}
