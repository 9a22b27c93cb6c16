/**
 * Keys in PostgreSQL (through `pg`): a row per customer; forgetting sets the key to NULL and keeps
 * the row as a tombstone with the instant of erasure. Concurrent first uses issue one key.
 */
import { type Instant, decodeWith, Instant as InstantCodec } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { Pool, PoolClient } from 'pg';
import { randomBytes } from 'node:crypto';
import { type ForgetResult, KEY_BYTES, type KeyStore, type KeyStoreError, type SubjectKey, keyStoreUnavailable } from './keyStore.js';

const messageOf = (u: unknown): string => (u instanceof Error ? u.message : 'unknown database error');

const attempt = async <A>(work: () => Promise<E.Either<KeyStoreError, A>>): Promise<E.Either<KeyStoreError, A>> => {
  try {
    return await work();
  } catch (error) {
    return E.left(keyStoreUnavailable(`Key store: ${messageOf(error)}`));
  }
};

const inTransaction = async <A>(pool: Pool, work: (client: PoolClient) => Promise<E.Either<KeyStoreError, A>>): Promise<E.Either<KeyStoreError, A>> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query(E.isRight(result) ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

/** Create the key table when it is missing. Safe to run from several processes at once. */
export const migrateKeyStore =
  (pool: Pool): TE.TaskEither<KeyStoreError, void> =>
  () =>
    attempt(() =>
      inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(7365101)');
        await client.query(`CREATE TABLE IF NOT EXISTS caseledger_subject_keys (
          subject text PRIMARY KEY,
          key bytea,
          issued_at timestamptz NOT NULL DEFAULT now(),
          erased_at text,
          CHECK ((key IS NULL) = (erased_at IS NOT NULL))
        )`);
        return E.right(undefined);
      }),
    );

interface Row {
  readonly key: Buffer | null;
  readonly erased_at: string | null;
}

const fromRow = (subject: string, row: Row | undefined): E.Either<KeyStoreError, SubjectKey> => {
  if (row === undefined) return E.right({ status: 'unknown' });
  if (row.key !== null) {
    return row.key.length === KEY_BYTES
      ? E.right({ status: 'active', key: new Uint8Array(row.key) })
      : E.left(keyStoreUnavailable(`Key store: the key of ${subject} has ${row.key.length} bytes, not ${KEY_BYTES}`));
  }
  const erasedAt = decodeWith(InstantCodec)(row.erased_at);
  return E.isRight(erasedAt) ? E.right({ status: 'erased', erasedAt: erasedAt.right }) : E.left(keyStoreUnavailable(`Key store: the tombstone of ${subject} has no valid instant`));
};

export const postgresKeyStore = (pool: Pool): KeyStore => {
  const select = async (subject: string) => fromRow(subject, (await pool.query<Row>('SELECT key, erased_at FROM caseledger_subject_keys WHERE subject = $1', [subject])).rows[0]);

  return {
    lookup: (subject) => () => attempt(() => select(subject)),
    issue: (subject) => () =>
      attempt(async () => {
        await pool.query('INSERT INTO caseledger_subject_keys (subject, key) VALUES ($1, $2) ON CONFLICT (subject) DO NOTHING', [subject, randomBytes(KEY_BYTES)]);
        const issued = await select(subject);
        if (E.isLeft(issued)) return issued;
        const key = issued.right;
        return key.status === 'unknown' ? E.left(keyStoreUnavailable(`Key store: no key could be issued for ${subject}`)) : E.right(key);
      }),
    forget: (subject, at: Instant) => () =>
      attempt(() =>
        inTransaction(pool, async (client): Promise<E.Either<KeyStoreError, ForgetResult>> => {
          const before = fromRow(subject, (await client.query<Row>('SELECT key, erased_at FROM caseledger_subject_keys WHERE subject = $1 FOR UPDATE', [subject])).rows[0]);
          if (E.isLeft(before)) return before;
          if (before.right.status === 'erased') return E.right({ erasedAt: before.right.erasedAt, forgottenNow: false });
          // A first tombstone wins: a concurrent forget of a never-seen subject keeps the earlier instant.
          await client.query(
            `INSERT INTO caseledger_subject_keys AS k (subject, key, erased_at) VALUES ($1, NULL, $2)
             ON CONFLICT (subject) DO UPDATE SET key = NULL, erased_at = COALESCE(k.erased_at, EXCLUDED.erased_at)`,
            [subject, at],
          );
          return E.right({ erasedAt: at, forgottenNow: true });
        }),
      ),
  };
};
