/** Generators of company configurations: business calendars and policy versions, so users test their own. */
import {
  type BusinessCalendar,
  LocalDate,
  type PolicySet,
  RulebookPolicy,
  addLocalDays,
  decodePolicySet,
  makeCalendar,
  rulebookDefaults,
  weekdays,
  windowOf,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { decodeOrThrow } from './common.js';

export const timeZones = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Europe/Berlin', 'America/New_York', 'UTC', 'Australia/Sydney'] as const;

const startDay = decodeOrThrow(LocalDate)('2026-01-01');
const dayArb = fc.integer({ min: 0, max: 730 }).map((i) => addLocalDays(startDay, i));

/**
 * Business calendars: a zone, a weekend of up to six days, holidays and make-up working days in
 * 2026–2027 (a date is never both).
 */
export const calendarArb: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    timeZone: fc.constantFrom(...timeZones),
    weekendDays: fc.uniqueArray(fc.constantFrom(...weekdays), { maxLength: 6 }),
    holidays: fc.uniqueArray(dayArb, { maxLength: 40 }),
    makeUpWorkingDays: fc.uniqueArray(dayArb, { maxLength: 10 }),
  })
  .map((c) => {
    const calendar = makeCalendar({ ...c, makeUpWorkingDays: c.makeUpWorkingDays.filter((d) => !c.holidays.includes(d)) });
    if (E.isLeft(calendar)) throw new Error(`generator produced an invalid calendar: ${calendar.left.message}`);
    return calendar.right;
  });

export interface PolicyRanges {
  readonly returnWindowMonths?: { readonly min: number; readonly max: number };
  readonly qualityReplyWithinWorkingDays?: { readonly min: number; readonly max: number };
}

const companyGround = rulebookDefaults.warranty.returnGrounds['company'];

/** Rulebook policy values with the numbers users most often change drawn from ranges. */
export const rulebookPolicyArb = (ranges: PolicyRanges = {}): fc.Arbitrary<RulebookPolicy> =>
  fc
    .record({
      returnWindowMonths: fc.integer(ranges.returnWindowMonths ?? { min: 1, max: 12 }),
      qualityReplyWithinWorkingDays: fc.integer(ranges.qualityReplyWithinWorkingDays ?? { min: 0, max: 5 }),
      acknowledgeWithinWorkingDays: fc.integer({ min: 0, max: 2 }),
      defectConfirmationWithinDays: fc.integer({ min: 1, max: 5 }),
      defaultProductWarrantyMonths: fc.integer({ min: 3, max: 36 }),
    })
    .map((v) =>
      decodeOrThrow(RulebookPolicy)({
        ...rulebookDefaults,
        complaint: {
          ...rulebookDefaults.complaint,
          qualityReplyWithinWorkingDays: v.qualityReplyWithinWorkingDays,
          acknowledgeWithinWorkingDays: v.acknowledgeWithinWorkingDays,
        },
        warranty: {
          ...rulebookDefaults.warranty,
          // The seeds' return ground (W-2) with a generated window in months.
          returnGrounds: { ...rulebookDefaults.warranty.returnGrounds, company: { ...companyGround, within: windowOf(v.returnWindowMonths, 'months') } },
          defectConfirmationWithinDays: v.defectConfirmationWithinDays,
          defaultProductWarrantyMonths: v.defaultProductWarrantyMonths,
        },
      }),
    );

/** A policy set of one version in force since the epoch, with generated values. */
export const policySetArb = (ranges: PolicyRanges = {}): fc.Arbitrary<PolicySet<RulebookPolicy>> =>
  rulebookPolicyArb(ranges).map((values) => {
    const set = decodePolicySet([{ version: 'generated', inForceFrom: '1970-01-01T00:00:00Z', values }]);
    if (E.isLeft(set)) throw new Error(`generator produced an invalid policy: ${set.left.code}`);
    return set.right;
  });
