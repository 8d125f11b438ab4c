//! tokio-postgres against a server given by PGHOST/PGPORT (user postgres, database postgres).
//!
//! Run by test/integration/client-tokio-postgres.test.ts (built once with `cargo build`):
//!     PGHOST=127.0.0.1 PGPORT=5432 target/debug/pgsqlite-tokio-postgres-client [scenario ...]
//!
//! tokio-postgres prepares (Parse + Describe) every statement before binding it, asks for binary
//! results, and reads portals with row limits (`Transaction::query_portal`). Each scenario runs on
//! its own connection and prints one line:
//!     ok <scenario>                      every check passed
//!     FAIL <scenario>: <what went wrong> a check failed or the driver returned an error
//! followed by "done ok=N failed=M"; the exit status is 0 only when nothing failed.
//! Arguments name the scenarios to run (default: all, in order).

use std::error::Error;
use std::fmt::Debug;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use futures_util::{pin_mut, SinkExt, TryStreamExt};
use tokio_postgres::error::SqlState;
use tokio_postgres::types::{FromSql, Type};
use tokio_postgres::{Client, NoTls, SimpleQueryMessage};

type Result<T = ()> = std::result::Result<T, Box<dyn Error + Send + Sync>>;

fn check<T: PartialEq + Debug>(what: &str, got: T, want: T) -> Result {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, want {want:?}").into())
    }
}

fn expect_sqlstate<T: Debug>(what: &str, result: std::result::Result<T, tokio_postgres::Error>, code: &SqlState) -> Result {
    match result {
        Ok(v) => Err(format!("{what}: no error (got {v:?}), expected SQLSTATE {}", code.code()).into()),
        Err(err) => match err.code() {
            Some(got) if got == code => Ok(()),
            Some(got) => Err(format!("{what}: SQLSTATE {} ({err}), expected {}", got.code(), code.code()).into()),
            None => Err(format!("{what}: not a server error: {err}").into()),
        },
    }
}

async fn connect() -> Result<Client> {
    let host = std::env::var("PGHOST").unwrap_or_else(|_| "127.0.0.1".into());
    let port = std::env::var("PGPORT").unwrap_or_else(|_| "5432".into());
    let config = format!("host={host} port={port} user=postgres dbname=postgres connect_timeout=10");
    let (client, connection) = tokio_postgres::connect(&config, NoTls).await?;
    tokio::spawn(async move {
        if let Err(err) = connection.await {
            eprintln!("connection error: {err}");
        }
    });
    Ok(client)
}

/// numeric in PostgreSQL's binary form (base-10000 digits), decoded to its text form.
#[derive(Debug, PartialEq)]
struct Numeric(String);

impl<'a> FromSql<'a> for Numeric {
    fn from_sql(_: &Type, raw: &'a [u8]) -> std::result::Result<Self, Box<dyn Error + Sync + Send>> {
        let word = |i: usize| -> std::result::Result<u16, Box<dyn Error + Sync + Send>> {
            raw.get(i..i + 2).map(|b| u16::from_be_bytes([b[0], b[1]])).ok_or_else(|| "short numeric".into())
        };
        let ndigits = word(0)? as usize;
        let weight = word(2)? as i16 as i32;
        let sign = word(4)?;
        let dscale = word(6)? as usize;
        if sign == 0xC000 {
            return Ok(Numeric("NaN".into()));
        }
        let digits: Vec<u16> = (0..ndigits).map(|i| word(8 + 2 * i)).collect::<std::result::Result<_, _>>()?;
        // Integer part: digit groups 0..=weight; fraction: the rest, padded to dscale.
        let mut int_part = String::new();
        for g in 0..=weight.max(-1) {
            let d = digits.get(g as usize).copied().unwrap_or(0);
            if int_part.is_empty() {
                if d != 0 {
                    int_part = d.to_string();
                }
            } else {
                int_part.push_str(&format!("{d:04}"));
            }
        }
        if int_part.is_empty() {
            int_part.push('0');
        }
        let mut frac = String::new();
        let mut g = weight + 1;
        while frac.len() < dscale {
            let d = if g < 0 { 0 } else { digits.get(g as usize).copied().unwrap_or(0) };
            frac.push_str(&format!("{d:04}"));
            g += 1;
        }
        frac.truncate(dscale);
        let sign = if sign == 0x4000 { "-" } else { "" };
        Ok(Numeric(if dscale > 0 { format!("{sign}{int_part}.{frac}") } else { format!("{sign}{int_part}") }))
    }

