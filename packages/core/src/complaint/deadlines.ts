/**
 * The deadlines of a complaint (C-2, C-4, C-5, C-7), computed from its history at an instant
 * "now" with the policy in force when each clock started (T-5). Lateness is never a rejection (T-8).
 */
import * as E from 'fp-ts/lib/Either.js';
import { type Span, deadline } from '../calendar.js';
import type { Instant } from '../codecs.js';
import { type DeadlineReport, allowanceOf, deadlineStatus } from '../deadline.js';
import { type PolicyError, policyAt } from '../policy.js';
import type { ComplaintPolicy, RulebookPolicy } from '../rulebookPolicy.js';
import type { Rulebook } from '../ruleContext.js';
import type { RuleId } from '../violation.js';
import type { ComplaintEvent, ComplaintEventType } from './events.js';

export const complaintDeadlineNames = ['acknowledgement', 'external-answer', 'quality-reply', 'capa-plan', 'resolution-report'] as const;
export type ComplaintDeadlineName = (typeof complaintDeadlineNames)[number];

interface Clock {
  readonly name: ComplaintDeadlineName;
  readonly ruleId: RuleId;
  /** The event that starts the clock, and whether it applies to this event. */
  readonly startsOn: (e: ComplaintEvent) => boolean;
  /** The event that stops it. */
  readonly doneBy: ComplaintEventType;
  readonly span: (p: ComplaintPolicy) => Span;
}

/** One place that says which event starts and which stops each clock, and how long it runs. */
const clocks: ReadonlyArray<Clock> = [
  // C-2: acknowledge on the same working day as receipt.
  {
    name: 'acknowledgement',
    ruleId: 'C-2',
    startsOn: (e) => e.type === 'ComplaintReceived',
    doneBy: 'ComplaintAcknowledged',
    span: (p) => ({ workingDays: p.acknowledgeWithinWorkingDays }),
  },
  // C-4: an external complaint is answered within 3 days of classification.
  {
    name: 'external-answer',
    ruleId: 'C-4',
    startsOn: (e) => e.type === 'ComplaintClassified' && e.responsibility === 'external',
    doneBy: 'ExplanationSent',
    span: (p) => ({ days: p.externalAnswerWithinDays }),
  },
  // C-5: quality replies in writing within 1 working day of forwarding.
  {
    name: 'quality-reply',
    ruleId: 'C-5',
    startsOn: (e) => e.type === 'ForwardedToQuality',
    doneBy: 'QualityReplied',
    span: (p) => ({ workingDays: p.qualityReplyWithinWorkingDays }),
  },
  // C-7: the responsible department submits a CAPA plan within 3 working days of the root cause.
  {
    name: 'capa-plan',
    ruleId: 'C-7',
    startsOn: (e) => e.type === 'RootCauseDetermined',
    doneBy: 'CapaPlanSubmitted',
    span: (p) => ({ workingDays: p.capaPlanWithinWorkingDays }),
  },
];

const isInternal = (events: ReadonlyArray<ComplaintEvent>): boolean | undefined => {
  for (const e of events) if (e.type === 'ComplaintClassified') return e.responsibility === 'internal';
  return undefined;
};

const report = (
  context: Rulebook,
  name: ComplaintDeadlineName,
  ruleId: RuleId,
  from: Instant,
  span: (p: ComplaintPolicy) => Span,
  doneAt: Instant | undefined,
  now: Instant,
): E.Either<PolicyError, DeadlineReport> =>
  E.map((policy: { readonly version: string; readonly values: RulebookPolicy }): DeadlineReport => {
    const allowed = span(policy.values.complaint);
    const dueBy = deadline(context.calendar, from, allowed);
    return {
      ruleId,
      name,
      status: deadlineStatus(dueBy, doneAt, now),
      from,
      dueBy,
      ...(doneAt === undefined ? {} : { doneAt }),
      policyVersion: policy.version,
      allowed: allowanceOf(allowed),
    };
  })(policyAt(from)(context.policies));

/**
 * Every deadline of a complaint at `now`: each clock that started (the first time its starting
 * event occurs), its due instant under the policy then in force, and when it was met if it was.
 * A clock that never started is `not-applicable`.
 */
export const complaintDeadlines =
  (context: Rulebook) =>
  (events: ReadonlyArray<ComplaintEvent>, now: Instant): E.Either<PolicyError, ReadonlyArray<DeadlineReport>> => {
    const out: DeadlineReport[] = [];
    for (const clock of clocks) {
      const start = events.findIndex(clock.startsOn);
      const started = events[start];
      if (started === undefined) {
        out.push({ ruleId: clock.ruleId, name: clock.name, status: 'not-applicable' });
        continue;
      }
      const done = events.slice(start + 1).find((e) => e.type === clock.doneBy);
      const r = report(context, clock.name, clock.ruleId, started.at, clock.span, done?.at, now);
      if (E.isLeft(r)) return r;
      out.push(r.right);
    }
    // C-7: an internal complaint's resolution is reported within 7 days of receipt.
    const received = events[0];
    if (received?.type === 'ComplaintReceived' && isInternal(events) === true) {
      const done = events.find((e) => e.type === 'ResolutionReported');
      const r = report(context, 'resolution-report', 'C-7', received.at, (p) => ({ days: p.resolutionReportWithinDays }), done?.at, now);
      if (E.isLeft(r)) return r;
      out.push(r.right);
    } else {
      out.push({ ruleId: 'C-7', name: 'resolution-report', status: 'not-applicable' });
    }
    return E.right(out);
  };
