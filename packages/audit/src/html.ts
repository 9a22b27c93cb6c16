/**
 * Self-contained HTML reports (no network, no external assets): one case's timeline with its
 * deadlines, rule ids, special cases and violations highlighted, and a bulk audit summary with
 * inline SVG charts.
 */
import type { CaseAudit, TimelineEntry } from './audit.js';
import type { BulkAuditSummary, CaseWithFindings, MissedInMonth } from './cases.js';
import { type Provenance, hashCovers } from './provenance.js';
import { type ReportOptions, policyValueText, readableWith, rulesCited } from './readable.js';
import { ruleText, rulebookRuleIds } from '@caseledger/core';

const escape = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

const STYLE = `
  body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d2330; }
  h1 { font-size: 1.4rem; margin-bottom: .2rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
  .meta { color: #5b6475; }
  table { border-collapse: collapse; width: 100%; margin-top: .4rem; }
  th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #e3e6ec; vertical-align: top; }
  th { background: #f4f6f9; font-weight: 600; }
  .rule { font-family: ui-monospace, monospace; font-size: .85em; background: #eef1f6; border-radius: 3px; padding: 0 .25rem; margin-right: .2rem; white-space: nowrap; }
  tr.special { background: #fff6d6; } tr.violation { background: #fde4e4; } tr.late td.when { color: #b3261e; font-weight: 600; }
  .badge { display: inline-block; border-radius: 3px; padding: 0 .35rem; font-size: .8em; font-weight: 600; }
  .badge.late, .badge.missed, .badge.violation { background: #b3261e; color: #fff; }
  .badge.special { background: #c98a00; color: #fff; } .badge.met { background: #1e7b34; color: #fff; } .badge.pending { background: #5b6475; color: #fff; }
  .ok { color: #1e7b34; font-weight: 600; } .bad { color: #b3261e; font-weight: 600; }
  .late-by { color: #b3261e; font-size: .9em; }
  .case-list { display: none; } .case-list:target { display: block; } .case-lists:not(:has(:target)) #by-findings { display: block; }
  nav.orders a { margin: 0 .3rem; }
  @page { size: A4; margin: 15mm; }
  @media print { body { margin: 0; font-size: 10pt; } tr { break-inside: avoid; } h2 { break-after: avoid; } th { background: none; } nav.orders { display: none; } .case-list { display: none !important; } #by-findings { display: block !important; } }
`;

