#!/usr/bin/env bash
# A real BI tool end to end: the demo's customs table in a throwaway
# cluster, a stored summary and the views of test/bi/views.sql on it, an
# Evidence dashboard (test/bi/pages/index.md) built from them with Evidence's
# strict build, served on 127.0.0.1 and opened in Debian's Chromium
# (headless, driven by playwright-core); test/bi/check.mjs checks the page.
# Prints "ok - ..." / "not ok - ...", then "N passed, N failed", then the
# path of the screenshot; exits non-zero on a failure.
#
#   test/bi/run.sh            build and install the extension, then test
#   TS_BI_INSTALLED=1 ...     the extension is installed already (the test
#                             command builds it once for every suite)
#
# Installs chromium and fonts-wqy-microhei (the Chinese labels) from Debian
# and the pinned npm packages (package-lock.json: Evidence 39.1.13, whose
# DuckDB-Wasm 1.28.0 has Parquet built in; later ones fetch it from
# extensions.duckdb.org, which a build here cannot reach) when missing.
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/lib.sh
dir=test/bi

if [ "${1:-}" = --in-cluster ]; then
	# Inside pg_virtualenv: PGHOST, PGPORT, PGUSER and PGPASSWORD are set.
	out=$2
	expected=$3
	log=$4
	createdb ts_bi &&
		psql -X -q -v ON_ERROR_STOP=1 -d ts_bi -f test/demo/setup.sql \
			-f test/demo/customs.sql -f "$dir/views.sql" >"$log/load.log" 2>&1 ||
		{ echo "not ok - loading the demo's customs table and the dashboard's views"; tail -5 "$log/load.log"; exit 0; }
	echo "ok - the demo's customs table, its stored summary and the dashboard's views loaded"
	# What the page's table must show: psql's text of the same rows.
	psql -X -q -At -d ts_bi -v ON_ERROR_STOP=1 >"$expected" <<-'EOF' || { echo "not ok - psql's expected rows"; exit 0; }
		SELECT json_build_object(
		    'ytd', (SELECT json_agg(json_build_array(partner_zh, ytd_cny_100m::text,
		                                             ytd_usd_100m::text, ytd_label_zh,
		                                             yoy_percent::text, share_percent::text,
		                                             share_change_pp::text)
		                            ORDER BY ytd_cny_100m DESC)
		            FROM bi.partner_ytd WHERE flow = 'export'),
		    'months', (SELECT count(DISTINCT month) FROM bi.partner_month
		               WHERE flow = 'export'));
	EOF
	export EVIDENCE_SOURCE__trade__port="$PGPORT" EVIDENCE_SOURCE__trade__user="$PGUSER" \
		EVIDENCE_SOURCE__trade__password="$PGPASSWORD" SEND_ANONYMOUS_USAGE_STATS=no
	cd "$dir" || exit 1
	rm -rf .evidence build
	start=$SECONDS
	if timeout 300 npx --no-install evidence sources >"$log/sources.log" 2>&1 &&
		[ "$(grep -c 'Finished, wrote' "$log/sources.log")" -eq 3 ]; then
		echo "ok - evidence sources read the three views through node-postgres ($((SECONDS - start)) s)"
	else
		echo "not ok - evidence sources"
		tail -20 "$log/sources.log"
		exit 0
	fi
	node connector.cjs
	start=$SECONDS
	if timeout 900 npx --no-install evidence build:strict >"$log/build.log" 2>&1 &&
		! grep -q 'Error in Query' "$log/build.log"; then
		echo "ok - evidence build:strict built the dashboard ($((SECONDS - start)) s)"
	else
		echo "not ok - evidence build:strict"
		grep -E 'Error|error' "$log/build.log" | head -20
		exit 0
	fi
	node check.mjs build "$expected" "$out"
	exit 0
fi

start_all=$SECONDS
need_packages "${BASE_PACKAGES[@]}" "${BI_PACKAGES[@]}" || exit 1
command -v npm >/dev/null || need_packages nodejs npm || exit 1
if [ "${TS_BI_INSTALLED:-}" != 1 ] && ! build_and_install; then
	echo "not ok - building and installing trade_stats"
	echo "0 passed, 1 failed"
	exit 1
fi

work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
out="$PWD/$dir/out/dashboard.png"
rm -f "$out"

# npm ci only when the lockfile changed since the last install.
stamp="$dir/node_modules/.trade_stats-lock"
start=$SECONDS
if [ "$(cat "$stamp" 2>/dev/null)" = "$(sha256sum <"$dir/package-lock.json")" ]; then
	echo "ok - npm packages as locked (installed before)" >"$work/npm.out"
elif (cd "$dir" && npm ci --no-audit --no-fund >"$work/npm.log" 2>&1); then
	sha256sum <"$dir/package-lock.json" >"$stamp"
	echo "ok - npm ci installed the locked packages ($((SECONDS - start)) s)" >"$work/npm.out"
else
	{ echo "not ok - npm ci"; tail -5 "$work/npm.log"; } >"$work/npm.out"
fi
cat "$work/npm.out"

if grep -q '^ok' "$work/npm.out"; then
	pg_virtualenv -v "$PG_MAJOR" -- "$0" --in-cluster "$out" "$work/expected.json" "$work" \
		>"$work/run.out" 2>&1
	grep -vE '^(Creating|Dropping) ' "$work/run.out"
fi
passed=$(cat "$work/npm.out" "$work/run.out" 2>/dev/null | grep -c '^ok - ')
failed=$(cat "$work/npm.out" "$work/run.out" 2>/dev/null | grep -c '^not ok - ')
# a run that stopped before the page was checked is a failure
if ! grep -q 'no request to a host other than 127.0.0.1' "$work/run.out" 2>/dev/null; then
	failed=$((failed + 1))
fi
echo "# BI test: $((SECONDS - start_all)) s"
echo "$passed passed, $failed failed"
if [ -f "$out" ]; then
	echo "screenshot: $out"
else
	echo "screenshot: none (the page was not rendered)"
fi
[ "$failed" -eq 0 ]
