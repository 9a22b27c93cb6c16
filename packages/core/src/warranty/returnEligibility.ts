/**
 * W-2 — Returns are accepted only for products shipped within 3 months whose defect quality has
 * confirmed as an intrinsic quality defect (seed 003 §5.1.4), unless the general manager approved
 * a special case (W-3, seed 001 §4.7). Exchanges follow the same rule (decision: docs/domain.md).
 *
 * The 3 months run from the ship date to the day the customer asked for the return: the claim's
 * filing (W-1). Quality's inspection, a weekend or a holiday between the request and the acceptance
 * do not cancel a request made in time. A company that counts to the acceptance says so in its
 * policy. The accepting event records which reading applied and the instant it counted to.
 *
 * Policy values: `warranty.returnWindowMonths` (default 3), a months window on local dates (T-4);
 * `warranty.returnWindowCountsTo` (default `filing`).
 * Violation codes: RETURN_WINDOW_EXPIRED, DEFECT_NOT_INSPECTED, DEFECT_NOT_INTRINSIC.
 * Used by the decider on `AcceptReturn` and by the audit on every stored `ReturnAccepted` (T-11).
 * Tests: packages/core/test/warranty/returnEligibility.test.ts.
 */
import * as E from 'fp-ts/lib/Either.js';
import { type BusinessCalendar, isWithinMonths, localDateOf, monthsWindowEnd } from '../calendar.js';
import type { Instant, LocalDate } from '../codecs.js';
import type { PolicyVersion } from '../policy.js';
import type { ReturnWindowReading, RulebookPolicy } from '../rulebookPolicy.js';
import { type Violation, violation } from '../violation.js';
import type { DefectVerdict } from './vocabulary.js';

export interface ReturnRequest {
  readonly shippedOn: LocalDate;
  /** When the customer asked for the return: the claim's filing (W-1). */
  readonly requestedAt: Instant;
  /** Quality's verdict, if quality has inspected the returned unit. */
  readonly verdict: DefectVerdict | undefined;
  /** Whether the general manager approved a special case for this claim (W-3). */
  readonly specialCaseApproved: boolean;
}

export interface ReturnEligibility {
  readonly policyVersion: string;
  /** The last day of the window: the ship date plus the policy's months (T-4). */
  readonly windowEndsOn: LocalDate;
  /** Which day the window was counted to, and that day's instant (its local date was compared). */
  readonly windowCountsTo: ReturnWindowReading;
  readonly countedAt: Instant;
  /** True when the return is accepted only because of an approved special case. */
  readonly specialCase: boolean;
}

/** Why a return does not meet W-2 by the rules alone, or `undefined` when it does. */
const ruleFailure = (request: ReturnRequest, window: { readonly inWindow: boolean; readonly endsOn: LocalDate; readonly months: number; readonly countedOn: LocalDate; readonly countsTo: ReturnWindowReading }): Violation | undefined => {
  if (!window.inWindow) {
    const counted = window.countsTo === 'filing' ? 'the return was requested' : 'the return is accepted';
    return violation(
      'W-2',
      'RETURN_WINDOW_EXPIRED',
      `Returns are accepted within ${window.months} months of shipment; this unit shipped on ${request.shippedOn}, the window ended on ${window.endsOn}, and ${counted} on ${window.countedOn}.`,
      {
        shippedOn: request.shippedOn,
        windowEndsOn: window.endsOn,
        windowMonths: window.months,
        windowCountsTo: window.countsTo,
        countedOn: window.countedOn,
      },
    );
  }
  if (request.verdict === undefined) return violation('W-2', 'DEFECT_NOT_INSPECTED', 'Quality has not yet inspected the returned unit and confirmed the defect.');
  if (request.verdict !== 'intrinsic-defect') return violation('W-2', 'DEFECT_NOT_INTRINSIC', 'Quality found no intrinsic quality defect; a return needs one.');
  return undefined;
};

/** W-2 with W-3: may this return (or exchange) be accepted at `at` under the policy in force? */
export const returnEligibility = (
  calendar: BusinessCalendar,
  policy: PolicyVersion<RulebookPolicy>,
  request: ReturnRequest,
  at: Instant,
): E.Either<Violation, ReturnEligibility> => {
  const months = policy.values.warranty.returnWindowMonths;
  const countsTo = policy.values.warranty.returnWindowCountsTo;
  const countedAt = countsTo === 'filing' ? request.requestedAt : at;
  const windowEndsOn = monthsWindowEnd(request.shippedOn, months);
  const inWindow = isWithinMonths(calendar, request.shippedOn, months, countedAt);
  const failure = ruleFailure(request, { inWindow, endsOn: windowEndsOn, months, countedOn: localDateOf(calendar, countedAt), countsTo });
  const accepted = { policyVersion: policy.version, windowEndsOn, windowCountsTo: countsTo, countedAt };
  if (failure === undefined) return E.right({ ...accepted, specialCase: false });
  if (request.specialCaseApproved) return E.right({ ...accepted, specialCase: true });
  return E.left(failure);
};
