/**
 * The PostgreSQL read-model store: migrations, the runner's guarantees against the real server,
 * and a process killed with SIGKILL in the middle of a run that loses and duplicates nothing.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Projection, caseFiles, inMemoryReadModelStore, migrateReadModelStore, postgresReadModelStore, runProjection } from '../src/index.js';
import { crashHistories } from './support/crashHistories.js';
import { describeRunnerGuarantees } from './support/guarantees.js';
import { describeWithoutPostgres, freshDatabase, pgUrl } from './support/postgres.js';

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
    it('applies its migrations once, and again is a no-op', async () => {
      expect(await migrateReadModelStore(pool)()).toEqual(E.right([1]));
      expect(await migrateReadModelStore(pool)()).toEqual(E.right([]));
      const tables = await pool.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'caseledger_%' ORDER BY 1");
      expect(tables.rows.map((r) => r.table_name)).toEqual(['caseledger_read_models', 'caseledger_schema_migrations']);
    });

    it('reports a stored read model it cannot decode, instead of returning garbage', async () => {
      await pool.query("INSERT INTO caseledger_read_models (name, version, read_model) VALUES ('broken', 1, '{\"cases\": 42}')");
      const loaded = await postgresReadModelStore(pool, caseFiles.codec).load('broken')();
      expect(E.isLeft(loaded) && loaded.left).toMatchObject({ code: 'READ_MODEL_STORE_FAILURE', message: expect.stringContaining('cases') });
      await pool.query("DELETE FROM caseledger_read_models WHERE name = 'broken'");
    });
  });

  describeRunnerGuarantees(
    'PostgreSQL',
    async <RM>(projection: Projection<RM>) => {
      await pool.query('DELETE FROM caseledger_read_models WHERE name = $1', [projection.name]);
      return postgresReadModelStore(pool, projection.codec);
    },
    8,
  );

  describe('a run killed with SIGKILL', () => {
    it('loses and duplicates nothing: resumed, it equals one uninterrupted run', async () => {
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
          commits += chunk.toString().split('\n').filter((l) => l.startsWith('committed')).length;
          if (commits >= commitsBeforeKill && child.exitCode === null) {
            setTimeout(() => child.kill('SIGKILL'), 7);
          }
        });
        child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended with ${code ?? signal}: ${stderr}`))));
      });

      const store = postgresReadModelStore(pool, caseFiles.codec);
      const beforeResume = await store.load(caseFiles.name)();
      expect(E.isRight(beforeResume) && beforeResume.right?.checkpoint).toBeDefined();
      const source = await crashHistories();
      const resumed = await runProjection({ source, store, projection: caseFiles, batchSize: 3 })();
      expect(E.isRight(resumed)).toBe(true);

      const reference = inMemoryReadModelStore<typeof caseFiles.initial>();
      await runProjection({ source, store: reference, projection: caseFiles })();
      const [got, want] = [await store.load(caseFiles.name)(), await reference.load(caseFiles.name)()];
      expect(E.isRight(got) && got.right?.readModel).toEqual(E.isRight(want) && want.right?.readModel);
      expect(E.isRight(got) && got.right?.checkpoint).toEqual(E.isRight(want) && want.right?.checkpoint);
    }, 120_000);
  });
}
