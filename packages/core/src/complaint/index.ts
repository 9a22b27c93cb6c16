/** The complaint procedure (rules C-1 … C-12) as a case type. */
import type { CaseType } from '../caseType.js';
import { ComplaintCommand } from './commands.js';
import { complaintDecider } from './decider.js';
import { ComplaintEvent } from './events.js';
import { complaintInvariants } from './invariants.js';
import type { ComplaintState } from './state.js';

export * from './commands.js';
export * from './deadlines.js';
export * from './decider.js';
export * from './events.js';
export * from './invariants.js';
export * from './state.js';
export * from './vocabulary.js';

export const complaintCaseType: CaseType<ComplaintCommand, ComplaintEvent, ComplaintState> = {
  category: 'complaint',
  commands: ComplaintCommand,
  events: ComplaintEvent,
  decider: complaintDecider,
  upcasters: {},
  invariants: complaintInvariants,
  closedAt: (s) => (s.status === 'closed' ? s.closedAt : undefined),
};
