/** The catch-up subscription source through the real client, against the test double. */
import type { NewEvent, RecordedEvent } from '@caseledger/core';
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { connectEventStoreDb, subscribeToCases } from '../src/index.js';
// @ts-expect-error -- the test double is plain JavaScript without type declarations.
import { startDouble } from './support/double.mjs';

const event = (n: number): NewEvent => ({ eventId: randomUUID(), type: 'Numbered', data: { n }, metadata: {} });

describe('catch-up subscription to case streams', () => {
  it('delivers history then live events, resubscribes after a drop, and skips or repeats nothing', async () => {
    const double: { connectionString: string; stop: () => Promise<void>; dropSubscriptions: () => void } = await startDouble();
    const store = connectEventStoreDb(double.connectionString);
    const controller = new AbortController();
    const drops: number[] = [];
    const causes: string[] = [];
    try {
      // History: three case streams, and a stream of another category the source must not deliver.
      await store.appendToStream('complaint-1', [event(0), event(1)], 'no-stream')();
      await store.appendToStream('other-1', [event(-1)], 'no-stream')();
      await store.appendToStream('complaint-2', [event(2)], 'no-stream')();
      const received: RecordedEvent[] = [];
      const source = subscribeToCases(store.client, { categories: ['complaint'], backoffMs: 10, signal: controller.signal, ...(store.server === undefined ? {} : { server: store.server }), onDrop: (drop) => void (drops.push(drop.attempt), causes.push(drop.message)) });
      const consuming = (async () => {
        for await (const e of source) {
          received.push(e);
          if (received.length === 3) {
            // Live events, then the server drops the subscription, then more events.
            await store.appendToStream('complaint-3', [event(3)], 'no-stream')();
            await new Promise((resolve) => setTimeout(resolve, 50));
            double.dropSubscriptions();
            await store.appendToStream('complaint-3', [event(4), event(5)], 0n)();
          }
          if (received.length === 6) controller.abort();
        }
      })();
      await consuming;
      expect(received.map((e) => e.data['n'])).toEqual([0, 1, 2, 3, 4, 5]);
      expect(received.every((e) => e.streamName.startsWith('complaint-'))).toBe(true);
      for (let i = 1; i < received.length; i++) expect((received[i]?.position.commit ?? 0n) > (received[i - 1]?.position.commit ?? 0n)).toBe(true);
      expect(drops.length).toBeGreaterThanOrEqual(1);
      expect(causes[0]).toMatch(/^Subscribing to \$all after position \d+\/\d+ on kurrentdb:\/\/.*Resubscribing in 10 ms \(attempt 1\)\.$/);
    } finally {
      controller.abort();
      await store.dispose();
      await double.stop();
    }
  }, 60_000);

  it('stops delivering the moment it is aborted, though the client has more events buffered', async () => {
    const double: { connectionString: string; stop: () => Promise<void> } = await startDouble();
    const store = connectEventStoreDb(double.connectionString);
    const controller = new AbortController();
    try {
      await store.appendToStream('complaint-many', Array.from({ length: 300 }, (_, n) => event(n)), 'no-stream')();
      const received: unknown[] = [];
      for await (const e of subscribeToCases(store.client, { signal: controller.signal })) {
        received.push(e.data['n']);
        if (received.length === 5) controller.abort();
      }
      expect(received).toEqual([0, 1, 2, 3, 4]);
    } finally {
      controller.abort();
      await store.dispose();
      await double.stop();
    }
  }, 60_000);

  it('starts after a checkpoint, exclusive', async () => {
    const double: { connectionString: string; stop: () => Promise<void> } = await startDouble();
    const store = connectEventStoreDb(double.connectionString);
    const controller = new AbortController();
    try {
      const first = await store.appendToStream('complaint-9', [event(0), event(1), event(2)], 'no-stream')();
      const read = await store.readAll({ maxCount: 2 })();
      const checkpoint = E.isRight(read) ? read.right[1]?.position : undefined;
      expect(E.isRight(first)).toBe(true);
      const received: unknown[] = [];
      for await (const e of subscribeToCases(store.client, { ...(checkpoint === undefined ? {} : { after: checkpoint }), signal: controller.signal })) {
        received.push(e.data['n']);
        controller.abort();
      }
      expect(received).toEqual([2]);
    } finally {
      controller.abort();
      await store.dispose();
      await double.stop();
    }
  }, 60_000);
});
