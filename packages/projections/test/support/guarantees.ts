/** The runner's guarantees as properties, for any read-model store: redelivery, cut-and-resume, rebuild. */
import { defaultNumRuns } from '@caseledger/testing';
import { type EventStore, defaultCalendar } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Projection,
  type ReadModelStore,
  type RowTable,
  caseFiles,
  caseFilesTable,
  complaintStatistics,
  complaintStatisticsTable,
  inMemoryReadModelStore,
  runProjection,
  satisfaction,
  surveyFormsTable,
  warrantyClaimsTable,
  warrantyStatistics,
} from '../../src/index.js';
import { config, fill, historiesArb } from './histories.js';

/** A fresh, empty store for a projection (a PostgreSQL store forgets the projection first), in its table. */
export type StoreFactory = <Row>(projection: Projection<Row>, table: RowTable<Row>) => Promise<ReadModelStore<Row>>;

export const inMemoryStores: StoreFactory = async <Row>() => inMemoryReadModelStore<Row>();

/** Every projection of the package with its PostgreSQL table. */
export const eachProjection = async (check: <Row>(projection: Projection<Row>, table: RowTable<Row>) => Promise<void>): Promise<void> => {
  await check(caseFiles(config), caseFilesTable);
  await check(warrantyStatistics, warrantyClaimsTable);
  await check(satisfaction, surveyFormsTable);
  await check(complaintStatistics(defaultCalendar), complaintStatisticsTable);
};

export const describeRunnerGuarantees = (label: string, makeStore: StoreFactory, numRuns: number): void => {
  const runs = { numRuns: defaultNumRuns(numRuns / 200) };

  const runAll = async <Row>(source: Pick<EventStore, 'readAll'>, projection: Projection<Row>, table: RowTable<Row>, batchSize: number) => {
    const store = await makeStore(projection, table);
    const report = await runProjection({ source, store, projection, batchSize })();
    if (E.isLeft(report)) throw new Error(report.left.message);
    const loaded = await store.load(projection.name)();
    return { store, report: report.right, stored: E.isRight(loaded) ? loaded.right : undefined };
  };

  describe(`projection runner guarantees: ${label}`, () => {
    it('redelivery changes nothing: a second run over the same events leaves the read model as it was', async () => {
      await fc.assert(
        fc.asyncProperty(historiesArb, fc.integer({ min: 1, max: 40 }), async (histories, batchSize) => {
          const source = await fill(histories);
          await eachProjection(async (projection, table) => {
            const first = await runAll(source, projection, table, batchSize);
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
          await eachProjection(async (projection, table) => {
            const whole = await runAll(source, projection, table, 1000);
            const store = await makeStore(projection, table);
            await runProjection({ source, store, projection, batchSize, maxBatches: cutAfter })();
            await runProjection({ source, store, projection, batchSize })();
            const resumed = await store.load(projection.name)();
            expect(E.isRight(resumed) && resumed.right?.rows).toEqual(whole.stored?.rows);
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
          const projection = caseFiles(config);
          const store = await makeStore(projection, caseFilesTable);
          // Incremental: half the events, then the rest.
          await runProjection({ source, store, projection, batchSize: 7, maxBatches: 1 })();
          await runProjection({ source, store, projection, batchSize: 7 })();
          const incremental = await store.load(projection.name)();
          const rebuilt = await runProjection({ source, store, projection: { ...projection, version: projection.version + 1 }, batchSize: 7 })();
          expect(E.isRight(rebuilt) && rebuilt.right.rebuilt).toBe(true);
          const after = await store.load(projection.name)();
          expect(E.isRight(after) && after.right?.rows).toEqual(E.isRight(incremental) && incremental.right?.rows);
          expect(E.isRight(after) && after.right?.version).toBe(projection.version + 1);
        }),
        runs,
      );
    });
  });
};
