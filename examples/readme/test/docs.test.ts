import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { commandHandler, complaintCaseType, defaultRulebook, inMemoryEventStore, instantFromEpochMs } from '@caseledger/core';
import { describe, expect, it } from 'vitest';
import { auditOne } from '../src/auditOne.js';
import { complaintMutationScore } from '../src/mutation.js';
import { privacyExample } from '../src/privacy.js';
import { morningBoard } from '../src/readModels.js';

const file = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');
const at = (text: string) => instantFromEpochMs(Date.parse(text));

const oneComplaint = async () => {
  const store = inMemoryEventStore();
  await commandHandler(complaintCaseType, store)({
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

  it('docs/audit.md', async () => {
    expect(file('../../../docs/audit.md')).toContain(file('../src/auditOne.ts').trim());
    const result = await auditOne(await oneComplaint(), 'complaint-C1', at('2026-11-17T12:00:00+08:00'), at('2026-11-16T10:00:00+08:00'));
    expect(typeof result === 'string' ? result : result.report.findings).toBe(1);
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
    const sealedBytes = JSON.stringify((await sealed.readAll()()), (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    expect(sealedBytes).not.toContain('Li Na');
    const { forgotten, rebuilt } = await forget('cust-7');
    expect(forgotten._tag).toBe('Right');
    expect(rebuilt._tag).toBe('Right');
    const stored = JSON.stringify(await readModels.load('case-files')(), (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    expect(stored).toContain('[erased personal data]');
    expect(stored).not.toContain('Li Na');
  });
});
