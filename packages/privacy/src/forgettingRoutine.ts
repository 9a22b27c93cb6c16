/**
 * "Forget customer X" in one call (T-10): destroy the customer's key, then drop every copy of their
 * opened text that the application told us about — command handlers' state caches, read models
 * (rebuilt from the store, where the customer now reads as erased), dead rows in PostgreSQL tables
 * (vacuumed) — and say plainly what still holds the customer until the next KEK rotation.
 *
 * The key comes first and must go: without it nothing else is worth doing (a read model rebuilt
 * while the key exists would read the text again). Every later step runs even when an earlier one
 * fails; the report says which failed, and running the routine again is safe.
 */
import type { Instant } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { Pool } from 'pg';
import type { KeyStore, KeyStoreError } from './keyStore.js';

/** A cache that may hold a customer's opened text (a command handler's states, an app's own). */
export interface CacheToEvict {
  readonly name: string;
  readonly evict: (customerId: string) => void | Promise<void>;
}

/** A read model that holds opened text, and how to scrub it: rebuild it, or erase the customer's rows. */
export interface ReadModelToScrub {
  readonly name: string;
  readonly scrub: (customerId: string) => TE.TaskEither<{ readonly message: string }, unknown>;
}

/** Physical clean-up after the rows changed: e.g. `VACUUM FULL` of the key and read-model tables. */
export interface StorageToCompact {
  readonly name: string;
  /** Done; when it could not reach everything, what is left (the report lists it under `remaining`). */
  readonly compact: () => TE.TaskEither<{ readonly message: string }, { readonly remaining?: ReadonlyArray<RemainingCopy> } | undefined>;
}

/** A place that still holds something of the customer after the routine, and until when. */
export interface RemainingCopy {
  readonly where: string;
  readonly holds: string;
  readonly until: string;
}

export interface ForgettingOptions {
  readonly keys: KeyStore;
  readonly caches?: ReadonlyArray<CacheToEvict>;
  readonly readModels?: ReadonlyArray<ReadModelToScrub>;
  readonly storage?: ReadonlyArray<StorageToCompact>;
  /** Copies the application keeps that this routine cannot reach (a search index, a mailbox), reported as they are. */
  readonly alsoHeldBy?: ReadonlyArray<RemainingCopy>;
}

export interface ForgetStep {
  readonly kind: 'key' | 'cache' | 'read-model' | 'storage';
  readonly name: string;
  readonly outcome: 'done' | 'failed';
  /** What was done, or why it failed (never a customer's value). */
  readonly detail: string;
}

export interface ForgetReport {
  readonly customerId: string;
  /** When the key was destroyed: now, or earlier if the customer had been forgotten already. */
  readonly erasedAt: Instant;
  readonly forgottenNow: boolean;
  readonly steps: ReadonlyArray<ForgetStep>;
  /** True when every step was done; otherwise run the routine again once the failed step can succeed. */
  readonly complete: boolean;
  /** What still holds the customer, and until when: the erasure horizon. */
  readonly remaining: ReadonlyArray<RemainingCopy>;
}

export interface ForgettingRoutine {
  readonly forget: (customerId: string, at: Instant) => TE.TaskEither<KeyStoreError, ForgetReport>;
  /** Register a cache to evict on every later forget (e.g. a handler created after the routine); returns the unregistration. */
  readonly registerCache: (cache: CacheToEvict) => () => void;
}

/** A command handler's state cache, as a cache to evict: handlers keep folded states, with their text. */
export const handlerCache = (name: string, handler: { readonly clearCache: () => void }): CacheToEvict => ({ name, evict: () => handler.clearCache() });

/** A read model scrubbed by rebuilding it from the store, e.g. `() => runProjection({ …, rebuild: true })`. */
export const rebuiltReadModel = (name: string, rebuild: () => TE.TaskEither<{ readonly message: string }, unknown>): ReadModelToScrub => ({
  name,
  scrub: () => rebuild(),
});

