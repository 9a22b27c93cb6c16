/**
 * The business calendar (T-2, T-3, T-4): an IANA time zone, weekend days, public holidays and
 * make-up working days (weekend days that are worked). Every date question of the rulebook is
 * answered here, in the calendar's zone, so a rule never touches the machine's clock or zone.
 */
import { tzOffset } from '@date-fns/tz';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { type FieldError, Instant, LocalDate, decodeWith, epochMs, instantFromEpochMs, oneOf } from './codecs.js';

export const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof weekdays)[number];

export const CalendarConfig = t.readonly(
  t.partial({
    /** IANA zone, e.g. `Asia/Shanghai` (the default) or `Europe/Berlin`. */
    timeZone: t.string,
    weekendDays: t.readonlyArray(oneOf(weekdays)),
    holidays: t.readonlyArray(LocalDate),
    makeUpWorkingDays: t.readonlyArray(LocalDate),
  }),
  'CalendarConfig',
);
export type CalendarConfig = t.TypeOf<typeof CalendarConfig>;

export interface BusinessCalendar {
  readonly timeZone: string;
  readonly weekendDays: ReadonlyArray<Weekday>;
  readonly holidays: ReadonlyArray<LocalDate>;
  readonly makeUpWorkingDays: ReadonlyArray<LocalDate>;
  /** Lookup sets derived from the lists above. */
  readonly _weekend: ReadonlySet<number>;
  readonly _holidays: ReadonlySet<string>;
  readonly _makeUp: ReadonlySet<string>;
}

export type CalendarError =
  | { readonly code: 'CALENDAR_UNDECODABLE'; readonly message: string; readonly errors: ReadonlyArray<FieldError> }
  | { readonly code: 'CALENDAR_UNKNOWN_TIME_ZONE'; readonly message: string; readonly timeZone: string }
  | { readonly code: 'CALENDAR_NO_WORKING_DAYS'; readonly message: string }
  | { readonly code: 'CALENDAR_DAY_BOTH_HOLIDAY_AND_WORKING'; readonly message: string; readonly dates: ReadonlyArray<LocalDate> };

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const isKnownTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Build a calendar from plain configuration (e.g. parsed JSON); every field has the rulebook's default. */
export const makeCalendar = (config: unknown = {}): E.Either<CalendarError, BusinessCalendar> => {
  const decoded = decodeWith(CalendarConfig)(config);
  if (E.isLeft(decoded)) {
    return E.left({ code: 'CALENDAR_UNDECODABLE', message: 'The calendar configuration is not valid.', errors: decoded.left });
  }
  const c = decoded.right;
  const timeZone = c.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isKnownTimeZone(timeZone)) {
    return E.left({ code: 'CALENDAR_UNKNOWN_TIME_ZONE', message: `Unknown IANA time zone "${timeZone}".`, timeZone });
  }
  const weekendDays = c.weekendDays ?? ['saturday', 'sunday'];
  const weekend = new Set(weekendDays.map((d) => weekdays.indexOf(d)));
  if (weekend.size === 7) {
    return E.left({ code: 'CALENDAR_NO_WORKING_DAYS', message: 'Every day of the week is a weekend day: no working-day deadline could ever end.' });
  }
  const holidays = c.holidays ?? [];
  const makeUpWorkingDays = c.makeUpWorkingDays ?? [];
  const clash = holidays.filter((d) => makeUpWorkingDays.includes(d));
  if (clash.length > 0) {
    return E.left({
      code: 'CALENDAR_DAY_BOTH_HOLIDAY_AND_WORKING',
      message: `These dates are both a holiday and a make-up working day: ${clash.join(', ')}.`,
      dates: clash,
    });
  }
  return E.right({
    timeZone,
    weekendDays,
    holidays,
    makeUpWorkingDays,
    _weekend: weekend,
    _holidays: new Set(holidays),
    _makeUp: new Set(makeUpWorkingDays),
  });
};

/** The rulebook's default: Asia/Shanghai, Saturday and Sunday off, no holidays listed. */
export const defaultCalendar: BusinessCalendar = {
  timeZone: DEFAULT_TIME_ZONE,
  weekendDays: ['saturday', 'sunday'],
  holidays: [],
  makeUpWorkingDays: [],
  _weekend: new Set([0, 6]),
  _holidays: new Set(),
  _makeUp: new Set(),
};

// ---------------------------------------------------------------------------------------------
// Local dates: civil dates computed on a UTC time line (no machine zone is ever read), and a zone's
// offset from the runtime's time-zone data, remembered per zone and UTC day because the audit asks
// for it on every event.

const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The civil date of a millisecond count read on the UTC time line. */
const civilDate = (ms: number): LocalDate => {
  const d = new Date(ms);
  const text = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (!LocalDate.is(text)) throw new RangeError('Not a representable date');
  return text;
};

