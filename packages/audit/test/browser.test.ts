/**
 * The HTML report in a real headless Chromium (Debian's `chromium`, driven by playwright-core):
 * what a person sees. Keeps a screenshot in .test-results/ as an artifact.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type NewEvent,
  commandHandler,
  complaintCaseType,
  defaultCalendar,
  defaultPolicies,
  inMemoryEventStore,
  instantFromEpochMs,
  warrantyClaimCaseType,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ReportOptions, auditCase, bulkAudit, bulkAuditHtml, caseAuditHtml, casesFromStore, readCase } from '../src/index.js';

const CHROMIUM = process.env['CASELEDGER_CHROMIUM'] ?? '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../../../.test-results/', import.meta.url));
const at = (day: number, hhmm: string) => `2026-11-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;
const context = { policies: defaultPolicies, calendar: defaultCalendar };

/** A return accepted as a special case by the general manager. */
const specialCaseHtml = async (): Promise<string> => {
  const store = inMemoryEventStore();
  const handle = commandHandler(warrantyClaimCaseType, store, { rulebook: context });
  const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
  const unit = { sku: 'S', model: 'Driver 40W', serialNumber: 'SN1', category: 'drivers', shippedOn: '2026-05-01', purchasedOn: '2026-05-01' };
  const steps: ReadonlyArray<Record<string, unknown>> = [
    { type: 'FileClaim', at: at(16, '09:00'), actor: cs, customer: { id: 'c', name: 'A' }, kind: 'return', reason: 'Late return', unit },
    {
      type: 'ApproveSpecialCase',
      at: at(16, '10:00'),
      actor: { id: 'gm-huang', department: 'management', role: 'general-manager' },
      justification: 'Key account; goodwill',
    },
    { type: 'AcceptReturn', at: at(16, '11:00'), actor: cs },
  ];
  for (const step of steps) {
    const r = await handle({ ...step, caseId: 'W1' })();
    if (E.isLeft(r)) throw new Error(r.left.message);
  }
  const history = await readCase(store, 'warrantyClaim-W1');
  if (E.isLeft(history)) throw new Error(history.left.message);
  return caseAuditHtml(auditCase(history.right, context, instantFromEpochMs(Date.parse(at(16, '12:00')))));
};

/** A complaint with a late quality reply, then a special case forged into it by hand. */
const reportHtml = async (options: ReportOptions = {}): Promise<string> => {
  const store = inMemoryEventStore();
  const handle = commandHandler(complaintCaseType, store);
  const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
  const steps: ReadonlyArray<readonly [string, number, string, object, object]> = [
    ['ReceiveComplaint', 16, '09:00', cs, { customer: { id: 'c', name: 'A' }, channel: 'phone', description: 'x', severity: 'minor' }],
    ['AcknowledgeComplaint', 16, '09:10', cs, { explanation: 'x' }],
    ['ClassifyComplaint', 16, '10:00', cs, { responsibility: 'internal' }],
    ['ForwardToQuality', 16, '10:30', cs, {}],
    ['RecordQualityReply', 18, '10:00', { id: 'qa-chen', department: 'quality', role: 'staff' }, { reply: 'Late' }],
  ];
  for (const [type, day, hhmm, actor, fields] of steps) {
    const r = await handle({ type, caseId: 'C1', at: at(day, hhmm), actor, ...fields })();
    if (E.isLeft(r)) throw new Error(r.left.message);
  }
  // A reply recorded by sales, as another system might have written it: a violation to show.
  const forged: NewEvent = {
    eventId: 'forged',
    type: 'QualityReplied',
    data: { type: 'QualityReplied', at: at(18, '11:00'), by: { id: 'sales-wang', department: 'sales', role: 'staff' }, reply: 'x' },
    metadata: {
      eventId: 'forged',
      schemaVersion: 1,
      actor: { id: 'sales-wang', department: 'sales', role: 'staff' },
      correlationId: 'x',
      causationId: 'x',
      at: at(18, '11:00'),
    },
  };
  await store.appendToStream('complaint-C1', [forged], 4n)();
  const history = await readCase(store, 'complaint-C1');
  if (E.isLeft(history)) throw new Error(history.left.message);
  return caseAuditHtml(auditCase(history.right, context, instantFromEpochMs(Date.parse(at(18, '12:00')))), options);
};

/** A bulk report of two complaints, each never acknowledged (C-2 missed), received by two departments. */
const bulkHtml = async (): Promise<string> => {
  const store = inMemoryEventStore();
  const handle = commandHandler(complaintCaseType, store);
  for (const [caseId, department] of [
    ['B1', 'customer-service'],
    ['B2', 'sales'],
  ] as const) {
    const r = await handle({
      type: 'ReceiveComplaint',
      caseId,
      at: at(16, '09:00'),
      actor: { id: 'x', department, role: 'staff' },
      customer: { id: 'c', name: 'A' },
      channel: 'phone',
      description: 'x',
      severity: 'minor',
    })();
    if (E.isLeft(r)) throw new Error(r.left.message);
  }
  const summary = await bulkAudit(casesFromStore(store), context, instantFromEpochMs(Date.parse(at(20, '12:00'))));
  return bulkAuditHtml(summary, { calendar: defaultCalendar });
};

