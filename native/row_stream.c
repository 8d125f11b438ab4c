/*
 * row_stream: reads a statement's rows on the thread that owns its connection and writes them
 * straight into wire bytes — text-format DataRow messages or COPY TO text-format CopyData
 * messages — so a large result never crosses into JavaScript row by row (better-sqlite3 costs
 * ~1 µs per row there, the JavaScript encoders another ~0.5 µs).
 *
 * The caller (src/storage/worker/native-row-stream.ts) decides per statement that every result
 * column has an encoder here (see the K_* kinds); each encoder also checks the cell's storage
 * class and range, and a cell it cannot print exactly as the JavaScript encoder would (a REAL in
 * an integer column, an int4 out of range, invalid UTF-8, a numeric not in canonical form …)
 * hands the whole row back to JavaScript as values (status FALLBACK), which encodes it and calls
 * again. So the bytes are always the JavaScript encoder's; this is only a faster way to get them.
 *
 * The connection comes from the interrupt slot table (pgsqlite_interrupt.c) by the id the
 * JavaScript side already knows; the statement stays open between reads and is finalized by
 * close(), which must come before the connection closes (sqlite3_close refuses a connection with
 * open statements). sqlite3_interrupt on the connection (cancel, statement_timeout) stops a read
 * like any other statement: the read reports SQLITE_INTERRUPT.
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#include <node_api.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

sqlite3 *pgsqlite_connection_of_slot(long long id);

/* Column kinds; the numbers are shared with native-row-stream.ts. */
enum {
  K_INT2 = 1,
  K_INT4 = 2,
  K_INT8 = 3,
  K_OID = 4,
  K_TEXT = 5,            /* TEXT storage printed as stored (text, varchar, date, uuid, json …) */
  K_BPCHAR = 6,          /* TEXT blank-padded to `arg` characters */
  K_BOOL = 7,
  K_BYTEA = 8,
  K_NUMERIC = 9,         /* canonical TEXT; `arg` >= 0: exactly that many fraction digits */
  K_TIMESTAMPTZ_UTC = 10 /* TEXT already in UTC form ('…+00', '…+00 BC', ±infinity) */
};

enum { MODE_DATA_ROW = 0, MODE_COPY_TEXT = 1, MODE_COPY_CSV = 2 };
/* Set on a column's kind when CSV's FORCE_QUOTE applies to it. */
#define FORCE_QUOTE 0x100
enum { STATUS_MORE = 0, STATUS_DONE = 1, STATUS_FALLBACK = 2, STATUS_ERROR = 3 };

typedef struct {
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int columns;
  int *kinds;
  int *args;
  int mode;
  unsigned char delimiter;
  unsigned char quote;  /* CSV */
  unsigned char escape; /* CSV */
  char *null_text;
  size_t null_length;
  unsigned char *buf;
  size_t cap;
  size_t len;
  int done;
} RowStream;

/* ---- output buffer ---- */

static int reserve(RowStream *s, size_t more) {
  if (s->len + more <= s->cap) return 1;
  size_t cap = s->cap ? s->cap : 64 * 1024;
  while (cap < s->len + more) cap *= 2;
  unsigned char *grown = realloc(s->buf, cap);
  if (!grown) return 0;
  s->buf = grown;
  s->cap = cap;
  return 1;
}

static void put_int32(unsigned char *p, int32_t v) {
  uint32_t u = (uint32_t)v;
  p[0] = (unsigned char)(u >> 24);
  p[1] = (unsigned char)(u >> 16);
  p[2] = (unsigned char)(u >> 8);
  p[3] = (unsigned char)u;
}

/* ---- cell checks ---- */

