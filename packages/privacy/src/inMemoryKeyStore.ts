/**
 * Keys in memory: for tests, examples and single-process tools. Keys are held wrapped, as a
 * database holds them; forgetting overwrites the wrapped bytes. Without a ring, a random KEK that
 * lives as long as the process.
 */
import type { Instant } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { randomBytes } from 'node:crypto';
import { type KekRing, kekError, kekOf, localKek } from './kek.js';
import { KEY_BYTES, type KeyStore, type KeyStoreError, type SubjectKey, fromKekError } from './keyStore.js';

/** A key as the table holds it: wrapped, with its KEK's id; or a tombstone. */
export type HeldKey =
  { readonly status: 'active'; readonly wrapped: Uint8Array; readonly kekId: string } | { readonly status: 'erased'; readonly erasedAt: Instant };
type Held = HeldKey;

/** The table behind an in-memory store: share one between stores to see it under another ring (a restart with a new KEK). */
export type InMemoryKeyTable = Map<string, HeldKey>;
export const inMemoryKeyTable = (): InMemoryKeyTable => new Map();

const processKek = (): KekRing => {
  const kek = localKek(new Uint8Array(randomBytes(32)));
  if (E.isLeft(kek)) throw new Error(kek.left.message);
  return { current: kek.right };
};

export const inMemoryKeyStore = (ring: KekRing = processKek(), keys: InMemoryKeyTable = inMemoryKeyTable()): KeyStore => {
  const open = async (subject: string, held: Held | undefined): Promise<E.Either<KeyStoreError, SubjectKey>> => {
    if (held === undefined) return E.right({ status: 'unknown' });
    if (held.status === 'erased') return E.right(held);
    const kek = kekOf(ring, held.kekId);
    if (kek === undefined)
      return E.left(fromKekError(kekError('KEK_UNKNOWN', `The key of ${subject} is wrapped by ${held.kekId}, which this store was not given.`)));
    const key = await kek.unwrap(held.wrapped, subject)();
    return E.isLeft(key) ? E.left(fromKekError(key.left)) : E.right({ status: 'active', key: key.right });
  };

  return {
    lookup: (subject) => () => open(subject, keys.get(subject)),
    issue: (subject) => async () => {
      const known = keys.get(subject);
      if (known === undefined) {
        const wrapped = await ring.current.wrap(new Uint8Array(randomBytes(KEY_BYTES)), subject)();
        if (E.isLeft(wrapped)) return E.left(fromKekError(wrapped.left));
        // A concurrent first use may have issued meanwhile: the first one stays.
        if (!keys.has(subject)) keys.set(subject, { status: 'active', wrapped: wrapped.right, kekId: ring.current.id });
      }
      const opened = await open(subject, keys.get(subject));
      if (E.isLeft(opened)) return opened;
      const key = opened.right;
      return key.status === 'unknown' ? E.left(fromKekError(kekError('KEK_UNAVAILABLE', `No key could be issued for ${subject}.`))) : E.right(key);
    },
    forget: (subject, at: Instant) => async () => {
      const known = keys.get(subject);
      if (known?.status === 'erased') return E.right({ erasedAt: known.erasedAt, forgottenNow: false });
      if (known?.status === 'active') known.wrapped.fill(0);
      keys.set(subject, { status: 'erased', erasedAt: at });
      return E.right({ erasedAt: at, forgottenNow: true });
    },
    rewrap: (batch) => async () => {
      const stale = [...keys.entries()].filter(
        (entry): entry is [string, Extract<Held, { status: 'active' }>] => entry[1].status === 'active' && entry[1].kekId !== ring.current.id,
      );
      let rewrapped = 0;
      for (const [subject, held] of stale.slice(0, Math.max(0, batch))) {
        const key = await open(subject, held);
        if (E.isLeft(key)) return key;
        if (key.right.status !== 'active') continue;
        const wrapped = await ring.current.wrap(key.right.key, subject)();
        if (E.isLeft(wrapped)) return E.left(fromKekError(wrapped.left));
        // Forgotten meanwhile: stays forgotten.
        if (keys.get(subject) !== held) continue;
        keys.set(subject, { status: 'active', wrapped: wrapped.right, kekId: ring.current.id });
        held.wrapped.fill(0);
        rewrapped += 1;
      }
      const remaining = [...keys.values()].filter((h) => h.status === 'active' && h.kekId !== ring.current.id).length;
      return E.right({ rewrapped, remaining });
    },
    kekUsage: () => async () => {
      const usage: Record<string, number> = {};
      for (const held of keys.values()) if (held.status === 'active') usage[held.kekId] = (usage[held.kekId] ?? 0) + 1;
      return E.right(usage);
    },
  };
};
