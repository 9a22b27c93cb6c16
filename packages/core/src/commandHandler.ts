/**
 * The command handler: decode → load → decide (T-1 and the case type's rules, `decideStep`, under the
 * policy in force) → append with the expected revision.
 * Two writers on one stream: exactly one wins; the loser re-reads and decides again, up to a
 * bound, then fails with a conflict error naming the stream. Nothing is ever written half.
 */
import { createHash } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { v4 as uuidv4 } from 'uuid';
import { type CaseId, type FieldError, describeFieldErrors, withDefinedFieldsOnly } from './codecs.js';
import {
  type CaseType,
  type CommandBase,
  type EventBase,
  type EventDecodeError,
  type EventEnvelope,
  decodeRecorded,
  recordedPolicyVersion,
  streamNameOf,
} from './caseType.js';
import type { EventMetadata, ExpectedRevision, NewEvent } from './event.js';
import type { EventStore, StoreError } from './eventStore.js';
import { type JsonValue, isJsonObject, isObjectValue, plainJsonCopy } from './json.js';
import { type Rulebook, defaultRulebook, inForce } from './ruleContext.js';
import { decideStep } from './step.js';
import { currentSchemaVersion } from './upcasting.js';
import { type Violation } from './violation.js';
import { kernelViolation as violation } from './violationCodes.js';
import type { CommandObserver, CommandOutcome, Telemetry } from './telemetry.js';

export interface ConcurrencyConflict {
  readonly _tag: 'ConcurrencyConflict';
  readonly code: 'CONCURRENCY_CONFLICT';
  readonly message: string;
  readonly streamName: string;
  readonly attempts: number;
}

/** Why a command was not applied. Every member has a stable `code`. */
export type HandleError = Violation | ConcurrencyConflict | StoreError | EventDecodeError;

export interface LoadedCase<Ev, S> {
  readonly streamName: string;
  readonly state: S;
  readonly events: ReadonlyArray<EventEnvelope<Ev>>;
  /** `no-stream` for a case that has no event yet. */
  readonly revision: bigint | 'no-stream';
}

export interface AppendedEvent<Ev> {
  readonly event: Ev;
  readonly metadata: EventMetadata;
  readonly revision: bigint;
}

export interface Handled<Ev, S> {
  readonly streamName: string;
  /** The case's state after the command. */
  readonly state: S;
  /** The stream's revision after the command (`no-stream` when nothing was ever written). */
  readonly revision: bigint | 'no-stream';
  /** The events this command appended (empty when the decider decided nothing needed to happen). */
  readonly appended: ReadonlyArray<AppendedEvent<Ev>>;
}

export interface HandlerOptions {
  /** The company's policy versions and business calendar the rules are decided under. Default: the rulebook's own on the default calendar. */
  readonly rulebook?: Rulebook;
  /** How many times a command is decided at most when other writers keep winning. Default 5. */
  readonly maxAttempts?: number;
  /**
   * How many times an append that failed with a retriable store error (server unavailable, not
   * leader, deadline) is sent again, with the same event ids, so a write whose answer was lost is
   * not written twice. Default 2.
   */
  readonly transientRetries?: number;
  /** Pause before the n-th resend: n × this many milliseconds. Default 100. */
  readonly retryDelayMs?: number;
  /** Event, correlation and causation ids. Default: random UUIDs (v4). */
  readonly newId?: () => string;
  /**
   * How many cases' states this handler keeps between commands (least recently used go first), so
   * a command on a long case does not re-read and re-fold its whole stream. Safe with other
   * writers: an append from a stale state fails on its expected revision and is decided again from
   * a fresh read, and a refusal or a no-op decided on a cached state is checked again on a fresh
   * read before it is returned. 0 turns it off. Default 1000.
   */
  readonly stateCacheSize?: number;
  /** Hooks told of every command: refusals with rule and code, appends, conflicts, resends (`@caseledger/core/opentelemetry` for spans and metrics). */
  readonly telemetry?: Telemetry;
}

