/**
 * One runner per projection. A runner holds the projection's lease — a PostgreSQL session advisory
 * lock, on a connection of its own — before it writes, and writes rows and checkpoint through
 * that same connection. While that session lives no other runner can take the lease; when it ends
 * (the process killed, the network cut), PostgreSQL releases the lock at once, the runner's writes
 * fail with `PROJECTION_LEASE_LOST`, and a runner waiting for the lease takes it within its poll
 * interval and goes on from the stored checkpoint. No lease rows to expire, no clocks to trust.
 */
import { type EventStore, type Telemetry, pause } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { Pool, PoolClient } from 'pg';
import { type Connections, type RowTable, detailOnlyTable, messageOf, readModelStoreOn, storeError } from './postgresReadModelStore.js';
import type { Projection } from './projection.js';
import type { ReadModelStore, ReadModelStoreError } from './readModelStore.js';
import { type RunError, type RunReport, runProjection } from './runner.js';

/** The first key of every projection lease (the second is the hash of the projection's name). */
const LEASE_CLASS = 7365101;
const APPLICATION_PREFIX = 'caseledger-runner:';

export interface ProjectionLease {
  readonly name: string;
  /** Who holds it: the `holder` given when it was acquired. */
  readonly holder: string;
  /** The read-model store whose reads and writes go through the lease's connection (its table as for `postgresReadModelStore`). */
  readonly store: <Row>(projection: Pick<Projection<Row>, 'codec'>, table?: RowTable<Row>) => ReadModelStore<Row>;
  /** Whether the lease's connection failed (then every write through it is refused). */
  readonly lost: () => boolean;
  /** Give the lease up and close its connection. */
  readonly release: () => Promise<void>;
}

export interface LeaseOptions {
  /** Who asks, as `projectionLeaseHolder` and `pg_stat_activity.application_name` will show it. Default: host and process id. */
  readonly holder?: string;
  /** How often to try again while another runner holds the lease. Default 250 ms. */
  readonly pollMs?: number;
  /** Stop waiting. */
  readonly signal?: AbortSignal;
  /** Told, once per wait, who holds the lease meanwhile. */
  readonly onWaiting?: (heldBy: string | undefined) => void;
}

export interface LeaseWaitAborted {
  readonly _tag: 'LeaseWaitAborted';
  readonly code: 'PROJECTION_LEASE_WAIT_ABORTED';
  readonly message: string;
}

const defaultHolder = (): string => `${process.env['HOSTNAME'] ?? 'host'}:${process.pid}`;

/** Who holds the lease of a projection now (`undefined`: nobody). */
export const projectionLeaseHolder =
  (pool: Pool, name: string): TE.TaskEither<ReadModelStoreError, string | undefined> =>
  async () => {
    try {
      const result = await pool.query<{ application_name: string }>(
        `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = ((hashtext($2)::bigint + 4294967296) % 4294967296)::oid AND l.objsubid = 2`,
        [LEASE_CLASS, name],
      );
      const application = result.rows[0]?.application_name;
      return E.right(
        application === undefined ? undefined : application.startsWith(APPLICATION_PREFIX) ? application.slice(APPLICATION_PREFIX.length) : application,
      );
    } catch (error) {
      return E.left(storeError(messageOf(error)));
    }
  };

