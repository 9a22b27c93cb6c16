/**
 * Stored events decoded through a registry of case types: each by the case type of its stream's
 * category, with that type's upcasters. A read model that folds over the registry takes every
 * case type, the built-in ones and an app's own, alike.
 */
import {
  type CaseTypeRegistry,
  type EventBase,
  type EventDecodeError,
  type EventEnvelope,
  type RecordedEvent,
  type TaggedUnion,
  caseTypes,
  decodeRecorded,
  showableText,
  splitStreamName,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';

/** A decoded event of a case of a registered type. */
export interface KnownEvent {
  readonly category: string;
  readonly caseId: string;
  readonly envelope: EventEnvelope<EventBase>;
}

/** A stream that looks like a case (`<category>-<id>`) of a category no registered case type owns. */
export interface UnknownCaseCategory {
  readonly code: 'UNKNOWN_CASE_CATEGORY';
  readonly message: string;
  readonly streamName: string;
}

export type KnownEventProblem = EventDecodeError | UnknownCaseCategory;

/** Streams the event store keeps for itself (`$`-prefixed) are nobody's cases. */
const isSystemStream = (streamName: string): boolean => streamName.startsWith('$');

/** The decoder of each registered category, made once per registry. */
const decoders = new WeakMap<CaseTypeRegistry, ReadonlyMap<string, (recorded: RecordedEvent) => E.Either<EventDecodeError, EventEnvelope<EventBase>>>>();
const decoderOf = (registry: CaseTypeRegistry, category: string) => {
  let known = decoders.get(registry);
  if (known === undefined) {
    known = new Map(registry.entries.map((entry) => [entry.category, entry.use((caseType) => decodeRecorded(caseType))]));
    decoders.set(registry, known);
  }
  return known.get(category);
};

/**
 * Decode a stored event by the case type of its stream's category (the built-in case types unless
 * a registry is given). `undefined` for a system stream; a stream of a category no case type owns
 * is `UNKNOWN_CASE_CATEGORY`, so a read model parks it and says so rather than skip it unseen.
 */
export const decodeKnownEvent = (recorded: RecordedEvent, registry: CaseTypeRegistry = caseTypes): E.Either<KnownEventProblem, KnownEvent> | undefined => {
  if (isSystemStream(recorded.streamName)) return undefined;
  const { category, caseId } = splitStreamName(recorded.streamName);
  const decode = decoderOf(registry, category);
  if (decode === undefined) {
    return E.left({
      code: 'UNKNOWN_CASE_CATEGORY',
      message: `Stream ${showableText(recorded.streamName)} is not the stream of a case of a registered type (${registry.categories.join(', ')}).`,
      streamName: showableText(recorded.streamName),
    });
  }
  return E.map((envelope: EventEnvelope<EventBase>): KnownEvent => ({ category, caseId, envelope }))(decode(recorded));
};

/**
 * The event of a case type, typed, when a known event is one of its own: what a read model of one
 * case type (the complaint statistics, the satisfaction rates) folds.
 */
export const eventOf =
  <Ev extends EventBase>(caseType: { readonly category: string; readonly events: TaggedUnion<Ev> }) =>
  (e: KnownEvent): Ev | undefined => {
    const event = e.envelope.event;
    return e.category === caseType.category && caseType.events.codec.is(event) ? event : undefined;
  };
