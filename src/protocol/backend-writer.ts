import { AuthCode, BackendCode, type TransactionStatusValue } from './message-codes.js';
import type { PgError, PgErrorFields } from './pg-error.js';

/** One column of a RowDescription. */
export interface FieldDescription {
  name: string;
  /** OID of the table the column comes from, or 0. */
  tableOid: number;
  /** Attribute number of the column in that table, or 0. */
  columnId: number;
  typeOid: number;
  /** pg_type.typlen: negative for variable-length types. */
  typeSize: number;
  /** pg_attribute.atttypmod: -1 when the type has no modifier. */
  typeModifier: number;
  /** 0 text, 1 binary. */
  format: 0 | 1;
}

/** Fields of an ErrorResponse / NoticeResponse: a PgError's, plus the context line ('W'). */
export interface ErrorResponseFields extends PgErrorFields {
  /** Context, e.g. "COPY t, line 3". */
  where?: string;
}

export interface BackendWriterOptions {
  /** Size of each fresh storage buffer; it doubles while a single batch outgrows it. Default 16 KiB. */
  initialSize?: number;
}

const DEFAULT_INITIAL_SIZE = 16 * 1024;
const EMPTY = Buffer.alloc(0);
/** Counts on the wire are Int16; PostgreSQL itself stops at 1664 columns. */
const MAX_COUNT = 0xffff;
/** Worst case of UTF-8 bytes per UTF-16 code unit (a lone surrogate becomes EF BF BD). */
const MAX_UTF8_PER_UNIT = 3;
/** Strings up to this many UTF-16 units take the copy-loop path in dataRow. */
const SHORT_STRING = 32;

/**
 * Serialises backend messages into one growable buffer, so a whole batch of results (rows, then
 * CommandComplete, then ReadyForQuery) becomes a single socket write.
 *
 * take() hands out a view (subarray), not a copy: the bytes it covers are never written again,
 * because later messages go after them in the same buffer or into a new one. The view stays valid
 * forever and the socket can hold on to it until it is flushed.
 *
 * Storage comes from Buffer.allocUnsafeSlow, never Node's shared pool, so a taken view's
 * ArrayBuffer may be transferred to another thread (postMessage transfer list). That detaches the
 * writer's storage too, which then merely looks full: the next write starts a new buffer. Since
 * views from earlier takes share that ArrayBuffer, transfer each take before taking again.
 *
 * Strings go into C-string fields up to their first NUL character, as a C server would send them:
 * the protocol has no way to carry a NUL there, and sending it would end the field early and
 * corrupt the rest of the message.
 */
export class BackendWriter {
  private readonly initialSize: number;
  private buf: Buffer;
  /** First byte not yet handed out by take(). */
  private start = 0;
  /** Next byte to write. */
  private pos = 0;
  /** Where the message being written begins (its type byte), for backpatching its length. */
  private messageStart = 0;

  constructor(options: BackendWriterOptions = {}) {
    const initialSize = options.initialSize ?? DEFAULT_INITIAL_SIZE;
    if (!Number.isInteger(initialSize) || initialSize < 1) throw new RangeError(`initialSize must be a positive integer, got ${initialSize}`);
    this.initialSize = initialSize;
    this.buf = Buffer.allocUnsafeSlow(this.initialSize);
  }

  /** Bytes written and not yet taken. */
  get length(): number {
    return this.pos - this.start;
  }

  /** The bytes written since the last take(), as a view that stays valid (see the class comment). */
  take(): Buffer {
    if (this.pos === this.start) return EMPTY;
    const bytes = this.buf.subarray(this.start, this.pos);
    this.start = this.pos;
    return bytes;
  }

  // ---- Startup and authentication ----

  /** The single unframed byte answering an SSLRequest: 'S' (go ahead with TLS) or 'N'. 'N' also refuses a GSSENCRequest. */
  sslResponse(accept: boolean): void {
    this.ensure(1);
    this.buf[this.pos++] = accept ? 0x53 : 0x4e;
  }

