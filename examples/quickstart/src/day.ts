/**
 * One working day of the after-sales office (Wednesday 18 November 2026, Shanghai), on the
 * in-memory store, with the two days before it as history. Every command goes through the real
 * command handlers; every refusal is printed with its rule id and reason.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditCase, caseAuditHtml, exportStore, readCase } from '@caseledger/audit';
import {
  Actor,
  CaseId,
  commandHandler,
  complaintCaseType,
  contractReviewCaseType,
  defaultCalendar,
  defaultPolicies,
  inMemoryEventStore,
  inquiryCaseType,
  instantFromEpochMs,
  instantInZone,
  reactToSurvey,
  surveyCaseType,
  warrantyClaimCaseType,
} from '@caseledger/core';
import {
  type Projection,
  capaTracker,
  caseFiles,
  complaintBoard,
  contractReviewQueue,
  inMemoryReadModelStore,
  openInquiries,
  overdueList,
  runProjection,
  satisfaction,
  satisfactionByPeriod,
  specialCaseLog,
  warrantyByCategory,
  warrantyStatistics,
} from '@caseledger/projections';
import * as E from 'fp-ts/lib/Either.js';

const context = { policies: defaultPolicies, calendar: defaultCalendar };
/** An instant as the office reads it: in its calendar's zone, with the offset (the values stay UTC). */
const local = (instant: Parameters<typeof instantInZone>[1] | undefined): string => (instant === undefined ? '-' : instantInZone(context.calendar, instant));
const at = (day: number, hhmm: string) => `2026-11-${day}T${hhmm}:00+08:00`;
const person = (id: string, department: string, role = 'staff') => ({ id, department, role });
const cs = person('cs-li', 'customer-service');
const sales = person('sales-wang', 'sales');
const salesManager = person('sales-mgr-zhao', 'sales', 'manager');
const quality = person('qa-chen', 'quality');
const production = person('prod-liu', 'production');
const warehouse = person('wh-wu', 'warehouse');
const engineering = person('eng-zhou', 'engineering');
const gm = person('gm-huang', 'management', 'general-manager');
const customer = (id: string, name: string) => ({ id, name });

export interface DayResult {
  readonly lines: ReadonlyArray<string>;
  readonly reportPath: string;
  /** The day's events as a JSON Lines export, and the command that audits it. */
  readonly exportPath: string;
  readonly auditCommand: string;
}

