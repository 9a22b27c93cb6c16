/** Each read model from a hand-written week of the after-sales office, expected values worked out by hand. */
import {
  commandHandler,
  complaintCaseType,
  contractReviewCaseType,
  defaultCalendar,
  defaultPolicies,
  inMemoryEventStore,
  inquiryCaseType,
  instantFromEpochMs,
  surveyCaseType,
  warrantyClaimCaseType,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CaseRecord,
  type KnownEvent,
  type Projection,
  type Rows,
  annualComplaintStatistics,
  capaTracker,
  caseFiles as caseFilesUnder,
  complaintBoard,
  complaintStatistics,
  contractReviewQueue,
  decodeKnownEvent,
  foldRows,
  inMemoryReadModelStore,
  openInquiries,
  overdueList,
  runProjection,
  satisfaction,
  satisfactionByPeriod,
  specialCaseLog,
  warrantyByCategory,
  warrantyStatistics,
} from '../src/index.js';

const config = { policies: defaultPolicies, calendar: defaultCalendar };
const caseFiles = caseFilesUnder(config);
const person = (id: string, department: string, role = 'staff') => ({ id, department, role });
const cs = person('cs-li', 'customer-service');
const quality = person('qa-chen', 'quality');
const production = person('prod-liu', 'production');
const sales = person('sales-wang', 'sales');
const gm = person('gm-huang', 'management', 'general-manager');
const at = (day: number, hhmm: string) => `2026-11-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;
const customer = { id: 'cust-1', name: 'Customer One' };
const now = instantFromEpochMs(Date.parse(at(19, '12:00')));

const store = inMemoryEventStore();
const complaint = commandHandler(complaintCaseType, store);
const warranty = commandHandler(warrantyClaimCaseType, store, { rulebook: config });
const review = commandHandler(contractReviewCaseType, store);
const survey = commandHandler(surveyCaseType, store);
const inquiry = commandHandler(inquiryCaseType, store);

const must = async (result: Promise<E.Either<{ readonly code: string; readonly message: string }, unknown>>) => {
  const r = await result;
  if (E.isLeft(r)) throw new Error(`setup step refused: ${r.left.code} ${r.left.message}`);
};

beforeAll(async () => {
  const c = (caseId: string, type: string, day: number, hhmm: string, actor: object, fields: object = {}) =>
    must(complaint({ type, caseId, at: at(day, hhmm), actor, ...fields })());
  // C1: internal; quality replies late; plan 1 not effective; plan 2 submitted.
  await c('C1', 'ReceiveComplaint', 16, '09:00', cs, { customer, channel: 'phone', description: 'Cracked housings', severity: 'minor' });
  await c('C1', 'AcknowledgeComplaint', 16, '09:30', cs, { explanation: 'Reply within 7 days' });
  await c('C1', 'ClassifyComplaint', 16, '10:00', cs, { responsibility: 'internal' });
  await c('C1', 'ForwardToQuality', 16, '10:30', cs);
  await c('C1', 'RecordQualityReply', 18, '10:00', quality, { reply: 'Batch quarantined' });
  await c('C1', 'DetermineRootCause', 18, '11:00', quality, { rootCause: 'Mould temperature', responsibleDepartment: 'production' });
  await c('C1', 'SubmitCapaPlan', 18, '15:00', production, { corrective: 'Reset', preventive: 'SPC' });
  await c('C1', 'RecordCapaImplemented', 18, '17:00', production, { note: 'Done' });
  await c('C1', 'VerifyCapa', 19, '09:00', quality, { effective: false, note: 'Still cracking' });
  await c('C1', 'SubmitCapaPlan', 19, '10:00', production, { corrective: 'New mould', preventive: 'Incoming check' });
  // C2: external, classified Monday noon, no explanation yet (due Thursday noon).
  await c('C2', 'ReceiveComplaint', 16, '11:00', cs, { customer, channel: 'email', description: 'Wrong installation', severity: 'minor' });
  await c('C2', 'AcknowledgeComplaint', 16, '11:10', cs, { explanation: 'We will answer within 3 days' });
  await c('C2', 'ClassifyComplaint', 16, '12:00', cs, { responsibility: 'external' });
  // C3: major, received Tuesday, never acknowledged.
  await c('C3', 'ReceiveComplaint', 17, '15:00', cs, { customer, channel: 'visit', description: 'Smoke from driver', severity: 'major' });

  const w = (caseId: string, type: string, day: number, hhmm: string, actor: object, fields: object = {}) =>
    must(warranty({ type, caseId, at: at(day, hhmm), actor, ...fields })());
  const unit = (category: string, shippedOn: string) => ({ sku: 'S', model: 'M', serialNumber: 'SN', category, shippedOn, purchasedOn: shippedOn });
  await w('W1', 'FileClaim', 16, '09:00', cs, { customer, kind: 'return', reason: 'Late return', unit: unit('drivers', '2026-05-01') });
  await w('W1', 'ApproveSpecialCase', 16, '10:00', gm, { justification: 'Key account' });
  await w('W1', 'AcceptReturn', 16, '11:00', cs);
  await w('W2', 'FileClaim', 16, '09:00', cs, { customer, kind: 'return', reason: 'Dead on arrival', unit: unit('drivers', '2026-10-01') });
  await w('W2', 'RecordDefectInspection', 16, '12:00', quality, { verdict: 'intrinsic-defect', report: 'Capacitor' });
  await w('W2', 'AcceptReturn', 16, '13:00', cs);
  await w('W3', 'FileClaim', 16, '09:00', cs, { customer, kind: 'repair', reason: 'Flicker', unit: unit('lamps', '2026-03-01') });
  await w('W4', 'FileClaim', 16, '09:00', cs, { customer, kind: 'return', reason: 'Changed mind', unit: unit('lamps', '2026-10-01') });
  await w('W4', 'RejectClaim', 16, '10:00', cs, { reason: 'No defect' });

  // R1: complex order waiting for production's opinion, submitted Monday 09:00 (decision due Wednesday).
  await must(
    review({
      type: 'SubmitOrder',
      caseId: 'R1',
      at: at(16, '09:00'),
      actor: sales,
      customer,
      form: 'written',
      description: 'Custom drivers',
      complexProcess: true,
      specialMaterials: false,
      requiredDepartments: ['production'],
    })(),
  );

  const s = (caseId: string, type: string, day: number, fields: object) => must(survey({ type, caseId, at: at(day, '09:00'), actor: sales, ...fields })());
  const items = ['quality'];
  for (const id of ['S1', 'S2', 'S3']) await s(id, 'SendSurvey', 2, { customer, period: '2026-H2', items });
  await s('S1', 'RecordSurveyReturn', 16, { ratings: [{ item: 'quality', level: 'fairly-satisfied' }], overall: 'fairly-satisfied' });
  await s('S2', 'RecordSurveyReturn', 16, { ratings: [{ item: 'quality', level: 'dissatisfied' }], overall: 'not-very-satisfied' });

  const q = (caseId: string, type: string, day: number, hhmm: string, fields: object = {}) =>
    must(inquiry({ type, caseId, at: at(day, hhmm), actor: cs, ...fields })());
  // Q1: a phone inquiry on Wednesday; information is being gathered. Q2: an email on Tuesday, unanswered. Q3: answered and closed.
  await q('Q1', 'ReceiveInquiry', 18, '10:00', { customer, channel: 'phone', subject: 'Delivery date' });
  await q('Q1', 'RecordInformationNeeded', 18, '11:00', { note: 'Asking the factory' });
  await q('Q2', 'ReceiveInquiry', 17, '09:00', { customer, channel: 'email', subject: 'Product data' });
  await q('Q3', 'ReceiveInquiry', 16, '09:00', { customer, channel: 'letter', subject: 'Catalogue' });
  await q('Q3', 'ReplyToInquiry', 16, '14:00', { form: 'written', reply: 'Catalogue sent' });
  await q('Q3', 'CloseInquiry', 16, '14:05');
});

const project = async <Row>(projection: Projection<Row>): Promise<ReadonlyArray<Row>> => {
  const rms = inMemoryReadModelStore<Row>();
  const report = await runProjection({ source: store, store: rms, projection, batchSize: 5 })();
  if (E.isLeft(report)) throw new Error(report.left.message);
  const loaded = await rms.load(projection.name)();
  if (E.isLeft(loaded) || loaded.right === undefined) throw new Error('not stored');
  return [...loaded.right.rows.values()];
};

describe('read models of a week', () => {
  let files: ReadonlyArray<CaseRecord>;
  beforeAll(async () => {
    files = await project(caseFiles);
  });

  it('complaint board: open complaints with status, severity, department and deadline status on Thursday noon', () => {
    const rows = complaintBoard(files, now);
    expect(rows.map((r) => [r.caseId, r.status, r.severity, r.responsibleDepartment ?? '-'])).toEqual([
      ['C1', 'internal: planned', 'minor', 'production'],
      ['C2', 'external', 'minor', '-'],
      ['C3', 'received', 'major', '-'],
    ]);
    const statuses = (id: string) => Object.fromEntries((rows.find((r) => r.caseId === id)?.deadlines ?? []).map((d) => [d.name, d.status]));
    expect(statuses('C1')).toEqual({ acknowledgement: 'met', 'quality-reply': 'missed', 'capa-plan': 'met', 'resolution-report': 'pending' });
    expect(statuses('C2')).toEqual({ acknowledgement: 'met', 'external-answer': 'pending' });
    expect(statuses('C3')).toEqual({ acknowledgement: 'missed' });
  });

  it('overdue list: what is missed and still open, and what falls due within a day', () => {
    expect(overdueList(files, now).map((r) => [r.caseId, r.ruleId, r.deadline, r.status, r.dueBy])).toEqual([
      ['C3', 'C-2', 'acknowledgement', 'missed', '2026-11-17T15:59:59.999Z'],
      ['Q2', 'I-2', 'same-day-reply', 'missed', '2026-11-17T15:59:59.999Z'],
      ['R1', 'R-3', 'review-decision', 'missed', '2026-11-18T15:59:59.999Z'],
      ['Q2', 'I-7', 'channel-reply', 'missed', '2026-11-19T01:00:00.000Z'],
      ['C2', 'C-4', 'external-answer', 'due-soon', '2026-11-19T04:00:00.000Z'],
    ]);
  });

  it('open inquiries: the one due first on top, with what is still to meet', () => {
    const rows = openInquiries(files, now);
    expect(rows.map((r) => [r.caseId, r.status, r.channel, r.nextDueBy])).toEqual([
      ['Q2', 'open', 'email', '2026-11-17T15:59:59.999Z'],
      ['Q1', 'open', 'phone', '2026-11-23T15:59:59.999Z'],
    ]);
    expect(rows[1]?.deadlines.map((d) => [d.ruleId, d.name, d.status])).toEqual([
      ['I-3', 'information-reply', 'pending'],
      ['I-4', 'completion-agreement', 'pending'],
    ]);
  });

  it('CAPA tracker: two plans, one re-plan, the first not effective', () => {
    expect(capaTracker(files, now)).toEqual([
      {
        caseId: 'C1',
        responsibleDepartment: 'production',
        planDeadline: expect.objectContaining({ status: 'met', dueBy: '2026-11-23T15:59:59.999Z' }),
        plans: [
          { number: 1, department: 'production', submittedAt: at(18, '15:00'), implementedAt: at(18, '17:00'), verifiedAt: at(19, '09:00'), effective: false },
          { number: 2, department: 'production', submittedAt: at(19, '10:00') },
        ],
        replans: 1,
        currentStep: 'planned',
      },
    ]);
  });

  it('contract review queue: R1 waits for requirements, production’s opinion and capability', () => {
    const [row] = contractReviewQueue(files);
    expect(row?.caseId).toBe('R1');
    expect(row?.waitingFor).toEqual([
      expect.stringContaining('Requirements not yet determined'),
      'Waiting for the opinion of: production.',
      'The company has not confirmed it can meet the requirements.',
    ]);
  });

  it('warranty: by category and outcome, return rate, and the special-case log', async () => {
    const rm = await project(warrantyStatistics);
    expect(warrantyByCategory(rm)).toEqual([
      { category: 'drivers', claims: 2, byKind: { return: 2 }, byOutcome: { accepted: 2 }, returnRate: 1, specialCases: 1 },
      { category: 'lamps', claims: 2, byKind: { repair: 1, return: 1 }, byOutcome: { open: 1, rejected: 1 }, returnRate: 0, specialCases: 0 },
    ]);
    expect(specialCaseLog(rm)).toEqual([
      { caseId: 'W1', approvedBy: 'gm-huang', approverRole: 'general-manager', justification: 'Key account', at: at(16, '10:00') },
    ]);
  });

  it('satisfaction per period (S-2, S-4): 1 of 2 returned satisfied, 2 of 3 returned', async () => {
    const rm = await project(satisfaction);
    expect(satisfactionByPeriod(rm)).toEqual([{ period: '2026-H2', sent: 3, returned: 2, satisfied: 1, satisfactionRate: 0.5, responseRate: 2 / 3 }]);
  });

  it('annual complaint statistics (seed 003 §5.7)', async () => {
    const rm = await project(complaintStatistics(defaultCalendar));
    expect(annualComplaintStatistics(rm, '2026')).toEqual({
      year: '2026',
      total: 3,
      byMonth: { '2026-11': 3 },
      byResponsibility: { internal: 1, external: 1, 'not determined': 1 },
      byCause: { 'Mould temperature': 1, 'not determined': 2 },
      byDepartment: { production: 1, 'not determined': 2 },
    });
    expect(annualComplaintStatistics(rm, '2025').total).toBe(0);
  });
});

describe('folding a batch at once', () => {
  const knownEvents = async (): Promise<ReadonlyArray<KnownEvent>> => {
    const all = await store.readAll()();
    if (E.isLeft(all)) throw new Error(all.left.message);
    return all.right.flatMap((recorded) => {
      const decoded = decodeKnownEvent(recorded);
      return decoded !== undefined && E.isRight(decoded) ? [decoded.right] : [];
    });
  };

  /** Split the events at the given cut points, fold batch by batch, and compare with one event at a time. */
  const agrees = <Row>(projection: Projection<Row>, events: ReadonlyArray<KnownEvent>, cuts: ReadonlyArray<number>): void => {
    const oneByOne = events.reduce<Rows<Row>>((rows, e) => foldRows(projection, rows, [e]), new Map());
    const bounds = [...new Set([0, ...cuts.map((c) => c % (events.length + 1)), events.length])].sort((a, b) => a - b);
    let batched: Rows<Row> = new Map();
    for (let i = 1; i < bounds.length; i++) {
      const before = JSON.stringify([...batched]);
      const next = foldRows(projection, batched, events.slice(bounds[i - 1], bounds[i]));
      expect(JSON.stringify([...batched])).toBe(before); // the rows it was given are left as they were
      batched = next;
    }
    expect(batched).toEqual(oneByOne);
    expect(oneByOne.size).toBeGreaterThan(0);
    for (const row of oneByOne.values()) expect(projection.codec.decode(JSON.parse(JSON.stringify(row)))).toEqual(E.right(row));
  };

  it('gives the same rows as folding one event at a time, however the events are cut into batches', async () => {
    const events = await knownEvents();
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 6 }), (cuts) => {
        agrees(caseFiles, events, cuts);
        agrees(complaintStatistics(defaultCalendar), events, cuts);
        agrees(satisfaction, events, cuts);
        agrees(warrantyStatistics, events, cuts);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps a case whose id is __proto__ as a row like any other', async () => {
    const local = inMemoryEventStore();
    const handle = commandHandler(surveyCaseType, local);
    for (const caseId of ['__proto__', 'constructor']) {
      const sent = await handle({
        type: 'SendSurvey',
        caseId,
        at: at(2, '09:00'),
        actor: person('sales-zhao', 'sales'),
        customer,
        period: '2026-H2',
        items: ['quality'],
      })();
      expect(E.isRight(sent)).toBe(true);
    }
    const rms = inMemoryReadModelStore<typeof satisfaction extends Projection<infer Row> ? Row : never>();
    const report = await runProjection({ source: local, store: rms, projection: satisfaction })();
    expect(E.isRight(report)).toBe(true);
    const loaded = await rms.load(satisfaction.name)();
    const rows = E.isRight(loaded) && loaded.right !== undefined ? loaded.right.rows : new Map();
    expect([...rows.keys()].sort()).toEqual(['__proto__', 'constructor']);
    expect(satisfactionByPeriod(rows.values())).toEqual([
      { period: '2026-H2', sent: 2, returned: 0, satisfied: 0, satisfactionRate: undefined, responseRate: 0 },
    ]);
  });

  it('counts a cause, a category or a kind written __proto__ like any other', () => {
    expect(annualComplaintStatistics([{ month: '2026-11', cause: '__proto__', responsibility: 'internal', department: 'production' }], '2026').byCause).toEqual(
      Object.fromEntries([['__proto__', 1]]),
    );
  });
});
