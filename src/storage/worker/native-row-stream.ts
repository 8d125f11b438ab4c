import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { SqliteValue } from '../../protocol/types/storage.js';
import { interruptExtensionPath } from '../interrupt-addon.js';
import type { NativeRowPlan } from './native-row-plan.js';
import type { CopyFormatOptions } from '../../protocol/copy/copy-options.js';

/**
 * A statement read and encoded in C (native/row_stream.c) on the connection of this thread:
 * `read` hands back wire bytes for up to maxRows rows / maxBytes bytes at a time, with the
 * statement kept open in between. Rows the C encoders decline come back as values and go through
 * `encodeFallback` (the JavaScript encoder), in order, so the output is the JavaScript encoder's
 * byte for byte. Close it before its connection closes.
 */

type ExternalHandle = { readonly __rowStream: unique symbol };
interface RowStreamAddon {
  rowStreamOpen(slot: number, sql: string, params: SqliteValue[], kinds: Int32Array, args: Int32Array, mode: number, delimiter: number, nullText: string): ExternalHandle;
  /** The bytes are a Buffer over an ArrayBuffer of its own (not Node's pool), so it can be transferred. */
  rowStreamRead(handle: ExternalHandle, maxRows: number, maxBytes: number, encode: boolean): [Buffer | null, number, number, SqliteValue[] | [number, string] | null];
  rowStreamClose(handle: ExternalHandle): void;
}

const STATUS_DONE = 1;
const STATUS_FALLBACK = 2;
const STATUS_ERROR = 3;

export type NativeRowMode =
  | { kind: 'dataRow' }
  | { kind: 'copyText'; delimiter: string; nullText: string }
  | { kind: 'copyCsv'; delimiter: string; quote: string; escape: string; nullText: string };

let addon: RowStreamAddon | null | undefined;

/** The addon's row functions, or null where the built object predates them (the JavaScript path then serves). */
function rowStreamAddon(): RowStreamAddon | null {
  if (addon === undefined) {
    addon = null;
    if (process.env.PGSQLITE_NATIVE_ROWS !== 'off' && existsSync(interruptExtensionPath)) {
      const loaded = createRequire(import.meta.url)(interruptExtensionPath) as Partial<RowStreamAddon>;
      if (typeof loaded.rowStreamOpen === 'function') addon = loaded as RowStreamAddon;
    }
  }
  return addon;
}

/** Each connection's slot id in the native slot table (the interrupt handle), looked up once. */
const slotIds = new WeakMap<Database.Database, number>();

function slotOf(db: Database.Database): number {
  let slot = slotIds.get(db);
  if (slot === undefined) {
    slot = Number(db.prepare('SELECT pgsqlite_interrupt_handle()').pluck().get());
    slotIds.set(db, slot);
  }
  return slot;
}

/** Names of SQLite's primary result codes, for errors shaped like better-sqlite3's (err.code). */
const primaryCodeNames: Record<number, string> = {
  1: 'SQLITE_ERROR', 2: 'SQLITE_INTERNAL', 3: 'SQLITE_PERM', 4: 'SQLITE_ABORT', 5: 'SQLITE_BUSY', 6: 'SQLITE_LOCKED',
  7: 'SQLITE_NOMEM', 8: 'SQLITE_READONLY', 9: 'SQLITE_INTERRUPT', 10: 'SQLITE_IOERR', 11: 'SQLITE_CORRUPT',
  13: 'SQLITE_FULL', 14: 'SQLITE_CANTOPEN', 17: 'SQLITE_SCHEMA', 18: 'SQLITE_TOOBIG', 19: 'SQLITE_CONSTRAINT',
  20: 'SQLITE_MISMATCH', 21: 'SQLITE_MISUSE', 23: 'SQLITE_AUTH', 25: 'SQLITE_RANGE', 26: 'SQLITE_NOTADB',
};

/** The pieces as one buffer (the piece itself when there is one); `total` is their summed length. */
export function concat(pieces: Uint8Array[], total = pieces.reduce((sum, piece) => sum + piece.length, 0)): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

export interface NativeRead {
  /** The encoded rows (a buffer of their own, transferable), or null when none were encoded. */
  bytes: Uint8Array | null;
  rows: number;
  /** No rows remain. */
  done: boolean;
}

