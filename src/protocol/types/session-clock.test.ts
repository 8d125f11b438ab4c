import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { localMidnight, nowParts, specialDayShift, toLocal, zoneOf } from './session-clock.js';
import { SECS_PER_DAY, UNIX_OFFSET_SECS } from './calendar.js';

describe('session clock', () => {
  test('now is the system clock, as seconds since 2000 plus microseconds', () => {
    const { secs, us } = nowParts();
    assert.ok(Math.abs((secs + UNIX_OFFSET_SECS) * 1000 + us / 1000 - Date.now()) < 2000);
    assert.ok(us >= 0 && us < 1e6);
  });
  test('local time in the session zone', () => {
    assert.equal(toLocal(zoneOf({ timeZone: 'Asia/Kolkata' }), 0), 19800);
    assert.equal(toLocal(zoneOf({ timeZone: 'UTC' }), 12345), 12345);
  });
  test('midnights are whole days apart', () => {
    const ctx = { timeZone: 'Pacific/Auckland' };
    const today = localMidnight(ctx, 0);
    assert.equal(today % SECS_PER_DAY, 0);
    assert.equal(localMidnight(ctx, 1) - today, SECS_PER_DAY);
  });
  test('special words', () => {
    assert.equal(specialDayShift('tomorrow'), 1);
    assert.equal(specialDayShift('yesterday'), -1);
    assert.equal(specialDayShift('today'), 0);
  });
});
