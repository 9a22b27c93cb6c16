/**
 * What a store holds: events as plain JSON with the metadata of the architecture page (event id,
 * schema version, policy version where a policy decided, actor, correlation and causation ids, the
 * instant).
 */
import * as t from 'io-ts';
import { Actor } from './actor.js';
import { Instant } from './codecs.js';
import type { JsonObject } from './json.js';
import { SealedText } from './personalData.js';

export const EventMetadata = t.readonly(
  t.intersection([
    t.type({
      eventId: t.string,
      schemaVersion: t.number,
      actor: Actor,
      correlationId: t.string,
      causationId: t.string,
      at: Instant,
    }),
    t.partial({
      policyVersion: t.string,
      /** T-10: the paths of the event's data that hold personal text (sealed in storage). */
      personal: t.readonlyArray(t.string),
      /** The id the caller gave the command that produced the event (commands safe to send twice). */
      commandId: t.string,
      /**
       * T-13: a SHA-256 digest of the whole command, which tells another command under the same id
       * from a resend; sealed under the customer's key where `@caseledger/privacy` seals (T-10).
       */
      commandFingerprint: t.union([t.string, SealedText]),
    }),
  ]),
  'EventMetadata',
);
export type EventMetadata = t.TypeOf<typeof EventMetadata>;

/** A position in the store's global order; EventStoreDB has both parts, simpler stores repeat one number. */
export interface GlobalPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export const compareGlobalPositions = (a: GlobalPosition, b: GlobalPosition): number =>
  a.commit !== b.commit ? (a.commit < b.commit ? -1 : 1) : a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;

/** An event about to be appended. `eventId` is chosen once, so a retried append is idempotent. */
export interface NewEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

/** An event as read back: where it stands in its stream and in the global order. */
export interface RecordedEvent extends NewEvent {
  readonly streamName: string;
  /** 0-based position in its stream. */
  readonly revision: bigint;
  readonly position: GlobalPosition;
  /**
   * Set by a reader that could not open a sealed field of this event (T-10: misplaced, altered, no
   * key) and went on reading: the field stays sealed, and decoding the event fails with this
   * reason, so a projection parks it instead of stopping. Never stored.
   */
  readonly unreadable?: { readonly code: string; readonly path: string; readonly message: string };
}

/**
 * What the appender believes about the stream. Checked on every append:
 * - `no-stream`: the stream must not exist yet;
 * - `exists`: it must exist, at any revision;
 * - `any`: no check;
 * - a `bigint`: its last event must be at exactly this revision.
 */
export type ExpectedRevision = 'no-stream' | 'exists' | 'any' | bigint;

export const describeExpectedRevision = (expected: ExpectedRevision): string => (typeof expected === 'bigint' ? `revision ${expected}` : expected);
