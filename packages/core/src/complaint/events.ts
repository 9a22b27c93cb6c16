/** The events of the complaint procedure: what happened, when, and who did it. */
import * as t from 'io-ts';
import { Actor, DepartmentCodec } from '../actor.js';
import { CaseId, Instant, NonEmptyText, PositiveInt, type TaggedUnion, tagged, taggedUnion, taggedWithOptional } from '../codecs.js';
import { AppraisalOutcome, ChannelCodec, Product, ResponsibilityCodec, ReviewReasonCodec, SeverityCodec } from './vocabulary.js';
import { Customer } from '../customer.js';

const base = { at: Instant, by: Actor };

export const ComplaintReceived = taggedWithOptional(
  'ComplaintReceived',
  { ...base, customer: Customer, channel: ChannelCodec, description: NonEmptyText, severity: SeverityCodec },
  { product: Product, surveyId: CaseId, inquiryId: CaseId },
);
export const ComplaintAcknowledged = tagged('ComplaintAcknowledged', { ...base, explanation: NonEmptyText });
export const SamplesRequested = tagged('SamplesRequested', { ...base });
export const SamplesReceived = tagged('SamplesReceived', { ...base, quantity: PositiveInt });
export const SamplesReinspected = tagged('SamplesReinspected', { ...base, quantity: PositiveInt, result: NonEmptyText });
export const SamplesDisposed = tagged('SamplesDisposed', { ...base });
export const ComplaintClassified = tagged('ComplaintClassified', {
  ...base,
  responsibility: ResponsibilityCodec,
  basis: t.union([t.literal('assessment'), t.literal('joint-review')]),
});
export const JointReviewConvened = tagged('JointReviewConvened', { ...base, reason: ReviewReasonCodec, chair: Actor });
export const JointReviewDecided = taggedWithOptional('JointReviewDecided', { ...base, decision: NonEmptyText }, { responsibility: ResponsibilityCodec });
export const ExplanationSent = tagged('ExplanationSent', { ...base, explanation: NonEmptyText });
export const ExplanationReceiptConfirmed = tagged('ExplanationReceiptConfirmed', { ...base });
export const ForwardedToQuality = tagged('ForwardedToQuality', { ...base });
export const QualityReplied = tagged('QualityReplied', { ...base, reply: NonEmptyText });
export const RootCauseDetermined = tagged('RootCauseDetermined', { ...base, rootCause: NonEmptyText, responsibleDepartment: DepartmentCodec });
export const CapaPlanSubmitted = tagged('CapaPlanSubmitted', { ...base, planNumber: PositiveInt, corrective: NonEmptyText, preventive: NonEmptyText });
export const CapaImplemented = tagged('CapaImplemented', { ...base, planNumber: PositiveInt, note: NonEmptyText });
export const CapaVerified = tagged('CapaVerified', { ...base, planNumber: PositiveInt, effective: t.boolean, note: NonEmptyText });
export const ResolutionReported = tagged('ResolutionReported', { ...base, planNumber: PositiveInt, summary: NonEmptyText });
export const CustomerResponded = taggedWithOptional('CustomerResponded', { ...base, planNumber: PositiveInt, accepted: t.boolean }, { comment: NonEmptyText });
export const DeterminationDisputed = tagged('DeterminationDisputed', { ...base, reason: NonEmptyText });
export const IndependentAppraisalRecorded = tagged('IndependentAppraisalRecorded', { ...base, appraiser: NonEmptyText, result: AppraisalOutcome });
export const ComplaintClosed = tagged('ComplaintClosed', { ...base });
export const ComplaintReopened = tagged('ComplaintReopened', { ...base, reason: NonEmptyText });

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
