/** How late a step is, in working days and clock time, for reports (T-8 judges; this only measures). */
import { calendarArb } from '@caseledger/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Instant, defaultCalendar, endOfLocalDay, epochMs, instantFromEpochMs, lateness, localDateOf } from '../src/index.js';
import { localDate } from './fixtures/values.js';

const at = (text: string): Instant => instantFromEpochMs(Date.parse(text));
const HOUR = 3_600_000;

describe('lateness', () => {
  it('counts the working days wholly between due and done, and the clock time on the two boundary days', () => {
    const tuesdayEnd = endOfLocalDay(defaultCalendar, localDate('2026-11-17'));
    // Wednesday passed whole; 3 hours into Thursday (and the last millisecond of Tuesday).
    expect(lateness(defaultCalendar, tuesdayEnd, at('2026-11-19T03:00:00+08:00'))).toEqual({ workingDays: 1, ms: 3 * HOUR + 1 });
    // A weekend in between is no working day: a Friday deadline met on Monday at 10:00.
    expect(lateness(defaultCalendar, endOfLocalDay(defaultCalendar, localDate('2026-11-20')), at('2026-11-23T10:00:00+08:00'))).toEqual({
      workingDays: 0,
      ms: 10 * HOUR + 1,
    });
    // The same day: the time between.
    expect(lateness(defaultCalendar, at('2026-11-18T10:00:00+08:00'), at('2026-11-18T12:30:00+08:00'))).toEqual({ workingDays: 0, ms: 2.5 * HOUR });
  });

  it('is undefined when the step was on time', () => {
    expect(lateness(defaultCalendar, at('2026-11-18T10:00:00+08:00'), at('2026-11-18T10:00:00+08:00'))).toBeUndefined();
    expect(lateness(defaultCalendar, at('2026-11-18T10:00:00+08:00'), at('2026-11-17T10:00:00+08:00'))).toBeUndefined();
  });

  it('on any calendar: defined exactly when late; whole working days never more than the days between; clock time under two days, or the gap itself on one day', () => {
    const instant = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') }).map(instantFromEpochMs);
    fc.assert(
      fc.property(calendarArb, instant, instant, (calendar, due, done) => {
        const late = lateness(calendar, due, done);
        if (epochMs(done) <= epochMs(due)) return late === undefined;
        if (late === undefined) return false;
        const days = (Date.parse(localDateOf(calendar, done)) - Date.parse(localDateOf(calendar, due))) / 86_400_000;
        if (days === 0) return late.workingDays === 0 && late.ms === epochMs(done) - epochMs(due);
        return late.workingDays >= 0 && late.workingDays <= days - 1 && late.ms > 0 && late.ms <= 2 * 25 * HOUR;
      }),
      { numRuns: 300 },
    );
  });
});
