/**
 * A window counted from a date, with its unit as part of the value: `"7 days"` (calendar days),
 * `"3 working days"` (T-2) or `"3 months"` (T-4). Policy files write a window as that text; the
 * core reads it as `{ count, unit }`.
 *
 * A window from a local date (a sale, a shipment, a delivery) ends on a local date: N days later,
 * the N-th working day after it, or the same day N months later clamped to the month's end. A step
 * is within the window while its own local date is on or before that last day.
 */
import * as t from 'io-ts';
import { type BusinessCalendar, addLocalDays, addLocalMonths, deadline, endOfLocalDay, localDateOf, nthWorkingDayAfter } from './calendar.js';
import type { Instant, LocalDate } from './codecs.js';

export const windowUnits = ['days', 'working-days', 'months'] as const;
export type WindowUnit = (typeof windowUnits)[number];

export interface Window {
  readonly count: number;
  readonly unit: WindowUnit;
}

const WINDOW_TEXT = /^\s*(\d{1,4})\s+(days?|working\s+days?|months?)\s*$/i;

const unitOf = (word: string): WindowUnit => {
  const w = word.toLowerCase();
  if (w.startsWith('working')) return 'working-days';
  return w.startsWith('month') ? 'months' : 'days';
};

/** The window as policy files write it: `"7 days"`, `"1 working day"`, `"3 months"`. */
export const describeWindow = (w: Window): string => {
  const words = { days: ['day', 'days'], 'working-days': ['working day', 'working days'], months: ['month', 'months'] }[w.unit];
  return `${w.count} ${w.count === 1 ? words[0] : words[1]}`;
};

/** Reads `"7 days"`, `"3 working days"`, `"3 months"` (singular or plural); writes the same text. */
export const WindowCodec = new t.Type<Window, string, unknown>(
  'Window ("7 days" | "3 working days" | "3 months")',
  (u): u is Window =>
    typeof u === 'object' &&
    u !== null &&
    'count' in u &&
    'unit' in u &&
    typeof u.count === 'number' &&
    Number.isInteger(u.count) &&
    u.count >= 0 &&
    windowUnits.some((unit) => unit === u.unit),
  (u, c) => {
    if (typeof u === 'object' && u !== null && 'count' in u && 'unit' in u) {
      // Values built in code (e.g. spread from the defaults) are already read.
      const { count, unit } = u;
      const known = windowUnits.find((w) => w === unit);
      return typeof count === 'number' && Number.isInteger(count) && count >= 0 && count <= 9999 && known !== undefined
        ? t.success({ count, unit: known })
        : t.failure(u, c);
    }
    const m = typeof u === 'string' ? WINDOW_TEXT.exec(u) : null;
    return m === null ? t.failure(u, c) : t.success({ count: Number(m[1]), unit: unitOf(m[2] ?? '') });
  },
  describeWindow,
);

export const windowOf = (count: number, unit: WindowUnit): Window => ({ count, unit });

/** The last day of a window from a local date, by its unit (T-2, T-3 on dates, T-4). */
export const lastDayOfWindow = (calendar: BusinessCalendar, from: LocalDate, w: Window): LocalDate => {
  switch (w.unit) {
    case 'days':
      return addLocalDays(from, w.count);
    case 'working-days':
      return nthWorkingDayAfter(calendar, from, w.count);
    case 'months':
      return addLocalMonths(from, w.count);
  }
};

/** Whether the local date of `at` is on or before the window's last day. */
export const isWithinWindow = (calendar: BusinessCalendar, from: LocalDate, w: Window, at: Instant): boolean =>
  localDateOf(calendar, at) <= lastDayOfWindow(calendar, from, w);

/** The fewest and the most calendar days a window can last, whatever the start and the calendar. */
const dayBounds = (w: Window): { readonly min: number; readonly max: number } => {
  switch (w.unit) {
    case 'days':
      return { min: w.count, max: w.count };
    case 'working-days':
      // N working days are at least N calendar days; holidays make them as long as they like.
      return { min: w.count, max: Number.POSITIVE_INFINITY };
    case 'months':
      // A month is 28 to 31 days; clamping to a month's end never makes N months shorter than 28 × N days.
      return { min: 28 * w.count, max: 31 * w.count };
  }
};

/**
 * J-0: does `given` end on or after `floor` from any start, on any calendar? In the same unit it is
 * a comparison of counts; across units it must hold for the shortest `given` against the longest
 * `floor` (30 days always give at least 4 weeks; 1 month does not always give 30 days).
 */
export const windowAtLeast = (given: Window, floor: Window): boolean =>
  given.unit === floor.unit ? given.count >= floor.count : dayBounds(given).min >= dayBounds(floor).max;

/**
 * The last instant of a window that starts at an instant (a deadline, T-8): N days are exactly
 * N × 24 hours (T-3), N working days end with the N-th working day (T-2), N months end with the
 * day N months after the start's local date (T-4).
 */
export const windowDeadline = (calendar: BusinessCalendar, from: Instant, w: Window): Instant => {
  switch (w.unit) {
    case 'days':
      return deadline(calendar, from, { days: w.count });
    case 'working-days':
      return deadline(calendar, from, { workingDays: w.count });
    case 'months':
      return endOfLocalDay(calendar, addLocalMonths(localDateOf(calendar, from), w.count));
  }
};
