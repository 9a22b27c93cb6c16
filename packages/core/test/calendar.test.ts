import { defaultNumRuns } from '@caseledger/testing';
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths } from 'date-fns';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BusinessCalendar,
  Instant,
  LocalDate,
  addLocalDays,
  addLocalMonths,
  compareInstants,
  deadline,
  defaultCalendar,
  endOfLocalDay,
  epochMs,
  instantFromEpochMs,
  instantInZone,
  isWithinMonths,
  isWorkingDay,
  localDateOf,
  makeCalendar,
  monthsWindowEnd,
  startOfLocalDay,
  weekdays,
} from '../src/index.js';

const instant = (s: string): Instant => {
  if (!/Z|[+-]\d\d:\d\d$/.test(s)) throw new Error(`test instant without zone: ${s}`);
  return instantFromEpochMs(Date.parse(s));
};
const date = (s: string): LocalDate => {
  if (!LocalDate.is(s)) throw new Error(`not a date: ${s}`);
  return s;
};
const calendar = (config: {
  readonly timeZone?: string;
  readonly weekendDays?: ReadonlyArray<string>;
  readonly holidays?: ReadonlyArray<string>;
  readonly makeUpWorkingDays?: ReadonlyArray<string>;
}): BusinessCalendar => {
  // A built calendar also holds its lookup sets: only the configuration is given back (an unknown key is refused).
  const { timeZone, weekendDays, holidays, makeUpWorkingDays } = config;
  const c = makeCalendar({ timeZone, weekendDays, holidays, makeUpWorkingDays });
  if (E.isLeft(c)) throw new Error(c.left.message);
  return c.right;
};

describe('working-day deadlines (T-2)', () => {
  it('ends at the end of the next working day, in the calendar zone', () => {
    // Friday 10:00 in Shanghai, 1 working day: the end of Monday.
    expect(deadline(defaultCalendar, instant('2026-11-20T10:00:00+08:00'), { workingDays: 1 })).toBe(instant('2026-11-23T23:59:59.999+08:00'));
  });

  it('"the same working day" (0) is the day itself when it is a working day', () => {
    expect(deadline(defaultCalendar, instant('2026-11-18T17:30:00+08:00'), { workingDays: 0 })).toBe(instant('2026-11-18T23:59:59.999+08:00'));
  });

  it('a step on a weekend starts counting from the next working day', () => {
    const saturday = instant('2026-11-21T09:00:00+08:00');
    expect(deadline(defaultCalendar, saturday, { workingDays: 0 })).toBe(instant('2026-11-23T23:59:59.999+08:00'));
    expect(deadline(defaultCalendar, saturday, { workingDays: 1 })).toBe(instant('2026-11-23T23:59:59.999+08:00'));
    expect(deadline(defaultCalendar, saturday, { workingDays: 2 })).toBe(instant('2026-11-24T23:59:59.999+08:00'));
  });

  it('reads the local date in the calendar zone, not UTC', () => {
    // 2026-11-20T17:00Z is already Saturday 01:00 in Shanghai.
    expect(localDateOf(defaultCalendar, instant('2026-11-20T17:00:00Z'))).toBe('2026-11-21');
    expect(deadline(defaultCalendar, instant('2026-11-20T17:00:00Z'), { workingDays: 0 })).toBe(instant('2026-11-23T23:59:59.999+08:00'));
  });

  it('skips public holidays and counts make-up working days', () => {
    const china = calendar({
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      makeUpWorkingDays: ['2026-10-10'],
    });
    // Wednesday 30 September, 1 working day: 1 Oct holiday … the 8th is the first working day.
    expect(deadline(china, instant('2026-09-30T15:00:00+08:00'), { workingDays: 1 })).toBe(instant('2026-10-08T23:59:59.999+08:00'));
    // A step on a holiday: "the same working day" is the next working day.
    expect(deadline(china, instant('2026-10-02T11:00:00+08:00'), { workingDays: 0 })).toBe(instant('2026-10-08T23:59:59.999+08:00'));
    // Friday 9 October, 1 working day: the make-up Saturday the 10th counts.
    expect(deadline(china, instant('2026-10-09T16:00:00+08:00'), { workingDays: 1 })).toBe(instant('2026-10-10T23:59:59.999+08:00'));
    expect(isWorkingDay(china, date('2026-10-10'))).toBe(true);
    expect(isWorkingDay(china, date('2026-10-11'))).toBe(false);
  });

  it('follows daylight saving time in a zone that has it (Europe/Berlin)', () => {
    const berlin = calendar({ timeZone: 'Europe/Berlin' });
    // Friday 27 March 2026; clocks go forward on Sunday 29 March. Monday ends at 23:59:59.999+02:00.
    expect(deadline(berlin, instant('2026-03-27T12:00:00+01:00'), { workingDays: 1 })).toBe(instant('2026-03-30T23:59:59.999+02:00'));
    // Friday 23 October 2026; clocks go back on Sunday 25 October. Monday ends at 23:59:59.999+01:00.
    expect(deadline(berlin, instant('2026-10-23T12:00:00+02:00'), { workingDays: 1 })).toBe(instant('2026-10-26T23:59:59.999+01:00'));
  });

  it('honours a custom weekend', () => {
    const gulf = calendar({ timeZone: 'Asia/Dubai', weekendDays: ['saturday', 'sunday'] });
    const fridayOff = calendar({ timeZone: 'Asia/Dubai', weekendDays: ['friday'] });
    const thursday = instant('2026-11-19T10:00:00+04:00');
    expect(deadline(gulf, thursday, { workingDays: 1 })).toBe(instant('2026-11-20T23:59:59.999+04:00'));
    expect(deadline(fridayOff, thursday, { workingDays: 1 })).toBe(instant('2026-11-21T23:59:59.999+04:00'));
  });
});

