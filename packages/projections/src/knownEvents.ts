/** Decoding stored events of every case type the library knows, by stream category. */
import {
  type ComplaintEvent,
  type ContractReviewEvent,
  type EventDecodeError,
  type EventEnvelope,
  type InquiryEvent,
  type RecordedEvent,
  type SurveyEvent,
  type WarrantyEvent,
  complaintCaseType,
  contractReviewCaseType,
  decodeRecorded,
  inquiryCaseType,
  splitStreamName,
  surveyCaseType,
  warrantyClaimCaseType,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';

export type KnownEvent =
  | { readonly category: 'complaint'; readonly caseId: string; readonly envelope: EventEnvelope<ComplaintEvent> }
  | { readonly category: 'warrantyClaim'; readonly caseId: string; readonly envelope: EventEnvelope<WarrantyEvent> }
  | { readonly category: 'contractReview'; readonly caseId: string; readonly envelope: EventEnvelope<ContractReviewEvent> }
  | { readonly category: 'survey'; readonly caseId: string; readonly envelope: EventEnvelope<SurveyEvent> }
  | { readonly category: 'inquiry'; readonly caseId: string; readonly envelope: EventEnvelope<InquiryEvent> };

export type KnownCategory = KnownEvent['category'];

// Each with its case type's upcasters, so older schema versions read as the current ones.
const decodeComplaint = decodeRecorded(complaintCaseType);
const decodeWarranty = decodeRecorded(warrantyClaimCaseType);
const decodeContract = decodeRecorded(contractReviewCaseType);
const decodeSurvey = decodeRecorded(surveyCaseType);
const decodeInquiry = decodeRecorded(inquiryCaseType);

/**
 * Decode a stored event of a known case type. `undefined` for a stream this library does not own
 * (another category, or a system stream); a decoding failure names stream, revision and type.
 */
export const decodeKnownEvent = (recorded: RecordedEvent): E.Either<EventDecodeError, KnownEvent> | undefined => {
  const { category, caseId } = splitStreamName(recorded.streamName);
  switch (category) {
    case 'complaint':
      return E.map((envelope: EventEnvelope<ComplaintEvent>): KnownEvent => ({ category, caseId, envelope }))(decodeComplaint(recorded));
    case 'warrantyClaim':
      return E.map((envelope: EventEnvelope<WarrantyEvent>): KnownEvent => ({ category, caseId, envelope }))(decodeWarranty(recorded));
    case 'contractReview':
      return E.map((envelope: EventEnvelope<ContractReviewEvent>): KnownEvent => ({ category, caseId, envelope }))(decodeContract(recorded));
    case 'survey':
      return E.map((envelope: EventEnvelope<SurveyEvent>): KnownEvent => ({ category, caseId, envelope }))(decodeSurvey(recorded));
    case 'inquiry':
      return E.map((envelope: EventEnvelope<InquiryEvent>): KnownEvent => ({ category, caseId, envelope }))(decodeInquiry(recorded));
    default:
      return undefined;
  }
};
