/**
 * W-9 warranty periods and W-10 follow-up visits, as pure functions over local dates.
 * (seed 003 table 3.1 and §2.1)
 */
import { addLocalDays, addLocalMonths, localDateFromParts } from '../calendar.js';
import type { LocalDate } from '../codecs.js';
import type { SeasonWindow, WarrantyPolicy } from './policy.js';
import type { BuildingElement } from './vocabulary.js';

const yearOf = (d: LocalDate): number => Number(d.slice(0, 4));

const onDate = (year: number, monthDay: string): LocalDate => {
  const [month, day] = monthDay.split('-').map(Number);
  return localDateFromParts(year, month ?? 1, day ?? 1);
};

/** The start and end dates of the season that starts in `year`. */
const seasonOf = (season: SeasonWindow, year: number): { readonly start: LocalDate; readonly end: LocalDate } => {
  const start = onDate(year, season.startsOn);
  const endSameYear = onDate(year, season.endsOn);
  return { start, end: endSameYear >= start ? endSameYear : onDate(year + 1, season.endsOn) };
};

/**
 * The last day of the n-th season that starts after `from`: a heating season that already started
 * on the handover date does not count (W-9, "two heating seasons").
 */
export const endOfNthSeasonAfter = (season: SeasonWindow, from: LocalDate, n: number): LocalDate => {
  let year = yearOf(from) - 1;
  let counted = 0;
  let last = from;
  while (counted < Math.max(1, n)) {
    const s = seasonOf(season, year);
    if (s.start > from) {
      counted += 1;
      last = s.end;
    }
    year += 1;
  }
  return last;
};

export type WarrantySubject =
  | { readonly kind: 'building'; readonly element: BuildingElement; readonly handedOverOn: LocalDate; readonly designLifeYears?: number }
  | { readonly kind: 'product'; readonly category: string; readonly deliveredOn: LocalDate };

export type WarrantyEnd = { readonly kind: 'ends'; readonly lastDay: LocalDate } | { readonly kind: 'design-life-unknown' };

/** W-9: the last day of the warranty (inclusive), by element or product category. */
export const warrantyEnd = (policy: WarrantyPolicy, subject: WarrantySubject): WarrantyEnd => {
  const lastDayAfterMonths = (from: LocalDate, months: number): WarrantyEnd => ({ kind: 'ends', lastDay: addLocalDays(addLocalMonths(from, months), -1) });
  if (subject.kind === 'product') {
    const months = Object.hasOwn(policy.productWarrantyMonths, subject.category) ? policy.productWarrantyMonths[subject.category] : undefined;
    return lastDayAfterMonths(subject.deliveredOn, months ?? policy.defaultProductWarrantyMonths);
  }
  const from = subject.handedOverOn;
  switch (subject.element) {
    case 'structure':
      return subject.designLifeYears === undefined ? { kind: 'design-life-unknown' } : lastDayAfterMonths(from, subject.designLifeYears * 12);
    case 'roofing-waterproofing':
      return lastDayAfterMonths(from, policy.roofingAndWaterproofingYears * 12);
    case 'heating':
      return { kind: 'ends', lastDay: endOfNthSeasonAfter(policy.heatingSeason, from, policy.heatingSeasons) };
    case 'cooling':
      return { kind: 'ends', lastDay: endOfNthSeasonAfter(policy.coolingSeason, from, policy.coolingSeasons) };
    case 'electrical':
    case 'plumbing':
    case 'equipment-installation':
    case 'decoration':
      return lastDayAfterMonths(from, policy.installationAndDecorationYears * 12);
  }
};

export const isInWarranty = (end: WarrantyEnd, on: LocalDate): boolean => end.kind === 'design-life-unknown' || on <= end.lastDay;

/**
 * W-10: the follow-up visits due during the warranty: every 3 months in the first half year after
 * handover, then every 6 months, and at least one (on the last day of a warranty too short for the
 * first regular visit).
 */
export const followUpSchedule = (policy: WarrantyPolicy, handedOverOn: LocalDate, lastDay: LocalDate): ReadonlyArray<LocalDate> => {
  const out: LocalDate[] = [];
  const early = Math.max(1, policy.followUpEarlyIntervalMonths);
  const later = Math.max(1, policy.followUpLaterIntervalMonths);
  let months = early;
  while (months <= policy.followUpEarlyPhaseMonths) {
    const due = addLocalMonths(handedOverOn, months);
    if (due > lastDay) break;
    out.push(due);
    months += early;
  }
  months = Math.max(policy.followUpEarlyPhaseMonths, months - early) + later;
  for (;;) {
    const due = addLocalMonths(handedOverOn, months);
    if (due > lastDay) break;
    out.push(due);
    months += later;
  }
  return out.length > 0 ? out : [lastDay];
};

export type VisitStatus = 'done' | 'due' | 'overdue';

export interface ScheduledVisit {
  readonly dueOn: LocalDate;
  readonly status: VisitStatus;
  readonly doneOn?: LocalDate;
}

/**
 * W-10: which scheduled visits are done, due or overdue on a date. Visits made are matched to the
 * schedule in order; a visit counts for the earliest scheduled visit not yet matched.
 */
export const followUpStatus = (schedule: ReadonlyArray<LocalDate>, visitsMade: ReadonlyArray<LocalDate>, today: LocalDate): ReadonlyArray<ScheduledVisit> => {
  const made = [...visitsMade].sort();
  return schedule.map((dueOn, i) => {
    const doneOn = made[i];
    if (doneOn !== undefined) return { dueOn, status: 'done', doneOn };
    return { dueOn, status: today > dueOn ? 'overdue' : 'due' };
  });
};
