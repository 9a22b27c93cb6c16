/**
 * T-11 for complaints: the command each stored event answers, so the audit decides it again with
 * `decideComplaint`, and the facts an event records that its command did not give, with the rule
 * that computes each.
 */
import type { CaseId } from '../codecs.js';
import type { RecordedFacts } from '../caseType.js';
import type { ComplaintCommand } from './messages.js';
import type { ComplaintEvent } from './messages.js';

export const complaintStepOf = (e: ComplaintEvent, caseId: CaseId): ComplaintCommand | undefined => {
  const step = { caseId, at: e.at, actor: e.by };
  switch (e.type) {
    case 'ComplaintReceived':
      return {
        type: 'ReceiveComplaint',
        ...step,
        customer: e.customer,
        channel: e.channel,
        description: e.description,
        severity: e.severity,
        ...(e.product === undefined ? {} : { product: e.product }),
        ...(e.surveyId === undefined ? {} : { surveyId: e.surveyId }),
        ...(e.inquiryId === undefined ? {} : { inquiryId: e.inquiryId }),
      };
    case 'ComplaintAcknowledged':
      return { type: 'AcknowledgeComplaint', ...step, explanation: e.explanation };
    case 'SamplesRequested':
      return { type: 'RequestSamples', ...step };
    case 'SamplesReceived':
      return { type: 'ReceiveSamples', ...step, quantity: e.quantity };
    case 'SamplesReinspected':
      return { type: 'ReinspectSamples', ...step, quantity: e.quantity, result: e.result };
    case 'SamplesDisposed':
      return { type: 'DisposeSamples', ...step };
    case 'ComplaintClassified':
      // A classification by the joint review is recorded with the review's decision (C-9), not on its own.
      return e.basis === 'assessment' ? { type: 'ClassifyComplaint', ...step, responsibility: e.responsibility } : undefined;
    case 'JointReviewConvened':
      return { type: 'ConveneJointReview', ...step, reason: e.reason, chair: e.chair };
    case 'JointReviewDecided':
      return {
        type: 'RecordJointReviewDecision',
        ...step,
        decision: e.decision,
        ...(e.responsibility === undefined ? {} : { responsibility: e.responsibility }),
      };
    case 'ExplanationSent':
      return { type: 'SendExplanation', ...step, explanation: e.explanation };
    case 'ExplanationReceiptConfirmed':
      return { type: 'ConfirmExplanationReceipt', ...step };
    case 'ForwardedToQuality':
      return { type: 'ForwardToQuality', ...step };
    case 'QualityReplied':
      return { type: 'RecordQualityReply', ...step, reply: e.reply };
    case 'RootCauseDetermined':
      return { type: 'DetermineRootCause', ...step, rootCause: e.rootCause, responsibleDepartment: e.responsibleDepartment };
    case 'CapaPlanSubmitted':
      return { type: 'SubmitCapaPlan', ...step, corrective: e.corrective, preventive: e.preventive };
    case 'CapaImplemented':
      return { type: 'RecordCapaImplemented', ...step, note: e.note };
    case 'CapaVerified':
      return { type: 'VerifyCapa', ...step, effective: e.effective, note: e.note };
    case 'ResolutionReported':
      return { type: 'ReportResolution', ...step, summary: e.summary };
    case 'CustomerResponded':
      return { type: 'RecordCustomerResponse', ...step, accepted: e.accepted, ...(e.comment === undefined ? {} : { comment: e.comment }) };
    case 'DeterminationDisputed':
      return { type: 'DisputeDetermination', ...step, reason: e.reason };
    case 'IndependentAppraisalRecorded':
      return { type: 'RecordIndependentAppraisal', ...step, appraiser: e.appraiser, result: e.result };
    case 'ComplaintClosed':
      return { type: 'CloseComplaint', ...step };
    case 'ComplaintReopened':
      return { type: 'ReopenComplaint', ...step, reason: e.reason };
  }
};

/** What complaint events record beyond their command. */
export const complaintRecordedFacts: RecordedFacts<ComplaintEvent> = {
  // C-9: after a review of an unclear responsibility, the classification is the review's decision.
  ComplaintClassified: { basis: 'C-9', responsibility: 'C-9' },
  // C-8: plans are numbered in order; each step names the plan it is about.
  CapaPlanSubmitted: { planNumber: 'C-8' },
  CapaImplemented: { planNumber: 'C-8' },
  CapaVerified: { planNumber: 'C-8' },
  ResolutionReported: { planNumber: 'C-8' },
  CustomerResponded: { planNumber: 'C-10' },
};
