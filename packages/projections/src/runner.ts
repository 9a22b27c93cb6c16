/**
 * Feeds a projection from an event source in global order, in batches, and stores the read model
 * with its checkpoint after each batch, so a crash neither skips nor double-counts an event.
 */
import { type EventStore, type GlobalPosition, type RecordedEvent, type StoreError, compareGlobalPositions } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { type KnownEvent, decodeKnownEvent } from './knownEvents.js';
import { type Projection, applyEvents, handlesEvent } from './projection.js';
import type { ParkedEvent, ReadModelStore, ReadModelStoreError, StoredProjection } from './readModelStore.js';

export interface RunOptions<ReadModel> {
  readonly source: Pick<EventStore, 'readAll'>;
  readonly store: ReadModelStore<ReadModel>;
  readonly projection: Projection<ReadModel>;
  /** Events read and folded per batch (one store write per batch). Default 500. */
  readonly batchSize?: number;
  /** An undecodable event: `park` records it and goes on (default), `stop` ends the run with an error. */
  readonly onUndecodable?: 'park' | 'stop';
  /** Stop after this many batches (for tests that cut a run short). Default: until caught up. */
  readonly maxBatches?: number;
  /**
   * Start again from the first event whatever is stored, e.g. after a customer was forgotten (T-10),
   * so the read model no longer holds text it was given before. Default false.
   */
  readonly rebuild?: boolean;
}

export interface RunReport {
  readonly batches: number;
  readonly eventsRead: number;
  readonly eventsApplied: number;
  readonly parked: number;
  readonly rebuilt: boolean;
  readonly checkpoint?: GlobalPosition;
}

export interface UndecodableEventError {
  readonly _tag: 'UndecodableEventError';
  readonly code: 'PROJECTION_STOPPED_ON_UNDECODABLE_EVENT';
  readonly message: string;
  readonly event: ParkedEvent;
}

export type RunError = StoreError | ReadModelStoreError | UndecodableEventError;

type Classified =
  | { readonly kind: 'skipped' }
  | { readonly kind: 'handled'; readonly event: KnownEvent }
  | { readonly kind: 'undecodable'; readonly entry: ParkedEvent; readonly message: string };

/**
 * One stored event against a projection: skipped (not a known case, or a type it does not handle —
 * not even decoded, so only what a projection handles can stop it), handled, or undecodable.
 */
const classify = <ReadModel>(projection: Projection<ReadModel>, recorded: RecordedEvent): Classified => {
  if (!projection.handles.has(recorded.type)) return { kind: 'skipped' };
  const decoded = decodeKnownEvent(recorded);
  if (decoded === undefined) return { kind: 'skipped' };
  if (E.isLeft(decoded)) {
    return {
      kind: 'undecodable',
      message: decoded.left.message,
      entry: { streamName: recorded.streamName, revision: recorded.revision.toString(), eventType: recorded.type, error: decoded.left.message },
    };
  }
  return handlesEvent(projection, decoded.right) ? { kind: 'handled', event: decoded.right } : { kind: 'skipped' };
};

const stoppedOn = (folded: { readonly entry: ParkedEvent; readonly message: string }): UndecodableEventError => ({
  _tag: 'UndecodableEventError',
  code: 'PROJECTION_STOPPED_ON_UNDECODABLE_EVENT',
  message: folded.message,
  event: folded.entry,
});

/** The stored projection to continue from, or a fresh one when there is none or its version changed. */
const startingPoint = <ReadModel>(projection: Projection<ReadModel>, stored: StoredProjection<ReadModel> | undefined, rebuild = false) => {
  const rebuilt = stored !== undefined && (rebuild || stored.version !== projection.version);
  const current: StoredProjection<ReadModel> = stored === undefined || rebuilt ? { version: projection.version, readModel: projection.initial, parked: [] } : stored;
  return { rebuilt, current };
};

