/** Plain-text renderings of audits, for a terminal. */
import type { CaseAudit } from './audit.js';
import type { BulkAuditSummary } from './cases.js';
import { type Provenance, hashCovers } from './provenance.js';
import { type ReportOptions, policyValueText, readableWith, rulesCited } from './readable.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const isControl = (code: number, withC0: boolean): boolean => (withC0 && code < 0x20) || (code >= 0x7f && code <= 0x9f);

const escaping = (withC0: boolean) => (text: string): string => {
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
const provenanceLines = (p: Provenance | undefined, when: (instant: string) => string): ReadonlyArray<string> =>
  p === undefined
    ? []
    : ['', 'Provenance', `  source        ${p.source}`, `  tool          ${p.tool}`, `  generated at  ${when(p.generatedAt)}`, `  events read   ${p.events}`, `  SHA-256       ${p.sha256} (of ${hashCovers(p)})`];

/** Every rule a report names, with its title. */
const rulesCitedLines = (ids: Iterable<string>): ReadonlyArray<string> => {
  const rules = rulesCited(ids);
  return rules.length === 0 ? [] : ['', 'Rules cited', ...rules.map((r) => `  ${r.id.padEnd(5)} ${r.text === undefined ? '(a rule of the company’s own)' : r.text.title}`)];
};

/** Output lines as one text: each line escaped on its own, then joined. */
const lines = (out: ReadonlyArray<string>): string => out.map(escapeControls).join('\n');

export const caseAuditText = ({ timeline, report }: CaseAudit, options: ReportOptions = {}): string => {
  const { when, zoneNote, lateBy } = readableWith(options, report.asOf);
  const out: string[] = [];
  out.push(`Case ${report.streamName} (${report.category}) — ${report.events} events — status: ${report.status} — as of ${when(report.asOf)}`);
  out.push(...(zoneNote === undefined ? [] : [zoneNote]), '');
  out.push('Timeline');
  for (const e of timeline) {
    const flags = [e.specialCase ? 'SPECIAL CASE' : '', ...e.violations.map((v) => `VIOLATION ${v.ruleId} ${v.code}`)].filter((f) => f !== '');
    out.push(
      `  ${e.revision.padStart(3)}  ${when(e.at)}  ${e.actor.id} (${e.actor.department}, ${e.actor.role})  ${e.eventType} [${e.ruleIds.join(', ')}]${e.policyVersion === undefined ? '' : ` policy ${e.policyVersion}`}`,
      `       ${e.summary} → ${e.status}${flags.length > 0 ? `   !! ${flags.join('; ')}` : ''}`,
    );
  }
  out.push('', 'Deadlines');
  const applicable = report.deadlines.filter((d) => d.status !== 'not-applicable');
  if (applicable.length === 0) out.push('  none applies');
  for (const d of applicable) {
    const late = lateBy(d);
    const policy = policyValueText(d);
    out.push(`  ${d.ruleId} ${d.name.padEnd(20)} ${d.status.toUpperCase().padEnd(8)} due ${d.dueBy === undefined ? '-' : when(d.dueBy)}${d.doneAt === undefined ? '' : `, done ${when(d.doneAt)}`}${late === undefined ? '' : ` — ${late}`}${policy === undefined ? '' : ` (${policy})`}`);
  }
  out.push('', 'Special cases (W-3)');
  if (report.specialCases.length === 0) out.push('  none');
  for (const s of report.specialCases) out.push(`  rev ${s.revision} ${when(s.at)} approved by ${s.approvedBy.id} (${s.approvedBy.role}): ${s.justification}`);
  out.push('', 'Rule violations in the history');
  if (report.violations.length === 0) out.push('  none');
  for (const v of report.violations) out.push(`  rev ${v.revision} ${v.ruleId} ${v.code}: ${v.message}`);
  if (report.policyProblem !== undefined) out.push('', `Policy problem: ${report.policyProblem}`);
  out.push(...rulesCitedLines([...timeline.flatMap((e) => e.ruleIds), ...applicable.map((d) => d.ruleId), ...report.violations.map((v) => v.ruleId)]));
  out.push('', report.findings === 0 ? 'No findings.' : `${report.findings} finding(s).`);
  out.push(...provenanceLines(options.provenance, when));
  return lines(out);
};

export const bulkAuditText = (s: BulkAuditSummary, options: ReportOptions = {}): string => {
  const { when, zoneNote } = readableWith(options, s.asOf);
  const out: string[] = [];
  const total = Object.values(s.cases).reduce((a, b) => a + b, 0);
  out.push(`Bulk audit as of ${when(s.asOf)}${zoneNote === undefined ? '' : `, ${zoneNote.replace(/^Times/, 'times')}`}: ${total} cases, ${s.events} events`, '');
  out.push('Cases per type');
  for (const [k, n] of Object.entries(s.cases)) out.push(`  ${k.padEnd(16)} ${n}`);
  out.push('', 'Missed deadlines per rule');
  if (s.deadlines.length === 0) out.push('  none applies');
  for (const d of s.deadlines) out.push(`  ${d.ruleId} ${d.deadline.padEnd(20)} ${String(d.missed).padStart(6)} of ${String(d.applicable).padEnd(6)} ${pct(d.missedRate)}`);
  out.push('', `Special cases (W-3): ${s.specialCases}`);
  out.push('', 'Rule violations in histories');
  if (Object.keys(s.violations).length === 0) out.push('  none');
  for (const [k, n] of Object.entries(s.violations)) out.push(`  ${k.padEnd(48)} ${n}`);
  if (s.missedByMonth.length > 0) {
    out.push('', 'Missed deadlines per month (of the due instant)');
    for (const m of s.missedByMonth) out.push(`  ${m.month}  ${String(m.missed).padStart(6)}  ${Object.entries(m.byRule).map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
  }
  if (s.casesWithFindings.length > 0) {
    const shown = [...s.casesWithFindings].sort((a, b) => b.findings - a.findings || (a.streamName < b.streamName ? -1 : 1)).slice(0, 20);
    out.push('', 'Cases with the most findings');
    for (const c of shown) out.push(`  ${c.streamName.padEnd(28)} ${String(c.findings).padStart(4)}  ${c.rules.join(', ')}${c.department === undefined ? '' : `  (${c.department})`}`);
    if (s.casesWithFindings.length > shown.length) out.push(`  … and ${s.casesWithFindings.length - shown.length} more (all of them with --json)`);
  }
  if (s.problemCount > 0) {
    out.push('', `Input problems (${s.problemCount})`);
    for (const p of s.problems.slice(0, 20)) out.push(`  ${p}`);
    if (s.problemCount > 20) out.push(`  … and ${s.problemCount - 20} more`);
  }
  out.push('', s.findings === 0 ? 'No findings.' : `${s.findings} finding(s) in ${s.casesWithFindings.length} case(s).`);
  out.push(...provenanceLines(options.provenance, when));
  return lines(out);
};
