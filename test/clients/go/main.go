// pgx (github.com/jackc/pgx/v5) against a server given by PGHOST/PGPORT (user postgres, database postgres).
//
// Run by test/integration/client-pgx.test.ts:
//
//	cd test/clients/go && PGHOST=127.0.0.1 PGPORT=5432 go run . [scenario ...]
//
// pgx uses the extended protocol with binary parameters and results, describes every statement
// before it runs it (and caches the description), pipelines batches, and copies with binary COPY.
// Each scenario runs on its own connection and prints one line:
//
//	ok <scenario>                      every check passed
//	FAIL <scenario>: <what went wrong> a check failed or the driver returned an error
//
// followed by "done ok=N failed=M"; the exit status is 0 only when nothing failed.
// Arguments name the scenarios to run (default: all, in order).
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"math/big"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

type scenario struct {
	name string
	run  func(ctx context.Context, conn *pgx.Conn) error
}

func connString() string {
	host := os.Getenv("PGHOST")
	if host == "" {
		host = "127.0.0.1"
	}
	port := os.Getenv("PGPORT")
	if port == "" {
		port = "5432"
	}
	return fmt.Sprintf("host=%s port=%s user=postgres dbname=postgres sslmode=disable connect_timeout=10", host, port)
}

func connect(ctx context.Context) (*pgx.Conn, error) {
	return pgx.Connect(ctx, connString())
}

func check(what string, got, want any) error {
	if !reflect.DeepEqual(got, want) {
		return fmt.Errorf("%s: got %#v, want %#v", what, got, want)
	}
	return nil
}

// firstErr returns the first non-nil error (checks run in order, stop at the first failure).
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func expectPgError(what, code string, err error) error {
	var pgErr *pgconn.PgError
	if err == nil {
		return fmt.Errorf("%s: no error (expected SQLSTATE %s)", what, code)
	}
	if !errors.As(err, &pgErr) {
		return fmt.Errorf("%s: not a server error: %v", what, err)
	}
	if pgErr.Code != code {
		return fmt.Errorf("%s: SQLSTATE %s (%s), want %s", what, pgErr.Code, pgErr.Message, code)
	}
	return nil
}

func exec(ctx context.Context, conn *pgx.Conn, sql string, args ...any) error {
	_, err := conn.Exec(ctx, sql, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", sql, err)
	}
	return nil
}

func scanOne[T any](ctx context.Context, conn *pgx.Conn, sql string, args ...any) (T, error) {
	var v T
	err := conn.QueryRow(ctx, sql, args...).Scan(&v)
	if err != nil {
		err = fmt.Errorf("%s: %w", sql, err)
	}
	return v, err
}

func numeric(s string) pgtype.Numeric {
	var n pgtype.Numeric
	if err := n.Scan(s); err != nil {
		panic(err)
	}
	return n
}

func numericText(n pgtype.Numeric) string {
	v, err := n.Value()
	if err != nil {
		return "error: " + err.Error()
	}
	if v == nil {
		return "NULL"
	}
	return v.(string)
}

// --- scenarios -------------------------------------------------------------------------------

func sConnect(ctx context.Context, conn *pgx.Conn) error {
	if err := conn.Ping(ctx); err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	one, err := scanOne[int32](ctx, conn, "SELECT 1")
	if err != nil {
		return err
	}
	version := conn.PgConn().ParameterStatus("server_version")
	user, err := scanOne[string](ctx, conn, "SELECT current_user")
	if err != nil {
		return err
	}
	return firstErr(
		check("SELECT 1", one, int32(1)),
		check("server_version reported", version != "", true),
		check("client_encoding", conn.PgConn().ParameterStatus("client_encoding"), "UTF8"),
		check("current_user", user, "postgres"),
	)
}

