/** Customer inquiries (rules I-1 … I-8) as a case type. */
import { type CaseType, defineCaseType } from '../caseType.js';
import { inquiryDeadlinesOf } from './deadlines.js';
import { decideInquiry } from './decider.js';
import { describeInquiryEvent, inquiryStatus } from './meaning.js';
import { InquiryCommand, InquiryEvent } from './messages.js';
import { inquiryReadModel } from './readModel.js';
import { type InquiryState, evolveInquiry, initialInquiryState } from './state.js';
import { inquiryRecordedFacts, inquiryStepOf } from './steps.js';
import { inquiryPersonalData } from './personalData.js';
import { inquiryRules } from './rules.js';
import { inquiryWords } from './words.js';
import { inquiryViolations } from './violations.js';

export * from './deadlines.js';
export * from './decider.js';
export * from './meaning.js';
export * from './messages.js';
export * from './reaction.js';
export * from './readModel.js';
export * from './personalData.js';
export * from './policy.js';
export * from './rules.js';
export * from './words.js';
export { type InquiryViolationCode, inquiryViolations } from './violations.js';
export * from './state.js';
export * from './steps.js';

export const inquiryCaseType: CaseType<InquiryCommand, InquiryEvent, InquiryState> = defineCaseType({
  category: 'inquiry',
  commands: InquiryCommand,
  events: InquiryEvent,
  initialState: initialInquiryState,
  evolve: evolveInquiry,
  decide: decideInquiry,
  stepOf: inquiryStepOf,
  rules: inquiryRules,
  words: inquiryWords,
  personalData: inquiryPersonalData,
  violations: inquiryViolations.texts,
  recordedFacts: inquiryRecordedFacts,
  deadlines: inquiryDeadlinesOf,
  describe: describeInquiryEvent,
  status: inquiryStatus,
  closedAt: (s) => (s.status === 'closed' ? s.closedAt : undefined),
  readModel: inquiryReadModel,
});
