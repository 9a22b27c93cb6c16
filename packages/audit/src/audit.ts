/**
 * The audit of one case: its timeline (state and deadlines after every event), its state as of any
 * instant, and its compliance report. It works on any history — written by this library, by an
 * older version, by hand or by another system — because it only folds and checks.
 */
import { type Actor, type DeadlineReport, type EventEnvelope, type HistoryViolation, type Instant, type RuleId, checkHistory, compareInstants } from '@caseledger/core';
import type { KnownEvent } from '@caseledger/projections';
import * as E from 'fp-ts/lib/Either.js';
import { type AuditContext, type CaseKind, complaintKind, contractReviewKind, surveyKind, warrantyKind } from './caseKinds.js';

/** One case's decoded history, as read from any source. */
export type CaseHistory =
  | { readonly category: 'complaint'; readonly streamName: string; readonly envelopes: ReadonlyArray<EventEnvelope<Extract<KnownEvent, { category: 'complaint' }>['envelope']['event']>> }
  | { readonly category: 'warrantyClaim'; readonly streamName: string; readonly envelopes: ReadonlyArray<EventEnvelope<Extract<KnownEvent, { category: 'warrantyClaim' }>['envelope']['event']>> }
  | { readonly category: 'contractReview'; readonly streamName: string; readonly envelopes: ReadonlyArray<EventEnvelope<Extract<KnownEvent, { category: 'contractReview' }>['envelope']['event']>> }
  | { readonly category: 'survey'; readonly streamName: string; readonly envelopes: ReadonlyArray<EventEnvelope<Extract<KnownEvent, { category: 'survey' }>['envelope']['event']>> };

export interface TimelineEntry {
  readonly revision: string;
  readonly at: Instant;
  readonly actor: Actor;
  readonly eventType: string;
  readonly summary: string;
  readonly ruleIds: ReadonlyArray<RuleId>;
  /** The policy version recorded with the event, when a policy decided it. */
  readonly policyVersion?: string;
  /** The case's status after the event, and its full state (JSON). */
  readonly status: string;
  readonly state: unknown;
  /** Every deadline as it stood at the instant of this event. */
  readonly deadlines: ReadonlyArray<DeadlineReport>;
  /** Invariant violations found at this revision. */
  readonly violations: ReadonlyArray<HistoryViolation>;
  readonly specialCase: boolean;
}

export interface SpecialCaseUse {
  readonly revision: string;
  readonly at: Instant;
  readonly approvedBy: Actor;
  readonly justification: string;
}

export interface ComplianceReport {
  readonly streamName: string;
  readonly category: CaseHistory['category'];
  readonly asOf: Instant;
  readonly events: number;
  readonly status: string;
  readonly deadlines: ReadonlyArray<DeadlineReport>;
  readonly specialCases: ReadonlyArray<SpecialCaseUse>;
  readonly violations: ReadonlyArray<HistoryViolation>;
  /** Missed deadlines and invariant violations: what an auditor must look at. */
  readonly findings: number;
  /** A policy that could not be found for a deadline (configuration problem), if any. */
  readonly policyProblem?: string;
}

export interface CaseAudit {
  readonly timeline: ReadonlyArray<TimelineEntry>;
  readonly report: ComplianceReport;
}

