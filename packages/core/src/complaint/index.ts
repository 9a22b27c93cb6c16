/** The complaint procedure (rules C-1 … C-12) as a case type. */
import { type CaseType, defineCaseType } from '../caseType.js';
import { ComplaintCommand, ComplaintEvent } from './messages.js';
import { complaintDeadlinesOf } from './deadlines.js';
import { decideComplaint } from './decider.js';
import { complaintStatus, describeComplaintEvent } from './meaning.js';
import { complaintReadModel } from './readModel.js';
import { type ComplaintState, evolveComplaint, initialComplaintState } from './state.js';
import { complaintRecordedFacts, complaintStepOf } from './steps.js';
import { complaintPersonalData } from './personalData.js';
import { complaintRules } from './rules.js';
import { complaintWords } from './words.js';
import { complaintViolations } from './violations.js';

export * from './messages.js';
export * from './deadlines.js';
export * from './decider.js';
export * from './meaning.js';
export * from './readModel.js';
export * from './personalData.js';
export * from './policy.js';
export * from './rules.js';
export * from './words.js';
export { type ComplaintViolationCode, complaintViolations } from './violations.js';
export * from './state.js';
export * from './steps.js';
export * from './vocabulary.js';

export const complaintCaseType: CaseType<ComplaintCommand, ComplaintEvent, ComplaintState> = defineCaseType({
  category: 'complaint',
  commands: ComplaintCommand,
  events: ComplaintEvent,
  initialState: initialComplaintState,
  evolve: evolveComplaint,
  // No complaint rule depends on a policy value: deadlines do, and they are not refusals (T-8).
  decide: () => decideComplaint,
  stepOf: complaintStepOf,
  rules: complaintRules,
  words: complaintWords,
  personalData: complaintPersonalData,
  violations: complaintViolations.texts,
  recordedFacts: complaintRecordedFacts,
  deadlines: complaintDeadlinesOf,
  describe: describeComplaintEvent,
  status: complaintStatus,
  closedAt: (s) => (s.status === 'closed' ? s.closedAt : undefined),
  readModel: complaintReadModel,
});
