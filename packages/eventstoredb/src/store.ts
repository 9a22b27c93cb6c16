/**
 * The EventStore port on EventStoreDB/KurrentDB through `@kurrent/kurrentdb-client`. One client per
 * process; dispose it on shutdown. Case streams are never given `maxAge`, `maxCount` or
 * `truncateBefore`: the server hides expired events from reads at once, which would break the
 * retention promise (T-9); deletion goes through `deleteCase` in the core.
 */
import {
  type AppendResult,
  type EventStore,
  type GlobalPosition,
  type NewEvent,
  type RecordedEvent,
  type StoreError,
  type StreamRead,
  revisionConflict,
} from '@caseledger/core';
import { ANY, BACKWARDS, END, KurrentDBClient, NO_STREAM } from '@kurrent/kurrentdb-client';
import * as E from 'fp-ts/lib/Either.js';
import { channelReader } from './channelRead.js';
import { clientReader } from './clientRead.js';
import { isSystemEvent, truncations } from './truncations.js';
import { serverOf, toBigInt, toEventData, toStoreError, toStreamState } from './mapping.js';

export interface EventStoreDbStore extends EventStore {
  /** The client underneath, e.g. for `subscribeToCases`. */
  readonly client: KurrentDBClient;
  /** Close the client's connections. */
  readonly dispose: () => Promise<void>;
  /** How messages name the server: the connection string without credentials, when the store was connected from one. */
  readonly server?: string;
}

const notJson = (message: string): StoreError => ({ _tag: 'StoreError', code: 'STORE_FAILURE', retriable: false, message });

const isStreamNotFound = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'type' in error && (error.type === 'stream-not-found' || error.type === 'no-stream');

export interface EventStoreDbOptions {
  /**
   * The server's largest append, in bytes of event data and metadata: larger appends are refused
   * before they are sent (`APPEND_TOO_LARGE`). Default 1 MiB, EventStoreDB's `MaxAppendSize` up to
   * 25.0; KurrentDB 25.1 and later take more (raise it to what your server is configured for).
   */
  readonly maxAppendBytes?: number;
  /** How messages name the server (`connectEventStoreDb` passes its connection string without credentials). */
  readonly server?: string;
  /**
   * How reads reach the server: `channel` (default) over the client's gRPC channel, which answers a
   * loopback read in about 2 ms and follows a new leader; `client` through the client's public read
   * API (its native bridge), for comparison or if a client version breaks the channel path.
   */
  readonly reads?: 'channel' | 'client';
}

export const DEFAULT_MAX_APPEND_BYTES = 1024 * 1024;

/** What an append weighs for the server's limit: the bytes of its events' data and metadata. */
const appendBytes = (events: ReadonlyArray<NewEvent>): number =>
  events.reduce((n, e) => n + Buffer.byteLength(JSON.stringify(e.data), 'utf8') + Buffer.byteLength(JSON.stringify(e.metadata), 'utf8'), 0);

const tooLarge = (streamName: string, bytes: number, limit: number): StoreError => ({
  _tag: 'StoreError',
  code: 'APPEND_TOO_LARGE',
  retriable: false,
  streamName,
  bytes,
  limit,
  message: `Appending to ${streamName}: ${bytes} bytes of event data and metadata, over the server's limit of ${limit} bytes per append; nothing was written. Keep documents out of events (store a reference), or raise the server's MaxAppendSize and the adapter's maxAppendBytes together.`,
});

const maxAppendSizeOf = (error: unknown): number | undefined => {
  if (typeof error !== 'object' || error === null || !('type' in error) || error.type !== 'maximum-append-size-exceeded') return undefined;
  const size: unknown = 'maxAppendSize' in error ? error.maxAppendSize : undefined;
  return typeof size === 'number' ? size : -1;
};