    fn accepts(ty: &Type) -> bool {
        *ty == Type::NUMERIC
    }
}

fn at(secs: u64, micros: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(secs) + Duration::from_micros(micros)
}

// --- scenarios -------------------------------------------------------------------------------

async fn s_connect(c: &Client) -> Result {
    let one: i32 = c.query_one("SELECT 1", &[]).await?.get(0);
    check("SELECT 1", one, 1)?;
    let user: String = c.query_one("SELECT current_user", &[]).await?.get(0);
    check("current_user", user.as_str(), "postgres")?;
    // The simple protocol too (text results).
    let messages = c.simple_query("SELECT 'a' AS x, NULL AS y").await?;
    let row = messages.iter().find_map(|m| if let SimpleQueryMessage::Row(r) = m { Some(r) } else { None })
        .ok_or("simple_query returned no row")?;
    check("simple_query values", (row.get(0), row.get(1)), (Some("a"), None))?;
    check("simple_query column name", row.columns()[0].name(), "x")
}

const CRUD_TABLE: &str = "CREATE TABLE tp_crud (
    id bigint PRIMARY KEY, name text NOT NULL UNIQUE, qty integer, price double precision,
    active boolean, created timestamp, created_tz timestamptz, payload bytea, amount numeric(12, 2))";

async fn s_ddl(c: &Client) -> Result {
    c.batch_execute("DROP TABLE IF EXISTS tp_ddl").await?;
    c.batch_execute(&CRUD_TABLE.replace("tp_crud", "tp_ddl")).await?;
    // ALTER through the simple protocol here; the extended-protocol case is scenario alter-extended.
    c.batch_execute("ALTER TABLE tp_ddl ADD COLUMN note text").await?;
    c.execute("CREATE INDEX tp_ddl_qty ON tp_ddl (qty)", &[]).await?;
    let stmt = c.prepare("SELECT * FROM tp_ddl").await?;
    let cols: Vec<(String, Type)> = stmt.columns().iter().map(|col| (col.name().to_string(), col.type_().clone())).collect();
    let want: Vec<(String, Type)> = [
        ("id", Type::INT8), ("name", Type::TEXT), ("qty", Type::INT4), ("price", Type::FLOAT8), ("active", Type::BOOL),
        ("created", Type::TIMESTAMP), ("created_tz", Type::TIMESTAMPTZ), ("payload", Type::BYTEA),
        ("amount", Type::NUMERIC), ("note", Type::TEXT),
    ].into_iter().map(|(n, t)| (n.to_string(), t)).collect();
    check("columns", cols, want)?;
    c.execute("DROP TABLE tp_ddl", &[]).await?;
    Ok(())
}

