/**
 * numeric(p, s) semantics on decimal text: PostgreSQL rounds a value to the column's scale (half
 * away from zero) and prints exactly that many fraction digits ('1.3' in numeric(10,2) is '1.30').
 */

/** A plain decimal string ('-12.345', '7', '1e-7' is not plain) rounded and padded to `scale` digits. */
export function withScale(text: string, scale: number): string | undefined {
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '', fraction = ''] = match;
  let digits = (whole || '0') + fraction.padEnd(scale, '0').slice(0, scale);
  const roundUp = fraction.length > scale && fraction.charCodeAt(scale) >= 53; // '5'
  if (roundUp) digits = (BigInt(digits) + 1n).toString().padStart(digits.length, '0');
  const intPart = digits.slice(0, digits.length - scale).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = digits.slice(digits.length - scale);
  const out = scale > 0 ? intPart + '.' + fracPart : intPart;
  return sign && /[1-9]/.test(out) ? '-' + out : out;
}

/** The scale of a numeric typmod ((p << 16 | s) + 4), or undefined for an unconstrained numeric. */
export function scaleOfTypmod(typmod: number): number | undefined {
  if (typmod < 4) return undefined;
  return (typmod - 4) & 0xffff;
}
