/**
 * to_char / to_date / to_timestamp template patterns (PostgreSQL's formatting.c, the common
 * subset): YYYY YY MM Mon Month DD D DDD HH24 HH12 HH MI SS MS US AM PM Dy Day Q WW IW, the FM
 * prefix and "quoted text"; numbers with 9 0 . , S and FM.
 */
import { PgError } from '../protocol/pg-error.js';
import { SqlState } from '../protocol/sqlstate.js';
import { fieldsOf, SECS_PER_DAY, secsOf, type Fields } from './datetime-values.js';

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Patterns, longest first so 'HH24' wins over 'HH' and 'MONTH' over 'MON'. */
const patterns = ['HH24', 'HH12', 'HH', 'MI', 'SS', 'MS', 'US', 'AM', 'PM', 'am', 'pm', 'A.M.', 'P.M.', 'YYYY', 'YYY', 'YY', 'Y',
  'IYYY', 'MONTH', 'Month', 'month', 'MON', 'Mon', 'mon', 'MM', 'DAY', 'Day', 'day', 'DY', 'Dy', 'dy', 'DDD', 'DD', 'D', 'ID',
  'IW', 'WW', 'Q', 'TZ', 'tz', 'SSSS', 'J'];
patterns.sort((a, b) => b.length - a.length);

function cased(word: string, pattern: string): string {
  if (pattern === pattern.toUpperCase()) return word.toUpperCase();
  if (pattern === pattern.toLowerCase()) return word.toLowerCase();
  return word;
}

function pad(n: number, width: number, fm: boolean): string {
  const text = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (fm ? text : text.padStart(width, '0'));
}

function dayOfWeek(days: number): number {
  return (((days + 6) % 7) + 7) % 7;
}

/** A date/time (or an interval's fields, `interval` true) through a to_char template. */
export function toCharStamp(f: Fields, format: string, interval: boolean): string {
  let out = '';
  let i = 0;
  while (i < format.length) {
    if (format[i] === '"') {
      const end = format.indexOf('"', i + 1);
      out += format.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? format.length : end + 1;
      continue;
    }
    if (format[i] === '\\' && i + 1 < format.length) {
      out += format[i + 1];
      i += 2;
      continue;
    }
    let fm = false;
    if (format.startsWith('FM', i)) {
      fm = true;
      i += 2;
    }
    const pattern = patterns.find((p) => format.startsWith(p, i));
    if (pattern === undefined) {
      out += format[i];
      i++;
      continue;
    }
    i += pattern.length;
    const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
    const dow = dayOfWeek(f.days);
    switch (pattern) {
      case 'HH24': out += pad(f.hour, 2, fm); break;
      case 'HH12': case 'HH': out += pad(interval ? f.hour : hour12, 2, fm); break;
      case 'MI': out += pad(f.minute, 2, fm); break;
      case 'SS': out += pad(f.second, 2, fm); break;
      case 'SSSS': out += String(f.hour * 3600 + f.minute * 60 + f.second); break;
      case 'MS': out += pad(Math.floor(f.us / 1000), 3, fm); break;
      case 'US': out += pad(f.us, 6, fm); break;
      case 'AM': case 'PM': out += f.hour < 12 ? 'AM' : 'PM'; break;
      case 'am': case 'pm': out += f.hour < 12 ? 'am' : 'pm'; break;
      case 'A.M.': case 'P.M.': out += f.hour < 12 ? 'A.M.' : 'P.M.'; break;
      case 'YYYY': out += pad(f.year, 4, fm); break;
      case 'IYYY': out += pad(f.year, 4, fm); break;
      case 'YYY': out += pad(f.year % 1000, 3, fm); break;
      case 'YY': out += pad(f.year % 100, 2, fm); break;
      case 'Y': out += String(f.year % 10); break;
      case 'MONTH': case 'Month': case 'month': {
        const name = cased(monthNames[f.month - 1] ?? '', pattern);
        out += fm ? name : name.padEnd(9, ' ');
        break;
      }
      case 'MON': case 'Mon': case 'mon': out += cased((monthNames[f.month - 1] ?? '').slice(0, 3), pattern); break;
      case 'MM': out += pad(f.month, 2, fm); break;
      case 'DAY': case 'Day': case 'day': {
        const name = cased(dayNames[dow] ?? '', pattern);
        out += fm ? name : name.padEnd(9, ' ');
        break;
      }
      case 'DY': case 'Dy': case 'dy': out += cased((dayNames[dow] ?? '').slice(0, 3), pattern); break;
      case 'DDD': out += pad(f.days - secsOf(f.year, 1, 1) / SECS_PER_DAY + 1, 3, fm); break;
      case 'DD': out += pad(f.day, 2, fm); break;
      case 'D': out += String(dow + 1); break;
      case 'ID': out += String(dow || 7); break;
      case 'Q': out += String(Math.floor((f.month - 1) / 3) + 1); break;
      case 'WW': out += pad(Math.floor((f.days - secsOf(f.year, 1, 1) / SECS_PER_DAY) / 7) + 1, 2, fm); break;
      case 'IW': {
        const isoDow = dow || 7;
        const thursday = f.days - isoDow + 4;
        const year = fieldsOf(thursday * SECS_PER_DAY, 0).year;
        out += pad(Math.floor((thursday - secsOf(year, 1, 1) / SECS_PER_DAY) / 7) + 1, 2, fm);
        break;
      }
      case 'TZ': out += 'UTC'; break;
      case 'tz': out += 'utc'; break;
      case 'J': out += String(f.days + 2451545); break;
    }
  }
  return out;
}

