/** The state of an inquiry: what was asked, and how far the answer has come. */
import type { Actor } from '../actor.js';
import type { CaseId, Instant, LocalDate } from '../codecs.js';
import type { Customer } from '../customer.js';
import type { InquiryChannel, InquiryEvent, ReplyForm } from './messages.js';

/** I-5: a question with the manager who may decide it, and the decision once taken. */
export interface Escalation {
  readonly manager: Actor;
  readonly at: Instant;
  readonly decidedAt?: Instant;
}

/** I-4: a completion date the customer agreed to, and when. */
export interface CompletionAgreement {
  readonly completionDate: LocalDate;
  readonly at: Instant;
}

export interface Reply {
  readonly at: Instant;
  readonly form: ReplyForm;
  readonly decidedBy?: Actor;
  /** I-6: when an oral reply was confirmed in writing. */
  readonly confirmedAt?: Instant;
}

export interface ReceivedInquiry {
  /**
   * - `open`: being answered;
   * - `replied`: the customer has the answer;
   * - `turned-into-complaint`: it opened a complaint (I-8);
   * - `closed`.
   */
  readonly status: 'open' | 'replied' | 'turned-into-complaint' | 'closed';
  readonly customer: Customer;
  readonly channel: InquiryChannel;
  readonly subject: string;
  readonly receivedAt: Instant;
  /** T-1: no later step may be earlier than this. */
  readonly lastEventAt: Instant;
  /** I-3: when the customer was told information must be gathered. */
  readonly informationNeededAt?: Instant;
  /** I-4: the completion dates the customer agreed to, in order, each with when it was agreed. */
  readonly agreements: ReadonlyArray<CompletionAgreement>;
  readonly escalation?: Escalation;
  readonly reply?: Reply;
  readonly complaintId?: CaseId;
  readonly closedAt?: Instant;
}

export type InquiryState = { readonly status: 'none' } | ReceivedInquiry;

export const initialInquiryState: InquiryState = { status: 'none' };

/** Folds one event into the state; total, one copy per event, with the time of the event (T-1). */
export const evolveInquiry = (state: InquiryState, e: InquiryEvent): InquiryState => {
  if (state.status === 'none') {
    return e.type === 'InquiryReceived'
      ? { status: 'open', customer: e.customer, channel: e.channel, subject: e.subject, receivedAt: e.at, lastEventAt: e.at, agreements: [] }
      : state;
  }
  const s = state;
  const lastEventAt = e.at;
  switch (e.type) {
    case 'InquiryReceived':
      return { ...s, lastEventAt };
    case 'InformationNeeded':
      return { ...s, lastEventAt, informationNeededAt: s.informationNeededAt ?? e.at };
    case 'CompletionDateAgreed':
      return { ...s, lastEventAt, agreements: [...s.agreements, { completionDate: e.completionDate, at: e.at }] };
    case 'InquiryEscalated':
      return { ...s, lastEventAt, escalation: { manager: e.manager, at: e.at } };
    case 'ManagerDecided':
      return s.escalation === undefined ? { ...s, lastEventAt } : { ...s, lastEventAt, escalation: { ...s.escalation, decidedAt: e.at } };
    case 'InquiryReplied':
      return {
        ...s,
        lastEventAt,
        status: s.status === 'open' ? 'replied' : s.status,
        reply: { at: e.at, form: e.form, ...(e.decidedBy === undefined ? {} : { decidedBy: e.decidedBy }) },
      };
    case 'ReplyConfirmedInWriting':
      return s.reply === undefined ? { ...s, lastEventAt } : { ...s, lastEventAt, reply: { ...s.reply, confirmedAt: e.at } };
    case 'InquiryTurnedIntoComplaint':
      return { ...s, lastEventAt, status: 'turned-into-complaint', complaintId: e.complaintId };
    case 'InquiryClosed':
      return { ...s, lastEventAt, status: 'closed', closedAt: e.at };
  }
};
