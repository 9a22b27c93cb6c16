/**
 * Where a projection keeps its rows together with its checkpoint. A batch's rows, its parked events
 * and its checkpoint are written in one step, so a crash neither skips nor double-counts an event.
 */
import type { GlobalPosition } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import * as t from 'io-ts';
import type { Rows } from './projection.js';

/** An event the projection could not decode, recorded so the projection can go on (when configured to). */
export const ParkedEvent = t.readonly(t.type({ streamName: t.string, revision: t.string, eventType: t.string, error: t.string }), 'ParkedEvent');
export type ParkedEvent = t.TypeOf<typeof ParkedEvent>;

/** What a store knows of a projection besides its rows. */
export interface ProjectionHead {
  /** The projection version the rows were folded by. */
  readonly version: number;
  /** The last event folded in; the next run starts after it. Absent before the first event. */
  readonly checkpoint?: GlobalPosition;
  /** How many events were parked. */
  readonly parked: number;
}

export interface StoredProjection<Row> extends ProjectionHead {
  readonly rows: Rows<Row>;
}

/** One batch's writes. */
export interface Batch<Row> {
  readonly version: number;
  readonly checkpoint: GlobalPosition;
  /** The rows the batch changed, whole. */
  readonly rows: Rows<Row>;
  /** Events the batch parked, added to those parked before. */
  readonly parked: ReadonlyArray<ParkedEvent>;
}

export interface PageRequest {
  /** At most this many. */
  readonly limit: number;
  /** After skipping this many. Default 0. */
  readonly offset?: number;
}

export interface ReadModelStoreError {
  readonly _tag: 'ReadModelStoreError';
  /**
   * `READ_MODEL_STORE_FAILURE`: the store failed or holds something it cannot read.
   * `PROJECTION_LEASE_LOST`: the runner's lease ended (its connection failed); another runner may hold it now — stop, and acquire it again.
   * `PROJECTION_VERSION_CHANGED`: another runner rebuilt the projection under a different version since this one started.
   */
  readonly code: 'READ_MODEL_STORE_FAILURE' | 'PROJECTION_LEASE_LOST' | 'PROJECTION_VERSION_CHANGED';
  readonly message: string;
}

export interface ReadModelStore<Row> {
  readonly head: (name: string) => TE.TaskEither<ReadModelStoreError, ProjectionHead | undefined>;
  /** The rows with these keys (those that exist). */
  readonly rows: (name: string, keys: ReadonlyArray<string>) => TE.TaskEither<ReadModelStoreError, Rows<Row>>;
  /** Rows, parked events and checkpoint together or not at all; refused when the stored version is not the batch's. */
  readonly commit: (name: string, batch: Batch<Row>) => TE.TaskEither<ReadModelStoreError, void>;
  /** Forget every row and parked event and start the projection over at this version, with no checkpoint. */
  readonly reset: (name: string, version: number) => TE.TaskEither<ReadModelStoreError, void>;
  /** Head and every row: for tests, exports and read models small enough to hold. */
  readonly load: (name: string) => TE.TaskEither<ReadModelStoreError, StoredProjection<Row> | undefined>;
  /** The parked events, in the order they were parked. */
  readonly parked: (name: string, page?: PageRequest) => TE.TaskEither<ReadModelStoreError, ReadonlyArray<ParkedEvent>>;
}

export const versionChanged = (name: string, stored: number | undefined, batch: number): ReadModelStoreError => ({
  _tag: 'ReadModelStoreError',
  code: 'PROJECTION_VERSION_CHANGED',
  message: `Projection ${name} is stored at ${stored === undefined ? 'no version' : `version ${stored}`}, not ${batch}: another runner rebuilt it meanwhile. Run it again.`,
});

/** A page of a list already in order. */
export const pageOf = <A>(all: ReadonlyArray<A>, page: PageRequest | undefined): ReadonlyArray<A> => {
  if (page === undefined) return all;
  const from = Math.max(0, page.offset ?? 0);
  return all.slice(from, from + Math.max(0, page.limit));
};

interface InMemoryProjection<Row> {
  head: ProjectionHead;
  rows: Map<string, Row>;
  parked: ParkedEvent[];
}

/**
 * Read models in memory: for tests, examples and the quick start. Rows are kept as given, not
 * copied: they are immutable values (a fold returns new rows and never changes the ones it got).
 */
export const inMemoryReadModelStore = <Row>(): ReadModelStore<Row> & { readonly commits: () => number } => {
  const projections = new Map<string, InMemoryProjection<Row>>();
  let commits = 0;
  const ok =
    <A>(a: A) =>
    async () =>
      E.right<ReadModelStoreError, A>(a);
  return {
    head: (name) => ok(projections.get(name)?.head),
    rows: (name, keys) => {
      const rows = projections.get(name)?.rows;
      const found = new Map<string, Row>();
      for (const key of keys) {
        const row = rows?.get(key);
        if (row !== undefined) found.set(key, row);
      }
      return ok(found);
    },
    commit: (name, batch) => async () => {
      const stored = projections.get(name);
      if (stored === undefined || stored.head.version !== batch.version) return E.left(versionChanged(name, stored?.head.version, batch.version));
      for (const [key, row] of batch.rows) stored.rows.set(key, row);
      stored.parked.push(...batch.parked);
      stored.head = { version: batch.version, checkpoint: batch.checkpoint, parked: stored.parked.length };
      commits += 1;
      return E.right(undefined);
    },
    reset: (name, version) => async () => {
      projections.set(name, { head: { version, parked: 0 }, rows: new Map(), parked: [] });
      return E.right(undefined);
    },
    load: (name) => {
      const stored = projections.get(name);
      return ok(stored === undefined ? undefined : { ...stored.head, rows: new Map(stored.rows) });
    },
    parked: (name, page) => ok(pageOf(projections.get(name)?.parked ?? [], page)),
    commits: () => commits,
  };
};
