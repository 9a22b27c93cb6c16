/** Projections fed by the catch-up subscription: a drop and a restart count nothing twice and skip nothing. */
import { commandHandler, complaintCaseType, defaultCalendar, defaultPolicies } from '@caseledger/core';
import {
  type CaseRecord,
  caseFiles as caseFilesUnder,
  inMemoryReadModelStore,
  liveStartPosition,
  runProjection,
  runProjectionLive,
} from '@caseledger/projections';
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { expect, it } from 'vitest';
import { type EventStoreDbStore, connectEventStoreDb, subscribeToCases } from '../src/index.js';
const caseFiles = caseFilesUnder({ policies: defaultPolicies, calendar: defaultCalendar });
// @ts-expect-error -- the test double is plain JavaScript without type declarations.
import { startDouble } from './support/double.mjs';

/** Receiving and acknowledging complaints through a handler on the store, on 16 November. */
const complaintSteps = (store: EventStoreDbStore) => {
  const handle = commandHandler(complaintCaseType, store);
  const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
  return {
    receive: (caseId: string, hhmm: string) =>
      handle({
        type: 'ReceiveComplaint',
        caseId,
        at: `2026-11-16T${hhmm}:00+08:00`,
        actor: cs,
        customer: { id: 'c', name: 'A' },
        channel: 'phone',
        description: 'x',
        severity: 'minor',
      })(),
    acknowledge: (caseId: string, hhmm: string) =>
      handle({ type: 'AcknowledgeComplaint', caseId, at: `2026-11-16T${hhmm}:00+08:00`, actor: cs, explanation: 'x' })(),
  };
};

it('a live projection over a subscription that drops and restarts equals one read of everything', async () => {
  const double: { connectionString: string; stop: () => Promise<void>; dropSubscriptions: () => void } = await startDouble();
  const store = connectEventStoreDb(double.connectionString);
  const { receive, acknowledge } = complaintSteps(store);
  const readModels = inMemoryReadModelStore<CaseRecord>();
  try {
    await receive('A', '09:00');
    await receive('B', '09:05');
    // First live run: it folds the history and one live event, then the server drops the subscription.
    const first = new AbortController();
    let seen = 0;
    const run1 = runProjectionLive({
      events: (async function* () {
        for await (const e of subscribeToCases(store.client, { categories: ['complaint'], backoffMs: 10, signal: first.signal })) {
          yield e;
          seen += 1;
          if (seen === 2) {
            await acknowledge('A', '09:10');
          }
          if (seen === 3) {
            double.dropSubscriptions();
            await acknowledge('B', '09:15');
          }
          if (seen === 4) first.abort();
        }
      })(),
      store: readModels,
      projection: caseFiles,
      batchSize: 2,
    })();
    expect(E.isRight(await run1)).toBe(true);
    // More happens while no projection runs; a second run starts after the stored checkpoint.
    await receive('C', '09:20');
    const after = await liveStartPosition(readModels, caseFiles)();
    const second = new AbortController();
    let more = 0;
    const run2 = await runProjectionLive({
      events: (async function* () {
        for await (const e of subscribeToCases(store.client, {
          categories: ['complaint'],
          ...(E.isRight(after) && after.right !== undefined ? { after: after.right } : {}),
          signal: second.signal,
        })) {
          yield e;
          more += 1;
          if (more === 1) second.abort();
        }
      })(),
      store: readModels,
      projection: caseFiles,
    })();
    expect(E.isRight(run2) && run2.right.eventsRead).toBe(1);

    const reference = inMemoryReadModelStore<CaseRecord>();
    await runProjection({ source: store, store: reference, projection: caseFiles })();
    const [live, once] = [await readModels.load(caseFiles.name)(), await reference.load(caseFiles.name)()];
    expect(E.isRight(live) && live.right?.rows).toEqual(E.isRight(once) && once.right?.rows);
    expect(E.isRight(live) && live.right?.checkpoint).toEqual(E.isRight(once) && once.right?.checkpoint);
  } finally {
    await store.dispose();
    await double.stop();
  }
}, 60_000);

const real = process.env['EVENTSTOREDB_URL'];
if (real !== undefined) {
  it(`a live projection on the real server (${real}), stopped and started again from its checkpoint, equals one read of everything for the cases it saw`, async () => {
    const store = connectEventStoreDb(real);
    const { receive, acknowledge } = complaintSteps(store);
    const run = randomUUID().slice(0, 8);
    const [a, b, c] = [`A${run}`, `B${run}`, `C${run}`];
    const ours = (streamName: string) => streamName.endsWith(run);
    const readModels = inMemoryReadModelStore<CaseRecord>();
    try {
      await receive(a, '09:00');
      await receive(b, '09:05');
      // Through the server's whole history (other tests' cases too), then live: two of ours arrive
      // live, then the projection stops.
      const first = new AbortController();
      let seen = 0;
      const run1 = await runProjectionLive({
        events: (async function* () {
          for await (const e of subscribeToCases(store.client, { categories: ['complaint'], signal: first.signal })) {
            yield e;
            if (!ours(e.streamName)) continue;
            seen += 1;
            if (seen === 2) await acknowledge(a, '09:10');
            if (seen === 3) await acknowledge(b, '09:15');
            if (seen === 4) first.abort();
          }
        })(),
        store: readModels,
        projection: caseFiles,
        batchSize: 2,
      })();
      expect(E.isRight(run1)).toBe(true);
      await receive(c, '09:20');
      const after = await liveStartPosition(readModels, caseFiles)();
      const second = new AbortController();
      const run2 = await runProjectionLive({
        events: (async function* () {
          for await (const e of subscribeToCases(store.client, {
            categories: ['complaint'],
            ...(E.isRight(after) && after.right !== undefined ? { after: after.right } : {}),
            signal: second.signal,
          })) {
            yield e;
            if (e.streamName === `complaint-${c}`) second.abort();
          }
        })(),
        store: readModels,
        projection: caseFiles,
      })();
      expect(E.isRight(run2)).toBe(true);
      const reference = inMemoryReadModelStore<CaseRecord>();
      await runProjection({ source: store, store: reference, projection: caseFiles })();
      const oursOf = (loaded: Awaited<ReturnType<ReturnType<typeof readModels.load>>>) =>
        E.isRight(loaded) ? [...(loaded.right?.rows ?? new Map<string, CaseRecord>())].filter(([key]) => ours(key)).sort(([a], [b]) => a.localeCompare(b)) : [];
      const live = oursOf(await readModels.load(caseFiles.name)());
      // Received and acknowledged, or only received.
      expect(live.map(([key, file]) => [key, Object.keys(file.firstAt).length])).toEqual([
        [`complaint-${a}`, 2],
        [`complaint-${b}`, 2],
        [`complaint-${c}`, 1],
      ]);
      expect(live).toEqual(oursOf(await reference.load(caseFiles.name)()));
    } finally {
      await store.dispose();
    }
  }, 120_000);
}
