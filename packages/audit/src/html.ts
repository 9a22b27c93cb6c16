/**
 * Self-contained HTML reports (no network, no external assets): one case's timeline with its
 * deadlines, rule ids, special cases and violations highlighted, and a bulk audit summary with
 * inline SVG charts.
 */
import type { CaseAudit, TimelineEntry } from './audit.js';
import { type BulkAuditSummary, type CaseWithFindings, EVENT_ID_IN_TWO_STREAMS, type MissedInMonth } from './cases.js';
import type { Provenance } from './provenance.js';
import { problemText } from './problems.js';
import { type ReportOptions, byMostFindings, findingText, policyValueText, readableWith, rulesCited } from './readable.js';
import { type CaseTypeRegistry, type Locale, caseTypes, ruleIdsOf, ruleText } from '@caseledger/core';
import type { ReportLabels } from './labels.js';

const escape = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

const STYLE = `
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2rem; color: #1d2330; }
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

const page = (lang: string, title: string, body: string): string =>
  `<!doctype html>\n<html lang="${escape(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${escape(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>\n`;

/** Where the report came from, as its last section. */
const provenanceHtml = (p: Provenance | undefined, when: (instant: string) => string, L: ReportLabels): string =>
  p === undefined
    ? ''
    : `<h2>${escape(L.provenance.title)}</h2><table id="provenance"><tbody>` +
      `<tr><th>${escape(L.provenance.source)}</th><td>${escape(p.source)}</td></tr>` +
      `<tr><th>${escape(L.provenance.tool)}</th><td>${escape(p.tool)}</td></tr>` +
      `<tr><th>${escape(L.provenance.generatedAt)}</th><td>${escape(when(p.generatedAt))}</td></tr>` +
      `<tr><th>${escape(L.provenance.eventsRead)}</th><td>${p.events}</td></tr>` +
      `<tr><th>${escape(L.provenance.sha256)}</th><td><code>${escape(p.sha256)}</code> <span class="meta">${escape(L.provenance.of(p.sha256Of))}</span></td></tr>` +
      `</tbody></table>`;

/** How rule ids show: with their title and text on hover, and the title under an id that heads a row. */
const rulesIn = (locale: Locale, L: ReportLabels, registry: CaseTypeRegistry = caseTypes) => ({
  chip: (id: string): string => {
    const text = ruleText(id, locale, registry);
    return `<span class="rule"${text === undefined ? '' : ` title="${escape(`${text.title}: ${text.text}`)}"`}>${escape(id)}</span>`;
  },
  title: (id: string): string => {
    const text = ruleText(id, locale, registry);
    return text === undefined ? '' : `<br><span class="meta">${escape(text.title)}</span>`;
  },
  /** Every rule the report names, with what it asks (what hover shows, for print). */
  cited: (ids: Iterable<string>): string => {
    const rules = rulesCited(ids, locale, registry);
    return rules.length === 0
      ? ''
      : `<h2>${escape(L.rulesCited)}</h2><table id="rules"><tbody>${rules.map((r) => `<tr><td><span class="rule">${escape(r.id)}</span></td><td>${r.text === undefined ? `<span class="meta">${escape(L.companyRule)}</span>` : `<strong>${escape(r.text.title)}</strong><br>${escape(r.text.text)}`}</td></tr>`).join('')}</tbody></table>`;
  },
});

/** A step is late when it is the step that met a deadline after its due instant. */
const lateDeadlines = (e: TimelineEntry) => e.deadlines.filter((d) => d.status === 'missed' && d.doneAt === e.at);

