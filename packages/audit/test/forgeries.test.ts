/**
 * Histories forged by hand, as they arrive in an export, audited by the library and by
 * `caseledger audit`: each forgery is flagged with the rule id and code the command handler refuses
 * the same step with (T-11), at the stored revision, and the CLI exits 1.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type JsonObject,
  type RecordedEvent,
  RULEBOOK_DEFAULT_VERSION,
  commandHandler,
  complaintCaseType,
  contractReviewCaseType,
  inMemoryEventStore,
  instantFromEpochMs,
  warrantyClaimCaseType,
} from '@caseledger/core';
import { recordCase, validComplaintProcedures, validWarrantyProcedures, defaultNumRuns } from '@caseledger/testing';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { auditCase, caseHistoryOf, complianceReport, formatLine } from '../src/index.js';
import { EXIT_CLEAN, EXIT_FINDINGS, run } from '@caseledger/cli';
import { defaultCalendar, defaultPolicies } from '@caseledger/core';

const rulebook = { policies: defaultPolicies, calendar: defaultCalendar };
const at = (day: number, hhmm: string, month = 11) => `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;
const person = (id: string, department: string, role = 'staff') => ({ id, department, role });
const cs = person('cs-li', 'customer-service');
const quality = person('qa-chen', 'quality');
const sales = person('sales-wang', 'sales');
const engineering = person('eng-zhou', 'engineering');
const customer = { id: 'cust-1', name: 'Customer One' };
const unit = (shippedOn: string) => ({ sku: 'S', model: 'Driver 40W', serialNumber: 'SN1', category: 'drivers', shippedOn, purchasedOn: shippedOn });

/** A stored event as an export holds it; metadata as the handler writes it unless `metadata` says otherwise. */
const line = (
  streamName: string,
  revision: number,
  data: JsonObject,
  overrides: { readonly eventId?: string; readonly metadata?: JsonObject } = {},
): RecordedEvent => {
  const eventId = overrides.eventId ?? `${streamName}/${revision}`;
  const policyVersion = typeof data['policyVersion'] === 'string' ? { policyVersion: data['policyVersion'] } : {};
  const schemaVersion = data['type'] === 'ReturnAccepted' ? 2 : 1;
  return {
    streamName,
    revision: BigInt(revision),
    position: { commit: 0n, prepare: 0n },
    eventId,
    type: String(data['type']),
    data,
    metadata: {
      eventId,
      schemaVersion,
      actor: data['by'] ?? null,
      correlationId: 'x',
      causationId: 'x',
      at: data['at'] ?? null,
      ...policyVersion,
      ...overrides.metadata,
    },
  };
};
const stream = (streamName: string, events: ReadonlyArray<JsonObject>) => events.map((e, i) => line(streamName, i, e));

const filedReturn = { type: 'ClaimFiled', at: at(10, '09:00'), by: cs, customer, kind: 'return', reason: 'x', unit: unit('2026-06-01') };
const inspected = { type: 'DefectInspected', at: at(10, '10:00'), by: quality, verdict: 'intrinsic-defect', report: 'Capacitor failed' };
const accepted = {
  type: 'ReturnAccepted',
  at: at(10, '11:00'),
  by: cs,
  policyVersion: RULEBOOK_DEFAULT_VERSION,
  windowEndsOn: '2026-09-01',
  windowCountsTo: 'filing',
  countedAt: at(10, '09:00'),
  specialCase: false,
};
const filedRepair = { ...filedReturn, kind: 'repair', unit: unit('2022-03-01') };
const repairReceived = { type: 'RepairUnitReceived', at: at(10, '09:30'), by: cs, quantity: 1, defect: 'No power' };
const assessed = {
  type: 'RepairAssessed',
  at: at(10, '10:00'),
  by: engineering,
  inWarranty: false,
  mainComponentDamaged: true,
  feeRequired: true,
  policyVersion: RULEBOOK_DEFAULT_VERSION,
  jurisdiction: 'none',
  warrantyLastDay: '2023-02-28',
};
const received = { type: 'ComplaintReceived', at: at(16, '09:00'), by: cs, customer, channel: 'phone', description: 'x', severity: 'minor' };
const acknowledged = { type: 'ComplaintAcknowledged', at: at(16, '09:10'), by: cs, explanation: 'x' };
const classified = { type: 'ComplaintClassified', at: at(16, '10:00'), by: cs, responsibility: 'external', basis: 'assessment' };

