/**
 * A case type bundles what the generic machinery needs to run one procedure and to audit it: its
 * stream category, command and event codecs, its rules (`decide`, under a rule context), its fold,
 * and what the audit needs to judge a stored event by the same rules (T-11): the command each event
 * answers, which rule computes each fact an event records, its deadlines and what each event means.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { Actor } from './actor.js';
import { type CaseId, type FieldError, Instant, type TaggedUnion, decodeWith, describeFieldErrors } from './codecs.js';
import type { DeadlineReport } from './deadline.js';
import type { Locale, RuleTexts } from './ruleCatalogue.js';
import type { Decider } from './decider.js';
import { EventMetadata, type GlobalPosition, type RecordedEvent } from './event.js';
import { withholdSealedFields } from './personalData.js';
import { showableText } from './quoting.js';
import type { PolicyError } from './policy.js';
import type { CaseReadModel } from './readModel.js';
import type { RuleContext, Rulebook } from './ruleContext.js';
import { type UpcasterRegistry, upcastExactly } from './upcasting.js';
import type { RuleId, Violation } from './violation.js';
import type { ViolationTexts } from './violationCodes.js';
import type { TextFieldDecisionsByEvent } from './textFields.js';
import type { Vocabulary } from './inLanguage.js';
import type { CasePolicy } from './casePolicy.js';

/** What every command carries: the case it is about, when it happened and who issued it (T-1, T-6). */
export interface CommandBase {
  readonly type: string;
  readonly caseId: CaseId;
  readonly at: Instant;
  readonly actor: Actor;
}

/** What every event carries: when it happened (and, in the rulebook's events, `by` whom). */
export interface EventBase {
  readonly type: string;
  readonly at: Instant;
}

/** What an event means to an auditor: the rule ids it serves and a one-line summary without customer data (T-10). */
export interface EventMeaning {
  readonly rules: ReadonlyArray<RuleId>;
  readonly summary: string;
  /** A special case (W-3): approved, or used to accept a return. Highlighted in reports. */
  readonly specialCase: boolean;
}

/**
 * T-11: for each event type, the facts it records that its command did not give (a window's end,
 * "in warranty", "a fee is required", a plan number), each with the rule that computes it. The
 * audit computes them again; a recorded value that differs is a finding under that rule.
 */
export type RecordedFacts<Ev extends EventBase> = {
  readonly [T in Ev['type']]?: { readonly [K in Exclude<keyof Extract<Ev, { readonly type: T }>, 'type'>]?: RuleId };
};

/**
 * The first instant each event type was recorded in a case. A deadline's clock starts at the first
 * step that starts it and stops at the first step that meets it (T-8), whatever the state became
 * since (a reopened complaint keeps the day it was first answered).
 */
export type FirstTimes = Readonly<Record<string, Instant>>;
export const FirstTimes: t.Type<FirstTimes, unknown, unknown> = t.readonly(t.record(t.string, Instant), 'FirstTimes');

/** When an event type was first recorded, if it was. */
export const firstAt = <Ev extends EventBase>(times: FirstTimes, type: Ev['type']): Instant | undefined =>
  Object.hasOwn(times, type) ? times[type] : undefined;

/** A case's state with the first instant of each step: what its deadlines and its read-model row are computed from. */
export interface CaseProgress<S> {
  readonly state: S;
  readonly firstAt: FirstTimes;
}

/** The first instants after one more event. */
export const withFirstTime = (times: FirstTimes, event: EventBase): FirstTimes =>
  Object.hasOwn(times, event.type) ? times : { ...times, [event.type]: event.at };

/** One event folded into a case's progress. */
export const evolveProgress =
  <Ev extends EventBase, S>(evolve: (state: S, event: Ev) => S) =>
  (progress: CaseProgress<S>, event: Ev): CaseProgress<S> => ({ state: evolve(progress.state, event), firstAt: withFirstTime(progress.firstAt, event) });

/** A case's progress after its events. */
export const progressOf =
  <Ev extends EventBase, S>(caseType: { readonly initialState: S; readonly evolve: (state: S, event: Ev) => S }) =>
  (events: ReadonlyArray<Ev>): CaseProgress<S> =>
    events.reduce(evolveProgress(caseType.evolve), { state: caseType.initialState, firstAt: {} });

/** The deadlines of a case at an instant, from its state and the first instant of each step (T-8). */
export type CaseDeadlines<S> = (rulebook: Rulebook) => (progress: CaseProgress<S>, now: Instant) => E.Either<PolicyError, ReadonlyArray<DeadlineReport>>;

