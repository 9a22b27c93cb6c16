/** Plain-text renderings of audits, for a terminal. */
import type { CaseAudit } from './audit.js';
import { type BulkAuditSummary, EVENT_ID_IN_TWO_STREAMS } from './cases.js';
import type { Provenance } from './provenance.js';
import { problemText } from './problems.js';
import type { CaseTypeRegistry, Locale } from '@caseledger/core';
import type { ReportLabels } from './labels.js';
import { type ReportOptions, byMostFindings, findingText, policyValueText, readableWith, rulesCited } from './readable.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const isControl = (code: number, withC0: boolean): boolean => (withC0 && code < 0x20) || (code >= 0x7f && code <= 0x9f);

const escaping =
  (withC0: boolean) =>
  (text: string): string => {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      out += isControl(code, withC0) ? `\\u${code.toString(16).padStart(4, '0')}` : text.charAt(i);
    }
    return out;
  };

/**
 * Text with every control character (C0 and C1) written as `\uXXXX`, so that it prints as text and
 * only as text: an escape sequence in an actor id or a summary must not reach the terminal.
 */
export const escapeControls = escaping(true);

/**
 * JSON text with the C1 controls escaped too (`JSON.stringify` escapes C0 in strings but leaves
 * U+007F … U+009F raw, and a terminal may act on them). The result is the same JSON value.
 */
export const escapeJsonControls = escaping(false);

