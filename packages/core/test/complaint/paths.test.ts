/** Whole procedures, start to close, through the command handler and the in-memory store. */
import { recordCase } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  type ComplaintCommand,
  RULEBOOK_DEFAULT_VERSION,
  checkHistory,
  commandHandler,
  complaintCaseType,
  complaintDeadlines,
  defaultCalendar,
  defaultPolicies,
  defaultRulebook,
  findingsOf,
  inMemoryEventStore,
  loadCase,
} from '../../src/index.js';
import { cs, generalManager, production, quality, salesManager, warehouse } from '../fixtures/people.js';
import { caseId, instant } from '../fixtures/values.js';
import { CASE, command, receive } from './script.js';

const at = (hhmm: string, day = 16) => `2026-11-${day}T${hhmm}:00+08:00`;
const deadlinesAt = complaintDeadlines({ policies: defaultPolicies, calendar: defaultCalendar });

const internalOpening: ReadonlyArray<ComplaintCommand> = [
  receive(),
  command('AcknowledgeComplaint', at('09:30'), cs, { explanation: 'Quality will reply; resolution within 7 days' }),
  command('ClassifyComplaint', at('10:00'), cs, { responsibility: 'internal' }),
  command('ForwardToQuality', at('10:30'), cs),
  command('RecordQualityReply', at('15:00'), quality, { reply: 'Batch 2611 quarantined' }),
  command('DetermineRootCause', at('16:00'), quality, { rootCause: 'Mould temperature too low', responsibleDepartment: 'production' }),
];

const planCycle = (n: number, day: number): ReadonlyArray<ComplaintCommand> => [
  command('SubmitCapaPlan', at('09:00', day), production, { corrective: `Plan ${n}: corrective`, preventive: `Plan ${n}: preventive` }),
  command('RecordCapaImplemented', at('11:00', day), production, { note: 'Implemented' }),
  command('VerifyCapa', at('14:00', day), quality, { effective: true, note: 'Verified on 500 units' }),
  command('ReportResolution', at('15:00', day), cs, { summary: `Resolution ${n}` }),
];

