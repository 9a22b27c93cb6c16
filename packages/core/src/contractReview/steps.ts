/**
 * T-11 for contract reviews: the command each stored event answers, so the audit decides it again
 * with `decideContractReview`, and the facts an event records that its command did not give.
 */
import type { RecordedFacts } from '../caseType.js';
import type { CaseId } from '../codecs.js';
import type { ContractReviewCommand, ContractReviewEvent } from './messages.js';

export const contractReviewStepOf = (e: ContractReviewEvent, caseId: CaseId): ContractReviewCommand | undefined => {
  const step = { caseId, at: e.at, actor: e.by };
  switch (e.type) {
    case 'OrderSubmitted':
      return {
        type: 'SubmitOrder',
        ...step,
        customer: e.customer,
        form: e.form,
        description: e.description,
        complexProcess: e.complexProcess,
        specialMaterials: e.specialMaterials,
        requiredDepartments: e.requiredDepartments,
        ...(e.quotationRef === undefined ? {} : { quotationRef: e.quotationRef }),
      };
    case 'OralOrderRecorded':
      return { type: 'RecordOralOrderInWriting', ...step, orderedBy: e.orderedBy, orderedAt: e.orderedAt, record: e.record };
    case 'RequirementDetermined':
      return { type: 'DetermineRequirement', ...step, category: e.category, decision: e.decision };
    case 'DifferenceRecorded':
      return { type: 'RecordDifference', ...step, differenceId: e.differenceId, description: e.description };
    case 'DifferenceResolved':
      return { type: 'ResolveDifference', ...step, differenceId: e.differenceId, resolution: e.resolution };
    case 'DepartmentOpinionRecorded':
      return { type: 'RecordDepartmentOpinion', ...step, canMeet: e.canMeet, note: e.note };
    case 'CapabilityConfirmed':
      return { type: 'ConfirmCapability', ...step, note: e.note };
    case 'ContractApproved':
      return { type: 'ApproveContract', ...step };
    case 'OrderRejected':
      return { type: 'RejectOrder', ...step, reason: e.reason };
    case 'ContractSigned':
      return { type: 'SignContract', ...step };
    case 'AmendmentProposed':
      return {
        type: 'ProposeAmendment',
        ...step,
        amendmentId: e.amendmentId,
        description: e.description,
        changesProductRequirements: e.changesProductRequirements,
        affectedDepartments: e.affectedDepartments,
      };
    case 'AmendmentAgreed':
      return { type: 'RecordAmendmentAgreement', ...step, amendmentId: e.amendmentId, agreed: true };
    case 'AmendmentDeclined':
      return { type: 'RecordAmendmentAgreement', ...step, amendmentId: e.amendmentId, agreed: false };
    case 'ContractReturnedToReview':
      // recorded with the customer's agreement to an amendment that changes product requirements.
      return undefined;
    case 'AmendmentCommunicated':
      return { type: 'CommunicateAmendment', ...step, amendmentId: e.amendmentId, department: e.department };
    case 'ReleasedToProduction':
      return { type: 'ReleaseToProduction', ...step };
  }
};

/** What contract-review events record beyond their command. */
export const contractReviewRecordedFacts: RecordedFacts<ContractReviewEvent> = {
  // an opinion is the opinion of the department of the person who gave it.
  DepartmentOpinionRecorded: { department: 'R-4' },
  // the amendment that sent the contract back to review.
  ContractReturnedToReview: { amendmentId: 'R-6' },
};
