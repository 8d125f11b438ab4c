/**
 * The input and binary-format errors PostgreSQL raises from type I/O functions, with its exact
 * wording and SQLSTATEs, so clients that match on either behave as they would against PostgreSQL.
 */
import { PgError } from '../pg-error.js';
import { SqlState } from '../sqlstate.js';

/** 22P02 invalid input syntax for type X: "input" */
export function invalidSyntax(typeName: string, input: string): PgError {
  return new PgError({
    code: SqlState.invalidTextRepresentation,
    message: `invalid input syntax for type ${typeName}: "${input}"`,
  });
}

/** 22P02 invalid input syntax for type X, without the value (bytea words it so). */
export function invalidSyntaxBare(typeName: string): PgError {
  return new PgError({ code: SqlState.invalidTextRepresentation, message: `invalid input syntax for type ${typeName}` });
}

/** 22003 value "input" is out of range for type X (integers, oid). */
export function valueOutOfRange(typeName: string, input: string): PgError {
  return new PgError({
    code: SqlState.numericValueOutOfRange,
    message: `value "${input}" is out of range for type ${typeName}`,
  });
}

/** 22003 "input" is out of range for type X (floats word it without "value"). */
export function floatOutOfRange(typeName: string, input: string): PgError {
  return new PgError({
    code: SqlState.numericValueOutOfRange,
    message: `"${input}" is out of range for type ${typeName}`,
  });
}

/** 22003 with a free-form message (numeric overflow, binary values out of range). */
export function outOfRange(message: string): PgError {
  return new PgError({ code: SqlState.numericValueOutOfRange, message });
}

/** 22007 invalid input syntax for a date/time type. */
export function invalidDatetime(typeName: string, input: string): PgError {
  return new PgError({
    code: SqlState.invalidDatetimeFormat,
    message: `invalid input syntax for type ${typeName}: "${input}"`,
  });
}

/** 22008 date/time field value out of range: "input" (PostgreSQL adds a DateStyle hint). */
export function datetimeFieldOverflow(input: string, hint = false): PgError {
  return new PgError({
    code: SqlState.datetimeFieldOverflow,
    message: `date/time field value out of range: "${input}"`,
    hint: hint ? 'Perhaps you need a different "datestyle" setting.' : undefined,
  });
}

/** 22008 with a free-form message ("date out of range: ...", "timestamp out of range", ...). */
export function datetimeOverflow(message: string): PgError {
  return new PgError({ code: SqlState.datetimeFieldOverflow, message });
}

/** 22P02 malformed array literal: "input" with PostgreSQL's detail line. */
export function malformedArray(input: string, detail: string): PgError {
  return new PgError({
    code: SqlState.invalidTextRepresentation,
    message: `malformed array literal: "${input}"`,
    detail,
  });
}

/** 22P02 invalid input syntax for type json, with the parser's detail line. */
export function invalidJson(detail: string): PgError {
  return new PgError({
    code: SqlState.invalidTextRepresentation,
    message: 'invalid input syntax for type json',
    detail,
  });
}

/**
 * 08P01: a binary value shorter than its type needs. PostgreSQL reports this from its message
 * reader, hence the protocol-violation code.
 */
export function insufficientData(): PgError {
  return new PgError({ code: SqlState.protocolViolation, message: 'insufficient data left in message' });
}

/**
 * 22P03: bytes left over after a binary value, or a malformed binary value. PostgreSQL appends
 * the parameter number ("... in bind parameter 2"); callers that know it may rewrap the error.
 */
export function invalidBinary(message = 'incorrect binary data format in bind parameter'): PgError {
  return new PgError({ code: SqlState.invalidBinaryRepresentation, message });
}

/** 22023 invalid_parameter_value with a free-form message (bad hex digits, unknown time zones). */
export function invalidParameterValue(message: string): PgError {
  return new PgError({ code: SqlState.invalidParameterValue, message });
}

/** 0A000 for type I/O this server does not implement. */
export function notSupported(message: string): PgError {
  return new PgError({ code: SqlState.featureNotSupported, message });
}
