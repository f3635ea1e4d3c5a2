"""The README's error table is what the tests give: each example message
in its third column, with the row's SQLSTATE, appears in the pg_regress
expected output as the test helpers print errors ("22023: message", see
test/sql/helpers.psql), or, for conditions only a client test can reach,
in a client test that checks both the SQLSTATE and the message.  An
example ending in "…" is a prefix.  Prints "ok - ..." / "not ok - ..." per
example.

Usage: errors_table.py README.md"""

import glob
import os
import re
import sys


def main():
    readme = sys.argv[1]
    root = os.path.dirname(os.path.abspath(readme))
    text = open(readme, encoding="utf-8").read()
    section = text[text.index("\n## Errors\n"):]
    section = section[:section.index("\n## ", 1)]
    expected = "".join(open(f, encoding="utf-8").read()
                       for f in sorted(glob.glob(os.path.join(root, "test/expected/*.out"))))
    clients = [open(f, encoding="utf-8").read()
               for f in sorted(glob.glob(os.path.join(root, "test/client/*.sh")))]
    rows = 0
    for line in section.splitlines():
        m = re.match(r"\| ([0-9A-Z]{5}) \|(.*)\|(.*)\|$", line)
        if not m:
            continue
        rows += 1
        code = m.group(1)
        for example in re.findall(r"`([^`]+)`", m.group(3)):
            message = example.rstrip("…").rstrip()
            found = (code + ": " + message) in expected or any(
                code in c and message in c for c in clients)
            print("%s - README error %s: %s" % ("ok" if found else "not ok", code, example))
    if rows == 0:
        print("not ok - README error table: no rows found")


main()
