/** Every deadline name and case status the library's case types report for generated histories written through the handlers. */
import {
  type ComplaintCommand,
  type ContractReviewCommand,
  type InquiryCommand,
  type WarrantyCommand,
  type CaseType,
  type CommandBase,
  type EventBase,
  complaintCaseType,
  contractReviewCaseType,
  defaultRulebook,
  inquiryCaseType,
  instantFromEpochMs,
  warrantyClaimCaseType,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { recordCase } from '@caseledger/testing';
import { auditCase, caseHistoryOf } from '../../src/index.js';

export type GeneratedHistory =
  | { readonly kind: 'complaint'; readonly commands: ReadonlyArray<ComplaintCommand> }
  | { readonly kind: 'warranty'; readonly commands: ReadonlyArray<WarrantyCommand> }
  | { readonly kind: 'contract'; readonly commands: ReadonlyArray<ContractReviewCommand> }
  | { readonly kind: 'inquiry'; readonly commands: ReadonlyArray<InquiryCommand> };

/** A generated history written through its case type's handler (`recordCase`) and read back as a case. */
const written = async <C extends CommandBase, Ev extends EventBase, S>(caseType: CaseType<C, Ev, S>, commands: ReadonlyArray<C>) => {
  const { streamName, recorded } = await recordCase(caseType, commands);
  return caseHistoryOf(streamName, recorded);
};

const historyOf = (h: GeneratedHistory) => {
  switch (h.kind) {
    case 'complaint':
      return written(complaintCaseType, h.commands);
    case 'warranty':
      return written(warrantyClaimCaseType, h.commands);
    case 'contract':
      return written(contractReviewCaseType, h.commands);
    case 'inquiry':
      return written(inquiryCaseType, h.commands);
  }
};

export const wordsOf = async (
  histories: ReadonlyArray<GeneratedHistory>,
): Promise<{ readonly deadlineNames: ReadonlySet<string>; readonly statuses: ReadonlySet<string> }> => {
  const names = new Set<string>();
  const statuses = new Set<string>();
  for (const h of histories) {
    const history = await historyOf(h);
    if (E.isLeft(history)) continue;
    const audit = auditCase(history.right, defaultRulebook, instantFromEpochMs(Date.parse('2030-01-01T00:00:00Z')));
    for (const d of audit.report.deadlines) names.add(d.name);
    for (const e of audit.timeline) statuses.add(e.status);
  }
  return { deadlineNames: names, statuses };
};
