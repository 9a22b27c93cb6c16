/**
 * A stored history judged by the rules that would have decided it (T-11), with its policy versions
 * (T-5) and its wholeness (T-12) checked on the way. Nothing is trusted that a rule computes: every
 * event is decided again — the command it answers, rebuilt from the event, on the state before it,
 * under the policy version in force at its instant (which a sound event records) and the company's
 * calendar, by the very function the command handler calls — and the events that decision gives
 * must be the events the history holds.
 *
 * So a history written by an old version, by hand, or by another system is judged by exactly the
 * rules that would have decided it, and a refused step is reported with the rule id and code the
 * handler would have refused it with.
 */
import * as E from 'fp-ts/lib/Either.js';
import { type CaseType, type CommandBase, type EventBase, type EventEnvelope, recordedPolicyVersion, splitStreamName } from './caseType.js';
import { CaseId, type Instant } from './codecs.js';
import { type GlobalPosition, compareGlobalPositions } from './event.js';
import { differingKeys } from './json.js';
import { policyAt, policyVersion } from './policy.js';
import { showStoredValue, showableText } from './quoting.js';
import { type Rulebook, inForce } from './ruleContext.js';
import { decideStep } from './step.js';
import { type Finding, type RuleId, type Violation, findingAt, isRuleId } from './violation.js';
import { kernelViolation as violation } from './violationCodes.js';

export interface CheckedEvent<Ev, S> {
  readonly envelope: EventEnvelope<Ev>;
  /** The case's state after this event, as the history records it. */
  readonly state: S;
  /** What is wrong at this event's stored revision. */
  readonly findings: ReadonlyArray<Finding>;
}

const NONE: ReadonlyArray<never> = [];
const NO_FINDINGS: ReadonlyArray<Finding> = [];

const shown = showStoredValue;

// ---------------------------------------------------------------------------------------------
// T-12: a stream is whole.

/** Where the stream stands so far: the revision that comes next, and the event ids read. */
interface StreamPosition {
  next: bigint;
  readonly ids: Set<string>;
  /** The global position of the event read last: a store writes a stream's events in revision order. */
  last: GlobalPosition | undefined;
}

const checkWholeness = (streamName: string, at: StreamPosition, e: EventEnvelope<unknown>, found: Violation[]): void => {
  if (e.streamName !== streamName) {
    found.push(
      violation('T-12', 'EVENT_FROM_ANOTHER_STREAM', `The event read from ${showableText(streamName)} belongs to ${showableText(e.streamName)}.`, {
        streamName: showableText(streamName),
        recordedStream: showableText(e.streamName),
      }),
    );
  }
  if (e.revision > at.next) {
    const missing = at.next === e.revision - 1n ? `${at.next}` : `${at.next} to ${e.revision - 1n}`;
    found.push(
      violation('T-12', 'REVISION_GAP', `Revision ${missing} is missing before revision ${e.revision}.`, { expected: `${at.next}`, found: `${e.revision}` }),
    );
  } else if (e.revision === at.next - 1n) {
    found.push(violation('T-12', 'REVISION_REPEATED', `Revision ${e.revision} appears a second time.`, { revision: `${e.revision}` }));
  } else if (e.revision < at.next) {
    found.push(
      violation('T-12', 'REVISION_OUT_OF_ORDER', `Revision ${e.revision} comes after revision ${at.next - 1n}.`, {
        expected: `${at.next}`,
        found: `${e.revision}`,
      }),
    );
  }
  // An event written before the one that precedes it here was not written here: moved or copied from another stream.
  if (at.last !== undefined && compareGlobalPositions(e.position, at.last) < 0) {
    found.push(
      violation('T-12', 'POSITION_OUT_OF_ORDER', `The event at revision ${e.revision} was written before the event that precedes it in this stream.`, {
        revision: `${e.revision}`,
      }),
    );
  }
  if (at.last === undefined || compareGlobalPositions(e.position, at.last) > 0) at.last = e.position;
  if (at.ids.has(e.metadata.eventId)) {
    found.push(
      violation('T-12', 'EVENT_ID_REPEATED', `Event id ${showableText(e.metadata.eventId)} appears a second time.`, {
        eventId: showableText(e.metadata.eventId),
      }),
    );
  }
  at.ids.add(e.metadata.eventId);
  if (e.revision >= at.next) at.next = e.revision + 1n;
};

// ---------------------------------------------------------------------------------------------
// T-11: the metadata says what the event says.

