/**
 * The single-byte "char" type and name's length limit, both byte-oriented in PostgreSQL.
 */

/** NAMEDATALEN - 1: PostgreSQL silently truncates longer names on input. */
export const MAX_NAME_BYTES = 63;

/** namein: truncate to 63 bytes without splitting a UTF-8 character. */
export function truncateName(s: string): string {
  if (s.length <= MAX_NAME_BYTES / 3) return s;
  const bytes = Buffer.from(s, 'utf8');
  if (bytes.length <= MAX_NAME_BYTES) return s;
  let end = MAX_NAME_BYTES;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}

/** charout: '' for a zero byte, the character for ASCII, '\ooo' (octal) for a high byte. */
export function charByteText(byte: number): string {
  if (byte === 0) return '';
  if (byte < 0x80) return String.fromCharCode(byte);
  return '\\' + byte.toString(8).padStart(3, '0');
}

function isOctal(c: number): boolean {
  return c >= 48 && c <= 55;
}

/** charin: the '\ooo' form, else the first byte of the UTF-8 text (nothing for ''). */
export function charTextByte(s: string): number {
  if (s.length === 4 && s.charCodeAt(0) === 92 && isOctal(s.charCodeAt(1)) && isOctal(s.charCodeAt(2))
    && isOctal(s.charCodeAt(3))) {
    return (((s.charCodeAt(1) - 48) << 6) | ((s.charCodeAt(2) - 48) << 3) | (s.charCodeAt(3) - 48)) & 0xff;
  }
  if (s.length === 0) return 0;
  const c = s.charCodeAt(0);
  return c < 0x80 ? c : Buffer.from(s.slice(0, 2), 'utf8')[0]!;
}
