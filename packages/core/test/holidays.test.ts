/** The Chinese public-holiday calendar (T-2): the State Council's notices as data, pinned by known days. */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { chinaCalendar, chinaHolidayYears, deadline, isWorkingDay, weekdayOf } from '../src/index.js';
import { instant, localDate } from './fixtures/values.js';

const calendar = (() => {
  const c = chinaCalendar();
  if (E.isLeft(c)) throw new Error(c.left.message);
  return c.right;
})();
const working = (date: string) => isWorkingDay(calendar, localDate(date));

describe('the Chinese public-holiday calendar', () => {
  it('a make-up Saturday or Sunday is a working day; the holiday it pays for is not', () => {
    expect([weekdayOf(localDate('2026-02-14')), working('2026-02-14')]).toEqual(['saturday', true]);
    expect([weekdayOf(localDate('2025-01-26')), working('2025-01-26')]).toEqual(['sunday', true]);
    expect([weekdayOf(localDate('2026-02-16')), working('2026-02-16')]).toEqual(['monday', false]);
    expect(working('2026-10-07')).toBe(false);
    expect(working('2026-10-10')).toBe(true);
    expect(working('2025-10-08')).toBe(false);
    // An ordinary Saturday stays a weekend day.
    expect(working('2026-03-07')).toBe(false);
  });

  it('a working-day deadline runs through the Spring Festival and lands on the make-up Saturday', () => {
    // Friday 13 February 2026, 1 working day: Saturday 14th is worked.
    expect(deadline(calendar, instant('2026-02-13T10:00:00+08:00'), { workingDays: 1 })).toBe('2026-02-14T15:59:59.999Z');
    // Two working days: the next is Tuesday 24th, after the holiday (15th–23rd).
    expect(deadline(calendar, instant('2026-02-13T10:00:00+08:00'), { workingDays: 2 })).toBe('2026-02-24T15:59:59.999Z');
  });

  it('every year cites its notice, and the counts are the ones published', () => {
    for (const y of chinaHolidayYears) {
      expect(y.notice.title).toContain(`${y.year}年部分节假日安排的通知`);
      expect(y.holidays.every((d) => d.startsWith(`${y.year}-`))).toBe(true);
    }
    const year = (n: number) => chinaHolidayYears.find((y) => y.year === n);
    // 2025: 1 + 8 + 3 + 5 + 3 + 8 days off, 5 make-up days; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7, 6 make-up days.
    expect([year(2025)?.holidays.length, year(2025)?.makeUpWorkingDays.length]).toEqual([28, 5]);
    expect([year(2026)?.holidays.length, year(2026)?.makeUpWorkingDays.length]).toEqual([33, 6]);
    // A make-up day is always a weekend day.
    for (const y of chinaHolidayYears) for (const d of y.makeUpWorkingDays) expect(['saturday', 'sunday']).toContain(weekdayOf(localDate(d)));
  });

  it('refuses a year not published, naming it, rather than guessing', () => {
    expect(chinaCalendar([2026, 2027])).toMatchObject({ left: { code: 'HOLIDAYS_NOT_PUBLISHED', year: 2027, published: [2025, 2026] } });
    const only2026 = chinaCalendar([2026]);
    expect(E.isRight(only2026) && isWorkingDay(only2026.right, localDate('2025-01-28'))).toBe(true);
  });
});
