/**
 * ISO 8601 interval input: the designator form 'P1Y2M3DT4H5M6.5S' (fractions and signs
 * allowed on each field, as PostgreSQL accepts) and the alternative form 'P0001-02-03T04:05:06'.
 */
import type { Interval } from './interval.js';
import { IntervalBuilder, type Unit } from './interval-fields.js';
import { invalidDatetime } from './errors.js';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** ISO 8601: 'P[nY][nM][nW][nD][T[nH][nM][nS]]' or the alternative 'PYYYY-MM-DDTHH:MM:SS'. */
export function parseIso(s: string, i: number, end: number, input: string): Interval {
  // PostgreSQL's ISO reader adds repeated fields up ('P1D1D' is 2 days) instead of rejecting them.
  const b = new IntervalBuilder(input, false);
  if (i === end) throw invalidDatetime('interval', input);
  if (isDigit(s.charCodeAt(i)) && isAlternativeIso(s, i, end)) return parseIsoAlternative(s, i, end, input);
  let inTime = false;
  let fieldsInPart = 0;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === 116) {
      if (inTime) throw invalidDatetime('interval', input);
      inTime = true;
      fieldsInPart = 0;
      i++;
      continue;
    }
    const numStart = i;
    if (c === 43 || c === 45) i++;
    while (i < end && isDigit(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) === 46) {
      i++;
      while (i < end && isDigit(s.charCodeAt(i))) i++;
    }
    const text = s.slice(numStart, i);
    const value = Number(text);
    if (text === '' || text === '-' || text === '+' || text === '.' || value !== value) {
      throw invalidDatetime('interval', input);
    }
    if (i >= end || (!inTime && s.charCodeAt(i) === 116)) {
      // A number without designator is allowed only as the whole of its part: years before 'T'
      // or at the end, hours after 'T' (8 and 6 digits read as YYYYMMDD and HHMMSS).
      if (fieldsInPart > 0) throw invalidDatetime('interval', input);
      addUndesignated(b, text, value, inTime);
      fieldsInPart++;
      continue;
    }
    const designator = s.charCodeAt(i++);
    let unit: Unit;
    if (!inTime) {
      if (designator === 121) unit = 'y';
      else if (designator === 109) unit = 'mon';
      else if (designator === 119) unit = 'w';
      else if (designator === 100) unit = 'd';
      else throw invalidDatetime('interval', input);
    } else if (designator === 104) unit = 'h';
    else if (designator === 109) unit = 'min';
    else if (designator === 115) unit = 's';
    else throw invalidDatetime('interval', input);
    b.add(unit, value);
    fieldsInPart++;
  }
  return b.finish(false);
}

const EIGHT_DIGITS = /^\d{8}$/;
const SIX_DIGITS = /^\d{6}$/;
const PLAIN_NUMBER = /^\d+(\.\d+)?$/;

function addUndesignated(b: IntervalBuilder, text: string, value: number, inTime: boolean): void {
  if (!inTime && EIGHT_DIGITS.test(text)) {
    b.add('y', Number(text.slice(0, 4)));
    b.add('mon', Number(text.slice(4, 6)));
    b.add('d', Number(text.slice(6)));
  } else if (inTime && SIX_DIGITS.test(text)) {
    b.add('h', Number(text.slice(0, 2)));
    b.add('min', Number(text.slice(2, 4)));
    b.add('s', Number(text.slice(4)));
  } else b.add(inTime ? 'h' : 'y', value);
}

function isAlternativeIso(s: string, i: number, end: number): boolean {
  while (i < end && isDigit(s.charCodeAt(i))) i++;
  return s.charCodeAt(i) === 45 || s.charCodeAt(i) === 116 || s.charCodeAt(i) === 58;
}

/** 'PYYYY-MM-DDTHH:MM:SS', any trailing fields optional. */
function parseIsoAlternative(s: string, i: number, end: number, input: string): Interval {
  const b = new IntervalBuilder(input, false);
  const t = s.indexOf('t', i);
  const datePart = s.slice(i, t < 0 || t > end ? end : t);
  const timePart = t < 0 || t > end ? '' : s.slice(t + 1, end);
  if (datePart !== '') addParts(b, datePart.split('-'), 'y', 'mon', 'd', input);
  if (timePart !== '') addParts(b, timePart.split(':'), 'h', 'min', 's', input);
  return b.finish(false);
}

function addParts(b: IntervalBuilder, parts: string[], first: Unit, second: Unit, third: Unit, input: string): void {
  if (parts.length > 3) throw invalidDatetime('interval', input);
  for (let k = 0; k < parts.length; k++) {
    if (!PLAIN_NUMBER.test(parts[k]!)) throw invalidDatetime('interval', input);
    b.add(k === 0 ? first : k === 1 ? second : third, Number(parts[k]));
  }
}