export const runProjection =
  <ReadModel>(options: RunOptions<ReadModel>): TE.TaskEither<RunError, RunReport> =>
  async () => {
    const { source, store, projection } = options;
    const batchSize = Math.max(1, options.batchSize ?? 500);
    const loaded = await store.load(projection.name)();
    if (E.isLeft(loaded)) return loaded;
    // A changed version rebuilds from the first event.
    const start = startingPoint(projection, loaded.right, options.rebuild);
    const rebuilt = start.rebuilt;
    let current = start.current;
    let batches = 0;
    let eventsRead = 0;
    let eventsApplied = 0;
    let parkedNow = 0;

    while (options.maxBatches === undefined || batches < options.maxBatches) {
      const page = await source.readAll(current.checkpoint === undefined ? { maxCount: batchSize } : { after: current.checkpoint, maxCount: batchSize })();
      if (E.isLeft(page)) return page;
      const last = page.right[page.right.length - 1];
      if (last === undefined) break;
      const parked = [...current.parked];
      const handled: KnownEvent[] = [];
      for (const recorded of page.right) {
        eventsRead += 1;
        const classified = classify(projection, recorded);
        if (classified.kind === 'undecodable') {
          if (options.onUndecodable === 'stop') return E.left(stoppedOn(classified));
          parked.push(classified.entry);
          parkedNow += 1;
        } else if (classified.kind === 'handled') {
          handled.push(classified.event);
        }
      }
      eventsApplied += handled.length;
      current = { version: projection.version, readModel: applyEvents(projection, current.readModel, handled), checkpoint: last.position, parked };
      const saved = await store.save(projection.name, current)();
      if (E.isLeft(saved)) return saved;
      batches += 1;
      if (page.right.length < batchSize) break;
    }
    // A rebuild of an empty source still records the new version.
    if (batches === 0 && (loaded.right === undefined || rebuilt)) {
      const saved = await store.save(projection.name, current)();
      if (E.isLeft(saved)) return saved;
    }
    return E.right({
      batches,
      eventsRead,
      eventsApplied,
      parked: parkedNow,
      rebuilt,
      ...(current.checkpoint === undefined ? {} : { checkpoint: current.checkpoint }),
    });
  };

export interface LiveRunOptions<ReadModel> {
  /** Events in global order, e.g. `subscribeToCases(client, { after: checkpoint })` from @caseledger/eventstoredb. */
  readonly events: AsyncIterable<RecordedEvent>;
  readonly store: ReadModelStore<ReadModel>;
  readonly projection: Projection<ReadModel>;
  /** Events folded before each write of read model and checkpoint. Default 100. */
  readonly batchSize?: number;
  readonly onUndecodable?: 'park' | 'stop';
}

/** Where a live run should start: after the stored checkpoint (or from the beginning for a new or rebuilt projection). */
export const liveStartPosition =
  <ReadModel>(store: ReadModelStore<ReadModel>, projection: Projection<ReadModel>): TE.TaskEither<ReadModelStoreError, GlobalPosition | undefined> =>
  async () => {
    const loaded = await store.load(projection.name)();
    if (E.isLeft(loaded)) return loaded;
    return E.right(loaded.right === undefined || loaded.right.version !== projection.version ? undefined : loaded.right.checkpoint);
  };

/**
 * Fold a live stream of events (a subscription) into a projection, writing read model and
 * checkpoint together after every batch. Events at or before the stored checkpoint are skipped, so
 * a subscription restarted from an older position counts nothing twice. Ends when the events end.
 */
export const runProjectionLive =
  <ReadModel>(options: LiveRunOptions<ReadModel>): TE.TaskEither<RunError, RunReport> =>
  async () => {
    const { store, projection } = options;
    const batchSize = Math.max(1, options.batchSize ?? 100);
    const loaded = await store.load(projection.name)();
    if (E.isLeft(loaded)) return loaded;
    const start = startingPoint(projection, loaded.right);
    const rebuilt = start.rebuilt;
    let current = start.current;
    let pending = 0;
    let batches = 0;
    let eventsRead = 0;
    let eventsApplied = 0;
    let parkedNow = 0;
    const flush = async (): Promise<E.Either<ReadModelStoreError, void>> => {
      if (pending === 0) return E.right(undefined);
      const saved = await store.save(projection.name, current)();
      if (E.isRight(saved)) {
        batches += 1;
        pending = 0;
      }
      return saved;
    };
    for await (const recorded of options.events) {
      if (current.checkpoint !== undefined && compareGlobalPositions(recorded.position, current.checkpoint) <= 0) continue;
      eventsRead += 1;
      let readModel = current.readModel;
      let parked = current.parked;
      const classified = classify(projection, recorded);
      if (classified.kind === 'undecodable') {
        if (options.onUndecodable === 'stop') {
          const saved = await flush();
          if (E.isLeft(saved)) return saved;
          return E.left(stoppedOn(classified));
        }
        parked = [...parked, classified.entry];
        parkedNow += 1;
      } else if (classified.kind === 'handled') {
        readModel = projection.apply(readModel, classified.event);
        eventsApplied += 1;
      }
      current = { version: projection.version, readModel, checkpoint: recorded.position, parked };
      pending += 1;
      if (pending >= batchSize) {
        const saved = await flush();
        if (E.isLeft(saved)) return saved;
      }
    }
    const saved = await flush();
    if (E.isLeft(saved)) return saved;
    return E.right({ batches, eventsRead, eventsApplied, parked: parkedNow, rebuilt, ...(current.checkpoint === undefined ? {} : { checkpoint: current.checkpoint }) });
  };
