#!/usr/bin/env bash
# The README's SQL examples print what the README shows
# (test/client/readme_examples.py), and its error table's examples are
# messages the tests produce (test/client/errors_table.py).  Run inside a
# throwaway cluster.
set -u
cd "$(dirname "$0")/../.."
trap 'dropdb --if-exists ts_readme 2>/dev/null' EXIT
createdb ts_readme || { echo "not ok - createdb failed"; exit 0; }
/usr/bin/python3 test/client/readme_examples.py README.md ts_readme ||
	echo "not ok - the README check stopped with status $?"
/usr/bin/python3 test/client/errors_table.py README.md ||
	echo "not ok - the README error table check stopped with status $?"
