/** Every deadline name and case status the library's case types report for generated histories written through the handlers. */
import {
  type ComplaintCommand,
  type ContractReviewCommand,
  type InquiryCommand,
  type WarrantyCommand,
  commandHandler,
  complaintCaseType,
  contractReviewCaseType,
  defaultRulebook,
  inMemoryEventStore,
  inquiryCaseType,
  instantFromEpochMs,
  warrantyClaimCaseType,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { auditCase, readCase } from '../../src/index.js';

export type GeneratedHistory =
  | { readonly kind: 'complaint'; readonly commands: ReadonlyArray<ComplaintCommand> }
  | { readonly kind: 'warranty'; readonly commands: ReadonlyArray<WarrantyCommand> }
  | { readonly kind: 'contract'; readonly commands: ReadonlyArray<ContractReviewCommand> }
  | { readonly kind: 'inquiry'; readonly commands: ReadonlyArray<InquiryCommand> };

export const wordsOf = async (histories: ReadonlyArray<GeneratedHistory>): Promise<{ readonly deadlineNames: ReadonlySet<string>; readonly statuses: ReadonlySet<string> }> => {
  const store = inMemoryEventStore();
  const handlers = {
    complaint: commandHandler(complaintCaseType, store),
    warranty: commandHandler(warrantyClaimCaseType, store, { rulebook: defaultRulebook }),
    contract: commandHandler(contractReviewCaseType, store),
    inquiry: commandHandler(inquiryCaseType, store, { rulebook: defaultRulebook }),
  };
  const names = new Set<string>();
  const statuses = new Set<string>();
  for (const [i, h] of histories.entries()) {
    const caseId = `N${i}`;
    for (const command of h.commands) await handlers[h.kind]({ ...command, caseId })();
    const stream = { complaint: 'complaint', warranty: 'warrantyClaim', contract: 'contractReview', inquiry: 'inquiry' }[h.kind];
    const history = await readCase(store, `${stream}-${caseId}`);
    if (E.isLeft(history)) continue;
    const audit = auditCase(history.right, defaultRulebook, instantFromEpochMs(Date.parse('2030-01-01T00:00:00Z')));
    for (const d of audit.report.deadlines) names.add(d.name);
    for (const e of audit.timeline) statuses.add(e.status);
  }
  return { deadlineNames: names, statuses };
};
