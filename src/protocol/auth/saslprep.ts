/**
 * SASLprep (RFC 4013, a profile of stringprep, RFC 3454) as PostgreSQL applies it to SCRAM
 * passwords. The point is interoperability: a verifier made here must match the proof a libpq
 * client computes, and a verifier copied from PostgreSQL's pg_authid must verify here.
 *
 * PostgreSQL's behaviour that we mirror (src/common/saslprep.c, described in its docs):
 *  - pure ASCII is used unchanged (no table lookups at all, so ASCII control characters pass);
 *  - invalid UTF-8, an empty result, or any prohibited character makes preparation "fail", and
 *    the caller then uses the raw password bytes instead of rejecting the password;
 *  - the prohibition and bidi checks look at the *mapped* string, before NFKC normalisation.
 *
 * NFKC comes from the engine's ICU rather than PostgreSQL's own Unicode tables. Both agree for
 * every string that gets this far, because table A.1 already rejected anything not assigned in
 * Unicode 3.2 and Unicode's normalisation stability policy freezes NFKC for assigned characters.
 */

import { LCAT, UNASSIGNED_3_2 } from './saslprep-tables.js';

type Range = readonly [number, number];

const inRanges = (cp: number, ranges: readonly Range[]): boolean =>
  ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

/** Decodes the compact 'hex,lo-hi,...' tables once; they are sorted, so lookups can bisect. */
function decodeTable(text: string): Uint32Array {
  const items = text.split(',');
  const bounds = new Uint32Array(items.length * 2);
  items.forEach((item, i) => {
    const [lo, hi = lo] = item.split('-') as [string, string?];
    bounds[2 * i] = parseInt(lo, 16);
    bounds[2 * i + 1] = parseInt(hi, 16);
  });
  return bounds;
}