func sDDL(ctx context.Context, conn *pgx.Conn) error {
	if err := exec(ctx, conn, "DROP TABLE IF EXISTS pgx_ddl"); err != nil {
		return err
	}
	tag, err := conn.Exec(ctx, `CREATE TABLE pgx_ddl (
		id bigint PRIMARY KEY, name text NOT NULL UNIQUE, qty integer, price double precision,
		active boolean, created timestamp, created_tz timestamptz, payload bytea, amount numeric(12, 2))`)
	if err != nil {
		return err
	}
	if err := check("CREATE TABLE tag", tag.String(), "CREATE TABLE"); err != nil {
		return err
	}
	if err := exec(ctx, conn, "ALTER TABLE pgx_ddl ADD COLUMN note text"); err != nil {
		return err
	}
	if err := exec(ctx, conn, "CREATE INDEX pgx_ddl_qty ON pgx_ddl (qty)"); err != nil {
		return err
	}
	sd, err := conn.Prepare(ctx, "ddl_cols", "SELECT * FROM pgx_ddl")
	if err != nil {
		return err
	}
	var names []string
	var oids []uint32
	for _, f := range sd.Fields {
		names = append(names, f.Name)
		oids = append(oids, f.DataTypeOID)
	}
	if err := firstErr(
		check("columns", names, []string{"id", "name", "qty", "price", "active", "created", "created_tz", "payload", "amount", "note"}),
		check("column type OIDs", oids, []uint32{pgtype.Int8OID, pgtype.TextOID, pgtype.Int4OID, pgtype.Float8OID, pgtype.BoolOID,
			pgtype.TimestampOID, pgtype.TimestamptzOID, pgtype.ByteaOID, pgtype.NumericOID, pgtype.TextOID}),
	); err != nil {
		return err
	}
	if err := conn.Deallocate(ctx, "ddl_cols"); err != nil {
		return err
	}
	return exec(ctx, conn, "DROP TABLE pgx_ddl")
}

type crudRow struct {
	ID        int64
	Name      string
	Qty       *int32
	Price     *float64
	Active    *bool
	Created   *time.Time
	CreatedTZ *time.Time
	Payload   []byte
	Amount    pgtype.Numeric
}

func ptr[T any](v T) *T { return &v }

