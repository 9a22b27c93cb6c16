/** What each contract-review event means to an auditor, and the status of a review. */
import type { EventMeaning } from '../caseType.js';
import type { RuleId } from '../violation.js';
import type { ContractReviewEvent } from './messages.js';
import type { ContractReviewState } from './state.js';

const m = (rules: ReadonlyArray<RuleId>, summary: string): EventMeaning => ({ rules, summary, specialCase: false });

export const describeContractReviewEvent = (e: ContractReviewEvent): EventMeaning => {
  switch (e.type) {
    case 'OrderSubmitted':
      return m(['R-1', 'R-4'], `${e.form} order submitted${e.requiredDepartments.length > 0 ? `; opinions needed from ${e.requiredDepartments.join(', ')}` : ''}`);
    case 'OralOrderRecorded':
      return m(['R-1'], 'Oral order recorded in writing');
    case 'RequirementDetermined':
      return m(['R-2'], `Requirement "${e.category}" determined${e.decision.kind === 'none' ? ' as none' : ''}`);
    case 'DifferenceRecorded':
      return m(['R-3'], `Difference ${e.differenceId} recorded`);
    case 'DifferenceResolved':
      return m(['R-3'], `Difference ${e.differenceId} resolved`);
    case 'DepartmentOpinionRecorded':
      return m(['R-4'], `${e.department}: ${e.canMeet ? 'can meet' : 'CANNOT meet'}`);
    case 'CapabilityConfirmed':
      return m(['R-3'], 'Capability confirmed');
    case 'ContractApproved':
      return m(['R-3', 'R-5'], `Contract approved by ${e.by.id} (${e.by.department})`);
    case 'OrderRejected':
      return m(['R-3'], 'Order rejected');
    case 'ContractSigned':
      return m(['R-3'], 'Contract signed');
    case 'AmendmentProposed':
      return m(['R-6'], `Amendment ${e.amendmentId} proposed${e.changesProductRequirements ? ' (changes product requirements)' : ''}`);
    case 'AmendmentAgreed':
      return m(['R-6'], `Customer agreed to amendment ${e.amendmentId}`);
    case 'AmendmentDeclined':
      return m(['R-6'], `Customer declined amendment ${e.amendmentId}`);
    case 'ContractReturnedToReview':
      return m(['R-6'], `Back to review after amendment ${e.amendmentId}`);
    case 'AmendmentCommunicated':
      return m(['R-6'], `Amendment ${e.amendmentId} communicated to ${e.department}`);
    case 'ReleasedToProduction':
      return m(['R-6'], 'Released to production');
  }
};

export const contractReviewStatus = (s: ContractReviewState): string => s.status;
