"""Run the README's SQL examples and compare what they print with what the
README shows.  Every ```sql block runs, in order, in one database (so a
block can use the tables an earlier one made), through psql in the project
root.  A ```sql block followed directly by a plain ``` block must print
exactly that block (psql's aligned format, no row-count footer; trailing
spaces are ignored).  Any other ```sql block must run without an error,
except that a comment "-- ERROR:  message" says that message is expected.

Usage (inside a cluster): readme_examples.py README.md DBNAME
Prints "ok - ..." or "not ok - ..." per block."""

import re
import subprocess
import sys


def blocks(path):
    """(line number, language, text) of each fenced block."""
    out, lang, start, buf = [], None, 0, None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("```"):
                if buf is None:
                    lang, start, buf = line[3:].strip(), n, []
                else:
                    out.append((start, lang, "".join(buf), n))
                    buf = None
            elif buf is not None:
                buf.append(line)
    return out


def followed_directly(path_lines, end_line, next_start):
    """Only blank lines between the end of one block and the next start."""
    return all(not l.strip() for l in path_lines[end_line:next_start - 1])


def normalize(text):
    lines = [l.rstrip() for l in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def run_psql(db, sql):
    """What psql prints, standard output and errors interleaved in order."""
    proc = subprocess.run(
        ["psql", "-X", "-q", "-d", db, "-v", "VERBOSITY=default",
         "-P", "footer=off", "-f", "-"],
        input=sql, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    # psql prefixes errors read from stdin with "psql:<stdin>:N: ".
    return re.sub(r"^psql:<stdin>:\d+: ", "", proc.stdout, flags=re.M)


def main():
    readme, db = sys.argv[1], sys.argv[2]
    with open(readme, encoding="utf-8") as f:
        lines = f.readlines()
    found = blocks(readme)
    for i, (start, lang, text, end) in enumerate(found):
        if lang != "sql":
            continue
        where = "README.md:%d" % start
        first = next((l for l in text.splitlines() if l.strip()), "")
        name = "%s %s" % (where, first.strip()[:60])
        expected = None
        if i + 1 < len(found) and found[i + 1][1] == "" and \
                followed_directly(lines, end, found[i + 1][0]):
            expected = found[i + 1][2]
        out = run_psql(db, text)
        if expected is not None:
            got = normalize(out)
            want = normalize(expected)
            if got == want:
                print("ok - %s" % name)
            else:
                print("not ok - %s: printed" % name)
                for l in got[:40]:
                    print("#   " + l)
            continue
        wanted = [m.group(1) for m in re.finditer(r"--\s*(ERROR:\s+.*)$", text, re.M)]
        errors = [l for l in out.splitlines() if l.startswith("ERROR:")]
        norm = lambda s: re.sub(r"\s+", " ", s).strip()
        missing = [w for w in wanted if not any(norm(w) == norm(e) for e in errors)]
        unexpected = [e for e in errors if not any(norm(w) == norm(e) for w in wanted)]
        if missing or unexpected:
            print("not ok - %s" % name)
            for m in missing:
                print("#   expected " + m)
            for e in unexpected:
                print("#   " + e)
        else:
            print("ok - %s" % name)


main()
