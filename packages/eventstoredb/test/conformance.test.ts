/**
 * The shared EventStore conformance suite through the official client: against the protocol-level
 * test double in every run, and against a real server whenever EVENTSTOREDB_URL is set.
 */
import { eventStoreConformance } from '@caseledger/testing';
import { afterAll } from 'vitest';
import { type EventStoreDbStore, connectEventStoreDb } from '../src/index.js';
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

eventStoreConformance('EventStoreDB adapter against the test double', storeAt(double.connectionString), { largeStreamEvents: 2_000 });

const real = process.env['EVENTSTOREDB_URL'];
if (real === undefined) {
  console.warn('EventStoreDB real-server conformance run SKIPPED: EVENTSTOREDB_URL is not set (see docs/eventstoredb.md).');
} else {
  eventStoreConformance(`EventStoreDB adapter against ${real}`, storeAt(real));
}