/** Milliseconds of a civil date's midnight on the UTC time line (`Date.UTC` would read years 0–99 as 1900–1999). */
const civilMs = (year: number, month: number, day: number): number => {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
};

const partsOf = (date: LocalDate): readonly [number, number, number] => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];

const daysInMonth = (year: number, month: number): number => new Date(civilMs(year, month + 1, 0)).getUTCDate();

/** Per zone: the offset in ms for each UTC day it was asked about, or NaN for a day on which it changes. */
const offsetsByDay = new Map<string, Map<number, number>>();
const OFFSET_DAYS_KEPT = 100_000;

/** The zone's offset from UTC at an instant, in milliseconds. */
const offsetAt = (timeZone: string, ms: number): number => {
  const day = Math.floor(ms / DAY_MS);
  let days = offsetsByDay.get(timeZone);
  if (days === undefined) {
    days = new Map();
    offsetsByDay.set(timeZone, days);
  }
  let offset = days.get(day);
  if (offset === undefined) {
    const first = tzOffset(timeZone, new Date(day * DAY_MS));
    const last = tzOffset(timeZone, new Date((day + 1) * DAY_MS - 1));
    offset = first === last ? first * 60_000 : Number.NaN;
    if (days.size >= OFFSET_DAYS_KEPT) days.clear();
    days.set(day, offset);
  }
  return Number.isNaN(offset) ? tzOffset(timeZone, new Date(ms)) * 60_000 : offset;
};

/**
 * The first instant whose local date is the given one. Usually local midnight; where the clocks
 * jump forward at midnight (e.g. São Paulo until 2019), the instant of the jump.
 */
const firstInstantOf = (timeZone: string, date: LocalDate): number => {
  const [y, m, d] = partsOf(date);
  const wall = civilMs(y, m, d);
  const dateAt = (ms: number): LocalDate => civilDate(ms + offsetAt(timeZone, ms));
  const guess = wall - offsetAt(timeZone, wall - offsetAt(timeZone, wall));
  if (dateAt(guess) === date && dateAt(guess - 1) < date) return guess;
  // Midnight does not exist that day: the day starts when the clocks jump. No zone is 15 hours away.
  let before = wall - 15 * 3_600_000;
  let after = wall + 15 * 3_600_000;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (dateAt(middle) >= date) after = middle;
    else before = middle;
  }
  return after;
};

/**
 * The same instant written in the calendar's zone, with its offset — `2026-11-19T23:59:59.999+08:00`
 * rather than `2026-11-19T15:59:59.999Z` — for people and for JSON people read. Still ISO-8601 and
 * still an `Instant`; the library's own values stay as computed (UTC). An offset that is not a whole
 * minute (local mean time before 1900) or a year outside 0000–9999 keeps the UTC form.
 */
export const instantInZone = (calendar: BusinessCalendar, instant: Instant): Instant => {
  const ms = epochMs(instant);
  const offset = offsetAt(calendar.timeZone, ms);
  if (!Number.isInteger(offset / 60_000)) return instant;
  const local = new Date(ms + offset);
  const minutes = Math.abs(offset) / 60_000;
  const text =
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}.${pad(local.getUTCMilliseconds(), 3)}` +
    `${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  return Instant.is(text) ? text : instant;
};

/** The date of a year, month (1–12) and day, the day clamped to the month's end (Feb 29 → Feb 28). */
export const localDateFromParts = (year: number, month: number, day: number): LocalDate =>
  civilDate(civilMs(year, month, Math.min(Math.max(1, day), daysInMonth(year, month))));

/** The date an instant falls on in the calendar's zone. */
export const localDateOf = (calendar: BusinessCalendar, instant: Instant): LocalDate => {
  const ms = epochMs(instant);
  return civilDate(ms + offsetAt(calendar.timeZone, ms));
};

export const addLocalDays = (date: LocalDate, days: number): LocalDate => {
  const [y, m, d] = partsOf(date);
  return civilDate(civilMs(y, m, d + days));
};

