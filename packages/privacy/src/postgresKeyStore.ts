/**
 * Keys in PostgreSQL (through `pg`): a row per customer holding the key wrapped by a key-encryption
 * key and that KEK's id — never a key itself. Forgetting sets the wrapped key to NULL and keeps the
 * row as a tombstone with the instant of erasure. Concurrent first uses issue one key.
 *
 * `migrateKeyStore` creates the table, or upgrades one of caseledger 0.1 (plaintext keys): it wraps
 * every key under the ring's current KEK, drops the plaintext column and rewrites the table
 * (`VACUUM FULL`), so the live files hold no plaintext key. Copies taken before (backups, WAL
 * archives) still do: docs/privacy.md says what that means.
 */
import { type Instant, decodeWith, Instant as InstantCodec } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { Pool, PoolClient } from 'pg';
import { randomBytes } from 'node:crypto';
import { type KekRing, kekError, kekOf } from './kek.js';
import {
  type ForgetResult,
  KEY_BYTES,
  type KeyStore,
  type KeyStoreError,
  type RewrapStep,
  type SubjectKey,
  fromKekError,
  keyStoreUnavailable,
} from './keyStore.js';

/** The table `postgresKeyStore` keeps keys in: vacuum it after forgetting (`postgresVacuum`). */
export const POSTGRES_KEY_TABLE = 'caseledger_subject_keys';
const TABLE = POSTGRES_KEY_TABLE;

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

interface Row {
  readonly subject: string;
  readonly wrapped_key: Buffer | null;
  readonly kek_id: string | null;
  readonly erased_at: string | null;
}

/**
 * Create the key table when it is missing, or upgrade a plaintext one (caseledger 0.1) by wrapping
 * its keys under `ring.current`. Safe to run from several processes at once and to run again.
 */