const auditWith = <Ev extends { readonly type: string; readonly at: Instant }, S>(
  kind: CaseKind<Ev, S>,
  history: { readonly streamName: string; readonly category: CaseHistory['category']; readonly envelopes: ReadonlyArray<EventEnvelope<Ev>> },
  context: AuditContext,
  asOf: Instant,
  withTimeline: boolean,
): CaseAudit => {
  const events = history.envelopes.map((e) => e.event);
  const violations = checkHistory(kind.invariants)(events);
  let policyProblem: string | undefined;
  const deadlinesAt = (prefix: ReadonlyArray<Ev>, now: Instant): ReadonlyArray<DeadlineReport> => {
    const r = kind.deadlines(context)(prefix, now);
    if (E.isLeft(r)) {
      policyProblem = r.left.message;
      return [];
    }
    return r.right;
  };
  let state = kind.initial;
  const specialCases: SpecialCaseUse[] = [];
  const timeline: TimelineEntry[] = [];
  for (const [i, envelope] of history.envelopes.entries()) {
    state = kind.evolve(state, envelope.event);
    const meaning = kind.meaning(envelope.event);
    const e: { readonly type: string; readonly by?: Actor; readonly justification?: string } = envelope.event;
    const special = envelope.event.type === 'SpecialCaseApproved';
    if (special && e.by !== undefined) specialCases.push({ revision: envelope.revision.toString(), at: envelope.event.at, approvedBy: e.by, justification: e.justification ?? '' });
    // The timeline judges every deadline again after each event (quadratic in the case's length): only when asked for.
    if (!withTimeline) continue;
    timeline.push({
      revision: envelope.revision.toString(),
      at: envelope.event.at,
      actor: envelope.metadata.actor,
      eventType: envelope.event.type,
      summary: meaning.summary,
      ruleIds: meaning.rules,
      ...(envelope.metadata.policyVersion === undefined ? {} : { policyVersion: envelope.metadata.policyVersion }),
      status: kind.status(state),
      state,
      deadlines: deadlinesAt(events.slice(0, i + 1), envelope.event.at),
      violations: violations.filter((v) => v.revision === i),
      specialCase: meaning.specialCase,
    });
  }
  const deadlines = deadlinesAt(events, asOf);
  const missed = deadlines.filter((d) => d.status === 'missed').length;
  return {
    timeline,
    report: {
      streamName: history.streamName,
      category: history.category,
      asOf,
      events: events.length,
      status: kind.status(state),
      deadlines,
      specialCases,
      violations,
      findings: missed + violations.length,
      ...(policyProblem === undefined ? {} : { policyProblem }),
    },
  };
};

const auditOf = (history: CaseHistory, context: AuditContext, asOf: Instant, withTimeline: boolean): CaseAudit => {
  switch (history.category) {
    case 'complaint':
      return auditWith(complaintKind, history, context, asOf, withTimeline);
    case 'warrantyClaim':
      return auditWith(warrantyKind, history, context, asOf, withTimeline);
    case 'contractReview':
      return auditWith(contractReviewKind, history, context, asOf, withTimeline);
    case 'survey':
      return auditWith(surveyKind, history, context, asOf, withTimeline);
  }
};

/** The timeline and compliance report of one case, with deadlines judged at `asOf`. */
export const auditCase = (history: CaseHistory, context: AuditContext, asOf: Instant): CaseAudit => auditOf(history, context, asOf, true);

/** The compliance report alone (what a bulk audit needs): one pass over the events, no timeline. */
export const complianceReport = (history: CaseHistory, context: AuditContext, asOf: Instant): ComplianceReport => auditOf(history, context, asOf, false).report;

/** "What did we know on 3 March?": the case as it stood at an instant (events after it ignored). */
export const caseAsOf = (history: CaseHistory, instant: Instant): CaseHistory => {
  switch (history.category) {
    case 'complaint':
      return { ...history, envelopes: history.envelopes.filter((e) => compareInstants(e.event.at, instant) <= 0) };
    case 'warrantyClaim':
      return { ...history, envelopes: history.envelopes.filter((e) => compareInstants(e.event.at, instant) <= 0) };
    case 'contractReview':
      return { ...history, envelopes: history.envelopes.filter((e) => compareInstants(e.event.at, instant) <= 0) };
    case 'survey':
      return { ...history, envelopes: history.envelopes.filter((e) => compareInstants(e.event.at, instant) <= 0) };
  }
};

/** The state and status as of an instant: the last timeline entry at or before it. */
export const stateAsOf = (history: CaseHistory, context: AuditContext, instant: Instant): TimelineEntry | undefined => {
  const { timeline } = auditCase(caseAsOf(history, instant), context, instant);
  return timeline[timeline.length - 1];
};
