import { SqlState, type SqlStateCode } from './sqlstate.js';

export type Severity = 'ERROR' | 'FATAL' | 'PANIC' | 'WARNING' | 'NOTICE' | 'DEBUG' | 'INFO' | 'LOG';

export interface PgErrorFields {
  severity?: Severity;
  code: SqlStateCode;
  message: string;
  detail?: string;
  hint?: string;
  /** 1-based character position in the query string, as PostgreSQL reports it. */
  position?: number;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  dataType?: string;
  /** Context of the error (the CONTEXT line psql prints), e.g. "COPY t, line 3". */
  where?: string;
}

/**
 * An error as PostgreSQL reports it. Errors are data: the SQLSTATE decides how clients react,
 * so every failure that reaches a client goes through this class with a real code.
 */
export class PgError extends Error {
  readonly severity: Severity;
  readonly code: SqlStateCode;
  readonly detail?: string;
  readonly hint?: string;
  readonly position?: number;
  readonly schema?: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;
  readonly dataType?: string;
  readonly where?: string;

  constructor(fields: PgErrorFields, options?: { cause?: unknown }) {
    super(fields.message, options);
    this.name = 'PgError';
    this.severity = fields.severity ?? 'ERROR';
    this.code = fields.code;
    this.detail = fields.detail;
    this.hint = fields.hint;
    this.position = fields.position;
    this.schema = fields.schema;
    this.table = fields.table;
    this.column = fields.column;
    this.constraint = fields.constraint;
    this.dataType = fields.dataType;
    this.where = fields.where;
  }

  /** The same error with a position (used when a statement's offset in a multi-statement string is known). */
  withPosition(position: number | undefined): PgError {
    return new PgError({ ...this.fields(), position }, { cause: this.cause });
  }

  fields(): PgErrorFields {
    return {
      severity: this.severity, code: this.code, message: this.message, detail: this.detail,
      hint: this.hint, position: this.position, schema: this.schema, table: this.table,
      column: this.column, constraint: this.constraint, dataType: this.dataType, where: this.where,
    };
  }
}

/** Wraps anything thrown into a PgError; unknown failures become XX000 (internal_error). */
export function toPgError(err: unknown): PgError {
  if (err instanceof PgError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new PgError({ code: SqlState.internalError, message }, { cause: err });
}
