/**
 * The PostgreSQL the tests use: `CASELEDGER_PG_URL` (set by .ci/run, which starts a throwaway
 * cluster). In CI its absence fails the run; on a developer machine the tests are skipped with a
 * visible message.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';

export const pgUrl = process.env['CASELEDGER_PG_URL'];

export const pgMissingMessage =
  'PostgreSQL tests SKIPPED: CASELEDGER_PG_URL is not set. Start one with `bash .ci/postgres.sh start /tmp/caseledger-pg` and export the URL it prints.';

/** A fresh database on the server, dropped by `drop`. */
export const freshDatabase = async (url: string): Promise<{ readonly url: string; readonly drop: () => Promise<void> }> => {
  const name = `caseledger_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // Let connections that are closing (a pool just ended) go by themselves first: a forced drop
      // terminates them, and a client that is ending has no listener left for that error.
      for (let i = 0; i < 50; i++) {
        const open = await c.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (open.rows[0]?.n === '0') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
};

/** Without a server: a failing test in CI (where .ci/run starts one), a visible skip elsewhere. */
export const describeWithoutPostgres = (title: string): void => {
  if (process.env['CI'] === 'true') {
    describe(title, () => {
      it('needs PostgreSQL in CI', () => {
        throw new Error(`CASELEDGER_PG_URL is not set in CI: .ci/run should have started PostgreSQL. ${pgMissingMessage}`);
      });
    });
  } else {
    console.warn(pgMissingMessage);
    describe.skip(`${title} (${pgMissingMessage})`, () => {
      it('runs against a real server', () => undefined);
    });
  }
};
