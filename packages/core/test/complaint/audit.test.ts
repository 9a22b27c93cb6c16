/**
 * Forged or foreign complaint histories judged by the complaint rules (T-11): each refused step is
 * reported at its stored revision with the rule id and code the handler refuses it with.
 */
import { deciderSpec } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { type ComplaintCommand, complaintCaseType, complaintDecider, commandHandler, inMemoryEventStore } from '../../src/index.js';
import { codes, judge, storedStream } from '../fixtures/history.js';
import { cs, generalManager, production, quality, sales, salesManager, warehouse } from '../fixtures/people.js';
import { command, customer, receive } from './script.js';

const spec = deciderSpec(complaintDecider);
const at = (hhmm: string, day = 16) => `2026-11-${day}T${hhmm}:00+08:00`;
const STREAM = 'complaint-C-2026-0001';
const found = (events: ReadonlyArray<object>) => codes(judge(complaintCaseType)(STREAM, storedStream(complaintCaseType, STREAM, events)));

const received = (severity = 'minor') => ({ type: 'ComplaintReceived', at: at('09:00'), by: cs, customer, channel: 'email', description: 'Cracked', severity });
const classified = (responsibility = 'internal', t = at('10:00')) => ({ type: 'ComplaintClassified', at: t, by: cs, responsibility, basis: 'assessment' });
const investigated = [
  received(),
  classified(),
  { type: 'ForwardedToQuality', at: at('10:30'), by: cs },
  { type: 'QualityReplied', at: at('11:00'), by: quality, reply: 'x' },
  { type: 'RootCauseDetermined', at: at('12:00'), by: quality, rootCause: 'x', responsibleDepartment: 'production' },
];

/** The handler's refusal of a command on the state a history leads to. */
const refusalAfter = (history: ReadonlyArray<ComplaintCommand>, next: ComplaintCommand) => {
  const state = spec.run(history).state;
  const decided = complaintDecider.decide(next, state);
  return E.isLeft(decided) ? [decided.left.ruleId, decided.left.code] : [];
};

