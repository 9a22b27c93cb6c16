/**
 * What each complaint event means to an auditor, and the status of a complaint in a word or two.
 * Summaries never quote customer data (T-10): who acted, what was decided, not who complained.
 */
import type { EventMeaning } from '../caseType.js';
import type { RuleId } from '../violation.js';
import type { ComplaintEvent } from './events.js';
import type { ComplaintState } from './state.js';

const m = (rules: ReadonlyArray<RuleId>, summary: string): EventMeaning => ({ rules, summary, specialCase: false });

export const describeComplaintEvent = (e: ComplaintEvent): EventMeaning => {
  switch (e.type) {
    case 'ComplaintReceived':
      return m(['C-1'], `Complaint received by ${e.channel}, severity ${e.severity}${e.surveyId === undefined ? '' : `, from survey ${e.surveyId}`}${e.inquiryId === undefined ? '' : `, from inquiry ${e.inquiryId}`}`);
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
      return e.basis === 'joint-review' ? m(['C-9', 'C-3'], `Classified ${e.responsibility} by the joint review`) : m(['C-3'], `Classified ${e.responsibility}`);
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

export const complaintStatus = (s: ComplaintState): string =>
  s.status === 'internal'
    ? `internal: ${s.investigation.step === 'determined' ? s.investigation.capa.step : s.investigation.step}`
    : s.status === 'closed'
      ? `closed (${s.path})`
      : s.status;
