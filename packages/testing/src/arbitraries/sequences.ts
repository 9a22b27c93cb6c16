/**
 * Command sequences for any case type, guided by its decider. Most steps follow the procedure (a
 * command the decider accepts in the state so far, by a plausible actor); the others are any
 * command by anyone, and with `backwards` some go back in time. Whatever the decider accepts must
 * still satisfy every history invariant. Shrinks to short sequences.
 */
import { type Actor, type CommandBase, type Decider, type EventBase, type Instant, checkTimeOrder } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import type * as t from 'io-ts';
import { decodeOrThrow, instantAfter, office } from './common.js';

export interface SequenceOptions {
  readonly caseId?: string;
  readonly maxLength?: number;
  /** Now and then a step back in time (T-1). Default true. */
  readonly backwards?: boolean;
  /**
   * How often a step is chosen among the commands the procedure would accept right now, rather
   * than at random: 0 is purely random, 1 only follows the procedure. Default 0.8.
   */
  readonly guided?: number;
  /** Start of the sequence, ms since the epoch. Default Monday 2026-11-16 09:00 in Shanghai. */
  readonly startMs?: number;
}

/** What a generator needs to know about a case type's commands. */
export interface CommandModel<C extends CommandBase, Ev extends EventBase, S> {
  readonly decider: Decider<C, Ev, S>;
  readonly codec: t.Decoder<unknown, C>;
  readonly types: ReadonlyArray<C['type']>;
  /** Who would usually take each step. */
  readonly plausible: (type: C['type']) => ReadonlyArray<Actor>;
  /** The fields of a command, chosen by a seed, so that a shrunk sequence stays readable. */
  readonly fields: (type: C['type'], seed: number) => Record<string, unknown>;
  /**
   * How likely a guided step picks this type among the accepted ones (default 4): low for detours
   * like a rejection, 0 to leave a type to the unguided steps only.
   */
  readonly weight?: (type: C['type']) => number;
  /** How many field variants (consecutive seeds) a guided step considers per type and actor. Default 1. */
  readonly variants?: number;
}

export const pick = <A>(options: ReadonlyArray<A>, seed: number): A => {
  const chosen = options[seed % options.length];
  if (chosen === undefined) throw new Error('empty options');
  return chosen;
};

interface Step {
  readonly guided: boolean;
  readonly choice: number;
  readonly actor: number;
  readonly seed: number;
  readonly minutes: number;
}

const stepArb = (guided: number, backwards: boolean): fc.Arbitrary<Step> =>
  fc.record({
    guided: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < guided),
    choice: fc.nat({ max: 1000 }),
    actor: fc.nat({ max: 1000 }),
    seed: fc.nat({ max: 1000 }),
    minutes: backwards
      ? fc.oneof({ weight: 19, arbitrary: fc.integer({ min: 0, max: 3 * 24 * 60 }) }, { weight: 1, arbitrary: fc.integer({ min: -600, max: -1 }) })
      : fc.integer({ min: 0, max: 3 * 24 * 60 }),
  });

const everyone = Object.values(office);

/**
 * A step as the command handler decides it: T-1 (no step before the case's last event, checked in
 * the core's one place for it), then the case type's rules.
 */
const stepper =
  <C extends CommandBase, Ev extends EventBase, S>(decider: Decider<C, Ev, S>) =>
  (command: C, state: S, lastAt: Instant | undefined) => {
    const inOrder = checkTimeOrder(command.at, lastAt);
    return E.isLeft(inOrder) ? inOrder : decider.decide(command, state);
  };

/** What makes a step the same step again: its type and fields, whoever takes it and whenever. */
const stepKey = (command: object): string => JSON.stringify(Object.entries(command).filter(([k]) => k !== 'at' && k !== 'actor' && k !== 'caseId'));

const brief = (value: unknown): string => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

/** One line a step: when (instant, actor) what, then what the decider made of it. */
export const describeSequence =
  <C extends CommandBase, Ev extends EventBase, S>(decider: Decider<C, Ev, S>) =>
  (commands: ReadonlyArray<C>): string => {
    let state = decider.initialState;
    let lastAt: Instant | undefined;
    const decide = stepper(decider);
    const lines = commands.map((c, i) => {
      const fields = Object.entries(c)
        .filter(([k]) => !['type', 'caseId', 'at', 'actor'].includes(k))
        .map(([k, v]) => `${k}=${brief(v)}`)
        .join(' ');
      const who = 'actor' in c && typeof c.actor === 'object' && c.actor !== null && 'id' in c.actor ? String(c.actor.id) : '?';
      const when = 'at' in c ? String(c.at) : '?';
      const decided = decide(c, state, lastAt);
      let outcome: string;
      if (E.isRight(decided)) {
        state = decided.right.reduce(decider.evolve, state);
        lastAt = decided.right[decided.right.length - 1]?.at ?? lastAt;
        outcome = decided.right.map((e) => e.type).join(', ') || 'nothing';
      } else {
        outcome = `refused ${decided.left.ruleId} ${decided.left.code}`;
      }
      return `  ${String(i + 1).padStart(2)}. when ${when} ${who}: ${c.type}${fields === '' ? '' : ` ${fields}`}\n      then ${outcome}`;
    });
    return ['given a new case', ...lines].join('\n');
  };