const messageOf = (u: unknown): string => (u instanceof Error ? u.message : 'failed');

const IDENTIFIER = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/**
 * `VACUUM FULL` of PostgreSQL tables: rewrites each into new files, so no dead row of a forgotten
 * customer stays in the live files. It locks each table while it runs (a key table of 100,000
 * customers takes about a second); plain `VACUUM` only marks dead rows reusable and leaves their bytes.
 */
export const postgresVacuum = (pool: Pool, tables: ReadonlyArray<string>): StorageToCompact => ({
  name: `PostgreSQL ${tables.join(', ')}`,
  compact: () => async () => {
    const bad = tables.find((table) => !IDENTIFIER.test(table));
    if (bad !== undefined) return E.left({ message: `"${bad}" is not a plain table name (lower-case letters, digits, _; optionally schema.table).` });
    try {
      for (const table of tables) await pool.query(`VACUUM FULL ${table}`);
      return E.right(undefined);
    } catch (error) {
      return E.left({ message: messageOf(error) });
    }
  },
});

/** The server settings that decide what becomes of WAL segments no longer needed. */
interface WalSettings {
  readonly walRecycle: boolean;
  readonly walKeepSize: string;
  readonly archiveMode: string;
  readonly slots: number;
}

/** What the live WAL may still hold after the switch, given the server's settings. */
const walRemaining = (w: WalSettings): ReadonlyArray<RemainingCopy> => [
  ...(w.walRecycle
    ? [
        {
          where: "recycled WAL segment files in the server's pg_wal",
          holds: 'the bytes of WAL written before the erasure, under new file names',
          until: 'new WAL overwrites them; set wal_recycle = off so the server deletes old segments instead',
        },
      ]
    : []),
  ...(w.walKeepSize !== '0'
    ? [
        {
          where: `WAL segments the server keeps for standbys (wal_keep_size = ${w.walKeepSize})`,
          holds: 'the WAL written before the erasure',
          until: 'enough newer WAL is written to push them out',
        },
      ]
    : []),
  ...(w.slots > 0
    ? [{ where: `WAL held by ${w.slots} replication slot(s)`, holds: 'the WAL written before the erasure', until: 'every slot has consumed it' }]
    : []),
  ...(w.archiveMode !== 'off'
    ? [{ where: 'the WAL archive (archive_mode is on)', holds: 'the WAL written before the erasure', until: 'those archives expire under your retention' }]
    : []),
];

/**
 * Move PostgreSQL's live WAL past the erased rows: `CHECKPOINT`, `pg_switch_wal()`, `CHECKPOINT`, so
 * the segments that logged the customer's rows are no longer needed and the server drops them.
 * Run it after `postgresVacuum`. Whether their bytes are gone depends on the server (`wal_recycle`,
 * `wal_keep_size`, replication slots, archiving): the step reads those settings and the report names
 * each place the bytes may still be. Needs a role allowed to run `CHECKPOINT` and `pg_switch_wal()`.
 */
export const postgresWal = (pool: Pool): StorageToCompact => ({
  name: 'PostgreSQL WAL',
  compact: () => async () => {
    try {
      await pool.query('CHECKPOINT');
      await pool.query('SELECT pg_switch_wal()');
      await pool.query('CHECKPOINT');
      const settings = await pool.query<{ name: string; setting: string }>(
        "SELECT name, setting FROM pg_settings WHERE name IN ('wal_recycle', 'wal_keep_size', 'archive_mode')",
      );
      const setting = (name: string): string => settings.rows.find((r) => r.name === name)?.setting ?? '';
      const slots = await pool.query<{ n: string }>('SELECT count(*) AS n FROM pg_replication_slots');
      return E.right({
        remaining: walRemaining({
          walRecycle: setting('wal_recycle') !== 'off',
          walKeepSize: setting('wal_keep_size'),
          archiveMode: setting('archive_mode'),
          slots: Number(slots.rows[0]?.n ?? 0),
        }),
      });
    } catch (error) {
      return E.left({ message: messageOf(error) });
    }
  },
});

