/**
 * Soft deletes as `$all` readers must see them. A soft delete hides a stream's events from reads of
 * the stream at once, but the server keeps listing them in `$all` (and in subscriptions) until a
 * scavenge. What the server does record is a `$metadata` event on `$$<stream>` whose `$tb`
 * ("truncate before") is the first revision still visible: `long.MaxValue` right after the delete,
 * the first new revision once the stream is written again (recorded after the new events). Readers
 * of `$all` learn every `$tb` —
 * all of them once from a server-side filtered scan, then the new ones as they pass by — and hide
 * each event below its stream's, so `$all` lists what stream reads return, as the port requires.
 * A hard delete (tombstone) writes `$streamDeleted` into the stream itself; it hides the stream's
 * events the same way.
 */
import { type GlobalPosition, type JsonObject, type RecordedEvent, compareGlobalPositions } from '@caseledger/core';
import type { ChannelReader } from './channelRead.js';

/** The event type and stream prefix under which the server records a stream's metadata. */
export const METADATA_EVENT_TYPE = '$metadata';
const METADATA_STREAM_PREFIX = '$$';
/** What the server writes into a stream when it is hard-deleted (tombstoned). */
export const TOMBSTONE_EVENT_TYPE = '$streamDeleted';

/** The server's own events (stream metadata, tombstones, statistics): never a case's. */
export const isSystemEvent = (e: RecordedEvent): boolean => e.streamName.startsWith('$') || e.type.startsWith('$');

export interface Truncations {
  /** Whether a soft delete known so far hides this event. */
  readonly hides: (e: RecordedEvent) => boolean;
  /** Learn from an event of `$all`: a stream metadata event updates its stream's `$tb`; others are ignored. */
  readonly learn: (e: RecordedEvent) => void;
  /**
   * Learn every `$tb` recorded since the last call, up to the end of `$all` now: the server scans the
   * new part of the log and sends only metadata events.
   */
  readonly catchUp: () => Promise<void>;
}

/** A stream's `$tb`: a revision, or "deleted" (`long.MaxValue`, beyond what a double holds exactly). */
const truncateBeforeOf = (data: JsonObject): bigint | 'deleted' | undefined => {
  const tb = data['$tb'];
  if (typeof tb !== 'number' || !Number.isFinite(tb) || tb < 0) return undefined;
  return tb >= Number.MAX_SAFE_INTEGER ? 'deleted' : BigInt(Math.trunc(tb));
};

/**
 * What hides a stream's events. Right after a delete `$tb` says only "deleted": that hides the
 * events written before the delete's metadata event. Events written after it (the stream written
 * again) stay; the server records their first revision as the next `$tb` only after them.
 */
interface Truncation {
  readonly beforeRevision?: bigint;
  readonly deletedAt?: GlobalPosition;
  /** The metadata event this was learned from: an older one, met again in a page, changes nothing. */
  readonly learnedAt: GlobalPosition;
}

export const truncations = (reader: ChannelReader): Truncations => {
  const byStream = new Map<string, Truncation>();
  let scannedTo: GlobalPosition | undefined;
  const learn = (e: RecordedEvent): void => {
    // A tombstone hides everything before it, for good: the stream can never be written again.
    if (e.type === TOMBSTONE_EVENT_TYPE) {
      byStream.set(e.streamName, { deletedAt: e.position, learnedAt: e.position });
      return;
    }
    if (e.type !== METADATA_EVENT_TYPE || !e.streamName.startsWith(METADATA_STREAM_PREFIX)) return;
    const stream = e.streamName.slice(METADATA_STREAM_PREFIX.length);
    const known = byStream.get(stream);
    if (known !== undefined && compareGlobalPositions(e.position, known.learnedAt) <= 0) return;
    const tb = truncateBeforeOf(e.data);
    byStream.set(
      stream,
      tb === 'deleted'
        ? { deletedAt: e.position, learnedAt: e.position }
        : { ...(tb === undefined || tb === 0n ? {} : { beforeRevision: tb }), learnedAt: e.position },
    );
  };
  return {
    hides: (e) => {
      const t = byStream.get(e.streamName);
      if (t === undefined) return false;
      return (
        (t.deletedAt !== undefined && compareGlobalPositions(e.position, t.deletedAt) < 0) || (t.beforeRevision !== undefined && e.revision < t.beforeRevision)
      );
    },
    learn,
    catchUp: async () => {
      // The end first: the scan below may find nothing, and must not be repeated from the same place.
      let end = await reader.end();
      for await (const item of reader.read({ kind: 'all', only: 'metadata', ...(scannedTo === undefined ? {} : { after: scannedTo }) })) {
        if ('code' in item) continue;
        learn(item);
        if (end === undefined || compareGlobalPositions(item.position, end) > 0) end = item.position;
      }
      if (end !== undefined) scannedTo = end;
    },
  };
};
