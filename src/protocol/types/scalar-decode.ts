/**
 * Input functions for non-array types: wire text or binary to the storage value described in
 * storage.ts. Types without a codec here (user types, OID 0) keep their text (or raw bytes
 * in binary), so values still reach SQLite untouched.
 */
import { PgError } from '../pg-error.js';
import { SqlState } from '../sqlstate.js';
import type { SqliteValue, TypeContext } from './storage.js';
import { TypeOid } from './oids.js';
import { parseBool } from './bool.js';
import { parseInt2, parseInt4, parseInt8, parseOid } from './integer.js';
import { parseFloat4, parseFloat8 } from './float.js';
import { numericFromBinary, parseNumeric } from './numeric.js';
import { parseByteaText } from './bytea.js';
import { charByteText, charTextByte, MAX_NAME_BYTES, truncateName } from './char-types.js';
import { dateFromBinary, dateTextToStorage } from './date.js';
import { timeFromBinary, timeTextToStorage } from './time.js';
import { timestampFromBinary, timestampTextToStorage, timestamptzFromBinary, timestamptzTextToStorage } from './timestamp.js';
import { intervalFromBinary } from './interval.js';
import { parseInterval } from './interval-input.js';
import { formatIntervalPostgres } from './interval-output.js';
import { parseUuid, uuidFromBinary } from './uuid.js';
import { normalizeJsonb, validateJson } from './json.js';
import { utf8Text } from './text-bytes.js';
import { insufficientData, invalidBinary, notSupported } from './errors.js';

/** Float storage: NaN as the TEXT 'NaN' because SQLite stores a NaN REAL as NULL. */
function floatStorage(v: number): number | string {
  return v !== v ? 'NaN' : v;
}

function recordInputError(): PgError {
  return notSupported('input of anonymous composite types is not implemented');
}

/** A text-format value of a scalar type to storage. */
export function decodeScalarText(oid: number, text: string, ctx: TypeContext): SqliteValue {
  switch (oid) {
    case TypeOid.text: case TypeOid.varchar: case TypeOid.bpchar: case TypeOid.unknown: case 0:
      return text;
    case TypeOid.int4: return parseInt4(text);
    case TypeOid.int8: return parseInt8(text);
    case TypeOid.int2: return parseInt2(text);
    case TypeOid.oid: return parseOid(text);
    case TypeOid.bool: return parseBool(text) ? 1n : 0n;
    case TypeOid.float8: return floatStorage(parseFloat8(text));
    case TypeOid.float4: return floatStorage(parseFloat4(text));
    case TypeOid.numeric: return parseNumeric(text);
    case TypeOid.name: return truncateName(text);
    case TypeOid.char: return charByteText(charTextByte(text));
    case TypeOid.bytea: return parseByteaText(text);
    case TypeOid.date: return dateTextToStorage(text, ctx);
    case TypeOid.time: return timeTextToStorage(text, ctx);
    case TypeOid.timestamp: return timestampTextToStorage(text, ctx);
    case TypeOid.timestamptz: return timestamptzTextToStorage(text, ctx);
    case TypeOid.interval: return formatIntervalPostgres(parseInterval(text, ctx.intervalStyle === 'sql_standard'));
    case TypeOid.uuid: return parseUuid(text);
    case TypeOid.json: validateJson(text); return text;
    case TypeOid.jsonb: return normalizeJsonb(text);
    case TypeOid.void: return null;
    case TypeOid.record: throw recordInputError();
    default: return text;
  }
}

function expectLength(data: Buffer, n: number): void {
  if (data.length < n) throw insufficientData();
  if (data.length > n) throw invalidBinary();
}

/** A binary-format value of a scalar type to storage. */
export function decodeScalarBinary(oid: number, data: Buffer, ctx: TypeContext): SqliteValue {
  switch (oid) {
    case TypeOid.text: case TypeOid.varchar: case TypeOid.bpchar: case TypeOid.unknown:
      return utf8Text(data);
    case TypeOid.int4: expectLength(data, 4); return BigInt(data.readInt32BE(0));
    case TypeOid.int8: expectLength(data, 8); return data.readBigInt64BE(0);
    case TypeOid.int2: expectLength(data, 2); return BigInt(data.readInt16BE(0));
    case TypeOid.oid: expectLength(data, 4); return BigInt(data.readUInt32BE(0));
    case TypeOid.bool: expectLength(data, 1); return data[0] !== 0 ? 1n : 0n;
    case TypeOid.float8: expectLength(data, 8); return floatStorage(data.readDoubleBE(0));
    case TypeOid.float4: expectLength(data, 4); return floatStorage(data.readFloatBE(0));
    case TypeOid.numeric: return numericFromBinary(data);
    case TypeOid.name: {
      const s = utf8Text(data);
      if (data.length > MAX_NAME_BYTES) {
        throw new PgError({
          code: SqlState.nameTooLong, message: 'identifier too long',
          detail: `Identifier must be less than ${MAX_NAME_BYTES + 1} characters.`,
        });
      }
      return s;
    }
    case TypeOid.char: expectLength(data, 1); return charByteText(data[0]!);
    case TypeOid.bytea: return Buffer.from(data);
    case TypeOid.date: return dateFromBinary(data);
    case TypeOid.time: return timeFromBinary(data);
    case TypeOid.timestamp: return timestampFromBinary(data);
    case TypeOid.timestamptz: return timestamptzFromBinary(data);
    case TypeOid.interval: return formatIntervalPostgres(intervalFromBinary(data));
    case TypeOid.uuid: return uuidFromBinary(data);
    case TypeOid.json: {
      const text = utf8Text(data);
      validateJson(text);
      return text;
    }
    case TypeOid.jsonb: {
      if (data.length < 1) throw insufficientData();
      if (data[0] !== 1) throw invalidBinary(`unsupported jsonb version number ${data[0]}`);
      return normalizeJsonb(utf8Text(data.subarray(1)));
    }
    case TypeOid.void: expectLength(data, 0); return null;
    case TypeOid.record: throw recordInputError();
    default:
      // Unknown or unspecified type: the bytes cannot be interpreted, so they are kept as they came.
      return Buffer.from(data);
  }
}
