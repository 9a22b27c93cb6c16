/**
 * T-8: deadlines are not rejections. A late step is recorded like any other; whether a deadline
 * was met is computed from the history, at an instant "now".
 */
import { type BusinessCalendar, type Span, addLocalDays, endOfLocalDay, isWorkingDay, localDateOf, startOfLocalDay } from './calendar.js';
import { type Instant, compareInstants, epochMs } from './codecs.js';
import type { RuleId } from './violation.js';
import type { Window } from './window.js';

export type DeadlineStatus = 'met' | 'missed' | 'pending' | 'not-applicable';

/** The time a policy allows for a step, as its value reads: "1 working day", "3 days", "24 hours", "3 months". */
export interface Allowance {
  readonly count: number;
  readonly unit: 'working-days' | 'days' | 'hours' | 'months';
}

/** A calendar span (`{ workingDays: 1 }`) or a policy window (`{ count: 3, unit: 'months' }`) as an allowance. */
export const allowanceOf = (span: Span | Window): Allowance =>
  'unit' in span
    ? { count: span.count, unit: span.unit }
    : 'workingDays' in span
      ? { count: span.workingDays, unit: 'working-days' }
      : 'days' in span
        ? { count: span.days, unit: 'days' }
        : { count: span.hours, unit: 'hours' };

export interface DeadlineReport {
  readonly ruleId: RuleId;
  /** Stable name of the deadline, e.g. `quality-reply`. */
  readonly name: string;
  readonly status: DeadlineStatus;
  /** When the clock started (absent when not applicable). */
  readonly from?: Instant;
  /** The last instant at which the step is on time. */
  readonly dueBy?: Instant;
  /** When the step was taken, if it was. */
  readonly doneAt?: Instant;
  /** The policy version whose value set the due instant. */
  readonly policyVersion?: string;
  /** That value: the time allowed from `from` (absent for a date agreed with the customer). */
  readonly allowed?: Allowance;
}

/** The earlier of two instants, either of which may be missing (when a clock stops at whichever step comes first). */
export const earlierOf = (a: Instant | undefined, b: Instant | undefined): Instant | undefined =>
  a === undefined ? b : b === undefined || compareInstants(a, b) <= 0 ? a : b;

/**
 * Met when done on or before `dueBy`; missed when done later, or not done and `now` is past
 * `dueBy`; pending otherwise.
 */
export const deadlineStatus = (dueBy: Instant, doneAt: Instant | undefined, now: Instant): Exclude<DeadlineStatus, 'not-applicable'> => {
  if (doneAt !== undefined) return compareInstants(doneAt, dueBy) <= 0 ? 'met' : 'missed';
  return compareInstants(now, dueBy) > 0 ? 'missed' : 'pending';
};

/**
 * How late a step taken (or still not taken) at `at` is against its due instant, for people
 * reading a report: the working days that lie wholly between the two in the calendar's zone, and
 * the clock time on the two boundary days (on the same day, the time between them). `undefined`
 * when it is not late.
 */
export interface Lateness {
  readonly workingDays: number;
  readonly ms: number;
}

export const lateness = (calendar: BusinessCalendar, dueBy: Instant, at: Instant): Lateness | undefined => {
  if (compareInstants(at, dueBy) <= 0) return undefined;
  const first = localDateOf(calendar, dueBy);
  const last = localDateOf(calendar, at);
  if (first === last) return { workingDays: 0, ms: epochMs(at) - epochMs(dueBy) };
  let workingDays = 0;
  for (let day = addLocalDays(first, 1); day < last; day = addLocalDays(day, 1)) if (isWorkingDay(calendar, day)) workingDays += 1;
  const ms = epochMs(endOfLocalDay(calendar, first)) + 1 - epochMs(dueBy) + (epochMs(at) - epochMs(startOfLocalDay(calendar, last)));
  return { workingDays, ms };
};
