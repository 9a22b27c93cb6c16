/**
 * History invariants: the rules written as predicates over a whole stream of events. The decider
 * must never produce a history that breaks one (property tests prove it), and the audit runs the
 * same predicates over any stored history, however it was written.
 */
import { type Instant, compareInstants } from './codecs.js';
import { type HistoryViolation, type RuleId, atRevision, violation } from './violation.js';

export interface HistoryInvariant<Event> {
  readonly ruleId: RuleId;
  readonly code: string;
  /** One sentence: what must always hold. */
  readonly description: string;
  /** The violations found, each at the revision (0-based index in the stream) of the offending event. */
  readonly check: (events: ReadonlyArray<Event>) => ReadonlyArray<HistoryViolation>;
}

/** Run invariants over a history; the violations come ordered by revision. */
export const checkHistory =
  <Event>(invariants: ReadonlyArray<HistoryInvariant<Event>>) =>
  (events: ReadonlyArray<Event>): ReadonlyArray<HistoryViolation> =>
    invariants.flatMap((inv) => inv.check(events)).sort((a, b) => a.revision - b.revision);

/** T-1: within one stream, instants never go backwards. */
export const instantsNeverGoBackwards = <Event extends { readonly at: Instant }>(): HistoryInvariant<Event> => ({
  ruleId: 'T-1',
  code: 'INSTANT_BEFORE_PREVIOUS_EVENT',
  description: 'Within one stream, no event is earlier than the event before it.',
  check: (events) => {
    const found: HistoryViolation[] = [];
    for (let i = 1; i < events.length; i++) {
      const previous = events[i - 1];
      const current = events[i];
      if (previous !== undefined && current !== undefined && compareInstants(current.at, previous.at) < 0) {
        found.push(
          atRevision(
            i,
            violation('T-1', 'INSTANT_BEFORE_PREVIOUS_EVENT', `Event at ${current.at} is earlier than the previous event at ${previous.at}.`, {
              at: current.at,
              previousAt: previous.at,
            }),
          ),
        );
      }
    }
    return found;
  },
});

/**
 * An invariant written as a left fold: each step sees what was tracked so far and may report the
 * event it is looking at, with a message.
 */
export const scanningInvariant =
  <Event extends { readonly type: string; readonly at: Instant }>() =>
  <A>(
    ruleId: RuleId,
    code: string,
    description: string,
    initial: A,
    step: (tracked: A, e: Event) => { readonly tracked: A; readonly broken?: string },
  ): HistoryInvariant<Event> => ({
    ruleId,
    code,
    description,
    check: (events) => {
      const found: HistoryViolation[] = [];
      let tracked = initial;
      events.forEach((e, revision) => {
        const r = step(tracked, e);
        tracked = r.tracked;
        if (r.broken !== undefined) found.push(atRevision(revision, violation(ruleId, code, r.broken, { eventType: e.type, at: e.at })));
      });
      return found;
    },
  });