const sameActor = (a: unknown, b: { readonly id: string; readonly department: string; readonly role: string }): boolean =>
  typeof a === 'object' && a !== null && Reflect.get(a, 'id') === b.id && Reflect.get(a, 'department') === b.department && Reflect.get(a, 'role') === b.role;

const contradiction = (e: EventEnvelope<EventBase>, field: string): Violation =>
  violation('T-11', 'METADATA_CONTRADICTS_EVENT', `The metadata of ${e.event.type} records another ${field} than the event.`, { field });

const checkMetadata = (e: EventEnvelope<EventBase>, policyVersion: string | undefined, found: Violation[]): void => {
  if (e.metadata.at !== e.event.at) found.push(contradiction(e, 'at'));
  if ('by' in e.event && !sameActor(e.event.by, e.metadata.actor)) found.push(contradiction(e, 'actor'));
  if (policyVersion !== e.metadata.policyVersion) found.push(contradiction(e, 'policyVersion'));
};

// ---------------------------------------------------------------------------------------------
// T-5: a recorded policy version exists and was in force at the event's instant.

const policyFindings = (rulebook: Rulebook, label: string, at: Instant): ReadonlyArray<Violation> => {
  const version = policyVersion(label)(rulebook.policies);
  if (E.isLeft(version)) {
    return [
      violation('T-5', 'POLICY_VERSION_UNKNOWN', `The event records policy version "${showableText(label)}", which the policy set does not have.`, {
        recorded: showableText(label),
        known: version.left.code === 'POLICY_VERSION_UNKNOWN' ? version.left.known : [],
      }),
    ];
  }
  const current = policyAt(at)(rulebook.policies);
  if (E.isRight(current) && current.right.version === label) return [];
  const inForceThen = E.isRight(current) ? `"${current.right.version}" was` : 'no version was';
  return [
    violation(
      'T-5',
      'POLICY_VERSION_NOT_IN_FORCE',
      `The event records policy version "${showableText(label)}", which was not in force at ${at}; ${inForceThen}.`,
      {
        recorded: showableText(label),
        inForce: E.isRight(current) ? current.right.version : null,
        at,
      },
    ),
  ];
};

// ---------------------------------------------------------------------------------------------

/**
 * Judge a case's stored history. `streamName` is the stream it was read from; every event comes out
 * with the state after it and the findings at its stored revision.
 */
