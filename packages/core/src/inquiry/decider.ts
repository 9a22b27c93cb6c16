/**
 * Inquiries (I-1 … I-8) as a decider: what may be recorded when, and by whom. The reply times
 * (I-2, I-3, I-4, I-6, I-7) are deadlines, never refusals (T-8): see `deadlines.ts`. These are the
 * only inquiry rules: the audit decides every stored inquiry event again with this function (T-11).
 */
import { showableText } from '../quoting.js';
import * as E from 'fp-ts/lib/Either.js';
import { type Department, isNamedPerson, isPermitted, type Permissions, permittedBy } from '../actor.js';
import { localDateOf } from '../calendar.js';
import { CaseId } from '../codecs.js';
import type { Decider } from '../decider.js';
import { type RuleContext, type Rulebook, defaultRulebook, inForce } from '../ruleContext.js';
import { type RuleId, type Violation } from '../violation.js';
import type { InquiryCommand, InquiryEvent } from './messages.js';
import { type InquiryState, type ReceivedInquiry, evolveInquiry, initialInquiryState } from './state.js';
import { type InquiryViolationCode, only, violation } from './violations.js';

/** What the decider decides: the events to append, or the rule the command breaks. */
export type InquiryDecision = E.Either<Violation, ReadonlyArray<InquiryEvent>>;
const refuse = (ruleId: RuleId, code: InquiryViolationCode, message: string): InquiryDecision => E.left(violation(ruleId, code, message));
const emit = (...events: ReadonlyArray<InquiryEvent>): InquiryDecision => E.right(events);

/** Inquiries are answered by sales (the business department, seed 000 §5.2) or customer service (seed 002 §2). */
const FRONT_OFFICE: ReadonlyArray<Department> = ['sales', 'customer-service'];
const frontOffice = (step: string) => only('T-6', 'FRONT_OFFICE_ONLY', { departments: FRONT_OFFICE }, step);

/** I-8: the complaint an inquiry opens is `<inquiry id>.complaint`. */
export const complaintIdForInquiry = (inquiryId: CaseId): CaseId | undefined => {
  const id = `${inquiryId}.complaint`;
  return CaseId.is(id) ? id : undefined;
};

const notAnswered = (s: ReceivedInquiry, step: string): Violation | undefined =>
  s.status === 'replied' ? violation('I-2', 'ALREADY_REPLIED', `${step} comes before the reply; the inquiry was answered.`) : undefined;

/**
 * T-6 and the rules that name a department: who may take each step. A step not listed checks its
 * actor itself, against the case.
 */
const permissions: Permissions<InquiryCommand> = {
  ReceiveInquiry: frontOffice('Recording an inquiry'),
  RecordInformationNeeded: frontOffice('Recording that information must be gathered'),
  AgreeCompletionDate: frontOffice("Recording the customer's agreement"),
  EscalateToManager: frontOffice('Passing a question to a manager'),
  ReplyToInquiry: frontOffice('Replying to the inquiry'),
  ConfirmReplyInWriting: frontOffice('Confirming the reply in writing'),
  TurnIntoComplaint: frontOffice('Treating the inquiry as a complaint'),
  CloseInquiry: frontOffice('Closing the inquiry'),
};

const permitted = permittedBy(permissions);

/** The rule of one step (on a received inquiry that is not closed (I-1, I-8 are checked before it)). */
type Step<T extends InquiryCommand['type']> = (c: Extract<InquiryCommand, { readonly type: T }>, s: ReceivedInquiry, context: RuleContext) => InquiryDecision;

/** I-3: the answer needs information gathered; the customer is told so. */
const recordInformationNeeded: Step<'RecordInformationNeeded'> = (c, s) => {
  const { actor: by, at } = c;
  const answered = notAnswered(s, 'Gathering information');
  if (answered !== undefined) return E.left(answered);
  if (s.informationNeededAt !== undefined)
    return refuse('I-3', 'INFORMATION_NEED_ALREADY_RECORDED', 'The customer was already told that information is being gathered.');
  return emit({ type: 'InformationNeeded', at, by, note: c.note });
};

