/**
 * The event-store port. Adapters (in memory, EventStoreDB/KurrentDB) implement it; the command
 * handler, projections and the audit only ever talk to this interface. Effects are `TaskEither`,
 * so failures are values with stable codes.
 */
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { type ExpectedRevision, type GlobalPosition, type NewEvent, type RecordedEvent, describeExpectedRevision } from './event.js';

export type StreamRead = { readonly kind: 'no-stream' } | { readonly kind: 'stream'; readonly revision: bigint; readonly events: ReadonlyArray<RecordedEvent> };

export interface AppendResult {
  /** The revision of the last event in the stream after the append. */
  readonly nextExpectedRevision: bigint;
  /** The global position of the last event written (absent when nothing was written). */
  readonly position?: GlobalPosition;
}

export interface ReadAllOptions {
  /** Exclusive: the first event returned is the one after this position. From the start when absent. */
  readonly after?: GlobalPosition;
  /** At most this many events (a page); everything when absent. */
  readonly maxCount?: number;
}

export interface StoreErrorBase {
  readonly _tag: 'StoreError';
  readonly message: string;
  /** Whether the same call may succeed if tried again later. */
  readonly retriable: boolean;
}

/**
 * Failures that carry nothing but a message. From a store that seals personal data (T-10):
 * `KEY_STORE_UNAVAILABLE`, and the key-encryption key's `KEK_*` (missing, invalid, unknown, or it
 * does not unwrap a customer's key).
 */
export type StoreFailureCode =
  | 'STORE_ACCESS_DENIED'
  | 'STORE_NOT_LEADER'
  | 'STORE_UNAVAILABLE'
  | 'STORE_DEADLINE_EXCEEDED'
  | 'STORE_FAILURE'
  | 'STORE_POSITION_INVALID'
  | 'KEY_STORE_UNAVAILABLE'
  | 'KEK_INVALID'
  | 'KEK_UNAVAILABLE'
  | 'KEK_UNKNOWN'
  | 'KEK_DOES_NOT_UNWRAP'
  | 'KEK_RING_REPEATS_KEY';

/** T-10: what a store that seals personal data reports about a field (see `StoreError`). */
export type PersonalDataErrorCode =
  | 'PERSONAL_DATA_KEY_MISSING'
  | 'PERSONAL_DATA_UNREADABLE'
  | 'PERSONAL_DATA_SUBJECT_ERASED'
  | 'PERSONAL_DATA_SUBJECT_UNKNOWN'
  | 'PERSONAL_DATA_SUBJECT_MISMATCH'
  | 'PERSONAL_DATA_MISPLACED'
  | 'PERSONAL_FIELD_NOT_TEXT';

export type StoreError =
  | (StoreErrorBase & {
      readonly code: 'STREAM_REVISION_CONFLICT';
      readonly streamName: string;
      readonly expected: ExpectedRevision;
      readonly actual: bigint | 'no-stream';
    })
  | (StoreErrorBase & { readonly code: 'STREAM_DELETED'; readonly streamName: string })
  /** An append larger than the store takes in one go (EventStoreDB: 1 MiB up to 25.0): refused, nothing written. */
  | (StoreErrorBase & { readonly code: 'APPEND_TOO_LARGE'; readonly streamName: string; readonly bytes: number; readonly limit: number })
  | (StoreErrorBase & { readonly code: StoreFailureCode })
  /**
   * T-10, from a store that seals personal data: a sealed field whose key was never issued (missing)
   * or that its key does not open (wrong key, altered bytes); a new personal field for a customer
   * who was forgotten, or in a stream whose customer cannot be found; an event naming another
   * customer than its case's (mismatch); a sealed value of another customer than the case's, moved
   * into it (misplaced); a personal path that does not hold text. The message names the stream,
   * revision and path, never the value.
   */
  | (StoreErrorBase & {
      readonly code: PersonalDataErrorCode;
      readonly streamName: string;
      readonly path: string;
    });

export const revisionConflict = (streamName: string, expected: ExpectedRevision, actual: bigint | 'no-stream'): StoreError => ({
  _tag: 'StoreError',
  code: 'STREAM_REVISION_CONFLICT',
  retriable: false,
  streamName,
  expected,
  actual,
  message: `Stream ${streamName} was expected at ${describeExpectedRevision(expected)} but is at ${typeof actual === 'bigint' ? `revision ${actual}` : actual}.`,
});

export interface EventStore {
  readStream(streamName: string): TE.TaskEither<StoreError, StreamRead>;
  appendToStream(streamName: string, events: ReadonlyArray<NewEvent>, expected: ExpectedRevision): TE.TaskEither<StoreError, AppendResult>;
  /** Events of every stream in global order (the order they were committed). */
  readAll(options?: ReadAllOptions): TE.TaskEither<StoreError, ReadonlyArray<RecordedEvent>>;
  /**
   * Delete a stream (it then reads as `no-stream`; writing again continues its revisions). Case
   * streams go through the retention guard (T-9) first: see `deleteCase`.
   */
  deleteStream(streamName: string, expected: ExpectedRevision): TE.TaskEither<StoreError, void>;
}

/** Check an expected revision against a stream's actual state (the rules every adapter follows). */
export const expectationHolds = (expected: ExpectedRevision, actual: bigint | 'no-stream'): boolean => {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return actual === 'no-stream';
  if (expected === 'exists') return actual !== 'no-stream';
  return actual === expected;
};
