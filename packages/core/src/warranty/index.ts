/** Warranty claims (rules W-1 … W-10) as a case type. */
import type { CaseType } from '../caseType.js';
import { type WarrantyConfig, warrantyClaimDecider } from './decider.js';
import { warrantyInvariants } from './invariants.js';
import { WarrantyCommand, WarrantyEvent } from './messages.js';
import type { WarrantyClaimState } from './state.js';

export * from './deadlines.js';
export * from './decider.js';
export * from './invariants.js';
export * from './messages.js';
export * from './periods.js';
export * from './returnEligibility.js';
export * from './state.js';
export * from './vocabulary.js';

/** The warranty-claim case type, on a company's policies and business calendar. */
export const warrantyClaimCaseType = (config: WarrantyConfig): CaseType<WarrantyCommand, WarrantyEvent, WarrantyClaimState> => ({
  category: 'warrantyClaim',
  commands: WarrantyCommand,
  events: WarrantyEvent,
  decider: warrantyClaimDecider(config),
  upcasters: {},
  invariants: warrantyInvariants,
  closedAt: (s) => (s.status === 'closed' ? s.closedAt : undefined),
});
