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
    const told: Array<{ readonly attempt: number; readonly retryInMs: number; readonly code: string }> = [];
    try {
      // History: three case streams, and a stream of another category the source must not deliver.
      await store.appendToStream('complaint-1', [event(0), event(1)], 'no-stream')();
      await store.appendToStream('other-1', [event(-1)], 'no-stream')();
      await store.appendToStream('complaint-2', [event(2)], 'no-stream')();
      const received: RecordedEvent[] = [];
      const source = subscribeToCases(store.client, {
        categories: ['complaint'],
        backoffMs: 10,
        signal: controller.signal,
        ...(store.server === undefined ? {} : { server: store.server }),
        onDrop: (drop) => void (drops.push(drop.attempt), causes.push(drop.message)),
        telemetry: { subscriptionDrop: (d) => void told.push(d) },
      });
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
      // Telemetry hears the same drops, by code only.
      expect(told.map((d) => d.attempt)).toEqual(drops);
      expect(told[0]).toMatchObject({ attempt: 1, retryInMs: 10, code: expect.stringMatching(/^STORE_[A-Z_]+$/) });
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
      await store.appendToStream(
        'complaint-many',
        Array.from({ length: 300 }, (_, n) => event(n)),
        'no-stream',
      )();
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

// On the double and, when EVENTSTOREDB_URL is set, on the real server (which lists deleted streams' events in $all until a scavenge).
const realServer = process.env['EVENTSTOREDB_URL'];
describe.each([{ target: 'the test double' }, ...(realServer === undefined ? [] : [{ target: realServer }])])(
  'deleted streams, through the subscription source and reads of all ($target)',
  ({ target }) => {
    it('deliver what stream reads return: nothing a soft or hard delete hid, the events written after a soft delete, in history and live', async () => {
      const double: { connectionString: string; stop: () => Promise<void> } | undefined = target === realServer ? undefined : await startDouble();
      const store = connectEventStoreDb(double?.connectionString ?? target);
      const category = `subdel${randomUUID().slice(0, 8)}`;
      const name = (s: string) => `${category}-${s}`;
      const controller = new AbortController();
      try {
        const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => event(from + i));
        // History: a kept stream, a soft-deleted one, one deleted and written again, a tombstoned one.
        await store.appendToStream(name('kept'), numbers(0, 1), 'no-stream')();
        await store.appendToStream(name('gone'), numbers(10, 11), 'no-stream')();
        await store.appendToStream(name('again'), numbers(20, 21), 'no-stream')();
        await store.appendToStream(name('hard'), numbers(30, 31), 'no-stream')();
        await store.deleteStream(name('gone'), 1n)();
        await store.deleteStream(name('again'), 1n)();
        await store.appendToStream(name('again'), numbers(22, 22), 'no-stream')();
        await store.client.tombstoneStream(name('hard'));
        const expectedHistory = [0, 1, 22];
        const all = await store.readAll({})();
        expect(E.isRight(all) && all.right.filter((e) => e.streamName.startsWith(`${category}-`)).map((e) => e.data['n'])).toEqual(expectedHistory);
        expect(E.isLeft(await store.readStream(name('hard'))()) && 'tombstoned').toBe('tombstoned');

        const received: unknown[] = [];
        for await (const e of subscribeToCases(store.client, { categories: [category], signal: controller.signal })) {
          received.push(e.data['n']);
          if (received.length === expectedHistory.length) {
            // Live: a stream is deleted after it was delivered (what was delivered stays delivered),
            // written again, and a new stream starts.
            await store.deleteStream(name('kept'), 1n)();
            await store.appendToStream(name('kept'), numbers(2, 2), 'no-stream')();
            await store.appendToStream(name('late'), numbers(40, 40), 'no-stream')();
          }
          if (received.length === expectedHistory.length + 2) controller.abort();
        }
        expect(received).toEqual([...expectedHistory, 2, 40]);
      } finally {
        controller.abort();
        await store.dispose();
        await double?.stop();
      }
    }, 60_000);
  },
);
