/** Each case type is importable from its own subpath of @caseledger/core, the same module as the root's. */
import * as core from '@caseledger/core';
import * as complaint from '@caseledger/core/complaint';
import * as contractReview from '@caseledger/core/contractReview';
import * as inquiry from '@caseledger/core/inquiry';
import * as survey from '@caseledger/core/survey';
import * as warranty from '@caseledger/core/warranty';
import { expect, it } from 'vitest';

it('@caseledger/core/<case type> gives the case type, its codecs and rules, the very objects the root gives', () => {
  expect(complaint.complaintCaseType).toBe(core.complaintCaseType);
  expect(warranty.warrantyClaimCaseType).toBe(core.warrantyClaimCaseType);
  expect(warranty.returnEligibility).toBe(core.returnEligibility);
  expect(contractReview.contractReviewCaseType).toBe(core.contractReviewCaseType);
  expect(survey.surveyCaseType).toBe(core.surveyCaseType);
  expect(inquiry.inquiryCaseType).toBe(core.inquiryCaseType);
  // A subpath holds its own case type only.
  expect(Object.keys(warranty)).not.toContain('complaintCaseType');
});