const page = (title: string, body: string): string =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${escape(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>\n`;

/** Where the report came from, as its last section. */
const provenanceHtml = (p: Provenance | undefined, when: (instant: string) => string): string =>
  p === undefined
    ? ''
    : `<h2>Provenance</h2><table id="provenance"><tbody>` +
      `<tr><th>Source</th><td>${escape(p.source)}</td></tr>` +
      `<tr><th>Tool</th><td>${escape(p.tool)}</td></tr>` +
      `<tr><th>Generated at</th><td>${escape(when(p.generatedAt))}</td></tr>` +
      `<tr><th>Events read</th><td>${p.events}</td></tr>` +
      `<tr><th>SHA-256</th><td><code>${escape(p.sha256)}</code> <span class="meta">(of ${escape(hashCovers(p))})</span></td></tr>` +
      `</tbody></table>`;

/** A rule id, with its title and text on hover (and in the "Rules cited" section, for print). */
const ruleChip = (id: string): string => {
  const text = ruleText(id);
  return `<span class="rule"${text === undefined ? '' : ` title="${escape(`${text.title}: ${text.text}`)}"`}>${escape(id)}</span>`;
};

/** A rule's title under its id, where a table names one rule per row. */
const ruleTitle = (id: string): string => {
  const text = ruleText(id);
  return text === undefined ? '' : `<br><span class="meta">${escape(text.title)}</span>`;
};

/** Every rule the report names, with what it asks. */
const rulesCitedHtml = (ids: Iterable<string>): string => {
  const rules = rulesCited(ids);
  return rules.length === 0
    ? ''
    : `<h2>Rules cited</h2><table id="rules"><tbody>${rules.map((r) => `<tr><td><span class="rule">${escape(r.id)}</span></td><td>${r.text === undefined ? '<span class="meta">a rule of the company’s own</span>' : `<strong>${escape(r.text.title)}</strong><br>${escape(r.text.text)}`}</td></tr>`).join('')}</tbody></table>`;
};

/** A step is late when it is the step that met a deadline after its due instant. */
const lateDeadlines = (e: TimelineEntry) => e.deadlines.filter((d) => d.status === 'missed' && d.doneAt === e.at);

export const caseAuditHtml = ({ timeline, report }: CaseAudit, options: ReportOptions = {}): string => {
  const { when, zoneNote, lateBy } = readableWith(options, report.asOf);
  const rows = timeline
    .map((e) => {
      const late = lateDeadlines(e);
      const classes = [e.specialCase ? 'special' : '', e.violations.length > 0 ? 'violation' : '', late.length > 0 ? 'late' : ''].filter((c) => c !== '').join(' ');
      const badges = [
        ...late.map((d) => {
          const by = lateBy(d);
          return `<span class="badge late" title="due ${escape(d.dueBy === undefined ? '' : when(d.dueBy))}${escape(by === undefined ? '' : `, ${by}`)}">LATE ${escape(d.ruleId)}</span>`;
        }),
        ...(e.specialCase ? ['<span class="badge special">SPECIAL CASE</span>'] : []),
        ...e.violations.map((v) => `<span class="badge violation" title="${escape(v.message)}">${escape(v.ruleId)} ${escape(v.code)}</span>`),
      ].join(' ');
      return `<tr class="${classes}" data-revision="${escape(e.revision)}"><td>${escape(e.revision)}</td><td class="when">${escape(when(e.at))}</td><td>${escape(e.actor.id)}<br><span class="meta">${escape(e.actor.department)}, ${escape(e.actor.role)}</span></td><td><strong>${escape(e.eventType)}</strong><br>${escape(e.summary)} ${badges}</td><td>${e.ruleIds.map(ruleChip).join('')}${e.policyVersion === undefined ? '' : `<br><span class="meta">policy ${escape(e.policyVersion)}</span>`}</td><td>${escape(e.status)}</td></tr>`;
    })
    .join('\n');
  const deadlines = report.deadlines
    .filter((d) => d.status !== 'not-applicable')
    .map((d) => ({ d, by: lateBy(d) }))
    .map(({ d, by }) => `<tr class="deadline ${escape(d.status)}"><td>${ruleChip(d.ruleId)} ${escape(d.name)}${ruleTitle(d.ruleId)}</td><td><span class="badge ${escape(d.status)}">${escape(d.status.toUpperCase())}</span>${by === undefined ? '' : ` <span class="late-by">${escape(by)}</span>`}</td><td>${escape(d.dueBy === undefined ? '' : when(d.dueBy))}</td><td>${escape(d.doneAt === undefined ? '—' : when(d.doneAt))}</td><td>${escape(policyValueText(d) ?? '')}</td></tr>`)
    .join('\n');
  const specials = report.specialCases
    .map((s) => `<tr class="special"><td>${escape(s.revision)}</td><td>${escape(when(s.at))}</td><td>${escape(s.approvedBy.id)} (${escape(s.approvedBy.role)})</td><td>${escape(s.justification)}</td></tr>`)
    .join('\n');
  const violations = report.violations.map((v) => `<tr class="violation"><td>${v.revision}</td><td>${ruleChip(v.ruleId)} ${escape(v.code)}${ruleTitle(v.ruleId)}</td><td>${escape(v.message)}</td></tr>`).join('\n');
  const cited = [...timeline.flatMap((e) => e.ruleIds), ...report.deadlines.filter((d) => d.status !== 'not-applicable').map((d) => d.ruleId), ...report.violations.map((v) => v.ruleId)];
  const verdict = report.findings === 0 ? '<p class="ok" id="verdict">No findings.</p>' : `<p class="bad" id="verdict">${report.findings} finding(s).</p>`;
  return page(
    `Audit of ${report.streamName}`,
    `<h1>Audit of ${escape(report.streamName)}</h1><p class="meta">${escape(report.category)} · ${report.events} events · status ${escape(report.status)} · as of ${escape(when(report.asOf))}${zoneNote === undefined ? '' : ` · <span id="zone">${escape(zoneNote)}</span>`}</p>${verdict}
<h2>Timeline</h2><table id="timeline"><thead><tr><th>Rev</th><th>When</th><th>Who</th><th>What</th><th>Rules</th><th>Status after</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Deadlines</h2>${deadlines === '' ? '<p>None applies.</p>' : `<table id="deadlines"><thead><tr><th>Deadline</th><th>Status</th><th>Due by</th><th>Done at</th><th>Policy and value</th></tr></thead><tbody>${deadlines}</tbody></table>`}
<h2>Special cases (W-3)</h2>${specials === '' ? '<p>None.</p>' : `<table id="special-cases"><thead><tr><th>Rev</th><th>When</th><th>Approved by</th><th>Justification</th></tr></thead><tbody>${specials}</tbody></table>`}
<h2>Rule violations in the history</h2>${violations === '' ? '<p>None.</p>' : `<table id="violations"><thead><tr><th>Rev</th><th>Rule</th><th>What</th></tr></thead><tbody>${violations}</tbody></table>`}
${report.policyProblem === undefined ? '' : `<p class="bad">Policy problem: ${escape(report.policyProblem)}</p>`}
${rulesCitedHtml(cited)}
${provenanceHtml(options.provenance, when)}`,
  );
};

const barChart = (bars: ReadonlyArray<{ readonly label: string; readonly value: number; readonly text: string }>, label = 'missed deadlines per rule'): string => {
  const height = 24 * bars.length + 10;
  const items = bars
    .map(
      (b, i) =>
        `<text x="0" y="${i * 24 + 20}" font-size="12">${escape(b.label)}</text><rect x="220" y="${i * 24 + 7}" width="${Math.round(Math.max(0, Math.min(1, b.value)) * 300)}" height="16" fill="#b3261e"></rect><text x="${530}" y="${i * 24 + 20}" font-size="12">${escape(b.text)}</text>`,
    )
    .join('');
  return `<svg role="img" aria-label="${escape(label)}" width="640" height="${height}" xmlns="http://www.w3.org/2000/svg">${items}</svg>`;
};

/** How many rows of each ordering of the case list the page shows; `--json` has them all. */
export const CASE_LIST_SHOWN = 500;

const ruleOrder = (id: string): number => {
  const i = rulebookRuleIds.findIndex((r) => r === id);
  return i < 0 ? rulebookRuleIds.length : i;
};
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The cases with findings three ways — by findings, by rule, by department — each a section a link shows (no script). */
const caseListsHtml = (cases: ReadonlyArray<CaseWithFindings>): string => {
  if (cases.length === 0) return '';
  const row = (c: CaseWithFindings, rules: ReadonlyArray<string>) =>
    `<tr><td>${escape(c.streamName)}</td><td>${escape(c.category)}</td><td>${c.findings}</td><td>${rules.map(ruleChip).join('')}</td><td>${escape(c.department ?? '—')}</td></tr>`;
  const head = (first: string) => `<thead><tr><th>Case</th><th>Type</th><th>Findings</th><th>${first}</th><th>Department</th></tr></thead>`;
  const more = (n: number) => (n > CASE_LIST_SHOWN ? `<p class="meta">… and ${n - CASE_LIST_SHOWN} more (all of them in the JSON output).</p>` : '');
  const byFindings = [...cases].sort((a, b) => b.findings - a.findings || byText(a.streamName, b.streamName));
  const perRule = cases
    .flatMap((c) => c.rules.map((rule) => ({ rule, c })))
    .sort((a, b) => ruleOrder(a.rule) - ruleOrder(b.rule) || byText(a.rule, b.rule) || b.c.findings - a.c.findings || byText(a.c.streamName, b.c.streamName));
  const byDepartment = [...cases].sort((a, b) => byText(a.department ?? '\uffff', b.department ?? '\uffff') || b.findings - a.findings || byText(a.streamName, b.streamName));
  return `<h2>Cases with findings</h2><nav class="orders">Sorted <a href="#by-findings">by findings</a> · <a href="#by-rule">by rule</a> · <a href="#by-department">by department</a></nav>
<div class="case-lists">
<section id="by-findings" class="case-list"><table>${head('Rules')}<tbody>${byFindings.slice(0, CASE_LIST_SHOWN).map((c) => row(c, c.rules)).join('')}</tbody></table>${more(byFindings.length)}</section>
<section id="by-rule" class="case-list"><table>${head('Rule')}<tbody>${perRule.slice(0, CASE_LIST_SHOWN).map(({ rule, c }) => row(c, [rule])).join('')}</tbody></table>${more(perRule.length)}</section>
<section id="by-department" class="case-list"><table>${head('Rules')}<tbody>${byDepartment.slice(0, CASE_LIST_SHOWN).map((c) => row(c, c.rules)).join('')}</tbody></table>${more(byDepartment.length)}</section>
</div>`;
};

/** Missed deadlines per month of their due instant: a bar per month, and the rules in a table. */
const monthsHtml = (months: ReadonlyArray<MissedInMonth>): string => {
  if (months.length === 0) return '';
  const most = Math.max(...months.map((m) => m.missed));
  const rules = [...new Set(months.flatMap((m) => Object.keys(m.byRule)))].sort((a, b) => ruleOrder(a) - ruleOrder(b) || byText(a, b));
  const chart = barChart(
    months.map((m) => ({ label: m.month, value: most === 0 ? 0 : m.missed / most, text: `${m.missed} missed` })),
    'missed deadlines per month',
  );
  const table = `<table id="missed-by-month"><thead><tr><th>Month</th>${rules.map((r) => `<th>${ruleChip(r)}</th>`).join('')}<th>All</th></tr></thead><tbody>${months
    .map((m) => `<tr><td>${escape(m.month)}</td>${rules.map((r) => `<td>${Object.hasOwn(m.byRule, r) ? (m.byRule[r] ?? 0) : ''}</td>`).join('')}<td>${m.missed}</td></tr>`)
    .join('')}</tbody></table>`;
  return `<h2>Missed deadlines per month</h2><p class="meta">By the month their due instant fell in.</p>${chart}${table}`;
};

export const bulkAuditHtml = (s: BulkAuditSummary, options: ReportOptions = {}): string => {
  const { when, zoneNote } = readableWith(options, s.asOf);
  const total = Object.values(s.cases).reduce((a, b) => a + b, 0);
  const cases = Object.entries(s.cases).map(([k, n]) => `<tr><td>${escape(k)}</td><td>${n}</td></tr>`).join('');
  const violations = Object.entries(s.violations).map(([k, n]) => `<tr class="violation"><td>${escape(k)}</td><td>${n}</td></tr>`).join('');
  const chart = barChart(s.deadlines.map((d) => ({ label: `${d.ruleId} ${d.deadline}`, value: d.missedRate, text: `${d.missed} of ${d.applicable} missed` })));
  const cited = [...s.deadlines.map((d) => d.ruleId), ...Object.keys(s.violations).map((k) => k.split(' ')[0] ?? k), ...s.casesWithFindings.flatMap((c) => c.rules)];
  return page(
    'Bulk audit',
    `<h1>Bulk audit</h1><p class="meta">${total} cases · ${s.events} events · as of ${escape(when(s.asOf))}${zoneNote === undefined ? '' : ` · <span id="zone">${escape(zoneNote)}</span>`}</p>${s.findings === 0 ? '<p class="ok" id="verdict">No findings.</p>' : `<p class="bad" id="verdict">${s.findings} finding(s) in ${s.casesWithFindings.length} case(s).</p>`}
<h2>Cases per type</h2><table id="cases"><tbody>${cases}</tbody></table>
<h2>Missed deadlines per rule</h2>${s.deadlines.length === 0 ? '<p>None applies.</p>' : chart}
${monthsHtml(s.missedByMonth)}
<h2>Special cases (W-3)</h2><p id="special-cases">${s.specialCases}</p>
<h2>Rule violations in histories</h2>${violations === '' ? '<p>None.</p>' : `<table id="violations"><tbody>${violations}</tbody></table>`}
${caseListsHtml(s.casesWithFindings)}
${s.problems.length === 0 ? '' : `<h2>Input problems</h2><ul>${s.problems.slice(0, 100).map((p) => `<li>${escape(p)}</li>`).join('')}</ul>`}
${rulesCitedHtml(cited)}
${provenanceHtml(options.provenance, when)}`,
  );
};
