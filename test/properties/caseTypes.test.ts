/**
 * The properties every case type holds (the testing kit's `caseTypeProperties`), for each of the
 * library's five: written histories audit clean, refusals write nothing, resends are applied once,
 * events survive JSON, the generators reach every event type, valid procedures replay to the
 * handler's state. Runs per property: CASELEDGER_NUM_RUNS (default 200), set once in the kit.
 */
import { complaintCaseType, contractReviewCaseType, defaultRulebook, inquiryCaseType, surveyCaseType, warrantyClaimCaseType } from '@caseledger/core';
import {
  adversarialComplaintCommands,
  caseTypeProperties,
  complaintCommands,
  contractReviewCommands,
  inquiryCommands,
  surveyCommands,
  validComplaintProcedures,
  validContractReviews,
  validInquiries,
  validSurveys,
  validWarrantyProcedures,
  warrantyCommands,
} from '@caseledger/testing';
import fc from 'fast-check';
import { describe, it } from 'vitest';

const suites = [
  caseTypeProperties(complaintCaseType, {
    commands: fc.oneof(complaintCommands(), adversarialComplaintCommands()),
    valid: validComplaintProcedures(),
    deep: complaintCommands({ maxLength: 60 }),
  }),
  caseTypeProperties(warrantyClaimCaseType, {
    commands: warrantyCommands(),
    valid: validWarrantyProcedures(defaultRulebook),
    deep: warrantyCommands(defaultRulebook, { maxLength: 60 }),
  }),
  caseTypeProperties(contractReviewCaseType, {
    commands: contractReviewCommands(),
    valid: validContractReviews(),
    deep: contractReviewCommands({ maxLength: 60 }),
  }),
  caseTypeProperties(surveyCaseType, { commands: surveyCommands(), valid: validSurveys() }),
  caseTypeProperties(inquiryCaseType, { commands: inquiryCommands(), valid: validInquiries(), deep: inquiryCommands(defaultRulebook, { maxLength: 30 }) }),
];

describe('the properties every case type holds', () => {
  for (const suite of suites) for (const property of suite) it(property.name, property.check, 120_000);
});