/** The same deadlines from a case's events (the audit's view of a history it reads whole). */
export const deadlinesOfHistory =
  <Ev extends EventBase, S>(caseType: Pick<CaseType<CommandBase, Ev, S>, 'initialState' | 'evolve' | 'deadlines'>, rulebook: Rulebook) =>
  (events: ReadonlyArray<Ev>, now: Instant): E.Either<PolicyError, ReadonlyArray<DeadlineReport>> =>
    caseType.deadlines(rulebook)(progressOf(caseType)(events), now);

export interface CaseType<C extends CommandBase, Ev extends EventBase, S> {
  /** The stream category, e.g. `complaint`; streams are named `<category>-<caseId>`. */
  readonly category: string;
  readonly commands: TaggedUnion<C>;
  readonly events: TaggedUnion<Ev>;
  readonly upcasters: UpcasterRegistry;
  readonly initialState: S;
  /** Folds one event into the state. Total: an event that does not fit leaves the state as it was. */
  readonly evolve: (state: S, event: Ev) => S;
  /**
   * The rules of the procedure: a command on a state, under a rule context, is refused with the
   * rule it breaks or decides its events. The command handler decides under the policy in force;
   * the audit decides each stored event again under the version it records (T-11).
   */
  readonly decide: (context: RuleContext) => (command: C, state: S) => E.Either<Violation, ReadonlyArray<Ev>>;
  /**
   * T-11: the command a stored event answers, rebuilt from the event, so the audit can decide it
   * again. `undefined` for an event that a step only records after another one (e.g. the
   * classification that follows a joint review's decision).
   */
  readonly stepOf: (event: Ev, caseId: CaseId) => C | undefined;
  readonly recordedFacts: RecordedFacts<Ev>;
  /** T-8: the deadlines of a case at an instant, from its state and the first instant of each step. */
  readonly deadlines: CaseDeadlines<S>;
  /** T-10: each free-text field of its events, sealed or not personal with the reason (`personalDataCatalogueOf` folds them over a registry). */
  readonly personalData: TextFieldDecisionsByEvent<Ev>;
  /** The codes it refuses or finds with, each with its Chinese sentence (its rules build violations only with these and the kernel's). */
  readonly violations: ViolationTexts;
  /** Its own dated policy values (codec and defaults), given in a company's policy under `caseTypes.<category>` and read with `casePolicyOf`. */
  readonly policy?: CasePolicy<unknown>;
  /** Its values and its name in Chinese (`phone` → `电话`, its category → its name): what summaries and reports say. */
  readonly words: Vocabulary;
  /** The texts of the rules it carries (its own ids), in every language the library speaks: what reports show beside an id. */
  readonly rules: RuleTexts;
  /** What an event means, its summary in the language asked for (English by default). */
  readonly describe: (event: Ev, locale?: Locale) => EventMeaning;
  /** A short status for a timeline, e.g. `internal: planned`. */
  readonly status: (state: S) => string;
  /** When the case closed, for the retention guard (T-9); `undefined` while it is open. */
  readonly closedAt: (state: S) => Instant | undefined;
  /**
   * How read models keep a case of this type: its state as a row holds it, and what the
   * departments' lists show of it. Without it, a read model of cases parks this type's events
   * (`CASE_TYPE_HAS_NO_READ_MODEL`) and says so.
   */
  readonly readModel?: CaseReadModel<S>;
}

/** What a case type must say; the rest has defaults (no upcasters, facts, deadlines; the event type as summary). */
export type CaseTypeDefinition<C extends CommandBase, Ev extends EventBase, S> = Pick<
  CaseType<C, Ev, S>,
  'category' | 'commands' | 'events' | 'initialState'
> & {
  // The codecs and the initial state give the types; the functions are checked against them, never
  // read for them, so a mistake is reported in the function that makes it.
  readonly evolve: (state: NoInfer<S>, event: NoInfer<Ev>) => NoInfer<S>;
  readonly decide: (context: RuleContext) => (command: NoInfer<C>, state: NoInfer<S>) => E.Either<Violation, ReadonlyArray<NoInfer<Ev>>>;
  readonly stepOf: (event: NoInfer<Ev>, caseId: CaseId) => NoInfer<C> | undefined;
} & Partial<Omit<CaseType<NoInfer<C>, NoInfer<Ev>, NoInfer<S>>, 'category' | 'commands' | 'events' | 'initialState' | 'evolve' | 'decide' | 'stepOf'>>;

/**
 * A case type from its definition, with the parts it leaves out filled in. The type parameters are
 * `const` so that a literal `type: 'ClaimGuarantee'` returned by `decide` or `stepOf` keeps its
 * value (TypeScript would otherwise widen it to `string` in the second function it checks).
 */
