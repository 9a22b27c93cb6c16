/**
 * Child process of the lease test: one of several runners of the case-files projection against one
 * database. It waits for the projection's lease, then catches up in small, slow batches, and logs
 * each write as an interval (a row before, a row after) in `lease_test_writes`, so the parent can
 * check that two runners never wrote at once. Prints `waiting` (when another holds the lease), `leased`, `committed`, `done`.
 */
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { type CaseRecord, type ReadModelStore, acquireProjectionLease, caseFiles as caseFilesUnder, caseFilesTable, runProjection } from '../../src/index.js';
import { leaseHistories } from './leaseHistories.js';
import { config } from './histories.js';

const caseFiles = caseFilesUnder(config);

const url = process.env['CASELEDGER_PG_URL'];
const holder = process.env['RUNNER_ID'];
if (url === undefined || holder === undefined) throw new Error('CASELEDGER_PG_URL and RUNNER_ID are required');
const delayMs = Number(process.env['RUNNER_DELAY_MS'] ?? 200);
const pool = new pg.Pool({ connectionString: url, max: 3 });
const source = await leaseHistories();
const slow = {
  readAll: (options?: Parameters<typeof source.readAll>[0]) => async () => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return source.readAll(options)();
  },
};
const lease = await acquireProjectionLease(pool, caseFiles.name, { holder, pollMs: 100, onWaiting: () => process.stdout.write('waiting\n') })();
if (E.isLeft(lease)) throw new Error(lease.left.message);
process.stdout.write('leased\n');
const leased = lease.right.store(caseFiles, caseFilesTable);
const logged: ReadModelStore<CaseRecord> = {
  ...leased,
  commit: (name, batch) => async () => {
    await pool.query("INSERT INTO lease_test_writes (holder, phase) VALUES ($1, 'start')", [holder]);
    const saved = await leased.commit(name, batch)();
    await pool.query("INSERT INTO lease_test_writes (holder, phase) VALUES ($1, 'end')", [holder]);
    process.stdout.write('committed\n');
    return saved;
  },
};
const run = await runProjection({ source: slow, store: logged, projection: caseFiles, batchSize: 2 })();
if (E.isLeft(run)) throw new Error(run.left.message);
await lease.right.release();
process.stdout.write('done\n');
await pool.end();
