/** The rulebook's case types in one registry: what the audit and the tools read a store through. */
import * as E from 'fp-ts/lib/Either.js';
import { type CaseTypeRegistry, makeRegistry, registered } from './caseHistory.js';
import { complaintCaseType } from './complaint/index.js';
import { contractReviewCaseType } from './contractReview/index.js';
import { inquiryCaseType } from './inquiry/index.js';
import { surveyCaseType } from './survey/index.js';
import { warrantyClaimCaseType } from './warranty/index.js';

const builtIn = makeRegistry([
  registered(complaintCaseType),
  registered(warrantyClaimCaseType),
  registered(contractReviewCaseType),
  registered(surveyCaseType),
  registered(inquiryCaseType),
]);
if (E.isLeft(builtIn)) throw new Error(builtIn.left.message);

/** Complaints, warranty claims, contract reviews, surveys and inquiries. Add your own with `makeRegistry([...caseTypes.entries, registered(yours)])`. */
export const caseTypes: CaseTypeRegistry = builtIn.right;
