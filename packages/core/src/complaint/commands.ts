/** The commands of the complaint procedure. Every command names its case, its instant and its actor. */
import * as t from 'io-ts';
import { Actor, DepartmentCodec } from '../actor.js';
import { CaseId, Instant, NonEmptyText, PositiveInt, type TaggedUnion, tagged, taggedUnion, taggedWithOptional } from '../codecs.js';
import { AppraisalOutcome, ChannelCodec, Product, ResponsibilityCodec, ReviewReasonCodec, SeverityCodec } from './vocabulary.js';
import { Customer } from '../customer.js';

const base = { caseId: CaseId, at: Instant, actor: Actor };

export const ReceiveComplaint = taggedWithOptional(
  'ReceiveComplaint',
  { ...base, customer: Customer, channel: ChannelCodec, description: NonEmptyText, severity: SeverityCodec },
  { product: Product, surveyId: CaseId, inquiryId: CaseId },
);
export const AcknowledgeComplaint = tagged('AcknowledgeComplaint', { ...base, explanation: NonEmptyText });
export const RequestSamples = tagged('RequestSamples', { ...base });
export const ReceiveSamples = tagged('ReceiveSamples', { ...base, quantity: PositiveInt });
export const ReinspectSamples = tagged('ReinspectSamples', { ...base, quantity: PositiveInt, result: NonEmptyText });
export const DisposeSamples = tagged('DisposeSamples', { ...base });
export const ClassifyComplaint = tagged('ClassifyComplaint', { ...base, responsibility: ResponsibilityCodec });
export const ConveneJointReview = tagged('ConveneJointReview', { ...base, reason: ReviewReasonCodec, chair: Actor });
export const RecordJointReviewDecision = taggedWithOptional(
  'RecordJointReviewDecision',
  { ...base, decision: NonEmptyText },
  { responsibility: ResponsibilityCodec },
);
export const SendExplanation = tagged('SendExplanation', { ...base, explanation: NonEmptyText });
export const ConfirmExplanationReceipt = tagged('ConfirmExplanationReceipt', { ...base });
export const ForwardToQuality = tagged('ForwardToQuality', { ...base });
export const RecordQualityReply = tagged('RecordQualityReply', { ...base, reply: NonEmptyText });
export const DetermineRootCause = tagged('DetermineRootCause', { ...base, rootCause: NonEmptyText, responsibleDepartment: DepartmentCodec });
export const SubmitCapaPlan = tagged('SubmitCapaPlan', { ...base, corrective: NonEmptyText, preventive: NonEmptyText });
export const RecordCapaImplemented = tagged('RecordCapaImplemented', { ...base, note: NonEmptyText });
export const VerifyCapa = tagged('VerifyCapa', { ...base, effective: t.boolean, note: NonEmptyText });
export const ReportResolution = tagged('ReportResolution', { ...base, summary: NonEmptyText });
export const RecordCustomerResponse = taggedWithOptional('RecordCustomerResponse', { ...base, accepted: t.boolean }, { comment: NonEmptyText });
export const DisputeDetermination = tagged('DisputeDetermination', { ...base, reason: NonEmptyText });
export const RecordIndependentAppraisal = tagged('RecordIndependentAppraisal', { ...base, appraiser: NonEmptyText, result: AppraisalOutcome });
export const CloseComplaint = tagged('CloseComplaint', { ...base });
export const ReopenComplaint = tagged('ReopenComplaint', { ...base, reason: NonEmptyText });

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