export interface CommandContext {
  /**
   * The command's id, for commands safe to send twice (or the command's own `commandId` field): the
   * same id on the same case returns the first outcome without appending again; another command
   * under a used id is refused (`COMMAND_ID_REUSED`). Letters, digits and `._:-`, up to 128
   * characters (a UUID fits). The window is the case's whole history.
   */
  readonly commandId?: string;
  /** Ties together everything one business request caused. Default: a new id. */
  readonly correlationId?: string;
  /** What caused this command (another event's id, a request id). Default: the correlation id. */
  readonly causationId?: string;
}

/** Read a case and fold it into its current state. */
export const loadCase =
  <C extends CommandBase, Ev extends EventBase, S>(caseType: CaseType<C, Ev, S>, store: EventStore) =>
  (caseId: CaseId): TE.TaskEither<StoreError | EventDecodeError, LoadedCase<Ev, S>> =>
  async () => {
    const streamName = streamNameOf(caseType.category, caseId);
    const read = await store.readStream(streamName)();
    if (E.isLeft(read)) return read;
    if (read.right.kind === 'no-stream') {
      return E.right({ streamName, state: caseType.initialState, events: [], revision: 'no-stream' });
    }
    const decode = decodeRecorded(caseType);
    const events: EventEnvelope<Ev>[] = [];
    let state = caseType.initialState;
    for (const recorded of read.right.events) {
      const decoded = decode(recorded);
      if (E.isLeft(decoded)) return decoded;
      events.push(decoded.right);
      state = caseType.evolve(state, decoded.right.event);
    }
    return E.right({ streamName, state, events, revision: read.right.revision });
  };

/** What the handler remembers of a case between commands. */
interface CachedCase<S> {
  readonly state: S;
  readonly revision: bigint;
  readonly lastEventAt: EventBase['at'] | undefined;
  /** The command ids the case's events record, with each command's fingerprint. */
  readonly commands: ReadonlyMap<string, string>;
}

const COMMAND_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The command id the caller gave, in the context or in the command itself; refused when it is not an id. */
const commandIdOf = (input: JsonValue | undefined, context: CommandContext): E.Either<Violation, string | undefined> => {
  const given: unknown =
    context.commandId ?? (typeof input === 'object' && input !== null && !Array.isArray(input) ? Reflect.get(input, 'commandId') : undefined);
  if (given === undefined) return E.right(undefined);
  return typeof given === 'string' && COMMAND_ID.test(given)
    ? E.right(given)
    : E.left(
        violation('T-7', 'COMMAND_UNDECODABLE', 'The command is not valid: commandId: expected letters, digits and ._:- (1 to 128 characters), like a UUID.', {
          paths: ['commandId'],
        }),
      );
};

/** JSON with every object's keys in one order, so equal commands are written alike whatever order their fields came in. */
const canonicalJson = (v: JsonValue): string => {
  if (typeof v !== 'object' || v === null) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(Reflect.get(v, k))}`).join(',')}}`;
};

/**
 * T-13: what tells two commands under one id apart: a SHA-256 digest of every field of the command
 * as decoded, never the fields themselves (T-10; `@caseledger/privacy` also seals the digest under
 * the customer's key, so a forgotten customer's commands cannot even be guessed at through it).
 */
const fingerprintOf = (command: JsonValue): string => createHash('sha256').update('caseledger.command/1\n').update(canonicalJson(command)).digest('hex');

/** A command the caller gave an id: the id, and the fingerprint that tells it from another command. */
interface SentAs {
  readonly commandId: string;
  readonly fingerprint: string;
}

/** The command ids a case's events record, each with its fingerprint (`SEALED` where it is sealed and cannot be opened here). */
const commandsRecordedIn = (events: ReadonlyArray<EventEnvelope<unknown>>): ReadonlyMap<string, string> => {
  const commands = new Map<string, string>();
  for (const e of events) {
    const { commandId, commandFingerprint } = e.metadata;
    if (commandId !== undefined && commandFingerprint !== undefined)
      commands.set(commandId, typeof commandFingerprint === 'string' ? commandFingerprint : SEALED);
  }
  return commands;
};

/** Stands for a fingerprint this reader cannot open: it matches no command, so a resend under its id is refused rather than guessed. */
const SEALED = 'sealed';