func sCRUD(ctx context.Context, conn *pgx.Conn) error {
	if err := exec(ctx, conn, "DROP TABLE IF EXISTS pgx_crud"); err != nil {
		return err
	}
	if err := exec(ctx, conn, `CREATE TABLE pgx_crud (
		id bigint PRIMARY KEY, name text NOT NULL UNIQUE, qty integer, price double precision,
		active boolean, created timestamp, created_tz timestamptz, payload bytea, amount numeric(12, 2))`); err != nil {
		return err
	}
	insert := `INSERT INTO pgx_crud (id, name, qty, price, active, created, created_tz, payload, amount)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`
	created := time.Date(2024, 2, 29, 13, 45, 30, 123456000, time.UTC)
	createdTZ := time.Date(2024, 2, 29, 12, 0, 0, 500000000, time.UTC)
	full := crudRow{9007199254740993, "alpha", ptr[int32](7), ptr(2.5), ptr(true), &created, &createdTZ,
		[]byte{0, 1, 0xfe, 0xff}, numeric("12345.67")}
	tag, err := conn.Exec(ctx, insert, full.ID, full.Name, full.Qty, full.Price, full.Active, full.Created,
		full.CreatedTZ, full.Payload, full.Amount)
	if err != nil {
		return fmt.Errorf("insert: %w", err)
	}
	if err := check("INSERT tag", tag.String(), "INSERT 0 1"); err != nil {
		return err
	}
	if err := exec(ctx, conn, insert, int64(-42), "nulls", nil, nil, nil, nil, nil, nil, nil); err != nil {
		return err
	}
	for i := 1; i <= 5; i++ {
		if err := exec(ctx, conn, insert, int64(i), fmt.Sprintf("many%d", i), int32(i*10), float64(i)/4, i%2 == 0,
			time.Date(2000, 1, i, 0, 0, 0, 0, time.UTC), time.Date(2000, 1, i, 0, 0, 0, 0, time.UTC),
			[]byte{byte(i)}, numeric(fmt.Sprintf("0.0%d", i))); err != nil {
			return err
		}
	}

	read := func(id int64) (crudRow, error) {
		var r crudRow
		err := conn.QueryRow(ctx, "SELECT id, name, qty, price, active, created, created_tz, payload, amount FROM pgx_crud WHERE id = $1", id).
			Scan(&r.ID, &r.Name, &r.Qty, &r.Price, &r.Active, &r.Created, &r.CreatedTZ, &r.Payload, &r.Amount)
		return r, err
	}
	got, err := read(full.ID)
	if err != nil {
		return fmt.Errorf("select full row: %w", err)
	}
	if err := firstErr(
		check("id", got.ID, full.ID), check("name", got.Name, full.Name), check("qty", *got.Qty, *full.Qty),
		check("price", *got.Price, *full.Price), check("active", *got.Active, *full.Active),
		check("timestamp", got.Created.UTC(), created), check("timestamptz", got.CreatedTZ.UTC(), createdTZ),
		check("bytea", got.Payload, full.Payload), check("numeric", numericText(got.Amount), "12345.67"),
	); err != nil {
		return err
	}
	nulls, err := read(-42)
	if err != nil {
		return fmt.Errorf("select NULL row: %w", err)
	}
	if err := firstErr(
		check("NULL qty", nulls.Qty, (*int32)(nil)), check("NULL price", nulls.Price, (*float64)(nil)),
		check("NULL active", nulls.Active, (*bool)(nil)), check("NULL created", nulls.Created, (*time.Time)(nil)),
		check("NULL created_tz", nulls.CreatedTZ, (*time.Time)(nil)), check("NULL payload", nulls.Payload, []byte(nil)),
		check("NULL amount", nulls.Amount.Valid, false),
	); err != nil {
		return err
	}

	rows, _ := conn.Query(ctx, "SELECT id, qty FROM pgx_crud WHERE name LIKE $1 ORDER BY id", "many%")
	type idQty struct {
		ID  int64
		Qty int32
	}
	list, err := pgx.CollectRows(rows, pgx.RowToStructByPos[idQty])
	if err != nil {
		return fmt.Errorf("collect rows: %w", err)
	}
	if err := check("many rows", list, []idQty{{1, 10}, {2, 20}, {3, 30}, {4, 40}, {5, 50}}); err != nil {
		return err
	}

	tag, err = conn.Exec(ctx, "UPDATE pgx_crud SET qty = $1 WHERE id > $2", int32(1), int64(3))
	if err != nil {
		return err
	}
	if err := check("UPDATE tag", tag.String(), "UPDATE 3"); err != nil {
		return err
	}
	renamed, err := scanOne[string](ctx, conn, "UPDATE pgx_crud SET name = $1 WHERE id = $2 RETURNING name", "renamed", int64(-42))
	if err != nil {
		return err
	}
	tag, err = conn.Exec(ctx, "DELETE FROM pgx_crud WHERE id BETWEEN $1 AND $2", 1, 2)
	if err != nil {
		return err
	}
	count, err := scanOne[int64](ctx, conn, "SELECT count(*) FROM pgx_crud")
	if err != nil {
		return err
	}
	return firstErr(
		check("UPDATE … RETURNING", renamed, "renamed"), check("DELETE tag", tag.String(), "DELETE 2"),
		check("count", count, int64(5)), exec(ctx, conn, "DROP TABLE pgx_crud"),
	)
}

func roundTrip[T any](ctx context.Context, conn *pgx.Conn, typeName string, value T) error {
	got, err := scanOne[T](ctx, conn, fmt.Sprintf("SELECT $1::%s", typeName), value)
	if err != nil {
		return err
	}
	if err := check(typeName, got, value); err != nil {
		return err
	}
	var null *T
	if err := conn.QueryRow(ctx, fmt.Sprintf("SELECT $1::%s", typeName), nil).Scan(&null); err != nil {
		return fmt.Errorf("NULL::%s: %w", typeName, err)
	}
	return check("NULL::"+typeName, null, (*T)(nil))
}

