/**
 * This case type's policy values (I-2 … I-7's times): their codec, what each means, and the rulebook's
 * defaults. A company's policy versions change them, dated (T-5); `rulebookPolicy.ts` composes the
 * case types' slices into the policy a version holds.
 */
import * as t from 'io-ts';
import { NonNegativeInt } from '../codecs.js';

export const InquiryPolicy = t.readonly(
  t.type({
    /** I-2: a reply at once or the same working day (0 working days). */
    replyWithinWorkingDays: NonNegativeInt,
    /** I-3: where information must be gathered, a reply within 3 working days of receipt. */
    informationReplyWithinWorkingDays: NonNegativeInt,
    /** I-4: beyond a week, the customer agrees to the expected completion date (7 days of receipt). */
    completionAgreementWithinDays: NonNegativeInt,
    /** I-6: an oral reply is confirmed in writing within 1 working day. */
    writtenConfirmationWithinWorkingDays: NonNegativeInt,
    /** I-7: service targets by channel, in hours of receipt: a phone message 24, an email 48. */
    replyWithinHours: t.readonly(
      t.partial({ phone: NonNegativeInt, email: NonNegativeInt, fax: NonNegativeInt, letter: NonNegativeInt, visit: NonNegativeInt }),
    ),
  }),
  'InquiryPolicy',
);
export type InquiryPolicy = t.TypeOf<typeof InquiryPolicy>;

/** The rulebook's values, as a policy file writes them (shared/DOMAIN.md's numbers). */
export const inquiryPolicyDefaults = {
  replyWithinWorkingDays: 0,
  informationReplyWithinWorkingDays: 3,
  completionAgreementWithinDays: 7,
  writtenConfirmationWithinWorkingDays: 1,
  replyWithinHours: { phone: 24, email: 48 },
};
