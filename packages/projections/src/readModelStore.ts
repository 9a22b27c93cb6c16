/** Where a projection keeps its read model together with its checkpoint, written in one step. */
import type { GlobalPosition } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import * as t from 'io-ts';

/** An event the projection could not decode, recorded so the projection can go on (when configured to). */
export const ParkedEvent = t.readonly(t.type({ streamName: t.string, revision: t.string, eventType: t.string, error: t.string }), 'ParkedEvent');
export type ParkedEvent = t.TypeOf<typeof ParkedEvent>;

export interface StoredProjection<ReadModel> {
  readonly version: number;
  readonly readModel: ReadModel;
  /** The last event folded in; the next run starts after it. Absent before the first event. */
  readonly checkpoint?: GlobalPosition;
  readonly parked: ReadonlyArray<ParkedEvent>;
}

export interface ReadModelStoreError {
  readonly _tag: 'ReadModelStoreError';
  /** `PROJECTION_LEASE_LOST`: the runner's lease ended (its connection failed); another runner may hold it now — stop, and acquire it again. */
  readonly code: 'READ_MODEL_STORE_FAILURE' | 'PROJECTION_LEASE_LOST';
  readonly message: string;
}

export interface ReadModelStore<ReadModel> {
  readonly load: (name: string) => TE.TaskEither<ReadModelStoreError, StoredProjection<ReadModel> | undefined>;
  /** Read model, checkpoint and parked events are written together or not at all. */
  readonly save: (name: string, stored: StoredProjection<ReadModel>) => TE.TaskEither<ReadModelStoreError, void>;
}

/**
 * Read models in memory: for tests, examples and the quick start. It keeps the value it is given,
 * not a copy: read models are immutable values (a fold returns a new one and never changes the one
 * it was given), and copying the whole read model on every batch made catch-up quadratic.
 */
export const inMemoryReadModelStore = <ReadModel>(): ReadModelStore<ReadModel> & { readonly saves: () => number } => {
  const rows = new Map<string, StoredProjection<ReadModel>>();
  let saves = 0;
  return {
    load: (name) => async () => E.right(rows.get(name)),
    save: (name, stored) => async () => {
      rows.set(name, stored);
      saves += 1;
      return E.right(undefined);
    },
    saves: () => saves,
  };
};
