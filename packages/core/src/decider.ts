/**
 * A decider (after Jérémie Chassaing's pattern, as in Emmett): the pure heart of a case type.
 * `decide` turns a command and the current state into a violation or new events; `evolve` folds
 * one event into the state; replaying a history is a left fold from `initialState`.
 */
import type * as E from 'fp-ts/lib/Either.js';
import type { Violation } from './violation.js';

export interface Decider<Command, Event, State> {
  readonly initialState: State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State) => E.Either<Violation, ReadonlyArray<Event>>;
}

/** The state after a history: `events.reduce(evolve, initialState)`. */
export const replay =
  <Event, State>(decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>) =>
  (events: Iterable<Event>, from: State = decider.initialState): State => {
    let state = from;
    for (const event of events) state = decider.evolve(state, event);
    return state;
  };

/** Every intermediate state of a history, one per event (the audit's timeline is built on this). */
export const states =
  <Event, State>(decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>) =>
  (events: ReadonlyArray<Event>): ReadonlyArray<State> => {
    const out: State[] = [];
    let state = decider.initialState;
    for (const event of events) {
      state = decider.evolve(state, event);
      out.push(state);
    }
    return out;
  };
