import { type EventStore, type Instant, defaultCalendar, defaultPolicies, instantFromEpochMs } from '@caseledger/core';
import { type CaseRecord, type ComplaintBoardRow, caseFiles, complaintBoard, inMemoryReadModelStore, runProjection } from '@caseledger/projections';
import { isLeft } from 'fp-ts/lib/Either.js';

export const morningBoard = async (eventStore: EventStore, now: Instant = instantFromEpochMs(Date.now())): Promise<ReadonlyArray<ComplaintBoardRow>> => {
  const rulebook = { policies: defaultPolicies, calendar: defaultCalendar };
  const projection = caseFiles(rulebook); // a row per case, deadlines computed under the rulebook
  const store = inMemoryReadModelStore<CaseRecord>(); // or postgresReadModelStore(pool, projection, caseFilesTable)
  const run = await runProjection({ source: eventStore, store, projection, batchSize: 500 })();
  if (isLeft(run)) throw new Error(run.left.message);
  const loaded = await store.load(projection.name)();
  if (isLeft(loaded) || loaded.right === undefined) return [];
  return complaintBoard(loaded.right.rows.values(), now, { limit: 50 });
};
