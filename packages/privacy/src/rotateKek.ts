/**
 * KEK rotation (T-10): re-wrap every live customer key under the ring's current KEK, in batches,
 * while the application goes on writing (new keys are already wrapped under the current KEK; a key
 * forgotten meanwhile stays forgotten). Resumable: run it again after a crash and it carries on
 * with the keys still under older KEKs. When it reports none left, the old KEK can be destroyed,
 * and with it every copy of a key taken before — backups, WAL archives, replicas — including the
 * keys of customers forgotten since: this is what makes a forget reach copies the database no
 * longer controls.
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { KeyStore, KeyStoreError } from './keyStore.js';

export interface RotationReport {
  /** Keys moved to the current KEK by this run. */
  readonly rewrapped: number;
  /** Live keys per KEK id when the run ended: only the current KEK's once the rotation is done. */
  readonly usage: Readonly<Record<string, number>>;
  /** True when no live key is wrapped by another KEK than the current one: the old KEKs can go. */
  readonly complete: boolean;
}

export interface RotationOptions {
  /** Keys per step (default 500). */
  readonly batch?: number;
  /** Called after each step, e.g. for progress. */
  readonly onStep?: (done: number, remaining: number) => void;
}

export const rotateKeyEncryptionKey =
  (keys: KeyStore, options: RotationOptions = {}): TE.TaskEither<KeyStoreError, RotationReport> =>
  async () => {
    const batch = Math.max(1, options.batch ?? 500);
    let rewrapped = 0;
    let remaining = 0;
    let idle = 0;
    do {
      const step = await keys.rewrap(batch)();
      if (E.isLeft(step)) return step;
      rewrapped += step.right.rewrapped;
      remaining = step.right.remaining;
      options.onStep?.(rewrapped, remaining);
      // A step that moved nothing saw its keys forgotten or re-wrapped by another runner: look again, a few times.
      idle = step.right.rewrapped === 0 ? idle + 1 : 0;
    } while (remaining > 0 && idle < 3);
    const usage = await keys.kekUsage()();
    if (E.isLeft(usage)) return usage;
    return E.right({ rewrapped, usage: usage.right, complete: remaining === 0 });
  };