/** A small least-recently-used map: a `Map` keeps insertion order, so the first key is the oldest. */
const lruCache = <V>(size: number) => {
  const entries = new Map<string, V>();
  return {
    get: (key: string): V | undefined => {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set: (key: string, value: V): void => {
      if (size <= 0) return;
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > size) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
    },
    delete: (key: string): void => void entries.delete(key),
    clear: (): void => entries.clear(),
  };
};

/** What telemetry is told of a command's end: codes, rule ids and counts only (T-10). */
const outcomeOf = (result: E.Either<HandleError, Handled<unknown, unknown>>, attempts: number): CommandOutcome => {
  if (E.isLeft(result))
    return result.left._tag === 'Violation'
      ? { kind: 'refused', ruleId: result.left.ruleId, code: result.left.code }
      : { kind: 'failed', code: result.left.code };
  const { revision, appended } = result.right;
  return appended.length === 0 || revision === 'no-stream'
    ? { kind: 'unchanged', attempts }
    : { kind: 'appended', revision, events: appended.length, attempts };
};

/** The command without its `commandId`, which is the handler's to read, not the case type's. */
const withoutCommandId = (input: JsonValue): JsonValue => {
  if (!isObjectValue(input) || !Object.hasOwn(input, 'commandId')) return input;
  const rest: { [key: string]: JsonValue } = {};
  for (const [key, value] of Object.entries(input)) if (key !== 'commandId') rest[key] = value;
  return rest;
};

const notPlainJson: ReadonlyArray<FieldError> = [{ path: '(root)', expected: 'plain JSON data', found: 'an object that cannot be read as JSON' }];

const commandUndecodable = (fields: ReadonlyArray<{ path: string; expected: string; found: string }>): Violation =>
  violation('T-7', 'COMMAND_UNDECODABLE', `The command is not valid: ${describeFieldErrors(fields)}.`, {
    paths: fields.map((f) => f.path),
  });