export const caseAuditHtml = ({ timeline, report }: CaseAudit, options: ReportOptions = {}): string => {
  const { when, zoneNote, lateBy, labels: L, locale } = readableWith(options, report.asOf);
  const rules = rulesIn(locale, L, options.registry);
  const rows = timeline
    .map((e) => {
      const late = lateDeadlines(e);
      const classes = [e.specialCase ? 'special' : '', e.violations.length > 0 ? 'violation' : '', late.length > 0 ? 'late' : '']
        .filter((c) => c !== '')
        .join(' ');
      const badges = [
        ...late.map((d) => {
          const by = lateBy(d);
          return `<span class="badge late" title="${escape(L.due)} ${escape(d.dueBy === undefined ? '' : when(d.dueBy))}${escape(by === undefined ? '' : `, ${by}`)}">${escape(L.lateBadge(d.ruleId))}</span>`;
        }),
        ...(e.specialCase ? [`<span class="badge special">${escape(L.specialCaseBadge)}</span>`] : []),
        ...e.violations.map(
          (v) => `<span class="badge violation" title="${escape(findingText(v, locale, options.registry).text)}">${escape(v.ruleId)} ${escape(v.code)}</span>`,
        ),
      ].join(' ');
      return `<tr class="${classes}" data-revision="${escape(e.revision)}"><td>${escape(e.revision)}</td><td class="when">${escape(when(e.at))}</td><td>${escape(e.actor.id)}<br><span class="meta">${escape(L.word(e.actor.department))}, ${escape(L.word(e.actor.role))}</span></td><td><strong>${escape(e.eventType)}</strong><br>${escape(e.summaries[locale])} ${badges}</td><td>${e.ruleIds.map(rules.chip).join('')}${e.policyVersion === undefined ? '' : `<br><span class="meta">${escape(L.policy(e.policyVersion, undefined))}</span>`}</td><td>${escape(L.caseStatus(e.status))}</td></tr>`;
    })
    .join('\n');
  const deadlines = report.deadlines
    .filter((d) => d.status !== 'not-applicable')
    .map((d) => ({ d, by: lateBy(d) }))
    .map(
      ({ d, by }) =>
        `<tr class="deadline ${escape(d.status)}"><td>${rules.chip(d.ruleId)} ${escape(L.deadlineName(d.name))}${rules.title(d.ruleId)}</td><td><span class="badge ${escape(d.status)}">${escape(L.status[d.status])}</span>${by === undefined ? '' : ` <span class="late-by">${escape(by)}</span>`}</td><td>${escape(d.dueBy === undefined ? '' : when(d.dueBy))}</td><td>${escape(d.doneAt === undefined ? '—' : when(d.doneAt))}</td><td>${escape(policyValueText(d, locale) ?? '')}</td></tr>`,
    )
    .join('\n');
  const specials = report.specialCases
    .map(
      (s) =>
        `<tr class="special"><td>${escape(s.revision)}</td><td>${escape(when(s.at))}</td><td>${escape(s.approvedBy.id)} (${escape(L.word(s.approvedBy.role))})</td><td>${escape(s.justification)}</td></tr>`,
    )
    .join('\n');
  const violations = report.violations
    .map((v) => {
      const said = findingText(v, locale, options.registry);
      return `<tr class="violation"><td>${v.revision}</td><td>${rules.chip(v.ruleId)} ${escape(v.code)}${rules.title(v.ruleId)}</td><td>${escape(said.text)}${said.detail === undefined ? '' : `<br><span class="meta">${escape(said.detail)}</span>`}</td></tr>`;
    })
    .join('\n');
  const cited = [
    ...timeline.flatMap((e) => e.ruleIds),
    ...report.deadlines.filter((d) => d.status !== 'not-applicable').map((d) => d.ruleId),
    ...report.violations.map((v) => v.ruleId),
  ];
  const verdict =
    report.findings === 0 ? `<p class="ok" id="verdict">${escape(L.noFindings)}</p>` : `<p class="bad" id="verdict">${escape(L.findings(report.findings))}</p>`;
  const c = L.columns;
  return page(
    L.lang,
    L.auditOf(report.streamName),
    `<h1>${escape(L.auditOf(report.streamName))}</h1><p class="meta">${escape(L.caseLine(report.category, report.events, L.caseStatus(report.status), when(report.asOf)))}${zoneNote === undefined ? '' : ` · <span id="zone">${escape(zoneNote)}</span>`}</p>${verdict}
<h2>${escape(L.timeline)}</h2><table id="timeline"><thead><tr><th>${c.rev}</th><th>${c.when}</th><th>${c.who}</th><th>${c.what}</th><th>${c.rules}</th><th>${c.statusAfter}</th></tr></thead><tbody>${rows}</tbody></table>
<h2>${escape(L.deadlines)}</h2>${deadlines === '' ? `<p>${escape(L.noneApplies)}</p>` : `<table id="deadlines"><thead><tr><th>${c.deadline}</th><th>${c.status}</th><th>${c.dueBy}</th><th>${c.doneAt}</th><th>${c.policyAndValue}</th></tr></thead><tbody>${deadlines}</tbody></table>`}
<h2>${escape(L.specialCases)}</h2>${specials === '' ? `<p>${escape(L.none)}</p>` : `<table id="special-cases"><thead><tr><th>${c.rev}</th><th>${c.when}</th><th>${c.approvedBy}</th><th>${c.justification}</th></tr></thead><tbody>${specials}</tbody></table>`}
<h2>${escape(L.violationsInHistory)}</h2>${violations === '' ? `<p>${escape(L.none)}</p>` : `<table id="violations"><thead><tr><th>${c.rev}</th><th>${c.rule}</th><th>${c.what}</th></tr></thead><tbody>${violations}</tbody></table>`}
${report.policyProblem === undefined ? '' : `<p class="bad">${escape(L.policyProblem)}: ${escape(report.policyProblem)}</p>`}
${rules.cited(cited)}
${provenanceHtml(options.provenance, when, L)}`,
  );
};

