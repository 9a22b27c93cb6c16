/**
 * One registry of case types (category → case type), and a case's history read through it. The
 * audit, exports and tools handle every case type through the registry, never through a `switch`
 * on categories: a new case type plugs in by being registered.
 */
import { showableText } from './quoting.js';
import * as E from 'fp-ts/lib/Either.js';
import { type CaseType, type CommandBase, type EventBase, type EventDecodeError, type EventEnvelope, decodeRecorded, splitStreamName } from './caseType.js';
import { CaseId } from './codecs.js';
import type { RecordedEvent } from './event.js';

/** Something to do with a case type whatever its commands, events and state. */
export type WithCaseType<R> = <C extends CommandBase, Ev extends EventBase, S>(caseType: CaseType<C, Ev, S>) => R;

/** A case type in a registry: its category, and the case type itself for a function that works with any. */
export interface RegisteredCaseType {
  readonly category: string;
  readonly use: <R>(f: WithCaseType<R>) => R;
}

export const registered = <C extends CommandBase, Ev extends EventBase, S>(caseType: CaseType<C, Ev, S>): RegisteredCaseType => ({
  category: caseType.category,
  use: (f) => f(caseType),
});

export interface CaseTypeRegistry {
  readonly entries: ReadonlyArray<RegisteredCaseType>;
  readonly categories: ReadonlyArray<string>;
  readonly find: (category: string) => RegisteredCaseType | undefined;
}

export type RegistryError =
  | { readonly code: 'CASE_CATEGORY_DUPLICATE'; readonly message: string; readonly category: string }
  | { readonly code: 'CASE_CATEGORY_INVALID'; readonly message: string; readonly category: string };

/** A registry of case types; two with one category, or a category with a `-` or nothing in it, is refused. */
export const makeRegistry = (entries: ReadonlyArray<RegisteredCaseType>): E.Either<RegistryError, CaseTypeRegistry> => {
  const byCategory = new Map<string, RegisteredCaseType>();
  for (const entry of entries) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(entry.category)) {
      return E.left({
        code: 'CASE_CATEGORY_INVALID',
        message: `Case category "${entry.category}" must be letters and digits (streams are named <category>-<case id>).`,
        category: entry.category,
      });
    }
    if (byCategory.has(entry.category)) {
      return E.left({ code: 'CASE_CATEGORY_DUPLICATE', message: `Two case types have the category "${entry.category}".`, category: entry.category });
    }
    byCategory.set(entry.category, entry);
  }
  return E.right({ entries, categories: [...byCategory.keys()], find: (category) => byCategory.get(category) });
};

/** Something to do with a case's decoded history whatever its case type. */
export type WithCaseHistory<R> = <C extends CommandBase, Ev extends EventBase, S>(
  caseType: CaseType<C, Ev, S>,
  envelopes: ReadonlyArray<EventEnvelope<Ev>>,
) => R;

/** A case's decoded history, with the case type that reads it. */
export interface CaseHistory {
  readonly streamName: string;
  readonly category: string;
  readonly caseId: CaseId;
  /** How many events it has. */
  readonly length: number;
  readonly use: <R>(f: WithCaseHistory<R>) => R;
}

/** A case history from envelopes already decoded by their case type. */
export const caseHistory = <C extends CommandBase, Ev extends EventBase, S>(
  caseType: CaseType<C, Ev, S>,
  caseId: CaseId,
  streamName: string,
  envelopes: ReadonlyArray<EventEnvelope<Ev>>,
): CaseHistory => ({
  streamName,
  category: caseType.category,
  caseId,
  length: envelopes.length,
  use: (f) => f(caseType, envelopes),
});

export type CaseReadError = EventDecodeError | { readonly code: 'UNKNOWN_CASE_CATEGORY'; readonly message: string; readonly streamName: string };

/** Is this stream a case of a registered type? Other streams (system streams, other apps' streams) are not. */
export const isCaseStream = (registry: CaseTypeRegistry, streamName: string): boolean => {
  const { category, caseId } = splitStreamName(streamName);
  return registry.find(category) !== undefined && CaseId.is(caseId);
};

/** Decode a stream's recorded events into the history of a case of its category. */
export const readCaseHistory =
  (registry: CaseTypeRegistry) =>
  (streamName: string, recorded: ReadonlyArray<RecordedEvent>): E.Either<CaseReadError, CaseHistory> => {
    const { category, caseId } = splitStreamName(streamName);
    const entry = registry.find(category);
    if (entry === undefined || !CaseId.is(caseId)) {
      return E.left({
        code: 'UNKNOWN_CASE_CATEGORY',
        message: `Stream ${showableText(streamName)} is not the stream of a case of a registered type (${registry.categories.join(', ')}).`,
        streamName: showableText(streamName),
      });
    }
    return entry.use((caseType) => {
      const decode = decodeRecorded(caseType);
      const envelopes = [];
      for (const r of recorded) {
        const d = decode(r);
        if (E.isLeft(d)) return d;
        envelopes.push(d.right);
      }
      return E.right(caseHistory(caseType, caseId, streamName, envelopes));
    });
  };
