/**
 * The deadlines of a complaint (C-2, C-4, C-5, C-7), computed from its state at an instant
 * "now" with the policy in force when each clock started (T-5). Lateness is never a rejection (T-8).
 */
import * as E from 'fp-ts/lib/Either.js';
import { type Span, deadline } from '../calendar.js';
import type { Instant } from '../codecs.js';
import { type DeadlineReport, allowanceOf, deadlineStatus } from '../deadline.js';
import { type PolicyError, policyAt } from '../policy.js';
import type { RulebookPolicy } from '../rulebookPolicy.js';
import type { ComplaintPolicy } from './policy.js';
import type { Rulebook } from '../ruleContext.js';
import type { RuleId } from '../violation.js';
import { type CaseDeadlines, type CaseProgress, firstAt, progressOf } from '../caseType.js';
import type { ComplaintEvent, ComplaintEventType } from './messages.js';
import { type ComplaintState, evolveComplaint, initialComplaintState } from './state.js';

export const complaintDeadlineNames = ['acknowledgement', 'external-answer', 'quality-reply', 'capa-plan', 'resolution-report'] as const;
export type ComplaintDeadlineName = (typeof complaintDeadlineNames)[number];

interface Clock {
  readonly name: ComplaintDeadlineName;
  readonly ruleId: RuleId;
  /** When the clock started, if it did: the first step that starts it. */
  readonly startedAt: (progress: CaseProgress<ComplaintState>) => Instant | undefined;
  /** The step that stops it. */
  readonly doneBy: ComplaintEventType;
  readonly span: (p: ComplaintPolicy) => Span;
}

const first = (progress: CaseProgress<ComplaintState>, type: ComplaintEventType): Instant | undefined => firstAt<ComplaintEvent>(progress.firstAt, type);

/** How the complaint was classified, once it was: an external complaint stays external when it closes or reopens. */
const classified = (s: ComplaintState): { readonly path: 'external' | 'internal'; readonly at: Instant } | undefined =>
  s.status === 'external' || s.status === 'internal'
    ? { path: s.status, at: s.classifiedAt }
    : s.status === 'closed'
      ? { path: s.path, at: s.classifiedAt }
      : undefined;

/** One place that says which step starts and which stops each clock, and how long it runs. */
const clocks: ReadonlyArray<Clock> = [
  // C-2: acknowledge on the same working day as receipt.
  {
    name: 'acknowledgement',
    ruleId: 'C-2',
    startedAt: (p) => first(p, 'ComplaintReceived'),
    doneBy: 'ComplaintAcknowledged',
    span: (p) => ({ workingDays: p.acknowledgeWithinWorkingDays }),
  },
  // C-4: an external complaint is answered within 3 days of classification.
  {
    name: 'external-answer',
    ruleId: 'C-4',
    startedAt: (p) => {
      const c = classified(p.state);
      return c?.path === 'external' ? c.at : undefined;
    },
    doneBy: 'ExplanationSent',
    span: (p) => ({ days: p.externalAnswerWithinDays }),
  },
  // C-5: quality replies in writing within 1 working day of forwarding.
  {
    name: 'quality-reply',
    ruleId: 'C-5',
    startedAt: (p) => first(p, 'ForwardedToQuality'),
    doneBy: 'QualityReplied',
    span: (p) => ({ workingDays: p.qualityReplyWithinWorkingDays }),
  },
  // C-7: the responsible department submits a CAPA plan within 3 working days of the root cause.
  {
    name: 'capa-plan',
    ruleId: 'C-7',
    startedAt: (p) => first(p, 'RootCauseDetermined'),
    doneBy: 'CapaPlanSubmitted',
    span: (p) => ({ workingDays: p.capaPlanWithinWorkingDays }),
  },
];

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
 * step was taken), its due instant under the policy then in force, and when it was met if it was.
 * A clock that never started is `not-applicable`.
 */
export const complaintDeadlinesOf: CaseDeadlines<ComplaintState> = (context) => (progress, now) => {
  const out: DeadlineReport[] = [];
  for (const clock of clocks) {
    const from = clock.startedAt(progress);
    if (from === undefined) {
      out.push({ ruleId: clock.ruleId, name: clock.name, status: 'not-applicable' });
      continue;
    }
    const r = report(context, clock.name, clock.ruleId, from, clock.span, first(progress, clock.doneBy), now);
    if (E.isLeft(r)) return r;
    out.push(r.right);
  }
  // C-7: an internal complaint's resolution is reported within 7 days of receipt.
  const s = progress.state;
  if (s.status !== 'none' && classified(s)?.path === 'internal') {
    const r = report(
      context,
      'resolution-report',
      'C-7',
      s.receivedAt,
      (p) => ({ days: p.resolutionReportWithinDays }),
      first(progress, 'ResolutionReported'),
      now,
    );
    if (E.isLeft(r)) return r;
    out.push(r.right);
  } else {
    out.push({ ruleId: 'C-7', name: 'resolution-report', status: 'not-applicable' });
  }
  return E.right(out);
};

/** The same deadlines from a complaint's events. */
export const complaintDeadlines =
  (context: Rulebook) =>
  (events: ReadonlyArray<ComplaintEvent>, now: Instant): E.Either<PolicyError, ReadonlyArray<DeadlineReport>> =>
    complaintDeadlinesOf(context)(progressOf({ initialState: initialComplaintState, evolve: evolveComplaint })(events), now);