/* Strict UTF-8 (no overlongs, no surrogates, at most U+10FFFF), as V8 accepts it unchanged. */
static int valid_utf8(const unsigned char *p, size_t n, size_t *chars) {
  size_t i = 0, count = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) { i++; count++; continue; }
    if (c >= 0xc2 && c <= 0xdf) {
      if (i + 1 >= n || (p[i + 1] & 0xc0) != 0x80) return 0;
      i += 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      if (i + 2 >= n || (p[i + 1] & 0xc0) != 0x80 || (p[i + 2] & 0xc0) != 0x80) return 0;
      if (c == 0xe0 && p[i + 1] < 0xa0) return 0;
      if (c == 0xed && p[i + 1] >= 0xa0) return 0;
      i += 3;
    } else if (c >= 0xf0 && c <= 0xf4) {
      if (i + 3 >= n || (p[i + 1] & 0xc0) != 0x80 || (p[i + 2] & 0xc0) != 0x80 || (p[i + 3] & 0xc0) != 0x80) return 0;
      if (c == 0xf0 && p[i + 1] < 0x90) return 0;
      if (c == 0xf4 && p[i + 1] >= 0x90) return 0;
      i += 4;
    } else {
      return 0;
    }
    count++;
  }
  if (chars) *chars = count;
  return 1;
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/*
 * looksCanonicalNumeric (src/protocol/types/numeric.ts), and when scale >= 0 also exactly
 * `scale` fraction digits (what withScale leaves unchanged). Anything else goes to JavaScript.
 */
static int canonical_numeric(const unsigned char *s, size_t n, int scale) {
  if (scale < 0 && ((n == 3 && !memcmp(s, "NaN", 3)) || (n == 8 && !memcmp(s, "Infinity", 8)) || (n == 9 && !memcmp(s, "-Infinity", 9)))) return 1;
  size_t i = (n > 0 && s[0] == '-') ? 1 : 0;
  size_t start = i;
  while (i < n && is_digit(s[i])) i++;
  if (i == start || (s[start] == '0' && i - start > 1)) return 0;
  if (i == n) {
    if (n == 2 && s[0] == '-' && s[1] == '0') return 0;
    return scale <= 0;
  }
  if (s[i] != '.') return 0;
  size_t f = ++i;
  while (i < n && is_digit(s[i])) i++;
  if (i != n || i == f) return 0;
  if (scale < 0) return 1;
  /* withScale drops the sign of a value that is all zeros ('-0.00' → '0.00'). */
  if (s[0] == '-') {
    int nonzero = 0;
    for (size_t k = 1; k < n; k++) if (s[k] >= '1' && s[k] <= '9') nonzero = 1;
    if (!nonzero) return 0;
  }
  return (int)(n - f) == scale;
}

/* '…+00' or '…+00 BC' or ±infinity: what timestamptz output prints unchanged in UTC. */
static int utc_timestamptz(const unsigned char *s, size_t n) {
  if ((n == 8 && !memcmp(s, "infinity", 8)) || (n == 9 && !memcmp(s, "-infinity", 9))) return 1;
  size_t end = (n >= 3 && !memcmp(s + n - 3, " BC", 3)) ? n - 3 : n;
  return end >= 3 && s[end - 3] == '+' && s[end - 2] == '0' && s[end - 1] == '0';
}

/* ---- cell encoding: text form of one non-null cell into out (at most `room` bytes) ---- */

/* "00" … "99": integers are printed two digits per division. */
static const char digit_pairs[201] =
  "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
  "8081828384858687888990919293949596979899";

/*
 * The text of cell i (value v, of storage class `type`), written at s->buf + s->len (reserving
 * as needed); returns its length, or -1 when the cell must go to JavaScript, or -2 when out of
 * memory. The cell is read through its sqlite3_value (one sqlite3_column_value per cell): each
 * sqlite3_column_* call looks the column up again and calls the mutex functions, and with two
 * or three of them per cell they took ~15 % of the cursor worker's time (perf, 10M rows).
 */
