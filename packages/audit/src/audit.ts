/**
 * The audit of one case: its timeline (state and deadlines after every event), its state as of any
 * instant, and its compliance report. It works on any history — written by this library, by an
 * older version, by hand or by another system — because it judges every stored event by the rules
 * that would have decided it (`checkHistory` from the core: the deciders' own rules, the policy
 * version each event records, the company's calendar, the stream's wholeness), for every case type
 * of the registry alike.
 */
import {
  type Actor,
  type CaseHistory,
  type CaseProgress,
  type CaseType,
  type CommandBase,
  type DeadlineReport,
  type EventBase,
  type EventEnvelope,
  type Finding,
  type Instant,
  type Locale,
  type RuleId,
  type Rulebook,
  caseHistory,
  checkHistory,
  compareInstants,
  withFirstTime,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';

/** A finding as reports show it: the stored revision in decimal (JSON has no bigint). */
export type AuditFinding = Omit<Finding, 'revision'> & { readonly revision: string };

const NONE: ReadonlyArray<AuditFinding> = [];

export const auditFinding = (f: Finding): AuditFinding => ({ ...f, revision: f.revision.toString() });

export interface TimelineEntry {
  /** The stored revision of the event. */
  readonly revision: string;
  readonly at: Instant;
  readonly actor: Actor;
  readonly eventType: string;
  /** The summary in the audit's language (`AuditOptions.locale`). */
  readonly summary: string;
  /** The summary in every language, so a report in any language says it in its own. */
  readonly summaries: { readonly [L in Locale]: string };
  readonly ruleIds: ReadonlyArray<RuleId>;
  /** The policy version recorded with the event, when a policy decided it. */
  readonly policyVersion?: string;
  /** The case's status after the event, and its full state (JSON). */
  readonly status: string;
  readonly state: unknown;
  /** Every deadline as it stood at the instant of this event. */
  readonly deadlines: ReadonlyArray<DeadlineReport>;
  /** What the audit found wrong at this event. */
  readonly violations: ReadonlyArray<AuditFinding>;
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
  readonly category: string;
  readonly asOf: Instant;
  readonly events: number;
  readonly status: string;
  readonly deadlines: ReadonlyArray<DeadlineReport>;
  readonly specialCases: ReadonlyArray<SpecialCaseUse>;
  /** Every event the rules would not have decided as recorded, every break in the stream, at its stored revision. */
  readonly violations: ReadonlyArray<AuditFinding>;
  /** Missed deadlines and violations: what an auditor must look at. */
  readonly findings: number;
  /** A policy that could not be found for a deadline (configuration problem), if any. */
  readonly policyProblem?: string;
  /**
   * The department responsible for the case: the one the history names responsible (a complaint's,
   * once quality determined it), else the department of whoever opened the case.
   */
  readonly department?: string;
}

/** The last department the history names responsible, else the opener's. */
const departmentOf = <Ev extends EventBase>(envelopes: ReadonlyArray<EventEnvelope<Ev>>): string | undefined => {
  let named: string | undefined;
  for (const { event } of envelopes) {
    if ('responsibleDepartment' in event && typeof event.responsibleDepartment === 'string') named = event.responsibleDepartment;
    if (
      'result' in event &&
      typeof event.result === 'object' &&
      event.result !== null &&
      'responsibleDepartment' in event.result &&
      typeof event.result.responsibleDepartment === 'string'
    ) {
      named = event.result.responsibleDepartment;
    }
  }
  return named ?? envelopes[0]?.metadata.actor.department;
};

export interface CaseAudit {
  readonly timeline: ReadonlyArray<TimelineEntry>;
  readonly report: ComplianceReport;
}

const auditWith = <C extends CommandBase, Ev extends EventBase, S>(
  caseType: CaseType<C, Ev, S>,
  envelopes: ReadonlyArray<EventEnvelope<Ev>>,
  streamName: string,
  rulebook: Rulebook,
  asOf: Instant,
  withTimeline: boolean,
  locale: Locale = 'en',
): CaseAudit => {
  const checked = checkHistory(caseType, rulebook)(streamName, envelopes);
  const events = envelopes.map((e) => e.event);
  const deadlinesOf = caseType.deadlines(rulebook);
  let policyProblem: string | undefined;
  const deadlinesAt = (progress: CaseProgress<S>, now: Instant): ReadonlyArray<DeadlineReport> => {
    const r = deadlinesOf(progress, now);
    if (E.isLeft(r)) {
      policyProblem = r.left.message;
      return [];
    }
    return r.right;
  };
  const specialCases: SpecialCaseUse[] = [];
  const violations: AuditFinding[] = [];
  const timeline: TimelineEntry[] = [];
  let progress: CaseProgress<S> = { state: caseType.initialState, firstAt: {} };
  for (const { envelope, state: after, findings } of checked) {
    // The state the history check re-derived (T-11), with the first instant of each step for the deadlines.
    progress = { state: after, firstAt: withFirstTime(progress.firstAt, envelope.event) };
    const found = findings.length === 0 ? NONE : findings.map(auditFinding);
    violations.push(...found);
    const approval: { readonly type: string; readonly by?: Actor; readonly justification?: string } = envelope.event;
    if (approval.type === 'SpecialCaseApproved' && approval.by !== undefined) {
      specialCases.push({
        revision: envelope.revision.toString(),
        at: envelope.event.at,
        approvedBy: approval.by,
        justification: approval.justification ?? '',
      });
    }
    // The timeline judges every deadline again after each event: only when asked for.
    if (!withTimeline) continue;
    const meaning = caseType.describe(envelope.event, locale);
    const summaries = { en: caseType.describe(envelope.event, 'en').summary, 'zh-CN': caseType.describe(envelope.event, 'zh-CN').summary };
    timeline.push({
      revision: envelope.revision.toString(),
      at: envelope.event.at,
      actor: envelope.metadata.actor,
      eventType: envelope.event.type,
      summary: meaning.summary,
      summaries,
      ruleIds: meaning.rules,
      ...(envelope.metadata.policyVersion === undefined ? {} : { policyVersion: envelope.metadata.policyVersion }),
      status: caseType.status(after),
      state: after,
      deadlines: deadlinesAt(progress, envelope.event.at),
      violations: found,
      specialCase: meaning.specialCase,
    });
  }
  const deadlines = deadlinesAt(progress, asOf);
  const missed = deadlines.filter((d) => d.status === 'missed').length;
  const department = departmentOf(envelopes);
  return {
    timeline,
    report: {
      streamName,
      category: caseType.category,
      asOf,
      events: events.length,
      status: caseType.status(progress.state),
      deadlines,
      specialCases,
      violations,
      findings: missed + violations.length,
      ...(policyProblem === undefined ? {} : { policyProblem }),
      ...(department === undefined ? {} : { department }),
    },
  };
};

/** How to audit: the language of the timeline's summaries (English by default). */
export interface AuditOptions {
  readonly locale?: Locale;
}

/** The timeline and compliance report of one case, judged under the company's rulebook, with deadlines at `asOf`. */
export const auditCase = (history: CaseHistory, rulebook: Rulebook, asOf: Instant, options: AuditOptions = {}): CaseAudit =>
  history.use((caseType, envelopes) => auditWith(caseType, envelopes, history.streamName, rulebook, asOf, true, options.locale));

/** The compliance report alone (what a bulk audit needs): one pass over the events, no timeline. */
export const complianceReport = (history: CaseHistory, rulebook: Rulebook, asOf: Instant): ComplianceReport =>
  history.use((caseType, envelopes) => auditWith(caseType, envelopes, history.streamName, rulebook, asOf, false).report);

/** "What did we know on 3 March?": the case as it stood at an instant (events after it ignored). */
export const caseAsOf = (history: CaseHistory, instant: Instant): CaseHistory =>
  history.use((caseType, envelopes) =>
    caseHistory(
      caseType,
      history.caseId,
      history.streamName,
      envelopes.filter((e) => compareInstants(e.event.at, instant) <= 0),
    ),
  );

/** The state and status as of an instant: the last timeline entry at or before it. */
export const stateAsOf = (history: CaseHistory, rulebook: Rulebook, instant: Instant, options: AuditOptions = {}): TimelineEntry | undefined => {
  const { timeline } = auditCase(caseAsOf(history, instant), rulebook, instant, options);
  return timeline[timeline.length - 1];
};
