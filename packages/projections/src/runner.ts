/**
 * Feeds a projection from an event source in global order, in batches, and commits the rows each
 * batch changed with its checkpoint, so a crash neither skips nor double-counts an event.
 */
import { type EventStore, type GlobalPosition, type RecordedEvent, type StoreError, type Telemetry, caseTypes, compareGlobalPositions } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { type KnownEvent, decodeKnownEvent } from './knownEvents.js';
import { type Projection, changedRows, eventsByRow, handlesEvent } from './projection.js';
import type { ParkedEvent, ReadModelStore, ReadModelStoreError } from './readModelStore.js';

export interface RunOptions<Row> {
  readonly source: Pick<EventStore, 'readAll'>;
  readonly store: ReadModelStore<Row>;
  readonly projection: Projection<Row>;
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
  /** Told of every committed batch (with the lag: 0 once caught up) and every parked event. */
  readonly telemetry?: Telemetry;
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
  | { readonly kind: 'undecodable'; readonly entry: ParkedEvent; readonly message: string; readonly code: string };

/**
 * One stored event against a projection: skipped (not a known case, or a type it does not handle —
 * not even decoded, so only what a projection handles can stop it), handled, or undecodable.
 */
const classify = <Row>(projection: Projection<Row>, recorded: RecordedEvent): Classified => {
  if (!projection.handles.has(recorded.type)) return { kind: 'skipped' };
  const decoded = decodeKnownEvent(recorded, projection.registry ?? caseTypes);
  if (decoded === undefined) return { kind: 'skipped' };
  const parked = (code: string, message: string): Classified => ({
    kind: 'undecodable',
    code,
    message,
    entry: { streamName: recorded.streamName, revision: recorded.revision.toString(), eventType: recorded.type, error: message },
  });
  if (E.isLeft(decoded)) {
    // Without a registry of its own, a projection leaves other categories' streams alone.
    if (decoded.left.code === 'UNKNOWN_CASE_CATEGORY' && projection.registry === undefined) return { kind: 'skipped' };
    return parked(decoded.left.code, decoded.left.message);
  }
  if (!handlesEvent(projection, decoded.right)) return { kind: 'skipped' };
  const refused = projection.refuses?.(decoded.right);
  return refused === undefined ? { kind: 'handled', event: decoded.right } : parked(refused.code, `${refused.code}: ${refused.message}`);
};

const stoppedOn = (folded: { readonly entry: ParkedEvent; readonly message: string }): UndecodableEventError => ({
  _tag: 'UndecodableEventError',
  code: 'PROJECTION_STOPPED_ON_UNDECODABLE_EVENT',
  message: folded.message,
  event: folded.entry,
});

/** The checkpoint to go on from, after starting the projection over where there is none or its version changed. */
const startingPoint = async <Row>(
  store: ReadModelStore<Row>,
  projection: Projection<Row>,
  rebuild: boolean,
): Promise<E.Either<ReadModelStoreError, { readonly rebuilt: boolean; readonly checkpoint: GlobalPosition | undefined }>> => {
  const head = await store.head(projection.name)();
  if (E.isLeft(head)) return head;
  const stored = head.right;
  if (stored !== undefined && !rebuild && stored.version === projection.version) return E.right({ rebuilt: false, checkpoint: stored.checkpoint });
  const reset = await store.reset(projection.name, projection.version)();
  if (E.isLeft(reset)) return reset;
  return E.right({ rebuilt: stored !== undefined, checkpoint: undefined });
};

interface Folded {
  readonly applied: number;
  readonly parked: number;
  /** Set when the run must stop at an undecodable event (the events before it were committed). */
  readonly stopped?: UndecodableEventError;
}

/**
 * Fold events read in global order into the rows they are about and commit those rows with the
 * checkpoint of the last event (and the events parked) in one write.
 */
const foldBatch = async <Row>(
  store: ReadModelStore<Row>,
  projection: Projection<Row>,
  recorded: ReadonlyArray<RecordedEvent>,
  onUndecodable: 'park' | 'stop',
  telemetry: Telemetry | undefined,
  lag?: number,
): Promise<E.Either<RunError, Folded>> => {
  const started = performance.now();
  const handled: KnownEvent[] = [];
  const parked: Array<{ readonly entry: ParkedEvent; readonly code: string }> = [];
  let last: GlobalPosition | undefined;
  let stopped: UndecodableEventError | undefined;
  for (const event of recorded) {
    const classified = classify(projection, event);
    if (classified.kind === 'undecodable') {
      if (onUndecodable === 'stop') {
        stopped = stoppedOn(classified);
        break;
      }
      parked.push({ entry: classified.entry, code: classified.code });
    } else if (classified.kind === 'handled') {
      handled.push(classified.event);
    }
    last = event.position;
  }
  if (last !== undefined) {
    const groups = eventsByRow(projection, handled);
    const before = await store.rows(projection.name, [...groups.keys()])();
    if (E.isLeft(before)) return before;
    const rows = changedRows(projection, before.right, groups);
    const committed = await store.commit(projection.name, { version: projection.version, checkpoint: last, rows, parked: parked.map((p) => p.entry) })();
    if (E.isLeft(committed)) return committed;
    for (const p of parked) telemetry?.parked?.({ projection: projection.name, eventType: p.entry.eventType, code: p.code });
    telemetry?.projectionBatch?.({
      projection: projection.name,
      events: recorded.length,
      applied: handled.length,
      parked: parked.length,
      durationMs: performance.now() - started,
      ...(lag === undefined ? {} : { lag }),
    });
  }
  return E.right({ applied: handled.length, parked: parked.length, ...(stopped === undefined ? {} : { stopped }) });
};

export const runProjection =
  <Row>(options: RunOptions<Row>): TE.TaskEither<RunError, RunReport> =>
  async () => {
    const { source, store, projection } = options;
    const batchSize = Math.max(1, options.batchSize ?? 500);
    const start = await startingPoint(store, projection, options.rebuild ?? false);
    if (E.isLeft(start)) return start;
    const rebuilt = start.right.rebuilt;
    let checkpoint = start.right.checkpoint;
    let batches = 0;
    let eventsRead = 0;
    let eventsApplied = 0;
    let parkedNow = 0;

    while (options.maxBatches === undefined || batches < options.maxBatches) {
      const page = await source.readAll(checkpoint === undefined ? { maxCount: batchSize } : { after: checkpoint, maxCount: batchSize })();
      if (E.isLeft(page)) return page;
      const last = page.right[page.right.length - 1];
      if (last === undefined) break;
      // A short page is the last: the projection has caught up.
      const folded = await foldBatch(
        store,
        projection,
        page.right,
        options.onUndecodable ?? 'park',
        options.telemetry,
        page.right.length < batchSize ? 0 : undefined,
      );
      if (E.isLeft(folded)) return folded;
      if (folded.right.stopped !== undefined) return E.left(folded.right.stopped);
      eventsRead += page.right.length;
      eventsApplied += folded.right.applied;
      parkedNow += folded.right.parked;
      checkpoint = last.position;
      batches += 1;
      if (page.right.length < batchSize) break;
    }
    return E.right({ batches, eventsRead, eventsApplied, parked: parkedNow, rebuilt, ...(checkpoint === undefined ? {} : { checkpoint }) });
  };

export interface LiveRunOptions<Row> {
  /** Events in global order, e.g. `subscribeToCases(client, { after: checkpoint })` from @caseledger/eventstoredb. */
  readonly events: AsyncIterable<RecordedEvent>;
  readonly store: ReadModelStore<Row>;
  readonly projection: Projection<Row>;
  /** Events folded before each write of rows and checkpoint. Default 100. */
  readonly batchSize?: number;
  readonly onUndecodable?: 'park' | 'stop';
  readonly telemetry?: Telemetry;
}

/** Where a live run should start: after the stored checkpoint (or from the beginning for a new or rebuilt projection). */
export const liveStartPosition =
  <Row>(store: ReadModelStore<Row>, projection: Projection<Row>): TE.TaskEither<ReadModelStoreError, GlobalPosition | undefined> =>
  async () => {
    const head = await store.head(projection.name)();
    if (E.isLeft(head)) return head;
    return E.right(head.right === undefined || head.right.version !== projection.version ? undefined : head.right.checkpoint);
  };

/**
 * Fold a live stream of events (a subscription) into a projection, committing rows and checkpoint
 * together after every batch. Events at or before the stored checkpoint are skipped, so a
 * subscription restarted from an older position counts nothing twice. Ends when the events end.
 */
export const runProjectionLive =
  <Row>(options: LiveRunOptions<Row>): TE.TaskEither<RunError, RunReport> =>
  async () => {
    const { store, projection } = options;
    const batchSize = Math.max(1, options.batchSize ?? 100);
    const start = await startingPoint(store, projection, false);
    if (E.isLeft(start)) return start;
    const rebuilt = start.right.rebuilt;
    let checkpoint = start.right.checkpoint;
    let pending: RecordedEvent[] = [];
    let batches = 0;
    let eventsRead = 0;
    let eventsApplied = 0;
    let parkedNow = 0;
    const flush = async (): Promise<E.Either<RunError, void>> => {
      if (pending.length === 0) return E.right(undefined);
      const folded = await foldBatch(store, projection, pending, options.onUndecodable ?? 'park', options.telemetry);
      if (E.isLeft(folded)) return folded;
      if (folded.right.stopped !== undefined) return E.left(folded.right.stopped);
      batches += 1;
      eventsApplied += folded.right.applied;
      parkedNow += folded.right.parked;
      pending = [];
      return E.right(undefined);
    };
    for await (const recorded of options.events) {
      if (checkpoint !== undefined && compareGlobalPositions(recorded.position, checkpoint) <= 0) continue;
      eventsRead += 1;
      checkpoint = recorded.position;
      pending.push(recorded);
      if (pending.length >= batchSize) {
        const flushed = await flush();
        if (E.isLeft(flushed)) return flushed;
      }
    }
    const flushed = await flush();
    if (E.isLeft(flushed)) return flushed;
    return E.right({ batches, eventsRead, eventsApplied, parked: parkedNow, rebuilt, ...(checkpoint === undefined ? {} : { checkpoint }) });
  };