/** Months later, clamped to the month's end: `2025-11-30` + 3 months = `2026-02-28` (T-4). */
export const addLocalMonths = (date: LocalDate, months: number): LocalDate => {
  const [y, m, d] = partsOf(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return civilDate(civilMs(year, month, Math.min(d, daysInMonth(year, month))));
};

const dayOfWeek = (date: LocalDate): number => {
  const [y, m, d] = partsOf(date);
  return new Date(civilMs(y, m, d)).getUTCDay();
};

export const weekdayOf = (date: LocalDate): Weekday => weekdays[dayOfWeek(date)] ?? 'sunday';

/** A make-up working day is worked even on a weekend; a holiday is never worked. */
export const isWorkingDay = (calendar: BusinessCalendar, date: LocalDate): boolean => {
  if (calendar._makeUp.has(date)) return true;
  if (calendar._holidays.has(date)) return false;
  return !calendar._weekend.has(dayOfWeek(date));
};

/**
 * The last instant whose local date is the given one (T-2). Usually the instant before the next
 * date begins (a day the clocks change is 23 or 25 hours long); where the clocks go back across
 * midnight (Newfoundland until 2011, at 00:01), the date comes back for a while after the next one
 * began, and its last instant is the end of that repeat.
 */
const lastInstantOf = (timeZone: string, date: LocalDate): number => {
  const next = addLocalDays(date, 1);
  const end = firstInstantOf(timeZone, next) - 1;
  // No zone sets its clocks back by more than three hours: look that far for a step back.
  const window = 3 * 60 * 60 * 1000;
  const before = offsetAt(timeZone, end + 1);
  const after = offsetAt(timeZone, end + 1 + window);
  if (after >= before) return end;
  let lo = end + 1;
  let hi = end + 1 + window;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  if (civilDate(hi + offsetAt(timeZone, hi)) !== date) return end;
  const [y, m, d] = partsOf(next);
  return Math.max(end, civilMs(y, m, d) - offsetAt(timeZone, hi) - 1);
};

export const endOfLocalDay = (calendar: BusinessCalendar, date: LocalDate): Instant => instantFromEpochMs(lastInstantOf(calendar.timeZone, date));

/** The first instant of a local date in the calendar's zone. */
export const startOfLocalDay = (calendar: BusinessCalendar, date: LocalDate): Instant => instantFromEpochMs(firstInstantOf(calendar.timeZone, date));

/**
 * The N-th working day after a date (T-2). With N = 0, the date itself when it is a working day,
 * otherwise the next working day ("the same working day").
 */
export const nthWorkingDayAfter = (calendar: BusinessCalendar, date: LocalDate, n: number): LocalDate => {
  let day = date;
  if (n <= 0) {
    while (!isWorkingDay(calendar, day)) day = addLocalDays(day, 1);
    return day;
  }
  let counted = 0;
  while (counted < n) {
    day = addLocalDays(day, 1);
    if (isWorkingDay(calendar, day)) counted += 1;
  }
  return day;
};

// ---------------------------------------------------------------------------------------------
// Deadlines and windows.

/** "Within N working days" (T-2), "within N days" or "within N hours" (T-3). */
export type Span = { readonly workingDays: number } | { readonly days: number } | { readonly hours: number };

const HOUR_MS = 60 * 60 * 1000;

/**
 * The last instant at which a step is still on time.
 * - `{ workingDays: n }` (T-2): the end of the n-th working day after the local date of `from`
 *   (n = 0: the end of the same working day, or of the next one when `from` is not a working day).
 * - `{ days: n }` (T-3): exactly `from` + n × 24 hours; `{ hours: n }`: exactly `from` + n hours.
 */
export const deadline = (calendar: BusinessCalendar, from: Instant, span: Span): Instant => {
  const key = 'workingDays' in span ? `${from}|w${span.workingDays}` : 'days' in span ? `${from}|d${span.days}` : `${from}|h${span.hours}`;
  const known = recentDeadlines(calendar);
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  const due =
    'workingDays' in span
      ? endOfLocalDay(calendar, nthWorkingDayAfter(calendar, localDateOf(calendar, from), span.workingDays))
      : instantFromEpochMs(epochMs(from) + ('days' in span ? span.days * DAY_MS : span.hours * HOUR_MS));
  if (known.size >= RECENT_DEADLINES) known.clear();
  known.set(key, due);
  return due;
};

// A case's deadlines are asked for again at every step and every read-model batch, with the same
// start and span: the last few thousand answers per calendar are kept (a calendar never changes).
const RECENT_DEADLINES = 8192;
const deadlinesByCalendar = new WeakMap<BusinessCalendar, Map<string, Instant>>();
const recentDeadlines = (calendar: BusinessCalendar): Map<string, Instant> => {
  const known = deadlinesByCalendar.get(calendar);
  if (known !== undefined) return known;
  const fresh = new Map<string, Instant>();
  deadlinesByCalendar.set(calendar, fresh);
  return fresh;
};

/** The last local date of a "within N months of a date" window (T-4), clamped to the month's end. */
export const monthsWindowEnd = (from: LocalDate, months: number): LocalDate => addLocalMonths(from, months);

/**
 * T-4: "within N months of a date": true while the local date of `at` is on or before the date
 * N months after `from`. `from` is a local date (a ship or handover date) or an instant, which is
 * first read as a local date in the calendar's zone.
 */
export const isWithinMonths = (calendar: BusinessCalendar, from: LocalDate | Instant, months: number, at: Instant): boolean => {
  const start = LocalDate.is(from) ? from : localDateOf(calendar, from);
  return localDateOf(calendar, at) <= monthsWindowEnd(start, months);
};