/** The horizon: what any copy taken before the routine still holds, whatever the application does now. */
const horizon = (kekIds: ReadonlyArray<string>, readModels: number): ReadonlyArray<RemainingCopy> => [
  {
    where: 'backups, WAL archives, replicas and snapshots of the key store taken before now',
    holds: `the customer's key, wrapped under the key-encryption key of its time (KEKs wrapping live keys now: ${kekIds.length === 0 ? 'none' : kekIds.join(', ')}); with that KEK it opens every sealed field of the customer`,
    until: 'the next KEK rotation (`caseledger-keys rotate`) once the old KEK is destroyed; after that no copy of the key can be unwrapped',
  },
  ...(readModels > 0
    ? [
        {
          where: 'backups, WAL archives and replicas of the read-model tables taken before now',
          holds: 'the opened text the read models held (read models store what they show, unsealed)',
          until: 'those copies expire under your retention; a KEK rotation does not reach them',
        },
      ]
    : []),
];

export const forgettingRoutine = (options: ForgettingOptions): ForgettingRoutine => {
  const caches = [...(options.caches ?? [])];

  const forget =
    (customerId: string, at: Instant): TE.TaskEither<KeyStoreError, ForgetReport> =>
    async () => {
      const destroyed = await options.keys.forget(customerId, at)();
      if (E.isLeft(destroyed)) return destroyed;
      const steps: ForgetStep[] = [
        {
          kind: 'key',
          name: 'key store',
          outcome: 'done',
          detail: destroyed.right.forgottenNow ? 'key destroyed; a tombstone keeps the instant' : `already forgotten at ${destroyed.right.erasedAt}`,
        },
      ];
      for (const cache of caches) {
        try {
          await cache.evict(customerId);
          steps.push({ kind: 'cache', name: cache.name, outcome: 'done', detail: 'evicted' });
        } catch (error) {
          steps.push({ kind: 'cache', name: cache.name, outcome: 'failed', detail: messageOf(error) });
        }
      }
      for (const readModel of options.readModels ?? []) {
        const scrubbed = await readModel.scrub(customerId)();
        steps.push({
          kind: 'read-model',
          name: readModel.name,
          outcome: E.isRight(scrubbed) ? 'done' : 'failed',
          detail: E.isRight(scrubbed) ? 'scrubbed' : scrubbed.left.message,
        });
      }
      const unreached: RemainingCopy[] = [];
      for (const storage of options.storage ?? []) {
        const compacted = await storage.compact()();
        const left = E.isRight(compacted) && compacted.right !== undefined ? (compacted.right.remaining ?? []) : [];
        unreached.push(...left);
        steps.push({
          kind: 'storage',
          name: storage.name,
          outcome: E.isRight(compacted) ? 'done' : 'failed',
          detail: E.isRight(compacted)
            ? left.length === 0
              ? 'compacted'
              : `compacted; not reached: ${left.map((r) => r.where).join('; ')}`
            : compacted.left.message,
        });
      }
      const usage = await options.keys.kekUsage()();
      const kekIds = E.isRight(usage) ? Object.keys(usage.right) : [];
      return E.right({
        customerId,
        erasedAt: destroyed.right.erasedAt,
        forgottenNow: destroyed.right.forgottenNow,
        steps,
        complete: steps.every((s) => s.outcome === 'done'),
        remaining: [...horizon(kekIds, options.readModels?.length ?? 0), ...unreached, ...(options.alsoHeldBy ?? [])],
      });
    };

  const registerCache = (cache: CacheToEvict): (() => void) => {
    caches.push(cache);
    return () => {
      const i = caches.indexOf(cache);
      if (i >= 0) caches.splice(i, 1);
    };
  };

  return { forget, registerCache };
};