static long long cell_text(RowStream *s, int i, sqlite3_value *v, int type, int escape) {
  int kind = s->kinds[i] & 0xff;
  char digits[24];
  const unsigned char *text = NULL;
  size_t n = 0;
  size_t pad = 0;
  switch (kind) {
    case K_INT2: case K_INT4: case K_INT8: case K_OID: {
      if (type != SQLITE_INTEGER) return -1;
      sqlite3_int64 x = sqlite3_value_int64(v);
      if (kind == K_INT2 && (x < -32768 || x > 32767)) return -1;
      if (kind == K_INT4 && (x < INT32_MIN || x > INT32_MAX)) return -1;
      if (kind == K_OID && (x < INT32_MIN || x > 4294967295LL)) return -1;
      /* Digits from the end, two at a time; the magnitude as unsigned so INT64_MIN works. */
      uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
      char *p = digits + sizeof digits;
      while (m >= 100) {
        const char *pair = digit_pairs + 2 * (m % 100);
        m /= 100;
        *--p = pair[1];
        *--p = pair[0];
      }
      if (m >= 10) {
        *--p = digit_pairs[2 * m + 1];
        *--p = digit_pairs[2 * m];
      } else {
        *--p = (char)('0' + m);
      }
      if (x < 0) *--p = '-';
      n = (size_t)(digits + sizeof digits - p);
      if (!reserve(s, n)) return -2;
      memcpy(s->buf + s->len, p, n);
      return (long long)n;
    }
    case K_BOOL: {
      if (type != SQLITE_INTEGER) return -1;
      if (!reserve(s, 1)) return -2;
      s->buf[s->len] = sqlite3_value_int64(v) != 0 ? 't' : 'f';
      return 1;
    }
    case K_BYTEA: {
      if (type != SQLITE_BLOB) return -1;
      const unsigned char *b = sqlite3_value_blob(v);
      size_t bn = (size_t)sqlite3_value_bytes(v);
      static const char hex[] = "0123456789abcdef";
      /* COPY text doubles the backslash of '\x'. */
      size_t prefix = escape ? 3 : 2;
      if (!reserve(s, prefix + 2 * bn)) return -2;
      unsigned char *o = s->buf + s->len;
      *o++ = '\\';
      if (escape) *o++ = '\\';
      *o++ = 'x';
      for (size_t k = 0; k < bn; k++) {
        *o++ = (unsigned char)hex[b[k] >> 4];
        *o++ = (unsigned char)hex[b[k] & 15];
      }
      return (long long)(prefix + 2 * bn);
    }
    case K_TEXT: case K_BPCHAR: case K_NUMERIC: case K_TIMESTAMPTZ_UTC: {
      if (type != SQLITE_TEXT) return -1;
      text = sqlite3_value_text(v);
      n = (size_t)sqlite3_value_bytes(v);
      if (text == NULL) return -2;
      if (kind == K_NUMERIC) {
        if (!canonical_numeric(text, n, s->args[i])) return -1;
      } else if (kind == K_TIMESTAMPTZ_UTC) {
        if (!utc_timestamptz(text, n)) return -1;
      } else {
        size_t chars = 0;
        if (!valid_utf8(text, n, &chars)) return -1;
        if (kind == K_BPCHAR && s->args[i] > 0 && chars < (size_t)s->args[i]) pad = (size_t)s->args[i] - chars;
      }
      break;
    }
    default:
      return -1;
  }
  if (!escape) {
    if (!reserve(s, n + pad)) return -2;
    memcpy(s->buf + s->len, text, n);
    memset(s->buf + s->len + n, ' ', pad);
    return (long long)(n + pad);
  }
  /* COPY text format: backslash, the delimiter and \b \t \n \v \f \r escaped (copy-row-encoder.ts). */
  if (!reserve(s, 2 * n + pad)) return -2;
  unsigned char *o = s->buf + s->len;
  unsigned char d = s->delimiter;
  for (size_t k = 0; k < n; k++) {
    unsigned char c = text[k];
    if (c == '\\' || (c >= 8 && c <= 13) || c == d) {
      *o++ = '\\';
      switch (c) {
        case '\b': *o++ = 'b'; break;
        case '\t': *o++ = 't'; break;
        case '\n': *o++ = 'n'; break;
        case '\v': *o++ = 'v'; break;
        case '\f': *o++ = 'f'; break;
        case '\r': *o++ = 'r'; break;
        default: *o++ = c;
      }
    } else {
      *o++ = c;
    }
  }
  memset(o, ' ', pad);
  o += pad;
  return (long long)(o - (s->buf + s->len));
}

/*
 * CSV: the n bytes just written at s->len, quoted when copy-row-encoder.ts's csvValue would quote
 * them (forced; equal to the NULL string; `\.` as the only column; containing the delimiter,
 * the quote, CR or LF), with each quote and escape character preceded by the escape character.
 * Returns the new length, or -2 when out of memory.
 */
