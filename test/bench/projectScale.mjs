// project-scale: the case-files projection caught up into PostgreSQL from `events` events over
// `events / 10` complaints (seven in ten run the whole internal procedure to the customer's
// acceptance, 11 events; the rest are still open after 5 to 11; opened five minutes apart, their steps interleaved
// with those of the 1,000 cases opened around them, as an office's log has them), then the board's
// and the overdue list's first page at that size. Prints the rate of each tenth of the run, so a
// per-event cost that grows with the number of cases shows.
import { defaultCalendar, defaultPolicies, inMemoryEventStore, instantFromEpochMs } from '@caseledger/core';
import {
  caseFiles,
  caseFilesTable,
  inMemoryReadModelStore,
  migrateReadModelStore,
  postgresCaseQueries,
  postgresReadModelStore,
  runProjection,
} from '@caseledger/projections';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { complaintEvents } from './workloads.mjs';

const events = Number(process.argv[2] ?? 1_000_000);
const pgUrl = process.argv[3];
const batchSize = Number(process.argv[4] ?? 2000);
if (pgUrl === undefined) throw new Error('usage: projectScale.mjs EVENTS POSTGRES_URL [BATCH]');
const START = Date.parse('2024-01-02T01:00:00Z');
const OPEN_TOGETHER = 1000;

const source = inMemoryEventStore();
let written = 0;
let lastAt = START;
for (let block = 0; written < events; block++) {
  const cases = [];
  for (let i = 0; i < OPEN_TOGETHER; i++) {
    const n = block * OPEN_TOGETHER + i;
    cases.push({ stream: `complaint-S${n}`, events: complaintEvents(`S${n}`, n % 10 < 7 ? 11 : 5 + (n % 7), START + n * 300_000) });
  }
  for (let step = 0; cases.some((c) => step < c.events.length) && written < events; step++) {
    for (const c of cases) {
      const e = c.events[step];
      if (e === undefined || written >= events) continue;
      const r = await source.appendToStream(c.stream, [e], step === 0 ? 'no-stream' : BigInt(step - 1))();
      if (r._tag === 'Left') throw new Error(r.left.message);
      lastAt = Math.max(lastAt, Date.parse(e.data.at));
      written += 1;
    }
  }
}

const rulebook = { policies: defaultPolicies, calendar: defaultCalendar };
const projection = caseFiles(rulebook);
const pool = new pg.Pool({ connectionString: pgUrl, max: 2 });
const migrated = await migrateReadModelStore(pool)();
if (migrated._tag === 'Left') throw new Error(migrated.left.message);
await pool.query('DELETE FROM caseledger_read_models WHERE name = $1', [projection.name]);
const pgStore = postgresReadModelStore(pool, projection, caseFilesTable);
// Where the time goes: loading rows, committing them (the rest is reading the source and folding).
const spent = { rows: 0, commit: 0 };
const timedStep =
  (what, f) =>
  (...args) =>
  async () => {
    const t = performance.now();
    const r = await f(...args)();
    spent[what] += performance.now() - t;
    return r;
  };
const target = process.env['PROJECT_SCALE_STORE'] === 'memory' ? inMemoryReadModelStore() : pgStore;
const store = { ...target, rows: timedStep('rows', target.rows), commit: timedStep('commit', target.commit) };

// The time at which each tenth of the events was folded and committed (a batch is done when the
// runner asks for the next one).
const marks = [];
let read = 0;
let done = 0;
const tenth = Math.max(1, Math.floor(events / 10));
const started = performance.now();
const mark = () => {
  if (Math.floor(read / tenth) > Math.floor(done / tenth)) marks.push({ events: read, ms: performance.now() - started });
  done = read;
};
const timed = {
  readAll: (options) => async () => {
    mark();
    const page = await source.readAll(options)();
    if (page._tag === 'Right') read += page.right.length;
    return page;
  },
};
const report = await runProjection({ source: timed, store, projection, batchSize })();
mark();
const seconds = (performance.now() - started) / 1000;
if (report._tag === 'Left') throw new Error(report.left.message);
await pool.query('ANALYZE');

const queries = postgresCaseQueries(pool);
const now = instantFromEpochMs(lastAt + 86_400_000);
const latency = async (run) => {
  const ms = [];
  for (let i = 0; i < 21; i++) {
    const t = performance.now();
    const r = await run();
    if (r._tag === 'Left') throw new Error(r.left.message);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[10], max: ms[20] };
};
const board = await latency(() => queries.complaintBoard(now, { limit: 50 })());
const boardDeep = await latency(() => queries.complaintBoard(now, { limit: 50, offset: 10_000 })());
const overdue = await latency(() => queries.overdueList(now, { page: { limit: 50 } })());
const sizes = (
  await pool.query("SELECT count(*)::int AS cases, count(*) FILTER (WHERE on_board)::int AS open FROM caseledger_cases WHERE projection = 'case-files'")
).rows[0];
const deadlines = (await pool.query("SELECT count(*)::int AS n FROM caseledger_case_deadlines WHERE projection = 'case-files'")).rows[0].n;
const bytes = (await pool.query("SELECT pg_total_relation_size('caseledger_cases')::bigint AS n")).rows[0].n;
// What one case's row holds (its state, first instants and view, and the columns), as stored.
const rowBytes = (await pool.query("SELECT avg(pg_column_size(c.*))::float AS n FROM caseledger_cases c WHERE projection = 'case-files'")).rows[0].n;

// The floor: PostgreSQL's bulk load of the very rows the catch-up wrote (COPY into tables made like
// the read model's, keys and indexes included). No catch-up writes faster than this.
const copyFloorSeconds = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'caseledger-copy-'));
  try {
    const psql = (command) => execFileSync('psql', [pgUrl, '-v', 'ON_ERROR_STOP=1', '-qc', command], { encoding: 'utf8' });
    for (const [table, copy] of [
      ['caseledger_cases', 'bench_copy_cases'],
      ['caseledger_case_deadlines', 'bench_copy_deadlines'],
    ]) {
      await pool.query(`DROP TABLE IF EXISTS ${copy}`);
      await pool.query(`CREATE TABLE ${copy} (LIKE ${table} INCLUDING ALL)`);
      psql(`\\copy (SELECT * FROM ${table} WHERE projection = 'case-files') TO '${join(dir, table)}'`);
    }
    const t = performance.now();
    psql(`\\copy bench_copy_cases FROM '${join(dir, 'caseledger_cases')}'`);
    psql(`\\copy bench_copy_deadlines FROM '${join(dir, 'caseledger_case_deadlines')}'`);
    const seconds = (performance.now() - t) / 1000;
    await pool.query('DROP TABLE bench_copy_cases, bench_copy_deadlines');
    return seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
const copySeconds = process.env['PROJECT_SCALE_STORE'] === 'memory' ? undefined : await copyFloorSeconds();
await pool.end();
const tenths = marks.map((m, i) => {
  const previous = marks[i - 1] ?? { events: 0, ms: 0 };
  return Math.round((m.events - previous.events) / ((m.ms - previous.ms) / 1000));
});
process.stdout.write(
  `${JSON.stringify({ events: report.right.eventsRead, value: report.right.eventsRead / seconds, batchSize, tenths, loadSeconds: spent.rows / 1000, commitSeconds: spent.commit / 1000, totalSeconds: seconds, boardMs: board, boardDeepMs: boardDeep, overdueMs: overdue, ...sizes, openDeadlines: deadlines, tableMb: Number(bytes) / 2 ** 20, bytesPerCase: rowBytes, ...(copySeconds === undefined ? {} : { copyFloor: report.right.eventsRead / copySeconds }) })}\n`,
);
