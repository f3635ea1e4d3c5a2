#!/usr/bin/env bash
# The main job: build trade_stats, install it into a throwaway PostgreSQL
# cluster, generate a realistic customs table and print the monthly report;
# then the same measures on real published data (test/data).
# Leaves nothing running.
set -euo pipefail
cd "$(dirname "$0")/.."
. test/lib.sh

need_packages "${BASE_PACKAGES[@]}"
echo "Building and installing trade_stats ..."
build_and_install
files=(-f test/demo/setup.sql -f test/demo/customs.sql -f test/demo/report.sql -f test/demo/real.sql)
pg_virtualenv -v "$PG_MAJOR" -- psql -X -q -v ON_ERROR_STOP=1 "${files[@]}" 2>&1
