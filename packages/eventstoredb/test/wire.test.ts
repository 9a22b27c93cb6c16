/** What only a wire can show: a server that is down, and one that goes away. */
import * as E from 'fp-ts/lib/Either.js';
import { commandHandler, complaintCaseType } from '@caseledger/core';
import { losingAppendAnswers } from '@caseledger/testing';
import { describe, expect, it } from 'vitest';
import { connectEventStoreDb } from '../src/index.js';
// @ts-expect-error -- the test double is plain JavaScript without type declarations.
import { startDouble } from './support/double.mjs';

describe('EventStoreDB adapter on the wire (test double)', () => {
  it('a server that is down gives a retriable STORE_UNAVAILABLE, not an exception', async () => {
    const double: { connectionString: string; kill: () => void } = await startDouble();
    double.kill();
    const store = connectEventStoreDb(`${double.connectionString}&maxDiscoverAttempts=1&discoveryInterval=10&gossipTimeout=1`);
    try {
      const appended = await store.appendToStream(
        'complaint-DOWN',
        [{ eventId: '0b9f7c1e-9f3a-4d51-8a0e-2a2f2d2b1c11', type: 'T', data: {}, metadata: {} }],
        'no-stream',
      )();
      expect(E.isLeft(appended) && appended.left).toMatchObject({ retriable: true });
      expect(E.isLeft(appended) && ['STORE_UNAVAILABLE', 'STORE_DEADLINE_EXCEEDED']).toContain(E.isLeft(appended) ? appended.left.code : '');
    } finally {
      await store.dispose();
    }
  }, 60_000);

  it('the command handler resends a lost append with the same ids; the server writes it once', async () => {
    const double: { connectionString: string; stop: () => Promise<void> } = await startDouble();
    const store = connectEventStoreDb(double.connectionString);
    const lossy = losingAppendAnswers(store);
    try {
      const handle = commandHandler(complaintCaseType, lossy, { retryDelayMs: 1 });
      const result = await handle({
        type: 'ReceiveComplaint',
        caseId: 'LOST',
        at: '2026-11-16T09:00:00+08:00',
        actor: { id: 'cs-li', department: 'customer-service', role: 'staff' },
        customer: { id: 'c', name: 'A' },
        channel: 'phone',
        description: 'x',
        severity: 'minor',
      })();
      expect(E.isRight(result)).toBe(true);
      const read = await store.readStream('complaint-LOST')();
      expect(E.isRight(read) && read.right.kind === 'stream' ? read.right.events.length : 0).toBe(1);
    } finally {
      await store.dispose();
      await double.stop();
    }
  });

  it('appending the same decided events again writes nothing twice (idempotent ids)', async () => {
    const double: { connectionString: string; stop: () => Promise<void> } = await startDouble();
    const store = connectEventStoreDb(double.connectionString);
    try {
      const event = { eventId: '3d6a8f7e-1c2b-4a5d-9e8f-7a6b5c4d3e2f', type: 'T', data: { n: 1 }, metadata: {} };
      await store.appendToStream('complaint-IDEM', [event], 'no-stream')();
      // A retry after a network failure repeats the call with the same ids and expectation "any".
      await store.appendToStream('complaint-IDEM', [event], 'any')();
      const read = await store.readStream('complaint-IDEM')();
      expect(E.isRight(read) && read.right.kind === 'stream' ? read.right.events.length : 0).toBe(1);
    } finally {
      await store.dispose();
      await double.stop();
    }
  });
});