export const runDay = async (reportDir = mkdtempSync(join(tmpdir(), 'caseledger-quickstart-'))): Promise<DayResult> => {
  const lines: string[] = [];
  const say = (text = '') => lines.push(text);
  const store = inMemoryEventStore();
  const handlers = {
    complaint: commandHandler(complaintCaseType, store),
    warrantyClaim: commandHandler(warrantyClaimCaseType, store, { rulebook: context }),
    contractReview: commandHandler(contractReviewCaseType, store),
    survey: commandHandler(surveyCaseType, store),
    inquiry: commandHandler(inquiryCaseType, store),
  };
  /** Send a command; print it when refused (that is the point of a rule). */
  const send = async (kind: keyof typeof handlers, caseId: string, command: Record<string, unknown>) => {
    const result = await handlers[kind]({ caseId, ...command })();
    if (E.isLeft(result)) {
      const rule = result.left._tag === 'Violation' ? `${result.left.ruleId} ` : '';
      say(`  ✗ ${kind} ${caseId}: ${String(command['type'])} refused — ${rule}${result.left.code}: ${result.left.message}`);
    }
    return result;
  };

  say('caseledger quick start: Wednesday 18 November 2026 at the after-sales office (Asia/Shanghai)');
  say('');
  say('Refused commands (each names the rule it would break):');

  // Complaints. E1 is external and closes; I1 is internal: quality replies a day late and the customer rejects the first plan.
  await send('complaint', 'E1', {
    type: 'ReceiveComplaint',
    at: at(18, '08:40'),
    actor: cs,
    customer: customer('cust-11', 'Suzhou Lighting'),
    channel: 'phone',
    description: 'Lamps flicker after installation',
    severity: 'minor',
  });
  await send('complaint', 'E1', { type: 'AcknowledgeComplaint', at: at(18, '08:50'), actor: cs, explanation: 'We will answer within 3 days' });
  await send('complaint', 'E1', { type: 'ClassifyComplaint', at: at(18, '09:30'), actor: cs, responsibility: 'external' });
  await send('complaint', 'E1', {
    type: 'SendExplanation',
    at: at(18, '11:00'),
    actor: cs,
    explanation: 'Dimmer incompatible; install the listed dimmer model',
  });
  await send('complaint', 'E1', { type: 'CloseComplaint', at: at(18, '11:05'), actor: cs });
  await send('complaint', 'E1', { type: 'ConfirmExplanationReceipt', at: at(18, '14:00'), actor: cs });
  await send('complaint', 'E1', { type: 'CloseComplaint', at: at(18, '14:05'), actor: cs });

  await send('complaint', 'I1', {
    type: 'ReceiveComplaint',
    at: at(16, '09:00'),
    actor: cs,
    customer: customer('cust-12', 'Ningbo Fixtures'),
    channel: 'email',
    description: 'Housings cracked on arrival',
    severity: 'major',
  });
  await send('complaint', 'I1', { type: 'AcknowledgeComplaint', at: at(16, '09:20'), actor: cs, explanation: 'Quality will reply; resolution within 7 days' });
  await send('complaint', 'I1', { type: 'ForwardToQuality', at: at(16, '09:30'), actor: cs });
  await send('complaint', 'I1', { type: 'ClassifyComplaint', at: at(16, '10:00'), actor: cs, responsibility: 'internal' });
  await send('complaint', 'I1', { type: 'ForwardToQuality', at: at(16, '10:30'), actor: cs });
  await send('complaint', 'I1', { type: 'RecordQualityReply', at: at(18, '09:00'), actor: sales, reply: 'Looks like transport damage' });
  await send('complaint', 'I1', { type: 'RecordQualityReply', at: at(18, '09:10'), actor: quality, reply: 'Batch 2611 quarantined' });
  await send('complaint', 'I1', {
    type: 'DetermineRootCause',
    at: at(18, '10:00'),
    actor: quality,
    rootCause: 'Mould temperature too low',
    responsibleDepartment: 'production',
  });
  await send('complaint', 'I1', {
    type: 'SubmitCapaPlan',
    at: at(18, '11:00'),
    actor: production,
    corrective: 'Raise mould temperature',
    preventive: 'SPC check per shift',
  });
  await send('complaint', 'I1', { type: 'RecordCapaImplemented', at: at(18, '13:00'), actor: production, note: 'Line 3 adjusted' });
  await send('complaint', 'I1', { type: 'ReportResolution', at: at(18, '13:30'), actor: cs, summary: 'Cause and actions explained' });
  await send('complaint', 'I1', { type: 'VerifyCapa', at: at(18, '15:00'), actor: quality, effective: true, note: '500 units, no cracks' });
  await send('complaint', 'I1', { type: 'ReportResolution', at: at(18, '15:30'), actor: cs, summary: 'Cause, actions and result explained' });
  await send('complaint', 'I1', {
    type: 'RecordCustomerResponse',
    at: at(18, '17:00'),
    actor: cs,
    accepted: false,
    comment: 'Wants a new mould, not a setting',
  });

  // Warranty. W1: a return one day after the 3-month window, refused, then approved as a special case by the GM. W2: a repair waiting for fee consent.
  const unit = (serialNumber: string, shippedOn: string) => ({
    sku: 'DRV-40',
    model: 'Driver 40W',
    serialNumber,
    category: 'drivers',
    shippedOn,
    purchasedOn: shippedOn,
  });
  await send('warrantyClaim', 'W1', {
    type: 'FileClaim',
    at: at(18, '09:00'),
    actor: cs,
    customer: customer('cust-13', 'Hangzhou Retail'),
    kind: 'return',
    reason: 'Dead on arrival',
    unit: unit('SN-9001', '2026-08-17'),
  });
  await send('warrantyClaim', 'W1', {
    type: 'RecordDefectInspection',
    at: at(18, '10:00'),
    actor: quality,
    verdict: 'intrinsic-defect',
    report: 'Capacitor C12 failed',
  });
  await send('warrantyClaim', 'W1', { type: 'AcceptReturn', at: at(18, '10:30'), actor: cs });
  await send('warrantyClaim', 'W1', { type: 'ApproveSpecialCase', at: at(18, '11:00'), actor: salesManager, justification: 'Good customer' });
  await send('warrantyClaim', 'W1', {
    type: 'ApproveSpecialCase',
    at: at(18, '11:30'),
    actor: gm,
    justification: 'Key account; defect confirmed; one day late',
  });
  await send('warrantyClaim', 'W1', { type: 'AcceptReturn', at: at(18, '12:00'), actor: cs });
  await send('warrantyClaim', 'W2', {
    type: 'FileClaim',
    at: at(18, '09:15'),
    actor: cs,
    customer: customer('cust-14', 'Wuxi Electric'),
    kind: 'repair',
    reason: 'No output',
    unit: unit('SN-4411', '2025-03-01'),
  });
  await send('warrantyClaim', 'W2', { type: 'ReceiveRepairUnit', at: at(18, '09:45'), actor: cs, quantity: 1, defect: 'Main board burnt' });
  await send('warrantyClaim', 'W2', { type: 'AssessRepair', at: at(18, '10:15'), actor: engineering, mainComponentDamaged: true });
  await send('warrantyClaim', 'W2', { type: 'SendFeeQuote', at: at(18, '10:45'), actor: cs, quote: { amountMinor: 38000, currency: 'CNY' } });
  await send('warrantyClaim', 'W2', { type: 'StartRepair', at: at(18, '11:00'), actor: engineering });

  // Contract review R1: production cannot meet the delivery date; the requirement changes; production can; approved.
  await send('contractReview', 'R1', {
    type: 'SubmitOrder',
    at: at(18, '09:00'),
    actor: sales,
    customer: customer('cust-15', 'Xiamen Projects'),
    form: 'written',
    description: '2,000 drivers in custom potting',
    complexProcess: true,
    specialMaterials: true,
    requiredDepartments: ['production', 'warehouse'],
  });
  for (const [i, category] of ['stated', 'implied', 'statutory', 'product-specific', 'reliability', 'transport', 'support', 'safety'].entries()) {
    await send('contractReview', 'R1', {
      type: 'DetermineRequirement',
      at: at(18, `09:${String(10 + i).padStart(2, '0')}`),
      actor: sales,
      category,
      decision: category === 'stated' ? { kind: 'defined', text: 'Delivery 1 December' } : { kind: 'none' },
    });
  }
  await send('contractReview', 'R1', {
    type: 'RecordDepartmentOpinion',
    at: at(18, '10:00'),
    actor: production,
    canMeet: false,
    note: 'Curing ovens booked until mid-December',
  });
  await send('contractReview', 'R1', { type: 'RecordDepartmentOpinion', at: at(18, '10:10'), actor: warehouse, canMeet: true, note: 'Compound in stock' });
  await send('contractReview', 'R1', { type: 'ApproveContract', at: at(18, '10:30'), actor: salesManager });
  await send('contractReview', 'R1', {
    type: 'DetermineRequirement',
    at: at(18, '11:00'),
    actor: sales,
    category: 'stated',
    decision: { kind: 'defined', text: 'Delivery 20 December' },
  });
  await send('contractReview', 'R1', {
    type: 'RecordDepartmentOpinion',
    at: at(18, '11:30'),
    actor: production,
    canMeet: true,
    note: 'Fits after the oven slot',
  });
  await send('contractReview', 'R1', { type: 'RecordDepartmentOpinion', at: at(18, '11:40'), actor: warehouse, canMeet: true, note: 'Compound in stock' });
  await send('contractReview', 'R1', { type: 'ConfirmCapability', at: at(18, '12:00'), actor: sales, note: 'All departments can meet it' });
  await send('contractReview', 'R1', { type: 'ApproveContract', at: at(18, '12:10'), actor: salesManager });

  // Survey S1: a "dissatisfied" item opens a complaint (S-3).
  await send('survey', 'S1', {
    type: 'SendSurvey',
    at: '2026-11-02T09:00:00+08:00',
    actor: sales,
    customer: customer('cust-16', 'Jinan Hotels'),
    period: '2026-H2',
    items: ['product quality', 'delivery'],
  });
  const returned = await handlers.survey({
    type: 'RecordSurveyReturn',
    caseId: 'S1',
    at: at(18, '16:00'),
    actor: sales,
    ratings: [
      { item: 'product quality', level: 'fairly-satisfied' },
      { item: 'delivery', level: 'dissatisfied' },
    ],
    overall: 'basically-satisfied',
  })();
  const reactor = Actor.decode(cs);
  const surveyId = 'S1';
  if (E.isRight(returned) && E.isRight(reactor) && CaseId.is(surveyId)) {
    for (const appended of returned.right.appended) {
      for (const command of reactToSurvey({ actor: reactor.right })(surveyId, returned.right.state, appended.event)) {
        const opened = await handlers.complaint(command)();
        if (E.isRight(opened)) say(`  → survey S1 had a "dissatisfied" item: complaint ${command.caseId} opened (S-3)`);
      }
    }
  }

  // Inquiry Q1: a phone call asking for last year's price; sales may not decide it (I-5).
  await send('inquiry', 'Q1', {
    type: 'ReceiveInquiry',
    at: at(18, '09:20'),
    actor: cs,
    customer: customer('cust-17', 'Changzhou Builders'),
    channel: 'phone',
    subject: "500 drivers by 1 December at last year's price?",
  });
  await send('inquiry', 'Q1', { type: 'EscalateToManager', at: at(18, '09:40'), actor: cs, manager: salesManager, question: "May we hold last year's price?" });
  await send('inquiry', 'Q1', { type: 'ReplyToInquiry', at: at(18, '10:00'), actor: cs, form: 'oral', reply: 'Yes, same price' });
  await send('inquiry', 'Q1', { type: 'RecordManagerDecision', at: at(18, '11:00'), actor: salesManager, decision: "Last year's price holds for this order" });
  await send('inquiry', 'Q1', {
    type: 'ReplyToInquiry',
    at: at(18, '11:30'),
    actor: cs,
    form: 'oral',
    reply: 'Delivery by 1 December at last year’s price, confirmed by the sales manager',
  });

  // Read models, as of the end of the day.
  const now = instantFromEpochMs(Date.parse(at(18, '18:00')));
  const project = async <Row>(projection: Projection<Row>): Promise<ReadonlyArray<Row>> => {
    const rms = inMemoryReadModelStore<Row>();
    await runProjection({ source: store, store: rms, projection })();
    const loaded = await rms.load(projection.name)();
    if (E.isLeft(loaded) || loaded.right === undefined) throw new Error('read model not stored');
    return [...loaded.right.rows.values()];
  };
  const files = await project(caseFiles(context));
  say('');
  say('Complaint board (open complaints):');
  for (const r of complaintBoard(files, now)) {
    say(`  ${r.caseId.padEnd(20)} ${r.status.padEnd(28)} ${r.severity.padEnd(6)} ${r.deadlines.map((d) => `${d.ruleId} ${d.name}: ${d.status}`).join(', ')}`);
  }
  say('');
  say('Open inquiries (the one due first on top):');
  for (const r of openInquiries(files, now)) {
    say(
      `  ${r.caseId.padEnd(20)} ${r.status.padEnd(8)} ${r.channel.padEnd(6)} next due ${local(r.nextDueBy)}: ${r.deadlines.map((d) => `${d.ruleId} ${d.name}: ${d.status}`).join(', ')}`,
    );
  }
  say('');
  say('Overdue or due within a day:');
  for (const r of overdueList(files, now)) say(`  ${r.status.padEnd(8)} ${r.category}/${r.caseId} ${r.ruleId} ${r.deadline}, due ${local(r.dueBy)}`);
  say('');
  say('CAPA tracker:');
  for (const r of capaTracker(files, now)) say(`  ${r.caseId}: ${r.plans.length} plan(s), ${r.replans} re-plan(s), now ${r.currentStep}`);
  say('');
  say('Contract review queue:');
  const queue = contractReviewQueue(files);
  if (queue.length === 0) say('  nothing waiting');
  for (const r of queue) say(`  ${r.caseId} (${r.status}): ${r.waitingFor.join('; ')}`);
  const warranty = await project(warrantyStatistics);
  say('');
  say('Warranty by category:');
  for (const r of warrantyByCategory(warranty))
    say(`  ${r.category}: ${r.claims} claim(s), return rate ${(r.returnRate * 100).toFixed(0)}%, special cases ${r.specialCases}`);
  say('Special cases for management review (W-3):');
  for (const s of specialCaseLog(warranty)) say(`  ${s.caseId} approved by ${s.approvedBy} (${s.approverRole}) at ${s.at}: ${s.justification}`);
  const surveys = satisfactionByPeriod(await project(satisfaction));
  say('');
  say('Satisfaction:');
  for (const p of surveys)
    say(
      `  ${p.period}: ${p.returned}/${p.sent} returned, satisfaction ${p.satisfactionRate === undefined ? '-' : `${(p.satisfactionRate * 100).toFixed(0)}%`}`,
    );

  // The audit timeline of the internal complaint, and its HTML report.
  const history = await readCase(store, 'complaint-I1');
  if (E.isLeft(history)) throw new Error(history.left.message);
  const audit = auditCase(history.right, context, now);
  say('');
  say('Audit timeline of complaint I1:');
  for (const e of audit.timeline) {
    const late = e.deadlines
      .filter((d) => d.status === 'missed' && d.doneAt === e.at)
      .map((d) => ` LATE ${d.ruleId}`)
      .join('');
    say(`  ${e.revision.padStart(2)} ${e.at} ${e.actor.id.padEnd(14)} [${e.ruleIds.join(',')}] ${e.summary}${late}`);
  }
  const reportPath = join(reportDir, 'complaint-I1-audit.html');
  writeFileSync(reportPath, caseAuditHtml(audit));
  say('');
  say(`HTML audit report written to ${reportPath}`);

  // The whole day as a JSON Lines export, for the auditor's command line.
  const exportPath = join(reportDir, 'quickstart-day.jsonl');
  const exported: string[] = [];
  const written = await exportStore(store, async (line) => {
    exported.push(line);
  })();
  if (E.isLeft(written)) throw new Error(written.left.message);
  writeFileSync(exportPath, `${exported.join('\n')}\n`);
  const auditCommand = `npx -y pnpm@10 exec caseledger audit-all --file ${exportPath} --as-of ${now}`;
  say(`${written.right} events exported to ${exportPath}; audit them all, from the repository's root, with:`);
  say(`  ${auditCommand}`);
  return { lines, reportPath, exportPath, auditCommand };
};
