/**
 * Self-contained HTML reports (no network, no external assets): one case's timeline with its
 * deadlines, rule ids, special cases and violations highlighted, and a bulk audit summary with
 * inline SVG charts.
 */
import type { CaseAudit, TimelineEntry } from './audit.js';
import type { BulkAuditSummary } from './cases.js';
import { type Provenance, hashCovers } from './provenance.js';
import { type ReportOptions, readableWith } from './readable.js';

const escape = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

const STYLE = `
  body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d2330; }
  h1 { font-size: 1.4rem; margin-bottom: .2rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
  .meta { color: #5b6475; }
  table { border-collapse: collapse; width: 100%; margin-top: .4rem; }
  th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #e3e6ec; vertical-align: top; }
  th { background: #f4f6f9; font-weight: 600; }
  .rule { font-family: ui-monospace, monospace; font-size: .85em; background: #eef1f6; border-radius: 3px; padding: 0 .25rem; margin-right: .2rem; }
  tr.special { background: #fff6d6; } tr.violation { background: #fde4e4; } tr.late td.when { color: #b3261e; font-weight: 600; }
  .badge { display: inline-block; border-radius: 3px; padding: 0 .35rem; font-size: .8em; font-weight: 600; }
  .badge.late, .badge.missed, .badge.violation { background: #b3261e; color: #fff; }
  .badge.special { background: #c98a00; color: #fff; } .badge.met { background: #1e7b34; color: #fff; } .badge.pending { background: #5b6475; color: #fff; }
  .ok { color: #1e7b34; font-weight: 600; } .bad { color: #b3261e; font-weight: 600; }
  .late-by { color: #b3261e; font-size: .9em; }
  @page { size: A4; margin: 15mm; }
  @media print { body { margin: 0; font-size: 10pt; } tr { break-inside: avoid; } h2 { break-after: avoid; } th { background: none; } }
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
      return `<tr class="${classes}" data-revision="${escape(e.revision)}"><td>${escape(e.revision)}</td><td class="when">${escape(when(e.at))}</td><td>${escape(e.actor.id)}<br><span class="meta">${escape(e.actor.department)}, ${escape(e.actor.role)}</span></td><td><strong>${escape(e.eventType)}</strong><br>${escape(e.summary)} ${badges}</td><td>${e.ruleIds.map((r) => `<span class="rule">${escape(r)}</span>`).join('')}${e.policyVersion === undefined ? '' : `<br><span class="meta">policy ${escape(e.policyVersion)}</span>`}</td><td>${escape(e.status)}</td></tr>`;
    })
    .join('\n');
  const deadlines = report.deadlines
    .filter((d) => d.status !== 'not-applicable')
    .map((d) => ({ d, by: lateBy(d) }))
    .map(({ d, by }) => `<tr class="deadline ${escape(d.status)}"><td><span class="rule">${escape(d.ruleId)}</span> ${escape(d.name)}</td><td><span class="badge ${escape(d.status)}">${escape(d.status.toUpperCase())}</span>${by === undefined ? '' : ` <span class="late-by">${escape(by)}</span>`}</td><td>${escape(d.dueBy === undefined ? '' : when(d.dueBy))}</td><td>${escape(d.doneAt === undefined ? '—' : when(d.doneAt))}</td><td>${escape(d.policyVersion ?? '')}</td></tr>`)
    .join('\n');
  const specials = report.specialCases
    .map((s) => `<tr class="special"><td>${escape(s.revision)}</td><td>${escape(when(s.at))}</td><td>${escape(s.approvedBy.id)} (${escape(s.approvedBy.role)})</td><td>${escape(s.justification)}</td></tr>`)
    .join('\n');
  const violations = report.violations.map((v) => `<tr class="violation"><td>${v.revision}</td><td><span class="rule">${escape(v.ruleId)}</span> ${escape(v.code)}</td><td>${escape(v.message)}</td></tr>`).join('\n');
  const verdict = report.findings === 0 ? '<p class="ok" id="verdict">No findings.</p>' : `<p class="bad" id="verdict">${report.findings} finding(s).</p>`;
  return page(
    `Audit of ${report.streamName}`,
    `<h1>Audit of ${escape(report.streamName)}</h1><p class="meta">${escape(report.category)} · ${report.events} events · status ${escape(report.status)} · as of ${escape(when(report.asOf))}${zoneNote === undefined ? '' : ` · <span id="zone">${escape(zoneNote)}</span>`}</p>${verdict}