  authenticationOk(): void {
    this.authentication(AuthCode.ok);
    this.end();
  }

  authenticationCleartextPassword(): void {
    this.authentication(AuthCode.cleartextPassword);
    this.end();
  }

  authenticationMD5Password(salt: Buffer): void {
    if (salt.length !== 4) throw new RangeError(`MD5 salt must be 4 bytes, got ${salt.length}`);
    this.authentication(AuthCode.md5Password);
    this.bytes(salt);
    this.end();
  }

  authenticationSASL(mechanisms: ReadonlyArray<string>): void {
    this.authentication(AuthCode.sasl);
    for (const mechanism of mechanisms) this.cstring(mechanism);
    this.cstring('');
    this.end();
  }

  authenticationSASLContinue(data: Buffer | string): void {
    this.authentication(AuthCode.saslContinue);
    this.raw(data);
    this.end();
  }

  authenticationSASLFinal(data: Buffer | string): void {
    this.authentication(AuthCode.saslFinal);
    this.raw(data);
    this.end();
  }

  /** The answer to a 3.x startup whose minor version or `_pq_.` options we do not support. */
  negotiateProtocolVersion(minorSupported: number, unsupportedOptions: ReadonlyArray<string>): void {
    this.begin(BackendCode.negotiateProtocolVersion);
    this.ensure(8);
    this.int32(minorSupported);
    this.int32(unsupportedOptions.length);
    for (const option of unsupportedOptions) this.cstring(option);
    this.end();
  }

  parameterStatus(name: string, value: string): void {
    this.begin(BackendCode.parameterStatus);
    this.cstring(name);
    this.cstring(value);
    this.end();
  }

  /**
   * Both values are signed Int32, which is how the decoder reads them back from a CancelRequest:
   * a key generated as unsigned would never compare equal, so out-of-range values throw.
   */
  backendKeyData(processId: number, secretKey: number): void {
    checkInt32(processId, 'processId');
    checkInt32(secretKey, 'secretKey');
    this.begin(BackendCode.backendKeyData);
    this.ensure(8);
    this.int32(processId);
    this.int32(secretKey);
    this.end();
  }

  readyForQuery(status: TransactionStatusValue): void {
    this.begin(BackendCode.readyForQuery);
    this.buf[this.pos++] = status.charCodeAt(0);
    this.end();
  }

  // ---- Query results ----

  rowDescription(fields: ReadonlyArray<FieldDescription>): void {
    checkCount(fields.length, 'fields');
    this.begin(BackendCode.rowDescription);
    this.int16(fields.length);
    for (const field of fields) {
      this.cstring(field.name);
      this.ensure(18);
      this.int32(field.tableOid);
      this.int16(field.columnId);
      this.int32(field.typeOid);
      this.int16(field.typeSize);
      this.int32(field.typeModifier);
      this.int16(field.format);
    }
    this.end();
  }

