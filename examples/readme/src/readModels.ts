import { type EventStore, type Instant, defaultCalendar, defaultPolicies, instantFromEpochMs } from '@caseledger/core';
import { type ComplaintBoardRow, caseFiles, complaintBoard, inMemoryReadModelStore, runProjection } from '@caseledger/projections';
import { isLeft } from 'fp-ts/lib/Either.js';

export const morningBoard = async (eventStore: EventStore, now: Instant = instantFromEpochMs(Date.now())): Promise<ReadonlyArray<ComplaintBoardRow>> => {
  const store = inMemoryReadModelStore<typeof caseFiles.initial>(); // or postgresReadModelStore(pool, caseFiles.codec)
  const run = await runProjection({ source: eventStore, store, projection: caseFiles, batchSize: 500 })();
  if (isLeft(run)) throw new Error(run.left.message);
  const loaded = await store.load(caseFiles.name)();
  if (isLeft(loaded) || loaded.right === undefined) return [];
  return complaintBoard(loaded.right.readModel, now, { policies: defaultPolicies, calendar: defaultCalendar });
};
