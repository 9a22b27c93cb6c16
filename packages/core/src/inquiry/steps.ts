/**
 * T-11 for inquiries: the command each stored event answers, so the audit decides it again with
 * `decideInquiry`, and the facts an event records that its command did not give.
 */
import type { RecordedFacts } from '../caseType.js';
import type { CaseId } from '../codecs.js';
import type { InquiryCommand, InquiryEvent } from './messages.js';

export const inquiryStepOf = (e: InquiryEvent, caseId: CaseId): InquiryCommand => {
  const step = { caseId, at: e.at, actor: e.by };
  switch (e.type) {
    case 'InquiryReceived':
      return { type: 'ReceiveInquiry', ...step, customer: e.customer, channel: e.channel, subject: e.subject };
    case 'InformationNeeded':
      return { type: 'RecordInformationNeeded', ...step, note: e.note };
    case 'CompletionDateAgreed':
      return { type: 'AgreeCompletionDate', ...step, completionDate: e.completionDate, agreement: e.agreement };
    case 'InquiryEscalated':
      return { type: 'EscalateToManager', ...step, manager: e.manager, question: e.question };
    case 'ManagerDecided':
      return { type: 'RecordManagerDecision', ...step, decision: e.decision };
    case 'InquiryReplied':
      return { type: 'ReplyToInquiry', ...step, form: e.form, reply: e.reply };
    case 'ReplyConfirmedInWriting':
      return { type: 'ConfirmReplyInWriting', ...step, reference: e.reference };
    case 'InquiryTurnedIntoComplaint':
      return { type: 'TurnIntoComplaint', ...step, description: e.description, severity: e.severity };
    case 'InquiryClosed':
      return { type: 'CloseInquiry', ...step };
  }
};

/** What inquiry events record beyond their command. */
export const inquiryRecordedFacts: RecordedFacts<InquiryEvent> = {
  // I-5: the reply to an escalated question names the manager who decided it.
  InquiryReplied: { decidedBy: 'I-5' },
  // I-8: the complaint it opened.
  InquiryTurnedIntoComplaint: { complaintId: 'I-8' },
};
