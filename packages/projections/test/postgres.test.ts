/**
 * The PostgreSQL read-model store: migrations, the runner's guarantees against the real server, the
 * lists in SQL against the lists in memory, and a process killed with SIGKILL in the middle of a
 * run that loses and duplicates nothing.
 */
import { defaultNumRuns } from '@caseledger/testing';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventStore, type Instant, type RecordedEvent, epochMs, instantFromEpochMs, localDateOf } from '@caseledger/core';
import fc from 'fast-check';
import * as t from 'io-ts';
import {
  type CaseRecord,
  type Projection,
  type RowTable,
  READ_MODEL_TABLES,
  annualComplaintStatistics,
  capaTracker,
  caseFiles as caseFilesUnder,
  caseFilesTable,
  complaintBoard,
  complaintStatistics,
  contractReviewQueue,
  decodeKnownEvent,
  inMemoryReadModelStore,
  migrateReadModelStore,
  openInquiries,
  overdueList,
  postgresCaseQueries,
  postgresReadModelStore,
  postgresStatisticsQueries,
  readModelMigrations,
  runProjection,
  satisfaction,
  satisfactionByPeriod,
  specialCaseLog,
  warrantyByCategory,
  warrantyStatistics,
} from '../src/index.js';
import { crashHistories } from './support/crashHistories.js';
import { describeRunnerGuarantees, eachProjection } from './support/guarantees.js';
import { describeWithoutPostgres, freshDatabase, pgUrl } from './support/postgres.js';
import { config, fill, historiesArb } from './support/histories.js';

const caseFiles = caseFilesUnder(config);

/** When the first event happened (every generated history starts with a receipt, a filing, an order, an inquiry or a survey). */
const instantOf = (event: RecordedEvent): Instant => {
  const decoded = decodeKnownEvent(event);
  if (decoded === undefined || E.isLeft(decoded)) throw new Error(`not a known event: ${event.type}`);
  return decoded.right.envelope.event.at;
};

/** A projection's rows folded in memory, as the in-memory queries take them. */
const rowsOf = async <Row>(source: Pick<EventStore, 'readAll'>, projection: Projection<Row>): Promise<ReadonlyArray<Row>> => {
  const store = inMemoryReadModelStore<Row>();
  await runProjection({ source, store, projection })();
  const loaded = await store.load(projection.name)();
  return E.isRight(loaded) && loaded.right !== undefined ? [...loaded.right.rows.values()] : [];
};

