/** T-10 on PostgreSQL: the key store, and read models scrubbed of a forgotten customer. */
import { inMemoryEventStore } from '@caseledger/core';
import { type CaseFiles, caseFiles, migrateReadModelStore, postgresReadModelStore, runProjection } from '@caseledger/projections';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithoutPostgres, freshDatabase, pgUrl } from '../../projections/test/support/postgres.js';
import { confidentialEventStore, forgetCustomer, migrateKeyStore, postgresKeyStore } from '../src/index.js';
import { at, instant, must, personalData, personalValuesIn, wang, wangValues, writeCases, zhao } from './support/scenario.js';

if (pgUrl === undefined) {
  describeWithoutPostgres('PostgreSQL key store');
} else {
  const serverUrl = pgUrl;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await freshDatabase(serverUrl);
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    await must(migrateKeyStore(pool)());
    await must(migrateKeyStore(pool)());
    await must(migrateReadModelStore(pool)());
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  describe('PostgreSQL key store', () => {
    it('issues one key per customer even to concurrent first uses, and forgets it for good', async () => {
      const keys = postgresKeyStore(pool);
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
      const row = await pool.query<{ key: Buffer | null }>("SELECT key FROM caseledger_subject_keys WHERE subject = 'cust-a'");
      expect(row.rows).toEqual([{ key: null }]);
      // A customer never seen is tombstoned too, so no key is ever issued for them later.
      await forgetCustomer(keys, 'cust-never', erasedAt)();
      expect(await keys.issue('cust-never')()).toEqual(E.right({ status: 'erased', erasedAt }));
    });

    it('reports an unreachable database as KEY_STORE_UNAVAILABLE', async () => {
      const closed = new pg.Pool({ connectionString: 'postgresql://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 2000 });
      const looked = await postgresKeyStore(closed).lookup('cust-a')();
      await closed.end();
      expect(E.isLeft(looked) && looked.left.code).toBe('KEY_STORE_UNAVAILABLE');
    });
  });

  describe('PostgreSQL read models after a customer is forgotten', () => {
    it('holds none of the customer\'s values once rebuilt, byte for byte, and still holds everyone else', async () => {
      const keys = postgresKeyStore(pool);
      const store = confidentialEventStore({ store: inMemoryEventStore(), keys, personalData });
      await writeCases(store);
      const readModels = postgresReadModelStore<CaseFiles>(pool, caseFiles.codec);
      await must(runProjection({ source: store, store: readModels, projection: caseFiles })());
      const scan = async () => (await pool.query<{ row: string }>('SELECT t::text AS row FROM caseledger_read_models t')).rows.map((r) => r.row).join('\n');
      expect(personalValuesIn(await scan(), wangValues).length).toBeGreaterThan(0);

      await must(forgetCustomer(keys, wang.id, instant(at(19, '09:00')))());
      await must(runProjection({ source: store, store: readModels, projection: caseFiles, rebuild: true })());
      expect(personalValuesIn(await scan(), wangValues)).toEqual([]);
      expect(await scan()).toContain(zhao.name);
    });
  });
}
