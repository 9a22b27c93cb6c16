/** History invariants over forged or foreign histories: each rule reports the revision where it breaks. */
import { deciderSpec } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { ComplaintEvent, checkHistory, complaintCaseType, complaintDecider, commandHandler, describeFieldErrors, inMemoryEventStore } from '../../src/index.js';
import { cs, generalManager, production, quality, sales, salesManager, warehouse } from '../fixtures/people.js';
import { command, customer, receive } from './script.js';

const spec = deciderSpec(complaintDecider);
const check = checkHistory(complaintCaseType.invariants);
const at = (hhmm: string, day = 16) => `2026-11-${day}T${hhmm}:00+08:00`;

const ev = (fields: Record<string, unknown>): ComplaintEvent => {
  const decoded = ComplaintEvent.decode(fields);
  if (E.isLeft(decoded)) throw new Error(describeFieldErrors(decoded.left));
  return decoded.right;
};
const received = (severity = 'minor') => ev({ type: 'ComplaintReceived', at: at('09:00'), by: cs, customer, channel: 'email', description: 'Cracked', severity });
const classified = (responsibility = 'internal', t = at('10:00')) => ev({ type: 'ComplaintClassified', at: t, by: cs, responsibility, basis: 'assessment' });

const codes = (events: ReadonlyArray<ComplaintEvent>) => check(events).map((v) => [v.ruleId, v.code, v.revision]);

describe('complaint history invariants', () => {
  it('C-12: a complaint closed without the customer’s acceptance is flagged at the close', () => {
    const forged = [
      received(),
      classified(),
      ev({ type: 'ForwardedToQuality', at: at('10:30'), by: cs }),
      ev({ type: 'QualityReplied', at: at('11:00'), by: quality, reply: 'x' }),
      ev({ type: 'RootCauseDetermined', at: at('12:00'), by: quality, rootCause: 'x', responsibleDepartment: 'production' }),
      ev({ type: 'ComplaintClosed', at: at('13:00'), by: cs }),
    ];
    expect(codes(forged)).toEqual([['C-12', 'CUSTOMER_ACCEPTANCE_MISSING', 5]]);
  });

  it('C-5: a quality reply by sales is flagged', () => {
    const forged = [received(), classified(), ev({ type: 'ForwardedToQuality', at: at('10:30'), by: cs }), ev({ type: 'QualityReplied', at: at('11:00'), by: sales, reply: 'x' })];
    expect(codes(forged)).toEqual([['C-5', 'QUALITY_ONLY', 3]]);
  });

  it('C-1 and C-3: a history that does not start with the receipt, and investigation before classification', () => {
    expect(codes([classified(), received()])).toEqual([
      ['C-1', 'FIRST_EVENT_NOT_RECEIPT', 0],
      ['T-1', 'INSTANT_BEFORE_PREVIOUS_EVENT', 1],
    ]);
    expect(codes([received(), ev({ type: 'ForwardedToQuality', at: at('10:30'), by: cs })])).toEqual([['C-3', 'NOT_CLASSIFIED', 1]]);
  });

  it('C-6, C-7, C-8: root cause before re-inspection, a plan by the wrong department, a resolution without verification', () => {
    const forged = [
      received(),
      classified(),
      ev({ type: 'SamplesReceived', at: at('10:10'), by: warehouse, quantity: 2 }),
      ev({ type: 'ForwardedToQuality', at: at('10:30'), by: cs }),
      ev({ type: 'QualityReplied', at: at('11:00'), by: quality, reply: 'x' }),
      ev({ type: 'RootCauseDetermined', at: at('12:00'), by: quality, rootCause: 'x', responsibleDepartment: 'production' }),
      ev({ type: 'CapaPlanSubmitted', at: at('13:00'), by: sales, planNumber: 1, corrective: 'x', preventive: 'y' }),
      ev({ type: 'ResolutionReported', at: at('14:00'), by: cs, planNumber: 1, summary: 'x' }),
    ];
    expect(codes(forged)).toEqual([
      ['C-6', 'SAMPLES_NOT_REINSPECTED', 5],
      ['C-7', 'CAPA_NOT_BY_RESPONSIBLE_DEPARTMENT', 6],
      ['C-8', 'CAPA_NOT_VERIFIED_EFFECTIVE', 7],
    ]);
  });

  it('C-9: a major problem reviewed under the sales manager is flagged; under the general manager it is not', () => {
    const convened = (chair: unknown) => ev({ type: 'JointReviewConvened', at: at('11:00'), by: salesManager, reason: 'cause-unknown', chair });
    expect(codes([received('major'), classified(), convened(salesManager)])).toEqual([['C-9', 'JOINT_REVIEW_NEEDS_GENERAL_MANAGER', 2]]);
    expect(codes([received('major'), classified(), convened(generalManager)])).toEqual([]);
  });

  it('C-11 and C-12: a sample disposed of during a dispute; steps after closing; a reopen by staff', () => {
    const dispute = [
      received(),
      classified(),
      ev({ type: 'SamplesReceived', at: at('10:10'), by: warehouse, quantity: 1 }),
      ev({ type: 'DeterminationDisputed', at: at('12:00'), by: cs, reason: 'x' }),
      ev({ type: 'SamplesDisposed', at: at('13:00'), by: warehouse }),
    ];
    expect(codes(dispute)).toContainEqual(['C-11', 'SAMPLES_RETAINED_FOR_DISPUTE', 4]);
    const external = [
      received(),
      classified('external'),
      ev({ type: 'ExplanationSent', at: at('11:00'), by: cs, explanation: 'x' }),
      ev({ type: 'ExplanationReceiptConfirmed', at: at('12:00'), by: cs }),
      ev({ type: 'ComplaintClosed', at: at('13:00'), by: cs }),
      ev({ type: 'ExplanationSent', at: at('14:00'), by: cs, explanation: 'again' }),
      ev({ type: 'ComplaintReopened', at: at('15:00'), by: cs, reason: 'x' }),
    ];
    expect(codes(external)).toEqual([
      ['C-12', 'COMPLAINT_CLOSED', 5],
      ['C-12', 'COMPLAINT_CLOSED', 6],
    ]);
  });

  it('histories the decider writes break none of them', () => {
    const { events } = spec.run([
      receive(),
      command('ClassifyComplaint', at('10:00'), cs, { responsibility: 'internal' }),
      command('ForwardToQuality', at('10:30'), cs),
      command('RecordQualityReply', at('11:00'), quality, { reply: 'x' }),
      command('DetermineRootCause', at('12:00'), quality, { rootCause: 'x', responsibleDepartment: 'production' }),
      command('SubmitCapaPlan', at('13:00'), production, { corrective: 'x', preventive: 'y' }),
    ]);
    expect(check(events)).toEqual([]);
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