describe('calendar-day deadlines (T-3)', () => {
  it('adds exactly N × 24 hours, whatever the weekends', () => {
    expect(deadline(defaultCalendar, instant('2026-11-20T10:00:00+08:00'), { days: 3 })).toBe(instant('2026-11-23T10:00:00+08:00'));
  });

  it('adds 24-hour days across a daylight-saving change', () => {
    const berlin = calendar({ timeZone: 'Europe/Berlin' });
    expect(deadline(berlin, instant('2026-03-28T12:00:00+01:00'), { days: 1 })).toBe(instant('2026-03-29T13:00:00+02:00'));
  });
});

describe('months windows (T-4)', () => {
  it('clamps to the month end', () => {
    expect(monthsWindowEnd(date('2025-11-30'), 3)).toBe('2026-02-28');
    expect(monthsWindowEnd(date('2023-11-30'), 3)).toBe('2024-02-29');
    expect(monthsWindowEnd(date('2026-01-31'), 1)).toBe('2026-02-28');
    expect(monthsWindowEnd(date('2024-02-29'), 3)).toBe('2024-05-29');
    expect(monthsWindowEnd(date('2024-02-29'), 12)).toBe('2025-02-28');
  });

  it('is open through the last local day and closed the day after', () => {
    const shipped = date('2025-11-30');
    expect(isWithinMonths(defaultCalendar, shipped, 3, instant('2026-02-28T23:59:00+08:00'))).toBe(true);
    expect(isWithinMonths(defaultCalendar, shipped, 3, instant('2026-03-01T00:00:00+08:00'))).toBe(false);
  });

  it('compares local dates in the calendar zone', () => {
    // 16:30 UTC on 28 February is already 1 March in Shanghai: outside the window there, inside in London.
    const at = instant('2026-02-28T16:30:00Z');
    expect(isWithinMonths(defaultCalendar, date('2025-11-30'), 3, at)).toBe(false);
    expect(isWithinMonths(calendar({ timeZone: 'Europe/London' }), date('2025-11-30'), 3, at)).toBe(true);
  });

  it('reads an instant as a local date first', () => {
    // Shipped at 23:30 on 30 Nov in Shanghai (15:30 UTC).
    expect(isWithinMonths(defaultCalendar, instant('2025-11-30T15:30:00Z'), 3, instant('2026-02-28T20:00:00+08:00'))).toBe(true);
  });
});