/** Wait for the lease of a projection and hold it, on a connection of its own from the pool. */
export const acquireProjectionLease =
  (pool: Pool, name: string, options: LeaseOptions = {}): TE.TaskEither<ReadModelStoreError | LeaseWaitAborted, ProjectionLease> =>
  async () => {
    const holder = options.holder ?? defaultHolder();
    let client: PoolClient;
    try {
      client = await pool.connect();
      await client.query('SELECT set_config($1, $2, false)', ['application_name', `${APPLICATION_PREFIX}${holder}`.slice(0, 63)]);
    } catch (error) {
      return E.left(storeError(messageOf(error)));
    }
    let told = false;
    for (;;) {
      if (options.signal?.aborted === true) {
        client.release();
        return E.left({ _tag: 'LeaseWaitAborted', code: 'PROJECTION_LEASE_WAIT_ABORTED', message: `Stopped waiting for the lease of projection ${name}.` });
      }
      try {
        const tried = await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS held', [LEASE_CLASS, name]);
        if (tried.rows[0]?.held === true) break;
      } catch (error) {
        client.release(true);
        return E.left(storeError(messageOf(error)));
      }
      if (!told && options.onWaiting !== undefined) {
        told = true;
        const heldBy = await projectionLeaseHolder(pool, name)();
        options.onWaiting(E.isRight(heldBy) ? heldBy.right : undefined);
      }
      await pause(options.pollMs ?? 250, options.signal);
    }
    let lost = false;
    let released = false;
    // A connection that fails or ends has lost its session, and the lock with it: never write through it again.
    client.on('error', () => {
      lost = true;
    });
    client.on('end', () => {
      lost = true;
    });
    const connections: Connections = {
      connect: async () => {
        if (lost || released) throw new Error('lease lost');
        return client;
      },
      done: () => undefined,
      failure: (error) => {
        // A query that failed on a live session (a constraint, a bad value) leaves the lease held;
        // one that failed because the connection did (pg says "Connection terminated…", the socket
        // ECONNRESET/EPIPE) lost it, even before the client's 'error' or 'end' event arrives.
        if (!lost && !released && !(error instanceof Error && /terminat|connection|ECONN|EPIPE/i.test(error.message))) return storeError(messageOf(error));
        lost = true;
        return {
          _tag: 'ReadModelStoreError',
          code: 'PROJECTION_LEASE_LOST',
          message: `The lease of projection ${name} held by ${holder} was lost (${released ? 'released' : 'its connection failed'}); another runner may hold it now. Stop, and acquire it again before writing.`,
        };
      },
    };
    return E.right({
      name,
      holder,
      store: (projection, table) => readModelStoreOn(connections, projection.codec, table ?? detailOnlyTable()),
      lost: () => lost,
      release: async () => {
        if (released) return;
        released = true;
        if (lost) {
          client.release(true);
          return;
        }
        try {
          await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LEASE_CLASS, name]);
          client.release();
        } catch {
          client.release(true);
        }
      },
    });
  };

export interface LeasedRunOptions<Row> extends LeaseOptions {
  readonly pool: Pool;
  readonly source: Pick<EventStore, 'readAll'>;
  readonly projection: Projection<Row>;
  /** The projection's table (default: the shared key-and-detail table). */
  readonly table?: RowTable<Row>;
  readonly batchSize?: number;
  readonly onUndecodable?: 'park' | 'stop';
  readonly rebuild?: boolean;
  /** Told when the lease is held, before the first read. */
  readonly onLeased?: (lease: ProjectionLease) => void;
  readonly telemetry?: Telemetry;
}

/**
 * Catch a projection up as its only runner: wait for its lease, run from the stored checkpoint
 * through the lease's connection, give the lease up. Several processes may call it at once; one
 * runs, the others wait and then find little or nothing left to do.
 */
export const runProjectionUnderLease =
  <Row>(options: LeasedRunOptions<Row>): TE.TaskEither<RunError | LeaseWaitAborted, RunReport> =>
  async () => {
    const { pool, source, projection } = options;
    const leased = await acquireProjectionLease(pool, projection.name, options)();
    if (E.isLeft(leased)) return leased;
    const lease = leased.right;
    try {
      options.onLeased?.(lease);
      return await runProjection({
        source,
        store: lease.store(projection, options.table),
        projection,
        ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
        ...(options.onUndecodable === undefined ? {} : { onUndecodable: options.onUndecodable }),
        ...(options.rebuild === undefined ? {} : { rebuild: options.rebuild }),
        ...(options.telemetry === undefined ? {} : { telemetry: options.telemetry }),
      })();
    } finally {
      await lease.release();
    }
  };