export const checkHistory = <C extends CommandBase, Ev extends EventBase, S>(caseType: CaseType<C, Ev, S>, rulebook: Rulebook) => {
  // Every step is decided under the version in force at its instant: for a sound event, the one it
  // records (T-5 checks that it is); for one that records another, the version that should have decided.
  const decide = decideStep(caseType, inForce(rulebook));
  const ruleOf = (event: Ev): RuleId => caseType.describe(event).rules[0] ?? 'T-11';
  const factRule = (eventType: string, field: string): RuleId | undefined => {
    const byType: unknown = Reflect.get(caseType.recordedFacts, eventType);
    if (typeof byType !== 'object' || byType === null) return undefined;
    const rule: unknown = Reflect.get(byType, field);
    return isRuleId(rule) ? rule : undefined;
  };

  /** The recorded event against the one the rules decide: a finding per fact that differs; whether any did. */
  const compare = (decided: Ev, recorded: Ev, found: Violation[]): boolean => {
    const differing = differingKeys(decided, recorded);
    for (const field of differing) {
      // Which version decided is T-5's to judge.
      if (field === 'policyVersion') continue;
      const rule = factRule(recorded.type, field);
      const recordedValue: unknown = Reflect.get(recorded, field);
      const decidedValue: unknown = Reflect.get(decided, field);
      found.push(
        rule === undefined
          ? violation('T-11', 'RECORDED_FACT_DIFFERS', `${recorded.type} records a ${showableText(field)} that its step does not give.`, {
              field: showableText(field),
            })
          : violation(rule, 'RECORDED_FACT_DIFFERS', `${recorded.type} records ${field} ${shown(recordedValue)}; the rule gives ${shown(decidedValue)}.`, {
              field,
              recorded: shown(recordedValue),
              recomputed: shown(decidedValue),
            }),
      );
    }
    return differing.length > 0;
  };

  return (streamName: string, envelopes: ReadonlyArray<EventEnvelope<Ev>>): ReadonlyArray<CheckedEvent<Ev, S>> => {
    const { category, caseId: caseIdText } = splitStreamName(streamName);
    const caseId = category === caseType.category && CaseId.is(caseIdText) ? caseIdText : undefined;
    const out: CheckedEvent<Ev, S>[] = [];
    let state = caseType.initialState;
    // The state the rules give: after a forged fact, later steps are judged on what the rules
    // computed, not on the forgery, so its consequences are found too (T-11).
    let judged = caseType.initialState;
    let lastAt: Instant | undefined;
    const position: StreamPosition = { next: 0n, ids: new Set(), last: undefined };
    /** Events the current step decided that are still to come in the history: `pending[next…]`. */
    let pending: ReadonlyArray<Ev> = NONE;
    let next = 0;

    for (const e of envelopes) {
      const found: Violation[] = [];
      checkWholeness(streamName, position, e, found);
      const label = recordedPolicyVersion(e.event);
      checkMetadata(e, label, found);
      if (e.mislabelled !== undefined && e.mislabelled.length > 0) {
        found.push(
          violation(
            'T-11',
            'SCHEMA_VERSION_MISLABELLED',
            `${e.event.type} is labelled schema version ${e.metadata.schemaVersion} but holds ${e.mislabelled.join(', ')} as a later version does; read as stored, not rewritten.`,
            {
              schemaVersion: e.metadata.schemaVersion,
              fields: e.mislabelled,
            },
          ),
        );
      }
      if (label !== undefined) found.push(...policyFindings(rulebook, label, e.event.at));

      const expected = pending[next];
      next += 1;
      let rederived: Ev | undefined;
      if (expected !== undefined && expected.type === e.event.type) {
        if (compare(expected, e.event, found)) rederived = expected;
      } else {
        if (expected !== undefined) {
          found.push(
            violation(ruleOf(expected), 'DECIDED_EVENT_MISSING', `The step before decided ${expected.type} next; the history has ${e.event.type}.`, {
              missing: expected.type,
            }),
          );
        }
        pending = NONE;
        const command = caseId === undefined ? undefined : caseType.stepOf(e.event, caseId);
        if (caseId === undefined) {
          if (out.length === 0)
            found.push(violation('T-12', 'STREAM_NOT_A_CASE', `${streamName} is not the stream of a ${caseType.category} case.`, { streamName }));
        } else if (command === undefined) {
          found.push(
            violation(ruleOf(e.event), 'EVENT_WITHOUT_STEP', `${e.event.type} is recorded only with the step before it, which did not decide it here.`),
          );
        } else {
          const decided = decide(command, judged, lastAt);
          const first = E.isRight(decided) ? decided.right[0] : undefined;
          if (E.isLeft(decided)) found.push(decided.left);
          else if (first === undefined) {
            found.push(violation('T-11', 'EVENT_NOT_DECIDED', `Deciding ${command.type} again on the state before ${e.event.type} decides nothing.`));
          } else if (first.type !== e.event.type) {
            found.push(
              violation(ruleOf(first), 'EVENT_NOT_DECIDED', `Deciding ${command.type} again decides ${first.type}, not ${e.event.type}.`, {
                decided: first.type,
              }),
            );
          } else {
            if (compare(first, e.event, found)) rederived = first;
            pending = decided.right;
            next = 1;
          }
        }
      }

      // While no fact has differed the two states are one: evolved once.
      const sameSoFar = judged === state;
      state = caseType.evolve(state, e.event);
      judged = sameSoFar && rederived === undefined ? state : caseType.evolve(judged, rederived ?? e.event);
      lastAt = e.event.at;
      out.push({ envelope: e, state, findings: found.length === 0 ? NO_FINDINGS : found.map((v) => findingAt(e.revision, e.event.type, v)) });
    }

    const missing = pending[next];
    const last = out[out.length - 1];
    if (missing !== undefined && last !== undefined) {
      const v = violation(ruleOf(missing), 'DECIDED_EVENT_MISSING', `The last step also decided ${missing.type}, which the history does not have.`, {
        missing: missing.type,
      });
      out[out.length - 1] = { ...last, findings: [...last.findings, findingAt(last.envelope.revision, last.envelope.event.type, v)] };
    }
    return out;
  };
};

/** Every finding of a checked history, in the order of the history. */
export const findingsOf = <Ev, S>(checked: ReadonlyArray<CheckedEvent<Ev, S>>): ReadonlyArray<Finding> => checked.flatMap((c) => c.findings);
