/** What each inquiry event means to an auditor, and the status of an inquiry. Never the customer's words (T-10). */
import type { EventMeaning } from '../caseType.js';
import type { RuleId } from '../violation.js';
import type { InquiryEvent } from './messages.js';
import type { InquiryState } from './state.js';

const m = (rules: ReadonlyArray<RuleId>, summary: string): EventMeaning => ({ rules, summary, specialCase: false });

export const describeInquiryEvent = (e: InquiryEvent): EventMeaning => {
  switch (e.type) {
    case 'InquiryReceived':
      return m(['I-1'], `Inquiry received by ${e.channel}`);
    case 'InformationNeeded':
      return m(['I-3'], 'Customer told that information is being gathered');
    case 'CompletionDateAgreed':
      return m(['I-4'], `Customer agreed to completion by ${e.completionDate}`);
    case 'InquiryEscalated':
      return m(['I-5'], `Question passed to ${e.manager.id} (${e.manager.role}) to decide`);
    case 'ManagerDecided':
      return m(['I-5'], `${e.by.id} decided the question`);
    case 'InquiryReplied':
      return m(e.form === 'oral' ? ['I-2', 'I-6'] : ['I-2'], `${e.form === 'oral' ? 'Oral' : 'Written'} reply${e.decidedBy === undefined ? '' : `, decided by ${e.decidedBy.id}`}`);
    case 'ReplyConfirmedInWriting':
      return m(['I-6'], 'Oral reply confirmed in writing');
    case 'InquiryTurnedIntoComplaint':
      return m(['I-8'], `Turned into complaint ${e.complaintId} (${e.severity})`);
    case 'InquiryClosed':
      return m(['I-1'], 'Inquiry closed');
  }
};

export const inquiryStatus = (s: InquiryState): string => s.status;
