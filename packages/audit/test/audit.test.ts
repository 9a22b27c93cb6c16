/** The audit of hand-written histories: timelines, compliance reports, forged histories, state as of an instant. */
import {
  type JsonObject,
  type NewEvent,
  RULEBOOK_DEFAULT_VERSION,
  commandHandler,
  complaintCaseType,
  defaultCalendar,
  defaultPolicies,
  inMemoryEventStore,
  instantFromEpochMs,
  warrantyClaimCaseType,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { auditCase, readCase, stateAsOf } from '../src/index.js';

const context = { policies: defaultPolicies, calendar: defaultCalendar };
const at = (day: number, hhmm: string) => `2026-11-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;
const instant = (text: string) => instantFromEpochMs(Date.parse(text));
type Person = { readonly id: string; readonly department: string; readonly role: string };
const person = (id: string, department: string, role = 'staff'): Person => ({ id, department, role });
const cs = person('cs-li', 'customer-service');
const quality = person('qa-chen', 'quality');
const gm = person('gm-huang', 'management', 'general-manager');
const salesManager = person('sales-mgr-zhao', 'sales', 'manager');
const customer = { id: 'cust-1', name: 'Wang Lei', phone: '+86 138 0000 1234' };

const must = async (r: Promise<E.Either<{ readonly code: string; readonly message: string }, unknown>>) => {
  const x = await r;
  if (E.isLeft(x)) throw new Error(`${x.left.code}: ${x.left.message}`);
};
const load = async (store: ReturnType<typeof inMemoryEventStore>, stream: string) => {
  const h = await readCase(store, stream);
  if (E.isLeft(h)) throw new Error(h.left.message);
  return h.right;
};

describe('audit of a complaint with a late quality reply', () => {
  const store = inMemoryEventStore();
  const handle = commandHandler(complaintCaseType, store);
  const step = (type: string, day: number, hhmm: string, actor: object, fields: object = {}) =>
    must(handle({ type, caseId: 'C1', at: at(day, hhmm), actor, ...fields })());

  it('shows each step with its rules, the state after it and every deadline as it stood', async () => {
    await step('ReceiveComplaint', 16, '09:00', cs, { customer, channel: 'phone', description: 'Cracked', severity: 'minor' });
    await step('AcknowledgeComplaint', 16, '09:30', cs, { explanation: 'x' });
    await step('ClassifyComplaint', 16, '10:00', cs, { responsibility: 'internal' });
    await step('ForwardToQuality', 16, '10:30', cs);
    await step('RecordQualityReply', 18, '10:00', quality, { reply: 'Late' });
    const { timeline, report } = auditCase(await load(store, 'complaint-C1'), context, instant(at(18, '12:00')));
    expect(timeline.map((e) => [e.revision, e.eventType, e.ruleIds.join(','), e.status])).toEqual([
      ['0', 'ComplaintReceived', 'C-1', 'received'],
      ['1', 'ComplaintAcknowledged', 'C-2', 'received'],
      ['2', 'ComplaintClassified', 'C-3', 'internal: not-forwarded'],
      ['3', 'ForwardedToQuality', 'C-5', 'internal: forwarded'],
      ['4', 'QualityReplied', 'C-5', 'internal: quality-replied'],
    ]);
    // At the reply, the quality-reply deadline is shown as missed: the step was recorded, lateness reported (T-8).
    expect(timeline[4]?.deadlines.find((d) => d.name === 'quality-reply')).toMatchObject({
      ruleId: 'C-5',
      status: 'missed',
      dueBy: '2026-11-17T15:59:59.999Z',
      doneAt: at(18, '10:00'),
    });
    expect(timeline[3]?.deadlines.find((d) => d.name === 'quality-reply')).toMatchObject({ status: 'pending' });
    expect(report).toMatchObject({
      streamName: 'complaint-C1',
      category: 'complaint',
      events: 5,
      status: 'internal: quality-replied',
      violations: [],
      specialCases: [],
      findings: 1,
    });
    // The timeline never quotes the customer (T-10).
    expect(JSON.stringify(timeline.map((e) => e.summary))).not.toContain('Wang Lei');
  });

  it('answers "what did we know on Tuesday?"', async () => {
    const tuesday = stateAsOf(await load(store, 'complaint-C1'), context, instant(at(17, '18:00')));
    expect(tuesday).toMatchObject({ revision: '3', status: 'internal: forwarded' });
    expect(tuesday?.deadlines.find((d) => d.name === 'quality-reply')).toMatchObject({ status: 'pending' });
  });
});

describe('audit of warranty claims', () => {
  it('highlights a special-case return with approver and justification', async () => {
    const store = inMemoryEventStore();
    const handle = commandHandler(warrantyClaimCaseType, store, { rulebook: context });
    const unit = { sku: 'S', model: 'Driver 40W', serialNumber: 'SN1', category: 'drivers', shippedOn: '2026-05-01', purchasedOn: '2026-05-01' };
    await must(handle({ type: 'FileClaim', caseId: 'W1', at: at(16, '09:00'), actor: cs, customer, kind: 'return', reason: 'Late return', unit })());
    await must(handle({ type: 'ApproveSpecialCase', caseId: 'W1', at: at(16, '10:00'), actor: gm, justification: 'Key account' })());
    await must(handle({ type: 'AcceptReturn', caseId: 'W1', at: at(16, '11:00'), actor: cs })());
    const { timeline, report } = auditCase(await load(store, 'warrantyClaim-W1'), context, instant(at(16, '12:00')));
    expect(report.specialCases).toEqual([{ revision: '1', at: at(16, '10:00'), approvedBy: gm, justification: 'Key account' }]);
    expect(timeline.filter((e) => e.specialCase).map((e) => e.eventType)).toEqual(['SpecialCaseApproved', 'ReturnAccepted']);
    expect(timeline[2]).toMatchObject({ policyVersion: RULEBOOK_DEFAULT_VERSION, ruleIds: ['W-2', 'W-3'] });
    expect(report.findings).toBe(0);
  });

  it('flags a forged history in which a sales manager approved the special case', async () => {
    const store = inMemoryEventStore();
    const meta = (eventId: string, actor: Person, time: string, extra: JsonObject = {}) => ({
      eventId,
      schemaVersion: 1,
      actor,
      correlationId: 'x',
      causationId: 'x',
      at: time,
      ...extra,
    });
    const unit = { sku: 'S', model: 'M', serialNumber: 'SN', category: 'drivers', shippedOn: '2026-05-01', purchasedOn: '2026-05-01' };
    const forged: ReadonlyArray<NewEvent> = [
      {
        eventId: 'e1',
        type: 'ClaimFiled',
        data: { type: 'ClaimFiled', at: at(16, '09:00'), by: cs, customer, kind: 'return', reason: 'x', unit },
        metadata: meta('e1', cs, at(16, '09:00')),
      },
      {
        eventId: 'e2',
        type: 'SpecialCaseApproved',
        data: { type: 'SpecialCaseApproved', at: at(16, '10:00'), by: salesManager, justification: 'Friend of mine' },
        metadata: meta('e2', salesManager, at(16, '10:00')),
      },
      {
        eventId: 'e3',
        type: 'ReturnAccepted',
        data: {
          type: 'ReturnAccepted',
          at: at(16, '11:00'),
          by: cs,
          policyVersion: RULEBOOK_DEFAULT_VERSION,
          windowEndsOn: '2026-08-01',
          windowCountsTo: 'filing',
          countedAt: at(16, '09:00'),
          specialCase: true,
        },
        metadata: meta('e3', cs, at(16, '11:00'), { schemaVersion: 2, policyVersion: RULEBOOK_DEFAULT_VERSION }),
      },
    ];
    await store.appendToStream('warrantyClaim-W9', forged, 'no-stream')();
    const { timeline, report } = auditCase(await load(store, 'warrantyClaim-W9'), context, instant(at(16, '12:00')));
    expect(report.violations.map((v) => [v.ruleId, v.code, v.revision])).toEqual([['W-3', 'SPECIAL_CASE_NOT_BY_GENERAL_MANAGER', '1']]);
    expect(timeline[1]?.violations).toHaveLength(1);
    expect(report.findings).toBe(1);
  });
});

describe('audit of a forged complaint closed without acceptance', () => {
  it('flags the close at its revision', async () => {
    const store = inMemoryEventStore();
    const meta = (eventId: string, actor: Person, time: string) => ({ eventId, schemaVersion: 1, actor, correlationId: 'x', causationId: 'x', at: time });
    const ev = (n: number, type: string, actor: Person, time: string, fields: JsonObject = {}): NewEvent => ({
      eventId: `f${n}`,
      type,
      data: { type, at: time, by: actor, ...fields },
      metadata: meta(`f${n}`, actor, time),
    });
    await store.appendToStream(
      'complaint-F1',
      [
        ev(1, 'ComplaintReceived', cs, at(16, '09:00'), { customer, channel: 'email', description: 'x', severity: 'minor' }),
        ev(2, 'ComplaintClassified', cs, at(16, '10:00'), { responsibility: 'internal', basis: 'assessment' }),
        ev(3, 'ComplaintClosed', cs, at(16, '11:00')),
      ],
      'no-stream',
    )();
    const { report } = auditCase(await load(store, 'complaint-F1'), context, instant(at(16, '12:00')));
    expect(report.violations.map((v) => [v.ruleId, v.code, v.revision])).toEqual([['C-12', 'CUSTOMER_ACCEPTANCE_MISSING', '2']]);
  });
});
