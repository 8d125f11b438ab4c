"""asyncpg against a server given by PGHOST/PGPORT (user postgres, database postgres).

Run by test/integration/client-asyncpg.test.ts:
    PGHOST=127.0.0.1 PGPORT=5432 python3 test/clients/python/asyncpg_client.py [scenario ...]

asyncpg speaks only the extended protocol, asks for binary results and parameters, prepares and
describes every statement, and reads cursors through portals with row limits. Each scenario runs
on its own connection (so one failure does not spill into the next) and prints one line:
    ok <scenario>                      every check passed
    FAIL <scenario>: <what went wrong> a check failed or the driver raised
followed by "done ok=N failed=M"; the exit status is 0 only when nothing failed.
Arguments name the scenarios to run (default: all, in order).
"""
import asyncio
import datetime as dt
import os
import sys
import traceback
from decimal import Decimal

import asyncpg

HOST = os.environ.get("PGHOST", "127.0.0.1")
PORT = int(os.environ.get("PGPORT", "5432"))

UTC = dt.timezone.utc


class CheckFailed(Exception):
    pass


def check(what, actual, expected):
    if actual != expected:
        raise CheckFailed(f"{what}: got {actual!r}, expected {expected!r}")


def check_true(what, condition):
    if not condition:
        raise CheckFailed(what)


async def connect():
    # statement_cache_size stays at its default (100): statements are prepared once and reused.
    return await asyncpg.connect(host=HOST, port=PORT, user="postgres", database="postgres",
                                 ssl=False, timeout=15, command_timeout=60)


async def expect_error(what, sqlstate, exc_type, coro):
    try:
        await coro
    except asyncpg.PostgresError as err:
        check(f"{what}: SQLSTATE", err.sqlstate, sqlstate)
        check_true(f"{what}: exception class {type(err).__name__} is not {exc_type.__name__}",
                   isinstance(err, exc_type))
        return err
    raise CheckFailed(f"{what}: no error raised (expected SQLSTATE {sqlstate})")


# --- scenarios -------------------------------------------------------------------------------

async def s_connect(conn):
    check("SELECT 1", await conn.fetchval("SELECT 1"), 1)
    version = conn.get_server_version()
    check_true(f"server version {version!r} looks like PostgreSQL's", version.major >= 10)
    settings = conn.get_settings()
    check("server_encoding", settings.server_encoding, "UTF8")
    check("client_encoding", settings.client_encoding, "UTF8")
    check("current_user", await conn.fetchval("SELECT current_user"), "postgres")
    check("current_database()", await conn.fetchval("SELECT current_database()"), "postgres")


async def s_ddl(conn):
    await conn.execute("DROP TABLE IF EXISTS apg_ddl")
    status = await conn.execute("CREATE TABLE apg_ddl " + TABLE_COLUMNS)
    check("CREATE TABLE status", status, "CREATE TABLE")
    check("ALTER TABLE status", await conn.execute("ALTER TABLE apg_ddl ADD COLUMN note text"), "ALTER TABLE")
    check("CREATE INDEX status", await conn.execute("CREATE INDEX apg_ddl_qty ON apg_ddl (qty)"), "CREATE INDEX")
    rows = await conn.fetch("SELECT * FROM apg_ddl")
    check("empty table", rows, [])
    stmt = await conn.prepare("SELECT * FROM apg_ddl")
    check("columns", [a.name for a in stmt.get_attributes()],
          ["id", "name", "qty", "price", "active", "created", "created_tz", "payload", "amount", "note"])
    check("column types", [a.type.name for a in stmt.get_attributes()],
          ["int8", "text", "int4", "float8", "bool", "timestamp", "timestamptz", "bytea", "numeric", "text"])
    check("DROP TABLE status", await conn.execute("DROP TABLE apg_ddl"), "DROP TABLE")


# The column list both the DDL and the CRUD scenarios create their tables with.
TABLE_COLUMNS = """(
        id bigint PRIMARY KEY,
        name text NOT NULL UNIQUE,
        qty integer,
        price double precision,
        active boolean,
        created timestamp,
        created_tz timestamptz,
        payload bytea,
        amount numeric(12, 2)
    )"""