static long long csv_value(RowStream *s, size_t n, int forced, int single) {
  unsigned char *v = s->buf + s->len;
  int quote = forced || (n == s->null_length && memcmp(v, s->null_text, n) == 0) || (single && n == 2 && v[0] == '\\' && v[1] == '.');
  size_t extra = 0;
  for (size_t k = 0; k < n; k++) {
    unsigned char c = v[k];
    if (c == s->delimiter || c == s->quote || c == '\n' || c == '\r') quote = 1;
    if (c == s->quote || c == s->escape) extra++;
  }
  if (!quote) return (long long)n;
  /* Room for the quoted value and, after it, a copy of the original to read from. */
  if (!reserve(s, 2 * n + extra + 2)) return -2;
  v = s->buf + s->len;
  unsigned char *original = v + n + extra + 2;
  memcpy(original, v, n);
  unsigned char *o = v;
  *o++ = s->quote;
  for (size_t k = 0; k < n; k++) {
    unsigned char c = original[k];
    if (c == s->quote || c == s->escape) *o++ = s->escape;
    *o++ = c;
  }
  *o++ = s->quote;
  return (long long)(o - v);
}

/*
 * Appends the current row. Returns 1 when written, 0 when a cell must go to JavaScript (nothing
 * written), -1 when out of memory.
 */
static int encode_row(RowStream *s) {
  size_t start = s->len;
  int cols = s->columns;
  if (s->mode == MODE_DATA_ROW) {
    if (!reserve(s, 7)) return -1;
    s->buf[s->len] = 'D';
    s->buf[s->len + 5] = (unsigned char)(cols >> 8);
    s->buf[s->len + 6] = (unsigned char)cols;
    s->len += 7;
    for (int i = 0; i < cols; i++) {
      if (!reserve(s, 4)) goto oom;
      size_t at = s->len;
      sqlite3_value *v = sqlite3_column_value(s->stmt, i);
      int type = sqlite3_value_type(v);
      if (type == SQLITE_NULL) {
        put_int32(s->buf + at, -1);
        s->len += 4;
        continue;
      }
      s->len += 4;
      long long n = cell_text(s, i, v, type, 0);
      if (n == -1) goto fallback;
      if (n < 0) goto oom;
      put_int32(s->buf + at, (int32_t)n);
      s->len += (size_t)n;
    }
    put_int32(s->buf + start + 1, (int32_t)(s->len - start - 1));
    return 1;
  }
  /* CopyData: 'd', length, one text or CSV line. */
  if (!reserve(s, 5)) return -1;
  s->buf[s->len] = 'd';
  s->len += 5;
  for (int i = 0; i < cols; i++) {
    if (i > 0) {
      if (!reserve(s, 1)) goto oom;
      s->buf[s->len++] = s->delimiter;
    }
    sqlite3_value *v = sqlite3_column_value(s->stmt, i);
    int type = sqlite3_value_type(v);
    if (type == SQLITE_NULL) {
      if (!reserve(s, s->null_length)) goto oom;
      memcpy(s->buf + s->len, s->null_text, s->null_length);
      s->len += s->null_length;
      continue;
    }
    long long n = cell_text(s, i, v, type, s->mode == MODE_COPY_TEXT);
    if (n == -1) goto fallback;
    if (n >= 0 && s->mode == MODE_COPY_CSV) n = csv_value(s, (size_t)n, (s->kinds[i] & FORCE_QUOTE) != 0, cols == 1);
    if (n < 0) goto oom;
    s->len += (size_t)n;
  }
  if (!reserve(s, 1)) goto oom;
  s->buf[s->len++] = '\n';
  put_int32(s->buf + start + 1, (int32_t)(s->len - start - 1));
  return 1;
fallback:
  s->len = start;
  return 0;
oom:
  s->len = start;
  return -1;
}

/* ---- Node-API glue ---- */

static void finalize_stream(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  RowStream *s = (RowStream *)data;
  /* close() normally ran; a forgotten stream leaks its statement rather than touching a connection that may be gone. */
  free(s->kinds);
  free(s->args);
  free(s->null_text);
  free(s->buf);
  free(s);
}