func sTypes(ctx context.Context, conn *pgx.Conn) error {
	err := firstErr(
		roundTrip(ctx, conn, "int2", int16(-32768)),
		roundTrip(ctx, conn, "int4", int32(2147483647)),
		roundTrip(ctx, conn, "int8", int64(math.MinInt64)),
		roundTrip(ctx, conn, "float4", float32(1.5)),
		roundTrip(ctx, conn, "float8", math.Pi),
		roundTrip(ctx, conn, "float8", math.Inf(-1)),
		roundTrip(ctx, conn, "bool", true),
		roundTrip(ctx, conn, "text", "héllo ✓ 'quoted'"),
		roundTrip(ctx, conn, "varchar", "v"),
		roundTrip(ctx, conn, "bytea", []byte{0, 0x80, 0xff}),
		roundTrip(ctx, conn, "date", time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC)),
		roundTrip(ctx, conn, "timestamp", time.Date(2038, 1, 19, 3, 14, 8, 1000, time.UTC)),
		roundTrip(ctx, conn, "int4[]", []int32{1, 2, 3}),
		roundTrip(ctx, conn, "text[]", []string{"a", "b c", ""}),
		roundTrip(ctx, conn, "uuid", [16]byte{0xa0, 0xee, 0xbc, 0x99, 0x9c, 0x0b, 0x4e, 0xf8, 0xbb, 0x6d, 0x6b, 0xb9, 0xbd, 0x38, 0x0a, 0x11}),
	)
	if err != nil {
		return err
	}
	// timestamptz: the same instant whatever zone it was given in.
	plus2 := time.Date(2020, 5, 1, 12, 0, 0, 0, time.FixedZone("+02", 2*3600))
	tz, err := scanOne[time.Time](ctx, conn, "SELECT $1::timestamptz", plus2)
	if err != nil {
		return err
	}
	if err := check("timestamptz instant", tz.Equal(plus2), true); err != nil {
		return err
	}
	for _, s := range []string{"0", "-0.000001", "1234567890.12345", "100000000000000000000"} {
		got, err := scanOne[pgtype.Numeric](ctx, conn, "SELECT $1::numeric", numeric(s))
		if err != nil {
			return err
		}
		want := numeric(s)
		if got.Int == nil || want.Int == nil || new(big.Rat).SetFrac(got.Int, big.NewInt(1)) == nil {
			return fmt.Errorf("numeric %s: got %#v", s, got)
		}
		if err := check("numeric "+s, numericText(got), numericText(want)); err != nil {
			// pgx prints numerics in its own normal form: compare as decimals.
			gr, _ := new(big.Rat).SetString(numericText(got))
			wr, _ := new(big.Rat).SetString(s)
			if gr == nil || wr == nil || gr.Cmp(wr) != 0 {
				return err
			}
		}
	}
	var interval pgtype.Interval
	if err := conn.QueryRow(ctx, "SELECT $1::interval", pgtype.Interval{Days: 3, Microseconds: 4*3600e6 + 5, Valid: true}).Scan(&interval); err != nil {
		return err
	}
	return check("interval", interval, pgtype.Interval{Days: 3, Microseconds: 4*3600e6 + 5, Valid: true})
}

