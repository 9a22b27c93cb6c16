/** T-10 on PostgreSQL: the key store, and read models scrubbed of a forgotten customer. */
import { inMemoryEventStore } from '@caseledger/core';
import { caseFiles, caseFilesTable, migrateReadModelStore, postgresReadModelStore, runProjection } from '@caseledger/projections';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithoutPostgres, freshDatabase, pgUrl } from '../../projections/test/support/postgres.js';
import { type KekRing, confidentialEventStore, forgetCustomer, localKek, migrateKeyStore, postgresKeyStore, rotateKeyEncryptionKey } from '../src/index.js';
import { at, context, instant, must, personalData, personalValuesIn, wang, wangValues, writeCases, zhao } from './support/scenario.js';

if (pgUrl === undefined) {
  describeWithoutPostgres('PostgreSQL key store');
} else {
  const serverUrl = pgUrl;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let pool: pg.Pool;
  const kekOf = (byte: number) => {
    const kek = localKek(new Uint8Array(32).fill(byte));
    if (E.isLeft(kek)) throw new Error(kek.left.message);
    return kek.right;
  };
  const ring: KekRing = { current: kekOf(1) };

  beforeAll(async () => {
    database = await freshDatabase(serverUrl);
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    await must(migrateKeyStore(pool, ring)());
    await must(migrateKeyStore(pool, ring)());
    await must(migrateReadModelStore(pool)());
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  describe('PostgreSQL key store', () => {
    it('issues one key per customer even to concurrent first uses, and forgets it for good', async () => {
      const keys = postgresKeyStore(pool, ring);
      expect(await keys.lookup('cust-a')()).toEqual(E.right({ status: 'unknown' }));
      const issued = await Promise.all([1, 2, 3, 4, 5].map(() => keys.issue('cust-a')()));
      const distinct = new Set(issued.map((k) => (E.isRight(k) && k.right.status === 'active' ? Buffer.from(k.right.key).toString('hex') : 'none')));
      expect([...distinct]).toHaveLength(1);
      expect([...distinct][0]).toMatch(/^[0-9a-f]{64}$/);

      const erasedAt = instant(at(19, '09:00'));
      expect(await forgetCustomer(keys, 'cust-a', erasedAt)()).toEqual(E.right({ erasedAt, forgottenNow: true }));
      expect(await keys.lookup('cust-a')()).toEqual(E.right({ status: 'erased', erasedAt }));
      expect(await keys.issue('cust-a')()).toEqual(E.right({ status: 'erased', erasedAt }));
      expect(await forgetCustomer(keys, 'cust-a', instant(at(20, '09:00')))()).toEqual(E.right({ erasedAt, forgottenNow: false }));
      const row = await pool.query<{ wrapped_key: Buffer | null; kek_id: string | null }>(
        "SELECT wrapped_key, kek_id FROM caseledger_subject_keys WHERE subject = 'cust-a'",
      );
      expect(row.rows).toEqual([{ wrapped_key: null, kek_id: null }]);
      // A customer never seen is tombstoned too, so no key is ever issued for them later.
      await forgetCustomer(keys, 'cust-never', erasedAt)();
      expect(await keys.issue('cust-never')()).toEqual(E.right({ status: 'erased', erasedAt }));
    });

    it('never writes a key: the table holds only wrapped bytes and the KEK id, which open with that KEK alone', async () => {
      const keys = postgresKeyStore(pool, ring);
      const issued = await keys.issue('cust-wrapped')();
      if (E.isLeft(issued) || issued.right.status !== 'active') throw new Error('not issued');
      const key = Buffer.from(issued.right.key);
      const row = (
        await pool.query<{ wrapped_key: Buffer; kek_id: string }>("SELECT wrapped_key, kek_id FROM caseledger_subject_keys WHERE subject = 'cust-wrapped'")
      ).rows[0];
      expect(row?.kek_id).toBe(ring.current.id);
      expect(row?.wrapped_key.includes(key)).toBe(false);
      const columns = (
        await pool.query<{ column_name: string }>(
          "SELECT column_name FROM information_schema.columns WHERE table_name = 'caseledger_subject_keys' ORDER BY column_name",
        )
      ).rows.map((r) => r.column_name);
      expect(columns).toEqual(['erased_at', 'issued_at', 'kek_id', 'subject', 'wrapped_key']);
      // Another KEK, or none that matches: an error by code, never a wrong key.
      const other = await postgresKeyStore(pool, { current: kekOf(2) }).lookup('cust-wrapped')();
      expect(E.isLeft(other) && other.left.code).toBe('KEK_UNKNOWN');
      const forged = localKek(new Uint8Array(32).fill(3));
      if (E.isLeft(forged)) throw new Error('kek');
      const impostor = { ...forged.right, id: ring.current.id };
      const wrong = await postgresKeyStore(pool, { current: impostor }).lookup('cust-wrapped')();
      expect(E.isLeft(wrong) && wrong.left.code).toBe('KEK_DOES_NOT_UNWRAP');
    });

    it('upgrades a plaintext key table of caseledger 0.1: keys wrapped, the plaintext column gone, the same keys open', async () => {
      const old = await freshDatabase(serverUrl);
      const oldPool = new pg.Pool({ connectionString: old.url, max: 2 });
      try {
        await oldPool.query(
          `CREATE TABLE caseledger_subject_keys (subject text PRIMARY KEY, key bytea, issued_at timestamptz NOT NULL DEFAULT now(), erased_at text, CHECK ((key IS NULL) = (erased_at IS NOT NULL)))`,
        );
        const plain = Buffer.alloc(32, 7);
        await oldPool.query("INSERT INTO caseledger_subject_keys (subject, key) VALUES ('cust-old', $1)", [plain]);
        await oldPool.query("INSERT INTO caseledger_subject_keys (subject, key, erased_at) VALUES ('cust-gone', NULL, '2026-11-01T00:00:00Z')");
        await must(migrateKeyStore(oldPool, ring)());
        await must(migrateKeyStore(oldPool, ring)());
        const keys = postgresKeyStore(oldPool, ring);
        const opened = await keys.lookup('cust-old')();
        expect(E.isRight(opened) && opened.right.status === 'active' && Buffer.from(opened.right.key).equals(plain)).toBe(true);
        expect(await keys.lookup('cust-gone')()).toMatchObject({ right: { status: 'erased' } });
        const dump = (await oldPool.query<{ row: string }>('SELECT t::text AS row FROM caseledger_subject_keys t')).rows.map((r) => r.row).join('\n');
        expect(dump).not.toContain(plain.toString('hex'));
      } finally {
        await oldPool.end();
        await old.drop();
      }
    });

    it('rotates the KEK while keys are issued and forgotten: every live key under the new KEK, the old KEK no longer needed, forgotten keys stay forgotten', async () => {
      const db = await freshDatabase(serverUrl);
      const rotPool = new pg.Pool({ connectionString: db.url, max: 6 });
      try {
        const first = { current: kekOf(10) };
        await must(migrateKeyStore(rotPool, first)());
        const before = postgresKeyStore(rotPool, first);
        const subjects = Array.from({ length: 60 }, (_, i) => `cust-${i}`);
        const keyBefore = new Map<string, string>();
        for (const s of subjects) {
          const k = await before.issue(s)();
          if (E.isRight(k) && k.right.status === 'active') keyBefore.set(s, Buffer.from(k.right.key).toString('hex'));
        }
        // The application has switched to the new KEK (current) and still reads keys under the old one.
        const both = { current: kekOf(11), previous: [first.current] };
        const app = postgresKeyStore(rotPool, both);
        const erasedAt = instant(at(19, '09:00'));
        const concurrent = Promise.all([
          ...subjects.filter((_, i) => i % 7 === 0).map((s) => app.forget(s, erasedAt)()),
          ...Array.from({ length: 20 }, (_, i) => app.issue(`new-${i}`)()),
        ]);
        // A first runner stops after one small step (a crash); a second run carries on.
        const step = await app.rewrap(5)();
        expect(E.isRight(step) && step.right.rewrapped).toBeGreaterThan(0);
        const report = await rotateKeyEncryptionKey(app, { batch: 7 })();
        await concurrent;
        const after = await rotateKeyEncryptionKey(app)();
        expect(E.isRight(report) && report.right.complete).toBe(true);
        expect(after).toMatchObject({ right: { complete: true, rewrapped: 0 } });
        if (E.isRight(after)) expect(Object.keys(after.right.usage)).toEqual([both.current.id]);
        // The old KEK can go: the store opens every live key with the new one alone.
        const newOnly = postgresKeyStore(rotPool, { current: both.current });
        for (const [i, s] of subjects.entries()) {
          const k = await newOnly.lookup(s)();
          if (i % 7 === 0) expect(k).toMatchObject({ right: { status: 'erased' } });
          else expect(E.isRight(k) && k.right.status === 'active' && Buffer.from(k.right.key).toString('hex')).toBe(keyBefore.get(s));
        }
      } finally {
        await rotPool.end();
        await db.drop();
      }
    });

    it('reports an unreachable database as KEY_STORE_UNAVAILABLE', async () => {
      const closed = new pg.Pool({ connectionString: 'postgresql://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 2000 });
      const looked = await postgresKeyStore(closed, ring).lookup('cust-a')();
      await closed.end();
      expect(E.isLeft(looked) && looked.left.code).toBe('KEY_STORE_UNAVAILABLE');
    });
  });

  describe('PostgreSQL read models after a customer is forgotten', () => {
    it("holds none of the customer's values once rebuilt, byte for byte, and still holds everyone else", async () => {
      const keys = postgresKeyStore(pool, ring);
      const store = confidentialEventStore({ store: inMemoryEventStore(), keys, personalData });
      await writeCases(store);
      const projection = caseFiles(context);
      const readModels = postgresReadModelStore(pool, projection, caseFilesTable);
      await must(runProjection({ source: store, store: readModels, projection })());
      const scan = async () => (await pool.query<{ row: string }>('SELECT t::text AS row FROM caseledger_cases t')).rows.map((r) => r.row).join('\n');
      expect(personalValuesIn(await scan(), wangValues).length).toBeGreaterThan(0);

      await must(forgetCustomer(keys, wang.id, instant(at(19, '09:00')))());
      await must(runProjection({ source: store, store: readModels, projection, rebuild: true })());
      expect(personalValuesIn(await scan(), wangValues)).toEqual([]);
      expect(await scan()).toContain(zhao.name);
    });
  });
}