async fn s_crud(c: &Client) -> Result {
    c.batch_execute("DROP TABLE IF EXISTS tp_crud").await?;
    c.batch_execute(CRUD_TABLE).await?;
    // numeric has no built-in ToSql: it is sent as text and cast.
    let insert = c.prepare("INSERT INTO tp_crud (id, name, qty, price, active, created, created_tz, payload, amount)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::numeric)").await?;
    check("parameter types", insert.params().to_vec(), vec![Type::INT8, Type::TEXT, Type::INT4, Type::FLOAT8, Type::BOOL,
        Type::TIMESTAMP, Type::TIMESTAMPTZ, Type::BYTEA, Type::TEXT])?;
    let created = at(1_709_214_330, 123_456); // 2024-02-29 13:45:30.123456
    let created_tz = at(1_709_208_000, 500_000);
    let payload: Vec<u8> = vec![0, 1, 0xfe, 0xff];
    let n = c.execute(&insert, &[&9_007_199_254_740_993i64, &"alpha", &7i32, &2.5f64, &true, &created, &created_tz,
        &payload, &"12345.67"]).await?;
    check("inserted", n, 1)?;
    let none_i32: Option<i32> = None;
    let none_f64: Option<f64> = None;
    let none_bool: Option<bool> = None;
    let none_time: Option<SystemTime> = None;
    let none_bytes: Option<Vec<u8>> = None;
    let none_text: Option<&str> = None;
    c.execute(&insert, &[&-42i64, &"nulls", &none_i32, &none_f64, &none_bool, &none_time, &none_time, &none_bytes, &none_text]).await?;
    for i in 1..=5i64 {
        c.execute(&insert, &[&i, &format!("many{i}"), &(i as i32 * 10), &(i as f64 / 4.0), &(i % 2 == 0),
            &at(946_684_800 + 86_400 * (i as u64 - 1), 0), &at(946_684_800, 0), &vec![i as u8], &format!("0.0{i}")]).await?;
    }

    let select = "SELECT id, name, qty, price, active, created, created_tz, payload, amount FROM tp_crud WHERE id = $1";
    let row = c.query_one(select, &[&9_007_199_254_740_993i64]).await?;
    check("id", row.get::<_, i64>(0), 9_007_199_254_740_993)?;
    check("name", row.get::<_, String>(1), "alpha".into())?;
    check("qty", row.get::<_, i32>(2), 7)?;
    check("price", row.get::<_, f64>(3), 2.5)?;
    check("active", row.get::<_, bool>(4), true)?;
    check("timestamp", row.get::<_, SystemTime>(5), created)?;
    check("timestamptz", row.get::<_, SystemTime>(6), created_tz)?;
    check("bytea", row.get::<_, Vec<u8>>(7), payload)?;
    check("numeric", row.get::<_, Numeric>(8), Numeric("12345.67".into()))?;
    let row = c.query_one(select, &[&-42i64]).await?;
    check("NULL qty", row.get::<_, Option<i32>>(2), None)?;
    check("NULL price", row.get::<_, Option<f64>>(3), None)?;
    check("NULL active", row.get::<_, Option<bool>>(4), None)?;
    check("NULL created", row.get::<_, Option<SystemTime>>(5), None)?;
    check("NULL created_tz", row.get::<_, Option<SystemTime>>(6), None)?;
    check("NULL payload", row.get::<_, Option<Vec<u8>>>(7), None)?;
    check("NULL amount", row.get::<_, Option<Numeric>>(8), None)?;

    let rows = c.query("SELECT id, qty, amount FROM tp_crud WHERE name LIKE $1 ORDER BY id", &[&"many%"]).await?;
    let got: Vec<(i64, i32, Numeric)> = rows.iter().map(|r| (r.get(0), r.get(1), r.get(2))).collect();
    let want: Vec<(i64, i32, Numeric)> = (1..=5).map(|i| (i, i as i32 * 10, Numeric(format!("0.0{i}")))).collect();
    check("many rows", got, want)?;
    check("UPDATE count", c.execute("UPDATE tp_crud SET qty = $1 WHERE id > $2", &[&1i32, &3i64]).await?, 3)?;
    let renamed: String = c.query_one("UPDATE tp_crud SET name = $1 WHERE id = $2 RETURNING name", &[&"renamed", &-42i64]).await?.get(0);
    check("UPDATE … RETURNING", renamed.as_str(), "renamed")?;
    check("DELETE count", c.execute("DELETE FROM tp_crud WHERE id BETWEEN $1 AND $2", &[&1i64, &2i64]).await?, 2)?;
    check("count", c.query_one("SELECT count(*) FROM tp_crud", &[]).await?.get::<_, i64>(0), 5)?;
    c.batch_execute("DROP TABLE tp_crud").await?;
    Ok(())
}

