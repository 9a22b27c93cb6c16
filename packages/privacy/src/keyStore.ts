/**
 * The key-store port (T-10): one AES-256 key per customer ("subject"), issued on first use and
 * deleted when the customer is forgotten. A forgotten subject keeps a tombstone, so the store can
 * tell "erased on purpose" (reads as erased) from "never had a key" (an error).
 */
import type { Instant } from '@caseledger/core';
import type * as TE from 'fp-ts/lib/TaskEither.js';

/** 32 bytes: an AES-256 key. */
export type SubjectKeyBytes = Uint8Array;
export const KEY_BYTES = 32;

export type SubjectKey =
  | { readonly status: 'active'; readonly key: SubjectKeyBytes }
  | { readonly status: 'erased'; readonly erasedAt: Instant }
  | { readonly status: 'unknown' };

export interface KeyStoreError {
  readonly _tag: 'KeyStoreError';
  readonly code: 'KEY_STORE_UNAVAILABLE';
  readonly message: string;
}

export interface ForgetResult {
  /** When the key was deleted: now, or earlier when the customer had been forgotten already. */
  readonly erasedAt: Instant;
  /** False when the customer was forgotten before (forgetting is idempotent). */
  readonly forgottenNow: boolean;
}

export interface KeyStore {
  /** The subject's key as it stands; never issues one. */
  readonly lookup: (subject: string) => TE.TaskEither<KeyStoreError, SubjectKey>;
  /** The subject's key, issued now when it has none; a forgotten subject stays erased (never re-keyed). */
  readonly issue: (subject: string) => TE.TaskEither<KeyStoreError, Exclude<SubjectKey, { readonly status: 'unknown' }>>;
  /** Delete the subject's key for good and keep a tombstone. A subject never seen is tombstoned too. */
  readonly forget: (subject: string, at: Instant) => TE.TaskEither<KeyStoreError, ForgetResult>;
}

export const keyStoreUnavailable = (message: string): KeyStoreError => ({ _tag: 'KeyStoreError', code: 'KEY_STORE_UNAVAILABLE', message });
