/**
 * W-2 — Returns are accepted only for products shipped within 3 months whose defect quality has
 * confirmed as an intrinsic quality defect (seed 003 §5.1.4), unless the general manager approved
 * a special case (W-3, seed 001 §4.7). Exchanges follow the same rule (decision: docs/domain.md).
 *
 * The rule is one return ground among those of the policy (`warranty.returnGrounds`): the seeds'
 * ground `company` (W-2), and where a jurisdiction preset applies, the law's (J-1: 7 days of sale
 * for a return, 15 for an exchange; J-2: 7 days of receipt without a reason for a distance sale;
 * J-3: 14 days' withdrawal, 2 years' replacement). A return or an exchange is accepted on the first
 * ground, in the policy's order, that covers the sale and accepts it.
 *
 * A window runs from its start (the shipment, the sale or the delivery) to the day the customer
 * asked: the claim's filing (W-1), so quality's inspection, a weekend or a holiday before the
 * acceptance cannot cancel a request made in time. A company that counts to the acceptance says so
 * in its policy. The accepting event records the ground, its rule, the window's last day, which day
 * it counted to, and whether the special case was used.
 *
 * Policy values: `warranty.returnGrounds`, `warranty.returnWindowCountsTo` (default `filing`).
 * Violation codes: RETURN_WINDOW_EXPIRED, DEFECT_NOT_INSPECTED, DEFECT_NOT_INTRINSIC,
 * DELIVERY_DATE_NOT_RECORDED, EXCLUDED_FROM_GROUND, FAILED_REPAIRS_NOT_REACHED,
 * OVERDUE_REPAIRS_NOT_REACHED (under the ground's rule), REMEDY_NOT_OFFERED (W-2).
 * Used by the decider on `AcceptReturn` and by the audit on every stored `ReturnAccepted` (T-11).
 * Tests: packages/core/test/warranty/returnEligibility.test.ts, packages/core/test/jurisdictions.test.ts.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { BusinessCalendar } from '../calendar.js';
import { localDateOf } from '../calendar.js';
import type { Instant, LocalDate } from '../codecs.js';
import type { PolicyVersion } from '../policy.js';
import type { RulebookPolicy } from '../rulebookPolicy.js';
import type { GroundRemedy, ReturnGround, ReturnWindowReading, WindowStart } from './policy.js';
import { type RuleId, type Violation } from '../violation.js';
import { describeWindow, lastDayOfWindow } from '../window.js';
import type { DefectVerdict, Exclusion, ProductUnit, SaleChannel } from './vocabulary.js';
import { violation } from './violations.js';

export interface ReturnRequest {
  readonly remedy: GroundRemedy;
  readonly unit: ProductUnit;
  /** How the unit was sold, as the claim recorded it; a ground for one channel needs it. */
  readonly channel: SaleChannel | undefined;
  /** When the customer asked for the return: the claim's filing (W-1). */
  readonly requestedAt: Instant;
  /** Quality's verdict, if quality has inspected the returned unit. */
  readonly verdict: DefectVerdict | undefined;
  /** What quality found that takes the unit out of the law's cover (J-1), if anything. */
  readonly exclusion: Exclusion | undefined;
  /** Whether the general manager approved a special case for this claim (W-3). */
  readonly specialCaseApproved: boolean;
}

export interface ReturnEligibility {
  readonly policyVersion: string;
  /** The jurisdiction preset of the policy (`none` for the rulebook's own). */
  readonly jurisdiction: string;
  /** The ground that accepted it, or whose refusal the special case overrode; absent when no ground offers the remedy for this sale. */
  readonly ground?: string;
  /** The rule the acceptance applied: the ground's, or W-3 when only the special case allowed it. */
  readonly rule: RuleId;
  /** The last day of the ground's window. */
  readonly windowEndsOn?: LocalDate;
  /** Which day the window was counted to, and that day's instant (its local date was compared). */
  readonly windowCountsTo: ReturnWindowReading;
  readonly countedAt: Instant;
  /** True when the return is accepted only because of an approved special case. */
  readonly specialCase: boolean;
}

const startWords: Readonly<Record<WindowStart, string>> = { shipment: 'shipment', sale: 'sale', delivery: 'delivery' };
const remedyWords: Readonly<Record<GroundRemedy, string>> = { return: 'Returns', exchange: 'Exchanges' };