const barChart = (bars: ReadonlyArray<{ readonly label: string; readonly value: number; readonly text: string }>, label: string): string => {
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

/** Rules in the rulebook's order (then a company's own, by id). */
const ruleOrder =
  (registry: CaseTypeRegistry = caseTypes) =>
  (id: string): number => {
    const ids = ruleIdsOf(registry);
    const i = ids.indexOf(id);
    return i < 0 ? ids.length : i;
  };
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The cases with findings three ways — by findings, by rule, by department — each a section a link shows (no script). */
const caseListsHtml = (cases: ReadonlyArray<CaseWithFindings>, L: ReportLabels, chip: (id: string) => string, order: (id: string) => number): string => {
  if (cases.length === 0) return '';
  const c = L.columns;
  const row = (k: CaseWithFindings, rules: ReadonlyArray<string>) =>
    `<tr><td>${escape(k.streamName)}</td><td>${escape(L.word(k.category))}</td><td>${k.findings}</td><td>${rules.map(chip).join('')}</td><td>${escape(k.department === undefined ? '—' : L.word(k.department))}</td></tr>`;
  const head = (rules: string) => `<thead><tr><th>${c.case}</th><th>${c.type}</th><th>${c.findings}</th><th>${rules}</th><th>${c.department}</th></tr></thead>`;
  const more = (n: number) => (n > CASE_LIST_SHOWN ? `<p class="meta">${escape(L.bulk.more(n - CASE_LIST_SHOWN))}</p>` : '');
  const byFindings = byMostFindings(cases);
  const perRule = cases
    .flatMap((k) => k.rules.map((rule) => ({ rule, k })))
    .sort((a, b) => order(a.rule) - order(b.rule) || byText(a.rule, b.rule) || b.k.findings - a.k.findings || byText(a.k.streamName, b.k.streamName));
  const byDepartment = [...cases].sort(
    (a, b) => byText(a.department ?? '\uffff', b.department ?? '\uffff') || b.findings - a.findings || byText(a.streamName, b.streamName),
  );
  return `<h2>${escape(L.bulk.casesWithFindings)}</h2><nav class="orders">${escape(L.bulk.sorted)} <a href="#by-findings">${escape(L.bulk.byFindings)}</a> · <a href="#by-rule">${escape(L.bulk.byRule)}</a> · <a href="#by-department">${escape(L.bulk.byDepartment)}</a></nav>
<div class="case-lists">
<section id="by-findings" class="case-list"><table>${head(c.rules)}<tbody>${byFindings
    .slice(0, CASE_LIST_SHOWN)
    .map((k) => row(k, k.rules))
    .join('')}</tbody></table>${more(byFindings.length)}</section>
<section id="by-rule" class="case-list"><table>${head(c.rule)}<tbody>${perRule
    .slice(0, CASE_LIST_SHOWN)
    .map(({ rule, k }) => row(k, [rule]))
    .join('')}</tbody></table>${more(perRule.length)}</section>
<section id="by-department" class="case-list"><table>${head(c.rules)}<tbody>${byDepartment
    .slice(0, CASE_LIST_SHOWN)
    .map((k) => row(k, k.rules))
    .join('')}</tbody></table>${more(byDepartment.length)}</section>
</div>`;
};

/** Missed deadlines per month of their due instant: a bar per month, and the rules in a table. */
const monthsHtml = (months: ReadonlyArray<MissedInMonth>, L: ReportLabels, chip: (id: string) => string, order: (id: string) => number): string => {
  if (months.length === 0) return '';
  const most = Math.max(...months.map((m) => m.missed));
  const rules = [...new Set(months.flatMap((m) => Object.keys(m.byRule)))].sort((a, b) => order(a) - order(b) || byText(a, b));
  const chart = barChart(
    months.map((m) => ({ label: m.month, value: most === 0 ? 0 : m.missed / most, text: L.bulk.missed(m.missed) })),
    L.bulk.missedPerMonth,
  );
  const table = `<table id="missed-by-month"><thead><tr><th>${L.columns.month}</th>${rules.map((r) => `<th>${chip(r)}</th>`).join('')}<th>${L.columns.all}</th></tr></thead><tbody>${months
    .map(
      (m) =>
        `<tr><td>${escape(m.month)}</td>${rules.map((r) => `<td>${Object.hasOwn(m.byRule, r) ? (m.byRule[r] ?? 0) : ''}</td>`).join('')}<td>${m.missed}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  return `<h2>${escape(L.bulk.missedPerMonth)}</h2><p class="meta">${escape(L.bulk.byDueMonth)}</p>${chart}${table}`;
};

export const bulkAuditHtml = (s: BulkAuditSummary, options: ReportOptions = {}): string => {
  const { when, zoneNote, labels: L, locale } = readableWith(options, s.asOf);
  const rules = rulesIn(locale, L, options.registry);
  const total = Object.values(s.cases).reduce((a, b) => a + b, 0);
  const cases = Object.entries(s.cases)
    .map(([k, n]) => `<tr><td>${escape(L.word(k))}</td><td>${n}</td></tr>`)
    .join('');
  const violations = Object.entries(s.violations)
    .map(([k, n]) => `<tr class="violation"><td>${escape(k)}</td><td>${n}</td></tr>`)
    .join('');
  const chart = barChart(
    s.deadlines.map((d) => ({ label: `${d.ruleId} ${L.deadlineName(d.deadline)}`, value: d.missedRate, text: L.bulk.missedOf(d.missed, d.applicable) })),
    L.bulk.missedPerRule,
  );
  const cited = [
    ...s.deadlines.map((d) => d.ruleId),
    ...Object.keys(s.violations).map((k) => k.split(' ')[0] ?? k),
    ...s.casesWithFindings.flatMap((c) => c.rules),
  ];
  return page(
    L.lang,
    L.bulkAudit,
    `<h1>${escape(L.bulkAudit)}</h1><p class="meta">${escape(L.bulkLine(total, s.events, when(s.asOf)))}${zoneNote === undefined ? '' : ` · <span id="zone">${escape(zoneNote)}</span>`}</p>${s.problemCount > 0 ? `<p class="bad" id="verdict">${escape(L.incomplete(s.problemCount, s.findings, s.casesWithFindings.length))}</p>` : s.findings === 0 ? `<p class="ok" id="verdict">${escape(L.noFindings)}</p>` : `<p class="bad" id="verdict">${escape(L.findingsInCases(s.findings, s.casesWithFindings.length))}</p>`}
<h2>${escape(L.bulk.casesPerType)}</h2><table id="cases"><tbody>${cases}</tbody></table>
<h2>${escape(L.bulk.missedPerRule)}</h2>${s.deadlines.length === 0 ? `<p>${escape(L.noneApplies)}</p>` : chart}
${monthsHtml(s.missedByMonth, L, rules.chip, ruleOrder(options.registry))}
<h2>${escape(L.specialCases)}</h2><p id="special-cases">${s.specialCases}</p>
<h2>${escape(L.violationsInHistories)}</h2>${violations === '' ? `<p>${escape(L.none)}</p>` : `<table id="violations"><tbody>${violations}</tbody></table>`}
${caseListsHtml(s.casesWithFindings, L, rules.chip, ruleOrder(options.registry))}
${s.repeatedEventIds.length === 0 ? '' : `<h2>${escape(L.bulk.repeatedEventIds(s.violations[`T-12 ${EVENT_ID_IN_TWO_STREAMS}`] ?? s.repeatedEventIds.length))}</h2><ul id="repeated-event-ids">${s.repeatedEventIds.map((r) => `<li class="violation">${escape(L.bulk.repeatedEventId(`${r.again.streamName}@${r.again.revision}`, `${r.first.streamName}@${r.first.revision}`))}</li>`).join('')}</ul>`}
${
  s.problems.length === 0
    ? ''
    : `<h2>${escape(L.bulk.inputProblems(s.problemCount))}</h2><ul>${s.problems
        .slice(0, 100)
        .map((p) => `<li>${escape(problemText(p, locale))}</li>`)
        .join('')}</ul>`
}
${rules.cited(cited)}
${provenanceHtml(options.provenance, when, L)}`,
  );
};