static RowStream *stream_of(napi_env env, napi_value value) {
  void *data = NULL;
  if (napi_get_value_external(env, value, &data) != napi_ok || data == NULL) {
    napi_throw_type_error(env, NULL, "not a row stream");
    return NULL;
  }
  return (RowStream *)data;
}

static int bind_params(napi_env env, sqlite3_stmt *stmt, napi_value params) {
  uint32_t count = 0;
  napi_get_array_length(env, params, &count);
  for (uint32_t k = 0; k < count; k++) {
    napi_value v;
    napi_valuetype t;
    napi_get_element(env, params, k, &v);
    napi_typeof(env, v, &t);
    int index = (int)k + 1;
    int rc = SQLITE_OK;
    if (t == napi_null || t == napi_undefined) {
      rc = sqlite3_bind_null(stmt, index);
    } else if (t == napi_number) {
      /* As better-sqlite3 binds a JavaScript number: always REAL. */
      double d;
      napi_get_value_double(env, v, &d);
      rc = sqlite3_bind_double(stmt, index, d);
    } else if (t == napi_bigint) {
      int64_t i64;
      bool lossless;
      napi_get_value_bigint_int64(env, v, &i64, &lossless);
      if (!lossless) return 0;
      rc = sqlite3_bind_int64(stmt, index, i64);
    } else if (t == napi_string) {
      size_t len;
      napi_get_value_string_utf8(env, v, NULL, 0, &len);
      char *text = malloc(len + 1);
      if (!text) return 0;
      napi_get_value_string_utf8(env, v, text, len + 1, &len);
      rc = sqlite3_bind_text(stmt, index, text, (int)len, free);
    } else {
      bool is_typed = false;
      napi_is_typedarray(env, v, &is_typed);
      if (!is_typed) return 0;
      napi_typedarray_type ta;
      size_t length;
      void *data;
      napi_get_typedarray_info(env, v, &ta, &length, &data, NULL, NULL);
      if (ta != napi_uint8_array) return 0;
      rc = sqlite3_bind_blob(stmt, index, length ? data : "", (int)length, SQLITE_TRANSIENT);
    }
    /* A value for a parameter the statement does not have is ignored, as better-sqlite3 ignores it. */
    if (rc != SQLITE_OK && rc != SQLITE_RANGE) return 0;
  }
  return 1;
}

/*
 * open(slotId, sql, params, kinds: Int32Array, args: Int32Array, mode, characters, nullText);
 * characters: the delimiter byte, and for CSV the quote byte << 8 and the escape byte << 16.
 */
