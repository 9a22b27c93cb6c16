/**
 * Feeds a projection from an event source in global order, in batches, and stores the read model
 * with its checkpoint after each batch, so a crash neither skips nor double-counts an event.
 */
import type { EventStore, GlobalPosition, StoreError } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { decodeKnownEvent } from './knownEvents.js';
import { type Projection, handlesEvent } from './projection.js';
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

export const runProjection =
  <ReadModel>(options: RunOptions<ReadModel>): TE.TaskEither<RunError, RunReport> =>
  async () => {
    const { source, store, projection } = options;
    const batchSize = Math.max(1, options.batchSize ?? 500);
    const loaded = await store.load(projection.name)();
    if (E.isLeft(loaded)) return loaded;
    // A changed version rebuilds from the first event.
    const rebuilt = loaded.right !== undefined && loaded.right.version !== projection.version;
    let current: StoredProjection<ReadModel> =
      loaded.right === undefined || rebuilt ? { version: projection.version, readModel: projection.initial, parked: [] } : loaded.right;
    let batches = 0;
    let eventsRead = 0;
    let eventsApplied = 0;
    let parkedNow = 0;

    while (options.maxBatches === undefined || batches < options.maxBatches) {
      const page = await source.readAll(current.checkpoint === undefined ? { maxCount: batchSize } : { after: current.checkpoint, maxCount: batchSize })();
      if (E.isLeft(page)) return page;
      const last = page.right[page.right.length - 1];
      if (last === undefined) break;
      let readModel = current.readModel;
      const parked = [...current.parked];
      for (const recorded of page.right) {
        eventsRead += 1;
        const decoded = decodeKnownEvent(recorded);
        if (decoded === undefined) continue;
        if (E.isLeft(decoded)) {
          const entry: ParkedEvent = { streamName: recorded.streamName, revision: recorded.revision.toString(), eventType: recorded.type, error: decoded.left.message };
          if (options.onUndecodable === 'stop') {
            return E.left({ _tag: 'UndecodableEventError', code: 'PROJECTION_STOPPED_ON_UNDECODABLE_EVENT', message: decoded.left.message, event: entry });
          }
          parked.push(entry);
          parkedNow += 1;
          continue;
        }
        if (!handlesEvent(projection, decoded.right)) continue;
        readModel = projection.apply(readModel, decoded.right);
        eventsApplied += 1;
      }
      current = { version: projection.version, readModel, checkpoint: last.position, parked };
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
