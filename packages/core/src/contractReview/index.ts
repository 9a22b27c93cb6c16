/** The contract review (rules R-1 … R-6) as a case type. */
import { type CaseType, defineCaseType } from '../caseType.js';
import { contractReviewDeadlinesOf } from './deadlines.js';
import { decideContractReview } from './decider.js';
import { contractReviewStatus, describeContractReviewEvent } from './meaning.js';
import { ContractReviewCommand, ContractReviewEvent } from './messages.js';
import { contractReviewClosedAt, contractReviewReadModel } from './readModel.js';
import { type ContractReviewState, evolveContractReview, initialContractReviewState } from './state.js';
import { contractReviewRecordedFacts, contractReviewStepOf } from './steps.js';
import { contractReviewPersonalData } from './personalData.js';
import { contractReviewRules } from './rules.js';
import { contractReviewWords } from './words.js';
import { contractReviewViolations } from './violations.js';

export * from './deadlines.js';
export * from './decider.js';
export * from './meaning.js';
export * from './messages.js';
export * from './readModel.js';
export * from './personalData.js';
export * from './policy.js';
export * from './rules.js';
export * from './words.js';
export { type ContractReviewViolationCode, contractReviewViolations } from './violations.js';
export * from './state.js';
export * from './steps.js';

export const contractReviewCaseType: CaseType<ContractReviewCommand, ContractReviewEvent, ContractReviewState> = defineCaseType({
  category: 'contractReview',
  commands: ContractReviewCommand,
  events: ContractReviewEvent,
  initialState: initialContractReviewState,
  evolve: evolveContractReview,
  // No contract-review rule depends on a policy value; the review deadline does (T-8).
  decide: () => decideContractReview,
  stepOf: contractReviewStepOf,
  rules: contractReviewRules,
  words: contractReviewWords,
  personalData: contractReviewPersonalData,
  violations: contractReviewViolations.texts,
  recordedFacts: contractReviewRecordedFacts,
  deadlines: contractReviewDeadlinesOf,
  describe: describeContractReviewEvent,
  status: contractReviewStatus,
  closedAt: contractReviewClosedAt,
  readModel: contractReviewReadModel,
});
