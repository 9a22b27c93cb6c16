/** The words, commands and events of customer inquiries (I-1 … I-8, seed 000 §5.2, seed 002 §2.3). */
import * as t from 'io-ts';
import { Actor } from '../actor.js';
import { CaseId, Instant, LocalDate, NonEmptyText, type TaggedUnion, oneOf, tagged, taggedUnion, taggedWithOptional } from '../codecs.js';
import { SeverityCodec } from '../complaint/vocabulary.js';
import { Customer } from '../customer.js';

/** I-1: how an inquiry arrives. */
export const inquiryChannels = ['phone', 'email', 'fax', 'letter', 'visit'] as const;
export type InquiryChannel = (typeof inquiryChannels)[number];
export const InquiryChannelCodec = oneOf(inquiryChannels);

/** I-6: a reply in writing (letter, fax, email) or by word of mouth. */
export const replyForms = ['written', 'oral'] as const;
export type ReplyForm = (typeof replyForms)[number];
export const ReplyFormCodec = oneOf(replyForms);

const cmd = { caseId: CaseId, at: Instant, actor: Actor };
const ev = { at: Instant, by: Actor };

// ---------------------------------------------------------------------------------------------
// Commands

/** I-1: customer, channel, subject; the instant of receipt is the command's. */
export const ReceiveInquiry = tagged('ReceiveInquiry', { ...cmd, customer: Customer, channel: InquiryChannelCodec, subject: NonEmptyText });
/** I-3: the answer needs information gathered; the customer is told so. */
export const RecordInformationNeeded = tagged('RecordInformationNeeded', { ...cmd, note: NonEmptyText });
/** I-4: the customer agreed to the expected completion date (a reference to the agreement). */
export const AgreeCompletionDate = tagged('AgreeCompletionDate', { ...cmd, completionDate: LocalDate, agreement: NonEmptyText });
/** I-5: a question the replier may not decide goes to the manager who may. */
export const EscalateToManager = tagged('EscalateToManager', { ...cmd, manager: Actor, question: NonEmptyText });
export const RecordManagerDecision = tagged('RecordManagerDecision', { ...cmd, decision: NonEmptyText });
export const ReplyToInquiry = tagged('ReplyToInquiry', { ...cmd, form: ReplyFormCodec, reply: NonEmptyText });
/** I-6: an oral reply confirmed in writing (a reference to the letter, fax or email). */
export const ConfirmReplyInWriting = tagged('ConfirmReplyInWriting', { ...cmd, reference: NonEmptyText });
/** I-8: the inquiry turns out to be a complaint. */
export const TurnIntoComplaint = tagged('TurnIntoComplaint', { ...cmd, description: NonEmptyText, severity: SeverityCodec });
export const CloseInquiry = tagged('CloseInquiry', { ...cmd });

export type InquiryCommand =
  | t.TypeOf<typeof ReceiveInquiry>
  | t.TypeOf<typeof RecordInformationNeeded>
  | t.TypeOf<typeof AgreeCompletionDate>
  | t.TypeOf<typeof EscalateToManager>
  | t.TypeOf<typeof RecordManagerDecision>
  | t.TypeOf<typeof ReplyToInquiry>
  | t.TypeOf<typeof ConfirmReplyInWriting>
  | t.TypeOf<typeof TurnIntoComplaint>
  | t.TypeOf<typeof CloseInquiry>;

export const InquiryCommand: TaggedUnion<InquiryCommand> = taggedUnion<InquiryCommand>('InquiryCommand', {
  ReceiveInquiry,
  RecordInformationNeeded,
  AgreeCompletionDate,
  EscalateToManager,
  RecordManagerDecision,
  ReplyToInquiry,
  ConfirmReplyInWriting,
  TurnIntoComplaint,
  CloseInquiry,
});

// ---------------------------------------------------------------------------------------------
// Events

export const InquiryReceived = tagged('InquiryReceived', { ...ev, customer: Customer, channel: InquiryChannelCodec, subject: NonEmptyText });
export const InformationNeeded = tagged('InformationNeeded', { ...ev, note: NonEmptyText });
export const CompletionDateAgreed = tagged('CompletionDateAgreed', { ...ev, completionDate: LocalDate, agreement: NonEmptyText });
export const InquiryEscalated = tagged('InquiryEscalated', { ...ev, manager: Actor, question: NonEmptyText });
export const ManagerDecided = tagged('ManagerDecided', { ...ev, decision: NonEmptyText });
/** I-5: a reply to an escalated question names the manager who decided it. */
export const InquiryReplied = taggedWithOptional('InquiryReplied', { ...ev, form: ReplyFormCodec, reply: NonEmptyText }, { decidedBy: Actor });
export const ReplyConfirmedInWriting = tagged('ReplyConfirmedInWriting', { ...ev, reference: NonEmptyText });
/** I-8: points to the complaint it opens. */
export const InquiryTurnedIntoComplaint = tagged('InquiryTurnedIntoComplaint', {
  ...ev,
  complaintId: CaseId,
  description: NonEmptyText,
  severity: SeverityCodec,
});
export const InquiryClosed = tagged('InquiryClosed', { ...ev });

export type InquiryEvent =
  | t.TypeOf<typeof InquiryReceived>
  | t.TypeOf<typeof InformationNeeded>
  | t.TypeOf<typeof CompletionDateAgreed>
  | t.TypeOf<typeof InquiryEscalated>
  | t.TypeOf<typeof ManagerDecided>
  | t.TypeOf<typeof InquiryReplied>
  | t.TypeOf<typeof ReplyConfirmedInWriting>
  | t.TypeOf<typeof InquiryTurnedIntoComplaint>
  | t.TypeOf<typeof InquiryClosed>;

export type InquiryEventType = InquiryEvent['type'];

export const InquiryEvent: TaggedUnion<InquiryEvent> = taggedUnion<InquiryEvent>('InquiryEvent', {
  InquiryReceived,
  InformationNeeded,
  CompletionDateAgreed,
  InquiryEscalated,
  ManagerDecided,
  InquiryReplied,
  ReplyConfirmedInWriting,
  InquiryTurnedIntoComplaint,
  InquiryClosed,
});
