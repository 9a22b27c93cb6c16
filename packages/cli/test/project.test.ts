/**
 * `caseledger project` against real PostgreSQL (CASELEDGER_PG_URL), with EventStoreDB through the
 * test double — and the real server when EVENTSTOREDB_URL is set — or a JSON Lines export as source.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { commandHandler, complaintCaseType, inMemoryEventStore } from '@caseledger/core';
import { connectEventStoreDb } from '@caseledger/eventstoredb';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportStore } from '@caseledger/audit';
import { EXIT_BAD_INPUT, EXIT_CLEAN, run } from '../src/index.js';
import { describeWithoutPostgres, freshDatabase, pgUrl } from '../../projections/test/support/postgres.js';
// @ts-expect-error -- the EventStoreDB test double is plain JavaScript without type declarations.
import { startDouble } from '../../eventstoredb/test/support/double.mjs';

const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
const receive = (caseId: string) => ({
  type: 'ReceiveComplaint',
  caseId,
  at: '2026-11-16T09:00:00+08:00',
  actor: cs,
  customer: { id: 'c', name: 'A' },
  channel: 'phone',
  description: 'x',
  severity: 'minor',
});
const acknowledge = (caseId: string) => ({ type: 'AcknowledgeComplaint', caseId, at: '2026-11-16T09:10:00+08:00', actor: cs, explanation: 'x' });

const cli = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false, now: () => Date.now() });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

if (pgUrl === undefined) {
  describeWithoutPostgres('caseledger project');
} else {
  const serverUrl = pgUrl;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let double: { connectionString: string; stop: () => Promise<void> };
  beforeAll(async () => {
    database = await freshDatabase(serverUrl);
    double = await startDouble();
  });
  afterAll(async () => {
    await double.stop();
    await database.drop();
  });

  describe('caseledger project', () => {
    it('status, catch-up, status again after new events, rebuild and parked, from EventStoreDB (the double)', async () => {
      const store = connectEventStoreDb(double.connectionString);
      const handle = commandHandler(complaintCaseType, store);
      try {
        for (const id of ['P1', 'P2']) expect(E.isRight(await handle(receive(id))())).toBe(true);
        const before = await cli('project', 'status', '--pg', database.url, '--eventstoredb', double.connectionString, '--json');
        expect(before.code).toBe(EXIT_CLEAN);
        const rows: Array<{ projection: string; lag: number; storedVersion: number | null }> = JSON.parse(before.out).projections;
        expect(rows.map((r) => [r.projection, r.lag, r.storedVersion])).toEqual([
          ['case-files', 2, null],
          ['warranty-statistics', 2, null],
          ['satisfaction', 2, null],
          ['complaint-statistics', 2, null],
        ]);

        const caughtUp = await cli('project', 'catch-up', '--pg', database.url, '--eventstoredb', double.connectionString);
        expect(caughtUp).toMatchObject({ code: EXIT_CLEAN, err: '' });
        expect(caughtUp.out).toMatch(/^case-files: 2 events read, 2 applied, 0 parked; checkpoint \d+\/\d+$/m);

        await handle(acknowledge('P1'))();
        const after = await cli('project', 'status', '--pg', database.url, '--eventstoredb', double.connectionString);
        expect(after.code).toBe(EXIT_CLEAN);
        expect(after.out).toMatch(/^case-files\s+5\s+\d+\/\d+\s+1\s+0\s+-$/m);

        const rebuilt = await cli('project', 'rebuild', 'case-files', '--pg', database.url, '--eventstoredb', double.connectionString, '--json');
        expect(rebuilt.code).toBe(EXIT_CLEAN);
        expect(JSON.parse(rebuilt.out)).toEqual([expect.objectContaining({ projection: 'case-files', rebuilt: true, eventsRead: 3, eventsApplied: 3 })]);
        expect((await cli('project', 'parked', 'case-files', '--pg', database.url)).out).toBe('case-files: no parked events');
      } finally {
        await store.dispose();
      }
    }, 60_000);

    it('from a JSON Lines export, in global order though the export groups streams', async () => {
      const source = inMemoryEventStore();
      const handle = commandHandler(complaintCaseType, source);
      for (const step of [receive('F1'), receive('F2'), acknowledge('F1'), acknowledge('F2')]) await handle(step)();
      const lines: string[] = [];
      await exportStore(source, async (l) => void lines.push(l))();
      const file = join(mkdtempSync(join(tmpdir(), 'caseledger-project-')), 'events.jsonl');
      writeFileSync(file, `${lines.join('\n')}\n`);
      const own = await freshDatabase(serverUrl);
      try {
        const ran = await cli('project', 'catch-up', '--pg', own.url, '--file', file, '--projection', 'case-files', '--json');
        expect(ran.code).toBe(EXIT_CLEAN);
        expect(JSON.parse(ran.out)).toEqual([expect.objectContaining({ projection: 'case-files', eventsRead: 4, eventsApplied: 4, checkpoint: '3/3' })]);
        const status = await cli('project', 'status', '--pg', own.url, '--file', file, '--json');
        expect(JSON.parse(status.out).projections[0]).toMatchObject({ projection: 'case-files', lag: 0, checkpoint: '3/3' });
      } finally {
        await own.drop();
      }
    }, 60_000);

    it('says what is wrong in one line, exit 2', async () => {
      const cases: ReadonlyArray<readonly [ReadonlyArray<string>, string]> = [
        [['project'], 'project needs status, catch-up, rebuild or parked'],
        [['project', 'status'], 'project needs --pg'],
        [['project', 'catch-up', '--pg', database.url], 'project catch-up needs a source'],
        [['project', 'rebuild', '--pg', database.url], "project rebuild needs the projection's name"],
        [
          ['project', 'parked', 'horoscope', '--pg', database.url],
          'no projection "horoscope"; the projections are case-files, warranty-statistics, satisfaction, complaint-statistics',
        ],
        [['project', 'status', '--pg', 'postgres://nobody@127.0.0.1:1/none'], 'the read-model database cannot be prepared'],
      ];
      for (const [argv, message] of cases) {
        const r = await cli(...argv);
        expect({ argv, code: r.code, err: r.err.split('\n')[0] }).toEqual({ argv, code: EXIT_BAD_INPUT, err: expect.stringContaining(message) });
      }
    }, 60_000);
  });

  const real = process.env['EVENTSTOREDB_URL'];
  if (real !== undefined) {
    describe(`caseledger project against the real server (${real})`, () => {
      it('status works against the shared server, and a catch-up of one projection leaves no lag', async () => {
        const own = await freshDatabase(serverUrl);
        const store = connectEventStoreDb(real);
        try {
          await commandHandler(complaintCaseType, store)(receive(`R${randomUUID().slice(0, 8)}`))();
          const ran = await cli('project', 'catch-up', '--pg', own.url, '--eventstoredb', real, '--projection', 'case-files', '--quiet');
          expect(ran).toMatchObject({ code: EXIT_CLEAN, err: '' });
          const status = await cli('project', 'status', '--pg', own.url, '--eventstoredb', real, '--json');
          expect(status.code).toBe(EXIT_CLEAN);
          const caseFiles = JSON.parse(status.out).projections[0];
          expect(caseFiles).toMatchObject({ projection: 'case-files', storedVersion: 5 });
          // Other tests write to the shared server meanwhile: the lag is what they added since, small.
          expect(caseFiles.lag).toBeLessThan(10_000);
        } finally {
          await store.dispose();
          await own.drop();
        }
      }, 120_000);
    });
  }
}
