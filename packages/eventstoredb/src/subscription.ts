/**
 * A catch-up subscription to $all, as a source of events for projections: from a checkpoint
 * (exclusive), through the history, then live. The client does not resubscribe by itself; this
 * source does, with backoff, from the last event it delivered, so across a drop no event is
 * skipped, repeated past the checkpoint, or delivered out of order.
 */
import { type GlobalPosition, type RecordedEvent, type Telemetry, compareGlobalPositions, pause } from '@caseledger/core';
import { type KurrentDBClient, START, streamNameFilter } from '@kurrent/kurrentdb-client';
import { channelReader } from './channelRead.js';
import { clientReader } from './clientRead.js';
import { fromResolved, toStoreError } from './mapping.js';
import { isSystemEvent, truncations } from './truncations.js';

export interface SubscriptionOptions {
  /** Deliver events after this position (exclusive); from the first event when absent. */
  readonly after?: GlobalPosition;
  /** Stream categories to receive (`complaint`, `warrantyClaim`, …); all non-system streams when absent. */
  readonly categories?: ReadonlyArray<string>;
  /** First pause before resubscribing after a drop, doubled each time up to `maxBackoffMs`. Default 100. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Ends the subscription. */
  readonly signal?: AbortSignal;
  /** Told about each drop (for logs and metrics); the source resubscribes by itself. */
  readonly onDrop?: (drop: SubscriptionDrop) => void;
  /** Told about each drop with its store error code (`STORE_UNAVAILABLE`…), never the server's words. */
  readonly telemetry?: Telemetry;
  /** How messages name the server (e.g. the connection string without credentials). */
  readonly server?: string;
}

/** A drop of the subscription: why, which attempt in a row, and when the source tries again. */
export interface SubscriptionDrop {
  /** What the client threw (or an Error when the server ended the subscription). */
  readonly error: unknown;
  /** The cause as a sentence: what was attempted, on which server, what the server said. */
  readonly message: string;
  readonly attempt: number;
  readonly retryInMs: number;
}

/** Events in global order, for as long as the signal allows. */
export async function* subscribeToCases(client: KurrentDBClient, options: SubscriptionOptions = {}): AsyncGenerator<RecordedEvent> {
  let last = options.after;
  let backoff = options.backoffMs ?? 100;
  let attempt = 0;
  // Each category's streams, and their metadata streams, where soft deletes are recorded.
  const prefixes = (options.categories ?? []).flatMap((c) => [`${c}-`, `$$${c}-`]);
  const aborted = (): boolean => options.signal?.aborted === true;
  const deletes = truncations(channelReader(client) ?? clientReader(client));
  while (!aborted()) {
    let subscription: ReturnType<KurrentDBClient['subscribeToAll']> | undefined;
    const stop = () => void subscription?.unsubscribe();
    options.signal?.addEventListener('abort', stop);
    try {
      // The soft deletes recorded so far, so that events they hide are not delivered from history.
      await deletes.catchUp();
      if (aborted()) return;
      subscription = client.subscribeToAll({
        fromPosition: last === undefined ? START : { commit: last.commit, prepare: last.prepare },
        ...(prefixes.length > 0 ? { filter: streamNameFilter({ prefixes }) } : {}),
      });
      for await (const resolved of subscription) {
        const recorded = fromResolved(resolved);
        if (recorded === undefined || 'code' in recorded) continue;
        deletes.learn(recorded);
        if (isSystemEvent(recorded) || deletes.hides(recorded)) continue;
        // Never deliver anything at or before the last delivered position again.
        if (last !== undefined && compareGlobalPositions(recorded.position, last) <= 0) continue;
        // Aborted while the client still had events buffered: deliver none of them.
        if (aborted()) return;
        last = recorded.position;
        backoff = options.backoffMs ?? 100;
        attempt = 0;
        yield recorded;
        if (aborted()) return;
      }
      if (aborted()) return;
      throw new Error('the server ended the subscription');
    } catch (error) {
      if (aborted()) return;
      attempt += 1;
      const operation = `Subscribing to $all${last === undefined ? ' from the start' : ` after position ${last.commit}/${last.prepare}`}`;
      const cause = toStoreError(error, '$all', undefined, { operation, ...(options.server === undefined ? {} : { server: options.server }) });
      options.onDrop?.({ error, message: `${cause.message} Resubscribing in ${backoff} ms (attempt ${attempt}).`, attempt, retryInMs: backoff });
      options.telemetry?.subscriptionDrop?.({ attempt, retryInMs: backoff, code: cause.code });
      await pause(backoff, options.signal);
      backoff = Math.min(backoff * 2, options.maxBackoffMs ?? 5_000);
    } finally {
      options.signal?.removeEventListener('abort', stop);
      await subscription?.unsubscribe().catch(() => undefined);
    }
  }
}