export class NativeRowStream {
  private handle: ExternalHandle | null;
  private readonly addon: RowStreamAddon;

  private constructor(addon: RowStreamAddon, private readonly db: Database.Database, handle: ExternalHandle,
    private readonly encodeFallback: (row: SqliteValue[]) => Uint8Array) {
    this.addon = addon;
    this.handle = handle;
  }

  /** Whether the built addon has the row functions (an older build does not). */
  static available(): boolean {
    return rowStreamAddon() !== null;
  }

  /**
   * Prepares `sql` again on `db` (the statement's own SQL, as better-sqlite3 prepared it) and binds
   * `params` as better-sqlite3 would (?1..?n); undefined when the addon has no row functions.
   * Call between statements: the connection must not be iterating in better-sqlite3.
   */
  /** The mode for a COPY TO's format options (text or CSV; copyPlan has vetted them). */
  static copyMode(options: CopyFormatOptions): NativeRowMode {
    return options.format === 'csv'
      ? { kind: 'copyCsv', delimiter: options.delimiter, quote: options.quote, escape: options.escape, nullText: options.null }
      : { kind: 'copyText', delimiter: options.delimiter, nullText: options.null };
  }

  static open(db: Database.Database, sql: string, params: SqliteValue[], plan: NativeRowPlan, mode: NativeRowMode,
    encodeFallback: (row: SqliteValue[]) => Uint8Array): NativeRowStream | undefined {
    const native = rowStreamAddon();
    if (!native) return undefined;
    const slot = slotOf(db);
    const handle = mode.kind === 'dataRow'
      ? native.rowStreamOpen(slot, sql, params, plan.kinds, plan.args, 0, 0, '')
      : mode.kind === 'copyText'
        ? native.rowStreamOpen(slot, sql, params, plan.kinds, plan.args, 1, mode.delimiter.charCodeAt(0), mode.nullText)
        : native.rowStreamOpen(slot, sql, params, plan.kinds, plan.args, 2,
          mode.delimiter.charCodeAt(0) | (mode.quote.charCodeAt(0) << 8) | (mode.escape.charCodeAt(0) << 16), mode.nullText);
    return new NativeRowStream(native, db, handle, encodeFallback);
  }

  /** The next rows: at most maxRows, and no row started at or past maxBytes; without encode only counted. */
  read(maxRows: number, maxBytes: number, encode = true): NativeRead {
    if (this.handle === null) return { bytes: null, rows: 0, done: true };
    const pieces: Uint8Array[] = [];
    let total = 0;
    let rows = 0;
    let done = false;
    while (rows < maxRows && total < maxBytes) {
      let result: ReturnType<RowStreamAddon['rowStreamRead']>;
      try {
        result = this.addon.rowStreamRead(this.handle, maxRows - rows, maxBytes - total, encode);
      } catch (err) {
        this.forgetFunctionError();
        throw err;
      }
      const [bytes, count, status, extra] = result;
      if (bytes) {
        pieces.push(bytes);
        total += bytes.byteLength;
      }
      rows += count;
      if (status === STATUS_DONE) {
        done = true;
        break;
      }
      if (status === STATUS_ERROR) {
        const [code, message] = extra as [number, string];
        throw new Database.SqliteError(message, primaryCodeNames[code & 0xff] ?? 'SQLITE_ERROR');
      }
      if (status === STATUS_FALLBACK) {
        // Copied: the encoder's writer reuses its storage, and these bytes may be transferred.
        const encoded = new Uint8Array(this.encodeFallback(extra as SqliteValue[]));
        pieces.push(encoded);
        total += encoded.length;
        rows++;
        continue;
      }
      break;
    }
    return { bytes: pieces.length ? concat(pieces, total) : null, rows, done };
  }

  close(): void {
    if (this.handle === null) return;
    this.addon.rowStreamClose(this.handle);
    this.handle = null;
  }

  /**
   * A JavaScript function of the statement threw inside the C read: its exception propagates,
   * but better-sqlite3 noted it (was_js_error) expecting to report it itself, and would take its
   * next SQLite error on this connection for it and return nothing. A statement that cannot be
   * prepared makes better-sqlite3 clear that note (and throw, when there was none to clear).
   */
  private forgetFunctionError(): void {
    try {
      this.db.exec('pgsqlite: clear the function error note');
    } catch {
      // No note was pending.
    }
  }
}