const forged = {
  /** A return accepted months after its window, with no special case; its window end forged to look in time. */
  'warrantyClaim-W-LATE': stream('warrantyClaim-W-LATE', [filedReturn, inspected, { ...accepted, windowEndsOn: '2026-12-01' }]),
  /** A repair of a unit out of warranty with a main component damaged, recorded as free. */
  'warrantyClaim-W-FREE': stream('warrantyClaim-W-FREE', [filedRepair, repairReceived, { ...assessed, feeRequired: false }]),
  /** A unit delivered years ago recorded as in warranty. */
  'warrantyClaim-W-OLD': stream('warrantyClaim-W-OLD', [filedRepair, repairReceived, { ...assessed, inWarranty: true }]),
  /** A return accepted under a policy version that never existed. */
  'warrantyClaim-W-POLICY': stream('warrantyClaim-W-POLICY', [
    { ...filedReturn, unit: unit('2026-10-01') },
    inspected,
    { ...accepted, windowEndsOn: '2027-01-01', policyVersion: 'generous-2026' },
  ]),
  /** A contract approved by quality. */
  'contractReview-CR-Q': stream('contractReview-CR-Q', [
    {
      type: 'OrderSubmitted',
      at: at(16, '09:00'),
      by: sales,
      customer,
      form: 'written',
      description: 'x',
      complexProcess: false,
      specialMaterials: false,
      requiredDepartments: [],
    },
    { type: 'ContractApproved', at: at(16, '10:00'), by: quality },
  ]),
  /** Revision 1 missing. */
  'complaint-C-GAP': [line('complaint-C-GAP', 0, received), line('complaint-C-GAP', 2, classified)],
  /** The same event twice. */
  'complaint-C-TWICE': [line('complaint-C-TWICE', 0, received), line('complaint-C-TWICE', 1, acknowledged), line('complaint-C-TWICE', 1, acknowledged)],
  /** An inquiry answered before the manager it was passed to decided. */
  'inquiry-Q-EARLY': stream('inquiry-Q-EARLY', [
    { type: 'InquiryReceived', at: at(16, '09:00'), by: cs, customer, channel: 'phone', subject: 'Price' },
    { type: 'InquiryEscalated', at: at(16, '09:30'), by: cs, manager: person('sales-mgr-zhao', 'sales', 'manager'), question: 'Discount?' },
    { type: 'InquiryReplied', at: at(16, '10:00'), by: cs, form: 'written', reply: 'Yes' },
  ]),
  /** Two events at revision 0. */
  'complaint-C-ZERO': [line('complaint-C-ZERO', 0, received), line('complaint-C-ZERO', 0, acknowledged, { eventId: 'other' })],
};
type Forged = keyof typeof forged;

const expected: Readonly<Record<Forged, ReadonlyArray<readonly [string, string, string]>>> = {
  'warrantyClaim-W-LATE': [['W-2', 'RETURN_WINDOW_EXPIRED', '2']],
  'warrantyClaim-W-FREE': [['W-6', 'RECORDED_FACT_DIFFERS', '2']],
  'warrantyClaim-W-OLD': [['W-9', 'RECORDED_FACT_DIFFERS', '2']],
  'warrantyClaim-W-POLICY': [['T-5', 'POLICY_VERSION_UNKNOWN', '2']],
  'contractReview-CR-Q': [['R-5', 'APPROVAL_NOT_BY_SALES', '1']],
  'complaint-C-GAP': [['T-12', 'REVISION_GAP', '2']],
  'complaint-C-TWICE': [
    ['T-12', 'REVISION_REPEATED', '1'],
    ['T-12', 'EVENT_ID_REPEATED', '1'],
    ['C-2', 'ALREADY_ACKNOWLEDGED', '1'],
  ],
  'complaint-C-ZERO': [['T-12', 'REVISION_REPEATED', '0']],
  'inquiry-Q-EARLY': [['I-5', 'AWAITING_MANAGER_DECISION', '2']],
};

