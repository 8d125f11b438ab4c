/*
 * Exact numeric columns in C: numeric values are kept as TEXT holding numeric_out's string
 * ('7.50', '-0.001', 'NaN', 'Infinity'), so SQLite would compare them as text. This part of the
 * extension (included once by pgsqlite_interrupt.c, after SQLITE_EXTENSION_INIT1) registers
 *   - the collation pgsqlite_numeric, which compares such strings by value: -Infinity, finite
 *     values, Infinity, NaN (PostgreSQL's order; NaN equals NaN), then anything that is not a
 *     number (by bytes, so the order stays total). '1.5' = '1.50', '-0' = '0'; exponents
 *     ('1.0e+20', SQLite's text for a large REAL) are read too. It allocates nothing;
 *   - pgsqlite_numeric_canonical(x, p, s): 1 when x is TEXT already in numeric_out's form for
 *     numeric(p, s) (exactly s fraction digits and at most p - s integer digits; p < 0 means
 *     unconstrained numeric), else 0. Input-check triggers use it as their fast path, so a row
 *     whose value needs rounding or checking is the only one that calls into JavaScript.
 */
#include <string.h>

enum { NUM_FINITE, NUM_NEG_INF, NUM_POS_INF, NUM_NAN, NUM_OTHER };

typedef struct {
  int kind;
  int negative;        /* finite non-zero values only */
  const unsigned char *first; /* first significant digit (NULL for zero) */
  const unsigned char *last;  /* last significant digit */
  long long exponent;  /* value = 0.d1d2d3… × 10^exponent */
} NumericText;

static int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Whether s[i..n) is `word` (lower case) followed only by blanks. */
static int word_then_blanks(const unsigned char *s, int i, int n, const char *word) {
  for (; *word; word++, i++) {
    if (i >= n || ascii_lower(s[i]) != *word) return 0;
  }
  while (i < n && s[i] == ' ') i++;
  return i == n;
}

static void parse_numeric_text(const unsigned char *s, int n, NumericText *out) {
  int i = 0;
  out->kind = NUM_OTHER;
  out->negative = 0;
  out->first = NULL;
  out->last = NULL;
  out->exponent = 0;
  while (i < n && s[i] == ' ') i++;
  int negative = 0;
  if (i < n && (s[i] == '-' || s[i] == '+')) {
    negative = s[i] == '-';
    i++;
  }
  if (i < n && (s[i] == 'N' || s[i] == 'n')) {
    if (word_then_blanks(s, i, n, "nan")) out->kind = NUM_NAN;
    return;
  }
  if (i < n && (s[i] == 'I' || s[i] == 'i')) {
    if (word_then_blanks(s, i, n, "infinity") || word_then_blanks(s, i, n, "inf")) out->kind = negative ? NUM_NEG_INF : NUM_POS_INF;
    return;
  }
  long long digits_before_point = 0;
  long long position = 0;       /* digits seen so far */
  long long first_position = -1;
  int seen_point = 0;
  int any_digit = 0;
  for (; i < n; i++) {
    unsigned char c = s[i];
    if (c >= '0' && c <= '9') {
      any_digit = 1;
      if (c != '0') {
        if (first_position < 0) {
          first_position = position;
          out->first = s + i;
        }
        out->last = s + i;
      }
      position++;
      if (!seen_point) digits_before_point++;
    } else if (c == '.' && !seen_point) {
      seen_point = 1;
    } else {
      break;
    }
  }
  if (!any_digit) return;
  long long exponent = 0;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    i++;
    int exponent_negative = 0;
    if (i < n && (s[i] == '-' || s[i] == '+')) {
      exponent_negative = s[i] == '-';
      i++;
    }
    int start = i;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
      if (exponent < 1000000000LL) exponent = exponent * 10 + (s[i] - '0');
    }
    if (i == start) return;
    if (exponent_negative) exponent = -exponent;
  }
  while (i < n && s[i] == ' ') i++;
  if (i != n) return;
  out->kind = NUM_FINITE;
  if (first_position < 0) return; /* zero: no sign, no digits */
  out->negative = negative;
  out->exponent = digits_before_point - first_position + exponent;
}

