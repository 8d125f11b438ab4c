"""psycopg 3 server-side cursors against a server given by PGHOST/PGPORT: named, scrollable, WITH HOLD.
Prints one line per check; exits non-zero on the first mismatch."""
import os
import sys

import psycopg

conninfo = f"host={os.environ['PGHOST']} port={os.environ['PGPORT']} user=postgres dbname=postgres"


def check(name, actual, expected):
    if actual != expected:
        print(f"FAIL {name}: {actual!r} != {expected!r}")
        sys.exit(1)
    print(f"ok {name}")


with psycopg.connect(conninfo, autocommit=False) as conn:
    with conn.cursor() as setup:
        setup.execute("DROP TABLE IF EXISTS py_items")
        setup.execute("CREATE TABLE py_items (id integer PRIMARY KEY, name text)")
        setup.executemany("INSERT INTO py_items VALUES (%s, %s)", [(i, f"n{i}") for i in range(1, 26)])
    conn.commit()

    with conn.cursor(name="named_cur") as cur:
        cur.itersize = 10
        cur.execute("SELECT id, name FROM py_items WHERE id > %s ORDER BY id", (0,))
        check("named cursor description", [d.name for d in cur.description], ["id", "name"])
        check("fetchmany", cur.fetchmany(3), [(1, "n1"), (2, "n2"), (3, "n3")])
        check("iterate the rest", [row[0] for row in cur], list(range(4, 26)))
    conn.commit()

    with conn.cursor(name="scroll_cur", scrollable=True) as cur:
        cur.execute("SELECT id FROM py_items ORDER BY id")
        cur.scroll(5, mode="absolute")
        check("scroll absolute", cur.fetchone(), (6,))
        cur.scroll(-3)
        check("scroll relative back", cur.fetchone(), (4,))
    conn.commit()

    with conn.cursor(name="hold_cur", withhold=True) as cur:
        cur.execute("SELECT id FROM py_items ORDER BY id")
        check("before commit", cur.fetchone(), (1,))
        conn.commit()
        check("after commit (WITH HOLD)", cur.fetchone(), (2,))
print("all ok")
