#!/usr/bin/env bash
# The main job: build trade_stats, install it into a throwaway PostgreSQL
# cluster, generate a realistic customs table and print the monthly report;
# when ../shared/data is there, the same measures on real published data.
# Leaves nothing running.
set -euo pipefail
cd "$(dirname "$0")/.."
. test/lib.sh

need_packages "${BASE_PACKAGES[@]}"
echo "Building and installing trade_stats ..."
build_and_install
files=(-f test/demo/setup.sql -f test/demo/customs.sql -f test/demo/report.sql)
if [ -d ../shared/data ]; then
	files+=(-f test/demo/real.sql)
else
	echo "(../shared/data is missing: the part on real published data is skipped)"
fi
pg_virtualenv -v "$PG_MAJOR" -- psql -X -q -v ON_ERROR_STOP=1 "${files[@]}" 2>&1