/** to_char(number, template): digit positions 9 (blank when leading) and 0, '.', ',', S, FM. */
export function toCharNumber(value: unknown, format: string): string {
  const n = Number(value);
  const fm = format.includes('FM');
  const template = format.replace(/FM/g, '');
  const point = template.search(/[.D]/);
  const intPattern = point < 0 ? template : template.slice(0, point);
  const fracPattern = point < 0 ? '' : template.slice(point + 1);
  const intDigits = (intPattern.match(/[09]/g) ?? []).length;
  const fracDigits = (fracPattern.match(/[09]/g) ?? []).length;
  const fixed = Math.abs(n).toFixed(fracDigits);
  const [whole = '0', fraction = ''] = fixed.split('.');
  if (whole.length > intDigits && !(whole === '0' && intDigits === 0)) {
    return (fm ? '' : ' ') + '#'.repeat(intDigits) + (point >= 0 ? '.' + '#'.repeat(fracDigits) : '');
  }
  // Integer part, right-aligned into the pattern.
  let digits = whole === '0' && !intPattern.includes('0') && fracDigits > 0 ? '' : whole;
  let intOut = '';
  const zeroFrom = intPattern.indexOf('0');
  for (let k = intPattern.length - 1; k >= 0; k--) {
    const c = intPattern[k]!;
    if (c === '9' || c === '0') {
      if (digits.length > 0) {
        intOut = digits[digits.length - 1] + intOut;
        digits = digits.slice(0, -1);
      } else if (c === '0' || (zeroFrom >= 0 && k >= zeroFrom)) {
        intOut = '0' + intOut;
      } else {
        intOut = (fm ? '' : ' ') + intOut;
      }
    } else if (c === ',' || c === 'G') {
      intOut = (digits.length > 0 ? ',' : fm ? '' : ' ') + intOut;
    } else if (c !== 'S') {
      intOut = c + intOut;
    }
  }
  // Blank-padded positions move the sign next to the first digit.
  const trimmed = intOut.replace(/^ +/, '');
  const lead = intOut.length - trimmed.length;
  const sign = n < 0 ? '-' : template.includes('S') ? '+' : fm ? '' : ' ';
  let text = (fm ? '' : ' '.repeat(lead)) + sign + trimmed;
  if (point >= 0) text += '.' + (fm ? fraction.replace(/0+$/, '') : fraction);
  return text;
}

