/**
 * The pure parts of the adapter: expected revisions, events and errors between the port's terms
 * and the client's.
 */
import {
  type ExpectedRevision,
  type JsonObject,
  type NewEvent,
  type RecordedEvent,
  type StoreError,
  type StoreFailureCode,
  isJsonObject,
  revisionConflict,
} from '@caseledger/core';
import { type AppendStreamState, type EventData, ANY, NO_STREAM, STREAM_EXISTS, type ResolvedEvent, jsonEvent } from '@kurrent/kurrentdb-client';

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
  // A tombstone ($streamDeleted) carries no data at all.
  const data: unknown = e.type === '$streamDeleted' && e.data instanceof Uint8Array && e.data.length === 0 ? {} : e.data;
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

/** What was attempted, against which server: the start of every error message. */
export interface Attempt {
  /** E.g. `Reading stream complaint-C1`, `Appending to complaint-C1`. */
  readonly operation: string;
  /** The server as the connection string names it, without credentials. Default: "the EventStoreDB server". */
  readonly server?: string;
}

/**
 * Any failure of the client as the port's error, with a message that says what was attempted, on
 * which server, and what to do. Command errors carry a `type`; a server that is down may surface
 * as a raw gRPC error (`code` 14) instead.
 */
export const toStoreError = (
  error: unknown,
  streamName: string,
  expected?: ExpectedRevision,
  attempt: Attempt = { operation: `Using stream ${streamName}` },
): StoreError => {
  const server = attempt.server ?? 'the EventStoreDB server';
  const doing = `${attempt.operation} on ${server}`;
  if (typeof error !== 'object' || error === null) return storeError('STORE_FAILURE', false, `${doing}: an unknown failure; it is not retried.`);
  const type = field(error, 'type');
  const said = error instanceof Error && error.message !== '' ? error.message : typeof type === 'string' ? type : 'no details';
  switch (type) {
    case 'wrong-expected-version': {
      const actual = field(error, 'actualState');
      // The server reports a stream that does not exist as revision -1 on delete.
      const actualRevision = (typeof actual === 'bigint' || typeof actual === 'number') && BigInt(actual) >= 0n ? BigInt(actual) : 'no-stream';
      return revisionConflict(streamName, expected ?? 'any', actualRevision);
    }
    case 'stream-deleted':
    case 'stream-tombstoned':
      return {
        _tag: 'StoreError',
        code: 'STREAM_DELETED',
        retriable: false,
        streamName,
        message: `${doing}: the stream was ${type === 'stream-tombstoned' ? 'hard-deleted (tombstoned); it can never be written again' : 'deleted'}.`,
      };
    case 'access-denied':
      return storeError(
        'STORE_ACCESS_DENIED',
        false,
        `${doing}: access denied (${said}). Check the user and password of the connection string and the stream's access list.`,
      );
    case 'not-leader':
      return storeError('STORE_NOT_LEADER', true, `${doing}: this node is not the leader (${said}); the client reconnects to the leader, so retry.`);
    case 'unavailable':
      return storeError(
        'STORE_UNAVAILABLE',
        true,
        `${doing}: the server did not answer (${said}). Check that it runs and is reachable from here; the operation can be retried.`,
      );
    case 'deadline-exceeded':
    case 'timeout':
      return storeError('STORE_DEADLINE_EXCEEDED', true, `${doing}: no answer in time (${said}); retry, or allow a longer deadline.`);
    default: {
      // A node that is starting or between leaders answers a batch append with a bare status the
      // client cannot name ("Could not recognize Server Is Not Ready"): it passes, so retry.
      if (/server is not ready/i.test(said))
        return storeError('STORE_UNAVAILABLE', true, `${doing}: the node is not ready (starting, or a leader is being elected); retry in a moment.`);
      // Gossip found no node to talk to (all down, or the one seed asked is down): the cluster may be back in a moment.
      if (/failed to discover/i.test(said))
        return storeError(
          'STORE_UNAVAILABLE',
          true,
          `${doing}: no node of the cluster could be found (${said}); retry in a moment, and give several hosts so discovery has more than one seed.`,
        );
      const code = field(error, 'code');
      if (code === 14)
        return storeError(
          'STORE_UNAVAILABLE',
          true,
          `${doing}: the server did not answer (${said}). Check that it runs and is reachable from here; the operation can be retried.`,
        );
      if (code === 4) return storeError('STORE_DEADLINE_EXCEEDED', true, `${doing}: no answer in time (${said}); retry, or allow a longer deadline.`);
      return storeError('STORE_FAILURE', false, `${doing}: the server failed (${typeof type === 'string' ? `${type}: ` : ''}${said}); it is not retried.`);
    }
  }
};

/** A connection string without its user and password, to name the server in messages. */
export const serverOf = (connectionString: string): string => connectionString.replace(/^([a-z+]+:\/\/)[^@/]*@/i, '$1');

export const isJsonData = (u: unknown): u is JsonObject => isJsonObject(u);
