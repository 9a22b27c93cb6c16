/**
 * The properties every case type must hold, the library's own and an app's alike, over generated
 * commands: what the handler writes audits clean (T-11, T-12), a refusal writes nothing (T-7), a
 * valid procedure is accepted in full and replaying its events gives the handler's state, a command
 * sent twice under one id is applied once (T-13), every event survives JSON, every rule cited has a
 * text, a read-model row keeps
 * the state and evolves from it as the whole fold does, and the generator reaches every event type. Each is a named check that throws an `AssertionError` (or fast-check's
 * report with a shrunk counterexample): register them with any runner —
 * `for (const p of caseTypeProperties(…)) it(p.name, p.check)`.
 */
import { AssertionError } from 'node:assert';
import {
  type CaseType,
  type CommandBase,
  type EventBase,
  type Instant,
  type Rulebook,
  checkHistory,
  commandHandler,
  deciderOf,
  defaultRulebook,
  evolveProgress,
  findingsOf,
  inForce,
  inMemoryEventStore,
  instantFromEpochMs,
  kernelRules,
  loadCase,
  progressOf,
  replay,
  sameJson,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { deciderSpec } from './givenWhenThen.js';
import { recordCase } from './recordCase.js';

/**
 * Runs per property, set in one place for every property of the kit and of the suite:
 * `CASELEDGER_NUM_RUNS` (default 200), times `scale` for a property that costs more per run (at least 1).
 */
export const defaultNumRuns = (scale = 1): number => {
  const given = Number(process.env['CASELEDGER_NUM_RUNS']);
  return Math.max(1, Math.round((Number.isInteger(given) && given > 0 ? given : 200) * scale));
};

export interface CaseTypeGenerators<C> {
  /** Commands as they may arrive: mostly the procedure, with out-of-order and unauthorised steps (e.g. `complaintCommands()`). */
  readonly commands: fc.Arbitrary<ReadonlyArray<C>>;
  /** Procedures every step of which the rules accept (e.g. `validComplaintProcedures()`); without them the replay property is left out. */
  readonly valid?: fc.Arbitrary<ReadonlyArray<C>>;
  /** Longer sequences for the coverage property (e.g. `warrantyCommands(rulebook, { maxLength: 60 })`). Default: `commands`. */
  readonly deep?: fc.Arbitrary<ReadonlyArray<C>>;
}

export interface CaseTypePropertyOptions {
  /** The policies and calendar the commands are decided under. Default: the library's. */
  readonly rulebook?: Rulebook;
  /** Default `defaultNumRuns()`. */
  readonly numRuns?: number;
  /** Event types the generators are not expected to reach (the coverage property leaves them out). */
  readonly unreached?: ReadonlyArray<string>;
}

export interface CaseTypeProperty {
  readonly name: string;
  readonly check: () => Promise<void>;
}

/** The last event's instant, or the epoch. */
const lastInstant = (events: ReadonlyArray<EventBase>): Instant => events.at(-1)?.at ?? instantFromEpochMs(0);

const assertSame = (actual: unknown, expected: unknown, message: string): void => {
  if (!sameJson(actual, expected)) throw new AssertionError({ message, actual, expected, operator: 'deepStrictEqual' });
};

/** Every property of a case type, named, for any test runner. */
export const caseTypeProperties = <C extends CommandBase, Ev extends EventBase, S>(
  caseType: CaseType<C, Ev, S>,
  generators: CaseTypeGenerators<C>,
  options: CaseTypePropertyOptions = {},
): ReadonlyArray<CaseTypeProperty> => {
  const rulebook = options.rulebook ?? defaultRulebook;
  const runs = { numRuns: options.numRuns ?? defaultNumRuns() };
  const decider = deciderOf(caseType, inForce(rulebook));
  const decideEach = deciderSpec(decider).decideEach;
  const check = checkHistory(caseType, rulebook);
  const { valid } = generators;

  const properties: CaseTypeProperty[] = [
    {
      name: `${caseType.category}: every history the handler writes, whatever it was sent, audits with no finding (T-11, T-12)`,
      check: () =>
        fc.assert(
          fc.asyncProperty(generators.commands, async (commands) => {
            const { streamName, envelopes } = await recordCase(caseType, commands, { rulebook });
            assertSame(findingsOf(check(streamName, envelopes)), [], `the audit found something in ${streamName}, which the handler wrote`);
          }),
          runs,
        ),
    },
    {
      name: `${caseType.category}: a refused command writes nothing and changes no state (T-7)`,
      check: () =>
        fc.assert(
          fc.asyncProperty(generators.commands, async (commands) => {
            const store = inMemoryEventStore();
            const handle = commandHandler(caseType, store, { rulebook });
            const load = loadCase(caseType, store);
            for (const command of commands) {
              const before = await load(command.caseId)();
              const written = store.allWritten().length;
              const result = await handle(command)();
              if (E.isLeft(result)) {
                assertSame(store.allWritten().length, written, `${command.type} was refused (${result.left.code}) but events were written`);
                assertSame(await load(command.caseId)(), before, `${command.type} was refused (${result.left.code}) but the case changed`);
              }
            }
          }),
          runs,
        ),
    },
    {
      name: `${caseType.category}: a command sent twice under one id is applied once and answered the same; another command under it is refused (T-13)`,
      check: () =>
        fc.assert(
          fc.asyncProperty(generators.commands, async (commands) => {
            const store = inMemoryEventStore();
            const first = commandHandler(caseType, store, { rulebook });
            const second = commandHandler(caseType, store, { rulebook });
            for (const [i, command] of commands.entries()) {
              const commandId = `cmd-${i}`;
              const once = await first(command, { commandId })();
              const written = store.allWritten().length;
              const again = await second(command, { commandId })();
              assertSame(store.allWritten().length, written, `${command.type} sent again wrote events`);
              const outcome = (r: typeof once) => (E.isLeft(r) ? r.left.code : r.right.appended.map((a) => [a.metadata.eventId, String(a.revision)]));
              assertSame(outcome(again), outcome(once), `${command.type} sent again was answered otherwise`);
              // A command id is kept per case (the handler's window is the case's history): another command on the same case.
              const other = commands.find((c) => c.caseId === command.caseId && !sameJson(c, command));
              if (E.isRight(once) && once.right.appended.length > 0 && other !== undefined) {
                const reused = await second(other, { commandId })();
                assertSame(E.isLeft(reused) ? reused.left.code : 'accepted', 'COMMAND_ID_REUSED', `another command under ${commandId} was not refused`);
              }
            }
          }),
          runs,
        ),
    },
    {
      name: `${caseType.category}: every event the rules decide survives encode → JSON → decode unchanged`,
      check: async () =>
        fc.assert(
          fc.property(generators.commands, (commands) => {
            for (const e of decideEach(commands).events) {
              const back = caseType.events.decode(JSON.parse(JSON.stringify(caseType.events.codec.encode(e))));
              assertSame(back, E.right(e), `${e.type} does not read back as written`);
            }
          }),
          runs,
        ),
    },
    {
      name: `${caseType.category}: the generator reaches every event type (a property that never gets there proves little)`,
      check: async () => {
        const reached = new Set<string>();
        fc.assert(
          fc.property(generators.deep ?? generators.commands, (commands) => {
            for (const e of decideEach(commands).events) reached.add(e.type);
          }),
          { numRuns: Math.max(400, runs.numRuns), seed: 42 },
        );
        const expected = caseType.events.tags.filter((tag) => !(options.unreached ?? []).includes(tag));
        const missing = expected.filter((tag) => !reached.has(tag));
        if (missing.length > 0)
          throw new AssertionError({
            message: `the generator never reached ${missing.join(', ')}`,
            actual: [...reached].sort(),
            expected: [...expected].sort(),
            operator: 'includes',
          });
      },
    },
  ];
  properties.push({
    name: `${caseType.category}: every rule its events and its deadlines cite has a text in every language (the kernel's or its own)`,
    check: async () =>
      fc.assert(
        fc.property(generators.commands, (commands) => {
          const events = decideEach(commands).events;
          const deadlines = caseType.deadlines(rulebook)(progressOf(caseType)(events), lastInstant(events));
          const cited = new Set([...events.flatMap((e) => caseType.describe(e).rules), ...(E.isRight(deadlines) ? deadlines.right.map((d) => d.ruleId) : [])]);
          const untold = [...cited].filter((id) => !Object.hasOwn(kernelRules, id) && !Object.hasOwn(caseType.rules, id));
          assertSame(untold, [], `rules cited with no text: give them in the case type's rules`);
        }),
        runs,
      ),
  });
  const readModel = caseType.readModel;
  if (readModel !== undefined) {
    properties.push({
      name: `${caseType.category}: a read-model row keeps the state through JSON, and a row evolved from it with the next events equals one folded in one go`,
      check: async () =>
        fc.assert(
          fc.property(generators.commands, fc.nat(), (commands, cutAt) => {
            const events = decideEach(commands).events;
            const cut = events.length === 0 ? 0 : cutAt % (events.length + 1);
            const whole = progressOf(caseType)(events);
            const before = progressOf(caseType)(events.slice(0, cut));
            const stored = readModel.state.decode(JSON.parse(JSON.stringify(readModel.state.encode(before.state))));
            if (E.isLeft(stored))
              throw new AssertionError({
                message: `the state after ${cut} events does not read back from its row`,
                actual: stored.left,
                expected: before.state,
              });
            assertSame(stored.right, before.state, `the state after ${cut} events reads back otherwise`);
            const resumed = events.slice(cut).reduce(evolveProgress(caseType.evolve), { state: stored.right, firstAt: before.firstAt });
            assertSame(resumed, whole, `the row evolved from its stored state after ${cut} events differs from the whole fold`);
            assertSame(readModel.summary(resumed), readModel.summary(whole), 'the summary of the resumed row differs');
          }),
          runs,
        ),
    });
  }
  if (valid !== undefined) {
    properties.push({
      name: `${caseType.category}: every valid procedure is accepted in full, and replaying its events gives the handler's state`,
      check: () =>
        fc.assert(
          fc.asyncProperty(valid, async (commands) => {
            const { events, state, refused } = decideEach(commands);
            assertSame(refused, [], 'a step of a valid procedure was refused');
            assertSame(replay(decider)(events), state, 'replaying the events does not give the state the decider saw');
            const recorded = await recordCase(caseType, commands, { rulebook });
            assertSame(
              replay(decider)(recorded.envelopes.map((e) => e.event)),
              recorded.state,
              "replaying the stored events does not give the handler's state",
            );
          }),
          runs,
        ),
    });
  }
  return properties;
};