/** I-4: the customer agrees to the expected completion date; a later date needs a new agreement. */
const agreeCompletionDate: Step<'AgreeCompletionDate'> = (c, s, context) => {
  const { actor: by, at } = c;
  const answered = notAnswered(s, 'An agreed completion date');
  if (answered !== undefined) return E.left(answered);
  if (s.informationNeededAt === undefined)
    return refuse('I-4', 'INFORMATION_NOT_NEEDED', 'A completion date is agreed for information that must be gathered (I-3); record that first.');
  if (c.completionDate < localDateOf(context.calendar, at))
    return refuse('I-4', 'COMPLETION_DATE_IN_PAST', `The agreed completion date ${c.completionDate} has already passed.`);
  const previous = s.agreements[s.agreements.length - 1]?.completionDate;
  if (previous !== undefined && c.completionDate <= previous) {
    return refuse('I-4', 'COMPLETION_DATE_NOT_LATER', `A new agreement is for a later date than ${previous}, the one already agreed.`);
  }
  return emit({ type: 'CompletionDateAgreed', at, by, completionDate: c.completionDate, agreement: c.agreement });
};

/** I-5: a question the replier may not decide goes to a manager who may. */
const escalateToManager: Step<'EscalateToManager'> = (c, s) => {
  const { actor: by, at } = c;
  const answered = notAnswered(s, 'Passing a question to a manager');
  if (answered !== undefined) return E.left(answered);
  if (!isPermitted({ minimumRole: 'manager' }, c.manager))
    return refuse(
      'I-5',
      'ESCALATION_NOT_TO_A_MANAGER',
      `${showableText(c.manager.id)} is ${c.manager.role}; the question goes to a manager who may decide it.`,
    );
  if (s.escalation !== undefined && s.escalation.decidedAt === undefined)
    return refuse('I-5', 'ESCALATION_OPEN', `The question already waits for ${showableText(s.escalation.manager.id)}.`);
  return emit({ type: 'InquiryEscalated', at, by, manager: c.manager, question: c.question });
};

const recordManagerDecision: Step<'RecordManagerDecision'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.escalation === undefined || s.escalation.decidedAt !== undefined)
    return refuse('I-5', 'NO_ESCALATION_OPEN', 'No question waits for a manager’s decision.');
  if (!isNamedPerson(s.escalation.manager)(by))
    return refuse('I-5', 'DECISION_NOT_BY_ESCALATED_MANAGER', `The question was passed to ${showableText(s.escalation.manager.id)}, who decides it.`);
  return emit({ type: 'ManagerDecided', at, by, decision: c.decision });
};

/** I-2, I-3: the reply; I-5: it names who decided an escalated question. */
const replyToInquiry: Step<'ReplyToInquiry'> = (c, s) => {
  const { actor: by, at } = c;
  const answered = notAnswered(s, 'A second reply');
  if (answered !== undefined) return E.left(answered);
  if (s.escalation !== undefined && s.escalation.decidedAt === undefined) {
    return refuse('I-5', 'AWAITING_MANAGER_DECISION', `The reply waits for ${showableText(s.escalation.manager.id)}'s decision.`);
  }
  return emit({
    type: 'InquiryReplied',
    at,
    by,
    form: c.form,
    reply: c.reply,
    ...(s.escalation === undefined ? {} : { decidedBy: s.escalation.manager }),
  });
};

/** I-6: an oral reply is confirmed in writing. */
const confirmReplyInWriting: Step<'ConfirmReplyInWriting'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.reply === undefined) return refuse('I-6', 'NOT_REPLIED', 'There is no reply to confirm.');
  if (s.reply.form !== 'oral') return refuse('I-6', 'REPLY_NOT_ORAL', 'The reply was already in writing.');
  if (s.reply.confirmedAt !== undefined) return refuse('I-6', 'REPLY_ALREADY_CONFIRMED', 'The oral reply was already confirmed in writing.');
  return emit({ type: 'ReplyConfirmedInWriting', at, by, reference: c.reference });
};