const available = existsSync(CHROMIUM);
if (!available && process.env['CI'] === 'true') {
  describe('HTML report in Chromium', () => {
    it('needs Chromium in CI', () => {
      throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run should have installed Debian's chromium.`);
    });
  });
} else if (!available) {
  console.warn(`Browser test of the HTML report SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CASELEDGER_CHROMIUM).`);
  describe.skip('HTML report in Chromium (no Chromium on this machine)', () => {
    it('renders', () => undefined);
  });
} else {
  describe('HTML report in Chromium', () => {
    it('shows the late step as late, violations and special cases highlighted, and loads nothing from the network', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'caseledger-html-'));
      const file = join(dir, 'report.html');
      writeFileSync(file, await reportHtml());
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const requests: string[] = [];
        page.on('request', (r) => requests.push(r.url()));
        await page.goto(pathToFileURL(file).toString());
        // The late quality reply: its row is marked late and says so.
        const late = page.locator('tr.late');
        await expect(late.count()).resolves.toBe(1);
        await expect(late.locator('.badge.late').innerText()).resolves.toBe('LATE C-5');
        // The forged reply by sales is highlighted as a violation, in red.
        const violation = page.locator('tr.violation');
        await expect(violation.locator('.badge.violation').first().innerText()).resolves.toContain('C-5 QUALITY_ONLY');
        const background = await violation.first().evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor);
        expect(background).toBe('rgb(253, 228, 228)');
        // The deadline table says missed, in words a person reads.
        await expect(page.locator('#deadlines tr.missed').first().innerText()).resolves.toContain('MISSED');
        await expect(page.locator('#verdict').innerText()).resolves.toMatch(/finding/);
        expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
        mkdirSync(artifacts, { recursive: true });
        await page.screenshot({ path: join(artifacts, 'audit-report.png'), fullPage: true });

        // A special case is highlighted, with its approver and justification.
        const special = join(dir, 'special.html');
        writeFileSync(special, await specialCaseHtml());
        await page.goto(pathToFileURL(special).toString());
        const rows = page.locator('#timeline tr.special');
        await expect(rows.count()).resolves.toBe(2);
        await expect(rows.first().locator('.badge.special').innerText()).resolves.toBe('SPECIAL CASE');
        await expect(rows.first().evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(255, 246, 214)');
        await expect(page.locator('#special-cases').innerText()).resolves.toContain('gm-huang (general-manager)');
        await expect(page.locator('#verdict').innerText()).resolves.toBe('No findings.');
        await page.screenshot({ path: join(artifacts, 'audit-special-case.png'), fullPage: true });

        // The bulk report's case list: by findings at first; a link shows another ordering, no script.
        const bulk = join(dir, 'bulk.html');
        writeFileSync(bulk, await bulkHtml());
        await page.goto(pathToFileURL(bulk).toString());
        const shown = async (id: string) => page.locator(`#${id}`).isVisible();
        await expect(Promise.all(['by-findings', 'by-rule', 'by-department'].map(shown))).resolves.toEqual([true, false, false]);
        await page.locator('nav.orders a[href="#by-department"]').click();
        await expect(Promise.all(['by-findings', 'by-rule', 'by-department'].map(shown))).resolves.toEqual([false, false, true]);
        await expect(page.locator('#by-department tbody tr').first().innerText()).resolves.toContain('customer-service');
        await expect(page.locator('#missed-by-month').innerText()).resolves.toContain('2026-11');
        expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
        await page.screenshot({ path: join(artifacts, 'audit-bulk.png'), fullPage: true });

        // The same report in Chinese: lang set, and the Chinese drawn with a font that has its glyphs (not boxes).
        const zh = join(dir, 'report-zh.html');
        writeFileSync(zh, await reportHtml({ locale: 'zh-CN', calendar: defaultCalendar }));
        await page.goto(pathToFileURL(zh).toString());
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
        await expect(page.locator('h1').innerText()).resolves.toBe('complaint-C1 审核报告');
        await expect(page.locator('#deadlines tr.missed').first().innerText()).resolves.toContain('逾期');
        // The audit was made in English; the report says the timeline in its own language.
        await expect(page.locator('#timeline').innerText()).resolves.toContain('品质部已书面回复');
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('DOM.enable');
        await cdp.send('CSS.enable');
        const { root } = await cdp.send('DOM.getDocument');
        const drawnWith = async (selector: string) => {
          const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
          return (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts;
        };
        const cjk = /WenQuanYi|Noto Sans CJK|Noto Sans SC|Source Han|Droid Sans Fallback|AR PL|PingFang|YaHei/i;
        // "时间线" (the timeline's heading): its three characters drawn by a CJK font, none by another.
        await expect(page.locator('h2').first().innerText()).resolves.toBe('时间线');
        const fonts = await drawnWith('h2');
        expect(fonts.map((f) => [cjk.test(f.familyName), f.glyphCount])).toEqual([[true, 3]]);
        expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
        await page.screenshot({ path: join(artifacts, 'audit-report-zh-CN.png'), fullPage: true });
      } finally {
        await browser.close();
      }
    }, 60_000);
  });
}
