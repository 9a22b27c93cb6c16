/** The runner's guarantees as properties, for any read-model store: redelivery, cut-and-resume, rebuild. */
import { type EventStore, defaultCalendar } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Projection, type ReadModelStore, caseFiles, complaintStatistics, inMemoryReadModelStore, runProjection, satisfaction, warrantyStatistics } from '../../src/index.js';
import { fill, historiesArb } from './histories.js';

/** A fresh, empty store for a projection (a PostgreSQL store truncates its table first). */
export type StoreFactory = <RM>(projection: Projection<RM>) => Promise<ReadModelStore<RM>>;

export const inMemoryStores: StoreFactory = async <RM>() => inMemoryReadModelStore<RM>();

export const describeRunnerGuarantees = (label: string, makeStore: StoreFactory, numRuns: number): void => {
  const runs = { numRuns: Number(process.env['CASELEDGER_NUM_RUNS'] ?? numRuns) };

  const runAll = async <RM>(source: Pick<EventStore, 'readAll'>, projection: Projection<RM>, batchSize: number) => {
    const store = await makeStore(projection);
    const report = await runProjection({ source, store, projection, batchSize })();
    if (E.isLeft(report)) throw new Error(report.left.message);
    const loaded = await store.load(projection.name)();
    return { store, report: report.right, stored: E.isRight(loaded) ? loaded.right : undefined };
  };

  /** Runs a check for every projection of the package, each with its own read-model type. */
  const each = async (check: <RM>(projection: Projection<RM>) => Promise<void>) => {
    await check(caseFiles);
    await check(warrantyStatistics);
    await check(satisfaction);
    await check(complaintStatistics(defaultCalendar));
  };

  describe(`projection runner guarantees: ${label}`, () => {
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
            const { readModel: wholeReadModel, checkpoint: wholeCheckpoint } = whole.stored ?? {};
            const store = await makeStore(projection);
            await runProjection({ source, store, projection, batchSize, maxBatches: cutAfter })();
            await runProjection({ source, store, projection, batchSize })();
            const resumed = await store.load(projection.name)();
            expect(E.isRight(resumed) && resumed.right?.readModel).toEqual(wholeReadModel);
            expect(E.isRight(resumed) && resumed.right?.checkpoint).toEqual(wholeCheckpoint);
          });
        }),
        runs,
      );
    });

    it('a changed projection version rebuilds from the beginning, equal to the incremental result', async () => {
      await fc.assert(
        fc.asyncProperty(historiesArb, async (histories) => {
          const source = await fill(histories);
          const store = await makeStore(caseFiles);
          // Incremental: half the events, then the rest.
          await runProjection({ source, store, projection: caseFiles, batchSize: 7, maxBatches: 1 })();
          await runProjection({ source, store, projection: caseFiles, batchSize: 7 })();
          const incremental = await store.load(caseFiles.name)();
          const rebuilt = await runProjection({ source, store, projection: { ...caseFiles, version: caseFiles.version + 1 }, batchSize: 7 })();
          expect(E.isRight(rebuilt) && rebuilt.right.rebuilt).toBe(true);
          const after = await store.load(caseFiles.name)();
          expect(E.isRight(after) && after.right?.readModel).toEqual(E.isRight(incremental) && incremental.right?.readModel);
          expect(E.isRight(after) && after.right?.version).toBe(caseFiles.version + 1);
        }),
        runs,
      );
    });
  });
};
