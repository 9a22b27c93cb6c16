/**
 * W-2 — Returns are accepted only for products shipped within 3 months whose defect quality has
 * confirmed as an intrinsic quality defect (seed 003 §5.1.4), unless the general manager approved
 * a special case (W-3, seed 001 §4.7). Exchanges follow the same rule (decision: docs/domain.md).
 *
 * Policy value: `warranty.returnWindowMonths` (default 3), a months window on local dates (T-4).
 * Violation codes: RETURN_WINDOW_EXPIRED, DEFECT_NOT_INSPECTED, DEFECT_NOT_INTRINSIC.
 * Tests: packages/core/test/warranty/returnEligibility.test.ts.
 */
import * as E from 'fp-ts/lib/Either.js';
import { type BusinessCalendar, isWithinMonths, monthsWindowEnd } from '../calendar.js';
import type { Instant, LocalDate } from '../codecs.js';
import type { PolicyVersion } from '../policy.js';
import type { RulebookPolicy } from '../rulebookPolicy.js';
import { type Violation, violation } from '../violation.js';
import type { DefectVerdict } from './vocabulary.js';

export interface ReturnRequest {
  readonly shippedOn: LocalDate;
  /** Quality's verdict, if quality has inspected the returned unit. */
  readonly verdict: DefectVerdict | undefined;
  /** Whether the general manager approved a special case for this claim (W-3). */
  readonly specialCaseApproved: boolean;
}

export interface ReturnEligibility {
  readonly policyVersion: string;
  readonly windowEndsOn: LocalDate;
  /** True when the return is accepted only because of an approved special case. */
  readonly specialCase: boolean;
}

/** Why a return does not meet W-2 by the rules alone, or `undefined` when it does. */
const ruleFailure = (request: ReturnRequest, inWindow: boolean, windowEndsOn: LocalDate, months: number): Violation | undefined => {
  if (!inWindow) {
    return violation('W-2', 'RETURN_WINDOW_EXPIRED', `Returns are accepted within ${months} months of shipment; this unit shipped on ${request.shippedOn}, the window ended on ${windowEndsOn}.`, {
      shippedOn: request.shippedOn,
      windowEndsOn,
      windowMonths: months,
    });
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
  const windowEndsOn = monthsWindowEnd(request.shippedOn, months);
  const failure = ruleFailure(request, isWithinMonths(calendar, request.shippedOn, months, at), windowEndsOn, months);
  if (failure === undefined) return E.right({ policyVersion: policy.version, windowEndsOn, specialCase: false });
  if (request.specialCaseApproved) return E.right({ policyVersion: policy.version, windowEndsOn, specialCase: true });
  return E.left(failure);
};
