/**
 * Given / when / then for deciders: given a history, when a command is decided, then these events
 * (or this refusal). A failure is a plain `AssertionError` with the actual and expected values, so
 * it reads as a diff in Vitest, Jest or node:test alike; nothing here needs a test runner.
 */
import { AssertionError } from 'node:assert';
import {
  type CaseType,
  type CommandBase,
  type Decider,
  type EventBase,
  type FieldError,
  type Rulebook,
  type Violation,
  deciderOf,
  defaultRulebook,
  describeFieldErrors,
  inForce,
  sameJson,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import type { Plain } from './plain.js';

export interface Then<Event, State> {
  /** The command is accepted and decides exactly these events. */
  readonly then: (expected: ReadonlyArray<Plain<Event>>) => ReadonlyArray<Event>;
  /** The command is accepted; the decided events are returned for further checks. */
  readonly thenAccepted: () => ReadonlyArray<Event>;
  /** The command is refused with this code or rule id (or both: `{ ruleId, code }`). */
  readonly thenRefused: (expected: string | { readonly ruleId?: string; readonly code?: string }) => Violation;
  /** The state the command was decided on. */
  readonly state: State;
}

export interface Given<Command, Event, State> {
  readonly when: (command: Command) => Then<Event, State>;
}

/** Equal as JSON (a field holding `undefined` counts as absent), or an `AssertionError` showing both. */
const assertSame = (actual: unknown, expected: unknown, message: string): void => {
  if (!sameJson(actual, expected)) throw new AssertionError({ message, actual, expected, operator: 'deepStrictEqual' });
};

const describeDecision = <Event>(decided: E.Either<Violation, ReadonlyArray<Event>>): string =>
  E.isLeft(decided) ? `refused: ${decided.left.ruleId} ${decided.left.code} — ${decided.left.message}` : `accepted with ${decided.right.length} event(s)`;

export const deciderSpec = <Command, Event, State>(decider: Decider<Command, Event, State>) => ({
  given: (history: ReadonlyArray<Event>): Given<Command, Event, State> => ({
    when: (command) => {
      const state = history.reduce(decider.evolve, decider.initialState);
      const decided = decider.decide(command, state);
      const accepted = (): ReadonlyArray<Event> => {
        if (E.isLeft(decided))
          throw new AssertionError({
            message: `expected the command to be accepted, but it was ${describeDecision(decided)}`,
            actual: describeDecision(decided),
            expected: 'accepted',
            operator: 'accepted',
          });
        return decided.right;
      };
      return {
        state,
        thenAccepted: accepted,
        then: (expected) => {
          const events = accepted();
          assertSame(events, expected, 'the decided events are not the expected ones');
          return events;
        },
        thenRefused: (expected) => {
          if (E.isRight(decided))
            throw new AssertionError({
              message: `expected a refusal, but the command was ${describeDecision(decided)}`,
              actual: describeDecision(decided),
              expected: 'refused',
              operator: 'refused',
            });
          const v = decided.left;
          if (typeof expected === 'string') {
            if (v.code !== expected && v.ruleId !== expected) {
              throw new AssertionError({
                message: `expected a refusal with ${expected}, but it was refused with ${v.ruleId} ${v.code}: ${v.message}`,
                actual: [v.code, v.ruleId],
                expected,
                operator: 'includes',
              });
            }
          } else {
            assertSame(
              { ruleId: v.ruleId, code: v.code },
              { ruleId: expected.ruleId ?? v.ruleId, code: expected.code ?? v.code },
              `refused with ${v.ruleId} ${v.code}: ${v.message}`,
            );
          }
          return v;
        },
      };
    },
  }),
  /**
   * Decide commands one after another from the initial state, skipping the refused ones: the
   * history the decider writes from any sequence, with the codes it refused.
   */
  decideEach: (commands: ReadonlyArray<Command>): { readonly events: ReadonlyArray<Event>; readonly state: State; readonly refused: ReadonlyArray<string> } => {
    let state = decider.initialState;
    const events: Event[] = [];
    const refused: string[] = [];
    for (const command of commands) {
      const decided = decider.decide(command, state);
      if (E.isLeft(decided)) {
        refused.push(decided.left.code);
        continue;
      }
      events.push(...decided.right);
      state = decided.right.reduce(decider.evolve, state);
    }
    return { events, state, refused };
  },
  /** Decide commands one after another from the initial state; every one must be accepted. */
  run: (commands: ReadonlyArray<Command>): { readonly events: ReadonlyArray<Event>; readonly state: State } => {
    let state = decider.initialState;
    const events: Event[] = [];
    commands.forEach((command, i) => {
      const decided = decider.decide(command, state);
      if (E.isLeft(decided)) throw new Error(`step ${i + 1} was ${describeDecision(decided)}`);
      events.push(...decided.right);
      state = decided.right.reduce(decider.evolve, state);
    });
    return { events, state };
  },
});

/** A value read by a codec, or the test stops naming every bad field. */
const decodedOr =
  <A>(decode: (input: unknown) => E.Either<ReadonlyArray<FieldError>, A>, what: string) =>
  (input: unknown): A => {
    const decoded = decode(input);
    if (E.isLeft(decoded)) throw new Error(`${what} is not valid: ${describeFieldErrors(decoded.left)}`);
    return decoded.right;
  };

/**
 * Given / when / then over a case type, in plain JSON: instants, dates and ids are written as
 * strings, as a request or a stored event carries them, and read by the case type's own codecs
 * (a literal that does not decode stops the test with the field's path). Decided under the
 * rulebook given (default: the library's policies and calendar).
 */
export const caseTypeSpec = <C extends CommandBase, Ev extends EventBase, S>(caseType: CaseType<C, Ev, S>, rulebook: Rulebook = defaultRulebook) => {
  const spec = deciderSpec(deciderOf(caseType, inForce(rulebook)));
  const event = decodedOr(caseType.events.decode, 'a given event');
  const command = decodedOr(caseType.commands.decode, 'the command');
  return {
    given: (history: ReadonlyArray<Plain<Ev>>): Given<Plain<C>, Ev, S> => {
      const given = spec.given(history.map(event));
      return { when: (c) => given.when(command(c)) };
    },
    /** Decide plain commands one after another from the initial state; every one must be accepted. */
    run: (commands: ReadonlyArray<Plain<C>>) => spec.run(commands.map(command)),
  };
};