/** The store on an existing client (`KurrentDBClient.connectionString('kurrentdb://…')`). */
export const eventStoreDbStore = (client: KurrentDBClient, settings: EventStoreDbOptions = {}): EventStoreDbStore => {
  const serverName = settings.server === undefined ? {} : { server: settings.server };
  const reader = settings.reads === 'client' ? clientReader(client) : (channelReader(client) ?? clientReader(client));
  const deletes = truncations(reader);
  /** Whether the server answers a read at all (the first event of $all). */
  const serverAnswers = async (): Promise<boolean> => {
    try {
      for await (const _ of reader.read({ kind: 'all', maxCount: 1 })) break;
      return true;
    } catch {
      return false;
    }
  };
  return {
    readStream: (streamName) => async () => {
      const events: RecordedEvent[] = [];
      try {
        for await (const item of reader.read({ kind: 'stream', streamName })) {
          if ('code' in item) {
            if (item.code === 'STREAM_NOT_FOUND') return E.right<StoreError, StreamRead>({ kind: 'no-stream' });
            return E.left(notJson(item.message));
          }
          events.push(item);
        }
      } catch (error) {
        if (isStreamNotFound(error)) return E.right<StoreError, StreamRead>({ kind: 'no-stream' });
        return E.left(toStoreError(error, streamName, undefined, { operation: `Reading stream ${streamName}`, ...serverName }));
      }
      const last = events[events.length - 1];
      return E.right(last === undefined ? { kind: 'no-stream' } : { kind: 'stream', revision: last.revision, events });
    },

    appendToStream: (streamName, newEvents, expected) => async () => {
      const limit = settings.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES;
      const bytes = appendBytes(newEvents);
      if (bytes > limit) return E.left(tooLarge(streamName, bytes, limit));
      try {
        const result = await client.appendToStream(streamName, newEvents.map(toEventData), { streamState: toStreamState(expected) });
        const next = toBigInt(result.nextExpectedRevision) ?? -1n;
        const appended: AppendResult =
          result.position === undefined
            ? { nextExpectedRevision: next }
            : { nextExpectedRevision: next, position: { commit: toBigInt(result.position.commit) ?? 0n, prepare: toBigInt(result.position.prepare) ?? 0n } };
        return E.right(appended);
      } catch (error) {
        const serverLimit = maxAppendSizeOf(error);
        if (serverLimit !== undefined) return E.left(tooLarge(streamName, bytes, serverLimit < 0 ? limit : serverLimit));
        return E.left(toStoreError(error, streamName, expected, { operation: `Appending ${newEvents.length} event(s) to ${streamName}`, ...serverName }));
      }
    },

    readAll:
      (options = {}) =>
      async () => {
        const out: RecordedEvent[] = [];
        const after = options.after;
        try {
          await deletes.catchUp();
          // A page counts the events it lists; the metadata events and hidden events it also reads do not.
          let position = after;
          for (let full = false; !full;) {
            let read = 0;
            const wanted = options.maxCount === undefined ? undefined : options.maxCount - out.length;
            for await (const item of reader.read({
              kind: 'all',
              ...(position === undefined ? {} : { after: position }),
              ...(wanted === undefined ? {} : { maxCount: wanted }),
            })) {
              if ('code' in item) {
                if (item.code === 'STREAM_NOT_FOUND') continue;
                return E.left(notJson(item.message));
              }
              if (position !== undefined && samePosition(item.position, position)) continue;
              read += 1;
              position = item.position;
              deletes.learn(item);
              if (isSystemEvent(item) || deletes.hides(item)) continue;
              out.push(item);
              if (options.maxCount !== undefined && out.length >= options.maxCount) break;
            }
            full = wanted === undefined || out.length >= (options.maxCount ?? 0) || read < wanted;
          }
        } catch (error) {
          const attempt = {
            operation: after === undefined ? 'Reading $all from the start' : `Reading $all after position ${after.commit}/${after.prepare}`,
            ...serverName,
          };
          const failed = toStoreError(error, '$all', undefined, attempt);
          // The server answers a read from a position that is no event's with a bare failure (over the
          // client's bridge: as if it were down): ask it whether it answers at all.
          if ((failed.code === 'STORE_UNAVAILABLE' || failed.code === 'STORE_FAILURE') && after !== undefined && (await serverAnswers())) {
            return E.left({
              _tag: 'StoreError',
              code: 'STORE_POSITION_INVALID',
              retriable: false,
              message: `${attempt.operation} on ${settings.server ?? 'the EventStoreDB server'}: the server is up but refuses to read from there; the position is not an event's (a checkpoint from another store, or altered). Start from a position the store gave, or rebuild from the start.`,
            });
          }
          return E.left(failed);
        }
        return E.right(out);
      },

    deleteStream: (streamName, expected) => async () => {
      try {
        // Deletion takes no "stream exists" expectation: check it by reading the last event.
        if (expected === 'exists') {
          const last = client.readStream(streamName, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
          try {
            for await (const _ of last) break;
          } catch (error) {
            if (isStreamNotFound(error)) return E.left(revisionConflict(streamName, expected, 'no-stream'));
            throw error;
          }
        }
        await client.deleteStream(streamName, {
          expectedRevision: expected === 'exists' || expected === 'any' ? ANY : expected === 'no-stream' ? NO_STREAM : expected,
        });
        return E.right(undefined);
      } catch (error) {
        return E.left(toStoreError(error, streamName, expected, { operation: `Deleting stream ${streamName}`, ...serverName }));
      }
    },

    client,
    dispose: () => client.dispose(),
    ...serverName,
  };
};

const samePosition = (a: GlobalPosition, b: GlobalPosition): boolean => a.commit === b.commit && a.prepare === b.prepare;

/**
 * A `+discover` connection string that names several hosts, as one without `+discover`: the client
 * then takes every host as a gossip seed. With `+discover` it asks the first host alone (DNS
 * discovery of one name) and, while that host is down, fails every call. One host stays as given:
 * a DNS name that resolves to the cluster's nodes is what `+discover` is for.
 */
export const withGossipSeeds = (connectionString: string): string => {
  const m = /^([a-z]+)\+discover:\/\/((?:[^@/?]*@)?)([^/?]*)(.*)$/i.exec(connectionString);
  if (m === null) return connectionString;
  const [, scheme = '', userinfo = '', hosts = '', rest = ''] = m;
  return hosts.includes(',') ? `${scheme}://${userinfo}${hosts}${rest}` : connectionString;
};

/** Connect with a connection string: `kurrentdb://host:2113?tls=false`, `esdb://…`, or a cluster's `kurrentdb://h1,h2,h3` (gossip seeds; `+discover` with several hosts is read so too). */
export const connectEventStoreDb = (connectionString: string, options: EventStoreDbOptions = {}): EventStoreDbStore =>
  eventStoreDbStore(KurrentDBClient.connectionString(withGossipSeeds(connectionString)), { server: serverOf(connectionString), ...options });