/** Where the report came from, as its last lines. */
const provenanceLines = (p: Provenance | undefined, when: (instant: string) => string, L: ReportLabels): ReadonlyArray<string> => {
  if (p === undefined) return [];
  const rows: ReadonlyArray<readonly [string, string]> = [
    [L.provenance.source, p.source],
    [L.provenance.tool, p.tool],
    [L.provenance.generatedAt, when(p.generatedAt)],
    [L.provenance.eventsRead, String(p.events)],
    [L.provenance.sha256, `${p.sha256} ${L.provenance.of(p.sha256Of)}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  return ['', L.provenance.title, ...rows.map(([k, v]) => `  ${k.padEnd(width)}${v}`)];
};

/** Every rule a report names, with its title. */
const rulesCitedLines = (ids: Iterable<string>, locale: Locale, L: ReportLabels, registry: CaseTypeRegistry | undefined): ReadonlyArray<string> => {
  const rules = rulesCited(ids, locale, registry);
  return rules.length === 0 ? [] : ['', L.rulesCited, ...rules.map((r) => `  ${r.id.padEnd(5)} ${r.text === undefined ? `(${L.companyRule})` : r.text.title}`)];
};

/** Output lines as one text: each line escaped on its own, then joined. */
const lines = (out: ReadonlyArray<string>): string => out.map(escapeControls).join('\n');

export const caseAuditText = ({ timeline, report }: CaseAudit, options: ReportOptions = {}): string => {
  const { when, zoneNote, lateBy, labels: L, locale } = readableWith(options, report.asOf);
  const out: string[] = [];
  out.push(`${L.auditOf(report.streamName)} — ${L.caseLine(report.category, report.events, L.caseStatus(report.status), when(report.asOf))}`);
  out.push(...(zoneNote === undefined ? [] : [zoneNote]), '');
  out.push(L.timeline);
  for (const e of timeline) {
    const flags = [e.specialCase ? L.specialCaseBadge : '', ...e.violations.map((v) => `${L.violationFlag} ${v.ruleId} ${v.code}`)].filter((f) => f !== '');
    out.push(
      `  ${e.revision.padStart(3)}  ${when(e.at)}  ${e.actor.id} (${L.word(e.actor.department)}, ${L.word(e.actor.role)})  ${e.eventType} [${e.ruleIds.join(', ')}]${e.policyVersion === undefined ? '' : ` ${L.policy(e.policyVersion, undefined)}`}`,
      `       ${e.summaries[locale]} → ${L.caseStatus(e.status)}${flags.length > 0 ? `   !! ${flags.join('; ')}` : ''}`,
    );
  }
  out.push('', L.deadlines);
  const applicable = report.deadlines.filter((d) => d.status !== 'not-applicable');
  if (applicable.length === 0) out.push(`  ${L.noneApplies}`);
  for (const d of applicable) {
    const late = lateBy(d);
    const policy = policyValueText(d, locale);
    out.push(
      `  ${d.ruleId} ${L.deadlineName(d.name).padEnd(20)} ${L.status[d.status].padEnd(8)} ${L.due} ${d.dueBy === undefined ? '-' : when(d.dueBy)}${d.doneAt === undefined ? '' : `, ${L.done} ${when(d.doneAt)}`}${late === undefined ? '' : ` — ${late}`}${policy === undefined ? '' : ` (${policy})`}`,
    );
  }
  out.push('', L.specialCases);
  if (report.specialCases.length === 0) out.push(`  ${L.none}`);
  for (const s of report.specialCases)
    out.push(`  ${L.text.rev} ${s.revision} ${when(s.at)} ${L.text.approvedBy} ${s.approvedBy.id} (${L.word(s.approvedBy.role)}): ${s.justification}`);
  out.push('', L.violationsInHistory);
  if (report.violations.length === 0) out.push(`  ${L.none}`);
  for (const v of report.violations) {
    const said = findingText(v, locale, options.registry);
    out.push(`  ${L.text.rev} ${v.revision} ${v.ruleId} ${v.code}: ${said.text}${said.detail === undefined ? '' : ` (${said.detail})`}`);
  }
  if (report.policyProblem !== undefined) out.push('', `${L.policyProblem}: ${report.policyProblem}`);
  out.push(
    ...rulesCitedLines(
      [...timeline.flatMap((e) => e.ruleIds), ...applicable.map((d) => d.ruleId), ...report.violations.map((v) => v.ruleId)],
      locale,
      L,
      options.registry,
    ),
  );
  out.push('', report.findings === 0 ? L.noFindings : L.findings(report.findings));
  out.push(...provenanceLines(options.provenance, when, L));
  return lines(out);
};

export const bulkAuditText = (s: BulkAuditSummary, options: ReportOptions = {}): string => {
  const { when, zoneNote, labels: L, locale } = readableWith(options, s.asOf);
  const out: string[] = [];
  const total = Object.values(s.cases).reduce((a, b) => a + b, 0);
  out.push(`${L.bulkAudit}: ${L.bulkLine(total, s.events, when(s.asOf))}${zoneNote === undefined ? '' : ` · ${zoneNote}`}`, '');
  if (s.problemCount > 0) out.push(L.incomplete(s.problemCount, s.findings, s.casesWithFindings.length), '');
  out.push(L.bulk.casesPerType);
  for (const [k, n] of Object.entries(s.cases)) out.push(`  ${L.word(k).padEnd(16)} ${n}`);
  out.push('', L.bulk.missedPerRule);
  if (s.deadlines.length === 0) out.push(`  ${L.noneApplies}`);
  for (const d of s.deadlines)
    out.push(
      `  ${d.ruleId} ${L.deadlineName(d.deadline).padEnd(20)} ${String(d.missed).padStart(6)} ${L.text.of} ${String(d.applicable).padEnd(6)} ${pct(d.missedRate)}`,
    );
  if (s.missedByMonth.length > 0) {
    out.push('', `${L.bulk.missedPerMonth} (${L.bulk.byDueMonth.replace(/[.。]$/, '')})`);
    for (const m of s.missedByMonth)
      out.push(
        `  ${m.month}  ${String(m.missed).padStart(6)}  ${Object.entries(m.byRule)
          .map(([rule, n]) => `${rule} ${n}`)
          .join(', ')}`,
      );
  }
  out.push('', `${L.specialCases}: ${s.specialCases}`);
  out.push('', L.violationsInHistories);
  if (Object.keys(s.violations).length === 0) out.push(`  ${L.none}`);
  for (const [k, n] of Object.entries(s.violations)) out.push(`  ${k.padEnd(48)} ${n}`);
  if (s.casesWithFindings.length > 0) {
    const shown = byMostFindings(s.casesWithFindings).slice(0, 20);
    out.push('', L.bulk.mostFindings);
    for (const c of shown)
      out.push(
        `  ${c.streamName.padEnd(28)} ${String(c.findings).padStart(4)}  ${c.rules.join(', ')}${c.department === undefined ? '' : `  (${L.word(c.department)})`}`,
      );
    if (s.casesWithFindings.length > shown.length) out.push(`  ${L.bulk.more(s.casesWithFindings.length - shown.length)}`);
  }
  if (s.repeatedEventIds.length > 0) {
    out.push('', L.bulk.repeatedEventIds(s.violations[`T-12 ${EVENT_ID_IN_TWO_STREAMS}`] ?? s.repeatedEventIds.length));
    for (const r of s.repeatedEventIds.slice(0, 20))
      out.push(`  ${L.bulk.repeatedEventId(`${r.again.streamName}@${r.again.revision}`, `${r.first.streamName}@${r.first.revision}`)}`);
  }
  if (s.problemCount > 0) {
    out.push('', L.bulk.inputProblems(s.problemCount));
    for (const p of s.problems.slice(0, 20)) out.push(`  ${problemText(p, locale)}`);
    if (s.problemCount > 20) out.push(`  ${L.bulk.more(s.problemCount - 20)}`);
  }
  out.push(...rulesCitedLines([...s.deadlines.map((d) => d.ruleId), ...s.casesWithFindings.flatMap((c) => c.rules)], locale, L, options.registry));
  out.push(
    '',
    s.problemCount > 0
      ? L.incomplete(s.problemCount, s.findings, s.casesWithFindings.length)
      : s.findings === 0
        ? L.noFindings
        : L.findingsInCases(s.findings, s.casesWithFindings.length),
  );
  out.push(...provenanceLines(options.provenance, when, L));
  return lines(out);
};