const startOf = (unit: ProductUnit, from: WindowStart): LocalDate | undefined => {
  switch (from) {
    case 'shipment':
      return unit.shippedOn;
    case 'sale':
      return unit.purchasedOn;
    case 'delivery':
      return unit.deliveredOn;
  }
};

/** Does a ground cover this sale: the remedy asked for, the channel it was sold through, the kind of goods? */
export const groundCovers = (ground: ReturnGround, request: Pick<ReturnRequest, 'remedy' | 'unit' | 'channel'>): boolean =>
  ground.remedies.includes(request.remedy) &&
  (ground.channels === undefined || (request.channel !== undefined && ground.channels.includes(request.channel))) &&
  (ground.excludes === undefined || request.unit.nature === undefined || !ground.excludes.includes(request.unit.nature));

interface Judged {
  readonly key: string;
  readonly ground: ReturnGround;
  readonly windowEndsOn: LocalDate | undefined;
  /** Why the ground does not accept the request, or `undefined` when it does. */
  readonly failure: Violation | undefined;
}

const judge =
  (calendar: BusinessCalendar, request: ReturnRequest, countedAt: Instant, countsTo: ReturnWindowReading) =>
  (key: string, ground: ReturnGround): Judged => {
    const start = startOf(request.unit, ground.from);
    if (start === undefined) {
      const failure = violation(
        ground.rule,
        'DELIVERY_DATE_NOT_RECORDED',
        `The ${key} ground counts from the delivery, and the claim recorded no delivery date.`,
        { ground: key },
      );
      return { key, ground, windowEndsOn: undefined, failure };
    }
    const windowEndsOn = lastDayOfWindow(calendar, start, ground.within);
    const countedOn = localDateOf(calendar, countedAt);
    if (countedOn > windowEndsOn) {
      const counted = countsTo === 'filing' ? 'the return was requested' : 'the return is accepted';
      const failure = violation(
        ground.rule,
        'RETURN_WINDOW_EXPIRED',
        `${remedyWords[request.remedy]} are accepted within ${describeWindow(ground.within)} of ${startWords[ground.from]}; this unit's ${startWords[ground.from]} was on ${start}, the window ended on ${windowEndsOn}, and ${counted} on ${countedOn}.`,
        {
          ground: key,
          window: describeWindow(ground.within),
          windowStart: ground.from,
          windowStartsOn: start,
          windowEndsOn,
          windowCountsTo: countsTo,
          countedOn,
        },
      );
      return { key, ground, windowEndsOn, failure };
    }
    if (request.exclusion !== undefined && ground.voidedBy?.includes(request.exclusion) === true) {
      const failure = violation(ground.rule, 'EXCLUDED_FROM_GROUND', `Quality found ${request.exclusion}, which takes the unit off the ${key} ground.`, {
        ground: key,
        exclusion: request.exclusion,
      });
      return { key, ground, windowEndsOn, failure };
    }
    const repairs =
      ground.needs === 'failed-repairs'
        ? { needed: ground.failedRepairs ?? 2, recorded: request.unit.failedRepairs ?? 0, code: 'FAILED_REPAIRS_NOT_REACHED' as const, what: 'failed' }
        : ground.needs === 'overdue-repairs'
          ? { needed: ground.overdueRepairs ?? 1, recorded: request.unit.overdueRepairs ?? 0, code: 'OVERDUE_REPAIRS_NOT_REACHED' as const, what: 'overdue' }
          : undefined;
    if (repairs !== undefined && repairs.recorded < repairs.needed) {
      const failure = violation(
        ground.rule,
        repairs.code,
        `The ${key} ground opens after ${repairs.needed} ${repairs.what} repair(s) under warranty; the claim records ${repairs.recorded}.`,
        {
          ground: key,
          needed: repairs.needed,
          recorded: repairs.recorded,
        },
      );
      return { key, ground, windowEndsOn, failure };
    }
    if (ground.needs === 'intrinsic-defect') {
      if (request.verdict === undefined) {
        return {
          key,
          ground,
          windowEndsOn,
          failure: violation(ground.rule, 'DEFECT_NOT_INSPECTED', 'Quality has not yet inspected the returned unit and confirmed the defect.', { ground: key }),
        };
      }
      if (request.verdict !== 'intrinsic-defect') {
        return {
          key,
          ground,
          windowEndsOn,
          failure: violation(ground.rule, 'DEFECT_NOT_INTRINSIC', 'Quality found no intrinsic quality defect; this ground needs one.', { ground: key }),
        };
      }
    }
    return { key, ground, windowEndsOn, failure: undefined };
  };