export const migrateKeyStore =
  (pool: Pool, ring: KekRing): TE.TaskEither<KeyStoreError, void> =>
  () =>
    attempt(async () => {
      const upgraded = await inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(7365101)');
        await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (
          subject text PRIMARY KEY,
          wrapped_key bytea,
          kek_id text,
          issued_at timestamptz NOT NULL DEFAULT now(),
          erased_at text,
          CONSTRAINT caseledger_subject_keys_tombstone CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL)),
          CONSTRAINT caseledger_subject_keys_kek CHECK ((wrapped_key IS NULL) = (kek_id IS NULL))
        )`);
        const plaintext = await client.query(
          `SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '${TABLE}' AND column_name = 'key'`,
        );
        if (plaintext.rowCount === 0) return E.right(false);
        // caseledger 0.1: keys in plaintext. Wrap each, then drop the column.
        await client.query(`ALTER TABLE ${TABLE} ADD COLUMN IF NOT EXISTS wrapped_key bytea, ADD COLUMN IF NOT EXISTS kek_id text`);
        const checks = await client.query<{ conname: string }>(`SELECT conname FROM pg_constraint WHERE conrelid = '${TABLE}'::regclass AND contype = 'c'`);
        for (const { conname } of checks.rows) await client.query(`ALTER TABLE ${TABLE} DROP CONSTRAINT "${conname}"`);
        const rows = await client.query<{ subject: string; key: Buffer }>(`SELECT subject, key FROM ${TABLE} WHERE key IS NOT NULL`);
        for (const row of rows.rows) {
          const wrapped = await ring.current.wrap(new Uint8Array(row.key), row.subject)();
          if (E.isLeft(wrapped)) return E.left(fromKekError(wrapped.left));
          await client.query(`UPDATE ${TABLE} SET wrapped_key = $2, kek_id = $3 WHERE subject = $1`, [
            row.subject,
            Buffer.from(wrapped.right),
            ring.current.id,
          ]);
        }
        await client.query(`ALTER TABLE ${TABLE} DROP COLUMN key`);
        await client.query(`ALTER TABLE ${TABLE} ADD CONSTRAINT caseledger_subject_keys_tombstone CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL)),
          ADD CONSTRAINT caseledger_subject_keys_kek CHECK ((wrapped_key IS NULL) = (kek_id IS NULL))`);
        return E.right(true);
      });
      if (E.isLeft(upgraded)) return upgraded;
      // Rewrite the table so its live files hold no plaintext key (outside a transaction).
      if (upgraded.right) await pool.query(`VACUUM FULL ${TABLE}`);
      return E.right(undefined);
    });

/** How many live keys each KEK wraps, by KEK id; needs no key. */
export const postgresKeyUsage =
  (pool: Pool): TE.TaskEither<KeyStoreError, Readonly<Record<string, number>>> =>
  () =>
    attempt(async () => {
      const rows = await pool.query<{ kek_id: string; n: string }>(
        `SELECT kek_id, count(*) AS n FROM ${TABLE} WHERE wrapped_key IS NOT NULL GROUP BY kek_id ORDER BY kek_id`,
      );
      return E.right(Object.fromEntries(rows.rows.map((r) => [r.kek_id, Number(r.n)])));
    });

export const postgresKeyStore = (pool: Pool, ring: KekRing): KeyStore => {
  const open = async (subject: string, row: Row | undefined): Promise<E.Either<KeyStoreError, SubjectKey>> => {
    if (row === undefined) return E.right({ status: 'unknown' });
    if (row.wrapped_key !== null) {
      const kek = kekOf(ring, row.kek_id ?? '');
      if (kek === undefined)
        return E.left(fromKekError(kekError('KEK_UNKNOWN', `The key of ${subject} is wrapped by ${row.kek_id ?? 'no KEK'}, which this store was not given.`)));
      const key = await kek.unwrap(new Uint8Array(row.wrapped_key), subject)();
      if (E.isLeft(key)) return E.left(fromKekError(key.left));
      return key.right.length === KEY_BYTES
        ? E.right({ status: 'active', key: key.right })
        : E.left(keyStoreUnavailable(`Key store: the key of ${subject} has ${key.right.length} bytes, not ${KEY_BYTES}`));
    }
    const erasedAt = decodeWith(InstantCodec)(row.erased_at);
    return E.isRight(erasedAt)
      ? E.right({ status: 'erased', erasedAt: erasedAt.right })
      : E.left(keyStoreUnavailable(`Key store: the tombstone of ${subject} has no valid instant`));
  };
  const select = async (subject: string) =>
    open(subject, (await pool.query<Row>(`SELECT subject, wrapped_key, kek_id, erased_at FROM ${TABLE} WHERE subject = $1`, [subject])).rows[0]);

  return {
    lookup: (subject) => () => attempt(() => select(subject)),
    issue: (subject) => () =>
      attempt(async () => {
        const known = await select(subject);
        if (E.isLeft(known)) return known;
        const current = known.right;
        if (current.status !== 'unknown') return E.right(current);
        const wrapped = await ring.current.wrap(new Uint8Array(randomBytes(KEY_BYTES)), subject)();
        if (E.isLeft(wrapped)) return E.left(fromKekError(wrapped.left));
        await pool.query(`INSERT INTO ${TABLE} (subject, wrapped_key, kek_id) VALUES ($1, $2, $3) ON CONFLICT (subject) DO NOTHING`, [
          subject,
          Buffer.from(wrapped.right),
          ring.current.id,
        ]);
        const issued = await select(subject);
        if (E.isLeft(issued)) return issued;
        const key = issued.right;
        return key.status === 'unknown' ? E.left(keyStoreUnavailable(`Key store: no key could be issued for ${subject}`)) : E.right(key);
      }),
    forget: (subject, at: Instant) => () =>
      attempt(() =>
        inTransaction(pool, async (client): Promise<E.Either<KeyStoreError, ForgetResult>> => {
          const row = (await client.query<Row>(`SELECT subject, wrapped_key, kek_id, erased_at FROM ${TABLE} WHERE subject = $1 FOR UPDATE`, [subject]))
            .rows[0];
          if (row !== undefined && row.wrapped_key === null) {
            const erasedAt = decodeWith(InstantCodec)(row.erased_at);
            if (E.isRight(erasedAt)) return E.right({ erasedAt: erasedAt.right, forgottenNow: false });
          }
          // A first tombstone wins: a concurrent forget of a never-seen subject keeps the earlier instant.
          await client.query(
            `INSERT INTO ${TABLE} AS k (subject, wrapped_key, kek_id, erased_at) VALUES ($1, NULL, NULL, $2)
             ON CONFLICT (subject) DO UPDATE SET wrapped_key = NULL, kek_id = NULL, erased_at = COALESCE(k.erased_at, EXCLUDED.erased_at)`,
            [subject, at],
          );
          return E.right({ erasedAt: at, forgottenNow: true });
        }),
      ),
    rewrap: (batch) => () =>
      attempt(async (): Promise<E.Either<KeyStoreError, RewrapStep>> => {
        const stale = await pool.query<Row>(
          `SELECT subject, wrapped_key, kek_id, erased_at FROM ${TABLE} WHERE wrapped_key IS NOT NULL AND kek_id <> $1 ORDER BY subject LIMIT $2`,
          [ring.current.id, Math.max(0, batch)],
        );
        let rewrapped = 0;
        for (const row of stale.rows) {
          const key = await open(row.subject, row);
          if (E.isLeft(key)) return key;
          if (key.right.status !== 'active') continue;
          const wrapped = await ring.current.wrap(key.right.key, row.subject)();
          if (E.isLeft(wrapped)) return E.left(fromKekError(wrapped.left));
          // Only the very bytes read: a key forgotten or re-wrapped meanwhile is left as it now is.
          const updated = await pool.query(`UPDATE ${TABLE} SET wrapped_key = $2, kek_id = $3 WHERE subject = $1 AND kek_id = $4 AND wrapped_key = $5`, [
            row.subject,
            Buffer.from(wrapped.right),
            ring.current.id,
            row.kek_id,
            row.wrapped_key,
          ]);
          rewrapped += updated.rowCount ?? 0;
        }
        const remaining = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${TABLE} WHERE wrapped_key IS NOT NULL AND kek_id <> $1`, [
          ring.current.id,
        ]);
        return E.right({ rewrapped, remaining: Number(remaining.rows[0]?.n ?? 0) });
      }),
    kekUsage: () => postgresKeyUsage(pool),
  };
};