export const commandHandler = <C extends CommandBase, Ev extends EventBase, S>(
  caseType: CaseType<C, Ev, S>,
  store: EventStore,
  options: HandlerOptions = {},
) => {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const newId = options.newId ?? uuidv4;
  const transientRetries = Math.max(0, options.transientRetries ?? 2);
  const retryDelayMs = Math.max(0, options.retryDelayMs ?? 100);
  const loadOnce = loadCase(caseType, store);
  /** A case read for a decision; a read that failed with a retriable store error (a leader change) is asked again, like an append. */
  const load =
    (caseId: CaseId): TE.TaskEither<StoreError | EventDecodeError, LoadedCase<Ev, S>> =>
    async () => {
      let loaded = await loadOnce(caseId)();
      for (let resend = 1; E.isLeft(loaded) && loaded.left._tag === 'StoreError' && loaded.left.retriable && resend <= transientRetries; resend++) {
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs * resend));
        loaded = await loadOnce(caseId)();
      }
      return loaded;
    };
  const decide = decideStep(caseType, inForce(options.rulebook ?? defaultRulebook));
  /** The event as stored: its data and metadata, plain JSON by construction or refused (T-7). */
  const toNewEvent = (
    command: C,
    sentAs: SentAs | undefined,
    correlationId: string,
    causationId: string,
    revision: bigint,
    event: Ev,
  ): E.Either<Violation, { readonly stored: NewEvent; readonly appended: AppendedEvent<Ev> }> => {
    // Exactly the fields the event type defines (T-7): a decider that spreads more into an event does not store it.
    const data = caseType.events.codec.encode(withDefinedFieldsOnly(caseType.events.codec, event));
    if (!isJsonObject(data)) return E.left(violation('T-7', 'EVENT_NOT_SERIALISABLE', `The decided event ${event.type} is not plain JSON.`));
    // Built field by field, so it holds nothing but JSON whatever the command carried.
    const common = {
      eventId: newId(),
      schemaVersion: currentSchemaVersion(caseType.upcasters, event.type),
      actor: command.actor,
      correlationId,
      causationId,
      at: event.at,
      ...(sentAs === undefined ? {} : { commandId: sentAs.commandId, commandFingerprint: sentAs.fingerprint }),
    };
    const policyVersion = recordedPolicyVersion(event);
    const metadata = policyVersion === undefined ? common : { ...common, policyVersion };
    return E.right({ stored: { eventId: metadata.eventId, type: event.type, data, metadata }, appended: { event, metadata, revision } });
  };

  const cache = lruCache<CachedCase<S>>(Math.max(0, options.stateCacheSize ?? 1000));

  /** The case as the store holds it now (`undefined` for a case with no event yet), remembered for the next command. */
  const read = async (caseId: CaseId, streamName: string): Promise<E.Either<StoreError | EventDecodeError, CachedCase<S> | undefined>> => {
    const loaded = await load(caseId)();
    if (E.isLeft(loaded)) return loaded;
    const { state, events, revision } = loaded.right;
    const found =
      revision === 'no-stream' ? undefined : { state, revision, lastEventAt: events[events.length - 1]?.event.at, commands: commandsRecordedIn(events) };
    if (found === undefined) cache.delete(streamName);
    else cache.set(streamName, found);
    return E.right(found);
  };

  /** A command sent again: the events its first sending appended, and the case as it stands. */
  const firstOutcome = async (caseId: CaseId, streamName: string, commandId: string): Promise<E.Either<HandleError, Handled<Ev, S>>> => {
    const loaded = await load(caseId)();
    if (E.isLeft(loaded)) return loaded;
    const mine = loaded.right.events.filter((e) => e.metadata.commandId === commandId);
    const last = mine[mine.length - 1];
    return E.right({
      streamName,
      state: loaded.right.state,
      revision: last?.revision ?? loaded.right.revision,
      appended: mine.map((e) => ({ event: e.event, metadata: e.metadata, revision: e.revision })),
    });
  };

  const handle =
    (input: unknown, context: CommandContext = {}): TE.TaskEither<HandleError, Handled<Ev, S>> =>
    async () => {
      // Read the caller's object once, as plain JSON: a getter or a proxy cannot throw past this
      // point, nor answer the check one way and the store another (T-7).
      const plain = plainJsonCopy(input);
      const given = commandIdOf(plain, context);
      const decoded = plain === undefined ? E.left(notPlainJson) : caseType.commands.decode(withoutCommandId(plain));
      const handleWith = async (seenBy: CommandObserver | undefined): Promise<E.Either<HandleError, Handled<Ev, S>>> =>
        E.isLeft(decoded) ? E.left(commandUndecodable(decoded.left)) : E.isLeft(given) ? given : handleDecoded(decoded.right, given.right, context, seenBy);
      const observer = options.telemetry?.command?.({ caseType: caseType.category, commandType: E.isRight(decoded) ? decoded.right.type : 'undecodable' });
      if (observer === undefined) return handleWith(undefined);
      let conflicts = 0;
      const counting: CommandObserver = {
        ...observer,
        conflict: (e) => {
          conflicts += 1;
          observer.conflict?.(e);
        },
      };
      const run = () => handleWith(counting);
      const result = await (observer.run === undefined ? run() : observer.run(run));
      observer.done?.(outcomeOf(result, conflicts + 1));
      return result;
    };

  const handleDecoded = async (
    command: C,
    commandId: string | undefined,
    context: CommandContext,
    observer: CommandObserver | undefined,
  ): Promise<E.Either<HandleError, Handled<Ev, S>>> => {
    const encoded = plainJsonCopy(caseType.commands.codec.encode(command));
    const sentAs: SentAs | undefined = commandId === undefined || encoded === undefined ? undefined : { commandId, fingerprint: fingerprintOf(encoded) };
    const correlationId = context.correlationId ?? newId();
    const causationId = context.causationId ?? correlationId;

    const streamName = streamNameOf(caseType.category, command.caseId);
    let fresh = false;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      // The case as this handler last left it; else, first, as a new case without reading (the
      // append expecting no stream tells whether it was one: most commands on a case not in the
      // cache open it); else as the store holds it now.
      const remembered = fresh ? undefined : cache.get(streamName);
      const cached = remembered !== undefined;
      const guessedNew = !cached && !fresh;
      const loaded = cached ? E.right(remembered) : guessedNew ? E.right(undefined) : await read(command.caseId, streamName);
      if (E.isLeft(loaded)) return loaded;
      const known = loaded.right;
      const state = known?.state ?? caseType.initialState;
      const revision: bigint | 'no-stream' = known?.revision ?? 'no-stream';
      const lastEventAt = known?.lastEventAt;

      const recorded = sentAs === undefined ? undefined : known?.commands.get(sentAs.commandId);
      if (recorded !== undefined && sentAs !== undefined) {
        return recorded === sentAs.fingerprint
          ? firstOutcome(command.caseId, streamName, sentAs.commandId)
          : E.left(
              violation('T-7', 'COMMAND_ID_REUSED', 'This command id was used for another command on this case; send a new command with a new id.', {
                commandId: sentAs.commandId,
              }),
            );
      }

      const decided = decide(command, state, lastEventAt);
      // A refusal or a no-op is only as good as the state it was decided on: confirm it on a fresh read.
      if ((cached || guessedNew) && (E.isLeft(decided) || decided.right.length === 0)) {
        fresh = true;
        attempt -= 1;
        continue;
      }
      if (E.isLeft(decided)) return decided;
      if (decided.right.length === 0) return E.right({ streamName, state, revision, appended: [] });

      let next = revision === 'no-stream' ? 0n : revision + 1n;
      const stored: NewEvent[] = [];
      const appendedEvents: AppendedEvent<Ev>[] = [];
      for (const event of decided.right) {
        const serialised = toNewEvent(command, sentAs, correlationId, causationId, next, event);
        if (E.isLeft(serialised)) return serialised;
        stored.push(serialised.right.stored);
        appendedEvents.push(serialised.right.appended);
        next += 1n;
      }

      const expected: ExpectedRevision = revision;
      let appended = await store.appendToStream(streamName, stored, expected)();
      for (let resend = 1; E.isLeft(appended) && appended.left.retriable && resend <= transientRetries; resend++) {
        observer?.resend?.({ resend, code: appended.left.code });
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs * resend));
        appended = await store.appendToStream(streamName, stored, expected)();
      }
      if (E.isLeft(appended)) {
        cache.delete(streamName);
        if (appended.left.code === 'STREAM_REVISION_CONFLICT') {
          fresh = true;
          // The case existed after all: that guess costs no attempt (and was no other writer's doing).
          if (guessedNew) attempt -= 1;
          else observer?.conflict?.({ attempt, willRetry: attempt < maxAttempts });
          continue;
        }
        return appended;
      }

      // The events landed right after the expected revision; an answer that says otherwise (an
      // idempotent answer to a resend, after others wrote) means the case moved on: read it again.
      const lastWritten = next - 1n;
      if (appended.right.nextExpectedRevision !== lastWritten) {
        const now = await read(command.caseId, streamName);
        if (E.isLeft(now)) {
          cache.delete(streamName);
          return E.right({ streamName, state: decided.right.reduce(caseType.evolve, state), revision: lastWritten, appended: appendedEvents });
        }
        return E.right({
          streamName,
          state: now.right?.state ?? caseType.initialState,
          revision: now.right?.revision ?? lastWritten,
          appended: appendedEvents,
        });
      }
      const after = decided.right.reduce(caseType.evolve, state);
      const lastAt = decided.right[decided.right.length - 1]?.at ?? lastEventAt;
      const commands =
        sentAs === undefined ? (known?.commands ?? new Map<string, string>()) : new Map([...(known?.commands ?? []), [sentAs.commandId, sentAs.fingerprint]]);
      cache.set(streamName, { state: after, revision: lastWritten, lastEventAt: lastAt, commands });
      return E.right({ streamName, state: after, revision: lastWritten, appended: appendedEvents });
    }
    return E.left({
      _tag: 'ConcurrencyConflict',
      code: 'CONCURRENCY_CONFLICT',
      message: `Stream ${streamName} kept changing under this command; gave up after ${maxAttempts} attempts.`,
      streamName,
      attempts: maxAttempts,
    });
  };

  /** Forget every remembered state (e.g. after a customer was forgotten, T-10: states hold their text). */
  const clearCache = (): void => cache.clear();
  return Object.assign(handle, { clearCache });
};
