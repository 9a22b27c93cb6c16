/**
 * The event store in memory: for tests, examples and the quick start. Appends are atomic; every
 * call yields first, so concurrent writers really interleave at each call as they would against a
 * server. It yields to the microtask queue: a turn of the event loop per call cost more than the
 * append itself (docs/benchmarks.md).
 */
import * as E from 'fp-ts/lib/Either.js';
import type { ExpectedRevision, GlobalPosition, NewEvent, RecordedEvent } from './event.js';
import { copyJson } from './json.js';
import { type AppendResult, type EventStore, type StoreError, type StreamRead, expectationHolds, revisionConflict } from './eventStore.js';

interface StreamEntry {
  readonly events: RecordedEvent[];
  /** Events before this revision are hidden by a delete. */
  deletedBefore: number;
  /**
   * The ids of the visible events, for idempotent appends. Built on the first append that needs it
   * (a retry whose expected revision no longer holds, or an `any`/`exists` append), then kept up to
   * date, so the common append pays neither a scan nor a set per stream.
   */
  eventIds: Set<string> | undefined;
}

const tick = (): Promise<void> => Promise.resolve();

const position = (n: bigint): GlobalPosition => ({ commit: n, prepare: n });

export interface InMemoryEventStore extends EventStore {
  /** Every event ever written, deleted streams included: what a byte-level inspection would see. */
  readonly allWritten: () => ReadonlyArray<RecordedEvent>;
}

export const inMemoryEventStore = (): InMemoryEventStore => {
  const streams = new Map<string, StreamEntry>();
  const log: RecordedEvent[] = [];

  const visible = (entry: StreamEntry | undefined): ReadonlyArray<RecordedEvent> => (entry === undefined ? [] : entry.events.slice(entry.deletedBefore));

  const actualRevision = (entry: StreamEntry | undefined): bigint | 'no-stream' =>
    entry === undefined || entry.events.length <= entry.deletedBefore ? 'no-stream' : BigInt(entry.events.length - 1);

  const idsOf = (entry: StreamEntry): Set<string> => {
    entry.eventIds ??= new Set(visible(entry).map((e) => e.eventId));
    return entry.eventIds;
  };

  /** The last event of the run of visible events that already carries these ids, in this order, where `expected` points. */
  const repeatedRun = (entry: StreamEntry, newEvents: ReadonlyArray<NewEvent>, expected: ExpectedRevision): RecordedEvent | undefined => {
    const first = newEvents[0];
    if (first === undefined || !idsOf(entry).has(first.eventId)) return undefined;
    const start =
      expected === 'no-stream'
        ? entry.deletedBefore
        : typeof expected === 'bigint'
          ? Number(expected) + 1
          : entry.events.findIndex((e, i) => i >= entry.deletedBefore && e.eventId === first.eventId);
    if (start < entry.deletedBefore || start + newEvents.length > entry.events.length) return undefined;
    return newEvents.every((e, i) => entry.events[start + i]?.eventId === e.eventId) ? entry.events[start + newEvents.length - 1] : undefined;
  };

  const isVisible = (e: RecordedEvent): boolean => {
    const entry = streams.get(e.streamName);
    return entry !== undefined && Number(e.revision) >= entry.deletedBefore;
  };

  return {
    readStream: (streamName) => async () => {
      await tick();
      const events = visible(streams.get(streamName));
      const last = events[events.length - 1];
      const read: StreamRead = last === undefined ? { kind: 'no-stream' } : { kind: 'stream', revision: last.revision, events: [...events] };
      return E.right(read);
    },

    appendToStream: (streamName, newEvents: ReadonlyArray<NewEvent>, expected) => async (): Promise<E.Either<StoreError, AppendResult>> => {
      await tick();
      const entry = streams.get(streamName);
      const actual = actualRevision(entry);
      // As EventStoreDB: a soft-deleted stream takes an append expecting no stream, or its last deleted revision.
      const lastDeleted = entry !== undefined && actual === 'no-stream' && entry.events.length > 0 ? BigInt(entry.events.length - 1) : undefined;
      const holds = expectationHolds(expected, actual) || (lastDeleted !== undefined && expected === lastDeleted);
      // Idempotent appends, as EventStoreDB: the same ids already sit, in order, in the slots the
      // expectation points at (for any/exists: anywhere); the answer is the revision and position
      // they were written at. An append at the exact revision it expected is new by definition.
      if (entry !== undefined && newEvents.length > 0 && (!holds || expected === 'any' || expected === 'exists')) {
        const repeated = repeatedRun(entry, newEvents, expected);
        if (repeated !== undefined) return E.right({ nextExpectedRevision: repeated.revision, position: repeated.position });
      }
      if (!holds) return E.left(revisionConflict(streamName, expected, actual));
      const target: StreamEntry = entry ?? { events: [], deletedBefore: 0, eventIds: undefined };
      if (entry === undefined && newEvents.length > 0) streams.set(streamName, target);
      let lastPosition: GlobalPosition | undefined;
      for (const e of newEvents) {
        lastPosition = position(BigInt(log.length));
        const recorded: RecordedEvent = {
          eventId: e.eventId,
          type: e.type,
          data: copyJson(e.data),
          metadata: copyJson(e.metadata),
          streamName,
          revision: BigInt(target.events.length),
          position: lastPosition,
        };
        target.events.push(recorded);
        target.eventIds?.add(e.eventId);
        log.push(recorded);
      }
      const nextExpectedRevision = BigInt(target.events.length - 1);
      return E.right(lastPosition === undefined ? { nextExpectedRevision } : { nextExpectedRevision, position: lastPosition });
    },

    readAll:
      (options = {}) =>
      async () => {
        await tick();
        const { after, maxCount } = options;
        // Positions here are indexes into the log, so a page starts right after `after`.
        const start = after === undefined ? 0 : Number(after.commit) + 1;
        const out: RecordedEvent[] = [];
        for (let i = Math.max(0, start); i < log.length && (maxCount === undefined || out.length < maxCount); i++) {
          const e = log[i];
          if (e !== undefined && isVisible(e)) out.push(e);
        }
        return E.right<StoreError, ReadonlyArray<RecordedEvent>>(out);
      },

    deleteStream: (streamName, expected) => async () => {
      await tick();
      const entry = streams.get(streamName);
      const actual = actualRevision(entry);
      // As EventStoreDB: a stream never written cannot be deleted, whatever was expected; a deleted
      // one can be deleted again expecting any or its last revision.
      const last = entry === undefined || entry.events.length === 0 ? undefined : BigInt(entry.events.length - 1);
      const allowed = last !== undefined && (actual === 'no-stream' ? expected === 'any' || expected === last : expectationHolds(expected, actual));
      if (!allowed) return E.left(revisionConflict(streamName, expected, actual));
      if (entry !== undefined) {
        entry.deletedBefore = entry.events.length;
        entry.eventIds = undefined;
      }
      return E.right(undefined);
    },

    allWritten: () => [...log],
  };
};
