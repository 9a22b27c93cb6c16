/** Reports for people: instants in the calendar's zone, the zone named, lateness in words. */
import { defaultCalendar, instantFromEpochMs, makeCalendar } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { instantIn, latenessText, readableWith, zoneLabel } from '../src/index.js';

describe('readable reports', () => {
  it('shows an instant in the zone, minutes only, seconds when there are some; the last millisecond of a day as its minute', () => {
    expect(instantIn('Asia/Shanghai')('2026-11-18T02:00:00.000Z')).toBe('2026-11-18 10:00');
    expect(instantIn('Asia/Shanghai')('2026-11-18T02:00:07.000Z')).toBe('2026-11-18 10:00:07');
    expect(instantIn('Asia/Shanghai')('2026-11-17T15:59:59.999Z')).toBe('2026-11-17 23:59');
    // Summer and winter time in Berlin.
    expect(instantIn('Europe/Berlin')('2026-07-01T10:00:00Z')).toBe('2026-07-01 12:00');
    expect(instantIn('Europe/Berlin')('2026-12-01T10:00:00Z')).toBe('2026-12-01 11:00');
  });

  it('names the zone with its offset at the report instant', () => {
    expect(zoneLabel('Asia/Shanghai', '2026-11-18T02:00:00Z')).toBe('Asia/Shanghai (UTC+08:00)');
    expect(zoneLabel('Europe/Berlin', '2026-07-01T10:00:00Z')).toBe('Europe/Berlin (UTC+02:00)');
    expect(zoneLabel('UTC', '2026-07-01T10:00:00Z')).toBe('UTC (UTC+00:00)');
  });

  it('says how late in working days, hours and minutes', () => {
    expect(latenessText({ workingDays: 1, ms: 3 * 3_600_000 + 1 })).toBe('1 working day 3 h');
    expect(latenessText({ workingDays: 2, ms: 10 * 60_000 })).toBe('2 working days 10 min');
    expect(latenessText({ workingDays: 0, ms: 59_000 })).toBe('under a minute');
  });

  it('a missed deadline still open is late until the report instant; without a calendar, instants stay ISO-8601 and no lateness is shown', () => {
    const asOf = instantFromEpochMs(Date.parse('2026-11-19T03:00:00+08:00'));
    const dueBy = instantFromEpochMs(Date.parse('2026-11-17T23:59:59.999+08:00'));
    expect(readableWith({ calendar: defaultCalendar }, asOf).lateBy({ status: 'missed', dueBy })).toBe('not done, late by 1 working day 3 h');
    expect(readableWith({ calendar: defaultCalendar }, asOf).lateBy({ status: 'met', dueBy })).toBeUndefined();
    const plain = readableWith({}, asOf);
    expect([plain.when(asOf), plain.zoneNote, plain.lateBy({ status: 'missed', dueBy })]).toEqual([asOf, undefined, undefined]);
    const berlin = makeCalendar({ timeZone: 'Europe/Berlin' });
    expect(E.isRight(berlin) && readableWith({ calendar: berlin.right }, asOf).zoneNote).toBe('Times in Europe/Berlin (UTC+01:00)');
  });
});
