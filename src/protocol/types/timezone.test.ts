import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findNamedZone, FixedZone, formatUtcOffset, localToUtc, zoneForSetting } from './timezone.js';

const unix = (iso: string): number => Date.parse(iso) / 1000;

describe('offsets of IANA zones', () => {
  // Offsets checked against PostgreSQL 15's output for the same instants.
  const cases: Array<[string, string, number]> = [
    ['Europe/Berlin', '2024-01-01T12:00:00Z', 3600],
    ['Europe/Berlin', '2024-07-01T12:00:00Z', 7200],
    ['Europe/Berlin', '1800-01-01T00:00:00Z', 3208], // LMT +00:53:28
    ['Europe/Berlin', '1500-01-01T00:00:00Z', 3208], // before any transition: still LMT
    ['America/New_York', '2024-07-01T12:00:00Z', -14400],
    ['America/New_York', '2024-01-01T12:00:00Z', -18000],
    ['Asia/Kolkata', '2024-01-01T12:00:00Z', 19800],
    ['Asia/Kathmandu', '2024-07-01T12:00:00Z', 20700],
    ['Australia/Lord_Howe', '2024-01-01T12:00:00Z', 39600],
    ['Pacific/Kiritimati', '2024-01-01T12:00:00Z', 50400],
    // The day of the switch: before and after the instant of change.
    ['Europe/Berlin', '2024-03-31T00:59:59Z', 3600],
    ['Europe/Berlin', '2024-03-31T01:00:00Z', 7200],
    ['Europe/Berlin', '2024-10-27T00:59:59Z', 7200],
    ['Europe/Berlin', '2024-10-27T01:00:00Z', 3600],
  ];
  for (const [zone, iso, offset] of cases) {
    test(`${zone} at ${iso}`, () => assert.equal(findNamedZone(zone)!.offsetAt(unix(iso)), offset));
  }

  test('instants beyond the JS date range follow the yearly rules', () => {
    // 294276-12-31 23:59:59 UTC is winter in Berlin (PostgreSQL prints +01).
    const days = 106751982 + 10957; // days from 1970 to 294276-12-31
    assert.equal(findNamedZone('Europe/Berlin')!.offsetAt(days * 86400 + 86399), 3600);
  });

  test('names are case-insensitive and unknown names are undefined', () => {
    assert.ok(findNamedZone('europe/berlin'));
    assert.equal(findNamedZone('Nowhere/Zone'), undefined);
    assert.equal(findNamedZone('UTC')!.offsetAt(0), 0);
  });
});

describe('TimeZone settings', () => {
  // Each as PostgreSQL 15 applies the setting to '2024-07-01 12:00Z'.
  const cases: Array<[string, number]> = [
    ['UTC', 0], ['utc', 0], ['GMT', 0], ['UTC0', 0],
    ['+02', 7200], ['-5', -18000], ['5.5', 19800], // bare numbers: hours east
    ['UTC+2', -7200], ['+02:00', -7200], ['-03:30', 12600], ['FOO+3', -10800], ['<+03>-3', 10800], // POSIX: hours west
    ['Europe/Berlin', 7200], ['europe/berlin', 7200], ['EST5EDT', -14400], ['Etc/GMT+2', -7200], ['Asia/Kathmandu', 20700],
  ];
  for (const [setting, offset] of cases) {
    test(setting, () => assert.equal(zoneForSetting(setting).offsetAt(unix('2024-07-01T12:00:00Z')), offset));
  }
  for (const setting of ['Z', 'Nowhere/Zone', 'not a zone', '']) {
    test(`rejects ${JSON.stringify(setting)}`, () => {
      assert.throws(() => zoneForSetting(setting), { code: '22023', message: `invalid value for parameter "TimeZone": "${setting}"` });
    });
  }
});

describe('local time to UTC', () => {
  const berlin = findNamedZone('Europe/Berlin')!;
  const newYork = findNamedZone('America/New_York')!;
  // As PostgreSQL resolves them (checked against the server).
  const cases: Array<[string, typeof berlin, string, string]> = [
    ['plain winter time', berlin, '2024-01-01T12:00:00Z', '2024-01-01T11:00:00Z'],
    ['fall-back overlap takes the later (standard) offset', berlin, '2024-10-27T02:30:00Z', '2024-10-27T01:30:00Z'],
    ['spring-forward gap takes the earlier offset', berlin, '2024-03-31T02:30:00Z', '2024-03-31T01:30:00Z'],
    ['New York overlap', newYork, '2018-11-04T01:30:00Z', '2018-11-04T06:30:00Z'],
    ['New York gap', newYork, '2018-03-11T02:30:00Z', '2018-03-11T07:30:00Z'],
  ];
  for (const [name, zone, local, utc] of cases) {
    test(name, () => assert.equal(localToUtc(zone, unix(local)), unix(utc)));
  }
  test('fixed offsets', () => assert.equal(localToUtc(new FixedZone(-3 * 3600), 0), 3 * 3600));
});

describe('offset suffix', () => {
  const cases: Array<[number, string]> = [
    [0, '+00'], [3600, '+01'], [-10800, '-03'], [19800, '+05:30'], [3208, '+00:53:28'], [-34200, '-09:30'], [50400, '+14'], [-1, '-00:00:01'],
  ];
  for (const [offset, text] of cases) test(text, () => assert.equal(formatUtcOffset(offset), text));
});