  /**
   * One result row; null is SQL NULL. The hot path: strings are encoded straight into the output
   * buffer (no per-cell Buffer), their length backpatched from what buf.write reports.
   */
  dataRow(cells: ReadonlyArray<Buffer | string | null>): void {
    checkCount(cells.length, 'cells');
    this.begin(BackendCode.dataRow);
    this.int16(cells.length);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (cell === null) {
        this.ensure(4);
        this.int32(-1);
      } else if (typeof cell === 'string') {
        // Reserve the worst case when it fits anyway; measure exactly only when it does not,
        // so a huge string does not grow the buffer three times its size.
        if (this.pos + 4 + cell.length * MAX_UTF8_PER_UNIT > this.buf.length) {
          this.ensure(4 + Buffer.byteLength(cell, 'utf8'));
        }
        const written = cell.length <= SHORT_STRING ? this.shortString(cell, this.pos + 4) : this.buf.write(cell, this.pos + 4, 'utf8');
        this.int32(written);
        this.pos += written;
      } else {
        this.ensure(4 + cell.length);
        this.int32(cell.length);
        this.pos += cell.copy(this.buf, this.pos);
      }
    }
    this.end();
  }

  commandComplete(tag: string): void {
    this.begin(BackendCode.commandComplete);
    this.cstring(tag);
    this.end();
  }

  emptyQueryResponse(): void {
    this.empty(BackendCode.emptyQueryResponse);
  }

  errorResponse(fields: ErrorResponseFields): void {
    this.noticeOrError(BackendCode.errorResponse, fields, 'ERROR');
  }

  noticeResponse(fields: ErrorResponseFields): void {
    this.noticeOrError(BackendCode.noticeResponse, fields, 'NOTICE');
  }

  // ---- Extended query protocol ----

  parseComplete(): void {
    this.empty(BackendCode.parseComplete);
  }

  bindComplete(): void {
    this.empty(BackendCode.bindComplete);
  }

  closeComplete(): void {
    this.empty(BackendCode.closeComplete);
  }

  noData(): void {
    this.empty(BackendCode.noData);
  }

  parameterDescription(oids: ReadonlyArray<number>): void {
    checkCount(oids.length, 'parameters');
    this.begin(BackendCode.parameterDescription);
    this.int16(oids.length);
    this.ensure(oids.length * 4);
    for (const oid of oids) this.int32(oid);
    this.end();
  }

  portalSuspended(): void {
    this.empty(BackendCode.portalSuspended);
  }

  // ---- COPY ----

  copyInResponse(format: 0 | 1, columnFormats: ReadonlyArray<number>): void {
    this.copyResponse(BackendCode.copyInResponse, format, columnFormats);
  }

  copyOutResponse(format: 0 | 1, columnFormats: ReadonlyArray<number>): void {
    this.copyResponse(BackendCode.copyOutResponse, format, columnFormats);
  }

  copyData(data: Buffer | string): void {
    this.begin(BackendCode.copyData);
    this.raw(data);
    this.end();
  }

  copyDone(): void {
    this.empty(BackendCode.copyDone);
  }

  // ---- Asynchronous ----

  notificationResponse(processId: number, channel: string, payload: string): void {
    this.begin(BackendCode.notificationResponse);
    this.int32(processId);
    this.cstring(channel);
    this.cstring(payload);
    this.end();
  }

  // ---- Message building blocks ----

  private noticeOrError(code: number, fields: ErrorResponseFields, defaultSeverity: string): void {
    const severity = fields.severity ?? defaultSeverity;
    this.begin(code);
    // PostgreSQL's field order (elog.c, send_message_to_frontend). 'S' is meant to be localised and
    // 'V' never is; we do not localise, so both carry the same word.
    this.field(0x53 /* S */, severity);
    this.field(0x56 /* V */, severity);
    this.field(0x43 /* C */, fields.code);
    this.field(0x4d /* M */, fields.message);
    this.field(0x44 /* D */, fields.detail);
    this.field(0x48 /* H */, fields.hint);
    this.field(0x50 /* P */, fields.position === undefined ? undefined : String(fields.position));
    this.field(0x57 /* W */, fields.where);
    this.field(0x73 /* s */, fields.schema);
    this.field(0x74 /* t */, fields.table);
    this.field(0x63 /* c */, fields.column);
    this.field(0x64 /* d */, fields.dataType);
    this.field(0x6e /* n */, fields.constraint);
    this.ensure(1);
    this.buf[this.pos++] = 0;
    this.end();
  }

  private field(tag: number, value: string | undefined): void {
    if (value === undefined) return;
    this.ensure(1);
    this.buf[this.pos++] = tag;
    this.cstring(value);
  }

  private copyResponse(code: number, format: 0 | 1, columnFormats: ReadonlyArray<number>): void {
    checkCount(columnFormats.length, 'columns');
    this.begin(code);
    this.ensure(3 + columnFormats.length * 2);
    this.buf[this.pos++] = format;
    this.int16(columnFormats.length);
    for (const columnFormat of columnFormats) this.int16(columnFormat);
    this.end();
  }

  private authentication(code: number): void {
    this.begin(BackendCode.authentication);
    this.int32(code);
  }

  /** A message with no body. */
  private empty(code: number): void {
    this.begin(code);
    this.end();
  }

  /**
   * Type byte and a placeholder length word; end() fills the length in. Also ensures room for 4
   * body bytes, which covers the first Int16/Int32 of most messages; anything more calls ensure().
   */
  private begin(code: number): void {
    this.ensure(9);
    this.messageStart = this.pos;
    this.buf[this.pos] = code;
    this.pos += 5;
  }

  private end(): void {
    const length = this.pos - this.messageStart - 1;
    this.buf.writeInt32BE(length, this.messageStart + 1);
  }

  /**
   * Writes without range checks: the caller has ensured the space. Typed-array stores keep the low
   * 8 bits, so negative values (-1 for NULL, typmod, typlen) come out in two's complement.
   */
  private int16(value: number): void {
    const buf = this.buf;
    buf[this.pos] = value >>> 8;
    buf[this.pos + 1] = value;
    this.pos += 2;
  }

  private int32(value: number): void {
    const buf = this.buf;
    buf[this.pos] = value >>> 24;
    buf[this.pos + 1] = value >>> 16;
    buf[this.pos + 2] = value >>> 8;
    buf[this.pos + 3] = value;
    this.pos += 4;
  }

  private cstring(value: string): void {
    const nul = value.indexOf('\0');
    if (nul >= 0) value = value.slice(0, nul);
    if (this.pos + value.length * MAX_UTF8_PER_UNIT + 1 > this.buf.length) {
      this.ensure(Buffer.byteLength(value, 'utf8') + 1);
    }
    this.pos += this.buf.write(value, this.pos, 'utf8');
    this.buf[this.pos++] = 0;
  }

  /**
   * Most cells are short ASCII (numbers, dates, identifiers); copying their char codes is cheaper
   * than a call into buf.write. Falls back to it at the first non-ASCII character.
   */
  private shortString(value: string, at: number): number {
    const buf = this.buf;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x80) return buf.write(value, at, 'utf8');
      buf[at + i] = c;
    }
    return value.length;
  }

  /** Whole messages encoded elsewhere (DataRows from an engine), copied in after what is written. */
  encodedMessages(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  private bytes(data: Buffer): void {
    this.ensure(data.length);
    this.pos += data.copy(this.buf, this.pos);
  }

  /** Unterminated bytes filling the rest of a message; strings as UTF-8. */
  private raw(data: Buffer | string): void {
    if (typeof data !== 'string') {
      this.bytes(data);
      return;
    }
    this.ensure(Buffer.byteLength(data, 'utf8'));
    this.pos += this.buf.write(data, this.pos, 'utf8');
  }

  /** Makes room for n more bytes, moving the untaken bytes to a new buffer when they do not fit. */
  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const used = this.pos - this.start;
    // A new buffer, never an in-place reuse of the old one: taken views still point into it.
    // Sized from initialSize rather than the old size, so one huge row does not make every later
    // buffer huge; doubling keeps a growing batch's copying linear.
    let size = this.initialSize;
    while (size < used + n) size *= 2;
    const next = Buffer.allocUnsafeSlow(size);
    // Skipped when empty: after take() the old storage may have been transferred to another
    // thread (detached, length 0), and there is nothing to carry over anyway.
    if (used > 0) this.buf.copy(next, 0, this.start, this.pos);
    this.messageStart -= this.start;
    this.buf = next;
    this.start = 0;
    this.pos = used;
  }
}

/** One ErrorResponse as a standalone buffer, for paths that have no writer at hand (e.g. a failed startup). */
export function encodeErrorResponse(err: PgError): Buffer {
  const writer = new BackendWriter({ initialSize: 256 });
  writer.errorResponse(err.fields());
  return writer.take();
}

function checkCount(count: number, what: string): void {
  if (count > MAX_COUNT) throw new RangeError(`too many ${what} for one message: ${count} (max ${MAX_COUNT})`);
}

function checkInt32(value: number, what: string): void {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
    throw new RangeError(`${what} must be a signed 32-bit integer, got ${value}`);
  }
}
