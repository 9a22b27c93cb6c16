/**
 * The key-store port (T-10): one AES-256 key per customer ("subject"), issued on first use and
 * deleted when the customer is forgotten. A forgotten subject keeps a tombstone, so the store can
 * tell "erased on purpose" (reads as erased) from "never had a key" (an error).
 *
 * A store keeps keys only wrapped by a key-encryption key (`kek.ts`): it writes the wrapped bytes
 * and the KEK's id, never a key itself. `rewrap` moves keys from older KEKs to the current one
 * (a rotation, `rotateKeyEncryptionKey`).
 */
import type { Instant } from '@caseledger/core';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { KekError } from './kek.js';

/** 32 bytes: an AES-256 key. */
export type SubjectKeyBytes = Uint8Array;
export const KEY_BYTES = 32;

export type SubjectKey =
  { readonly status: 'active'; readonly key: SubjectKeyBytes } | { readonly status: 'erased'; readonly erasedAt: Instant } | { readonly status: 'unknown' };

export interface KeyStoreError {
  readonly _tag: 'KeyStoreError';
  /** `KEY_STORE_UNAVAILABLE`: the store failed; `KEK_…`: a key-encryption key is missing or does not unwrap. */
  readonly code: 'KEY_STORE_UNAVAILABLE' | KekError['code'];
  readonly message: string;
}

export interface ForgetResult {
  /** When the key was deleted: now, or earlier when the customer had been forgotten already. */
  readonly erasedAt: Instant;
  /** False when the customer was forgotten before (forgetting is idempotent). */
  readonly forgottenNow: boolean;
}

/** One step of a rotation: how many keys moved to the current KEK, and how many remain under others. */
export interface RewrapStep {
  readonly rewrapped: number;
  readonly remaining: number;
}

export interface KeyStore {
  /** The subject's key as it stands; never issues one. */
  readonly lookup: (subject: string) => TE.TaskEither<KeyStoreError, SubjectKey>;
  /** The subject's key, issued now when it has none; a forgotten subject stays erased (never re-keyed). */
  readonly issue: (subject: string) => TE.TaskEither<KeyStoreError, Exclude<SubjectKey, { readonly status: 'unknown' }>>;
  /** Delete the subject's key for good and keep a tombstone. A subject never seen is tombstoned too. */
  readonly forget: (subject: string, at: Instant) => TE.TaskEither<KeyStoreError, ForgetResult>;
  /** Re-wrap up to `batch` live keys that another KEK wrapped under the current one. */
  readonly rewrap: (batch: number) => TE.TaskEither<KeyStoreError, RewrapStep>;
  /** How many live keys each KEK wraps, by KEK id. */
  readonly kekUsage: () => TE.TaskEither<KeyStoreError, Readonly<Record<string, number>>>;
}

export const keyStoreUnavailable = (message: string): KeyStoreError => ({ _tag: 'KeyStoreError', code: 'KEY_STORE_UNAVAILABLE', message });

export const fromKekError = (e: KekError): KeyStoreError => ({ _tag: 'KeyStoreError', code: e.code, message: e.message });
