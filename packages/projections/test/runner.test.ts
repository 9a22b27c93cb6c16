/** The runner's guarantees: redelivery, cut-and-resume, rebuild, parking. */
import { type ComplaintCommand, type ContractReviewCommand, type EventStore, type InMemoryEventStore, type WarrantyCommand, commandHandler, complaintCaseType, contractReviewCaseType, defaultCalendar, defaultPolicies, inMemoryEventStore, warrantyClaimCaseType } from '@caseledger/core';
import { complaintCommands, contractReviewCommands, warrantyCommands } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Projection, caseFiles, complaintStatistics, inMemoryReadModelStore, runProjection, satisfaction, warrantyStatistics } from '../src/index.js';

const config = { policies: defaultPolicies, calendar: defaultCalendar };
const runs = { numRuns: Number(process.env['CASELEDGER_NUM_RUNS'] ?? 30) };

/** Several cases of each type, written through the real handlers, interleaved in the global log. */
const historiesArb = fc.tuple(
  fc.array(complaintCommands({ maxLength: 15 }), { minLength: 1, maxLength: 3 }),
  fc.array(warrantyCommands(config, { maxLength: 12 }), { maxLength: 2 }),
  fc.array(contractReviewCommands({ maxLength: 12 }), { maxLength: 2 }),
);

type Histories = readonly [ReadonlyArray<ReadonlyArray<ComplaintCommand>>, ReadonlyArray<ReadonlyArray<WarrantyCommand>>, ReadonlyArray<ReadonlyArray<ContractReviewCommand>>];

const fill = async ([complaints, claims, reviews]: Histories): Promise<InMemoryEventStore> => {
  const store = inMemoryEventStore();
  const handlers = [commandHandler(complaintCaseType, store), commandHandler(warrantyClaimCaseType(config), store), commandHandler(contractReviewCaseType, store)];
  const queues = [complaints, claims, reviews].flatMap((group, g) => group.map((commands, i) => ({ g, commands: commands.map((c: object) => ({ ...c, caseId: `G${g}-${i}` })) })));
  // Round robin over the cases, so events of different streams interleave.
  for (let step = 0; queues.some((q) => step < q.commands.length); step++) {
    for (const q of queues) {
      const c = q.commands[step];
      const handle = handlers[q.g];
      if (c !== undefined && handle !== undefined) await handle(c)();
    }
  }
  return store;
};

const runAll = async <RM>(source: Pick<EventStore, 'readAll'>, projection: Projection<RM>, batchSize: number) => {
  const store = inMemoryReadModelStore<RM>();
  const report = await runProjection({ source, store, projection, batchSize })();
  if (E.isLeft(report)) throw new Error(report.left.message);
  const loaded = await store.load(projection.name)();
  return { store, report: report.right, stored: E.isRight(loaded) ? loaded.right : undefined };
};

describe('projection runner', () => {
  /** Runs a check for every projection of the package, each with its own read-model type. */
  const each = async (check: <RM>(projection: Projection<RM>) => Promise<void>) => {
    await check(caseFiles);
    await check(warrantyStatistics);
    await check(satisfaction);
    await check(complaintStatistics(defaultCalendar));
  };

  it('redelivery changes nothing: a second run over the same events leaves the read model as it was', async () => {
    await fc.assert(
      fc.asyncProperty(historiesArb, fc.integer({ min: 1, max: 40 }), async (histories, batchSize) => {
        const source = await fill(histories);
        await each(async (projection) => {
          const first = await runAll(source, projection, batchSize);
          const again = await runProjection({ source, store: first.store, projection, batchSize })();
          expect(E.isRight(again) && again.right.eventsApplied).toBe(0);
          expect(await first.store.load(projection.name)()).toEqual(E.right(first.stored));
        });
      }),
      runs,
    );
  });

  it('a run cut after any batch and resumed equals one run', async () => {
    await fc.assert(
      fc.asyncProperty(historiesArb, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 5 }), async (histories, batchSize, cutAfter) => {
        const source = await fill(histories);
        await each(async (projection) => {
          const whole = await runAll(source, projection, 1000);
          const store = inMemoryReadModelStore<typeof projection.initial>();
          await runProjection({ source, store, projection, batchSize, maxBatches: cutAfter })();
          await runProjection({ source, store, projection, batchSize })();
          const resumed = await store.load(projection.name)();
          expect(E.isRight(resumed) && resumed.right?.readModel).toEqual(whole.stored?.readModel);
          expect(E.isRight(resumed) && resumed.right?.checkpoint).toEqual(whole.stored?.checkpoint);
        });
      }),
      runs,
    );
  });

  it('a changed projection version rebuilds from the beginning, equal to the incremental result', async () => {
    await fc.assert(
      fc.asyncProperty(historiesArb, async (histories) => {
        const source = await fill(histories);
        const store = inMemoryReadModelStore<typeof caseFiles.initial>();
        // Incremental: half the events, then the rest.
        await runProjection({ source, store, projection: caseFiles, batchSize: 7, maxBatches: 1 })();
        await runProjection({ source, store, projection: caseFiles, batchSize: 7 })();
        const incremental = await store.load(caseFiles.name)();
        const rebuilt = await runProjection({ source, store, projection: { ...caseFiles, version: 2 }, batchSize: 7 })();
        expect(E.isRight(rebuilt) && rebuilt.right.rebuilt).toBe(true);
        const after = await store.load(caseFiles.name)();
        expect(E.isRight(after) && after.right?.readModel).toEqual(E.isRight(incremental) && incremental.right?.readModel);
        expect(E.isRight(after) && after.right?.version).toBe(2);
      }),
      runs,
    );
  });

  it('parks an undecodable event with stream, revision and error and goes on; or stops, as configured', async () => {
    const source = inMemoryEventStore();
    const handle = commandHandler(complaintCaseType, source);
    const receive = (caseId: string) => ({
      type: 'ReceiveComplaint',
      caseId,
      at: '2026-11-16T09:00:00+08:00',
      actor: { id: 'cs-li', department: 'customer-service', role: 'staff' },
      customer: { id: 'c', name: 'C' },
      channel: 'phone',
      description: 'x',
      severity: 'minor',
    });
    await handle(receive('A'))();
    await source.appendToStream('complaint-BAD', [{ eventId: 'bad', type: 'ComplaintReceived', data: { type: 'ComplaintReceived', at: 'yesterday' }, metadata: {} }], 'no-stream')();
    await handle(receive('B'))();
    const parked = await runAll(source, caseFiles, 10);
    expect(Object.keys(parked.stored?.readModel.cases ?? {}).sort()).toEqual(['complaint-A', 'complaint-B']);
    expect(parked.stored?.parked).toMatchObject([{ streamName: 'complaint-BAD', revision: '0', eventType: 'ComplaintReceived' }]);
    const stopped = await runProjection({ source, store: inMemoryReadModelStore<typeof caseFiles.initial>(), projection: caseFiles, onUndecodable: 'stop' })();
    expect(E.isLeft(stopped) && stopped.left).toMatchObject({ code: 'PROJECTION_STOPPED_ON_UNDECODABLE_EVENT', event: { streamName: 'complaint-BAD' } });
  });
});