static napi_value stream_open(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 8) {
    napi_throw_type_error(env, NULL, "open() takes 8 arguments");
    return NULL;
  }
  double slot;
  napi_get_value_double(env, argv[0], &slot);
  sqlite3 *db = pgsqlite_connection_of_slot((long long)slot);
  if (db == NULL) {
    napi_throw_error(env, NULL, "row stream: the connection is closed");
    return NULL;
  }
  size_t sql_len;
  napi_get_value_string_utf8(env, argv[1], NULL, 0, &sql_len);
  char *sql = malloc(sql_len + 1);
  napi_get_value_string_utf8(env, argv[1], sql, sql_len + 1, &sql_len);

  napi_typedarray_type ta;
  size_t kinds_len, args_len;
  void *kinds_data, *args_data;
  napi_get_typedarray_info(env, argv[3], &ta, &kinds_len, &kinds_data, NULL, NULL);
  napi_get_typedarray_info(env, argv[4], &ta, &args_len, &args_data, NULL, NULL);
  int32_t mode, delimiter;
  napi_get_value_int32(env, argv[5], &mode);
  napi_get_value_int32(env, argv[6], &delimiter);
  size_t null_len;
  napi_get_value_string_utf8(env, argv[7], NULL, 0, &null_len);

  RowStream *s = calloc(1, sizeof(RowStream));
  s->db = db;
  s->columns = (int)kinds_len;
  s->kinds = malloc(sizeof(int) * (kinds_len + 1));
  s->args = malloc(sizeof(int) * (kinds_len + 1));
  for (size_t k = 0; k < kinds_len; k++) {
    s->kinds[k] = ((int32_t *)kinds_data)[k];
    s->args[k] = k < args_len ? ((int32_t *)args_data)[k] : -1;
  }
  s->mode = mode;
  s->delimiter = (unsigned char)delimiter;
  s->quote = (unsigned char)(delimiter >> 8);
  s->escape = (unsigned char)(delimiter >> 16);
  s->null_text = malloc(null_len + 1);
  napi_get_value_string_utf8(env, argv[7], s->null_text, null_len + 1, &s->null_length);

  int rc = sqlite3_prepare_v2(db, sql, (int)sql_len, &s->stmt, NULL);
  free(sql);
  if (rc == SQLITE_OK && sqlite3_column_count(s->stmt) != s->columns) rc = SQLITE_MISUSE;
  if (rc == SQLITE_OK && !bind_params(env, s->stmt, argv[2])) rc = SQLITE_MISMATCH;
  if (rc == SQLITE_OK) {
    /* Fewer values than parameters: better-sqlite3's own error, not a silent NULL. */
    uint32_t given = 0;
    napi_get_array_length(env, argv[2], &given);
    if ((uint32_t)sqlite3_bind_parameter_count(s->stmt) > given) {
      char message[64];
      snprintf(message, sizeof message, "Missing named parameter \"%u\"", given + 1);
      sqlite3_finalize(s->stmt);
      s->stmt = NULL;
      finalize_stream(env, s, NULL);
      napi_throw_range_error(env, NULL, message);
      return NULL;
    }
  }
  if (rc != SQLITE_OK) {
    char message[512];
    snprintf(message, sizeof message, "row stream: %s", rc == SQLITE_MISUSE ? "column count differs" : rc == SQLITE_MISMATCH ? "a parameter could not be bound" : sqlite3_errmsg(db));
    sqlite3_finalize(s->stmt);
    s->stmt = NULL;
    finalize_stream(env, s, NULL);
    napi_throw_error(env, NULL, message);
    return NULL;
  }
  napi_value external;
  napi_create_external(env, s, finalize_stream, NULL, &external);
  return external;
}

/* The current row as values, as better-sqlite3 returns them with safeIntegers. */
static napi_value row_values(napi_env env, RowStream *s) {
  napi_value row;
  napi_create_array_with_length(env, (size_t)s->columns, &row);
  for (int i = 0; i < s->columns; i++) {
    napi_value v;
    switch (sqlite3_column_type(s->stmt, i)) {
      case SQLITE_INTEGER: napi_create_bigint_int64(env, sqlite3_column_int64(s->stmt, i), &v); break;
      case SQLITE_FLOAT: napi_create_double(env, sqlite3_column_double(s->stmt, i), &v); break;
      case SQLITE_TEXT: {
        const char *t = (const char *)sqlite3_column_text(s->stmt, i);
        napi_create_string_utf8(env, t ? t : "", (size_t)sqlite3_column_bytes(s->stmt, i), &v);
        break;
      }
      case SQLITE_BLOB: {
        const void *b = sqlite3_column_blob(s->stmt, i);
        size_t n = (size_t)sqlite3_column_bytes(s->stmt, i);
        napi_create_buffer_copy(env, n, n ? b : "", NULL, &v);
        break;
      }
      default: napi_get_null(env, &v);
    }
    napi_set_element(env, row, (uint32_t)i, v);
  }
  return row;
}

/*
 * read(stream, maxRows, maxBytes, encode) → [bytes: Buffer | null, rows, status, extra]
 * Steps while fewer than maxRows rows were read and fewer than maxBytes bytes written (a row is
 * started below the budget and may end past it, as the JavaScript encoders do). status DONE: no
 * rows remain; FALLBACK: extra is the row after `rows` as values, already read, for JavaScript to
 * encode; ERROR: extra is [extendedCode, message]. Without encode the rows are only counted.
 */
