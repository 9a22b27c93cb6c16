/**
 * The pure parts of the adapter: expected revisions, events and errors between the port's terms
 * and the client's.
 */
import { type ExpectedRevision, type JsonObject, type NewEvent, type RecordedEvent, type StoreError, type StoreFailureCode, isJsonObject, revisionConflict } from '@caseledger/core';
import {
  type AppendStreamState,
  type EventData,
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type ResolvedEvent,
  jsonEvent,
} from '@kurrent/kurrentdb-client';

/** The port's expected revision as the client's `streamState`. */
export const toStreamState = (expected: ExpectedRevision): AppendStreamState =>
  expected === 'no-stream' ? NO_STREAM : expected === 'exists' ? STREAM_EXISTS : expected === 'any' ? ANY : expected;

/** Some client versions hand out revisions as `number`; the port always speaks `bigint`. */
export const toBigInt = (value: bigint | number | string | undefined): bigint | undefined =>
  value === undefined ? undefined : typeof value === 'bigint' ? value : BigInt(value);

/**
 * A new event as the client's JSON event. The event id is the one chosen when the event was
 * decided, so a retried append carries the same ids and the server's idempotence check writes
 * nothing twice.
 */
export const toEventData = (e: NewEvent): EventData => jsonEvent({ id: e.eventId, type: e.type, data: { ...e.data }, metadata: { ...e.metadata } });

export type RecordedMappingError = { readonly code: 'STORED_EVENT_NOT_JSON'; readonly message: string; readonly streamName: string; readonly revision: bigint };

/** A resolved event from a read, as the port's recorded event (`undefined` for a link without its event). */
export const fromResolved = (resolved: ResolvedEvent): RecordedEvent | RecordedMappingError | undefined => {
  const e = resolved.event;
  if (e === undefined) return undefined;
  const revision = toBigInt(e.revision) ?? 0n;
  const position = e.position ?? (resolved.commitPosition === undefined ? undefined : { commit: resolved.commitPosition, prepare: resolved.commitPosition });
  const data: unknown = e.data;
  const metadata: unknown = e.metadata ?? {};
  if (!isJsonObject(data) || !isJsonObject(metadata)) {
    return { code: 'STORED_EVENT_NOT_JSON', message: `Event ${e.type} at ${e.streamId}@${revision} is not a JSON object.`, streamName: e.streamId, revision };
  }
  return {
    eventId: e.id,
    type: e.type,
    data,
    metadata,
    streamName: e.streamId,
    revision,
    position: { commit: toBigInt(position?.commit) ?? 0n, prepare: toBigInt(position?.prepare) ?? 0n },
  };
};

const storeError = (code: StoreFailureCode, retriable: boolean, message: string): StoreError => ({
  _tag: 'StoreError',
  code,
  retriable,
  message,
});

const field = (u: object, key: string): unknown => (key in u ? Reflect.get(u, key) : undefined);

/**
 * Any failure of the client as the port's error. Command errors carry a `type`; a server that is
 * down may surface as a raw gRPC error (`code` 14) instead.
 */
export const toStoreError = (error: unknown, streamName: string, expected?: ExpectedRevision): StoreError => {
  if (typeof error !== 'object' || error === null) return storeError('STORE_FAILURE', false, 'Unknown EventStoreDB failure.');
  const type = field(error, 'type');
  const message = error instanceof Error ? error.message : 'EventStoreDB failure';
  switch (type) {
    case 'wrong-expected-version': {
      const actual = field(error, 'actualState');
      const actualRevision = typeof actual === 'bigint' || typeof actual === 'number' ? BigInt(actual) : 'no-stream';
      return revisionConflict(streamName, expected ?? 'any', actualRevision);
    }
    case 'stream-deleted':
    case 'stream-tombstoned':
      return { _tag: 'StoreError', code: 'STREAM_DELETED', retriable: false, streamName, message: `Stream ${streamName} was deleted.` };
    case 'access-denied':
      return storeError('STORE_ACCESS_DENIED', false, message);
    case 'not-leader':
      return storeError('STORE_NOT_LEADER', true, message);
    case 'unavailable':
      return storeError('STORE_UNAVAILABLE', true, message);
    case 'deadline-exceeded':
    case 'timeout':
      return storeError('STORE_DEADLINE_EXCEEDED', true, message);
    default: {
      const code = field(error, 'code');
      if (code === 14) return storeError('STORE_UNAVAILABLE', true, message);
      if (code === 4) return storeError('STORE_DEADLINE_EXCEEDED', true, message);
      return storeError('STORE_FAILURE', false, message);
    }
  }
};

export const isJsonData = (u: unknown): u is JsonObject => isJsonObject(u);
