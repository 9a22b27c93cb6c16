/**
 * T-10: every free-text field of this case type's events, decided once: sealed, or not personal
 * with the reason (see `personalDataCatalogue`). A new text field fails the check until it is
 * decided here.
 */
import { type TextFieldDecisionsByEvent, customerFields, matchedIdField, notPersonal } from '../textFields.js';
import type { ContractReviewEvent } from './messages.js';

export const contractReviewPersonalData: TextFieldDecisionsByEvent<ContractReviewEvent> = {
  OrderSubmitted: { ...customerFields, description: 'sealed', quotationRef: notPersonal("the company's own quotation number") },
  OralOrderRecorded: { orderedBy: 'sealed', record: 'sealed' },
  RequirementDetermined: { 'decision.text': 'sealed' },
  DifferenceRecorded: { differenceId: matchedIdField, description: 'sealed' },
  DifferenceResolved: { differenceId: matchedIdField, resolution: 'sealed' },
  DepartmentOpinionRecorded: { note: 'sealed' },
  CapabilityConfirmed: { note: 'sealed' },
  OrderRejected: { reason: 'sealed' },
  AmendmentProposed: { amendmentId: matchedIdField, description: 'sealed' },
  AmendmentAgreed: { amendmentId: matchedIdField },
  AmendmentDeclined: { amendmentId: matchedIdField },
  ContractReturnedToReview: { amendmentId: matchedIdField },
  AmendmentCommunicated: { amendmentId: matchedIdField },
};
