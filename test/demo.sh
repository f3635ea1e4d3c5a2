#!/usr/bin/env bash
# The main job: build trade_stats, install it into a throwaway PostgreSQL
# cluster, load example data and show the analysis.  Leaves nothing running.
set -euo pipefail
cd "$(dirname "$0")/.."
. test/lib.sh

need_packages "${BASE_PACKAGES[@]}"
build_and_install
pg_virtualenv -v "$PG_MAJOR" -- psql -X -q -v ON_ERROR_STOP=1 -f test/demo.sql 2>&1