describe('complaint histories judged by the complaint rules', () => {
  it('C-12: a complaint closed without the customer’s acceptance is flagged at the close, as the handler refuses it', () => {
    expect(found([...investigated, { type: 'ComplaintClosed', at: at('13:00'), by: cs }])).toEqual([['C-12', 'CUSTOMER_ACCEPTANCE_MISSING', 5]]);
    const steps = [
      receive(at('09:00')),
      command('ClassifyComplaint', at('10:00'), cs, { responsibility: 'internal' }),
      command('ForwardToQuality', at('10:30'), cs),
      command('RecordQualityReply', at('11:00'), quality, { reply: 'x' }),
      command('DetermineRootCause', at('12:00'), quality, { rootCause: 'x', responsibleDepartment: 'production' }),
    ];
    expect(refusalAfter(steps, command('CloseComplaint', at('13:00'), cs))).toEqual(['C-12', 'CUSTOMER_ACCEPTANCE_MISSING']);
  });

  it('C-5: a quality reply by sales is flagged with the code the handler refuses it with', () => {
    expect(found([...investigated.slice(0, 3), { type: 'QualityReplied', at: at('11:00'), by: sales, reply: 'x' }])).toEqual([['C-5', 'QUALITY_ONLY', 3]]);
  });

  it('C-1, C-3, T-1: a history that does not start with the receipt; investigation before classification', () => {
    expect(found([classified(), received()])).toEqual([
      ['C-1', 'COMPLAINT_NOT_RECEIVED', 0],
      ['T-1', 'INSTANT_BEFORE_PREVIOUS_EVENT', 1],
    ]);
    expect(found([received(), received()])).toEqual([['C-1', 'COMPLAINT_ALREADY_RECEIVED', 1]]);
    expect(found([received(), { type: 'ForwardedToQuality', at: at('10:30'), by: cs }])).toEqual([['C-3', 'NOT_CLASSIFIED', 1]]);
  });

  it('C-6, C-7, C-8: root cause before re-inspection, a plan by the wrong department, a resolution without verification', () => {
    const forged = [
      received(),
      classified(),
      { type: 'SamplesReceived', at: at('10:10'), by: warehouse, quantity: 2 },
      { type: 'ForwardedToQuality', at: at('10:30'), by: cs },
      { type: 'QualityReplied', at: at('11:00'), by: quality, reply: 'x' },
      { type: 'RootCauseDetermined', at: at('12:00'), by: quality, rootCause: 'x', responsibleDepartment: 'production' },
      { type: 'CapaPlanSubmitted', at: at('13:00'), by: sales, planNumber: 1, corrective: 'x', preventive: 'y' },
      { type: 'ResolutionReported', at: at('14:00'), by: cs, planNumber: 1, summary: 'x' },
    ];
    expect(found(forged)).toEqual([
      ['C-6', 'SAMPLES_NOT_REINSPECTED', 5],
      ['C-7', 'CAPA_NOT_BY_RESPONSIBLE_DEPARTMENT', 6],
      ['C-8', 'CAPA_NOT_VERIFIED_EFFECTIVE', 7],
    ]);
  });

  it('C-8: a plan number the rules did not give is a recorded fact that differs', () => {
    const findings = judge(complaintCaseType)(
      STREAM,
      storedStream(complaintCaseType, STREAM, [
        ...investigated,
        { type: 'CapaPlanSubmitted', at: at('13:00'), by: production, planNumber: 4, corrective: 'x', preventive: 'y' },
      ]),
    );
    expect(codes(findings)).toEqual([['C-8', 'RECORDED_FACT_DIFFERS', 5]]);
    expect(findings[0]?.details).toMatchObject({ field: 'planNumber', recorded: '4', recomputed: '1' });
  });

  it('C-9: a major problem reviewed under the sales manager is flagged; under the general manager it is not', () => {
    const convened = (chair: unknown) => ({ type: 'JointReviewConvened', at: at('11:00'), by: salesManager, reason: 'cause-unknown', chair });
    expect(found([received('major'), classified(), convened(salesManager)])).toEqual([['C-9', 'JOINT_REVIEW_NEEDS_GENERAL_MANAGER', 2]]);
    expect(found([received('major'), classified(), convened(generalManager)])).toEqual([]);
  });

  it('C-9: a review of an unclear responsibility records its decision and the classification together', () => {
    const convened = { type: 'JointReviewConvened', at: at('10:00'), by: salesManager, reason: 'responsibility-unclear', chair: salesManager };
    const decided = { type: 'JointReviewDecided', at: at('11:00'), by: salesManager, decision: 'Ours', responsibility: 'internal' };
    const byReview = { type: 'ComplaintClassified', at: at('11:00'), by: salesManager, responsibility: 'internal', basis: 'joint-review' };
    expect(found([received(), convened, decided, byReview])).toEqual([]);
    // The decision without the classification it decided, and a classification "by the review" that no review decided.
    expect(found([received(), convened, decided])).toEqual([['C-9', 'DECIDED_EVENT_MISSING', 2]]);
    expect(found([received(), byReview])).toEqual([['C-9', 'EVENT_WITHOUT_STEP', 1]]);
    // The review decided internal; the history says external.
    expect(found([received(), convened, decided, { ...byReview, responsibility: 'external' }])).toEqual([['C-9', 'RECORDED_FACT_DIFFERS', 3]]);
  });

  it('C-11 and C-12: a sample disposed of during a dispute; steps after closing; a reopen by staff', () => {
    const dispute = [
      received(),
      classified(),
      { type: 'SamplesReceived', at: at('10:10'), by: warehouse, quantity: 1 },
      { type: 'SamplesReinspected', at: at('10:20'), by: quality, quantity: 1, result: 'Cracked' },
      ...investigated.slice(2),
      { type: 'DeterminationDisputed', at: at('12:30'), by: cs, reason: 'x' },
      { type: 'SamplesDisposed', at: at('13:00'), by: warehouse },
    ];
    expect(found(dispute)).toEqual([['C-11', 'SAMPLES_RETAINED_FOR_DISPUTE', 8]]);
    const external = [
      received(),
      classified('external'),
      { type: 'ExplanationSent', at: at('11:00'), by: cs, explanation: 'x' },
      { type: 'ExplanationReceiptConfirmed', at: at('12:00'), by: cs },
      { type: 'ComplaintClosed', at: at('13:00'), by: cs },
      { type: 'ExplanationSent', at: at('14:00'), by: cs, explanation: 'again' },
      { type: 'ComplaintReopened', at: at('15:00'), by: cs, reason: 'x' },
    ];
    expect(found(external)).toEqual([
      ['C-12', 'COMPLAINT_CLOSED', 5],
      ['C-12', 'REOPEN_NEEDS_MANAGER', 6],
    ]);
  });

  it('histories the handler writes have no finding', async () => {
    const store = inMemoryEventStore();
    const handle = commandHandler(complaintCaseType, store);
    for (const c of [
      receive(at('09:00')),
      command('ClassifyComplaint', at('10:00'), cs, { responsibility: 'internal' }),
      command('ForwardToQuality', at('10:30'), cs),
      command('RecordQualityReply', at('11:00'), quality, { reply: 'x' }),
      command('DetermineRootCause', at('12:00'), quality, { rootCause: 'x', responsibleDepartment: 'production' }),
      command('SubmitCapaPlan', at('13:00'), production, { corrective: 'x', preventive: 'y' }),
    ]) {
      expect(E.isRight(await handle(c)())).toBe(true);
    }
    const read = await store.readStream(STREAM)();
    const recorded = E.isRight(read) && read.right.kind === 'stream' ? read.right.events : [];
    expect(recorded).toHaveLength(6);
    expect(codes(judge(complaintCaseType)(STREAM, recorded))).toEqual([]);
  });
});

describe('undecodable complaint commands through the handler', () => {
  const base = { type: 'ReceiveComplaint', caseId: 'C-9', at: at('09:00'), actor: cs, customer, channel: 'phone', description: 'x', severity: 'minor' };
  const cases: ReadonlyArray<readonly [string, Record<string, unknown>, ReadonlyArray<string>]> = [
    ['wrong type', { ...base, description: 7 }, ['description']],
    ['missing field', { ...base, severity: undefined }, ['severity']],
    ['unknown enum value', { ...base, channel: 'carrier-pigeon' }, ['channel']],
    ['a date that is not a date', { ...base, at: '16/11/2026 09:00' }, ['at']],
    ['a nested bad field', { ...base, customer: { id: 'c', name: '' } }, ['customer.name']],
  ];
  for (const [title, input, paths] of cases) {
    it(`${title}: refused with the path, nothing appended`, async () => {
      const store = inMemoryEventStore();
      const result = await commandHandler(complaintCaseType, store)(input)();
      expect(E.isLeft(result) && result.left).toMatchObject({ code: 'COMMAND_UNDECODABLE', details: { paths } });
      expect(store.allWritten()).toEqual([]);
    });
  }
});
