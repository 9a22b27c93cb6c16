/**
 * The reply times of an inquiry (I-2, I-3, I-4, I-6, I-7), computed from its state at an instant
 * "now", with the policy in force when each clock started (T-5). Late is never refused (T-8).
 */
import * as E from 'fp-ts/lib/Either.js';
import { type Span, deadline, endOfLocalDay } from '../calendar.js';
import { type Instant, compareInstants } from '../codecs.js';
import { type DeadlineReport, allowanceOf, deadlineStatus, earlierOf } from '../deadline.js';
import { type PolicyError, policyAt } from '../policy.js';
import type { InquiryPolicy } from './policy.js';
import type { Rulebook } from '../ruleContext.js';
import type { RuleId } from '../violation.js';
import { type CaseDeadlines, type CaseProgress, firstAt, progressOf } from '../caseType.js';
import type { InquiryEvent } from './messages.js';
import { type CompletionAgreement, type InquiryState, evolveInquiry, initialInquiryState } from './state.js';

export const inquiryDeadlineNames = [
  'same-day-reply',
  'information-reply',
  'completion-agreement',
  'agreed-completion',
  'written-confirmation',
  'channel-reply',
] as const;
export type InquiryDeadlineName = (typeof inquiryDeadlineNames)[number];

/** The rule each deadline serves. */
const ruleOf: Readonly<Record<InquiryDeadlineName, RuleId>> = {
  'same-day-reply': 'I-2',
  'information-reply': 'I-3',
  'completion-agreement': 'I-4',
  'agreed-completion': 'I-4',
  'written-confirmation': 'I-6',
  'channel-reply': 'I-7',
};

const notApplicable = (name: InquiryDeadlineName): DeadlineReport => ({ ruleId: ruleOf[name], name, status: 'not-applicable' });

/** The earliest first instant among some steps. */
const firstOf = (progress: CaseProgress<InquiryState>, types: ReadonlyArray<InquiryEvent['type']>): Instant | undefined =>
  types.reduce<Instant | undefined>((soonest, type) => earlierOf(soonest, firstAt<InquiryEvent>(progress.firstAt, type)), undefined);

/** The customer hears back: a reply, the news that information is being gathered, or the complaint it became. */
const ANSWERED: ReadonlyArray<InquiryEvent['type']> = ['InquiryReplied', 'InformationNeeded', 'InquiryTurnedIntoComplaint'];
/** The question itself is settled: the reply, or the complaint it became. */
const SETTLED: ReadonlyArray<InquiryEvent['type']> = ['InquiryReplied', 'InquiryTurnedIntoComplaint'];

/**
 * Every deadline of an inquiry at `now`:
 * - I-2 `same-day-reply`: from receipt to the end of the same working day, met by any answer;
 * - I-3 `information-reply`: where information must be gathered, the reply within 3 working days of
 *   receipt, or the customer's agreement to a later completion date by then;
 * - I-4 `completion-agreement`: where information must be gathered, within a week of receipt either
 *   the reply or the customer's agreement to the expected completion date;
 * - I-4 `agreed-completion`: the reply by the end of the agreed date; a later date needs a new
 *   agreement recorded before the earlier date is out, or the deadline is missed;
 * - I-6 `written-confirmation`: an oral reply confirmed in writing within 1 working day;
 * - I-7 `channel-reply`: the service target of the channel (a phone message in 24 hours, an email
 *   in 48), met by any answer.
 */
