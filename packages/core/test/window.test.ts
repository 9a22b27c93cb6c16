/** Windows with their unit (T-2, T-3, T-4 on dates) and the J-0 comparison across units. */
import { calendarArb, defaultNumRuns } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Window, WindowCodec, addLocalDays, defaultCalendar, lastDayOfWindow, makeCalendar, windowAtLeast, windowOf, windowUnits } from '../src/index.js';
import { localDate } from './fixtures/values.js';

const runs = { numRuns: defaultNumRuns() };

describe('windows', () => {
  it("end N days later, on the N-th working day after, or N months later clamped to the month's end", () => {
    const from = localDate('2026-09-30');
    expect(lastDayOfWindow(defaultCalendar, from, windowOf(7, 'days'))).toBe('2026-10-07');
    expect(lastDayOfWindow(defaultCalendar, from, windowOf(5, 'months'))).toBe('2027-02-28');
    const national = makeCalendar({ holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], makeUpWorkingDays: ['2026-10-10'] });
    if (E.isLeft(national)) throw new Error(national.left.message);
    // Golden week: 1–7 October off, Saturday 10 October worked.
    expect(lastDayOfWindow(national.right, from, windowOf(1, 'working-days'))).toBe('2026-10-08');
    expect(lastDayOfWindow(national.right, from, windowOf(3, 'working-days'))).toBe('2026-10-10');
  });

  it('read and write the text a policy file holds', () => {
    expect(WindowCodec.decode('7 days')).toEqual(E.right({ count: 7, unit: 'days' }));
    expect(WindowCodec.decode('1 working day')).toEqual(E.right({ count: 1, unit: 'working-days' }));
    expect(WindowCodec.encode(windowOf(1, 'months'))).toBe('1 month');
    expect(WindowCodec.encode(windowOf(3, 'working-days'))).toBe('3 working days');
    for (const bad of ['7', '7 weeks', 'a week', '-3 days', '3.5 days', 3]) expect(E.isLeft(WindowCodec.decode(bad))).toBe(true);
  });

  it('property: every window round-trips through its text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(...windowUnits), (count, unit) => {
        const w = windowOf(count, unit);
        expect(WindowCodec.decode(WindowCodec.encode(w))).toEqual(E.right(w));
      }),
      runs,
    );
  });

  it('property (J-0): a window judged at least another ends no earlier, from any start, on any calendar', () => {
    const windowArb: fc.Arbitrary<Window> = fc.record({ count: fc.integer({ min: 0, max: 40 }), unit: fc.constantFrom(...windowUnits) });
    let compared = 0;
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: 0, max: 700 }), windowArb, windowArb, (calendar, offset, given, floor) => {
        if (!windowAtLeast(given, floor)) return;
        compared += 1;
        const from = addLocalDays(localDate('2026-01-01'), offset);
        expect(lastDayOfWindow(calendar, from, given) >= lastDayOfWindow(calendar, from, floor)).toBe(true);
      }),
      { ...runs, numRuns: runs.numRuns * 5 },
    );
    expect(compared).toBeGreaterThan(0);
  });

  it('compares across units only where it always holds', () => {
    expect(windowAtLeast(windowOf(1, 'months'), windowOf(28, 'days'))).toBe(true);
    expect(windowAtLeast(windowOf(1, 'months'), windowOf(29, 'days'))).toBe(false);
    expect(windowAtLeast(windowOf(31, 'days'), windowOf(1, 'months'))).toBe(true);
    expect(windowAtLeast(windowOf(30, 'days'), windowOf(1, 'months'))).toBe(false);
    expect(windowAtLeast(windowOf(7, 'working-days'), windowOf(7, 'days'))).toBe(true);
    expect(windowAtLeast(windowOf(100, 'days'), windowOf(1, 'working-days'))).toBe(false);
  });
});
