/**
 * This case type's policy values (C-2 … C-7's times): their codec, what each means, and the rulebook's
 * defaults. A company's policy versions change them, dated (T-5); `rulebookPolicy.ts` composes the
 * case types' slices into the policy a version holds.
 */
import * as t from 'io-ts';
import { NonNegativeInt } from '../codecs.js';

export const ComplaintPolicy = t.readonly(
  t.type({
    /** C-2: acknowledge on the same working day as receipt (0 working days). */
    acknowledgeWithinWorkingDays: NonNegativeInt,
    /** C-4: an external complaint is answered within 3 days of classification. */
    externalAnswerWithinDays: NonNegativeInt,
    /** C-5: quality replies in writing within 1 working day of forwarding. */
    qualityReplyWithinWorkingDays: NonNegativeInt,
    /** C-7: the responsible department submits a CAPA plan within 3 working days. */
    capaPlanWithinWorkingDays: NonNegativeInt,
    /** C-7: an internal complaint's resolution is reported within 7 days of receipt. */
    resolutionReportWithinDays: NonNegativeInt,
  }),
  'ComplaintPolicy',
);
export type ComplaintPolicy = t.TypeOf<typeof ComplaintPolicy>;

/** The rulebook's values, as a policy file writes them (shared/DOMAIN.md's numbers). */
export const complaintPolicyDefaults = {
  acknowledgeWithinWorkingDays: 0,
  externalAnswerWithinDays: 3,
  qualityReplyWithinWorkingDays: 1,
  capaPlanWithinWorkingDays: 3,
  resolutionReportWithinDays: 7,
};
