/**
 * What each event means to an auditor: the rule ids it serves and a one-line summary. Summaries
 * never quote customer data (T-10): who acted, what was decided, not who complained.
 */
import type { ComplaintEvent, ContractReviewEvent, RuleId, SurveyEvent, WarrantyEvent } from '@caseledger/core';

export interface EventMeaning {
  readonly rules: ReadonlyArray<RuleId>;
  readonly summary: string;
  /** A special case (W-3): approved, or used to accept a return. Highlighted in reports. */
  readonly specialCase: boolean;
}

const m = (rules: ReadonlyArray<RuleId>, summary: string, specialCase = false): EventMeaning => ({ rules, summary, specialCase });

export const complaintMeaning = (e: ComplaintEvent): EventMeaning => {
  switch (e.type) {
    case 'ComplaintReceived':
      return m(['C-1'], `Complaint received by ${e.channel}, severity ${e.severity}${e.surveyId === undefined ? '' : `, from survey ${e.surveyId}`}`);
    case 'ComplaintAcknowledged':
      return m(['C-2'], 'Customer acknowledged: process and expected time explained');
    case 'SamplesRequested':
      return m(['C-6'], 'Defective samples requested from the customer');
    case 'SamplesReceived':
      return m(['C-6'], `${e.quantity} sample(s) received`);
    case 'SamplesReinspected':
      return m(['C-6'], `Quality re-inspected ${e.quantity} sample(s)`);
    case 'SamplesDisposed':
      return m(['C-6', 'C-11'], 'Samples disposed of');
    case 'ComplaintClassified':
      return m(['C-3'], `Classified ${e.responsibility}${e.basis === 'joint-review' ? ' by the joint review' : ''}`);
    case 'JointReviewConvened':
      return m(['C-9'], `Joint review convened (${e.reason}), chaired by ${e.chair.id} (${e.chair.role})`);
    case 'JointReviewDecided':
      return m(['C-9'], `Joint review decided${e.responsibility === undefined ? '' : `: ${e.responsibility}`}`);
    case 'ExplanationSent':
      return m(['C-4'], 'Explanation sent to the customer');
    case 'ExplanationReceiptConfirmed':
      return m(['C-4'], "Customer's receipt of the explanation confirmed");
    case 'ForwardedToQuality':
      return m(['C-5'], 'Complaint form forwarded to quality');
    case 'QualityReplied':
      return m(['C-5'], 'Quality replied in writing');
    case 'RootCauseDetermined':
      return m(['C-7'], `Root cause determined; responsible: ${e.responsibleDepartment}`);
    case 'CapaPlanSubmitted':
      return m(['C-7', 'C-8'], `CAPA plan ${e.planNumber} submitted by ${e.by.department}`);
    case 'CapaImplemented':
      return m(['C-8'], `CAPA plan ${e.planNumber} implemented`);
    case 'CapaVerified':
      return m(['C-8'], `CAPA plan ${e.planNumber} verified ${e.effective ? 'effective' : 'NOT effective'}`);
    case 'ResolutionReported':
      return m(['C-10'], `Resolution (plan ${e.planNumber}) reported to the customer`);
    case 'CustomerResponded':
      return m(['C-10'], `Customer ${e.accepted ? 'accepted' : 'rejected'} the resolution of plan ${e.planNumber}`);
    case 'DeterminationDisputed':
      return m(['C-11'], "Customer disputes quality's determination; samples retained");
    case 'IndependentAppraisalRecorded':
      return m(['C-11'], `Independent appraisal: ${e.result.outcome === 'upheld' ? 'determination upheld' : `revised; responsible: ${e.result.responsibleDepartment}`}`);
    case 'ComplaintClosed':
      return m(['C-12'], 'Complaint closed');
    case 'ComplaintReopened':
      return m(['C-12'], 'Complaint reopened');
  }
};

export const warrantyMeaning = (e: WarrantyEvent): EventMeaning => {
  switch (e.type) {
    case 'ClaimFiled':
      return m(['W-1'], `${e.kind} claim filed${e.unit === undefined ? '' : ` for ${e.unit.model} (${e.unit.category}), shipped ${e.unit.shippedOn}`}${e.work === undefined ? '' : ` for ${e.work.element}, handed over ${e.work.handedOverOn}`}`);
    case 'DefectInspected':
      return m(['W-2'], `Quality inspection: ${e.verdict}`);
    case 'SpecialCaseApproved':
      return m(['W-3'], `SPECIAL CASE approved by ${e.by.id} (${e.by.role}): ${e.justification}`, true);
    case 'ReturnAccepted':
      return m(['W-2', ...(e.specialCase ? (['W-3'] as const) : [])], `Return accepted${e.specialCase ? ' AS A SPECIAL CASE' : ''} under policy ${e.policyVersion} (window to ${e.windowEndsOn})`, e.specialCase);
    case 'ClaimRejected':
      return m(['W-2'], 'Claim rejected');
    case 'ReturnedGoodsReceived':
      return m(['W-4'], `${e.quantity} returned unit(s) received`);
    case 'ReturnSlipIssued':
      return m(['W-4'], `Return slip issued (ship date ${e.shipDate})`);
    case 'ReturnSlipSigned':
      return m(['W-4'], `Return slip signed by ${e.by.id}`);
    case 'ReturnBooked':
      return m(['W-4'], 'Return booked by finance');
    case 'ReplacementShipped':
      return m(['W-5'], 'Replacement shipped');
    case 'RepairUnitReceived':
      return m(['W-6'], `${e.quantity} unit(s) received for repair`);
    case 'RepairAssessed':
      return m(['W-6', 'W-9'], `Repair assessed: ${e.inWarranty ? 'in warranty' : 'out of warranty'}${e.feeRequired ? ', fee required' : ', free'} (policy ${e.policyVersion})`);
    case 'FeeQuoteSent':
      return m(['W-6'], 'Fee quote sent');
    case 'RepairConsentRecorded':
      return m(['W-6'], e.consented ? 'Customer consented to the fee (signed)' : 'Customer declined the fee');
    case 'RepairStarted':
      return m(['W-6', 'W-8'], 'Repair started');
    case 'RepairCompleted':
      return m(['W-7', 'W-8'], 'Repair completed');
    case 'RepairInspected':
      return m(['W-7', 'W-8'], `Quality inspection of the repair: ${e.passed ? 'passed' : 'FAILED'}`);
    case 'RepairedUnitShipped':
      return m(['W-7'], 'Repaired unit shipped back');
    case 'UnitReturnedUnrepaired':
      return m(['W-6'], 'Unit returned unrepaired');
    case 'ConstructionDefectConfirmed':
      return m(['W-8'], 'Construction defect confirmed');
    case 'RepairPlanApproved':
      return m(['W-8'], `Repair plan approved by ${e.by.id} (${e.by.role})`);
    case 'OwnerAccepted':
      return m(['W-8'], "Owner's acceptance signed");
    case 'ClaimClosed':
      return m(['W-1'], 'Claim closed');
  }
};

export const contractReviewMeaning = (e: ContractReviewEvent): EventMeaning => {
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

export const surveyMeaning = (e: SurveyEvent): EventMeaning =>
  e.type === 'SurveySent' ? m(['S-1'], `Survey for ${e.period} sent (${e.items.length} items)`) : m(['S-1', 'S-2'], `Survey returned: overall ${e.overall}`);
