/**
 * T-10: every free-text field of this case type's events, decided once: sealed, or not personal
 * with the reason (see `personalDataCatalogue`). A new text field fails the check until it is
 * decided here.
 */
import { type TextFieldDecisionsByEvent, customerFields, notPersonal, productField, ruleLabelField } from '../textFields.js';
import type { WarrantyEvent } from './messages.js';

export const warrantyPersonalData: TextFieldDecisionsByEvent<WarrantyEvent> = {
  ClaimFiled: {
    ...customerFields,
    reason: 'sealed',
    'unit.sku': productField,
    'unit.model': productField,
    'unit.category': notPersonal('the productField category: the warranty period the rules look up (W-9)'),
    'unit.serialNumber': 'sealed',
    'work.project': 'sealed',
  },
  DefectInspected: { report: 'sealed' },
  SpecialCaseApproved: { justification: 'sealed' },
  ReturnAccepted: { policyVersion: ruleLabelField, jurisdiction: ruleLabelField, ground: ruleLabelField },
  ClaimRejected: { reason: 'sealed' },
  ReturnSlipIssued: { reason: 'sealed' },
  RepairUnitReceived: { defect: 'sealed' },
  RepairAssessed: { policyVersion: ruleLabelField, jurisdiction: ruleLabelField },
  RepairConsentRecorded: { signedCopy: 'sealed' },
  RepairCompleted: { note: 'sealed' },
  RepairInspected: { report: 'sealed' },
  ConstructionDefectConfirmed: { findings: 'sealed' },
  RepairPlanApproved: { plan: 'sealed' },
  OwnerAccepted: { signedCopy: 'sealed' },
};
