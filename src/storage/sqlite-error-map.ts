import { PgError } from '../protocol/pg-error.js';
import { SqlState, type SqlStateCode } from '../protocol/sqlstate.js';

/**
 * SQLite result codes → SQLSTATE, as one data table. Extended codes are tried first, then the
 * primary code (the part before the second underscore group), then XX000.
 * https://www.sqlite.org/rescode.html
 */
const codeTable: Record<string, SqlStateCode> = {
  SQLITE_CONSTRAINT_UNIQUE: SqlState.uniqueViolation,
  SQLITE_CONSTRAINT_PRIMARYKEY: SqlState.uniqueViolation,
  SQLITE_CONSTRAINT_NOTNULL: SqlState.notNullViolation,
  SQLITE_CONSTRAINT_FOREIGNKEY: SqlState.foreignKeyViolation,
  SQLITE_CONSTRAINT_CHECK: SqlState.checkViolation,
  SQLITE_CONSTRAINT_TRIGGER: SqlState.integrityConstraintViolation,
  SQLITE_CONSTRAINT_DATATYPE: SqlState.datatypeMismatch,
  SQLITE_CONSTRAINT: SqlState.integrityConstraintViolation,
  SQLITE_BUSY: SqlState.lockNotAvailable,
  SQLITE_LOCKED: SqlState.lockNotAvailable,
  SQLITE_BUSY_SNAPSHOT: SqlState.serializationFailure,
  SQLITE_READONLY: SqlState.readOnlySqlTransaction,
  SQLITE_INTERRUPT: SqlState.queryCanceled,
  SQLITE_NOMEM: SqlState.outOfMemory,
  SQLITE_FULL: SqlState.diskFull,
  SQLITE_IOERR: SqlState.ioError,
  SQLITE_CORRUPT: SqlState.dataCorrupted,
  SQLITE_NOTADB: SqlState.dataCorrupted,
  SQLITE_CANTOPEN: SqlState.ioError,
  SQLITE_TOOBIG: SqlState.programLimitExceeded,
  SQLITE_MISMATCH: SqlState.datatypeMismatch,
  SQLITE_RANGE: SqlState.invalidParameterValue,
  SQLITE_AUTH: SqlState.insufficientPrivilege,
  SQLITE_PERM: SqlState.insufficientPrivilege,
};

/** Messages SQLite gives for a plain SQLITE_ERROR, by leading text. */
const messageTable: ReadonlyArray<[prefix: string, code: SqlStateCode]> = [
  ['no such table', SqlState.undefinedTable],
  ['no such view', SqlState.undefinedTable],
  ['no such column', SqlState.undefinedColumn],
  ['no such function', SqlState.undefinedFunction],
  ['no such index', SqlState.undefinedObject],
  ['no such savepoint', SqlState.invalidTransactionState],
  ['ambiguous column name', SqlState.ambiguousColumn],
  ['near ', SqlState.syntaxError],
  ['incomplete input', SqlState.syntaxError],
  ['unrecognized token', SqlState.syntaxError],
  ['duplicate column name', SqlState.duplicateColumn],
  ['wrong number of arguments', SqlState.undefinedFunction],
  ['integer overflow', SqlState.numericValueOutOfRange],
  ['cannot start a transaction within a transaction', SqlState.activeSqlTransaction],
  ['cannot commit - no transaction is active', SqlState.noActiveSqlTransaction],
  ['cannot rollback - no transaction is active', SqlState.noActiveSqlTransaction],
  ['too many SQL variables', SqlState.programLimitExceeded],
];

/** SQLite messages that name the problem mid-sentence. */
const messagePatterns: ReadonlyArray<[pattern: RegExp, code: SqlStateCode]> = [
  [/^table \S+ has \d+ columns but \d+ values were supplied/, SqlState.syntaxError],
  [/^table \S+ has no column named /, SqlState.undefinedColumn],
  [/^\d+\w* ORDER BY term out of range/, SqlState.invalidColumnReference],
];

const alreadyExists = /^(table|index|view|trigger) (\S+) already exists/;

/** A failure thrown by better-sqlite3 (or anything else) as the PgError a client should see. */
export function sqliteErrorToPgError(err: unknown): PgError {
  if (err instanceof PgError) return err;
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : undefined;
  const message = err instanceof Error ? err.message : String(err);
  // better-sqlite3's own check when a statement's parameters were not all given.
  if (err instanceof TypeError && message.startsWith('Missing named parameter')) {
    return new PgError({ code: SqlState.undefinedParameter, message: 'a parameter of the statement was not given a value' }, { cause: err });
  }
  if (!code || !code.startsWith('SQLITE_')) {
    return new PgError({ code: SqlState.internalError, message }, { cause: err });
  }
  if (code === 'SQLITE_INTERRUPT') {
    return new PgError({ code: SqlState.queryCanceled, message: 'canceling statement due to user request' }, { cause: err });
  }
  const exists = alreadyExists.exec(message);
  if (exists) {
    const kind = exists[1] === 'table' || exists[1] === 'view' || exists[1] === 'index' ? SqlState.duplicateTable : SqlState.duplicateObject;
    return new PgError({ code: kind, message: `relation "${exists[2]}" already exists` }, { cause: err });
  }
  let sqlState: SqlStateCode | undefined = codeTable[code];
  if (!sqlState) {
    const primary = code.split('_').slice(0, 2).join('_');
    sqlState = codeTable[primary];
  }
  if (!sqlState && code === 'SQLITE_ERROR') {
    sqlState = messageTable.find(([prefix]) => message.startsWith(prefix))?.[1] ?? messagePatterns.find(([pattern]) => pattern.test(message))?.[1];
  }
  return new PgError({ code: sqlState ?? SqlState.internalError, message: rewordConstraintMessage(code, message) }, { cause: err });
}

/** SQLite says "UNIQUE constraint failed: t.a"; PostgreSQL's wording is what drivers and people expect. */
function rewordConstraintMessage(code: string, message: string): string {
  const columns = message.replace(/^[A-Z ]+constraint failed: /, '');
  switch (code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return `duplicate key value violates unique constraint "${constraintName(columns, code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ? 'pkey' : 'key')}"`;
    case 'SQLITE_CONSTRAINT_NOTNULL': {
      const [table, column] = columns.split('.');
      return `null value in column "${column ?? table}" of relation "${table}" violates not-null constraint`;
    }
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return 'insert or update on table violates foreign key constraint';
    case 'SQLITE_CONSTRAINT_CHECK':
      return `new row violates check constraint "${columns}"`;
    default:
      return message;
  }
}

/** PostgreSQL's default constraint names: <table>_<col>[_<col>]_key, <table>_pkey. */
function constraintName(qualifiedColumns: string, suffix: 'pkey' | 'key'): string {
  const parts = qualifiedColumns.split(', ').map((c) => c.split('.'));
  const table = parts[0]?.[0] ?? 'table';
  if (suffix === 'pkey') return `${table}_pkey`;
  return `${table}_${parts.map((p) => p[1] ?? p[0]).join('_')}_key`;
}
