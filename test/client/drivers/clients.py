"""Run cases.txt through the Python drivers BI tools use: psycopg2 (text
protocol), pandas on psycopg2, psycopg 3 (text and binary protocol), and
pyodbc with the psqlODBC driver.  Prints "ok - ..." or "not ok - ..." for
each driver and case.  Connection settings come from the PG* environment
variables (pg_virtualenv sets them); the database is argv[1].

Run under a locale whose decimal separator is a comma (drivers.sh makes
one): nothing here may depend on it."""

import decimal
import locale
import os
import struct
import sys
import warnings

locale.setlocale(locale.LC_ALL, "")
DBNAME = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))


def parse_cases(path):
    cases, case = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#") or not line.strip():
                continue
            if line.startswith("== "):
                case = {"name": line[3:], "params": [], "types": [], "rows": [], "error": None}
                cases.append(case)
                continue
            key, _, value = line.partition(": ")
            if key == "sql":
                case["sql"] = value
            elif key == "params":
                case["params"] = value.split("|")
            elif key == "types":
                case["types"] = value.split(",")
            elif key == "row":
                case["rows"].append([None if v == "\\N" else v for v in value.split("|")])
            elif key == "error":
                case["error"] = value
            else:
                raise ValueError("cases.txt: cannot read %r" % line)
    return cases


def amount_from_binary(data):
    """The 13-byte binary form (README, Binary form): int64 minor units,
    int16 decimals, three ASCII letters."""
    if len(data) != 13:
        raise ValueError("binary currency_amount of %d bytes" % len(data))
    units, scale = struct.unpack(">qh", data[:10])
    digits = str(abs(units)).rjust(scale + 1, "0")
    if scale:
        digits = digits[:-scale] + "." + digits[-scale:]
    return ("-" if units < 0 else "") + digits + " " + data[10:].decode("ascii")


def plain(d):
    """A Decimal in plain notation with its scale, independent of locale."""
    return format(d, "f")


class Client:
    """One driver in one mode; subclasses fill in connect and run."""
    name = "?"
    binary = False
    placeholder = "%s"

    def check_value(self, kind, value, expected, problems, where):
        if expected is None:
            if value is not None:
                problems.append("%s: expected NULL, got %r" % (where, value))
            return
        if value is None:
            problems.append("%s: expected %s, got NULL" % (where, expected))
            return
        if kind == "numeric":
            if not isinstance(value, decimal.Decimal):
                problems.append("%s: numeric arrived as %s" % (where, type(value).__name__))
            elif plain(value) != expected:
                problems.append("%s: expected %s, got %s" % (where, expected, plain(value)))
        elif kind == "amount" and self.binary:
            if not isinstance(value, (bytes, bytearray, memoryview)):
                problems.append("%s: binary amount arrived as %s" % (where, type(value).__name__))
            elif amount_from_binary(bytes(value)) != expected:
                problems.append("%s: expected %s, got %s" % (where, expected,
                                                            amount_from_binary(bytes(value))))
        else:
            if not isinstance(value, str):
                problems.append("%s: %s arrived as %s" % (where, kind, type(value).__name__))
            elif value != expected:
                problems.append("%s: expected %r, got %r" % (where, expected, value))
            elif kind == "amount":
                back = self.scalar("SELECT CAST(%s AS currency_amount)::text" % self.placeholder,
                                   [value])
                if back != value:
                    problems.append("%s: %r reads back as %r" % (where, value, back))

    def run_case(self, case):
        sql = case["sql"].replace("?", self.placeholder)
        try:
            rows = self.query(sql, case["params"])
        except Exception as e:  # the drivers' own error classes differ
            state = self.sqlstate(e)
            if case["error"] and state == case["error"]:
                return []
            return ["failed with %s: %s" % (state, str(e).splitlines()[0] if str(e) else e)]
        if case["error"]:
            return ["succeeded; expected SQLSTATE %s" % case["error"]]
        problems = []
        if len(rows) != len(case["rows"]):
            return ["expected %d rows, got %d" % (len(case["rows"]), len(rows))]
        for r, (got, want) in enumerate(zip(rows, case["rows"])):
            if len(got) != len(want):
                problems.append("row %d: %d columns, expected %d" % (r + 1, len(got), len(want)))
                continue
            for c, (kind, value, expected) in enumerate(zip(case["types"], got, want)):
                self.check_value(kind, value, expected, problems, "row %d col %d" % (r + 1, c + 1))
        return problems

    def scalar(self, sql, params):
        return self.query(sql, params)[0][0]

    def run(self, cases):
        try:
            self.connect()
        except Exception as e:
            print("not ok - %s: cannot connect: %s" % (self.name, e))
            return
        for case in cases:
            problems = self.run_case(case)
            if problems:
                print("not ok - %s: %s" % (self.name, case["name"]))
                for p in problems[:10]:
                    print("#   " + p)
            else:
                print("ok - %s: %s" % (self.name, case["name"]))


