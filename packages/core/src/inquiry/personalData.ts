/**
 * T-10: every free-text field of this case type's events, decided once: sealed, or not personal
 * with the reason (see `personalDataCatalogue`). A new text field fails the check until it is
 * decided here.
 */
import { type TextFieldDecisionsByEvent, customerFields, staffField } from '../textFields.js';
import type { InquiryEvent } from './messages.js';

export const inquiryPersonalData: TextFieldDecisionsByEvent<InquiryEvent> = {
  InquiryReceived: { ...customerFields, subject: 'sealed' },
  InformationNeeded: { note: 'sealed' },
  CompletionDateAgreed: { agreement: 'sealed' },
  InquiryEscalated: { 'manager.id': staffField, question: 'sealed' },
  ManagerDecided: { decision: 'sealed' },
  InquiryReplied: { reply: 'sealed', 'decidedBy.id': staffField },
  ReplyConfirmedInWriting: { reference: 'sealed' },
  InquiryTurnedIntoComplaint: { description: 'sealed' },
};
