/**
 * Storage conventions: how each PostgreSQL type is kept in SQLite. This is the contract between
 * the wire codecs (decode-param.ts, encode-value.ts) and everything that reads or writes tables,
 * so changing a line here is a data-format change.
 *
 * SqliteValue is what better-sqlite3 accepts and returns. Integers are read back as bigint
 * (safeIntegers) but may also arrive as JS number; every reader accepts both. Writers produce
 * bigint for INTEGER storage, because better-sqlite3 binds every JS number as REAL.
 *
 * | PostgreSQL type              | SQLite storage                                                    |
 * |------------------------------|-------------------------------------------------------------------|
 * | bool                         | INTEGER 0 / 1                                                     |
 * | int2, int4, int8, oid        | INTEGER                                                           |
 * | float4, float8               | REAL; NaN as TEXT 'NaN' (SQLite turns a NaN REAL into NULL);      |
 * |                              | ±Infinity stay REAL. float4 is stored already rounded to float32. |
 * | numeric                      | TEXT, the canonical numeric_out string: '7.50', '-0.001', '0',    |
 * |                              | 'NaN', 'Infinity', '-Infinity' (scale kept, exponent expanded);   |
 * |                              | columns declared numeric_text(p,s) COLLATE pgsqlite_numeric       |
 * |                              | (TEXT affinity, compared by value); older files: NUMERIC affinity |
 * | text, varchar, bpchar, name  | TEXT (name truncated to 63 bytes like PostgreSQL)                 |
 * | "char"                       | TEXT, its output form: one ASCII char, '\ooo' for a high byte, '' |
 * | bytea                        | BLOB                                                              |
 * | date                         | TEXT 'YYYY-MM-DD', 'YYYY-MM-DD BC', 'infinity', '-infinity'       |
 * | time                         | TEXT 'HH:MM:SS[.ffffff]' (fraction's trailing zeros dropped,      |
 * |                              | '24:00:00' allowed)                                               |
 * | timestamp                    | TEXT 'YYYY-MM-DD HH:MM:SS[.ffffff][ BC]', 'infinity', '-infinity' |
 * | timestamptz                  | TEXT in UTC 'YYYY-MM-DD HH:MM:SS[.ffffff]+00[ BC]', ±infinity     |
 * | interval                     | TEXT in IntervalStyle 'postgres', whatever the session's style:   |
 * |                              | '1 year 2 mons 3 days 04:05:06.5', '-1 days +02:00:00',           |
 * |                              | '-00:00:01', '00:00:00'                                           |
 * | uuid                         | TEXT lowercase 8-4-4-4-12                                         |
 * | json                         | TEXT verbatim (validated)                                         |
 * | jsonb                        | TEXT as jsonb_out prints it: keys shorter-first then bytewise,    |
 * |                              | last duplicate wins, ', ' and ': ' separators, numbers as numeric |
 * | void                         | '' from void functions (printed empty, as PostgreSQL does); NULL  |
 * |                              | when a strict void function gets NULL                             |
 * | arrays (any element type)    | TEXT holding a JSON array of the elements' storage values, nested |
 * |                              | for more dimensions; SQL NULL elements are JSON null. See below.  |
 *
 * Array elements in the JSON (chosen so SQLite's json_* functions see natural values):
 * - bool: true / false
 * - int2/int4/int8/oid: JSON integers (exact; int8 beyond 2^53 is still written digit for digit)
 * - float4/float8: JSON numbers; NaN, Infinity, -Infinity as the strings "NaN", "Infinity", "-Infinity"
 * - numeric: JSON strings ("1.50") so scale and precision survive any JSON parser
 * - bytea: JSON strings in PostgreSQL's hex text form ("\\x0102")
 * - everything else (text, dates, times, interval, uuid, json, jsonb, "char"): JSON strings
 *   holding the element's TEXT storage value (json/jsonb elements are strings, not embedded
 *   JSON, so a JSON null element cannot be confused with a SQL NULL element)
 * Array lower bounds are always 1; other bounds are rejected on input.
 *
 * Sorting caveats: the TEXT forms of date/timestamp/timestamptz sort correctly as text only
 * for years 1..9999 AD; BC dates and infinities need a type-aware comparison. timestamptz
 * compares correctly as text because every value is stored in UTC with the same '+00'.
 *
 * Readers tolerate other storage classes in a column (SQLite does not enforce types): e.g.
 * a REAL in an integer column is rounded, INTEGER 1 in a bool column is true, numbers in
 * date/timestamp columns are Unix seconds, TEXT without offset in a timestamptz column is UTC
 * (what SQLite's datetime() writes), numbers in interval columns are seconds.
 */

/** A value as better-sqlite3 binds or returns it. */
export type SqliteValue = null | bigint | number | string | Buffer;

export type { TypeContext } from './type-context.js';