class Psycopg2(Client):
    name = "psycopg2 (text protocol)"

    def connect(self):
        import psycopg2
        self.conn = psycopg2.connect(dbname=DBNAME)
        self.conn.autocommit = True

    def query(self, sql, params):
        with self.conn.cursor() as cur:
            cur.execute(sql, params or None)
            return cur.fetchall()

    def sqlstate(self, e):
        return getattr(e, "pgcode", None)


class Pandas(Psycopg2):
    """pandas.read_sql_query on a psycopg2 connection.  coerce_float=False
    keeps numeric columns as Decimal (the default turns them into float)."""
    name = "pandas read_sql_query (psycopg2)"

    def query(self, sql, params):
        import pandas
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "only supports SQLAlchemy"
            frame = pandas.read_sql_query(sql, self.conn, params=params or None,
                                          coerce_float=False)
        return [[None if v is None or (isinstance(v, float) and v != v) else v for v in row]
                for row in frame.itertuples(index=False, name=None)]

    def sqlstate(self, e):
        # pandas wraps the driver's error in its own DatabaseError
        return getattr(e.__cause__, "pgcode", None)


class Psycopg3(Client):
    name = "psycopg 3 (text protocol)"

    def connect(self):
        import psycopg
        self.conn = psycopg.connect(dbname=DBNAME, autocommit=True)

    def query(self, sql, params):
        with self.conn.cursor(binary=self.binary) as cur:
            cur.execute(sql, params or None)
            return cur.fetchall()

    def scalar(self, sql, params):
        with self.conn.cursor(binary=False) as cur:
            cur.execute(sql, params)
            return cur.fetchone()[0]

    def sqlstate(self, e):
        return getattr(e, "sqlstate", None)


class Psycopg3Binary(Psycopg3):
    name = "psycopg 3 (binary protocol)"
    binary = True


class Odbc(Client):
    name = "pyodbc + psqlODBC"
    placeholder = "?"

    def connect(self):
        import pyodbc
        self.conn = pyodbc.connect(
            "Driver={PostgreSQL Unicode};Servername=%s;Port=%s;Database=%s;"
            "Username=%s;Password=%s" % (os.environ.get("PGHOST", "localhost"),
                                         os.environ.get("PGPORT", "5432"), DBNAME,
                                         os.environ.get("PGUSER", ""),
                                         os.environ.get("PGPASSWORD", "")),
            autocommit=True)

    def query(self, sql, params):
        cur = self.conn.cursor()
        cur.execute(sql, *params)
        return [list(r) for r in cur.fetchall()]

    def sqlstate(self, e):
        return e.args[0] if e.args else None


def main():
    cases = parse_cases(os.path.join(HERE, "cases.txt"))
    point = locale.localeconv()["decimal_point"]
    print("# Python %s, locale %s (decimal point %r)" % (
        sys.version.split()[0], locale.setlocale(locale.LC_NUMERIC), point))
    for client in (Psycopg2(), Pandas(), Psycopg3(), Psycopg3Binary(), Odbc()):
        client.run(cases)
    pandas_default_float()


def pandas_default_float():
    """What the README warns of: without coerce_float=False, pandas turns
    numeric into float, and digits beyond a double's are gone."""
    import pandas
    import psycopg2
    conn = psycopg2.connect(dbname=DBNAME)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            frame = pandas.read_sql_query(
                "SELECT 12345678901234567.89::numeric AS v", conn)
        v = frame["v"][0]
        ok = isinstance(v, float) and v == 12345678901234568.0
        print("%s - pandas read_sql_query by default: numeric 12345678901234567.89 "
              "arrives as the float 12345678901234568" % ("ok" if ok else "not ok"))
        if not ok:
            print("#   got %r (%s)" % (v, type(v).__name__))
    finally:
        conn.close()


main()
