/**
 * The messages of the complaint procedure: its commands (every command names its case, its instant
 * and its actor) and its events (what happened, when, and who did it).
 */
import * as t from 'io-ts';
import { Actor, DepartmentCodec } from '../actor.js';
import { CaseId, Instant, NonEmptyText, PositiveInt, type TaggedUnion, tagged, taggedUnion, taggedWithOptional } from '../codecs.js';
import { AppraisalOutcome, ChannelCodec, Product, ResponsibilityCodec, ReviewReasonCodec, SeverityCodec } from './vocabulary.js';
import { Customer } from '../customer.js';

// Commands.

const commandBase = { caseId: CaseId, at: Instant, actor: Actor };

export const ReceiveComplaint = taggedWithOptional(
  'ReceiveComplaint',
  { ...commandBase, customer: Customer, channel: ChannelCodec, description: NonEmptyText, severity: SeverityCodec },
  { product: Product, surveyId: CaseId, inquiryId: CaseId },
);
export const AcknowledgeComplaint = tagged('AcknowledgeComplaint', { ...commandBase, explanation: NonEmptyText });
export const RequestSamples = tagged('RequestSamples', { ...commandBase });
export const ReceiveSamples = tagged('ReceiveSamples', { ...commandBase, quantity: PositiveInt });
export const ReinspectSamples = tagged('ReinspectSamples', { ...commandBase, quantity: PositiveInt, result: NonEmptyText });
export const DisposeSamples = tagged('DisposeSamples', { ...commandBase });
export const ClassifyComplaint = tagged('ClassifyComplaint', { ...commandBase, responsibility: ResponsibilityCodec });
export const ConveneJointReview = tagged('ConveneJointReview', { ...commandBase, reason: ReviewReasonCodec, chair: Actor });
export const RecordJointReviewDecision = taggedWithOptional(
  'RecordJointReviewDecision',
  { ...commandBase, decision: NonEmptyText },
  { responsibility: ResponsibilityCodec },
);
export const SendExplanation = tagged('SendExplanation', { ...commandBase, explanation: NonEmptyText });
export const ConfirmExplanationReceipt = tagged('ConfirmExplanationReceipt', { ...commandBase });
export const ForwardToQuality = tagged('ForwardToQuality', { ...commandBase });
export const RecordQualityReply = tagged('RecordQualityReply', { ...commandBase, reply: NonEmptyText });
export const DetermineRootCause = tagged('DetermineRootCause', { ...commandBase, rootCause: NonEmptyText, responsibleDepartment: DepartmentCodec });
export const SubmitCapaPlan = tagged('SubmitCapaPlan', { ...commandBase, corrective: NonEmptyText, preventive: NonEmptyText });
export const RecordCapaImplemented = tagged('RecordCapaImplemented', { ...commandBase, note: NonEmptyText });
export const VerifyCapa = tagged('VerifyCapa', { ...commandBase, effective: t.boolean, note: NonEmptyText });
export const ReportResolution = tagged('ReportResolution', { ...commandBase, summary: NonEmptyText });
export const RecordCustomerResponse = taggedWithOptional('RecordCustomerResponse', { ...commandBase, accepted: t.boolean }, { comment: NonEmptyText });
export const DisputeDetermination = tagged('DisputeDetermination', { ...commandBase, reason: NonEmptyText });
export const RecordIndependentAppraisal = tagged('RecordIndependentAppraisal', { ...commandBase, appraiser: NonEmptyText, result: AppraisalOutcome });
export const CloseComplaint = tagged('CloseComplaint', { ...commandBase });
export const ReopenComplaint = tagged('ReopenComplaint', { ...commandBase, reason: NonEmptyText });

export type ComplaintCommand =
  | t.TypeOf<typeof ReceiveComplaint>
  | t.TypeOf<typeof AcknowledgeComplaint>
  | t.TypeOf<typeof RequestSamples>
  | t.TypeOf<typeof ReceiveSamples>
  | t.TypeOf<typeof ReinspectSamples>
  | t.TypeOf<typeof DisposeSamples>
  | t.TypeOf<typeof ClassifyComplaint>
  | t.TypeOf<typeof ConveneJointReview>
  | t.TypeOf<typeof RecordJointReviewDecision>
  | t.TypeOf<typeof SendExplanation>
  | t.TypeOf<typeof ConfirmExplanationReceipt>
  | t.TypeOf<typeof ForwardToQuality>
  | t.TypeOf<typeof RecordQualityReply>
  | t.TypeOf<typeof DetermineRootCause>
  | t.TypeOf<typeof SubmitCapaPlan>
  | t.TypeOf<typeof RecordCapaImplemented>
  | t.TypeOf<typeof VerifyCapa>
  | t.TypeOf<typeof ReportResolution>
  | t.TypeOf<typeof RecordCustomerResponse>
  | t.TypeOf<typeof DisputeDetermination>
  | t.TypeOf<typeof RecordIndependentAppraisal>
  | t.TypeOf<typeof CloseComplaint>
  | t.TypeOf<typeof ReopenComplaint>;

export const ComplaintCommand: TaggedUnion<ComplaintCommand> = taggedUnion<ComplaintCommand>('ComplaintCommand', {
  ReceiveComplaint,
  AcknowledgeComplaint,
  RequestSamples,
  ReceiveSamples,
  ReinspectSamples,
  DisposeSamples,
  ClassifyComplaint,
  ConveneJointReview,
  RecordJointReviewDecision,
  SendExplanation,
  ConfirmExplanationReceipt,
  ForwardToQuality,
  RecordQualityReply,
  DetermineRootCause,
  SubmitCapaPlan,
  RecordCapaImplemented,
  VerifyCapa,
  ReportResolution,
  RecordCustomerResponse,
  DisputeDetermination,
  RecordIndependentAppraisal,
  CloseComplaint,
  ReopenComplaint,
});

