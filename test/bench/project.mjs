// project: projection catch-up (complaint statistics) over a store of complaint events, into the
// in-memory read-model store or into PostgreSQL (when a URL is given).
import { defaultCalendar, inMemoryEventStore } from '@caseledger/core';
import {
  complaintStatistics,
  complaintStatisticsTable,
  inMemoryReadModelStore,
  migrateReadModelStore,
  postgresReadModelStore,
  runProjection,
} from '@caseledger/projections';
import pg from 'pg';
import { complaintEvents } from './workloads.mjs';

const events = Number(process.argv[2] ?? 100_000);
const pgUrl = process.argv[3];
const source = inMemoryEventStore();
for (let n = 0; n < events / 10; n++) await source.appendToStream(`complaint-C${n}`, complaintEvents(`C${n}`, 10), 'no-stream')();

const projection = complaintStatistics(defaultCalendar);
let pool;
let store = inMemoryReadModelStore();
if (pgUrl !== undefined) {
  pool = new pg.Pool({ connectionString: pgUrl, max: 2 });
  const migrated = await migrateReadModelStore(pool)();
  if (migrated._tag === 'Left') throw new Error(migrated.left.message);
  await pool.query('DELETE FROM caseledger_read_models WHERE name = $1', [projection.name]);
  store = postgresReadModelStore(pool, projection, complaintStatisticsTable);
}
const started = performance.now();
const report = await runProjection({ source, store, projection, batchSize: 1000 })();
const seconds = (performance.now() - started) / 1000;
await pool?.end();
if (report._tag === 'Left') throw new Error(report.left.message);
process.stdout.write(`${JSON.stringify({ events: report.right.eventsRead, value: report.right.eventsRead / seconds })}\n`);