func sTransactionCommit(ctx context.Context, conn *pgx.Conn) error {
	if err := firstErr(exec(ctx, conn, "DROP TABLE IF EXISTS pgx_tx"),
		exec(ctx, conn, "CREATE TABLE pgx_tx (id integer PRIMARY KEY, v text)")); err != nil {
		return err
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "INSERT INTO pgx_tx (id, v) VALUES ($1, $2)", 1, "one"); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "INSERT INTO pgx_tx (id, v) VALUES ($1, $2)", 2, "two"); err != nil {
		return err
	}
	if err := check("status inside", string(conn.PgConn().TxStatus()), "T"); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	other, err := connect(ctx)
	if err != nil {
		return err
	}
	defer other.Close(ctx)
	count, err := scanOne[int64](ctx, other, "SELECT count(*) FROM pgx_tx")
	if err != nil {
		return err
	}
	if err := check("committed rows seen by another connection", count, int64(2)); err != nil {
		return err
	}
	// BeginTx with options: BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY.
	tx, err = conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable, AccessMode: pgx.ReadOnly})
	if err != nil {
		return err
	}
	iso, err := scanOne[string](ctx, conn, "SHOW transaction_isolation")
	if err != nil {
		return err
	}
	_, insertErr := tx.Exec(ctx, "INSERT INTO pgx_tx (id, v) VALUES (3, 'three')")
	if err := firstErr(check("isolation", iso, "serializable"),
		expectPgError("INSERT in a read-only transaction", "25006", insertErr)); err != nil {
		return err
	}
	if err := tx.Rollback(ctx); err != nil {
		return err
	}
	return exec(ctx, conn, "DROP TABLE pgx_tx")
}

func sTransactionRollback(ctx context.Context, conn *pgx.Conn) error {
	if err := firstErr(exec(ctx, conn, "DROP TABLE IF EXISTS pgx_rb"),
		exec(ctx, conn, "CREATE TABLE pgx_rb (id integer PRIMARY KEY, v text)"),
		exec(ctx, conn, "INSERT INTO pgx_rb (id, v) VALUES (1, 'kept')")); err != nil {
		return err
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "INSERT INTO pgx_rb (id, v) VALUES ($1, $2)", 2, "lost"); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE pgx_rb SET v = $1 WHERE id = 1", "changed"); err != nil {
		return err
	}
	if err := tx.Rollback(ctx); err != nil {
		return err
	}
	v, err := scanOne[string](ctx, conn, "SELECT string_agg(id::text || ':' || v, ',' ORDER BY id) FROM pgx_rb")
	if err != nil {
		return err
	}
	if err := check("after rollback", v, "1:kept"); err != nil {
		return err
	}
	// A nested transaction is a savepoint.
	tx, err = conn.Begin(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "INSERT INTO pgx_rb (id, v) VALUES (3, 'outer')"); err != nil {
		return err
	}
	nested, err := tx.Begin(ctx)
	if err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	if _, err := nested.Exec(ctx, "INSERT INTO pgx_rb (id, v) VALUES (4, 'inner')"); err != nil {
		return err
	}
	if err := nested.Rollback(ctx); err != nil {
		return fmt.Errorf("rollback to savepoint: %w", err)
	}
	ids, err := scanOne[string](ctx, conn, "SELECT string_agg(id::text, ',' ORDER BY id) FROM pgx_rb")
	if err != nil {
		return err
	}
	if err := check("after ROLLBACK TO SAVEPOINT", ids, "1,3"); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	count, err := scanOne[int64](ctx, conn, "SELECT count(*) FROM pgx_rb")
	return firstErr(err, check("after commit", count, int64(2)), exec(ctx, conn, "DROP TABLE pgx_rb"))
}

