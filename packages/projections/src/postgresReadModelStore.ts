/**
 * Read models in PostgreSQL (through `pg`): one row per projection holding the read model as
 * `jsonb` with its checkpoint and parked events, written in one transaction, in tables created by
 * versioned migrations.
 */
import { describeFieldErrors, fieldErrors } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { Pool, PoolClient } from 'pg';
import * as t from 'io-ts';
import { ParkedEvent, type ReadModelStore, type ReadModelStoreError, type StoredProjection } from './readModelStore.js';

const ParkedEvents = t.readonlyArray(ParkedEvent);

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/** Applied in order, each once, each in its own transaction. Never edit one that shipped: add another. */
export const readModelMigrations: ReadonlyArray<Migration> = [
  {
    version: 1,
    description: 'read models with their checkpoint and parked events',
    sql: `CREATE TABLE caseledger_read_models (
            name text PRIMARY KEY,
            version integer NOT NULL,
            read_model jsonb NOT NULL,
            checkpoint_commit numeric(20, 0),
            checkpoint_prepare numeric(20, 0),
            parked jsonb NOT NULL DEFAULT '[]'::jsonb,
            updated_at timestamptz NOT NULL DEFAULT now()
          )`,
  },
];

export const storeError = (message: string): ReadModelStoreError => ({ _tag: 'ReadModelStoreError', code: 'READ_MODEL_STORE_FAILURE', message });
export const messageOf = (u: unknown): string => (u instanceof Error ? u.message : 'unknown database error');

/** Where the store's queries run: a connection from a pool, or one connection held for good (a projection lease's). */
export interface Connections {
  readonly connect: () => Promise<PoolClient>;
  /** Give the connection back (a pool's is released; a held one stays open). */
  readonly done: (client: PoolClient) => void;
  /** A failure as the store reports it (a held connection that fails has lost what it held). */
  readonly failure: (error: unknown) => ReadModelStoreError;
}

export const poolConnections = (pool: Pool): Connections => ({ connect: () => pool.connect(), done: (client) => client.release(), failure: (error) => storeError(messageOf(error)) });

const inTransaction = async <A>(connections: Connections, work: (client: PoolClient) => Promise<A>): Promise<E.Either<ReadModelStoreError, A>> => {
  let client: PoolClient | undefined;
  try {
    client = await connections.connect();
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return E.right(result);
  } catch (error) {
    await client?.query('ROLLBACK').catch(() => undefined);
    return E.left(connections.failure(error));
  } finally {
    if (client !== undefined) connections.done(client);
  }
};

/** Bring the schema up to date; returns the versions applied now. Safe to run from several processes at once. */
export const migrateReadModelStore =
  (pool: Pool): TE.TaskEither<ReadModelStoreError, ReadonlyArray<number>> =>
  () =>
    inTransaction(poolConnections(pool), async (client) => {
      // One migrator at a time across processes.
      await client.query('SELECT pg_advisory_xact_lock(7365100)');
      await client.query(`CREATE TABLE IF NOT EXISTS caseledger_schema_migrations (
        version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = await client.query<{ version: number }>('SELECT version FROM caseledger_schema_migrations');
      const applied = new Set(done.rows.map((r) => r.version));
      const now: number[] = [];
      for (const m of readModelMigrations) {
        if (applied.has(m.version)) continue;
        await client.query(m.sql);
        await client.query('INSERT INTO caseledger_schema_migrations (version, description) VALUES ($1, $2)', [m.version, m.description]);
        now.push(m.version);
      }
      return now;
    });

interface Row {
  readonly version: number;
  readonly read_model: unknown;
  readonly checkpoint_commit: string | null;
  readonly checkpoint_prepare: string | null;
  readonly parked: unknown;
}

export const postgresReadModelStore = <ReadModel>(pool: Pool, codec: t.Decoder<unknown, ReadModel>): ReadModelStore<ReadModel> => readModelStoreOn(poolConnections(pool), codec);

/** The store on given connections (`postgresReadModelStore` on a pool's; a projection lease on its own). */
export const readModelStoreOn = <ReadModel>(connections: Connections, codec: t.Decoder<unknown, ReadModel>): ReadModelStore<ReadModel> => ({
  load: (name) => async () => {
    let client: PoolClient | undefined;
    try {
      client = await connections.connect();
      const result = await client.query<Row>('SELECT version, read_model, checkpoint_commit, checkpoint_prepare, parked FROM caseledger_read_models WHERE name = $1', [name]);
      const row = result.rows[0];
      if (row === undefined) return E.right(undefined);
      const decoded = codec.decode(row.read_model);
      if (E.isLeft(decoded)) return E.left(storeError(`Stored read model ${name} cannot be read: ${describeFieldErrors(fieldErrors(decoded.left))}`));
      const parked = ParkedEvents.decode(row.parked);
      if (E.isLeft(parked)) return E.left(storeError(`Parked events of ${name} cannot be read: ${describeFieldErrors(fieldErrors(parked.left))}`));
      const stored: StoredProjection<ReadModel> = {
        version: row.version,
        readModel: decoded.right,
        parked: parked.right,
        ...(row.checkpoint_commit === null || row.checkpoint_prepare === null
          ? {}
          : { checkpoint: { commit: BigInt(row.checkpoint_commit), prepare: BigInt(row.checkpoint_prepare) } }),
      };
      return E.right(stored);
    } catch (error) {
      return E.left(connections.failure(error));
    } finally {
      if (client !== undefined) connections.done(client);
    }
  },
  save: (name, stored) => () =>
    inTransaction(connections, async (client) => {
      await client.query(
        `INSERT INTO caseledger_read_models (name, version, read_model, checkpoint_commit, checkpoint_prepare, parked, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (name) DO UPDATE SET version = $2, read_model = $3, checkpoint_commit = $4, checkpoint_prepare = $5, parked = $6, updated_at = now()`,
        [
          name,
          stored.version,
          JSON.stringify(stored.readModel),
          stored.checkpoint?.commit.toString() ?? null,
          stored.checkpoint?.prepare.toString() ?? null,
          JSON.stringify(stored.parked),
        ],
      );
    }),
});