async fn round_trip<T>(c: &Client, type_name: &str, value: T) -> Result
where
    T: for<'a> FromSql<'a> + tokio_postgres::types::ToSql + Sync + PartialEq + Debug,
{
    let sql = format!("SELECT $1::{type_name}");
    let got: T = c.query_one(sql.as_str(), &[&value]).await?.get(0);
    check(type_name, got, value)?;
    let null: Option<T> = c.query_one(sql.as_str(), &[&None::<T>]).await?.get(0);
    check(&format!("NULL::{type_name}"), null, None)
}

async fn s_types(c: &Client) -> Result {
    round_trip(c, "int2", i16::MIN).await?;
    round_trip(c, "int4", i32::MAX).await?;
    round_trip(c, "int8", i64::MIN).await?;
    round_trip(c, "float4", 1.5f32).await?;
    round_trip(c, "float8", std::f64::consts::PI).await?;
    round_trip(c, "float8", f64::NEG_INFINITY).await?;
    round_trip(c, "bool", false).await?;
    round_trip(c, "text", "héllo ✓ 'quoted'".to_string()).await?;
    round_trip(c, "varchar", "v".to_string()).await?;
    round_trip(c, "bytea", vec![0u8, 0x80, 0xff]).await?;
    round_trip(c, "timestamp", at(2_147_483_648, 1)).await?;
    round_trip(c, "timestamptz", at(1_000_000_000, 0)).await?;
    round_trip(c, "int8", 1i64 << 53).await?;
    round_trip(c, "oid", 4_000_000_000u32).await?;
    for (lit, want) in [("0", "0"), ("-0.000001", "-0.000001"), ("1234567890.12345", "1234567890.12345"), ("100000000000000000000", "100000000000000000000")] {
        let got: Numeric = c.query_one("SELECT $1::text::numeric", &[&lit]).await?.get(0);
        check(&format!("numeric {lit}"), got, Numeric(want.into()))?;
    }
    let row = c.query_one("SELECT 1::int2, 2::int4, 3::int8, 'x'::text, true, NULL::text, 4.5::float8", &[]).await?;
    check("literals", (row.get::<_, i16>(0), row.get::<_, i32>(1), row.get::<_, i64>(2), row.get::<_, String>(3),
        row.get::<_, bool>(4), row.get::<_, Option<String>>(5), row.get::<_, f64>(6)),
        (1, 2, 3, "x".into(), true, None, 4.5))
}

async fn s_transaction_commit(c: &mut Client) -> Result {
    c.batch_execute("DROP TABLE IF EXISTS tp_tx; CREATE TABLE tp_tx (id integer PRIMARY KEY, v text)").await?;
    let tx = c.transaction().await?;
    tx.execute("INSERT INTO tp_tx (id, v) VALUES ($1, $2)", &[&1i32, &"one"]).await?;
    tx.execute("INSERT INTO tp_tx (id, v) VALUES ($1, $2)", &[&2i32, &"two"]).await?;
    tx.commit().await?;
    let other = connect().await?;
    let count: i64 = other.query_one("SELECT count(*) FROM tp_tx", &[]).await?.get(0);
    check("committed rows seen by another connection", count, 2)?;
    let tx = c.build_transaction()
        .isolation_level(tokio_postgres::IsolationLevel::Serializable)
        .read_only(true)
        .start().await?;
    let iso: String = tx.query_one("SHOW transaction_isolation", &[]).await?.get(0);
    check("isolation", iso.as_str(), "serializable")?;
    expect_sqlstate("INSERT in a read-only transaction",
        tx.execute("INSERT INTO tp_tx (id, v) VALUES (3, 'three')", &[]).await, &SqlState::READ_ONLY_SQL_TRANSACTION)?;
    tx.rollback().await?;
    c.batch_execute("DROP TABLE tp_tx").await?;
    Ok(())
}