describe('calendar configuration', () => {
  it('refuses an unknown time zone', () => {
    const c = makeCalendar({ timeZone: 'Mars/Olympus_Mons' });
    expect(E.isLeft(c) && c.left.code).toBe('CALENDAR_UNKNOWN_TIME_ZONE');
  });
  it('refuses a week without working days', () => {
    const c = makeCalendar({ weekendDays: [...weekdays] });
    expect(E.isLeft(c) && c.left.code).toBe('CALENDAR_NO_WORKING_DAYS');
  });
  it('refuses a date that is both a holiday and a make-up day', () => {
    const c = makeCalendar({ holidays: ['2026-10-10'], makeUpWorkingDays: ['2026-10-10'] });
    expect(E.isLeft(c) && c.left.code).toBe('CALENDAR_DAY_BOTH_HOLIDAY_AND_WORKING');
  });
  it('T-7: refuses a key a calendar does not define, naming it (a misspelt "holiday" is not silently ignored)', () => {
    const c = makeCalendar({ timeZone: 'Asia/Shanghai', holiday: ['2026-10-01'] });
    expect(E.isLeft(c) && c.left.code === 'CALENDAR_UNDECODABLE' && c.left.errors.map((e) => e.path)).toEqual(['holiday']);
  });
  it('names the bad field of an undecodable configuration', () => {
    const c = makeCalendar({ holidays: ['2026-02-30'], weekendDays: ['caturday'] });
    expect(E.isLeft(c) && c.left.code).toBe('CALENDAR_UNDECODABLE');
    if (E.isLeft(c) && c.left.code === 'CALENDAR_UNDECODABLE') {
      expect(c.left.errors.map((e) => e.path).sort()).toEqual(['holidays.0', 'weekendDays.0']);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over generated calendars.

const zones = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kolkata', 'Australia/Sydney'] as const;
const dayMs = 24 * 60 * 60 * 1000;
const base = Date.parse('2026-01-01T00:00:00Z');
const localDateArb = fc.integer({ min: 0, max: 400 }).map((i) => {
  const d = new Date(base + i * dayMs).toISOString().slice(0, 10);
  if (!LocalDate.is(d)) throw new Error('bad date');
  return d;
});

const calendarArb = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    weekendDays: fc.uniqueArray(fc.constantFrom(...weekdays), { maxLength: 6 }),
    holidays: fc.uniqueArray(localDateArb, { maxLength: 40 }),
    makeUpWorkingDays: fc.uniqueArray(localDateArb, { maxLength: 10 }),
  })
  .map((c) => ({ ...c, makeUpWorkingDays: c.makeUpWorkingDays.filter((d) => !c.holidays.includes(d)) }))
  .map(calendar);

const instantArb = fc.integer({ min: 0, max: 400 * dayMs }).map((ms) => instantFromEpochMs(base + ms));
const runs = { numRuns: defaultNumRuns() };

describe('calendar properties', () => {
  it('a working-day deadline always ends on a working day, at the end of that local day', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.nat({ max: 15 }), (cal, from, n) => {
        const due = deadline(cal, from, { workingDays: n });
        const day = localDateOf(cal, due);
        expect(isWorkingDay(cal, day)).toBe(true);
        // One millisecond later is the next local day.
        expect(localDateOf(cal, instantFromEpochMs(epochMs(due) + 1))).toBe(addLocalDays(day, 1));
        expect(compareInstants(due, from)).toBeGreaterThanOrEqual(0);
      }),
      runs,
    );
  });

  it('more working days never end earlier', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.nat({ max: 15 }), fc.nat({ max: 15 }), (cal, from, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(compareInstants(deadline(cal, from, { workingDays: lo }), deadline(cal, from, { workingDays: hi }))).toBeLessThanOrEqual(0);
      }),
      runs,
    );
  });

  it('a make-up working day counts: the day before it, one working day ends on it', () => {
    fc.assert(
      fc.property(calendarArb, localDateArb, (cal, makeUp) => {
        const withMakeUp = calendar({
          timeZone: cal.timeZone,
          weekendDays: cal.weekendDays,
          holidays: cal.holidays.filter((d) => d !== makeUp),
          makeUpWorkingDays: [...cal.makeUpWorkingDays.filter((d) => d !== makeUp), makeUp],
        });
        const dayBefore = addLocalDays(makeUp, -1);
        const from = instantFromEpochMs(epochMs(startOfLocalDay(withMakeUp, dayBefore)) + 6 * 3600_000);
        expect(localDateOf(withMakeUp, deadline(withMakeUp, from, { workingDays: 1 }))).toBe(makeUp);
      }),
      runs,
    );
  });

  it('a holiday never counts, and adding one never makes a deadline earlier', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.nat({ max: 10 }), localDateArb, (cal, from, n, extra) => {
        fc.pre(!cal.makeUpWorkingDays.includes(extra));
        const withHoliday = calendar({ ...cal, holidays: [...new Set([...cal.holidays, extra])] });
        const before = deadline(cal, from, { workingDays: n });
        const after = deadline(withHoliday, from, { workingDays: n });
        expect(localDateOf(withHoliday, after)).not.toBe(extra);
        expect(compareInstants(before, after)).toBeLessThanOrEqual(0);
      }),
      runs,
    );
  });

  it('a months window always ends on or after its start and includes its start', () => {
    fc.assert(
      fc.property(localDateArb, fc.nat({ max: 36 }), (from, months) => {
        expect(monthsWindowEnd(from, months) >= from).toBe(true);
      }),
      runs,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The calendar computes local dates on a UTC time line with an offset per zone and day; date-fns
// (TZDate) is the reference it must agree with, DST changes and month ends included.

const referenceDate = (d: Date): string =>
  `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const allZones = [...zones, 'America/Sao_Paulo', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'Europe/London', 'Africa/Casablanca'] as const;
const wideInstantArb = fc.integer({ min: Date.parse('1980-01-01T00:00:00Z'), max: Date.parse('2040-12-31T00:00:00Z') }).map(instantFromEpochMs);
const wideDateArb = fc.integer({ min: 0, max: 60 * 366 }).map((i) => {
  const d = new Date(Date.parse('1980-01-01T00:00:00Z') + i * dayMs).toISOString().slice(0, 10);
  if (!LocalDate.is(d)) throw new Error('bad date');
  return d;
});

describe('local dates agree with date-fns', () => {
  it('localDateOf, in zones with and without daylight saving; a day starts and ends where its local date does', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allZones), wideInstantArb, (timeZone, at) => {
        const cal = calendar({ timeZone });
        const date = localDateOf(cal, at);
        expect(date).toBe(referenceDate(new TZDate(epochMs(at), timeZone)));
        const start = epochMs(startOfLocalDay(cal, date));
        const end = epochMs(endOfLocalDay(cal, date));
        expect([localDateOf(cal, instantFromEpochMs(start - 1)), localDateOf(cal, instantFromEpochMs(start))]).toEqual([addLocalDays(date, -1), date]);
        expect([localDateOf(cal, instantFromEpochMs(end)), localDateOf(cal, instantFromEpochMs(end + 1))]).toEqual([date, addLocalDays(date, 1)]);
        expect(start <= epochMs(at) && epochMs(at) <= end).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("a date that comes back after the next began (clocks set back at 00:01, St. John's 2008) ends when the repeat ends", () => {
    const stJohns = calendar({ timeZone: 'America/St_Johns' });
    // 2008-11-02 00:01 NDT (-02:30) went back to 2008-11-01 23:01 NST (-03:30): the 1st came back for an hour.
    expect(startOfLocalDay(stJohns, date('2008-11-02'))).toBe('2008-11-02T02:30:00.000Z');
    expect(localDateOf(stJohns, instantFromEpochMs(Date.parse('2008-11-02T02:31:00.000Z')))).toBe('2008-11-01');
    expect(endOfLocalDay(stJohns, date('2008-11-01'))).toBe('2008-11-02T03:29:59.999Z');
    expect(endOfLocalDay(stJohns, date('2008-11-02'))).toBe('2008-11-03T03:29:59.999Z');
  });

  it('a day the clocks change at midnight starts when they jump, and lasts 23 or 25 hours (São Paulo, 1999–2000)', () => {
    const saoPaulo = calendar({ timeZone: 'America/Sao_Paulo' });
    // 1999-10-03: clocks jump from 00:00 to 01:00 (-03:00 → -02:00); the day starts at 01:00 local.
    expect(startOfLocalDay(saoPaulo, date('1999-10-03'))).toBe('1999-10-03T03:00:00.000Z');
    // 2000-02-27 00:00 (-02:00) goes back to 2000-02-26 23:00 (-03:00): the 26th ends an hour later.
    expect(endOfLocalDay(saoPaulo, date('2000-02-26'))).toBe('2000-02-27T02:59:59.999Z');
  });

  it('addLocalDays and addLocalMonths (clamped to the month’s end), against date-fns', () => {
    fc.assert(
      fc.property(wideDateArb, fc.integer({ min: -800, max: 800 }), fc.integer({ min: -40, max: 40 }), (date, days, months) => {
        const [y, m, d] = date.split('-').map(Number);
        const utc = new TZDate(y ?? 0, (m ?? 1) - 1, d ?? 1, 'UTC');
        expect(addLocalDays(date, days)).toBe(referenceDate(addDays(utc, days)));
        expect(addLocalMonths(date, months)).toBe(referenceDate(addMonths(utc, months)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('instants for people (instantInZone)', () => {
  it("writes the same instant with the calendar's offset, still an ISO-8601 instant", () => {
    const shanghai = calendar({});
    expect(instantInZone(shanghai, instant('2026-11-19T15:59:59.999Z'))).toBe('2026-11-19T23:59:59.999+08:00');
    expect(instantInZone(calendar({ timeZone: 'America/New_York' }), instant('2026-03-08T07:30:00Z'))).toBe('2026-03-08T03:30:00.000-04:00');
    expect(instantInZone(calendar({ timeZone: 'UTC' }), instant('2026-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00.000+00:00');
  });
  it('(property) is the same instant on any zone', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, (cal, at) => {
        const shown = instantInZone(cal, at);
        expect(Instant.is(shown)).toBe(true);
        expect(Date.parse(shown)).toBe(Date.parse(at));
      }),
    );
  });
});