/** to_date / to_timestamp: input read through the template; fields not given default as PostgreSQL's do. */
export function parseWithFormat(input: string, format: string): { secs: number; us: number } {
  let year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, us = 0;
  let pm: boolean | undefined;
  let i = 0;
  let k = 0;
  const fail = () => new PgError({ code: SqlState.invalidDatetimeFormat, message: `invalid value "${input.slice(i)}" for template "${format}"` });
  const number = (max: number): number => {
    while (input[i] === ' ') i++;
    const match = /^[+-]?\d+/.exec(input.slice(i, i + max + 1));
    if (!match) throw fail();
    const text = match[0].slice(0, max + (match[0][0] === '-' || match[0][0] === '+' ? 1 : 0));
    i += text.length;
    return Number(text);
  };
  while (k < format.length) {
    if (format.startsWith('FM', k)) {
      k += 2;
      continue;
    }
    if (format[k] === '"') {
      const end = format.indexOf('"', k + 1);
      const literal = format.slice(k + 1, end < 0 ? undefined : end);
      i += literal.length;
      k = end < 0 ? format.length : end + 1;
      continue;
    }
    const pattern = patterns.find((p) => format.startsWith(p, k));
    if (pattern === undefined) {
      // A separator in the template skips one character of the input (any separator matches).
      if (i < input.length && !/[0-9A-Za-z]/.test(input[i]!)) i++;
      else if (format[k] === ' ') {
        // nothing to skip
      } else i++;
      k++;
      continue;
    }
    k += pattern.length;
    switch (pattern) {
      case 'YYYY': case 'IYYY': year = number(4 + (input.slice(i).match(/^\d{5,}/) ? 2 : 0)); break;
      case 'YYY': year = 2000 + number(3) % 1000; break;
      case 'YY': { const y = number(2); year = y < 70 ? 2000 + y : 1900 + y; break; }
      case 'MM': month = number(2); break;
      case 'DD': day = number(2); break;
      case 'DDD': number(3); break;
      case 'HH24': hour = number(2); break;
      case 'HH': case 'HH12': hour = number(2); break;
      case 'MI': minute = number(2); break;
      case 'SS': second = number(2); break;
      case 'MS': us = number(3) * 1000; break;
      case 'US': us = number(6); break;
      case 'AM': case 'PM': case 'am': case 'pm': case 'A.M.': case 'P.M.': {
        const word = input.slice(i, i + pattern.length).toUpperCase();
        pm = word.startsWith('P');
        i += pattern.length;
        break;
      }
      case 'MONTH': case 'Month': case 'month': case 'MON': case 'Mon': case 'mon': {
        const rest = input.slice(i).toLowerCase();
        const index = monthNames.findIndex((m) => rest.startsWith(m.toLowerCase()));
        const short = monthNames.findIndex((m) => rest.startsWith(m.slice(0, 3).toLowerCase()));
        if (index >= 0 && pattern.length > 3) {
          month = index + 1;
          i += monthNames[index]!.length;
        } else if (short >= 0) {
          month = short + 1;
          i += 3;
        } else throw fail();
        break;
      }
      case 'DAY': case 'Day': case 'day': case 'DY': case 'Dy': case 'dy': {
        while (i < input.length && /[A-Za-z]/.test(input[i]!)) i++;
        break;
      }
      default:
        number(2);
    }
  }
  if (pm !== undefined) {
    if (pm && hour < 12) hour += 12;
    if (!pm && hour === 12) hour = 0;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) {
    throw new PgError({ code: SqlState.datetimeFieldOverflow, message: `date/time field value out of range: "${input}"` });
  }
  return { secs: secsOf(year, month, day, hour, minute, second), us };
}