func sErrors(ctx context.Context, conn *pgx.Conn) error {
	if err := firstErr(exec(ctx, conn, "DROP TABLE IF EXISTS pgx_err"),
		exec(ctx, conn, "CREATE TABLE pgx_err (id integer PRIMARY KEY, name text NOT NULL UNIQUE)"),
		exec(ctx, conn, "INSERT INTO pgx_err (id, name) VALUES ($1, $2)", 1, "a")); err != nil {
		return err
	}
	_, dup := conn.Exec(ctx, "INSERT INTO pgx_err (id, name) VALUES ($1, $2)", 2, "a")
	if err := expectPgError("duplicate key", "23505", dup); err != nil {
		return err
	}
	var pgErr *pgconn.PgError
	errors.As(dup, &pgErr)
	count, err := scanOne[int64](ctx, conn, "SELECT count(*) FROM pgx_err")
	if err := firstErr(err, check("connection works after 23505", count, int64(1)),
		check("message names the duplicate key", strings.Contains(pgErr.Message, "duplicate key"), true)); err != nil {
		return err
	}
	_, e1 := conn.Exec(ctx, "SELECT * FROM pgx_no_such_table")
	_, e2 := conn.Exec(ctx, "SELEC 1")
	_, e3 := scanOne[int32](ctx, conn, "SELECT 1 / $1::int4", 0)
	_, e4 := conn.Exec(ctx, "INSERT INTO pgx_err (id, name) VALUES ($1, $2)", 5, nil)
	if err := firstErr(expectPgError("undefined table", "42P01", e1), expectPgError("syntax error", "42601", e2),
		expectPgError("division by zero", "22012", e3), expectPgError("NOT NULL", "23502", e4)); err != nil {
		return err
	}
	v, err := scanOne[int32](ctx, conn, "SELECT $1::int4 + 1", 41)
	if err := firstErr(err, check("still usable", v, int32(42))); err != nil {
		return err
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	_, e5 := tx.Exec(ctx, "INSERT INTO pgx_err (id, name) VALUES (1, 'b')")
	_, e6 := tx.Exec(ctx, "SELECT 1")
	if err := firstErr(expectPgError("duplicate key in a transaction", "23505", e5),
		expectPgError("statement in the failed transaction", "25P02", e6), tx.Rollback(ctx)); err != nil {
		return err
	}
	count, err = scanOne[int64](ctx, conn, "SELECT count(*) FROM pgx_err")
	return firstErr(err, check("usable after rollback", count, int64(1)), exec(ctx, conn, "DROP TABLE pgx_err"))
}

func sPrepared(ctx context.Context, conn *pgx.Conn) error {
	if err := firstErr(exec(ctx, conn, "DROP TABLE IF EXISTS pgx_prep"),
		exec(ctx, conn, "CREATE TABLE pgx_prep (id integer PRIMARY KEY, label text, score float8)")); err != nil {
		return err
	}
	for i := 1; i <= 20; i++ {
		if err := exec(ctx, conn, "INSERT INTO pgx_prep (id, label, score) VALUES ($1, $2, $3)", i, fmt.Sprintf("l%d", i), float64(i)*1.5); err != nil {
			return err
		}
	}
	sd, err := conn.Prepare(ctx, "pick", "SELECT id, label, score FROM pgx_prep WHERE id > $1 AND label <> $2 ORDER BY id")
	if err != nil {
		return err
	}
	var fields []string
	for _, f := range sd.Fields {
		fields = append(fields, fmt.Sprintf("%s:%d", f.Name, f.DataTypeOID))
	}
	if err := firstErr(check("parameter OIDs", sd.ParamOIDs, []uint32{pgtype.Int4OID, pgtype.TextOID}),
		check("fields", fields, []string{"id:23", "label:25", "score:701"})); err != nil {
		return err
	}
	for _, low := range []int32{0, 10, 19} {
		rows, _ := conn.Query(ctx, "pick", low, "l20")
		ids, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (int32, error) {
			var id int32
			var label string
			var score float64
			err := row.Scan(&id, &label, &score)
			return id, err
		})
		if err != nil {
			return err
		}
		want := []int32{}
		for i := low + 1; i < 20; i++ {
			want = append(want, i)
		}
		if err := check(fmt.Sprintf("id > %d", low), ids, want); err != nil {
			return err
		}
	}
	// Every query execution mode pgx offers, from cached statements to the simple protocol.
	modes := map[string]pgx.QueryExecMode{
		"cache-statement": pgx.QueryExecModeCacheStatement, "cache-describe": pgx.QueryExecModeCacheDescribe,
		"describe-exec": pgx.QueryExecModeDescribeExec, "exec": pgx.QueryExecModeExec, "simple-protocol": pgx.QueryExecModeSimpleProtocol,
	}
	for name, mode := range modes {
		var label string
		var score float64
		if err := conn.QueryRow(ctx, "SELECT label, score FROM pgx_prep WHERE id = $1", mode, int32(5)).Scan(&label, &score); err != nil {
			return fmt.Errorf("mode %s: %w", name, err)
		}
		if err := firstErr(check(name+" label", label, "l5"), check(name+" score", score, 7.5)); err != nil {
			return err
		}
	}
	return firstErr(conn.Deallocate(ctx, "pick"), exec(ctx, conn, "DROP TABLE pgx_prep"))
}