describe('complaint procedures end to end', () => {
  it('the external happy path closes and audits clean', async () => {
    const store = inMemoryEventStore();
    const handle = commandHandler(complaintCaseType, store);
    const steps: ReadonlyArray<ComplaintCommand> = [
      receive(),
      command('AcknowledgeComplaint', at('09:30'), cs, { explanation: 'We will answer within 3 days' }),
      command('ClassifyComplaint', at('10:00'), cs, { responsibility: 'external' }),
      command('SendExplanation', at('15:00'), cs, { explanation: 'Installation did not follow the manual; here is the correct method' }),
      command('ConfirmExplanationReceipt', at('09:00', 17), cs),
      command('CloseComplaint', at('09:05', 17), cs),
    ];
    for (const step of steps) expect(E.isRight(await handle(step)())).toBe(true);
    const loaded = await loadCase(complaintCaseType, store)(caseId(CASE))();
    if (E.isLeft(loaded)) throw new Error(loaded.left.message);
    expect(loaded.right.state).toMatchObject({ status: 'closed', path: 'external', closedAt: at('09:05', 17) });
    const events = loaded.right.events.map((e) => e.event);
    expect(findingsOf(checkHistory(complaintCaseType, defaultRulebook)(loaded.right.streamName, loaded.right.events))).toEqual([]);
    const deadlines = deadlinesAt(events, instant(at('12:00', 30)));
    expect(E.isRight(deadlines) && deadlines.right.map((d) => [d.name, d.status])).toEqual([
      ['acknowledgement', 'met'],
      ['external-answer', 'met'],
      ['quality-reply', 'not-applicable'],
      ['capa-plan', 'not-applicable'],
      ['resolution-report', 'not-applicable'],
    ]);
  });

  it('the internal path with a customer who rejects twice closes after the third plan', async () => {
    const { envelopes, state, streamName, refused } = await recordCase(complaintCaseType, [
      ...internalOpening,
      ...planCycle(1, 17),
      command('RecordCustomerResponse', at('16:00', 17), cs, { accepted: false, comment: 'Still cracking' }),
      ...planCycle(2, 18),
      command('RecordCustomerResponse', at('16:00', 18), cs, { accepted: false }),
      ...planCycle(3, 19),
      command('RecordCustomerResponse', at('16:00', 19), cs, { accepted: true }),
      command('CloseComplaint', at('16:30', 19), cs),
    ]);
    expect(state).toMatchObject({ status: 'closed', path: 'internal', plan: { number: 3, department: 'production' }, acceptedAt: at('16:00', 19) });
    expect(envelopes.flatMap(({ event: e }) => (e.type === 'CapaPlanSubmitted' ? [e.planNumber] : []))).toEqual([1, 2, 3]);
    expect(refused).toEqual([]);
    expect(findingsOf(checkHistory(complaintCaseType, defaultRulebook)(streamName, envelopes))).toEqual([]);
  });

  it('a major problem goes to a joint review under the general manager', async () => {
    const { envelopes, state, streamName, refused } = await recordCase(complaintCaseType, [
      receive(at('09:00'), 'major'),
      command('ClassifyComplaint', at('10:00'), cs, { responsibility: 'internal' }),
      command('ConveneJointReview', at('11:00'), salesManager, { reason: 'cannot-fix-in-time', chair: generalManager }),
      command('RecordJointReviewDecision', at('17:00'), generalManager, { decision: 'Replace the batch now; root-cause work continues' }),
      command('ForwardToQuality', at('17:10'), cs),
    ]);
    expect(state).toMatchObject({ status: 'internal', review: { status: 'none' }, investigation: { step: 'forwarded' } });
    expect(refused).toEqual([]);
    expect(findingsOf(checkHistory(complaintCaseType, defaultRulebook)(streamName, envelopes))).toEqual([]);
  });

  it('a dispute with an independent appraisal that revises the determination', async () => {
    const { envelopes, state, streamName, refused } = await recordCase(complaintCaseType, [
      receive(),
      command('RequestSamples', at('09:20'), cs),
      command('ClassifyComplaint', at('10:00'), cs, { responsibility: 'internal' }),
      command('ForwardToQuality', at('10:30'), cs),
      command('ReceiveSamples', at('11:00'), warehouse, { quantity: 2 }),
      command('RecordQualityReply', at('15:00'), quality, { reply: 'Samples arrived; re-inspecting' }),
      command('ReinspectSamples', at('15:30'), quality, { quantity: 2, result: 'Both cracked at the clip' }),
      command('DetermineRootCause', at('16:00'), quality, { rootCause: 'Mould temperature too low', responsibleDepartment: 'production' }),
      command('DisputeDetermination', at('09:00', 17), cs, { reason: 'Customer blames packaging' }),
      command('RecordIndependentAppraisal', at('09:00', 20), quality, {
        appraiser: 'Provincial inspection institute',
        result: { outcome: 'revised', rootCause: 'Carton too weak for stacking', responsibleDepartment: 'warehouse' },
      }),
      command('SubmitCapaPlan', at('10:00', 20), warehouse, { corrective: 'Double-wall cartons', preventive: 'Stacking test' }),
      command('DisposeSamples', at('11:00', 20), warehouse),
    ]);
    expect(state).toMatchObject({
      status: 'internal',
      samples: { received: 2, reinspected: 2, held: 0 },
      investigation: { dispute: 'settled', determination: { source: 'appraisal', responsibleDepartment: 'warehouse' }, capa: { step: 'planned' } },
    });
    expect(refused).toEqual([]);
    expect(findingsOf(checkHistory(complaintCaseType, defaultRulebook)(streamName, envelopes))).toEqual([]);
  });

  it('a late quality reply is recorded and reported as missed (T-8)', async () => {
    const store = inMemoryEventStore();
    const handle = commandHandler(complaintCaseType, store);
    const steps: ReadonlyArray<ComplaintCommand> = [
      receive(),
      command('ClassifyComplaint', at('10:00'), cs, { responsibility: 'internal' }),
      command('ForwardToQuality', at('10:30'), cs),
      // Due by the end of Tuesday 17th; quality replies on Wednesday.
      command('RecordQualityReply', at('10:00', 18), quality, { reply: 'Late, but here' }),
    ];
    for (const step of steps) expect(E.isRight(await handle(step)())).toBe(true);
    const loaded = await loadCase(complaintCaseType, store)(caseId(CASE))();
    if (E.isLeft(loaded)) throw new Error(loaded.left.message);
    const deadlines = deadlinesAt(
      loaded.right.events.map((e) => e.event),
      instant(at('12:00', 18)),
    );
    if (E.isLeft(deadlines)) throw new Error(deadlines.left.message);
    expect(deadlines.right.find((d) => d.name === 'quality-reply')).toEqual({
      ruleId: 'C-5',
      name: 'quality-reply',
      status: 'missed',
      from: at('10:30'),
      dueBy: '2026-11-17T15:59:59.999Z',
      doneAt: at('10:00', 18),
      policyVersion: RULEBOOK_DEFAULT_VERSION,
      allowed: { count: 1, unit: 'working-days' },
    });
    // Never acknowledged: missed at the end of the day of receipt.
    expect(deadlines.right.find((d) => d.name === 'acknowledgement')).toMatchObject({ status: 'missed', dueBy: '2026-11-16T15:59:59.999Z' });
    // Resolution due 7 days after receipt: still pending on the 18th.
    expect(deadlines.right.find((d) => d.name === 'resolution-report')).toMatchObject({ status: 'pending', dueBy: '2026-11-23T01:00:00.000Z' });
  });
});