<h2>Timeline</h2><table id="timeline"><thead><tr><th>Rev</th><th>When</th><th>Who</th><th>What</th><th>Rules</th><th>Status after</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Deadlines</h2>${deadlines === '' ? '<p>None applies.</p>' : `<table id="deadlines"><thead><tr><th>Deadline</th><th>Status</th><th>Due by</th><th>Done at</th><th>Policy</th></tr></thead><tbody>${deadlines}</tbody></table>`}
<h2>Special cases (W-3)</h2>${specials === '' ? '<p>None.</p>' : `<table id="special-cases"><thead><tr><th>Rev</th><th>When</th><th>Approved by</th><th>Justification</th></tr></thead><tbody>${specials}</tbody></table>`}
<h2>Rule violations in the history</h2>${violations === '' ? '<p>None.</p>' : `<table id="violations"><thead><tr><th>Rev</th><th>Rule</th><th>What</th></tr></thead><tbody>${violations}</tbody></table>`}
${report.policyProblem === undefined ? '' : `<p class="bad">Policy problem: ${escape(report.policyProblem)}</p>`}
${provenanceHtml(options.provenance, when)}`,
  );
};

const barChart = (bars: ReadonlyArray<{ readonly label: string; readonly value: number; readonly text: string }>): string => {
  const height = 24 * bars.length + 10;
  const items = bars
    .map(
      (b, i) =>
        `<text x="0" y="${i * 24 + 20}" font-size="12">${escape(b.label)}</text><rect x="220" y="${i * 24 + 7}" width="${Math.round(Math.max(0, Math.min(1, b.value)) * 300)}" height="16" fill="#b3261e"></rect><text x="${530}" y="${i * 24 + 20}" font-size="12">${escape(b.text)}</text>`,
    )
    .join('');
  return `<svg role="img" aria-label="missed deadlines per rule" width="640" height="${height}" xmlns="http://www.w3.org/2000/svg">${items}</svg>`;
};

export const bulkAuditHtml = (s: BulkAuditSummary, options: ReportOptions = {}): string => {
  const { when, zoneNote } = readableWith(options, s.asOf);
  const total = Object.values(s.cases).reduce((a, b) => a + b, 0);
  const cases = Object.entries(s.cases).map(([k, n]) => `<tr><td>${escape(k)}</td><td>${n}</td></tr>`).join('');
  const violations = Object.entries(s.violations).map(([k, n]) => `<tr class="violation"><td>${escape(k)}</td><td>${n}</td></tr>`).join('');
  const chart = barChart(s.deadlines.map((d) => ({ label: `${d.ruleId} ${d.deadline}`, value: d.missedRate, text: `${d.missed} of ${d.applicable} missed` })));
  return page(
    'Bulk audit',
    `<h1>Bulk audit</h1><p class="meta">${total} cases · ${s.events} events · as of ${escape(when(s.asOf))}${zoneNote === undefined ? '' : ` · <span id="zone">${escape(zoneNote)}</span>`}</p>${s.findings === 0 ? '<p class="ok" id="verdict">No findings.</p>' : `<p class="bad" id="verdict">${s.findings} finding(s) in ${s.casesWithFindings.length} case(s).</p>`}
<h2>Cases per type</h2><table id="cases"><tbody>${cases}</tbody></table>
<h2>Missed deadlines per rule</h2>${s.deadlines.length === 0 ? '<p>None applies.</p>' : chart}
<h2>Special cases (W-3)</h2><p id="special-cases">${s.specialCases}</p>
<h2>Rule violations in histories</h2>${violations === '' ? '<p>None.</p>' : `<table id="violations"><tbody>${violations}</tbody></table>`}
${s.problems.length === 0 ? '' : `<h2>Input problems</h2><ul>${s.problems.slice(0, 100).map((p) => `<li>${escape(p)}</li>`).join('')}</ul>`}
${provenanceHtml(options.provenance, when)}`,
  );
};
