/** Warranty claims (rules W-1 … W-10) as a case type. */
import { type CaseType, defineCaseType } from '../caseType.js';
import { warrantyDeadlinesOf } from './deadlines.js';
import { decideWarrantyClaim } from './decider.js';
import { describeWarrantyEvent, warrantyClaimStatus } from './meaning.js';
import { WarrantyCommand, WarrantyEvent, warrantyUpcasters } from './messages.js';
import { warrantyClaimReadModel } from './readModel.js';
import { type WarrantyClaimState, evolveWarrantyClaim, initialWarrantyClaimState } from './state.js';
import { warrantyRecordedFacts, warrantyStepOf } from './steps.js';
import { warrantyPersonalData } from './personalData.js';
import { warrantyRules } from './rules.js';
import { warrantyWords } from './words.js';
import { warrantyViolations } from './violations.js';

export * from './deadlines.js';
export * from './floor.js';
export * from './decider.js';
export * from './meaning.js';
export * from './messages.js';
export * from './periods.js';
export * from './readModel.js';
export * from './repairFee.js';
export * from './personalData.js';
export * from './policy.js';
export * from './rules.js';
export * from './words.js';
export { type WarrantyViolationCode, warrantyViolations } from './violations.js';
export * from './returnEligibility.js';
export * from './state.js';
export * from './steps.js';
export * from './vocabulary.js';

/** The warranty-claim case type. Its windows and periods come from the rulebook it is decided under. */
export const warrantyClaimCaseType: CaseType<WarrantyCommand, WarrantyEvent, WarrantyClaimState> = defineCaseType({
  category: 'warrantyClaim',
  commands: WarrantyCommand,
  events: WarrantyEvent,
  upcasters: warrantyUpcasters,
  initialState: initialWarrantyClaimState,
  evolve: evolveWarrantyClaim,
  decide: decideWarrantyClaim,
  stepOf: warrantyStepOf,
  rules: warrantyRules,
  words: warrantyWords,
  personalData: warrantyPersonalData,
  violations: warrantyViolations.texts,
  recordedFacts: warrantyRecordedFacts,
  deadlines: warrantyDeadlinesOf,
  describe: describeWarrantyEvent,
  status: warrantyClaimStatus,
  closedAt: (s) => (s.status === 'closed' ? s.closedAt : undefined),
  readModel: warrantyClaimReadModel,
});