static napi_value stream_read(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  RowStream *s = stream_of(env, argv[0]);
  if (!s) return NULL;
  double max_rows_d, max_bytes_d;
  bool encode = true;
  napi_get_value_double(env, argv[1], &max_rows_d);
  napi_get_value_double(env, argv[2], &max_bytes_d);
  if (argc > 3) napi_get_value_bool(env, argv[3], &encode);
  double rows = 0;
  int status = STATUS_MORE;
  napi_value extra = NULL;
  s->len = 0;
  if (s->stmt == NULL || s->done) {
    status = STATUS_DONE;
  } else {
    /* No budget (0, negative, Infinity): only maxRows or the end stops the read. */
    size_t max_bytes = max_bytes_d > 0 && max_bytes_d < 1e15 ? (size_t)max_bytes_d : (size_t)-1;
    while (rows < max_rows_d && s->len < max_bytes) {
      int rc = sqlite3_step(s->stmt);
      if (rc == SQLITE_DONE) {
        s->done = 1;
        status = STATUS_DONE;
        break;
      }
      if (rc != SQLITE_ROW) {
        const char *message = sqlite3_errmsg(s->db);
        int code = sqlite3_extended_errcode(s->db);
        /* A JavaScript function of the statement threw: its exception is pending; let it propagate. */
        if ((code & 0xff) == SQLITE_ERROR && message != NULL && message[0] == 0) {
          s->done = 1;
          sqlite3_reset(s->stmt);
          return NULL;
        }
        napi_value pair, code_value, message_value;
        napi_create_array_with_length(env, 2, &pair);
        napi_create_int32(env, code, &code_value);
        napi_create_string_utf8(env, message ? message : "", NAPI_AUTO_LENGTH, &message_value);
        napi_set_element(env, pair, 0, code_value);
        napi_set_element(env, pair, 1, message_value);
        extra = pair;
        status = STATUS_ERROR;
        s->done = 1;
        sqlite3_reset(s->stmt);
        break;
      }
      if (!encode) {
        rows++;
        continue;
      }
      int written = encode_row(s);
      if (written < 0) {
        napi_throw_error(env, NULL, "row stream: out of memory");
        return NULL;
      }
      if (written == 0) {
        extra = row_values(env, s);
        status = STATUS_FALLBACK;
        break;
      }
      rows++;
    }
  }
  napi_value result, bytes, rows_value, status_value;
  if (s->len > 0) {
    /* A Buffer (its own ArrayBuffer, transferable): unlike napi_create_arraybuffer it is not zero-filled first. */
    void *data;
    napi_create_buffer(env, s->len, &data, &bytes);
    memcpy(data, s->buf, s->len);
  } else {
    napi_get_null(env, &bytes);
  }
  /* A huge row grew the buffer: give the memory back rather than keep it for the stream's life. */
  if (s->cap > 4 * 1024 * 1024) {
    free(s->buf);
    s->buf = NULL;
    s->cap = 0;
  }
  s->len = 0;
  napi_create_array_with_length(env, 4, &result);
  napi_create_double(env, rows, &rows_value);
  napi_create_int32(env, status, &status_value);
  napi_set_element(env, result, 0, bytes);
  napi_set_element(env, result, 1, rows_value);
  napi_set_element(env, result, 2, status_value);
  if (extra == NULL) napi_get_null(env, &extra);
  napi_set_element(env, result, 3, extra);
  return result;
}

/* close(stream): finalizes the statement; call before the connection closes. */
static napi_value stream_close(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  RowStream *s = stream_of(env, argv[0]);
  if (!s) return NULL;
  if (s->stmt) sqlite3_finalize(s->stmt);
  s->stmt = NULL;
  s->done = 1;
  free(s->buf);
  s->buf = NULL;
  s->cap = 0;
  return NULL;
}

void register_row_stream(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "rowStreamOpen", NAPI_AUTO_LENGTH, stream_open, NULL, &fn);
  napi_set_named_property(env, exports, "rowStreamOpen", fn);
  napi_create_function(env, "rowStreamRead", NAPI_AUTO_LENGTH, stream_read, NULL, &fn);
  napi_set_named_property(env, exports, "rowStreamRead", fn);
  napi_create_function(env, "rowStreamClose", NAPI_AUTO_LENGTH, stream_close, NULL, &fn);
  napi_set_named_property(env, exports, "rowStreamClose", fn);
}