async fn s_transaction_rollback(c: &mut Client) -> Result {
    c.batch_execute("DROP TABLE IF EXISTS tp_rb; CREATE TABLE tp_rb (id integer PRIMARY KEY, v text);
        INSERT INTO tp_rb (id, v) VALUES (1, 'kept')").await?;
    {
        let tx = c.transaction().await?;
        tx.execute("INSERT INTO tp_rb (id, v) VALUES ($1, $2)", &[&2i32, &"lost"]).await?;
        tx.execute("UPDATE tp_rb SET v = $1 WHERE id = 1", &[&"changed"]).await?;
        // Dropped without commit: rolled back.
    }
    let rows = c.query("SELECT id, v FROM tp_rb ORDER BY id", &[]).await?;
    check("after rollback", rows.iter().map(|r| (r.get(0), r.get(1))).collect::<Vec<(i32, String)>>(), vec![(1, "kept".into())])?;
    let mut tx = c.transaction().await?;
    tx.execute("INSERT INTO tp_rb (id, v) VALUES (3, 'outer')", &[]).await?;
    {
        let sp = tx.savepoint("sp_inner").await?;
        sp.execute("INSERT INTO tp_rb (id, v) VALUES (4, 'inner')", &[]).await?;
        sp.rollback().await?;
    }
    let ids: Vec<i32> = tx.query("SELECT id FROM tp_rb ORDER BY id", &[]).await?.iter().map(|r| r.get(0)).collect();
    check("after ROLLBACK TO SAVEPOINT", ids, vec![1, 3])?;
    tx.rollback().await?;
    check("after explicit rollback", c.query_one("SELECT count(*) FROM tp_rb", &[]).await?.get::<_, i64>(0), 1)?;
    c.batch_execute("DROP TABLE tp_rb").await?;
    Ok(())
}

async fn s_errors(c: &mut Client) -> Result {
    c.batch_execute("DROP TABLE IF EXISTS tp_err; CREATE TABLE tp_err (id integer PRIMARY KEY, name text NOT NULL UNIQUE)").await?;
    c.execute("INSERT INTO tp_err (id, name) VALUES ($1, $2)", &[&1i32, &"a"]).await?;
    let dup = c.execute("INSERT INTO tp_err (id, name) VALUES ($1, $2)", &[&2i32, &"a"]).await;
    if let Err(err) = &dup {
        let message = err.as_db_error().map(|e| e.message().to_string()).unwrap_or_default();
        check("message", message.contains("duplicate key"), true)?;
    }
    expect_sqlstate("duplicate key", dup, &SqlState::UNIQUE_VIOLATION)?;
    check("connection works after 23505", c.query_one("SELECT count(*) FROM tp_err", &[]).await?.get::<_, i64>(0), 1)?;
    expect_sqlstate("undefined table", c.query("SELECT * FROM tp_no_such_table", &[]).await.map(|r| r.len()), &SqlState::UNDEFINED_TABLE)?;
    expect_sqlstate("syntax error", c.batch_execute("SELEC 1").await, &SqlState::SYNTAX_ERROR)?;
    expect_sqlstate("division by zero", c.query("SELECT 1 / $1::int4", &[&0i32]).await.map(|r| r.len()), &SqlState::DIVISION_BY_ZERO)?;
    expect_sqlstate("NOT NULL", c.execute("INSERT INTO tp_err (id, name) VALUES ($1, $2)", &[&5i32, &None::<&str>]).await,
        &SqlState::NOT_NULL_VIOLATION)?;
    check("still usable", c.query_one("SELECT $1::int4 + 1", &[&41i32]).await?.get::<_, i32>(0), 42)?;
    let tx = c.transaction().await?;
    expect_sqlstate("duplicate key in a transaction", tx.execute("INSERT INTO tp_err (id, name) VALUES (1, 'b')", &[]).await,
        &SqlState::UNIQUE_VIOLATION)?;
    expect_sqlstate("statement in the failed transaction", tx.query("SELECT 1", &[]).await.map(|r| r.len()),
        &SqlState::IN_FAILED_SQL_TRANSACTION)?;
    tx.rollback().await?;
    check("usable after rollback", c.query_one("SELECT count(*) FROM tp_err", &[]).await?.get::<_, i64>(0), 1)?;
    c.batch_execute("DROP TABLE tp_err").await?;
    Ok(())
}

async fn s_prepared(c: &Client) -> Result {
    c.batch_execute("DROP TABLE IF EXISTS tp_prep; CREATE TABLE tp_prep (id integer PRIMARY KEY, label text, score float8)").await?;
    let ins = c.prepare("INSERT INTO tp_prep (id, label, score) VALUES ($1, $2, $3)").await?;
    for i in 1..=20i32 {
        c.execute(&ins, &[&i, &format!("l{i}"), &(i as f64 * 1.5)]).await?;
    }
    let stmt = c.prepare("SELECT id, label, score FROM tp_prep WHERE id > $1 AND label <> $2 ORDER BY id").await?;
    check("params", stmt.params().to_vec(), vec![Type::INT4, Type::TEXT])?;
    check("columns", stmt.columns().iter().map(|c| (c.name().to_string(), c.type_().clone())).collect::<Vec<_>>(),
        vec![("id".into(), Type::INT4), ("label".into(), Type::TEXT), ("score".into(), Type::FLOAT8)])?;
    for low in [0i32, 10, 19] {
        let ids: Vec<i32> = c.query(&stmt, &[&low, &"l20"]).await?.iter().map(|r| r.get(0)).collect();
        check(&format!("id > {low}"), ids, (low + 1..20).collect())?;
    }
    // prepare_typed: the client names the parameter type.
    let typed = c.prepare_typed("SELECT $1 || '!'", &[Type::TEXT]).await?;
    check("prepare_typed", c.query_one(&typed, &[&"hi"]).await?.get::<_, String>(0), "hi!".into())?;
    c.batch_execute("DROP TABLE tp_prep").await?;
    Ok(())
}

async fn s_portal(c: &mut Client) -> Result {
    c.batch_execute("DROP TABLE IF EXISTS tp_portal; CREATE TABLE tp_portal (id integer PRIMARY KEY, label text)").await?;
    let ins = c.prepare("INSERT INTO tp_portal (id, label) VALUES ($1, $2)").await?;
    for i in 1..=250i32 {
        c.execute(&ins, &[&i, &format!("r{i}")]).await?;
    }
    let tx = c.transaction().await?;
    let stmt = tx.prepare("SELECT id, label FROM tp_portal WHERE id > $1 ORDER BY id").await?;
    let portal = tx.bind(&stmt, &[&0i32]).await?;
    let mut seen = Vec::new();
    loop {
        // Execute with a row limit of 16: PortalSuspended until the last slice.
        let rows = tx.query_portal(&portal, 16).await?;
        if rows.is_empty() {
            break;
        }
        check("slice size", rows.len() <= 16, true)?;
        seen.extend(rows.iter().map(|r| r.get::<_, i32>(0)));
    }
    check("every row in order", seen, (1..=250).collect::<Vec<i32>>())?;
    // Two portals read alternately.
    let down = tx.prepare("SELECT id FROM tp_portal ORDER BY id DESC").await?;
    let a = tx.bind(&stmt, &[&0i32]).await?;
    let b = tx.bind(&down, &[]).await?;
    let ids = |rows: Vec<tokio_postgres::Row>| rows.iter().map(|r| r.get::<_, i32>(0)).collect::<Vec<_>>();
    check("a first 3", ids(tx.query_portal(&a, 3).await?), vec![1, 2, 3])?;
    check("b first 2", ids(tx.query_portal(&b, 2).await?), vec![250, 249])?;
    check("a next 2", ids(tx.query_portal(&a, 2).await?), vec![4, 5])?;
    check("b next 1", ids(tx.query_portal(&b, 1).await?), vec![248])?;
    tx.commit().await?;
    check("usable after", c.query_one("SELECT count(*) FROM tp_portal", &[]).await?.get::<_, i64>(0), 250)?;
    c.batch_execute("DROP TABLE tp_portal").await?;
    Ok(())
}

async fn s_copy(c: &Client) -> Result {
    c.batch_execute("DROP TABLE IF EXISTS tp_copy; CREATE TABLE tp_copy (id integer, name text)").await?;
    let sink = c.copy_in("COPY tp_copy (id, name) FROM STDIN").await?;
    pin_mut!(sink);
    for chunk in 0..5 {
        let data: String = (1..=20).map(|i| format!("{}\tn{}\n", chunk * 20 + i, chunk * 20 + i)).collect();
        sink.send(Bytes::from(data)).await?;
    }
    check("COPY FROM rows", sink.finish().await?, 100)?;
    check("copied", c.query_one("SELECT count(*), sum(id) FROM tp_copy", &[]).await.map(|r| (r.get::<_, i64>(0), r.get::<_, i64>(1)))?, (100, 5050))?;
    let stream = c.copy_out("COPY (SELECT id, name FROM tp_copy WHERE id <= 3 ORDER BY id) TO STDOUT").await?;
    let chunks: Vec<Bytes> = stream.try_collect().await?;
    let text: String = chunks.iter().map(|b| String::from_utf8_lossy(b).into_owned()).collect();
    check("COPY TO data", text.as_str(), "1\tn1\n2\tn2\n3\tn3\n")?;
    c.batch_execute("DROP TABLE tp_copy").await?;
    Ok(())
}

async fn s_introspection(c: &Client) -> Result {
    // An OID tokio-postgres does not know (a user enum) makes it query pg_catalog.pg_type and pg_enum.
    c.batch_execute("DROP TABLE IF EXISTS tp_enum; DROP TYPE IF EXISTS tp_mood;
        CREATE TYPE tp_mood AS ENUM ('sad', 'ok', 'happy');
        CREATE TABLE tp_enum (m tp_mood)").await?;
    c.batch_execute("INSERT INTO tp_enum (m) VALUES ('happy')").await?;
    let stmt = c.prepare("SELECT m FROM tp_enum").await?;
    let ty = stmt.columns()[0].type_().clone();
    let v: EnumLabel = c.query_one(&stmt, &[]).await?.get(0);
    c.batch_execute("DROP TABLE tp_enum; DROP TYPE tp_mood").await?;
    check("type name", ty.name(), "tp_mood")?;
    check("enum labels", ty.kind().clone(), tokio_postgres::types::Kind::Enum(vec!["sad".into(), "ok".into(), "happy".into()]))?;
    check("value", v, EnumLabel("happy".into()))
}

async fn s_create_extended(c: &Client) -> Result {
    // CREATE TABLE through Parse/Bind/Execute, then ALTER TABLE through a simple Query.
    c.batch_execute("DROP TABLE IF EXISTS tp_cre").await?;
    c.execute("CREATE TABLE tp_cre (a integer)", &[]).await?;
    c.batch_execute("ALTER TABLE tp_cre ADD COLUMN b text").await?;
    c.execute("INSERT INTO tp_cre (a, b) VALUES ($1, $2)", &[&1i32, &"x"]).await?;
    check("count", c.query_one("SELECT count(*) FROM tp_cre", &[]).await?.get::<_, i64>(0), 1)?;
    c.batch_execute("DROP TABLE tp_cre").await?;
    Ok(())
}

async fn s_alter_extended(c: &Client) -> Result {
    // ALTER TABLE … ADD COLUMN through Parse/Bind/Execute, then SELECT * described on the same connection.
    c.batch_execute("DROP TABLE IF EXISTS tp_alt; CREATE TABLE tp_alt (a integer)").await?;
    c.execute("ALTER TABLE tp_alt ADD COLUMN b text", &[]).await?;
    let stmt = c.prepare("SELECT * FROM tp_alt").await?;
    let names: Vec<&str> = stmt.columns().iter().map(|col| col.name()).collect();
    check("columns after ALTER", names, vec!["a", "b"])?;
    c.batch_execute("DROP TABLE tp_alt").await?;
    Ok(())
}

/// Any enum value, as its label.
#[derive(Debug, PartialEq)]
struct EnumLabel(String);

impl<'a> FromSql<'a> for EnumLabel {
    fn from_sql(_: &Type, raw: &'a [u8]) -> std::result::Result<Self, Box<dyn Error + Sync + Send>> {
        Ok(EnumLabel(std::str::from_utf8(raw)?.to_string()))
    }
    fn accepts(ty: &Type) -> bool {
        matches!(ty.kind(), tokio_postgres::types::Kind::Enum(_))
    }
}

async fn s_numeric_wide(c: &Client) -> Result {
    let wide = "123456789012345678901234567890.123";
    let got: Numeric = c.query_one(format!("SELECT '{wide}'::numeric").as_str(), &[]).await?.get(0);
    check("literal", got, Numeric(wide.into()))?;
    let got: Numeric = c.query_one("SELECT $1::text::numeric", &[&wide]).await?.get(0);
    check("parameter", got, Numeric(wide.into()))?;
    let nan: Numeric = c.query_one("SELECT 'NaN'::numeric", &[]).await?.get(0);
    check("NaN", nan, Numeric("NaN".into()))
}

async fn run(name: &str, c: &mut Client) -> Result {
    match name {
        "connect" => s_connect(c).await,
        "ddl" => s_ddl(c).await,
        "crud" => s_crud(c).await,
        "types" => s_types(c).await,
        "transaction-commit" => s_transaction_commit(c).await,
        "transaction-rollback" => s_transaction_rollback(c).await,
        "errors" => s_errors(c).await,
        "prepared" => s_prepared(c).await,
        "portal" => s_portal(c).await,
        "copy" => s_copy(c).await,
        "introspection" => s_introspection(c).await,
        "numeric-wide" => s_numeric_wide(c).await,
        "alter-extended" => s_alter_extended(c).await,
        "create-extended" => s_create_extended(c).await,
        _ => Err("no such scenario".into()),
    }
}

const ALL: &[&str] = &["connect", "ddl", "crud", "types", "transaction-commit", "transaction-rollback", "errors",
    "prepared", "portal", "copy", "introspection", "numeric-wide", "alter-extended", "create-extended"];

fn describe(err: &(dyn Error + Send + Sync + 'static)) -> String {
    let mut text = err.to_string();
    if let Some(pg) = err.downcast_ref::<tokio_postgres::Error>() {
        if let Some(db) = pg.as_db_error() {
            text = format!("[SQLSTATE {}] {}", db.code().code(), db.message());
        } else if let Some(source) = pg.source() {
            text = format!("{text}: {source}");
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let names: Vec<String> = if args.is_empty() { ALL.iter().map(|s| s.to_string()).collect() } else { args };
    let (mut ok, mut failed) = (0, 0);
    for name in &names {
        let outcome = tokio::time::timeout(Duration::from_secs(30), async {
            let mut client = connect().await?;
            run(name, &mut client).await
        }).await;
        let outcome = outcome.unwrap_or_else(|_| Err("timed out after 30 s".into()));
        match outcome {
            Ok(()) => {
                println!("ok {name}");
                ok += 1;
            }
            Err(err) => {
                println!("FAIL {name}: {}", describe(err.as_ref()));
                failed += 1;
            }
        }
    }
    println!("done ok={ok} failed={failed}");
    std::process::exit(if failed == 0 { 0 } else { 1 });
}
