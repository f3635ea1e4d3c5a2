#!/usr/bin/env bash
# The README's SQL examples print what the README shows
# (test/client/readme_examples.py).  Run inside a throwaway cluster.
set -u
cd "$(dirname "$0")/../.."
trap 'dropdb --if-exists ts_readme 2>/dev/null' EXIT
createdb ts_readme || { echo "not ok - createdb failed"; exit 0; }
/usr/bin/python3 test/client/readme_examples.py README.md ts_readme ||
	echo "not ok - the README check stopped with status $?"
