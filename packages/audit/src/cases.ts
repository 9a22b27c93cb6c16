/** Reading whole cases from a store or a JSON Lines export, and the bulk audit over all of them. */
import {
  type CaseHistory,
  type CaseTypeRegistry,
  type EventStore,
  type GlobalPosition,
  type Instant,
  type RecordedEvent,
  type Rulebook,
  type StoreError,
  type CaseReadError as CoreCaseReadError,
  caseTypes,
  localDateOf,
  isCaseStream,
  readCaseHistory,
  splitStreamName,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { complianceReport } from './audit.js';
import { type LineError, type LineRead, type NumberedLine, parseLine } from './jsonl.js';
import { type RepeatedEventId, eventIdIndex } from './eventIdIndex.js';
import { type InputProblem, inputProblemOf } from './problems.js';

/** T-12: the code of an event id met in a second stream. */
export const EVENT_ID_IN_TWO_STREAMS = 'EVENT_ID_IN_TWO_STREAMS';

export type CaseReadError =
  CoreCaseReadError | { readonly code: 'EXPORT_NOT_GROUPED_BY_STREAM'; readonly message: string; readonly streamName: string; readonly line: number };

/** Decode a stream's recorded events into the history of a case of a registered type (the rulebook's by default). */
export const caseHistoryOf = (
  streamName: string,
  recorded: ReadonlyArray<RecordedEvent>,
  registry: CaseTypeRegistry = caseTypes,
): E.Either<CaseReadError, CaseHistory> => readCaseHistory(registry)(streamName, recorded);

/**
 * Every case of a store, one at a time: the stream names first (memory holds the list of names),
 * then each stream read whole. Streams of other categories are skipped.
 */
export async function* casesFromStore(
  store: Pick<EventStore, 'readAll' | 'readStream'>,
  pageSize = 1000,
  registry: CaseTypeRegistry = caseTypes,
): AsyncGenerator<E.Either<StoreError | CaseReadError | { readonly code: 'CASE_NOT_FOUND'; readonly message: string }, CaseHistory>> {
  const names: string[] = [];
  const seen = new Set<string>();
  let after: GlobalPosition | undefined;
  for (;;) {
    const page = await store.readAll(after === undefined ? { maxCount: pageSize } : { after, maxCount: pageSize })();
    if (E.isLeft(page)) {
      yield page;
      return;
    }
    for (const e of page.right) {
      if (!seen.has(e.streamName) && isCaseStream(registry, e.streamName)) {
        seen.add(e.streamName);
        names.push(e.streamName);
      }
    }
    const last = page.right[page.right.length - 1];
    if (last === undefined || page.right.length < pageSize) break;
    after = last.position;
  }
  for (const name of names) {
    const h = await readCase(store, name, registry);
    if (E.isLeft(h) && h.left.code === 'CASE_NOT_FOUND') continue;
    yield h;
  }
}

/** One case from a store. */
export const readCase = async (
  store: Pick<EventStore, 'readStream'>,
  streamName: string,
  registry: CaseTypeRegistry = caseTypes,
): Promise<E.Either<StoreError | CaseReadError | { readonly code: 'CASE_NOT_FOUND'; readonly message: string }, CaseHistory>> => {
  const read = await store.readStream(streamName)();
  if (E.isLeft(read)) return read;
  if (read.right.kind === 'no-stream') return E.left({ code: 'CASE_NOT_FOUND', message: `No stream ${streamName}.` });
  return caseHistoryOf(streamName, read.right.events, registry);
};

/**
 * The cases of a JSON Lines export, one at a time (an export keeps each stream together). Bad
 * lines and undecodable cases come out as errors and the reading goes on; a stream that comes back
 * after another one started is an error too, because bounded memory needs grouped input.
 */
export async function* casesFromLines(
  lines: AsyncIterable<LineRead>,
  registry: CaseTypeRegistry = caseTypes,
): AsyncGenerator<E.Either<LineError | CaseReadError, CaseHistory>> {
  let current: { streamName: string; events: RecordedEvent[] } | undefined;
  const finished = new Set<string>();
  const flush = (): E.Either<CaseReadError, CaseHistory> | undefined => {
    if (current === undefined) return undefined;
    finished.add(current.streamName);
    const h = caseHistoryOf(current.streamName, current.events, registry);
    current = undefined;
    return h;
  };
  for await (const read of lines) {
    const parsed = E.chain(({ text, line }: NumberedLine) => parseLine(text, line))(read);
    if (E.isLeft(parsed)) {
      yield parsed;
      continue;
    }
    const e = parsed.right;
    const line = E.isRight(read) ? read.right.line : 0;
    if (current?.streamName !== e.streamName) {
      const done = flush();
      if (done !== undefined) yield done;
      if (finished.has(e.streamName)) {
        yield E.left({
          code: 'EXPORT_NOT_GROUPED_BY_STREAM',
          message: `line ${line}: stream ${e.streamName} appears again after other streams; export with \`caseledger export\` keeps streams together.`,
          streamName: e.streamName,
          line,
        });
        continue;
      }
      current = { streamName: e.streamName, events: [] };
    }
    current.events.push(e);
  }
  const done = flush();
  if (done !== undefined) yield done;
}

export interface RuleDeadlineStats {
  readonly ruleId: string;
  readonly deadline: string;
  readonly applicable: number;
  readonly missed: number;
  readonly missedRate: number;
}

/** A case with findings, as the bulk report lists it. */
export interface CaseWithFindings {
  readonly streamName: string;
  readonly category: string;
  readonly findings: number;
  /** The rules of its findings: missed deadlines and violations, each once, in the order found. */
  readonly rules: ReadonlyArray<string>;
  /** The department responsible (see `ComplianceReport.department`). */
  readonly department?: string;
}

/** Missed deadlines whose due instant fell in a month (local, in the calendar's zone), per rule. */
export interface MissedInMonth {
  /** `2026-11`. */
  readonly month: string;
  readonly missed: number;
  readonly byRule: Readonly<Record<string, number>>;
}

export interface BulkAuditSummary {
  readonly asOf: Instant;
  readonly cases: Readonly<Record<string, number>>;
  readonly events: number;
  readonly deadlines: ReadonlyArray<RuleDeadlineStats>;
  readonly specialCases: number;
  readonly violations: Readonly<Record<string, number>>;
  readonly casesWithFindings: ReadonlyArray<CaseWithFindings>;
  /** Missed deadlines per month of their due instant, the earliest month first. */
  readonly missedByMonth: ReadonlyArray<MissedInMonth>;
  /**
   * T-12 across streams: event ids met in two streams (an event copied or moved into another case),
   * the first `PROBLEMS_KEPT` of them; each is also a finding of the stream it was met in again.
   */
  readonly repeatedEventIds: ReadonlyArray<RepeatedEventId>;
  /** The first `PROBLEMS_KEPT` input problems (bad lines, undecodable cases), said by `problemText`; `problemCount` counts them all. */
  readonly problems: ReadonlyArray<InputProblem>;
  readonly problemCount: number;
  readonly findings: number;
}

/** How many input problems a bulk audit keeps the text of: millions of bad lines must not fill memory. */
export const PROBLEMS_KEPT = 100;

/**
 * Audit every case of a source, holding one case at a time; `onCase` is called after each (for a
 * progress indicator or to keep per-case reports).
 */
export const bulkAudit = async (
  cases: AsyncIterable<E.Either<{ readonly code: string; readonly message: string }, CaseHistory>>,
  rulebook: Rulebook,
  asOf: Instant,
  onCase?: (done: { readonly cases: number; readonly events: number }) => void,
): Promise<BulkAuditSummary> => {
  const byCategory: Record<string, number> = {};
  const deadlineStats = new Map<string, { ruleId: string; deadline: string; applicable: number; missed: number }>();
  const violations: Record<string, number> = {};
  const casesWithFindings: CaseWithFindings[] = [];
  const missedByMonth = new Map<string, { missed: number; byRule: Record<string, number> }>();
  const problems: InputProblem[] = [];
  let problemCount = 0;
  const problem = (error: { readonly code: string; readonly message: string; readonly streamName?: string }): void => {
    problemCount += 1;
    if (problems.length < PROBLEMS_KEPT) problems.push(inputProblemOf(error));
  };
  let events = 0;
  let specialCases = 0;
  let findings = 0;
  let done = 0;
  const ids = eventIdIndex();
  for await (const item of cases) {
    if (E.isLeft(item)) {
      problem(item.left);
      continue;
    }
    ids.add(
      item.right.streamName,
      item.right.use((_, envelopes) => envelopes.map((e) => ({ eventId: e.metadata.eventId, revision: e.revision }))),
    );
    const report = complianceReport(item.right, rulebook, asOf);
    byCategory[report.category] = (byCategory[report.category] ?? 0) + 1;
    events += report.events;
    specialCases += report.specialCases.length;
    for (const d of report.deadlines) {
      if (d.status === 'not-applicable') continue;
      const key = `${d.ruleId} ${d.name}`;
      const s = deadlineStats.get(key) ?? { ruleId: d.ruleId, deadline: d.name, applicable: 0, missed: 0 };
      s.applicable += 1;
      if (d.status === 'missed') {
        s.missed += 1;
        if (d.dueBy !== undefined) {
          const month = localDateOf(rulebook.calendar, d.dueBy).slice(0, 7);
          const m = missedByMonth.get(month) ?? { missed: 0, byRule: {} };
          m.missed += 1;
          Object.defineProperty(m.byRule, d.ruleId, {
            value: (Object.hasOwn(m.byRule, d.ruleId) ? (m.byRule[d.ruleId] ?? 0) : 0) + 1,
            enumerable: true,
            writable: true,
            configurable: true,
          });
          missedByMonth.set(month, m);
        }
      }
      deadlineStats.set(key, s);
    }
    for (const v of report.violations) violations[`${v.ruleId} ${v.code}`] = (violations[`${v.ruleId} ${v.code}`] ?? 0) + 1;
    if (report.policyProblem !== undefined)
      problem({ code: 'CASE_POLICY_PROBLEM', message: `${report.streamName}: ${report.policyProblem}`, streamName: report.streamName });
    if (report.findings > 0) {
      const rules = [...new Set([...report.deadlines.filter((d) => d.status === 'missed').map((d) => d.ruleId), ...report.violations.map((v) => v.ruleId)])];
      casesWithFindings.push({
        streamName: report.streamName,
        category: report.category,
        findings: report.findings,
        rules,
        ...(report.department === undefined ? {} : { department: report.department }),
      });
    }
    findings += report.findings;
    done += 1;
    onCase?.({ cases: done, events });
  }
  const repeatedEventIds = ids.repeated();
  for (const r of repeatedEventIds) {
    const tally = `T-12 ${EVENT_ID_IN_TWO_STREAMS}`;
    violations[tally] = (violations[tally] ?? 0) + 1;
    findings += 1;
    const i = casesWithFindings.findIndex((c) => c.streamName === r.again.streamName);
    const listed = casesWithFindings[i];
    if (listed === undefined)
      casesWithFindings.push({ streamName: r.again.streamName, category: splitStreamName(r.again.streamName).category, findings: 1, rules: ['T-12'] });
    else casesWithFindings[i] = { ...listed, findings: listed.findings + 1, rules: listed.rules.includes('T-12') ? listed.rules : [...listed.rules, 'T-12'] };
  }
  return {
    asOf,
    cases: byCategory,
    events,
    repeatedEventIds: repeatedEventIds.slice(0, PROBLEMS_KEPT),
    deadlines: [...deadlineStats.values()]
      .map((s) => ({ ...s, missedRate: s.applicable === 0 ? 0 : s.missed / s.applicable }))
      .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.deadline.localeCompare(b.deadline)),
    specialCases,
    violations,
    casesWithFindings,
    missedByMonth: [...missedByMonth.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([month, m]) => ({ month, ...m })),
    problems,
    problemCount,
    findings,
  };
};