func sBatch(ctx context.Context, conn *pgx.Conn) error {
	if err := firstErr(exec(ctx, conn, "DROP TABLE IF EXISTS pgx_batch"),
		exec(ctx, conn, "CREATE TABLE pgx_batch (id integer PRIMARY KEY, label text)")); err != nil {
		return err
	}
	// A batch pipelines Parse/Describe/Bind/Execute for every query before one Sync.
	batch := &pgx.Batch{}
	for i := 1; i <= 100; i++ {
		batch.Queue("INSERT INTO pgx_batch (id, label) VALUES ($1, $2)", i, fmt.Sprintf("b%d", i))
	}
	batch.Queue("SELECT count(*) FROM pgx_batch")
	results := conn.SendBatch(ctx, batch)
	for i := 1; i <= 100; i++ {
		if _, err := results.Exec(); err != nil {
			results.Close()
			return fmt.Errorf("batch insert %d: %w", i, err)
		}
	}
	var count int64
	if err := results.QueryRow().Scan(&count); err != nil {
		results.Close()
		return err
	}
	if err := firstErr(results.Close(), check("count in the batch", count, int64(100))); err != nil {
		return err
	}
	return exec(ctx, conn, "DROP TABLE pgx_batch")
}

func sCopyFrom(ctx context.Context, conn *pgx.Conn) error {
	if err := firstErr(exec(ctx, conn, "DROP TABLE IF EXISTS pgx_copy"),
		exec(ctx, conn, "CREATE TABLE pgx_copy (id integer, name text, amount float8)")); err != nil {
		return err
	}
	var rows [][]any
	for i := 1; i <= 100; i++ {
		rows = append(rows, []any{int32(i), fmt.Sprintf("c%d", i), float64(i) / 2})
	}
	n, err := conn.CopyFrom(ctx, pgx.Identifier{"pgx_copy"}, []string{"id", "name", "amount"}, pgx.CopyFromRows(rows))
	if err != nil {
		return fmt.Errorf("CopyFrom: %w", err)
	}
	sum, err := scanOne[int64](ctx, conn, "SELECT sum(id) FROM pgx_copy")
	return firstErr(err, check("copied rows", n, int64(100)), check("sum", sum, int64(5050)), exec(ctx, conn, "DROP TABLE pgx_copy"))
}

func sCopyTo(ctx context.Context, conn *pgx.Conn) error {
	var out bytes.Buffer
	tag, err := conn.PgConn().CopyTo(ctx, &out, "COPY (SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2, NULL) TO STDOUT")
	if err != nil {
		return err
	}
	return firstErr(check("COPY tag", tag.String(), "COPY 2"), check("COPY data", out.String(), "1\tx\n2\t\\N\n"))
}

func sLoadType(ctx context.Context, conn *pgx.Conn) error {
	// pgx's own catalog lookup: LoadType queries pg_type (and its element/array types).
	dt, err := conn.LoadType(ctx, "_int4")
	if err != nil {
		return fmt.Errorf("LoadType(_int4): %w", err)
	}
	if err := check("loaded OID", dt.OID, uint32(pgtype.Int4ArrayOID)); err != nil {
		return err
	}
	conn.TypeMap().RegisterType(dt)
	got, err := scanOne[[]int32](ctx, conn, "SELECT $1::int4[]", []int32{7, 8})
	return firstErr(err, check("int4[] with the loaded type", got, []int32{7, 8}))
}

