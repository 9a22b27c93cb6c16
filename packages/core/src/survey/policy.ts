/**
 * This case type's policy values (S-4's targets): their codec, what each means, and the rulebook's
 * defaults. A company's policy versions change them, dated (T-5); `rulebookPolicy.ts` composes the
 * case types' slices into the policy a version holds.
 */
import * as t from 'io-ts';
import { Ratio } from '../codecs.js';

export const SurveyPolicy = t.readonly(
  t.type({
    /** S-4: the response rate should reach 90%. */
    responseRateTarget: Ratio,
    /** S-4: the company's quality objective for the satisfaction rate (S-2). */
    satisfactionRateTarget: Ratio,
  }),
  'SurveyPolicy',
);
export type SurveyPolicy = t.TypeOf<typeof SurveyPolicy>;

/** The rulebook's values, as a policy file writes them (shared/DOMAIN.md's numbers). */
export const surveyPolicyDefaults = { responseRateTarget: 0.9, satisfactionRateTarget: 0.85 };
