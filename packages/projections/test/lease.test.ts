/**
 * One runner per projection, against real PostgreSQL: runners in separate processes share one
 * database; the one holding the lease is killed with SIGKILL mid-run, again and again, while another
 * waits. The next takes over within seconds, no two ever write at once, and the read model ends equal
 * to a from-scratch rebuild: nothing lost, nothing counted twice.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireProjectionLease,
  type CaseRecord,
  caseFiles as caseFilesUnder,
  caseFilesTable,
  inMemoryReadModelStore,
  migrateReadModelStore,
  postgresReadModelStore,
  projectionLeaseHolder,
  runProjection,
  runProjectionUnderLease,
} from '../src/index.js';
import { crashHistories } from './support/crashHistories.js';
import { leaseHistories } from './support/leaseHistories.js';
import { describeWithoutPostgres, freshDatabase, pgUrl } from './support/postgres.js';
import { config } from './support/histories.js';

const caseFiles = caseFilesUnder(config);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (pgUrl === undefined) {
  describeWithoutPostgres('projection leases');
} else {
  const serverUrl = pgUrl;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await freshDatabase(serverUrl);
    pool = new pg.Pool({ connectionString: database.url, max: 6 });
    await migrateReadModelStore(pool)();
    await pool.query('CREATE TABLE lease_test_writes (seq bigserial PRIMARY KEY, holder text NOT NULL, phase text NOT NULL)');
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  describe('projection leases', () => {
    it('a second runner in the same process waits for the first, then finds nothing left to do', async () => {
      const source = await crashHistories();
      const name = 'lease-in-process';
      const projection = { ...caseFiles, name };
      const first = await acquireProjectionLease(pool, name, { holder: 'first' })();
      if (E.isLeft(first)) throw new Error(first.left.message);
      expect(await projectionLeaseHolder(pool, name)()).toEqual(E.right('first'));
      const waiting: Array<string | undefined> = [];
      const second = runProjectionUnderLease({ pool, source, projection, holder: 'second', pollMs: 20, onWaiting: (heldBy) => waiting.push(heldBy) })();
      await sleep(200);
      // The first holder catches up through its lease, then lets go.
      const ran = await runProjection({ source, store: first.right.store(caseFiles, caseFilesTable), projection })();
      expect(E.isRight(ran) && ran.right.eventsRead).toBeGreaterThan(0);
      await first.right.release();
      const report = await second;
      expect(waiting).toEqual(['first']);
      expect(E.isRight(report) && report.right.eventsRead).toBe(0);
      expect(await projectionLeaseHolder(pool, name)()).toEqual(E.right(undefined));
    });

    it('a released lease writes nothing more: PROJECTION_LEASE_LOST', async () => {
      const lease = await acquireProjectionLease(pool, 'lease-released', { holder: 'gone' })();
      if (E.isLeft(lease)) throw new Error(lease.left.message);
      const store = lease.right.store(caseFiles, caseFilesTable);
      await lease.right.release();
      const saved = await store.reset('lease-released', caseFiles.version)();
      expect(E.isLeft(saved) && saved.left.code).toBe('PROJECTION_LEASE_LOST');
    });

    it('waiting can be given up', async () => {
      const held = await acquireProjectionLease(pool, 'lease-wait', { holder: 'holding' })();
      if (E.isLeft(held)) throw new Error(held.left.message);
      const controller = new AbortController();
      const waiting = acquireProjectionLease(pool, 'lease-wait', { holder: 'waiting', pollMs: 20, signal: controller.signal })();
      await sleep(100);
      controller.abort();
      expect(E.isLeft(await waiting) && 'aborted').toBe('aborted');
      await held.right.release();
    });

    it('runners killed with SIGKILL while they hold the lease: the next takes over within seconds, none writes at once with another, the read model equals a rebuild', async () => {
      const children = new Map<string, ChildProcessByStdio<null, Readable, Readable>>();
      const commits = new Map<string, number>();
      const waiting = new Set<string>();
      const stdout: string[] = [];
      const stderr: string[] = [];
      let next = 0;
      const startRunner = (): string => {
        const id = `runner-${++next}`;
        const child = spawn(
          fileURLToPath(new URL('../../../node_modules/.bin/vite-node', import.meta.url)),
          ['-c', fileURLToPath(new URL('../../../vitest.config.ts', import.meta.url)), fileURLToPath(new URL('./support/leasedRunner.ts', import.meta.url))],
          { env: { ...process.env, CASELEDGER_PG_URL: database.url, RUNNER_ID: id, RUNNER_DELAY_MS: '200' }, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        commits.set(id, 0);
        child.stdout.on('data', (chunk: Buffer) => {
          const lines = chunk.toString().split('\n');
          commits.set(id, (commits.get(id) ?? 0) + lines.filter((l) => l === 'committed').length);
          if (lines.includes('waiting')) waiting.add(id);
          stdout.push(`${id}: ${lines.filter((l) => l !== '' && l !== 'committed').join(',')}`);
        });
        child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
        children.set(id, child);
        return id;
      };
      const holder = async (): Promise<string | undefined> => {
        const h = await projectionLeaseHolder(pool, caseFiles.name)();
        return E.isRight(h) ? h.right : undefined;
      };
      const waitFor = async <A>(what: string, get: () => Promise<A | undefined>, ms = 30_000): Promise<A> => {
        const until = Date.now() + ms;
        for (;;) {
          const got = await get();
          if (got !== undefined) return got;
          if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${stdout.filter((l) => !l.endsWith(': ')).join(' | ')} ${stderr.join('')}`);
          await sleep(20);
        }
      };
      startRunner();
      startRunner();
      const takeovers: number[] = [];
      try {
        for (let kill = 0; kill < 3; kill++) {
          const active = await waitFor('a lease holder', holder);
          // Let it write a little while another runner waits for the lease, then kill it in the middle of its run.
          await waitFor('two commits', async () => ((commits.get(active) ?? 0) >= 2 ? true : undefined));
          await waitFor('a runner waiting', async () =>
            [...waiting].some((id) => id !== active && children.get(id)?.exitCode === null && children.get(id)?.signalCode === null) ? true : undefined,
          );
          children.get(active)?.kill('SIGKILL');
          const killedAt = Date.now();
          startRunner();
          const successor = await waitFor('another holder', async () => {
            const h = await holder();
            return h !== undefined && h !== active ? h : undefined;
          });
          takeovers.push((Date.now() - killedAt) / 1000);
          expect(successor).not.toBe(active);
        }
        // The rest run to the end: one catches up, the others find nothing left.
        const exits = await Promise.all(
          [...children.entries()].map(([id, child]) =>
            child.exitCode !== null || child.signalCode !== null
              ? Promise.resolve([id, child.exitCode ?? child.signalCode] as const)
              : new Promise<readonly [string, number | string | null]>((resolve) => child.on('exit', (code, signal) => resolve([id, code ?? signal]))),
          ),
        );
        expect(exits.filter(([, code]) => code === 'SIGKILL')).toHaveLength(3);
        expect(exits.filter(([, code]) => code === 0)).toHaveLength(2);
      } finally {
        for (const child of children.values()) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      console.log(`lease takeovers after SIGKILL: ${takeovers.map((s) => `${s.toFixed(2)} s`).join(', ')}`);
      for (const seconds of takeovers) expect(seconds).toBeLessThan(5);

      // Never two at once: every write's end follows its own start, with no other start between.
      const writes = await pool.query<{ holder: string; phase: string }>('SELECT holder, phase FROM lease_test_writes ORDER BY seq');
      writes.rows.forEach((row, i) => {
        if (row.phase === 'end') expect({ i, previous: writes.rows[i - 1] }).toEqual({ i, previous: { holder: row.holder, phase: 'start' } });
      });
      expect(new Set(writes.rows.map((r) => r.holder)).size).toBeGreaterThanOrEqual(4);

      const source = await leaseHistories();
      const store = postgresReadModelStore(pool, caseFiles, caseFilesTable);
      const reference = inMemoryReadModelStore<CaseRecord>();
      await runProjection({ source, store: reference, projection: caseFiles })();
      const [got, want] = [await store.load(caseFiles.name)(), await reference.load(caseFiles.name)()];
      expect(E.isRight(got) && got.right?.rows).toEqual(E.isRight(want) && want.right?.rows);
      expect(E.isRight(got) && got.right?.checkpoint).toEqual(E.isRight(want) && want.right?.checkpoint);
    }, 180_000);
  });
}
