/**
 * T-10: every free-text field of this case type's events, decided once: sealed, or not personal
 * with the reason (see `personalDataCatalogue`). A new text field fails the check until it is
 * decided here.
 */
import { type TextFieldDecisionsByEvent, customerFields, productField, staffField } from '../textFields.js';
import type { ComplaintEvent } from './messages.js';

export const complaintPersonalData: TextFieldDecisionsByEvent<ComplaintEvent> = {
  ComplaintReceived: { ...customerFields, description: 'sealed', 'product.name': productField, 'product.sku': productField, 'product.serialNumber': 'sealed' },
  ComplaintAcknowledged: { explanation: 'sealed' },
  SamplesReinspected: { result: 'sealed' },
  JointReviewConvened: { 'chair.id': staffField },
  JointReviewDecided: { decision: 'sealed' },
  ExplanationSent: { explanation: 'sealed' },
  QualityReplied: { reply: 'sealed' },
  RootCauseDetermined: { rootCause: 'sealed' },
  CapaPlanSubmitted: { corrective: 'sealed', preventive: 'sealed' },
  CapaImplemented: { note: 'sealed' },
  CapaVerified: { note: 'sealed' },
  ResolutionReported: { summary: 'sealed' },
  CustomerResponded: { comment: 'sealed' },
  DeterminationDisputed: { reason: 'sealed' },
  IndependentAppraisalRecorded: { appraiser: 'sealed', 'result.rootCause': 'sealed' },
  ComplaintReopened: { reason: 'sealed' },
};
