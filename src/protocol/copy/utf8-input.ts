import { PgError } from '../pg-error.js';
import { SqlState } from '../sqlstate.js';

/**
 * Turns COPY FROM data chunks into text. Chunks may end inside a multi-byte character, so the
 * incomplete tail is held back for the next chunk. Input is checked like PostgreSQL checks client
 * data: invalid UTF-8 and NUL bytes are errors (22021), reported after the valid prefix so the
 * caller can tell which line they are on.
 */
export class Utf8ChunkDecoder {
  private carry: Buffer | null = null;
  // ignoreBOM: a byte-order mark is data to PostgreSQL, and every decode() call starts afresh.
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  /**
   * Decodes every complete character. With `final`, an incomplete tail is an error instead of
   * being kept. When `error` is set, `text` is the valid part before the bad bytes.
   */
  decode(chunk: Uint8Array, final: boolean): { text: string; error?: PgError } {
    let buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.carry) {
      buf = Buffer.concat([this.carry, buf]);
      this.carry = null;
    }
    const end = final ? buf.length : completeLength(buf);
    // Copied: the caller may reuse the chunk's memory once push() returns.
    if (end < buf.length) this.carry = Buffer.from(buf.subarray(end));
    const zero = buf.indexOf(0);
    if (zero === -1 || zero >= end) {
      try {
        return { text: this.decoder.decode(buf.subarray(0, end)) };
      } catch {
        // Find the offending bytes below.
      }
    }
    const bad = firstInvalidByte(buf, end);
    this.carry = null;
    return { text: this.decoder.decode(buf.subarray(0, bad)), error: invalidByteSequence(buf, bad) };
  }
}

/** Decodes bytes built from escapes (`\xc3\xa9`), which must form valid UTF-8 without NULs. */
export function decodeUtf8Strict(bytes: Buffer): string {
  const bad = firstInvalidByte(bytes, bytes.length);
  if (bad < bytes.length) throw invalidByteSequence(bytes, bad);
  return bytes.toString('utf8');
}

/** Length of the prefix that does not end inside a multi-byte sequence. */
function completeLength(buf: Buffer): number {
  const n = buf.length;
  let i = n - 1;
  while (i >= 0 && n - i <= 3 && (buf[i] & 0xc0) === 0x80) i--;
  if (i < 0) return n;
  const lead = buf[i];
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return n - i < need ? i : n;
}

/** Offset of the first byte (before `end`) that does not start a valid UTF-8 character, or `end`. */
function firstInvalidByte(buf: Buffer, end: number): number {
  let i = 0;
  while (i < end) {
    const b = buf[i];
    if (b < 0x80) {
      if (b === 0) return i;
      i++;
      continue;
    }
    // Second-byte ranges exclude overlong forms, surrogates and code points above U+10FFFF.
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= end) return i; // truncated
    const second = buf[i + 1];
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) if ((buf[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return end;
}

/** PostgreSQL's message: the bad character's bytes, as many as its first byte announces. */
function invalidByteSequence(buf: Buffer, at: number): PgError {
  const b = buf[at];
  const length = (b & 0x80) === 0 ? 1 : (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 1;
  const shown: string[] = [];
  for (let k = at; k < Math.min(at + length, buf.length); k++) shown.push('0x' + buf[k].toString(16).padStart(2, '0'));
  return new PgError({
    code: SqlState.characterNotInRepertoire,
    message: `invalid byte sequence for encoding "UTF8": ${shown.join(' ')}`,
  });
}