export const defineCaseType = <const C extends CommandBase, const Ev extends EventBase, S>(definition: CaseTypeDefinition<C, Ev, S>): CaseType<C, Ev, S> => ({
  upcasters: {},
  recordedFacts: {},
  rules: {},
  words: {},
  violations: {},
  personalData: {},
  deadlines: () => () => E.right([]),
  describe: (event) => ({ rules: [], summary: event.type, specialCase: false }),
  status: () => 'open',
  closedAt: () => undefined,
  ...definition,
});

/** The decider of a case type under a rule context: the Emmett-shaped triple of `decide`, `evolve`, `initialState`. */
export const deciderOf = <C extends CommandBase, Ev extends EventBase, S>(caseType: CaseType<C, Ev, S>, context: RuleContext): Decider<C, Ev, S> => ({
  initialState: caseType.initialState,
  evolve: caseType.evolve,
  decide: caseType.decide(context),
});

export const streamNameOf = (category: string, caseId: CaseId): string => `${category}-${caseId}`;

/** The category is the text before the first `-` of the stream name (as EventStoreDB derives it). */
export const splitStreamName = (streamName: string): { readonly category: string; readonly caseId: string } => {
  const dash = streamName.indexOf('-');
  return dash < 0 ? { category: streamName, caseId: '' } : { category: streamName.slice(0, dash), caseId: streamName.slice(dash + 1) };
};

/** A decoded stored event with its metadata and place. */
export interface EventEnvelope<Ev> {
  readonly event: Ev;
  readonly metadata: EventMetadata;
  readonly streamName: string;
  readonly revision: bigint;
  readonly position: GlobalPosition;
  /**
   * T-11: the fields of the stored data that the upcasters of its labelled schema version would have
   * changed — the data has a later version's shape. The event is read as stored and the audit says so.
   */
  readonly mislabelled?: ReadonlyArray<string>;
}

export interface EventDecodeError {
  readonly _tag: 'EventDecodeError';
  readonly code: 'STORED_EVENT_UNDECODABLE';
  readonly message: string;
  readonly streamName: string;
  readonly revision: bigint;
  readonly eventType: string;
  readonly errors: ReadonlyArray<FieldError>;
}

const decodeError = (recorded: RecordedEvent, reason: string, errors: ReadonlyArray<FieldError>): EventDecodeError => ({
  _tag: 'EventDecodeError',
  code: 'STORED_EVENT_UNDECODABLE',
  message: `Stored event ${showableText(recorded.type)} at ${showableText(recorded.streamName)}@${recorded.revision} cannot be read: ${reason}`,
  streamName: showableText(recorded.streamName),
  revision: recorded.revision,
  eventType: showableText(recorded.type),
  errors,
});

const decodeMetadata = decodeWith(EventMetadata);

/** Read a stored event: metadata, upcast to the current schema, decode. */
export const decodeRecorded =
  <Ev extends EventBase>(caseType: Pick<CaseType<CommandBase, Ev, unknown>, 'events' | 'upcasters'>) =>
  (recorded: RecordedEvent): E.Either<EventDecodeError, EventEnvelope<Ev>> => {
    if (recorded.unreadable !== undefined) {
      return E.left(
        decodeError(recorded, `${recorded.unreadable.code}: ${recorded.unreadable.message}`, [
          { path: recorded.unreadable.path, expected: 'a sealed field that opens', found: 'one that does not' },
        ]),
      );
    }
    const metadata = decodeMetadata(recorded.metadata);
    if (E.isLeft(metadata)) return E.left(decodeError(recorded, `metadata: ${describeFieldErrors(metadata.left)}`, metadata.left));
    // A sealed field this reader cannot open reads as withheld text (T-10); the rules never read it.
    const data = upcastExactly(caseType.upcasters, recorded.type, metadata.right.schemaVersion, withholdSealedFields(recorded.data, recorded.metadata));
    if (E.isLeft(data)) return E.left(decodeError(recorded, data.left.message, []));
    const event = caseType.events.decode(data.right.data);
    if (E.isLeft(event)) return E.left(decodeError(recorded, describeFieldErrors(event.left), event.left));
    if (event.right.type !== recorded.type) {
      return E.left(
        decodeError(recorded, `its data says type ${event.right.type}`, [
          { path: 'type', expected: JSON.stringify(showableText(recorded.type)), found: 'a string' },
        ]),
      );
    }
    const envelope = {
      event: event.right,
      metadata: metadata.right,
      streamName: recorded.streamName,
      revision: recorded.revision,
      position: recorded.position,
    };
    return E.right(data.right.mislabelled.length === 0 ? envelope : { ...envelope, mislabelled: data.right.mislabelled.map(showableText) });
  };

/** T-5: the policy version an event records, if a policy decided it (the handler copies it into the metadata). */
export const recordedPolicyVersion = (event: EventBase): string | undefined =>
  'policyVersion' in event && typeof event.policyVersion === 'string' ? event.policyVersion : undefined;
