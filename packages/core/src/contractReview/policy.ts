/**
 * This case type's policy values (R-3's time): their codec, what each means, and the rulebook's
 * defaults. A company's policy versions change them, dated (T-5); `rulebookPolicy.ts` composes the
 * case types' slices into the policy a version holds.
 */
import * as t from 'io-ts';
import { NonNegativeInt } from '../codecs.js';

export const ContractReviewPolicy = t.readonly(
  t.type({
    /** a review is decided within 2 working days of the order's submission. */
    decisionWithinWorkingDays: NonNegativeInt,
  }),
  'ContractReviewPolicy',
);
export type ContractReviewPolicy = t.TypeOf<typeof ContractReviewPolicy>;

/** The rulebook's values, as a policy file writes them (shared/DOMAIN.md's numbers). */
export const contractReviewPolicyDefaults = { decisionWithinWorkingDays: 2 };
