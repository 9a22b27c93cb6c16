/**
 * Read models in PostgreSQL (through `pg`): each projection's rows in a table of their own, with
 * typed, indexed columns for what people filter and sort on and the row itself as `jsonb`; a head
 * row per projection with its version and checkpoint; parked events in a table. A batch upserts the
 * rows it changed, their child rows, its parked events and the checkpoint in one transaction.
 * Tables are created by versioned migrations.
 */
import { describeFieldErrors, fieldErrors } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type * as t from 'io-ts';
import type { Pool, PoolClient } from 'pg';
import type { Projection } from './projection.js';
import { type ParkedEvent, type ProjectionHead, type ReadModelStore, type ReadModelStoreError, versionChanged } from './readModelStore.js';
import { readModelMigrations } from './postgresMigrations.js';

export { type Migration, READ_MODEL_TABLES, readModelMigrations } from './postgresMigrations.js';

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

export const poolConnections = (pool: Pool): Connections => ({
  connect: () => pool.connect(),
  done: (client) => client.release(),
  failure: (error) => storeError(messageOf(error)),
});

const withClient = async <A>(
  connections: Connections,
  transaction: boolean,
  work: (client: PoolClient) => Promise<E.Either<ReadModelStoreError, A>>,
): Promise<E.Either<ReadModelStoreError, A>> => {
  let client: PoolClient | undefined;
  try {
    client = await connections.connect();
    if (transaction) await client.query('BEGIN');
    const result = await work(client);
    if (transaction) await client.query(E.isRight(result) ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (error) {
    if (transaction) await client?.query('ROLLBACK').catch(() => undefined);
    return E.left(connections.failure(error));
  } finally {
    if (client !== undefined) connections.done(client);
  }
};

/** Bring the schema up to date; returns the versions applied now. Safe to run from several processes at once. */
export const migrateReadModelStore =
  (pool: Pool): TE.TaskEither<ReadModelStoreError, ReadonlyArray<number>> =>
  () =>
    withClient(poolConnections(pool), true, async (client) => {
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
      return E.right(now);
    });

// ---------------------------------------------------------------------------------------------
// How a projection's rows map to a table.

export type ColumnType = 'text' | 'integer' | 'boolean' | 'timestamptz' | 'text[]' | 'jsonb' | 'json';
/** A column's value: `timestamptz` takes an ISO-8601 instant, `text[]` an array, `jsonb` an object. */
export type ColumnValue = string | number | boolean | null | ReadonlyArray<string> | { readonly [key: string]: unknown };

export interface Column<Row> {
  readonly name: string;
  readonly type: ColumnType;
  readonly value: (row: Row) => ColumnValue;
}

/** Rows of a second table that belong to a row (e.g. a case's open deadlines), replaced whenever the row is written. */
export interface ChildRows<Row> {
  readonly table: string;
  readonly columns: ReadonlyArray<{ readonly name: string; readonly type: ColumnType }>;
  /** The child rows of a row, each with a value per column, in the order of `columns`. */
  readonly of: (row: Row) => ReadonlyArray<ReadonlyArray<ColumnValue>>;
}

/**
 * A projection's table: `projection` and `key` (the primary key), the typed columns, and `detail`,
 * the row as `jsonb`. The table is created by a migration; this says how rows fill it.
 */
export interface RowTable<Row> {
  readonly table: string;
  /**
   * The type of the `detail` column (default `jsonb`). `json` keeps the text as written, which the
   * server checks but does not convert: cheaper to write for large rows (a case with its events).
   */
  readonly detail?: 'jsonb' | 'json';
  readonly columns: ReadonlyArray<Column<Row>>;
  readonly children?: ReadonlyArray<ChildRows<Row>>;
}

/** The table of a projection that has none of its own: key and detail only. */
export const detailOnlyTable = <Row>(): RowTable<Row> => ({ table: 'caseledger_read_model_rows', columns: [] });

const identifier = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new RangeError(`Not a plain SQL identifier: ${name}`);
  return name;
};

/**
 * `INSERT … SELECT … FROM json_to_recordset($2)`: every row in one parameter, one JSON document,
 * parsed once by the server. (Arrays of texts would need each JSON detail escaped again as an
 * array element: measured 1.5× slower.)
 */
const recordsetInsert = (table: string, columns: ReadonlyArray<{ readonly name: string; readonly type: ColumnType }>): string => {
  const names = columns.map((c) => identifier(c.name)).join(', ');
  const types = columns.map((c) => `${identifier(c.name)} ${c.type}`).join(', ');
  return `INSERT INTO ${identifier(table)} (projection, ${names}) SELECT $1, ${names} FROM json_to_recordset($2::json) AS r(${types})`;
};

interface HeadRow {
  readonly version: number;
  readonly checkpoint_commit: string | null;
  readonly checkpoint_prepare: string | null;
  readonly parked: string;
}

const headOf = (row: HeadRow): ProjectionHead => ({
  version: row.version,
  parked: Number(row.parked),
  ...(row.checkpoint_commit === null || row.checkpoint_prepare === null
    ? {}
    : { checkpoint: { commit: BigInt(row.checkpoint_commit), prepare: BigInt(row.checkpoint_prepare) } }),
});

const HEAD_SQL = `SELECT version, checkpoint_commit, checkpoint_prepare, (SELECT count(*) FROM caseledger_parked_events p WHERE p.projection = r.name) AS parked
                    FROM caseledger_read_models r WHERE name = $1`;

/** A projection's rows in PostgreSQL, in its own table (or the shared key-and-detail table). */
export const postgresReadModelStore = <Row>(
  pool: Pool,
  projection: Pick<Projection<Row>, 'codec'>,
  table: RowTable<Row> = detailOnlyTable(),
): ReadModelStore<Row> => readModelStoreOn(poolConnections(pool), projection.codec, table);

/** The store on given connections (`postgresReadModelStore` on a pool's; a projection lease on its own). */
export const readModelStoreOn = <Row>(connections: Connections, codec: t.Decoder<unknown, Row>, table: RowTable<Row>): ReadModelStore<Row> => {
  const name = identifier(table.table);
  const upsert = `${recordsetInsert(name, [{ name: 'key', type: 'text' }, { name: 'detail', type: table.detail ?? 'jsonb' }, ...table.columns])}
    ON CONFLICT (projection, key) DO UPDATE SET detail = EXCLUDED.detail${table.columns.map((c) => `, ${identifier(c.name)} = EXCLUDED.${identifier(c.name)}`).join('')}`;
  const children = (table.children ?? []).map((child) => ({
    child,
    remove: `DELETE FROM ${identifier(child.table)} WHERE projection = $1 AND key = ANY($2::text[])`,
    insert: recordsetInsert(child.table, [{ name: 'key', type: 'text' }, ...child.columns]),
  }));

  const decodeRows = (
    rows: ReadonlyArray<{ readonly key: string; readonly detail: unknown }>,
    projection: string,
  ): E.Either<ReadModelStoreError, Map<string, Row>> => {
    const found = new Map<string, Row>();
    for (const r of rows) {
      const decoded = codec.decode(r.detail);
      if (E.isLeft(decoded))
        return E.left(storeError(`Row ${r.key} of read model ${projection} cannot be read: ${describeFieldErrors(fieldErrors(decoded.left))}`));
      found.set(r.key, decoded.right);
    }
    return E.right(found);
  };

  const head = async (client: PoolClient, projection: string): Promise<ProjectionHead | undefined> => {
    const result = await client.query<HeadRow>(HEAD_SQL, [projection]);
    const row = result.rows[0];
    return row === undefined ? undefined : headOf(row);
  };

  return {
    head: (projection) => () => withClient(connections, false, async (client) => E.right(await head(client, projection))),
    rows: (projection, keys) => () =>
      withClient(connections, false, async (client) => {
        if (keys.length === 0) return E.right(new Map<string, Row>());
        const result = await client.query<{ key: string; detail: unknown }>(`SELECT key, detail FROM ${name} WHERE projection = $1 AND key = ANY($2::text[])`, [
          projection,
          keys,
        ]);
        return decodeRows(result.rows, projection);
      }),
    commit: (projection, batch) => () =>
      withClient(connections, true, async (client) => {
        const moved = await client.query(
          'UPDATE caseledger_read_models SET checkpoint_commit = $2, checkpoint_prepare = $3, updated_at = now() WHERE name = $1 AND version = $4',
          [projection, batch.checkpoint.commit.toString(), batch.checkpoint.prepare.toString(), batch.version],
        );
        if (moved.rowCount !== 1) return E.left(versionChanged(projection, (await head(client, projection))?.version, batch.version));
        if (batch.rows.size > 0) {
          const rows = [...batch.rows];
          const keys = rows.map(([key]) => key);
          // A text[] column's JSON array becomes a PostgreSQL array, a jsonb column's object stays one.
          const records = rows.map(([key, row]) => Object.fromEntries([['key', key], ['detail', row], ...table.columns.map((c) => [c.name, c.value(row)])]));
          await client.query(upsert, [projection, JSON.stringify(records)]);
          for (const { child, remove, insert } of children) {
            await client.query(remove, [projection, keys]);
            const values = rows.flatMap(([key, row]) =>
              child.of(row).map((cells) => Object.fromEntries([['key', key], ...child.columns.map((c, i) => [c.name, cells[i] ?? null])])),
            );
            if (values.length > 0) await client.query(insert, [projection, JSON.stringify(values)]);
          }
        }
        if (batch.parked.length > 0) {
          await client.query(
            `INSERT INTO caseledger_parked_events (projection, stream_name, revision, event_type, error)
             SELECT $1, s, r::numeric, t, e FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS u(s, r, t, e, n) ORDER BY n`,
            [
              projection,
              batch.parked.map((p) => p.streamName),
              batch.parked.map((p) => p.revision),
              batch.parked.map((p) => p.eventType),
              batch.parked.map((p) => p.error),
            ],
          );
        }
        return E.right(undefined);
      }),
    reset: (projection, version) => () =>
      withClient(connections, true, async (client) => {
        await client.query(`DELETE FROM ${name} WHERE projection = $1`, [projection]);
        for (const { child } of children) await client.query(`DELETE FROM ${identifier(child.table)} WHERE projection = $1`, [projection]);
        await client.query('DELETE FROM caseledger_parked_events WHERE projection = $1', [projection]);
        await client.query(
          `INSERT INTO caseledger_read_models (name, version, checkpoint_commit, checkpoint_prepare, updated_at) VALUES ($1, $2, NULL, NULL, now())
           ON CONFLICT (name) DO UPDATE SET version = $2, checkpoint_commit = NULL, checkpoint_prepare = NULL, updated_at = now()`,
          [projection, version],
        );
        return E.right(undefined);
      }),
    load: (projection) => () =>
      withClient(connections, false, async (client) => {
        const stored = await head(client, projection);
        if (stored === undefined) return E.right(undefined);
        const result = await client.query<{ key: string; detail: unknown }>(`SELECT key, detail FROM ${name} WHERE projection = $1 ORDER BY key`, [projection]);
        return E.map((rows: Map<string, Row>) => ({ ...stored, rows }))(decodeRows(result.rows, projection));
      }),
    parked: (projection, page) => () =>
      withClient(connections, false, async (client) => {
        const result = await client.query<{ stream_name: string; revision: string; event_type: string; error: string }>(
          'SELECT stream_name, revision, event_type, error FROM caseledger_parked_events WHERE projection = $1 ORDER BY seq LIMIT $2 OFFSET $3',
          [projection, page === undefined ? null : Math.max(0, page.limit), Math.max(0, page?.offset ?? 0)],
        );
        return E.right(result.rows.map((r): ParkedEvent => ({ streamName: r.stream_name, revision: r.revision, eventType: r.event_type, error: r.error })));
      }),
  };
};