func sNumericWide(ctx context.Context, conn *pgx.Conn) error {
	const wide = "123456789012345678901234567890.123"
	lit, err := scanOne[pgtype.Numeric](ctx, conn, "SELECT '"+wide+"'::numeric")
	if err != nil {
		return err
	}
	param, err := scanOne[pgtype.Numeric](ctx, conn, "SELECT $1::numeric", numeric(wide))
	if err != nil {
		return err
	}
	nan, err := scanOne[pgtype.Numeric](ctx, conn, "SELECT 'NaN'::numeric")
	if err != nil {
		return err
	}
	return firstErr(check("literal", numericText(lit), wide), check("parameter", numericText(param), wide),
		check("NaN", nan.NaN, true))
}

func sInsertWithoutColumns(ctx context.Context, conn *pgx.Conn) error {
	if err := firstErr(exec(ctx, conn, "DROP TABLE IF EXISTS pgx_nocols"),
		exec(ctx, conn, "CREATE TABLE pgx_nocols (id bigint PRIMARY KEY, qty integer, price float8, ok boolean, at timestamptz)")); err != nil {
		return err
	}
	sd, err := conn.Prepare(ctx, "nocols", "INSERT INTO pgx_nocols VALUES ($1, $2, $3, $4, $5)")
	if err != nil {
		return err
	}
	if err := check("parameter OIDs", sd.ParamOIDs, []uint32{pgtype.Int8OID, pgtype.Int4OID, pgtype.Float8OID, pgtype.BoolOID, pgtype.TimestamptzOID}); err != nil {
		return err
	}
	at := time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC)
	if err := exec(ctx, conn, "INSERT INTO pgx_nocols VALUES ($1, $2, $3, $4, $5)", int64(1), int32(2), 3.5, true, at); err != nil {
		return err
	}
	var got time.Time
	if err := conn.QueryRow(ctx, "SELECT at FROM pgx_nocols").Scan(&got); err != nil {
		return err
	}
	return firstErr(check("timestamptz", got.UTC(), at), exec(ctx, conn, "DROP TABLE pgx_nocols"))
}

var scenarios = []scenario{
	{"connect", sConnect},
	{"ddl", sDDL},
	{"crud", sCRUD},
	{"types", sTypes},
	{"transaction-commit", sTransactionCommit},
	{"transaction-rollback", sTransactionRollback},
	{"errors", sErrors},
	{"prepared", sPrepared},
	{"batch", sBatch},
	{"copy-from", sCopyFrom},
	{"copy-to", sCopyTo},
	{"load-type", sLoadType},
	{"numeric-wide", sNumericWide},
	{"insert-without-columns", sInsertWithoutColumns},
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func runScenario(s scenario) (err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	conn, err := connect(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(context.Background())
	return s.run(ctx, conn)
}

func main() {
	byName := map[string]scenario{}
	var names []string
	for _, s := range scenarios {
		byName[s.name] = s
		names = append(names, s.name)
	}
	if len(os.Args) > 1 {
		names = os.Args[1:]
	}
	ok, failed := 0, 0
	for _, name := range names {
		s, found := byName[name]
		var err error
		if !found {
			err = errors.New("no such scenario")
		} else {
			err = runScenario(s)
		}
		if err != nil {
			detail := err.Error()
			var pgErr *pgconn.PgError
			if errors.As(err, &pgErr) {
				detail = fmt.Sprintf("[SQLSTATE %s] %s", pgErr.Code, detail)
			}
			fmt.Printf("FAIL %s: %s\n", name, oneLine(detail))
			failed++
		} else {
			fmt.Printf("ok %s\n", name)
			ok++
		}
	}
	fmt.Printf("done ok=%d failed=%d\n", ok, failed)
	if failed > 0 {
		os.Exit(1)
	}
}