/**
 * Which refusal to report when no ground accepts: the one that says most about this claim. A step
 * still to come (quality's inspection) first, then missing data, then the defect quality found not
 * intrinsic, then repairs that failed but not yet often enough, then an expired window (the one
 * that ended last), then a ground for failed repairs when none failed.
 */
const refusalRank: Readonly<Record<string, number>> = {
  DEFECT_NOT_INSPECTED: 0,
  DELIVERY_DATE_NOT_RECORDED: 1,
  DEFECT_NOT_INTRINSIC: 2,
  EXCLUDED_FROM_GROUND: 2,
  RETURN_WINDOW_EXPIRED: 3,
  FAILED_REPAIRS_NOT_REACHED: 4,
  OVERDUE_REPAIRS_NOT_REACHED: 4,
};

const closestRefusal = (judged: ReadonlyArray<Judged>): Judged | undefined => {
  const rank = (j: Judged) => {
    // Repairs that failed, but not yet often enough, put that ground in play ahead of expired windows.
    const repairsCode = j.failure?.code === 'FAILED_REPAIRS_NOT_REACHED' || j.failure?.code === 'OVERDUE_REPAIRS_NOT_REACHED';
    if (repairsCode && Number(j.failure?.details['recorded']) > 0) return 2.5;
    return refusalRank[j.failure?.code ?? ''] ?? 5;
  };
  return judged.reduce<Judged | undefined>((best, j) => {
    if (best === undefined || rank(j) < rank(best)) return j;
    // Of two expired windows, the one that ended last came closest.
    const laterEnd = rank(j) === rank(best) && j.windowEndsOn !== undefined && best.windowEndsOn !== undefined && j.windowEndsOn > best.windowEndsOn;
    return laterEnd ? j : best;
  }, undefined);
};

/** The grounds of a policy that are in it (not removed), in the policy's order. */
export const returnGroundsOf = (policy: RulebookPolicy): ReadonlyArray<readonly [string, ReturnGround]> =>
  Object.entries(policy.warranty.returnGrounds).flatMap(([key, ground]) => (ground === null ? [] : [[key, ground] as const]));

/** W-2 (and J-1 … J-3) with W-3: may this return or exchange be accepted at `at` under the policy version? */
export const returnEligibility = (
  calendar: BusinessCalendar,
  policy: PolicyVersion<RulebookPolicy>,
  request: ReturnRequest,
  at: Instant,
): E.Either<Violation, ReturnEligibility> => {
  const countsTo = policy.values.warranty.returnWindowCountsTo;
  const countedAt = countsTo === 'filing' ? request.requestedAt : at;
  const base = { policyVersion: policy.version, jurisdiction: policy.values.jurisdiction, windowCountsTo: countsTo, countedAt };
  const judged = returnGroundsOf(policy.values)
    .filter(([, ground]) => groundCovers(ground, request))
    .map(([key, ground]) => judge(calendar, request, countedAt, countsTo)(key, ground));
  const accepted = judged.find((j) => j.failure === undefined);
  const withWindow = (j: Judged) => (j.windowEndsOn === undefined ? {} : { windowEndsOn: j.windowEndsOn });
  if (accepted !== undefined) return E.right({ ...base, ground: accepted.key, rule: accepted.ground.rule, ...withWindow(accepted), specialCase: false });
  const closest = closestRefusal(judged);
  if (closest === undefined) {
    if (request.specialCaseApproved) return E.right({ ...base, rule: 'W-3', specialCase: true });
    return E.left(
      violation(
        'W-2',
        'REMEDY_NOT_OFFERED',
        `No return ground of policy ${policy.version} offers ${request.remedy === 'return' ? 'a return' : 'an exchange'} for this sale.`,
        {
          remedy: request.remedy,
          channel: request.channel ?? null,
          nature: request.unit.nature ?? null,
        },
      ),
    );
  }
  if (request.specialCaseApproved) return E.right({ ...base, ground: closest.key, rule: closest.ground.rule, ...withWindow(closest), specialCase: true });
  return closest.failure === undefined
    ? E.right({ ...base, ground: closest.key, rule: closest.ground.rule, ...withWindow(closest), specialCase: false })
    : E.left(closest.failure);
};