// Events.

const eventBase = { at: Instant, by: Actor };

export const ComplaintReceived = taggedWithOptional(
  'ComplaintReceived',
  { ...eventBase, customer: Customer, channel: ChannelCodec, description: NonEmptyText, severity: SeverityCodec },
  { product: Product, surveyId: CaseId, inquiryId: CaseId },
);
export const ComplaintAcknowledged = tagged('ComplaintAcknowledged', { ...eventBase, explanation: NonEmptyText });
export const SamplesRequested = tagged('SamplesRequested', { ...eventBase });
export const SamplesReceived = tagged('SamplesReceived', { ...eventBase, quantity: PositiveInt });
export const SamplesReinspected = tagged('SamplesReinspected', { ...eventBase, quantity: PositiveInt, result: NonEmptyText });
export const SamplesDisposed = tagged('SamplesDisposed', { ...eventBase });
export const ComplaintClassified = tagged('ComplaintClassified', {
  ...eventBase,
  responsibility: ResponsibilityCodec,
  basis: t.union([t.literal('assessment'), t.literal('joint-review')]),
});
export const JointReviewConvened = tagged('JointReviewConvened', { ...eventBase, reason: ReviewReasonCodec, chair: Actor });
export const JointReviewDecided = taggedWithOptional('JointReviewDecided', { ...eventBase, decision: NonEmptyText }, { responsibility: ResponsibilityCodec });
export const ExplanationSent = tagged('ExplanationSent', { ...eventBase, explanation: NonEmptyText });
export const ExplanationReceiptConfirmed = tagged('ExplanationReceiptConfirmed', { ...eventBase });
export const ForwardedToQuality = tagged('ForwardedToQuality', { ...eventBase });
export const QualityReplied = tagged('QualityReplied', { ...eventBase, reply: NonEmptyText });
export const RootCauseDetermined = tagged('RootCauseDetermined', { ...eventBase, rootCause: NonEmptyText, responsibleDepartment: DepartmentCodec });
export const CapaPlanSubmitted = tagged('CapaPlanSubmitted', { ...eventBase, planNumber: PositiveInt, corrective: NonEmptyText, preventive: NonEmptyText });
export const CapaImplemented = tagged('CapaImplemented', { ...eventBase, planNumber: PositiveInt, note: NonEmptyText });
export const CapaVerified = tagged('CapaVerified', { ...eventBase, planNumber: PositiveInt, effective: t.boolean, note: NonEmptyText });
export const ResolutionReported = tagged('ResolutionReported', { ...eventBase, planNumber: PositiveInt, summary: NonEmptyText });
export const CustomerResponded = taggedWithOptional(
  'CustomerResponded',
  { ...eventBase, planNumber: PositiveInt, accepted: t.boolean },
  { comment: NonEmptyText },
);
export const DeterminationDisputed = tagged('DeterminationDisputed', { ...eventBase, reason: NonEmptyText });
export const IndependentAppraisalRecorded = tagged('IndependentAppraisalRecorded', { ...eventBase, appraiser: NonEmptyText, result: AppraisalOutcome });
export const ComplaintClosed = tagged('ComplaintClosed', { ...eventBase });
export const ComplaintReopened = tagged('ComplaintReopened', { ...eventBase, reason: NonEmptyText });

export type ComplaintEvent =
  | t.TypeOf<typeof ComplaintReceived>
  | t.TypeOf<typeof ComplaintAcknowledged>
  | t.TypeOf<typeof SamplesRequested>
  | t.TypeOf<typeof SamplesReceived>
  | t.TypeOf<typeof SamplesReinspected>
  | t.TypeOf<typeof SamplesDisposed>
  | t.TypeOf<typeof ComplaintClassified>
  | t.TypeOf<typeof JointReviewConvened>
  | t.TypeOf<typeof JointReviewDecided>
  | t.TypeOf<typeof ExplanationSent>
  | t.TypeOf<typeof ExplanationReceiptConfirmed>
  | t.TypeOf<typeof ForwardedToQuality>
  | t.TypeOf<typeof QualityReplied>
  | t.TypeOf<typeof RootCauseDetermined>
  | t.TypeOf<typeof CapaPlanSubmitted>
  | t.TypeOf<typeof CapaImplemented>
  | t.TypeOf<typeof CapaVerified>
  | t.TypeOf<typeof ResolutionReported>
  | t.TypeOf<typeof CustomerResponded>
  | t.TypeOf<typeof DeterminationDisputed>
  | t.TypeOf<typeof IndependentAppraisalRecorded>
  | t.TypeOf<typeof ComplaintClosed>
  | t.TypeOf<typeof ComplaintReopened>;

export type ComplaintEventType = ComplaintEvent['type'];

export const ComplaintEvent: TaggedUnion<ComplaintEvent> = taggedUnion<ComplaintEvent>('ComplaintEvent', {
  ComplaintReceived,
  ComplaintAcknowledged,
  SamplesRequested,
  SamplesReceived,
  SamplesReinspected,
  SamplesDisposed,
  ComplaintClassified,
  JointReviewConvened,
  JointReviewDecided,
  ExplanationSent,
  ExplanationReceiptConfirmed,
  ForwardedToQuality,
  QualityReplied,
  RootCauseDetermined,
  CapaPlanSubmitted,
  CapaImplemented,
  CapaVerified,
  ResolutionReported,
  CustomerResponded,
  DeterminationDisputed,
  IndependentAppraisalRecorded,
  ComplaintClosed,
  ComplaintReopened,
});