const names = Object.keys(forged).filter((k): k is Forged => Object.hasOwn(forged, k));
const dir = mkdtempSync(join(tmpdir(), 'caseledger-forged-'));
const file = join(dir, 'forged.jsonl');
writeFileSync(file, `${names.flatMap((n) => forged[n].map(formatLine)).join('\n')}\n`);

const cli = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false, now: () => Date.parse(at(20, '12:00')) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('forged histories', () => {
  for (const name of names) {
    it(`${name}: ${expected[name].map(([rule, code]) => `${rule} ${code}`).join(', ')}, by the library and by caseledger audit (exit 1)`, async () => {
      const history = caseHistoryOf(name, forged[name]);
      if (E.isLeft(history)) throw new Error(history.left.message);
      const { report } = auditCase(history.right, rulebook, instantFromEpochMs(Date.parse(at(20, '12:00'))));
      expect(report.violations.map((v) => [v.ruleId, v.code, v.revision])).toEqual(expected[name]);
      const r = await cli('audit', name, '--file', file, '--json');
      expect(r.code).toBe(EXIT_FINDINGS);
      const json: unknown = JSON.parse(r.out);
      const violations =
        typeof json === 'object' && json !== null && 'report' in json && typeof json.report === 'object' && json.report !== null && 'violations' in json.report
          ? json.report.violations
          : [];
      expect(violations).toMatchObject(expected[name].map(([ruleId, code, revision]) => ({ ruleId, code, revision })));
    });
  }

  it('the handler refuses the forged approval with the same rule and code', async () => {
    const handle = commandHandler(contractReviewCaseType, inMemoryEventStore());
    await handle({
      type: 'SubmitOrder',
      caseId: 'CR-Q',
      at: at(16, '09:00'),
      actor: sales,
      customer,
      form: 'written',
      description: 'x',
      complexProcess: false,
      specialMaterials: false,
      requiredDepartments: [],
    })();
    expect(await handle({ type: 'ApproveContract', caseId: 'CR-Q', at: at(16, '10:00'), actor: quality })()).toMatchObject({
      left: { ruleId: 'R-5', code: 'APPROVAL_NOT_BY_SALES' },
    });
  });

  it('caseledger audit-all counts every forgery by rule and exits 1; the text report names the revision', async () => {
    const all = await cli('audit-all', '--file', file, '--json');
    expect(all.code).toBe(EXIT_FINDINGS);
    const summary: unknown = JSON.parse(all.out);
    expect(summary).toMatchObject({
      casesWithFindings: names.map((streamName) => expect.objectContaining({ streamName })),
      violations: { 'W-2 RETURN_WINDOW_EXPIRED': 1, 'T-12 REVISION_GAP': 1, 'R-5 APPROVAL_NOT_BY_SALES': 1 },
    });
    const text = await cli('audit', 'complaint-C-GAP', '--file', file);
    expect(text.out).toContain('rev 2 T-12 REVISION_GAP: Revision 1 is missing before revision 2.');
  });

  it('T-12 across streams: an event copied or moved from one case to the end of another is flagged by audit-all, in English and Chinese', async () => {
    const at1 = (e: RecordedEvent, commit: bigint): RecordedEvent => ({ ...e, position: { commit, prepare: commit } });
    const [a0, a1] = stream('complaint-C-A', [received, acknowledged]);
    const [b0, b1] = stream('complaint-C-B', [received, acknowledged]);
    if (a0 === undefined || a1 === undefined || b0 === undefined || b1 === undefined) throw new Error('fixture');
    // A's acknowledgement, written at position 11, copied to B's end (B was written at 20 and 21): its id, its position and all.
    const copied = { ...at1(a1, 11n), streamName: 'complaint-C-B', revision: 2n };
    const moved = join(dir, 'moved.jsonl');
    writeFileSync(moved, `${[at1(a0, 10n), at1(a1, 11n), at1(b0, 20n), at1(b1, 21n), copied].map(formatLine).join('\n')}\n`);
    const json = await cli('audit-all', '--file', moved, '--json');
    expect(json.code).toBe(EXIT_FINDINGS);
    expect(JSON.parse(json.out)).toMatchObject({
      violations: { 'T-12 EVENT_ID_IN_TWO_STREAMS': 1, 'T-12 POSITION_OUT_OF_ORDER': 1 },
      repeatedEventIds: [{ first: { streamName: 'complaint-C-A', revision: '1' }, again: { streamName: 'complaint-C-B', revision: '2' } }],
      casesWithFindings: [expect.objectContaining({ streamName: 'complaint-C-B', rules: expect.arrayContaining(['T-12']) })],
    });
    const text = await cli('audit-all', '--file', moved);
    expect(text.out).toContain('complaint-C-B@2 has the event id of complaint-C-A@1: copied or moved from another case');
    const zh = await cli('audit-all', '--file', moved, '--lang', 'zh-CN');
    expect(zh.out).toContain('complaint-C-B@2 的事件编号与 complaint-C-A@1 相同');
    // The same event id once per stream, in two streams written apart, is each stream's own: nothing to say.
    const apart = join(dir, 'apart.jsonl');
    writeFileSync(apart, `${[at1(a0, 10n), at1(a1, 11n), at1(b0, 20n), at1(b1, 21n)].map(formatLine).join('\n')}\n`);
    expect((await cli('audit-all', '--file', apart, '--as-of', at(16, '09:30'))).code).toBe(EXIT_CLEAN);
  });

  it('the genuine version of each audits clean', async () => {
    const genuine = join(dir, 'genuine.jsonl');
    const streams = [
      stream('warrantyClaim-W-OK', [{ ...filedReturn, unit: unit('2026-10-01') }, inspected, { ...accepted, windowEndsOn: '2027-01-01' }]),
      stream('warrantyClaim-W-FEE', [filedRepair, repairReceived, assessed]),
      stream('complaint-C-OK', [received, acknowledged, classified]),
    ];
    writeFileSync(genuine, `${streams.flat().map(formatLine).join('\n')}\n`);
    expect((await cli('audit-all', '--file', genuine, '--as-of', at(16, '11:00'))).code).toBe(EXIT_CLEAN);
  });
});

describe('valid histories', () => {
  it('audit with no finding but the deadlines they really missed', async () => {
    const check = async (history: Awaited<ReturnType<typeof recordCase>>, asOf: number) => {
      const h = caseHistoryOf(history.streamName, history.recorded);
      if (E.isLeft(h)) throw new Error(h.left.message);
      const report = complianceReport(h.right, rulebook, instantFromEpochMs(asOf));
      expect(report.violations).toEqual([]);
      expect(report.findings).toBe(report.deadlines.filter((d) => d.status === 'missed').length);
    };
    await fc.assert(
      fc.asyncProperty(
        validComplaintProcedures(),
        validWarrantyProcedures(rulebook),
        fc.integer({ min: 0, max: 90 * 86_400_000 }),
        async (complaint, claim, later) => {
          const asOf = Date.parse('2026-11-16T01:00:00Z') + later;
          await check(await recordCase(complaintCaseType, complaint), asOf);
          await check(await recordCase(warrantyClaimCaseType, claim, { rulebook }), asOf);
        },
      ),
      { numRuns: defaultNumRuns() },
    );
  });
});
