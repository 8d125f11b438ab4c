/**
 * Identifier and string-literal spelling for SQLite. PostgreSQL has already folded unquoted names
 * to lower case in the parse tree, so a name needs quotes exactly when SQLite would read it
 * differently bare: anything but [a-z_][a-z0-9_]*, or one of SQLite's keywords.
 */

/** Every keyword of SQLite's parser (https://www.sqlite.org/lang_keywords.html), lower case. */
const sqliteKeywords = new Set([
  'abort', 'action', 'add', 'after', 'all', 'alter', 'always', 'analyze', 'and', 'as', 'asc',
  'attach', 'autoincrement', 'before', 'begin', 'between', 'by', 'cascade', 'case', 'cast', 'check',
  'collate', 'column', 'commit', 'conflict', 'constraint', 'create', 'cross', 'current',
  'current_date', 'current_time', 'current_timestamp', 'database', 'default', 'deferrable',
  'deferred', 'delete', 'desc', 'detach', 'distinct', 'do', 'drop', 'each', 'else', 'end', 'escape',
  'except', 'exclude', 'exclusive', 'exists', 'explain', 'fail', 'filter', 'first', 'following',
  'for', 'foreign', 'from', 'full', 'generated', 'glob', 'group', 'groups', 'having', 'if', 'ignore',
  'immediate', 'in', 'index', 'indexed', 'initially', 'inner', 'insert', 'instead', 'intersect',
  'into', 'is', 'isnull', 'join', 'key', 'last', 'left', 'like', 'limit', 'match', 'materialized',
  'natural', 'no', 'not', 'nothing', 'notnull', 'null', 'nulls', 'of', 'offset', 'on', 'or', 'order',
  'others', 'outer', 'over', 'partition', 'plan', 'pragma', 'preceding', 'primary', 'query', 'raise',
  'range', 'recursive', 'references', 'regexp', 'reindex', 'release', 'rename', 'replace',
  'restrict', 'returning', 'right', 'rollback', 'row', 'rows', 'savepoint', 'select', 'set', 'table',
  'temp', 'temporary', 'then', 'ties', 'to', 'transaction', 'trigger', 'unbounded', 'union',
  'unique', 'update', 'using', 'vacuum', 'values', 'view', 'virtual', 'when', 'where', 'window',
  'with', 'without',
]);

export function isSqliteKeyword(word: string): boolean {
  return sqliteKeywords.has(word);
}

/** True when the name can be written bare: [a-z_][a-z0-9_]* and not a keyword. */
export function isPlainIdentifier(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const lower = c >= 97 && c <= 122;
    const underscore = c === 95;
    const digit = c >= 48 && c <= 57;
    if (!(lower || underscore || (digit && i > 0))) return false;
  }
  return !sqliteKeywords.has(name);
}

/** A name as SQLite must see it: bare when safe, else double-quoted with " doubled. */
export function quoteIdentifier(name: string): string {
  if (isPlainIdentifier(name)) return name;
  return '"' + doubleChar(name, '"') + '"';
}

/** A string literal: single quotes, embedded ' doubled (SQLite has no backslash escapes). */
export function quoteString(text: string): string {
  return "'" + doubleChar(text, "'") + "'";
}

function doubleChar(text: string, quote: string): string {
  if (text.indexOf(quote) < 0) return text;
  return text.split(quote).join(quote + quote);
}