function inTable(cp: number, bounds: Uint32Array): boolean {
  let lo = 0;
  let hi = bounds.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (cp < bounds[2 * mid]!) hi = mid - 1;
    else if (cp > bounds[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

const UNASSIGNED = decodeTable(UNASSIGNED_3_2);
const L_CAT = decodeTable(LCAT);

/** RFC 3454 C.1.2, mapped to U+0020 (checked before B.1, as PostgreSQL does, so U+200B becomes a space). */
const NON_ASCII_SPACE: readonly Range[] = [
  [0x00a0, 0x00a0], [0x1680, 0x1680], [0x2000, 0x200b], [0x202f, 0x202f], [0x205f, 0x205f],
  [0x3000, 0x3000],
];

/** RFC 3454 B.1, "commonly mapped to nothing". */
const MAPPED_TO_NOTHING: readonly Range[] = [
  [0x00ad, 0x00ad], [0x034f, 0x034f], [0x1806, 0x1806], [0x180b, 0x180d], [0x200b, 0x200d],
  [0x2060, 0x2060], [0xfe00, 0xfe0f], [0xfeff, 0xfeff],
];

/** RFC 4013 section 2.3: tables C.1.2, C.2.1, C.2.2, C.3, C.5, C.6, C.7, C.8, C.9 (C.4 is a predicate below). */
const PROHIBITED: readonly Range[] = [
  ...NON_ASCII_SPACE,
  [0x0000, 0x001f], [0x007f, 0x007f], // C.2.1
  [0x0080, 0x009f], [0x06dd, 0x06dd], [0x070f, 0x070f], [0x180e, 0x180e], [0x200c, 0x200d],
  [0x2028, 0x2029], [0x2060, 0x2063], [0x206a, 0x206f], [0xfeff, 0xfeff], [0xfff9, 0xfffc],
  [0x1d173, 0x1d17a], // C.2.2
  [0xe000, 0xf8ff], [0xf0000, 0xffffd], [0x100000, 0x10fffd], // C.3
  [0xd800, 0xdfff], // C.5
  [0xfff9, 0xfffd], // C.6
  [0x2ff0, 0x2ffb], // C.7
  [0x0340, 0x0341], [0x200e, 0x200f], [0x202a, 0x202e], // C.8 (206A-206F is in C.2.2 above)
  [0xe0001, 0xe0001], [0xe0020, 0xe007f], // C.9
];

/** C.4: U+FDD0..U+FDEF and the last two code points of every plane. */
const isNonCharacter = (cp: number): boolean =>
  (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;

/** RFC 3454 D.1: characters with bidi property R or AL. */
const RAND_AL_CAT: readonly Range[] = [
  [0x05be, 0x05be], [0x05c0, 0x05c0], [0x05c3, 0x05c3], [0x05d0, 0x05ea], [0x05f0, 0x05f4],
  [0x061b, 0x061b], [0x061f, 0x061f], [0x0621, 0x063a], [0x0640, 0x064a], [0x066d, 0x066f],
  [0x0671, 0x06d5], [0x06dd, 0x06dd], [0x06e5, 0x06e6], [0x06fa, 0x06fe], [0x0700, 0x070d],
  [0x0710, 0x0710], [0x0712, 0x072c], [0x0780, 0x07a5], [0x07b1, 0x07b1], [0x200f, 0x200f],
  [0xfb1d, 0xfb1d], [0xfb1f, 0xfb28], [0xfb2a, 0xfb36], [0xfb38, 0xfb3c], [0xfb3e, 0xfb3e],
  [0xfb40, 0xfb41], [0xfb43, 0xfb44], [0xfb46, 0xfbb1], [0xfbd3, 0xfd3d], [0xfd50, 0xfd8f],
  [0xfd92, 0xfdc7], [0xfdf0, 0xfdfc], [0xfe70, 0xfe74], [0xfe76, 0xfefc],
];

const isAscii = (s: string): boolean => /^[\x00-\x7f]*$/.test(s);

/**
 * SASLprep of a password, or undefined where PostgreSQL's preparation fails (the caller then
 * uses the password as given). A lone surrogate (not encodable as UTF-8) fails through table C.5.
 */
export function saslPrep(input: string): string | undefined {
  if (isAscii(input)) return input;

  // 1) Map.
  const mapped: string[] = [];
  for (const ch of input) {
    const cp = ch.codePointAt(0)!;
    if (inRanges(cp, NON_ASCII_SPACE)) mapped.push(' ');
    else if (!inRanges(cp, MAPPED_TO_NOTHING)) mapped.push(ch);
  }
  if (mapped.length === 0) return undefined; // PostgreSQL refuses an empty prepared password

  // 2) Normalise. 3) and 4) run on the mapped characters, as PostgreSQL does.
  const normalized = mapped.join('').normalize('NFKC');

  // 3) Prohibit.
  for (const ch of mapped) {
    const cp = ch.codePointAt(0)!;
    if (inRanges(cp, PROHIBITED) || isNonCharacter(cp) || inTable(cp, UNASSIGNED)) return undefined;
  }

  // 4) Bidi: a string with any R/AL character must have no L character and start and end with R/AL.
  const isRandAL = (ch: string): boolean => inRanges(ch.codePointAt(0)!, RAND_AL_CAT);
  if (mapped.some(isRandAL)) {
    if (mapped.some((ch) => inTable(ch.codePointAt(0)!, L_CAT))) return undefined;
    if (!isRandAL(mapped[0]!) || !isRandAL(mapped[mapped.length - 1]!)) return undefined;
  }
  return normalized;
}

// ignoreBOM keeps a leading U+FEFF, so it is mapped to nothing like any other, as in PostgreSQL.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The bytes SCRAM feeds to PBKDF2: the SASLprep'd password as UTF-8, or the password unchanged
 * when preparation fails. Accepts raw bytes so the wire layer can pass a password that is not
 * valid UTF-8 through untouched, which is what PostgreSQL does.
 */
export function scramPasswordBytes(password: string | Buffer): Buffer {
  if (typeof password !== 'string') {
    let text: string;
    try {
      text = strictUtf8.decode(password);
    } catch {
      return Buffer.from(password);
    }
    const prepared = saslPrep(text);
    return prepared === undefined ? Buffer.from(password) : Buffer.from(prepared, 'utf8');
  }
  const prepared = saslPrep(password);
  return Buffer.from(prepared ?? password, 'utf8');
}