CRUD_TABLE = "CREATE TABLE apg_crud " + TABLE_COLUMNS

ROW_A = (9007199254740993, "alpha", 7, 2.5, True,
         dt.datetime(2024, 2, 29, 13, 45, 30, 123456),
         dt.datetime(2024, 2, 29, 12, 0, 0, 500000, tzinfo=UTC),
         b"\x00\x01\xfe\xff", Decimal("12345.67"))
ROW_NULLS = (-42, "nulls", None, None, None, None, None, None, None)


async def s_crud(conn):
    await conn.execute("DROP TABLE IF EXISTS apg_crud")
    await conn.execute(CRUD_TABLE)
    insert = ("INSERT INTO apg_crud (id, name, qty, price, active, created, created_tz, payload, amount) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
    check("INSERT status", await conn.execute(insert, *ROW_A), "INSERT 0 1")
    await conn.execute(insert, *ROW_NULLS)
    # executemany pipelines Bind/Execute for every row before one Sync.
    await conn.executemany(insert, [
        (i, f"many{i}", i * 10, i / 4, i % 2 == 0, dt.datetime(2000, 1, i), dt.datetime(2000, 1, i, tzinfo=UTC),
         bytes([i]), Decimal(i) / 100)
        for i in range(1, 6)])

    row = await conn.fetchrow("SELECT * FROM apg_crud WHERE id = $1", ROW_A[0])
    check("row with every type", tuple(row), ROW_A)
    check("record keys", list(row.keys())[:3], ["id", "name", "qty"])
    row = await conn.fetchrow("SELECT * FROM apg_crud WHERE id = $1", -42)
    check("row of NULLs", tuple(row), ROW_NULLS)
    check("IS NULL with a parameter", await conn.fetchval(
        "SELECT count(*) FROM apg_crud WHERE qty IS NULL AND $1::text IS NULL", None), 1)
    check("count", await conn.fetchval("SELECT count(*) FROM apg_crud"), 7)
    check("executemany rows", [tuple(r) for r in await conn.fetch(
        "SELECT id, qty, price, active, amount FROM apg_crud WHERE name LIKE $1 ORDER BY id", "many%")],
          [(i, i * 10, i / 4, i % 2 == 0, Decimal(i) / 100) for i in range(1, 6)])

    status = await conn.execute("UPDATE apg_crud SET qty = $1 WHERE id > $2", 1, 3)
    check("UPDATE status", status, "UPDATE 3")
    check("updated", await conn.fetchval("SELECT sum(qty) FROM apg_crud WHERE id > 3"), 3)
    check("UPDATE … RETURNING", await conn.fetchval(
        "UPDATE apg_crud SET name = $1 WHERE id = $2 RETURNING name", "renamed", -42), "renamed")
    check("DELETE status", await conn.execute("DELETE FROM apg_crud WHERE id BETWEEN $1 AND $2", 1, 2), "DELETE 2")
    check("count after delete", await conn.fetchval("SELECT count(*) FROM apg_crud"), 5)
    await conn.execute("DROP TABLE apg_crud")


async def s_types(conn):
    """Parameters of each type and results in binary, through $n casts (no table)."""
    cases = [
        ("int2", 32767), ("int4", -2147483648), ("int8", 9223372036854775807),
        ("float4", 1.5), ("float8", 3.141592653589793), ("float8", float("inf")),
        ("bool", False), ("text", "héllo ✓ 'quoted'"), ("varchar", "v"),
        ("bytea", b""), ("bytea", bytes(range(256))),
        ("numeric", Decimal("-0.000001")), ("numeric", Decimal("1234567890.12345")),
        ("numeric", Decimal("0")), ("numeric", Decimal("1e20")),
        ("date", dt.date(1999, 12, 31)),
        ("timestamp", dt.datetime(1970, 1, 1)), ("timestamp", dt.datetime(2038, 1, 19, 3, 14, 8, 1)),
        ("timestamptz", dt.datetime(2001, 9, 9, 1, 46, 40, tzinfo=UTC)),
        ("time", dt.time(23, 59, 59, 999999)),
        ("interval", dt.timedelta(days=3, hours=4, microseconds=5)),
        ("text[]", ["a", "b c", ""]),
    ]
    for type_name, value in cases:
        got = await conn.fetchval(f"SELECT $1::{type_name}", value)
        check(f"{type_name} {value!r}", got, value)
        check(f"NULL::{type_name}", await conn.fetchval(f"SELECT $1::{type_name}", None), None)
    # timestamptz given in another zone comes back as the same instant in UTC.
    plus2 = dt.datetime(2020, 5, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    check("timestamptz from +02", await conn.fetchval("SELECT $1::timestamptz", plus2),
          dt.datetime(2020, 5, 1, 10, 0, tzinfo=UTC))
    check("float8 NaN is NaN", (await conn.fetchval("SELECT 'NaN'::float8")) != (await conn.fetchval("SELECT 'NaN'::float8")), True)
    row = await conn.fetchrow("SELECT 1::int2 AS a, 2::int4 AS b, 3::int8 AS c, 4.5::numeric AS d, "
                              "'x'::text AS e, true AS f, NULL::text AS g")
    check("literals", tuple(row), (1, 2, 3, Decimal("4.5"), "x", True, None))


async def s_transaction_commit(conn):
    await conn.execute("DROP TABLE IF EXISTS apg_tx")
    await conn.execute("CREATE TABLE apg_tx (id integer PRIMARY KEY, v text)")
    async with conn.transaction():
        await conn.execute("INSERT INTO apg_tx (id, v) VALUES ($1, $2)", 1, "one")
        await conn.execute("INSERT INTO apg_tx (id, v) VALUES ($1, $2)", 2, "two")
        check("inside the transaction", conn.is_in_transaction(), True)
    check("after commit", conn.is_in_transaction(), False)
    other = await connect()
    try:
        check("committed rows seen by another connection",
              [tuple(r) for r in await other.fetch("SELECT id, v FROM apg_tx ORDER BY id")], [(1, "one"), (2, "two")])
    finally:
        await other.close()
    # isolation / read-only options make asyncpg send BEGIN ISOLATION LEVEL … READ ONLY.
    async with conn.transaction(isolation="serializable", readonly=True):
        check("serializable", await conn.fetchval("SHOW transaction_isolation"), "serializable")
        await expect_error("INSERT in a read-only transaction", "25006", asyncpg.ReadOnlySQLTransactionError,
                           conn.execute("INSERT INTO apg_tx VALUES (3, 'three')"))
    # Leaving the block sends COMMIT, which ends the failed transaction as PostgreSQL does (ROLLBACK).
    check("no transaction left open", conn.is_in_transaction(), False)
    check("read-only insert left nothing", await conn.fetchval("SELECT count(*) FROM apg_tx"), 2)
    await conn.execute("DROP TABLE apg_tx")


async def s_transaction_rollback(conn):
    await conn.execute("DROP TABLE IF EXISTS apg_rb")
    await conn.execute("CREATE TABLE apg_rb (id integer PRIMARY KEY, v text)")
    await conn.execute("INSERT INTO apg_rb VALUES (1, 'kept')")

    class Abort(Exception):
        pass

    try:
        async with conn.transaction():
            await conn.execute("INSERT INTO apg_rb (id, v) VALUES ($1, $2)", 2, "lost")
            await conn.execute("UPDATE apg_rb SET v = $1 WHERE id = 1", "changed")
            check("visible inside", await conn.fetchval("SELECT count(*) FROM apg_rb"), 2)
            raise Abort()
    except Abort:
        pass
    check("after rollback", [tuple(r) for r in await conn.fetch("SELECT id, v FROM apg_rb ORDER BY id")], [(1, "kept")])

    # Explicit transaction object and a savepoint (nested transaction()).
    tr = conn.transaction()
    await tr.start()
    await conn.execute("INSERT INTO apg_rb VALUES (3, 'outer')")
    try:
        async with conn.transaction():  # SAVEPOINT
            await conn.execute("INSERT INTO apg_rb VALUES (4, 'inner')")
            raise Abort()
    except Abort:
        pass
    check("after ROLLBACK TO SAVEPOINT", [r[0] for r in await conn.fetch("SELECT id FROM apg_rb ORDER BY id")], [1, 3])
    await tr.rollback()
    check("after explicit rollback", await conn.fetchval("SELECT count(*) FROM apg_rb"), 1)
    await conn.execute("DROP TABLE apg_rb")


async def s_errors(conn):
    await conn.execute("DROP TABLE IF EXISTS apg_err")
    await conn.execute("CREATE TABLE apg_err (id integer PRIMARY KEY, name text NOT NULL UNIQUE)")
    await conn.execute("INSERT INTO apg_err (id, name) VALUES ($1, $2)", 1, "a")
    err = await expect_error("duplicate key", "23505", asyncpg.UniqueViolationError,
                             conn.execute("INSERT INTO apg_err (id, name) VALUES ($1, $2)", 2, "a"))
    check_true(f"message mentions the constraint: {err}", "duplicate key" in str(err))
    check("connection works after 23505", await conn.fetchval("SELECT count(*) FROM apg_err"), 1)
    await expect_error("undefined table", "42P01", asyncpg.UndefinedTableError,
                       conn.fetch("SELECT * FROM apg_no_such_table"))
    await expect_error("syntax error", "42601", asyncpg.PostgresSyntaxError, conn.execute("SELEC 1"))
    await expect_error("division by zero", "22012", asyncpg.DivisionByZeroError,
                       conn.fetchval("SELECT 1 / $1::int4", 0))
    await expect_error("NOT NULL", "23502", asyncpg.NotNullViolationError,
                       conn.execute("INSERT INTO apg_err (id, name) VALUES (5, NULL)"))
    check("still usable", await conn.fetchval("SELECT $1::int4 + 1", 41), 42)

    # In a transaction: the error aborts it (25P02) until rollback.
    tr = conn.transaction()
    await tr.start()
    await expect_error("duplicate key in a transaction", "23505", asyncpg.UniqueViolationError,
                       conn.execute("INSERT INTO apg_err VALUES (1, 'b')"))
    await expect_error("statement in the failed transaction", "25P02", asyncpg.InFailedSQLTransactionError,
                       conn.fetchval("SELECT 1"))
    await tr.rollback()
    check("usable after rollback", await conn.fetchval("SELECT count(*) FROM apg_err"), 1)
    await conn.execute("DROP TABLE apg_err")


async def s_prepared(conn):
    await conn.execute("DROP TABLE IF EXISTS apg_prep")
    await conn.execute("CREATE TABLE apg_prep (id integer PRIMARY KEY, label text, score float8)")
    await conn.executemany("INSERT INTO apg_prep (id, label, score) VALUES ($1, $2, $3)", [(i, f"l{i}", i * 1.5) for i in range(1, 21)])
    stmt = await conn.prepare("SELECT id, label, score FROM apg_prep WHERE id > $1 AND label <> $2 ORDER BY id")
    check("parameter types", [t.name for t in stmt.get_parameters()], ["int4", "text"])
    check("result columns", [(a.name, a.type.name) for a in stmt.get_attributes()],
          [("id", "int4"), ("label", "text"), ("score", "float8")])
    for low in (0, 10, 19):
        rows = await stmt.fetch(low, "l20")
        check(f"fetch id > {low}", [r["id"] for r in rows], list(range(low + 1, 20)))
    check("fetchrow", tuple(await stmt.fetchrow(4, "")), (5, "l5", 7.5))
    check("fetchval column 1", await stmt.fetchval(4, "", column=1), "l5")
    # The statement cache reuses the prepared statement for a repeated query text.
    for i in range(5):
        check("cached query", await conn.fetchval("SELECT label FROM apg_prep WHERE id = $1", i + 1), f"l{i + 1}")
    await conn.execute("DROP TABLE apg_prep")


async def s_cursor(conn):
    """conn.cursor() inside a transaction: a named portal read with row-limited Execute."""
    await conn.execute("DROP TABLE IF EXISTS apg_cur")
    await conn.execute("CREATE TABLE apg_cur (id integer PRIMARY KEY, label text)")
    await conn.executemany("INSERT INTO apg_cur (id, label) VALUES ($1, $2)", [(i, f"r{i}") for i in range(1, 251)])
    async with conn.transaction():
        seen = [r["id"] async for r in conn.cursor("SELECT id, label FROM apg_cur WHERE id > $1 ORDER BY id", 0,
                                                   prefetch=16)]
        check("iterated every row in order", seen, list(range(1, 251)))
        # Two cursors read alternately.
        a = await conn.cursor("SELECT id FROM apg_cur ORDER BY id")
        b = await conn.cursor("SELECT id FROM apg_cur ORDER BY id DESC")
        check("a first 3", [r[0] for r in await a.fetch(3)], [1, 2, 3])
        check("b first 2", [r[0] for r in await b.fetch(2)], [250, 249])
        check("a fetchrow", (await a.fetchrow())[0], 4)
        check("b next 3", [r[0] for r in await b.fetch(3)], [248, 247, 246])
        check("a next 2", [r[0] for r in await a.fetch(2)], [5, 6])
    check("usable after the cursor transaction", await conn.fetchval("SELECT count(*) FROM apg_cur"), 250)
    await conn.execute("DROP TABLE apg_cur")


async def s_cursor_forward(conn):
    """Cursor.forward() sends MOVE FORWARD n <portal name> as SQL on the protocol-level portal."""
    await conn.execute("DROP TABLE IF EXISTS apg_curf")
    await conn.execute("CREATE TABLE apg_curf (id integer PRIMARY KEY)")
    await conn.executemany("INSERT INTO apg_curf (id) VALUES ($1)", [(i,) for i in range(1, 51)])
    async with conn.transaction():
        cur = await conn.cursor("SELECT id FROM apg_curf ORDER BY id")
        check("fetch 2", [r[0] for r in await cur.fetch(2)], [1, 2])
        check("forward 10 moved", await cur.forward(10), 10)
        check("fetch after forward", [r[0] for r in await cur.fetch(2)], [13, 14])
    await conn.execute("DROP TABLE apg_curf")


async def s_copy_binary(conn):
    """copy_records_to_table sends COPY … FROM STDIN (FORMAT binary); copy_from_query reads COPY TO."""
    await conn.execute("DROP TABLE IF EXISTS apg_copy")
    await conn.execute("CREATE TABLE apg_copy (id integer, name text, amount float8)")
    status = await conn.copy_records_to_table("apg_copy", records=[(i, f"c{i}", i / 2) for i in range(1, 101)],
                                              columns=["id", "name", "amount"])
    check("COPY status", status, "COPY 100")
    check("copied", tuple(await conn.fetchrow("SELECT count(*), sum(id), max(name) FROM apg_copy")), (100, 5050, "c99"))
    await conn.execute("DROP TABLE apg_copy")


async def s_introspection(conn):
    """Custom codecs make asyncpg run its own catalog queries (pg_type with ranges, domains, arrays)."""
    import json
    await conn.set_type_codec("json", encoder=json.dumps, decoder=json.loads, schema="pg_catalog")
    check("json via codec", await conn.fetchval("SELECT $1::json", {"a": [1, 2]}), {"a": [1, 2]})
    await conn.set_type_codec("jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog", format="text")
    check("jsonb via codec", await conn.fetchval("SELECT $1::jsonb", {"b": None}), {"b": None})
    # A type asyncpg has no built-in codec for (by OID): the introspection query looks it up.
    check("uuid", str(await conn.fetchval("SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid")),
          "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
    await conn.reload_schema_state()
    check("after reload_schema_state", await conn.fetchval("SELECT 2::int8"), 2)


async def s_pool(conn):
    """A connection pool: acquire/release runs RESET ALL-style cleanup (pg_advisory_unlock_all etc. where supported)."""
    pool = await asyncpg.create_pool(host=HOST, port=PORT, user="postgres", database="postgres", ssl=False,
                                     min_size=2, max_size=4)
    try:
        results = await asyncio.gather(*[pool.fetchval("SELECT $1::int4 * 2", i) for i in range(10)])
        check("pooled queries", results, [i * 2 for i in range(10)])
        async with pool.acquire() as c:
            check("acquired", await c.fetchval("SELECT 'p'"), "p")
    finally:
        await pool.close()


async def s_insert_without_columns(conn):
    """INSERT … VALUES ($n) without a column list: parameter types come from the table's columns."""
    await conn.execute("DROP TABLE IF EXISTS apg_nocols")
    await conn.execute("CREATE TABLE apg_nocols (id bigint PRIMARY KEY, qty integer, price float8, ok boolean)")
    stmt = await conn.prepare("INSERT INTO apg_nocols VALUES ($1, $2, $3, $4)")
    check("parameter types", [t.name for t in stmt.get_parameters()], ["int8", "int4", "float8", "bool"])
    await conn.execute("INSERT INTO apg_nocols VALUES ($1, $2, $3, $4)", 1, 2, 3.5, True)
    check("row", tuple(await conn.fetchrow("SELECT * FROM apg_nocols")), (1, 2, 3.5, True))
    await conn.execute("DROP TABLE apg_nocols")


async def s_update_expression_param(conn):
    """SET col = col + $1: the parameter's type comes from the other operand (int4 here)."""
    await conn.execute("DROP TABLE IF EXISTS apg_upd")
    await conn.execute("CREATE TABLE apg_upd (id integer PRIMARY KEY, qty integer)")
    await conn.execute("INSERT INTO apg_upd (id, qty) VALUES (1, 10), (2, 20)")
    stmt = await conn.prepare("UPDATE apg_upd SET qty = qty + $1 WHERE id > $2")
    check("parameter types", [t.name for t in stmt.get_parameters()], ["int4", "int4"])
    check("UPDATE status", await conn.execute("UPDATE apg_upd SET qty = qty + $1 WHERE id > $2", 5, 1), "UPDATE 1")
    check("updated", await conn.fetchval("SELECT qty FROM apg_upd WHERE id = 2"), 25)
    await conn.execute("DROP TABLE apg_upd")


async def s_numeric_wide(conn):
    """numeric values wider than a double (30+ significant digits) keep every digit; numeric NaN."""
    wide = Decimal("123456789012345678901234567890.123")
    check("literal", await conn.fetchval("SELECT '123456789012345678901234567890.123'::numeric"), wide)
    check("parameter", await conn.fetchval("SELECT $1::numeric", wide), wide)
    await conn.execute("DROP TABLE IF EXISTS apg_wide")
    await conn.execute("CREATE TABLE apg_wide (n numeric)")
    await conn.execute("INSERT INTO apg_wide (n) VALUES ($1)", wide)
    check("stored", await conn.fetchval("SELECT n FROM apg_wide"), wide)
    await conn.execute("DROP TABLE apg_wide")
    check("numeric NaN", (await conn.fetchval("SELECT 'NaN'::numeric")).is_nan(), True)
    check("numeric NaN parameter", (await conn.fetchval("SELECT $1::numeric", Decimal("NaN"))).is_nan(), True)


async def s_copy_to(conn):
    """copy_from_query with format csv: COPY (SELECT … $1) TO STDOUT read back as CopyData."""
    import io
    await conn.execute("DROP TABLE IF EXISTS apg_copyto")
    await conn.execute("CREATE TABLE apg_copyto (id integer, name text)")
    await conn.executemany("INSERT INTO apg_copyto (id, name) VALUES ($1, $2)", [(i, f"n{i}") for i in range(1, 51)])
    out = io.BytesIO()
    status = await conn.copy_from_query("SELECT id, name FROM apg_copyto WHERE id <= $1 ORDER BY id", 3,
                                        output=out, format="csv")
    check("COPY TO status", status, "COPY 3")
    check("COPY TO data", out.getvalue().decode(), "1,n1\n2,n2\n3,n3\n")
    out = io.BytesIO()
    check("copy_from_table status", await conn.copy_from_table("apg_copyto", output=out, format="text"), "COPY 50")
    check("copy_from_table lines", len(out.getvalue().splitlines()), 50)
    await conn.execute("DROP TABLE apg_copyto")


async def s_copy_from_text(conn):
    """copy_to_table with format csv: asyncpg sends Query, CopyData and CopyDone back to back,
    without waiting for CopyInResponse."""
    import io
    await conn.execute("DROP TABLE IF EXISTS apg_copyt")
    await conn.execute("CREATE TABLE apg_copyt (id integer, name text)")
    data = io.BytesIO("".join(f"{i},n{i}\n" for i in range(1, 51)).encode())
    check("COPY FROM status", await conn.copy_to_table("apg_copyt", source=data, format="csv"), "COPY 50")
    check("copied", tuple(await conn.fetchrow("SELECT count(*), sum(id) FROM apg_copyt")), (50, 1275))
    await conn.execute("DROP TABLE apg_copyt")


async def s_int_arrays(conn):
    """int4[]/int8[]: asyncpg has no built-in codec for these and looks them up with its
    introspection query (a recursive CTE over pg_type, pg_range, … with $1::oid[])."""
    check("int4[]", await conn.fetchval("SELECT $1::int4[]", [1, None, 3]), [1, None, 3])
    check("int8[]", await conn.fetchval("SELECT $1::int8[]", [2 ** 40]), [2 ** 40])
    check("array_agg", await conn.fetchval("SELECT array_agg(x ORDER BY x) FROM (VALUES (2), (1)) AS v(x)"), [1, 2])


async def s_not_null_primary_key(conn):
    """A PRIMARY KEY column is NOT NULL: inserting NULL fails with 23502 (integer columns too)."""
    await conn.execute("DROP TABLE IF EXISTS apg_pknull")
    await conn.execute("CREATE TABLE apg_pknull (id integer PRIMARY KEY, name text)")
    await expect_error("NULL into integer PRIMARY KEY", "23502", asyncpg.NotNullViolationError,
                       conn.execute("INSERT INTO apg_pknull (id, name) VALUES (NULL, 'n')"))
    check("nothing inserted", await conn.fetchval("SELECT count(*) FROM apg_pknull"), 0)
    await conn.execute("DROP TABLE apg_pknull")


SCENARIOS = {
    "connect": s_connect,
    "ddl": s_ddl,
    "crud": s_crud,
    "types": s_types,
    "transaction-commit": s_transaction_commit,
    "transaction-rollback": s_transaction_rollback,
    "errors": s_errors,
    "prepared": s_prepared,
    "cursor": s_cursor,
    "cursor-forward": s_cursor_forward,
    "copy-to": s_copy_to,
    "copy-from-text": s_copy_from_text,
    "copy-binary": s_copy_binary,
    "insert-without-columns": s_insert_without_columns,
    "update-expression-param": s_update_expression_param,
    "numeric-wide": s_numeric_wide,
    "int-arrays": s_int_arrays,
    "not-null-primary-key": s_not_null_primary_key,
    "introspection": s_introspection,
    "pool": s_pool,
}


def one_line(text):
    return " ".join(str(text).split())


async def main(names):
    ok = failed = 0
    for name in names:
        fn = SCENARIOS.get(name)
        if fn is None:
            print(f"FAIL {name}: no such scenario", flush=True)
            failed += 1
            continue
        conn = None
        try:
            conn = await connect()
            await asyncio.wait_for(fn(conn), float(os.environ.get("SCENARIO_TIMEOUT", "60")))
            print(f"ok {name}", flush=True)
            ok += 1
        except Exception as err:  # noqa: BLE001 - every failure becomes one FAIL line
            detail = f"{type(err).__name__}"
            sqlstate = getattr(err, "sqlstate", None)
            if sqlstate:
                detail += f" [SQLSTATE {sqlstate}]"
            print(f"FAIL {name}: {detail}: {one_line(err)}", flush=True)
            traceback.print_exc(file=sys.stderr)
            failed += 1
        finally:
            if conn is not None:
                try:
                    await asyncio.wait_for(conn.close(), 5)
                except Exception:  # noqa: BLE001
                    conn.terminate()
    print(f"done ok={ok} failed={failed}", flush=True)
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:] or list(SCENARIOS))))
