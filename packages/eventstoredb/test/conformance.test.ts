/**
 * The shared EventStore conformance suite through the official client: against the protocol-level
 * test double in every run, and against a real server whenever EVENTSTOREDB_URL is set.
 */
import { eventStoreConformance } from '@caseledger/testing/conformance';
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_APPEND_BYTES, type EventStoreDbStore, connectEventStoreDb } from '../src/index.js';
// @ts-expect-error -- the test double is plain JavaScript without type declarations.
import { startDouble } from './support/double.mjs';

const opened: EventStoreDbStore[] = [];
const double: { connectionString: string; stop: () => Promise<void> } = await startDouble();
afterAll(async () => {
  await Promise.all(opened.map((s) => s.dispose()));
  await double.stop();
});

const storeAt = (connectionString: string) => () => {
  const store = connectEventStoreDb(connectionString);
  opened.push(store);
  return store;
};

eventStoreConformance('EventStoreDB adapter against the test double', storeAt(double.connectionString), {
  largeStreamEvents: 2_000,
  maxAppendBytes: DEFAULT_MAX_APPEND_BYTES,
});

const real = process.env['EVENTSTOREDB_URL'];
if (real === undefined) {
  console.warn('EventStoreDB real-server conformance run SKIPPED: EVENTSTOREDB_URL is not set (see docs/eventstoredb.md).');
} else {
  eventStoreConformance(`EventStoreDB adapter against ${real}`, storeAt(real), { maxAppendBytes: DEFAULT_MAX_APPEND_BYTES });
}

// Where the server answers differently from what the client suggests: on the double and, when set, the real server.
for (const target of real === undefined ? [double.connectionString] : [double.connectionString, real]) {
  describe(`a read of $all from a position that is no event's (${target})`, () => {
    it('is STORE_POSITION_INVALID and not retriable, where the client says only "unavailable"', async () => {
      const store = connectEventStoreDb(target);
      opened.push(store);
      await store.appendToStream(`conformance-${randomUUID().slice(0, 8)}_pos`, [{ eventId: randomUUID(), type: 'X', data: {}, metadata: {} }], 'no-stream')();
      const read = await store.readAll({ after: { commit: 1n, prepare: 1n }, maxCount: 5 })();
      expect(E.isLeft(read) && read.left).toMatchObject({ code: 'STORE_POSITION_INVALID', retriable: false });
    });
  });

  describe(`the server's own size limit (${target})`, () => {
    it("an append the adapter lets through but the server refuses is APPEND_TOO_LARGE with the server's limit, not an empty STORE_FAILURE", async () => {
      const store = connectEventStoreDb(target, { maxAppendBytes: 8 * DEFAULT_MAX_APPEND_BYTES });
      opened.push(store);
      const streamName = `conformance-${randomUUID().slice(0, 8)}_size`;
      const refused = await store.appendToStream(
        streamName,
        [{ eventId: randomUUID(), type: 'Big', data: { big: 'x'.repeat(2 * DEFAULT_MAX_APPEND_BYTES) }, metadata: {} }],
        'no-stream',
      )();
      expect(E.isLeft(refused) && refused.left).toMatchObject({ code: 'APPEND_TOO_LARGE', limit: DEFAULT_MAX_APPEND_BYTES, streamName });
    });
  });
}
