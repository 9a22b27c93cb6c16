import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { commandHandler, complaintCaseType, defaultRulebook, inMemoryEventStore, instantFromEpochMs, warrantyClaimCaseType } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { auditOne } from '../src/auditOne.js';
import { complaintMutationScore } from '../src/mutation.js';
import { shopRulebook } from '../src/preset.js';
import { privacyExample } from '../src/privacy.js';
import { morningBoard } from '../src/readModels.js';
import { catchUpCaseFiles } from '../src/leasedRunner.js';
import { freshDatabase } from '../../../packages/projections/test/support/postgres.js';
import pg from 'pg';

const file = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');
const at = (text: string) => instantFromEpochMs(Date.parse(text));

const oneComplaint = async () => {
  const store = inMemoryEventStore();
  await commandHandler(
    complaintCaseType,
    store,
  )({
    type: 'ReceiveComplaint',
    caseId: 'C1',
    at: '2026-11-16T09:00:00+08:00',
    actor: { id: 'cs-li', department: 'customer-service', role: 'staff' },
    customer: { id: 'c', name: 'A' },
    channel: 'phone',
    description: 'x',
    severity: 'minor',
  })();
  return store;
};

describe('code in the docs is the code the suite compiles and runs', () => {
  it('docs/projections.md', async () => {
    expect(file('../../../docs/projections.md')).toContain(file('../src/readModels.ts').trim());
    const board = await morningBoard(await oneComplaint(), at('2026-11-16T12:00:00+08:00'));
    expect(board.map((r) => r.caseId)).toEqual(['C1']);
  });

  it('docs/projections.md: one runner per projection', async () => {
    expect(file('../../../docs/projections.md')).toContain(file('../src/leasedRunner.ts').trim());
    const url = process.env['CASELEDGER_PG_URL'];
    if (url === undefined) return console.warn('docs/projections.md lease example not run: CASELEDGER_PG_URL is not set');
    const database = await freshDatabase(url);
    const pool = new pg.Pool({ connectionString: database.url, max: 4 });
    try {
      const store = await oneComplaint();
      const [a, b] = await Promise.all([catchUpCaseFiles(pool, store, 'desk-1'), catchUpCaseFiles(pool, store, 'desk-2')]);
      // One of them folded the event; the other waited and found nothing left.
      expect([a.eventsRead, b.eventsRead].sort()).toEqual([0, 1]);
    } finally {
      await pool.end();
      await database.drop();
    }
  });

  it('docs/audit.md', async () => {
    expect(file('../../../docs/audit.md')).toContain(file('../src/auditOne.ts').trim());
    const result = await auditOne(await oneComplaint(), 'complaint-C1', at('2026-11-17T12:00:00+08:00'), at('2026-11-16T10:00:00+08:00'));
    expect(typeof result === 'string' ? result : result.report.findings).toBe(1);
  });

  it("docs/getting-started.md: a preset with one value of the company's own", async () => {
    expect(file('../../../docs/getting-started.md')).toContain(file('../src/preset.ts').trim());
    const shop = shopRulebook('30 days');
    if (E.isLeft(shop)) throw new Error(shop.left);
    // A return 20 days after the sale, with a performance fault, is accepted under J-1.
    const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' } as const;
    const handle = commandHandler(warrantyClaimCaseType, inMemoryEventStore(), { rulebook: shop.right });
    const unit = { sku: 'TV-55', model: 'Vista 55', serialNumber: 'SN-1', category: 'televisions', shippedOn: '2027-03-01', purchasedOn: '2027-03-01' };
    await handle({
      type: 'FileClaim',
      caseId: 'W1',
      at: '2027-03-21T10:00:00+08:00',
      actor: cs,
      customer: { id: 'c', name: 'A' },
      kind: 'return',
      reason: 'No picture',
      unit,
    })();
    await handle({
      type: 'RecordDefectInspection',
      caseId: 'W1',
      at: '2027-03-21T11:00:00+08:00',
      actor: { id: 'qa', department: 'quality', role: 'staff' },
      verdict: 'intrinsic-defect',
      report: 'Panel',
    })();
    const accepted = await handle({ type: 'AcceptReturn', caseId: 'W1', at: '2027-03-21T12:00:00+08:00', actor: cs })();
    expect(E.isRight(accepted) && accepted.right.appended[0]?.event).toMatchObject({ rule: 'J-1', ground: 'sanbao-return', policyVersion: 'shop-2027' });
    const tooShort = shopRulebook('5 days');
    expect(tooShort).toEqual(
      E.left(
        "0.values.warranty.returnGrounds.sanbao-return.within gives 5 days; the law's floor is at least 7 days (J-1, 部分商品修理更换退货责任规定 (国经贸[1995]458号) art. 9).",
      ),
    );
  });

  it('docs/testing.md: the mutation property for a case type', async () => {
    const score = await complaintMutationScore(defaultRulebook);
    expect(score.nonEquivalent).toBeGreaterThan(0);
    expect(score.score).toBe(1);
  });

  it('docs/privacy.md', async () => {
    expect(file('../../../docs/privacy.md')).toContain(file('../src/privacy.ts').trim());
    const { handle, sealed, readModels, forget } = privacyExample(at('2026-11-20T09:00:00+08:00'));
    const received = await handle({
      type: 'ReceiveComplaint',
      caseId: 'C1',
      at: '2026-11-16T09:00:00+08:00',
      actor: { id: 'cs-li', department: 'customer-service', role: 'staff' },
      customer: { id: 'cust-7', name: 'Li Na', phone: '+86 139 1111 2222' },
      channel: 'phone',
      description: 'Li Na cut her hand on the housing',
      severity: 'major',
    })();
    expect(received._tag).toBe('Right');
    const sealedBytes = JSON.stringify(await sealed.readAll()(), (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    expect(sealedBytes).not.toContain('Li Na');
    expect(sealedBytes).not.toContain('cut her hand');
    const report = await forget('cust-7');
    expect(report._tag === 'Right' && report.right.steps.map((s) => `${s.kind} ${s.name}: ${s.outcome}`)).toEqual([
      'key key store: done',
      'cache complaints: done',
      'read-model case-files: done',
    ]);
    expect(report._tag === 'Right' && report.right.remaining[0]?.until).toContain('KEK rotation');
    const stored = JSON.stringify(await readModels.load('case-files')(), (_, v: unknown) =>
      typeof v === 'bigint' ? String(v) : v instanceof Map ? [...v] : v,
    );
    expect(stored).toContain('[erased personal data]');
    expect(stored).not.toContain('Li Na');
  });
});