/** Attach a readable given/when/then rendering, which fast-check prints for a counterexample. */
const readable = <C extends CommandBase, Ev extends EventBase, S>(decider: Decider<C, Ev, S>, commands: ReadonlyArray<C>): ReadonlyArray<C> =>
  Object.defineProperty([...commands], fc.toStringMethod, { value: () => `\n${describeSequence(decider)(commands)}\n`, enumerable: false });

export const commandSequences = <C extends CommandBase, Ev extends EventBase, S>(
  model: CommandModel<C, Ev, S>,
  options: SequenceOptions = {},
): fc.Arbitrary<ReadonlyArray<C>> => {
  const caseId = options.caseId ?? 'PROP-1';
  const startMs = options.startMs ?? Date.parse('2026-11-16T01:00:00Z');
  const build = decodeOrThrow(model.codec);
  const decider = model.decider;
  const decide = stepper(decider);
  interface Progress {
    readonly state: S;
    readonly lastAt: Instant | undefined;
  }
  const apply = (progress: Progress, command: C): { readonly accepted: boolean; readonly progress: Progress } => {
    const decided = decide(command, progress.state, progress.lastAt);
    return E.isRight(decided)
      ? {
          accepted: true,
          progress: { state: decided.right.reduce(decider.evolve, progress.state), lastAt: decided.right[decided.right.length - 1]?.at ?? progress.lastAt },
        }
      : { accepted: false, progress };
  };
  return fc.array(stepArb(options.guided ?? 0.8, options.backwards ?? true), { maxLength: options.maxLength ?? 40, size: 'max' }).map((steps) => {
    let progress: Progress = { state: decider.initialState, lastAt: undefined };
    let minutes = 0;
    const out: C[] = [];
    const taken = new Set<string>();
    for (const step of steps) {
      minutes += step.minutes;
      const at = instantAfter(startMs, minutes);
      const make = (type: C['type'], actor: Actor, seed = step.seed): C => build({ type, caseId, at, actor, ...model.fields(type, seed) });
      const variants = Array.from({ length: Math.max(1, model.variants ?? 1) }, (_, k) => step.seed + k);
      let command: C | undefined;
      if (step.guided) {
        const candidates = new Map<string, C>();
        for (const type of model.types) {
          for (const actor of model.plausible(type)) {
            for (const seed of variants) {
              const c = make(type, actor, seed);
              candidates.set(`${actor.id}|${stepKey(c)}`, c);
            }
          }
        }
        const accepted = [...candidates.values()].filter((c) => apply(progress, c).accepted);
        // Prefer steps not taken yet, so sequences move through the procedure instead of repeating
        // the steps that are always allowed.
        const fresh = accepted.filter((c) => !taken.has(stepKey(c)));
        const pool = (fresh.length > 0 && step.seed % 4 !== 0 ? fresh : accepted).flatMap((c) => Array.from({ length: model.weight?.(c.type) ?? 4 }, () => c));
        command = pool.length > 0 ? pick(pool, step.choice) : undefined;
      }
      command ??= make(pick(model.types, step.choice), pick(everyone, step.actor));
      out.push(command);
      const next = apply(progress, command);
      if (next.accepted) taken.add(stepKey(command));
      progress = next.progress;
    }
    return readable(decider, out);
  });
};

/** Only what the procedure accepts: a guided sequence cut before its first refused step. */
export const validSequences = <C extends CommandBase, Ev extends EventBase, S>(
  model: CommandModel<C, Ev, S>,
  options: Omit<SequenceOptions, 'guided' | 'backwards'> = {},
): fc.Arbitrary<ReadonlyArray<C>> =>
  commandSequences(model, { ...options, guided: 1, backwards: false }).map((commands) => {
    let state = model.decider.initialState;
    let lastAt: Instant | undefined;
    const decide = stepper(model.decider);
    const out: C[] = [];
    for (const c of commands) {
      const decided = decide(c, state, lastAt);
      if (E.isLeft(decided)) break;
      out.push(c);
      state = decided.right.reduce(model.decider.evolve, state);
      lastAt = decided.right[decided.right.length - 1]?.at ?? lastAt;
    }
    return readable(model.decider, out);
  });
