/**
 * Reports for people: each rule's title and the policy value that applied next to its id, the
 * rules cited, and in the bulk report the cases with findings (three orderings) and the missed
 * deadlines per month.
 */
import { type NewEvent, commandHandler, complaintCaseType, defaultCalendar, defaultPolicies, inMemoryEventStore, instantFromEpochMs } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BulkAuditSummary,
  allowanceText,
  auditCase,
  bulkAudit,
  bulkAuditHtml,
  bulkAuditText,
  caseAuditHtml,
  caseAuditText,
  casesFromStore,
  readCase,
} from '../src/index.js';

const context = { policies: defaultPolicies, calendar: defaultCalendar };
const at = (month: number, day: number, hhmm: string) => `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;
const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
const quality = { id: 'qa-chen', department: 'quality', role: 'staff' };
const store = inMemoryEventStore();
const handle = commandHandler(complaintCaseType, store);
const asOf = instantFromEpochMs(Date.parse(at(12, 31, '12:00')));

const step = async (caseId: string, type: string, when: string, actor: object, fields: object = {}) => {
  const r = await handle({ type, caseId, at: when, actor, ...fields })();
  if (E.isLeft(r)) throw new Error(`${type}: ${r.left.message}`);
};

beforeAll(async () => {
  const receive = { customer: { id: 'c', name: 'A' }, channel: 'phone', description: 'x', severity: 'minor' };
  // LATE-Q: October; quality replies two days after forwarding (C-5 missed), root cause names production.
  await step('LATE-Q', 'ReceiveComplaint', at(10, 12, '09:00'), cs, receive);
  await step('LATE-Q', 'AcknowledgeComplaint', at(10, 12, '09:10'), cs, { explanation: 'x' });
  await step('LATE-Q', 'ClassifyComplaint', at(10, 12, '10:00'), cs, { responsibility: 'internal' });
  await step('LATE-Q', 'ForwardToQuality', at(10, 12, '10:30'), cs);
  await step('LATE-Q', 'RecordQualityReply', at(10, 14, '10:00'), quality, { reply: 'x' });
  await step('LATE-Q', 'DetermineRootCause', at(10, 14, '11:00'), quality, { rootCause: 'x', responsibleDepartment: 'production' });
  await step(
    'LATE-Q',
    'SubmitCapaPlan',
    at(10, 14, '15:00'),
    { id: 'prod-liu', department: 'production', role: 'staff' },
    { corrective: 'x', preventive: 'x' },
  );
  // NO-ACK: November; never acknowledged (C-2 missed), external, never answered (C-4 missed).
  await step('NO-ACK', 'ReceiveComplaint', at(11, 16, '09:00'), cs, receive);
  await step('NO-ACK', 'ClassifyComplaint', at(11, 16, '10:00'), cs, { responsibility: 'external' });
  // FINE: acknowledged, external, answered in time.
  await step('FINE', 'ReceiveComplaint', at(11, 17, '09:00'), cs, receive);
  await step('FINE', 'AcknowledgeComplaint', at(11, 17, '09:10'), cs, { explanation: 'x' });
  await step('FINE', 'ClassifyComplaint', at(11, 17, '10:00'), cs, { responsibility: 'external' });
  await step('FINE', 'SendExplanation', at(11, 17, '11:00'), cs, { explanation: 'x' });
});

describe('a case report names each rule and the policy value that applied', () => {
  it('shows the rule’s title next to its id, the policy and its value, and lists the rules cited with their text', async () => {
    const history = await readCase(store, 'complaint-LATE-Q');
    if (E.isLeft(history)) throw new Error(history.left.message);
    const audit = auditCase(history.right, context, asOf);
    const html = caseAuditHtml(audit, { calendar: defaultCalendar });
    const qualityRow = html.split('<tr').find((row) => row.includes('quality-reply') && row.includes('class="deadline'));
    expect(qualityRow).toContain('Quality replies within 1 working day');
    expect(qualityRow).toContain('policy rulebook-2: 1 working day');
    expect(html).toContain('<h2>Rules cited</h2>');
    expect(html).toContain('An internal complaint is forwarded to quality, which replies in writing within 1 working day');
    expect(html).toMatch(/<span class="rule" title="Acknowledge the same working day: [^"]+">C-2<\/span>/);
    const text = caseAuditText(audit, { calendar: defaultCalendar });
    expect(text).toMatch(/C-5 quality-reply\s+MISSED .*\(policy rulebook-2: 1 working day\)/);
    expect(text).toContain('Rules cited');
    expect(text).toMatch(/^ {2}C-5 {3}Quality replies within 1 working day$/m);
  });

  it('says a finding in Chinese by its code, with the English message (the step and the facts) beside it', async () => {
    const forged: NewEvent = {
      eventId: 'forged-reply',
      type: 'QualityReplied',
      data: { type: 'QualityReplied', at: at(10, 14, '10:05'), by: { id: 'sales-wang', department: 'sales', role: 'staff' }, reply: 'x' },
      metadata: {
        eventId: 'forged-reply',
        schemaVersion: 1,
        actor: { id: 'sales-wang', department: 'sales', role: 'staff' },
        correlationId: 'x',
        causationId: 'x',
        at: at(10, 14, '10:05'),
      },
    };
    const local = inMemoryEventStore();
    const original = await store.readStream('complaint-LATE-Q')();
    if (E.isLeft(original) || original.right.kind === 'no-stream') throw new Error('no stream');
    const first = original.right.events.slice(0, 5);
    await local.appendToStream(
      'complaint-F',
      first.map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata })),
      'no-stream',
    )();
    await local.appendToStream('complaint-F', [forged], 4n)();
    const history = await readCase(local, 'complaint-F');
    if (E.isLeft(history)) throw new Error(history.left.message);
    const audit = auditCase(history.right, context, asOf, { locale: 'zh-CN' });
    const text = caseAuditText(audit, { calendar: defaultCalendar, locale: 'zh-CN' });
    expect(text).toMatch(/版本 5 C-5 QUALITY_ONLY: 该步骤只能由品质部办理。 \(.*sales-wang.*\)/);
    const html = caseAuditHtml(audit, { calendar: defaultCalendar, locale: 'zh-CN' });
    expect(html).toContain('<td>该步骤只能由品质部办理。<br><span class="meta">');
    expect(caseAuditText(audit, { calendar: defaultCalendar })).toMatch(/rev 5 C-5 QUALITY_ONLY: [A-Z][^\u4e00-\u9fff]+$/m);
  });

  it('words an allowance as the policy reads', () => {
    expect(allowanceText({ count: 1, unit: 'working-days' })).toBe('1 working day');
    expect(allowanceText({ count: 0, unit: 'working-days' })).toBe('the same working day');
    expect(allowanceText({ count: 3, unit: 'days' })).toBe('3 days');
    expect(allowanceText({ count: 24, unit: 'hours' })).toBe('24 hours');
    expect(allowanceText({ count: 3, unit: 'months' })).toBe('3 months');
  });
});

describe('the bulk report lists the cases with findings and the missed deadlines per month', () => {
  let summary: BulkAuditSummary;
  beforeAll(async () => {
    summary = await bulkAudit(casesFromStore(store), context, asOf);
  });

  it('keeps each case with findings: its findings, the rules, the department responsible', () => {
    const byName = Object.fromEntries(summary.casesWithFindings.map((c) => [c.streamName, c]));
    expect(Object.keys(byName).sort()).toEqual(['complaint-LATE-Q', 'complaint-NO-ACK']);
    expect(byName['complaint-LATE-Q']).toMatchObject({ category: 'complaint', department: 'production' });
    expect(byName['complaint-LATE-Q']?.rules).toContain('C-5');
    // No responsible department named: the department of whoever received it.
    expect(byName['complaint-NO-ACK']).toMatchObject({ department: 'customer-service', rules: expect.arrayContaining(['C-2', 'C-4']) });
  });

  it('counts missed deadlines by the month they were due in, in the calendar’s zone', () => {
    expect(summary.missedByMonth.map((m) => m.month)).toEqual(['2026-10', '2026-11']);
    const october = summary.missedByMonth[0];
    expect(october?.byRule['C-5']).toBe(1);
    const november = summary.missedByMonth[1];
    expect(november).toMatchObject({ byRule: { 'C-2': 1, 'C-4': 1 } });
    expect(summary.missedByMonth.reduce((n, m) => n + m.missed, 0)).toBe(summary.deadlines.reduce((n, d) => n + d.missed, 0));
  });

  it('shows the cases three ways with no script, a chart and a table per month, and the rules cited', () => {
    const html = bulkAuditHtml(summary, { calendar: defaultCalendar });
    expect(html).not.toContain('<script');
    for (const id of ['by-findings', 'by-rule', 'by-department']) expect(html).toContain(`<section id="${id}" class="case-list">`);
    const byRule = html.slice(html.indexOf('id="by-rule"'), html.indexOf('id="by-department"'));
    // One row per rule broken, in the rulebook's order: C-2, C-4 (NO-ACK), then C-5 (LATE-Q) …
    expect([...byRule.matchAll(/>(C-\d+)<\/span><\/td>/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['C-2', 'C-4', 'C-5']));
    const order = [...byRule.matchAll(/>(C-\d+)<\/span><\/td>/g)].map((m) => Number((m[1] ?? 'C-0').slice(2)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain('aria-label="Missed deadlines per month"');
    expect(html).toMatch(/<table id="missed-by-month">.*<td>2026-10<\/td>/s);
    expect(html).toContain('<h2>Rules cited</h2>');
    const text = bulkAuditText(summary, { calendar: defaultCalendar });
    expect(text).toMatch(/^ {2}2026-11 +\d+ +C-2 1, C-4 1/m);
    expect(text).toMatch(/Cases with the most findings\n {2}complaint-/);
  });
});
