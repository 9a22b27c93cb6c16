/** `caseledger-keys`: migrate, status and a KEK rotation from the command line, against real PostgreSQL. */
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithoutPostgres, freshDatabase, pgUrl } from '../../projections/test/support/postgres.js';
import { KEYS_EXIT_BAD_INPUT, KEYS_EXIT_DONE, runKeysCli } from '../src/cli.js';
import { kekFromEnvironment, kekRing, postgresKeyStore } from '../src/index.js';

const OLD = '11'.repeat(32);
const NEW = '22'.repeat(32);

const cli = async (argv: ReadonlyArray<string>, env: Record<string, string> = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runKeysCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('caseledger-keys without a database', () => {
  it('refuses bad input in one line, exit 2, and never prints a secret', async () => {
    expect((await cli([])).code).toBe(KEYS_EXIT_BAD_INPUT);
    expect((await cli(['rotate', '--frobnicate', 'x'])).err).toContain('unknown option --frobnicate');
    expect((await cli(['status'])).err).toContain('--database-url is missing');
    const badKek = await cli(['migrate', '--database-url', 'postgresql://x@127.0.0.1:1/x', '--kek-env', 'K'], { K: `${OLD.slice(0, 40)}` });
    expect(badKek.code).toBe(KEYS_EXIT_BAD_INPUT);
    expect(badKek.err).toContain('KEK_INVALID');
    expect(badKek.err).not.toContain(OLD.slice(0, 40));
  });

  it('refuses a rotation whose previous KEK is the current one: it would report that KEK safe to destroy', async () => {
    const same = await cli(['rotate', '--database-url', 'postgresql://x@127.0.0.1:1/x', '--kek-env', 'A', '--previous-kek-env', 'B'], { A: OLD, B: OLD });
    expect(same.code).toBe(KEYS_EXIT_BAD_INPUT);
    expect(same.err).toContain('KEK_RING_REPEATS_KEY');
    expect(`${same.out}${same.err}`).not.toContain('can now be destroyed');
    expect(`${same.out}${same.err}`).not.toContain(OLD);
    const current = kekFromEnvironment('A', { A: OLD });
    const other = kekFromEnvironment('B', { B: NEW });
    if (E.isLeft(current) || E.isLeft(other)) throw new Error('test KEKs');
    expect(E.isLeft(kekRing(current.right, [other.right, other.right]))).toBe(true);
    expect(E.isRight(kekRing(current.right, [other.right]))).toBe(true);
  });
});

if (pgUrl === undefined) {
  describeWithoutPostgres('caseledger-keys');
} else {
  const serverUrl = pgUrl;
  let database: Awaited<ReturnType<typeof freshDatabase>>;

  beforeAll(async () => {
    database = await freshDatabase(serverUrl);
  });
  afterAll(async () => {
    await database.drop();
  });

  describe('caseledger-keys', () => {
    it('migrates, reports the keys per KEK, and rotates them to a new KEK; the old one is then not needed', async () => {
      const env = { CASELEDGER_KEK: OLD, NEXT_KEK: NEW, CASELEDGER_KEYS_DATABASE_URL: database.url };
      expect(await cli(['migrate'], env)).toMatchObject({ code: KEYS_EXIT_DONE });
      const oldKek = kekFromEnvironment('CASELEDGER_KEK', env);
      const newKek = kekFromEnvironment('NEXT_KEK', env);
      if (E.isLeft(oldKek) || E.isLeft(newKek)) throw new Error('kek');
      const pool = new pg.Pool({ connectionString: database.url, max: 2 });
      try {
        for (const s of ['a', 'b', 'c']) await postgresKeyStore(pool, { current: oldKek.right }).issue(s)();
        const status = await cli(['status'], env);
        expect(status.out).toBe(`${oldKek.right.id}: 3 live key(s)`);
        // Rotating without the KEK the keys are under now is refused.
        expect((await cli(['rotate', '--kek-env', 'NEXT_KEK'], env)).code).toBe(KEYS_EXIT_BAD_INPUT);
        const rotated = await cli(['rotate', '--kek-env', 'NEXT_KEK', '--previous-kek-env', 'CASELEDGER_KEK', '--batch', '2'], env);
        expect(rotated.code).toBe(KEYS_EXIT_DONE);
        expect(rotated.out).toContain('3 key(s) re-wrapped');
        expect((await cli(['status'], env)).out).toBe(`${newKek.right.id}: 3 live key(s)`);
        const opened = await postgresKeyStore(pool, { current: newKek.right }).lookup('b')();
        expect(E.isRight(opened) && opened.right.status).toBe('active');
        for (const r of [status, rotated]) expect(`${r.out}${r.err}`).not.toContain(OLD);
      } finally {
        await pool.end();
      }
    });
  });
}