/* Compares the significant digits of two finite values with the same exponent. */
static int compare_digits(const NumericText *a, const NumericText *b) {
  const unsigned char *x = a->first;
  const unsigned char *y = b->first;
  for (;;) {
    int x_done = x > a->last;
    int y_done = y > b->last;
    if (x_done || y_done) return x_done && y_done ? 0 : x_done ? -1 : 1;
    if (*x == '.') { x++; continue; }
    if (*y == '.') { y++; continue; }
    if (*x != *y) return *x < *y ? -1 : 1;
    x++;
    y++;
  }
}

static int compare_numeric_texts(const NumericText *a, const NumericText *b) {
  if (a->kind != NUM_FINITE || b->kind != NUM_FINITE) {
    /* Ranks: -Infinity < finite < Infinity < NaN < not a number. */
    static const int rank[] = {1, 0, 2, 3, 4};
    return rank[a->kind] < rank[b->kind] ? -1 : rank[a->kind] > rank[b->kind] ? 1 : 0;
  }
  int sign_a = a->first == NULL ? 0 : a->negative ? -1 : 1;
  int sign_b = b->first == NULL ? 0 : b->negative ? -1 : 1;
  if (sign_a != sign_b) return sign_a < sign_b ? -1 : 1;
  if (sign_a == 0) return 0;
  int magnitude;
  if (a->exponent != b->exponent) magnitude = a->exponent < b->exponent ? -1 : 1;
  else magnitude = compare_digits(a, b);
  return sign_a < 0 ? -magnitude : magnitude;
}

static int numeric_collation(void *unused, int n1, const void *s1, int n2, const void *s2) {
  (void)unused;
  NumericText a, b;
  parse_numeric_text((const unsigned char *)s1, n1, &a);
  parse_numeric_text((const unsigned char *)s2, n2, &b);
  int c = compare_numeric_texts(&a, &b);
  if (c != 0 || a.kind != NUM_OTHER) return c;
  /* Two non-numbers: by bytes, shorter first on a common prefix. */
  int m = memcmp(s1, s2, n1 < n2 ? n1 : n2);
  return m != 0 ? m : n1 - n2;
}

/* Whether s[0..n) is numeric_out's text for numeric(precision, scale); precision < 0: unconstrained. */
static int is_canonical_numeric(const unsigned char *s, int n, int precision, int scale) {
  if (n == 3 && memcmp(s, "NaN", 3) == 0) return 1;
  if (precision < 0 && ((n == 8 && memcmp(s, "Infinity", 8) == 0) || (n == 9 && memcmp(s, "-Infinity", 9) == 0))) return 1;
  int i = 0;
  if (i < n && s[i] == '-') i++;
  int int_start = i;
  while (i < n && s[i] >= '0' && s[i] <= '9') i++;
  int int_digits = i - int_start;
  if (int_digits == 0) return 0;
  if (int_digits > 1 && s[int_start] == '0') return 0; /* leading zero */
  int nonzero = !(int_digits == 1 && s[int_start] == '0');
  int fraction_digits = 0;
  if (i < n && s[i] == '.') {
    i++;
    int frac_start = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
      if (s[i] != '0') nonzero = 1;
      i++;
    }
    fraction_digits = i - frac_start;
    if (fraction_digits == 0) return 0;
  }
  if (i != n) return 0;
  if (s[0] == '-' && !nonzero) return 0; /* numeric zero has no sign */
  if (precision < 0) return 1;
  if (fraction_digits != scale) return 0;
  int significant_int_digits = (int_digits == 1 && s[int_start] == '0') ? 0 : int_digits;
  return significant_int_digits <= precision - scale;
}

static void numeric_canonical_function(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
    sqlite3_result_int(ctx, 0);
    return;
  }
  const unsigned char *s = sqlite3_value_text(argv[0]);
  int n = sqlite3_value_bytes(argv[0]);
  sqlite3_result_int(ctx, s != NULL && is_canonical_numeric(s, n, sqlite3_value_int(argv[1]), sqlite3_value_int(argv[2])));
}

static int register_numeric_collation(sqlite3 *db) {
  int rc = sqlite3_create_collation_v2(db, "pgsqlite_numeric", SQLITE_UTF8, NULL, numeric_collation, NULL);
  if (rc != SQLITE_OK) return rc;
  return sqlite3_create_function_v2(db, "pgsqlite_numeric_canonical", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                    NULL, numeric_canonical_function, NULL, NULL, NULL);
}
