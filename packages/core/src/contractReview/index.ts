/** The contract review (rules R-1 … R-6) as a case type. */
import type { CaseType } from '../caseType.js';
import { contractReviewDecider } from './decider.js';
import { contractReviewInvariants } from './invariants.js';
import { ContractReviewCommand, ContractReviewEvent } from './messages.js';
import type { ContractReviewState } from './state.js';

export * from './deadlines.js';
export * from './decider.js';
export * from './invariants.js';
export * from './messages.js';
export * from './state.js';

export const contractReviewCaseType: CaseType<ContractReviewCommand, ContractReviewEvent, ContractReviewState> = {
  category: 'contractReview',
  commands: ContractReviewCommand,
  events: ContractReviewEvent,
  decider: contractReviewDecider,
  upcasters: {},
  invariants: contractReviewInvariants,
  // A review's record is complete once signed and released, or rejected.
  closedAt: (s) => (s.status === 'rejected' ? s.lastEventAt : s.status === 'signed' ? s.releasedAt : undefined),
};
