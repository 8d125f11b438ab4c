/**
 * The common case of integer text parameters read straight from the wire bytes: an optional
 * '-' and up to 15 digits, nothing else. Skips UTF-8 decoding and string building; anything
 * unusual (whitespace, '+', long inputs, errors) returns undefined for the full path to handle.
 */
export function plainIntegerBytes(data: Buffer, min: number, max: number): bigint | undefined {
  const n = data.length;
  let i = 0;
  let negative = false;
  if (n > 0 && data[0] === 45) { negative = true; i = 1; }
  if (i === n || n - i > 15) return undefined;
  let v = 0;
  for (; i < n; i++) {
    const c = data[i]!;
    if (c < 48 || c > 57) return undefined;
    v = v * 10 + (c - 48);
  }
  if (negative) v = -v;
  return v < min || v > max ? undefined : BigInt(v);
}
