/**
 * Child process of the crash test: builds the same generated histories as its parent (fixed seed),
 * then runs the case-files projection into PostgreSQL in small, slow batches, printing each commit,
 * until the parent kills it with SIGKILL.
 */
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { caseFiles as caseFilesUnder, caseFilesTable, migrateReadModelStore, postgresReadModelStore, runProjection } from '../../src/index.js';
import { crashHistories } from './crashHistories.js';
import { config } from './histories.js';

const caseFiles = caseFilesUnder(config);

const url = process.env['CASELEDGER_PG_URL'];
if (url === undefined) throw new Error('CASELEDGER_PG_URL is required');
const pool = new pg.Pool({ connectionString: url, max: 2 });
const source = await crashHistories();
await migrateReadModelStore(pool)();
const store = postgresReadModelStore(pool, caseFiles, caseFilesTable);
// A slow source, so that the kill lands inside a batch as often as between two.
const slow = {
  readAll: (options?: Parameters<typeof source.readAll>[0]) => async () => {
    await new Promise((resolve) => setTimeout(resolve, 15));
    const page = await source.readAll(options)();
    if (E.isRight(page)) process.stdout.write(`read ${page.right.length}\n`);
    return page;
  },
};
for (;;) {
  const r = await runProjection({ source: slow, store, projection: caseFiles, batchSize: 3, maxBatches: 1 })();
  if (E.isLeft(r)) throw new Error(r.left.message);
  process.stdout.write(`committed ${r.right.eventsRead}\n`);
  if (r.right.eventsRead === 0) break;
}
await pool.end();
