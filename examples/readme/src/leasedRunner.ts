import { type EventStore, defaultCalendar, defaultPolicies } from '@caseledger/core';
import { type RunReport, caseFiles, caseFilesTable, migrateReadModelStore, runProjectionUnderLease } from '@caseledger/projections';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Pool } from 'pg';

// In every instance; one catches up, the others wait for the lease and then find little to do.
export const catchUpCaseFiles = async (pool: Pool, eventStore: EventStore, instance: string): Promise<RunReport> => {
  await migrateReadModelStore(pool)();
  const projection = caseFiles({ policies: defaultPolicies, calendar: defaultCalendar });
  const report = await runProjectionUnderLease({ pool, source: eventStore, projection, table: caseFilesTable, holder: instance })();
  if (isLeft(report)) throw new Error(report.left.message);
  return report.right;
};
