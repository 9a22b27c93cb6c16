/**
 * The generators of the library's own case types, by category: what the properties every case type
 * holds and the audit's mutation proof run over. A suite folds over the registry and finds each
 * registered case type's generators here, so a case type registered without them is a failing test,
 * not a case type nobody checks.
 */
import {
  type CaseType,
  type CommandBase,
  type EventBase,
  type Rulebook,
  complaintCaseType,
  contractReviewCaseType,
  defaultRulebook,
  inquiryCaseType,
  surveyCaseType,
  warrantyClaimCaseType,
} from '@caseledger/core';
import fc from 'fast-check';
import { adversarialComplaintCommands, complaintCommands, validComplaintProcedures } from './arbitraries/complaint.js';
import { contractReviewCommands, validContractReviews } from './arbitraries/contractReview.js';
import { inquiryCommands, validInquiries } from './arbitraries/inquiry.js';
import { surveyCommands, validSurveys } from './arbitraries/survey.js';
import { validWarrantyProcedures, warrantyCommands } from './arbitraries/warranty.js';
import type { CaseTypeGenerators } from './caseTypeProperties.js';

/** A case type with its generators, whatever its commands, events and state. */
export interface GeneratedCaseType {
  readonly category: string;
  readonly use: <R>(f: <C extends CommandBase, Ev extends EventBase, S>(caseType: CaseType<C, Ev, S>, generators: CaseTypeGenerators<C>) => R) => R;
}

const generated = <C extends CommandBase, Ev extends EventBase, S>(caseType: CaseType<C, Ev, S>, generators: CaseTypeGenerators<C>): GeneratedCaseType => ({
  category: caseType.category,
  use: (f) => f(caseType, generators),
});

/** The library's five case types with their generators, under a rulebook (the one the valid procedures are decided by). */
export const builtInGenerators = (rulebook: Rulebook = defaultRulebook): ReadonlyArray<GeneratedCaseType> => [
  generated(complaintCaseType, {
    commands: fc.oneof(complaintCommands(), adversarialComplaintCommands()),
    valid: validComplaintProcedures(),
    deep: complaintCommands({ maxLength: 60 }),
  }),
  generated(warrantyClaimCaseType, {
    commands: warrantyCommands(rulebook),
    valid: validWarrantyProcedures(rulebook),
    deep: warrantyCommands(rulebook, { maxLength: 60 }),
  }),
  generated(contractReviewCaseType, { commands: contractReviewCommands(), valid: validContractReviews(), deep: contractReviewCommands({ maxLength: 60 }) }),
  generated(surveyCaseType, { commands: surveyCommands(), valid: validSurveys() }),
  generated(inquiryCaseType, { commands: inquiryCommands(rulebook), valid: validInquiries(rulebook), deep: inquiryCommands(rulebook, { maxLength: 30 }) }),
];