/** I-8: an inquiry that turns out to be a complaint opens one and points to it. */
const turnIntoComplaint: Step<'TurnIntoComplaint'> = (c) => {
  const { actor: by, at } = c;
  const complaintId = complaintIdForInquiry(c.caseId);
  if (complaintId === undefined) return refuse('I-8', 'COMPLAINT_ID_TOO_LONG', `The complaint id ${c.caseId}.complaint is longer than a case id may be.`);
  return emit({ type: 'InquiryTurnedIntoComplaint', at, by, complaintId, description: c.description, severity: c.severity });
};

/** The record closes once answered (or handed to the complaint procedure), an oral reply confirmed in writing. */
const closeInquiry: Step<'CloseInquiry'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.status === 'open') return refuse('I-2', 'INQUIRY_NOT_ANSWERED', 'The inquiry closes once the customer has the answer.');
  if (s.status === 'replied' && s.reply?.form === 'oral' && s.reply.confirmedAt === undefined) {
    return refuse('I-6', 'ORAL_REPLY_NOT_CONFIRMED', 'An oral reply is confirmed in writing before the inquiry closes.');
  }
  return emit({ type: 'InquiryClosed', at, by });
};

export const decideInquiry =
  (context: RuleContext) =>
  (c: InquiryCommand, state: InquiryState): InquiryDecision => {
    // I-1: an inquiry is recorded on receipt, once.
    if (state.status === 'none') {
      if (c.type !== 'ReceiveInquiry') return refuse('I-1', 'INQUIRY_NOT_RECEIVED', `No inquiry ${c.caseId} has been received.`);
      const who = permitted(c);
      return E.isLeft(who) ? who : emit({ type: 'InquiryReceived', at: c.at, by: c.actor, customer: c.customer, channel: c.channel, subject: c.subject });
    }
    if (c.type === 'ReceiveInquiry') return refuse('I-1', 'INQUIRY_ALREADY_RECEIVED', `Inquiry ${c.caseId} was already received.`);
    if (state.status === 'closed') return refuse('I-1', 'INQUIRY_CLOSED', 'The inquiry is closed.');
    // I-8: once it is a complaint, the complaint procedure answers it; the inquiry can only close.
    if (state.status === 'turned-into-complaint' && c.type !== 'CloseInquiry') {
      return refuse('I-8', 'INQUIRY_TURNED_INTO_COMPLAINT', `The inquiry became complaint ${state.complaintId ?? ''}; the complaint procedure answers it.`);
    }
    const s = state;

    const who = permitted(c);
    if (E.isLeft(who)) return who;
    switch (c.type) {
      case 'RecordInformationNeeded':
        return recordInformationNeeded(c, s, context);
      case 'AgreeCompletionDate':
        return agreeCompletionDate(c, s, context);
      case 'EscalateToManager':
        return escalateToManager(c, s, context);
      case 'RecordManagerDecision':
        return recordManagerDecision(c, s, context);
      case 'ReplyToInquiry':
        return replyToInquiry(c, s, context);
      case 'ConfirmReplyInWriting':
        return confirmReplyInWriting(c, s, context);
      case 'TurnIntoComplaint':
        return turnIntoComplaint(c, s, context);
      case 'CloseInquiry':
        return closeInquiry(c, s, context);
    }
  };

/** The inquiry decider on a company's rulebook, deciding under the policy in force at each step. */
export const inquiryDecider = (rulebook: Rulebook = defaultRulebook): Decider<InquiryCommand, InquiryEvent, InquiryState> => ({
  initialState: initialInquiryState,
  evolve: evolveInquiry,
  decide: decideInquiry(inForce(rulebook)),
});