export const inquiryDeadlinesOf: CaseDeadlines<InquiryState> = (rulebook) => (progress, now) => {
  const received = progress.state;
  if (received.status === 'none') return E.right(inquiryDeadlineNames.map(notApplicable));
  const policy = policyAt(received.receivedAt)(rulebook.policies);
  if (E.isLeft(policy)) return policy;
  const p: InquiryPolicy = policy.right.values.inquiry;
  const report = (name: InquiryDeadlineName, from: Instant, allowed: Span, doneAt: Instant | undefined): DeadlineReport => {
    const dueBy = deadline(rulebook.calendar, from, allowed);
    return {
      ruleId: ruleOf[name],
      name,
      status: deadlineStatus(dueBy, doneAt, now),
      from,
      dueBy,
      ...(doneAt === undefined ? {} : { doneAt }),
      policyVersion: policy.right.version,
      allowed: allowanceOf(allowed),
    };
  };
  const from = received.receivedAt;
  const answered = firstOf(progress, ANSWERED);
  const settled = firstOf(progress, SETTLED);
  const agreedAt = received.agreements[0]?.at;
  const repliedAt = firstAt<InquiryEvent>(progress.firstAt, 'InquiryReplied');
  const channelHours = p.replyWithinHours[received.channel];

  const out: DeadlineReport[] = [report('same-day-reply', from, { workingDays: p.replyWithinWorkingDays }, answered)];
  if (firstAt<InquiryEvent>(progress.firstAt, 'InformationNeeded') === undefined) {
    out.push(notApplicable('information-reply'), notApplicable('completion-agreement'));
  } else {
    out.push(report('information-reply', from, { workingDays: p.informationReplyWithinWorkingDays }, earlierOf(settled, agreedAt)));
    out.push(report('completion-agreement', from, { days: p.completionAgreementWithinDays }, earlierOf(settled, agreedAt)));
  }
  out.push(agreedCompletion(rulebook, received.agreements, settled, now, policy.right.version));
  if (repliedAt !== undefined && received.reply?.form === 'oral') {
    out.push(
      report(
        'written-confirmation',
        repliedAt,
        { workingDays: p.writtenConfirmationWithinWorkingDays },
        firstAt<InquiryEvent>(progress.firstAt, 'ReplyConfirmedInWriting'),
      ),
    );
  } else {
    out.push(notApplicable('written-confirmation'));
  }
  out.push(channelHours === undefined ? notApplicable('channel-reply') : report('channel-reply', from, { hours: channelHours }, answered));
  return E.right(out);
};

/** The same deadlines from an inquiry's events. */
export const inquiryDeadlines =
  (rulebook: Rulebook) =>
  (events: ReadonlyArray<InquiryEvent>, now: Instant): E.Either<PolicyError, ReadonlyArray<DeadlineReport>> =>
    inquiryDeadlinesOf(rulebook)(progressOf({ initialState: initialInquiryState, evolve: evolveInquiry })(events), now);

/** I-4: each agreed date holds until the reply, or until a new agreement recorded before it is out. */
const agreedCompletion = (
  rulebook: Rulebook,
  agreements: ReadonlyArray<CompletionAgreement>,
  settled: Instant | undefined,
  now: Instant,
  policyVersion: string,
): DeadlineReport => {
  const [firstAgreement] = agreements;
  if (firstAgreement === undefined) return notApplicable('agreed-completion');
  for (const [i, agreement] of agreements.entries()) {
    const dueBy = endOfLocalDay(rulebook.calendar, agreement.completionDate);
    const next = agreements[i + 1];
    const settledInTime = settled !== undefined && compareInstants(settled, dueBy) <= 0;
    // The reply came by this date, or this is the last agreement: this date decides.
    if (settledInTime || next === undefined) {
      return {
        ruleId: ruleOf['agreed-completion'],
        name: 'agreed-completion',
        status: deadlineStatus(dueBy, settled, now),
        from: firstAgreement.at,
        dueBy,
        ...(settled === undefined ? {} : { doneAt: settled }),
        policyVersion,
      };
    }
    // A new agreement recorded after this date was out came too late: missed at this date.
    if (compareInstants(next.at, dueBy) > 0)
      return { ruleId: ruleOf['agreed-completion'], name: 'agreed-completion', status: 'missed', from: firstAgreement.at, dueBy, policyVersion };
  }
  return notApplicable('agreed-completion');
};
