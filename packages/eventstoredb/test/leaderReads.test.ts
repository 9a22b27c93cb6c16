/**
 * Decisions are made on what the leader holds (#31): the adapter asks the leader for every stream
 * read (`requires-leader`), so a follower that has not caught up cannot make the handler refuse a
 * valid step. The test double plays a lagging follower for reads that do not ask for the leader.
 */
import { randomUUID } from 'node:crypto';
import { commandHandler, complaintCaseType } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { connectEventStoreDb, eventStoreDbStore } from '../src/index.js';
import { internalComplaintSteps } from './support/internalComplaint.js';
// @ts-expect-error -- the test double is plain JavaScript without type declarations.
import { startDouble } from './support/double.mjs';

interface Double {
  readonly connectionString: string;
  readonly stop: () => Promise<void>;
  readonly lagFollowerReads: (n: number) => void;
}

let double: Double;
beforeAll(async () => {
  double = await startDouble();
});
afterAll(async () => {
  await double.stop();
});

/** The complaint up to its root cause; the CAPA plan is the step that needs it. */
const steps = (caseId: string) => internalComplaintSteps.slice(0, 6).map((s, i) => ({ ...s, caseId, at: `2026-11-16T0${i}:00:00+08:00` }));
const [capaStep] = internalComplaintSteps.slice(6, 7);
const capa = (caseId: string) => ({ ...capaStep, caseId, at: '2026-11-16T09:00:00+08:00' });

describe.each([{ reads: 'channel' as const }, { reads: 'client' as const }])('stream reads through the $reads path', ({ reads }) => {
  it('come from the leader: a fresh handler decides the next step on the whole case while followers lag', async () => {
    const store = connectEventStoreDb(double.connectionString, { reads });
    const caseId = `LR-${reads}-${randomUUID().slice(0, 8)}`;
    try {
      const writer = commandHandler(complaintCaseType, store);
      for (const step of steps(caseId)) expect(E.isRight(await writer(step)())).toBe(true);
      double.lagFollowerReads(1);
      // The root cause is stored; a handler that has not seen the case reads it and decides the CAPA plan.
      const fresh = commandHandler(complaintCaseType, store);
      const submitted = await fresh(capa(caseId))();
      expect(E.isRight(submitted) ? 'accepted' : `${submitted.left.code}`).toBe('accepted');
      const read = await store.readStream(`complaint-${caseId}`)();
      expect(E.isRight(read) && read.right.kind === 'stream' && read.right.events.length).toBe(7);
    } finally {
      double.lagFollowerReads(0);
      await store.dispose();
    }
  });
});

it("without the leader header, the same step is refused on the follower's copy (what the header prevents; so the test above can fail)", async () => {
  const client = KurrentDBClient.connectionString(double.connectionString);
  // The client's own call arguments, less `requires-leader`: what a read served by any node gets.
  const callArguments: unknown = Reflect.get(client, 'callArguments');
  if (typeof callArguments !== 'function') throw new Error('this client version has no callArguments');
  Reflect.set(client, 'callArguments', (options: object, callOptions?: object) =>
    Reflect.apply(callArguments, client, [{ ...options, requiresLeader: false }, callOptions]),
  );
  const store = eventStoreDbStore(client, { reads: 'channel' });
  const caseId = `LR-stale-${randomUUID().slice(0, 8)}`;
  try {
    const writer = commandHandler(complaintCaseType, store);
    for (const step of steps(caseId)) expect(E.isRight(await writer(step)())).toBe(true);
    double.lagFollowerReads(1);
    const refused = await commandHandler(complaintCaseType, store)(capa(caseId))();
    expect(E.isLeft(refused) && refused.left.code).toBe('ROOT_CAUSE_NOT_DETERMINED');
  } finally {
    double.lagFollowerReads(0);
    await store.dispose();
  }
});