if (pgUrl === undefined) {
  describeWithoutPostgres('PostgreSQL read-model store');
} else {
  const serverUrl = pgUrl;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await freshDatabase(serverUrl);
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  describe('PostgreSQL read-model store', () => {
    it('applies its migrations once, and again is a no-op: a table per read model', async () => {
      expect(await migrateReadModelStore(pool)()).toEqual(E.right([1, 2]));
      expect(await migrateReadModelStore(pool)()).toEqual(E.right([]));
      const tables = await pool.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'caseledger_%' ORDER BY 1",
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual([...READ_MODEL_TABLES, 'caseledger_schema_migrations'].sort());
    });

    it('migrating from version 1 drops the documents, and the projections rebuild from the first event', async () => {
      const old = await freshDatabase(serverUrl);
      const oldPool = new pg.Pool({ connectionString: old.url, max: 2 });
      try {
        await oldPool.query(
          'CREATE TABLE caseledger_schema_migrations (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
        );
        await oldPool.query(readModelMigrations[0]?.sql ?? '');
        await oldPool.query("INSERT INTO caseledger_schema_migrations (version, description) VALUES (1, 'v1')");
        await oldPool.query(
          `INSERT INTO caseledger_read_models (name, version, read_model, checkpoint_commit, checkpoint_prepare) VALUES ('case-files', 2, '{"cases": {}}', 5, 5)`,
        );
        expect(await migrateReadModelStore(oldPool)()).toEqual(E.right([2]));
        const source = await crashHistories();
        const store = postgresReadModelStore(oldPool, caseFiles, caseFilesTable);
        expect(await store.head(caseFiles.name)()).toEqual(E.right(undefined));
        const ran = await runProjection({ source, store, projection: caseFiles })();
        const all = await source.readAll()();
        expect(E.isRight(ran) && E.isRight(all) && ran.right.eventsRead).toBe(E.isRight(all) && all.right.length);
      } finally {
        await oldPool.end();
        await old.drop();
      }
    });

    it('reports a stored row it cannot decode, instead of returning garbage', async () => {
      const store = postgresReadModelStore(pool, caseFiles, caseFilesTable);
      await store.reset('broken', 1)();
      await pool.query(
        `INSERT INTO caseledger_cases (projection, key, case_type, case_id, status, is_open, opened_at, missed_rules, on_board, on_capa_tracker, on_contract_queue, on_inquiry_list, detail)
         VALUES ('broken', 'complaint-X', 'complaint', 'X', 'received', true, now(), '{}', true, false, false, false, '{"category": "complaint", "caseId": 42}')`,
      );
      const loaded = await store.rows('broken', ['complaint-X'])();
      expect(E.isLeft(loaded) && loaded.left).toMatchObject({ code: 'READ_MODEL_STORE_FAILURE', message: expect.stringContaining('complaint-X') });
      const board = await postgresCaseQueries(pool, 'broken').complaintBoard(instantFromEpochMs(0))();
      expect(E.isLeft(board) && board.left).toMatchObject({ code: 'READ_MODEL_STORE_FAILURE', message: expect.stringContaining('case X') });
      await store.reset('broken', 1)();
    });

    it('refuses a batch written under a version the projection no longer has: PROJECTION_VERSION_CHANGED', async () => {
      const store = postgresReadModelStore(pool, caseFiles, caseFilesTable);
      await store.reset('versioned', 2)();
      const committed = await store.commit('versioned', { version: 1, checkpoint: { commit: 1n, prepare: 1n }, rows: new Map(), parked: [] })();
      expect(E.isLeft(committed) && committed.left.code).toBe('PROJECTION_VERSION_CHANGED');
      expect(await store.head('versioned')()).toEqual(E.right({ version: 2, parked: 0 }));
    });

    it('keeps a projection of your own, with no table of its own, in caseledger_read_model_rows', async () => {
      const eventsPerCase: Projection<{ readonly events: number }> = {
        name: 'events-per-case',
        version: 1,
        handles: caseFiles.handles,
        codec: t.readonly(t.type({ events: t.number })),
        keyOf: (e) => `${e.category}-${e.caseId}`,
        evolve: (row, events) => ({ events: (row?.events ?? 0) + events.length }),
      };
      const source = await crashHistories();
      const store = postgresReadModelStore(pool, eventsPerCase);
      expect(E.isRight(await runProjection({ source, store, projection: eventsPerCase, batchSize: 5 })())).toBe(true);
      const want = await rowsOf(source, eventsPerCase);
      const got = await store.load(eventsPerCase.name)();
      expect(E.isRight(got) && [...(got.right?.rows.values() ?? [])].sort((a, b) => a.events - b.events)).toEqual(
        [...want].sort((a, b) => a.events - b.events),
      );
      const stored = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM caseledger_read_model_rows WHERE projection = 'events-per-case'");
      expect(stored.rows[0]?.n).toBe(want.length);
      expect(want.length).toBeGreaterThan(0);
    });

    it('keeps parked events in order, with their count in the head', async () => {
      const store = postgresReadModelStore(pool, caseFiles, caseFilesTable);
      await store.reset('parking', 1)();
      const parked = ['b', 'a', 'c'].map((s, i) => ({ streamName: `complaint-${s}`, revision: String(i), eventType: 'ComplaintReceived', error: `bad ${s}` }));
      await store.commit('parking', { version: 1, checkpoint: { commit: 3n, prepare: 3n }, rows: new Map(), parked })();
      expect(await store.parked('parking')()).toEqual(E.right(parked));
      expect(await store.parked('parking', { limit: 1, offset: 1 })()).toEqual(E.right([parked[1]]));
      expect(await store.head('parking')()).toEqual(E.right({ version: 1, parked: 3, checkpoint: { commit: 3n, prepare: 3n } }));
    });
  });

  describeRunnerGuarantees(
    'PostgreSQL',
    async <Row>(projection: Projection<Row>, table: RowTable<Row>) => {
      await pool.query('DELETE FROM caseledger_read_models WHERE name = $1', [projection.name]);
      return postgresReadModelStore(pool, projection, table);
    },
    8,
  );

  describe('the lists in SQL', () => {
    it('the SQL queries answer what the in-memory queries answer over the same events, at any instant, page by page', async () => {
      const runs = { numRuns: defaultNumRuns(0.06) };
      await fc.assert(
        fc.asyncProperty(
          historiesArb,
          fc.array(fc.integer({ min: -3 * 86_400_000, max: 40 * 86_400_000 }), { minLength: 1, maxLength: 3 }),
          fc.integer({ min: 1, max: 4 }),
          async (histories, offsets, pageSize) => {
            const source = await fill(histories);
            const all = await source.readAll()();
            const first = E.isRight(all) ? all.right[0] : undefined;
            if (first === undefined) return;
            await eachProjection(async (projection, table) => {
              await pool.query('DELETE FROM caseledger_read_models WHERE name = $1', [projection.name]);
              const store = postgresReadModelStore(pool, projection, table);
              const ran = await runProjection({ source, store, projection, batchSize: 9 })();
              expect(E.isRight(ran)).toBe(true);
            });
            const memory = {
              files: await rowsOf(source, caseFiles),
              warranty: await rowsOf(source, warrantyStatistics),
              surveys: await rowsOf(source, satisfaction),
              complaints: await rowsOf(source, complaintStatistics(config.calendar)),
            };
            const cases = postgresCaseQueries(pool);
            const statistics = postgresStatisticsQueries(pool);
            const started = epochMs(instantOf(first));
            for (const offset of offsets) {
              const now = instantFromEpochMs(started + offset);
              const pages = (n: number) => Array.from({ length: n }, (_, i) => ({ limit: pageSize, offset: i * pageSize }));
              const whole = complaintBoard(memory.files, now);
              expect(await cases.complaintBoard(now)()).toEqual(E.right(whole));
              for (const page of pages(3)) expect(await cases.complaintBoard(now, page)()).toEqual(E.right(complaintBoard(memory.files, now, page)));
              const soonMs = Math.abs(offset) % (3 * 86_400_000);
              expect(await cases.overdueList(now, { soonMs })()).toEqual(E.right(overdueList(memory.files, now, { soonMs })));
              for (const page of pages(3)) expect(await cases.overdueList(now, { page })()).toEqual(E.right(overdueList(memory.files, now, { page })));
              expect(await cases.capaTracker(now)()).toEqual(E.right(capaTracker(memory.files, now)));
              expect(await cases.contractReviewQueue({ limit: pageSize, offset: 1 })()).toEqual(
                E.right(contractReviewQueue(memory.files, { limit: pageSize, offset: 1 })),
              );
              expect(await cases.contractReviewQueue()()).toEqual(E.right(contractReviewQueue(memory.files)));
              expect(await cases.openInquiries(now)()).toEqual(E.right(openInquiries(memory.files, now)));
            }
            const year = localDateOf(config.calendar, instantOf(first)).slice(0, 4);
            expect(await statistics.annualComplaintStatistics(year)()).toEqual(E.right(annualComplaintStatistics(memory.complaints, year)));
            expect(await statistics.warrantyByCategory()()).toEqual(E.right(warrantyByCategory(memory.warranty)));
            expect(await statistics.specialCaseLog()()).toEqual(E.right(specialCaseLog(memory.warranty)));
            expect(await statistics.satisfactionByPeriod()()).toEqual(E.right(satisfactionByPeriod(memory.surveys)));
          },
        ),
        runs,
      );
    }, 300_000);
  });

  describe('a run killed with SIGKILL', () => {
    it('loses and duplicates nothing: resumed, it equals one uninterrupted run', async () => {
      // Start from nothing: the tests above leave the projection's head behind.
      await pool.query('DELETE FROM caseledger_read_models WHERE name = $1', [caseFiles.name]);
      const child = spawn(
        fileURLToPath(new URL('../../../node_modules/.bin/vite-node', import.meta.url)),
        ['-c', fileURLToPath(new URL('../../../vitest.config.ts', import.meta.url)), fileURLToPath(new URL('./support/crashingRun.ts', import.meta.url))],
        { env: { ...process.env, CASELEDGER_PG_URL: database.url }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      // Kill it after a few commits, at a moment that falls inside a batch or between two.
      const commitsBeforeKill = 3;
      await new Promise<void>((resolve, reject) => {
        let commits = 0;
        child.stdout.on('data', (chunk: Buffer) => {
          commits += chunk
            .toString()
            .split('\n')
            .filter((l) => l.startsWith('committed')).length;
          if (commits >= commitsBeforeKill && child.exitCode === null) {
            setTimeout(() => child.kill('SIGKILL'), 7);
          }
        });
        child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended with ${code ?? signal}: ${stderr}`))));
      });

      const store = postgresReadModelStore(pool, caseFiles, caseFilesTable);
      const beforeResume = await store.load(caseFiles.name)();
      expect(E.isRight(beforeResume) && beforeResume.right?.checkpoint).toBeDefined();
      const source = await crashHistories();
      const resumed = await runProjection({ source, store, projection: caseFiles, batchSize: 3 })();
      expect(E.isRight(resumed)).toBe(true);

      const reference = inMemoryReadModelStore<CaseRecord>();
      await runProjection({ source, store: reference, projection: caseFiles })();
      const [got, want] = [await store.load(caseFiles.name)(), await reference.load(caseFiles.name)()];
      expect(E.isRight(got) && got.right?.rows).toEqual(E.isRight(want) && want.right?.rows);
      expect(E.isRight(got) && got.right?.checkpoint).toEqual(E.isRight(want) && want.right?.checkpoint);
    }, 120_000);
  });
}
