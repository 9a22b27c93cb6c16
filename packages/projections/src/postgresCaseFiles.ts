/**
 * The case-files read model in PostgreSQL: a row per case in `caseledger_cases`, its open deadlines
 * in `caseledger_case_deadlines`, and the departments' lists as paged SQL queries at an instant
 * "now" — the same rows, in the same order, as the in-memory lists over the same events.
 */
import { type Instant, epochMs } from '@caseledger/core';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { Pool } from 'pg';
import { queryRows, storedRow } from './postgresQuery.js';
import type { RowTable } from './postgresReadModelStore.js';
import type { PageRequest, ReadModelStoreError } from './readModelStore.js';
import {
  type CapaTrackerRow,
  type CaseRecord,
  CaseView,
  type ComplaintBoardRow,
  type ContractQueueRow,
  type OpenInquiryRow,
  type OverdueOptions,
  type OverdueRow,
  StoredDeadline,
  boardRowOf,
  capaRowOf,
  inquiryRowOf,
  queueRowOf,
} from './readModels/caseFiles.js';

const EARLIEST_MS = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST_MS = Date.parse('9999-12-31T23:59:59.999Z');

/** An instant as the columns keep it: to the millisecond, in UTC (the lists compare instants to the millisecond). */
const msText = (ms: number): string => new Date(Math.min(LATEST_MS, Math.max(EARLIEST_MS, ms))).toISOString();
const column = (instant: Instant): string => msText(epochMs(instant));

/** How case-files rows fill `caseledger_cases` and `caseledger_case_deadlines` (see docs/projections.md for each column). */
export const caseFilesTable: RowTable<CaseRecord> = {
  table: 'caseledger_cases',
  // A case's row carries its state: written as json, the server only checks it (jsonb would parse and convert it on every write).
  detail: 'json',
  columns: [
    { name: 'case_type', type: 'text', value: (r) => r.category },
    { name: 'case_id', type: 'text', value: (r) => r.caseId },
    { name: 'status', type: 'text', value: (r) => r.view.status },
    { name: 'is_open', type: 'boolean', value: (r) => r.view.open },
    { name: 'department', type: 'text', value: (r) => r.view.department ?? null },
    { name: 'customer_id', type: 'text', value: (r) => r.view.customerId ?? null },
    { name: 'opened_at', type: 'timestamptz', value: (r) => column(r.view.openedAt) },
    { name: 'policy_version', type: 'text', value: (r) => r.view.policyVersion ?? null },
    { name: 'next_due_by', type: 'timestamptz', value: (r) => (r.view.nextDueBy === undefined ? null : column(r.view.nextDueBy)) },
    { name: 'missed_rules', type: 'text[]', value: (r) => r.view.missedRules },
    { name: 'on_board', type: 'boolean', value: (r) => r.view.board !== undefined },
    { name: 'on_capa_tracker', type: 'boolean', value: (r) => r.view.capa !== undefined },
    { name: 'on_contract_queue', type: 'boolean', value: (r) => r.view.queue !== undefined },
    { name: 'on_inquiry_list', type: 'boolean', value: (r) => r.view.inquiry !== undefined },
  ],
  children: [
    {
      table: 'caseledger_case_deadlines',
      columns: [
        { name: 'deadline', type: 'text' },
        { name: 'rule_id', type: 'text' },
        { name: 'due_by', type: 'timestamptz' },
        { name: 'timing', type: 'text' },
        { name: 'detail', type: 'jsonb' },
      ],
      // Only the deadlines still open: the overdue list's.
      of: (r) => r.view.deadlines.flatMap((d) => (d.doneAt === undefined ? [[d.name, d.ruleId, column(d.dueBy), d.timing, d]] : [])),
    },
  ],
};

const limitOf = (page: PageRequest | undefined): number | null => (page === undefined ? null : Math.max(0, page.limit));
const offsetOf = (page: PageRequest | undefined): number => Math.max(0, page?.offset ?? 0);

interface ViewRow {
  readonly case_id: string;
  readonly view: unknown;
}

const viewOf = (row: ViewRow): CaseView => storedRow(CaseView, row.view, `The view of case ${row.case_id}`);

/**
 * A list of cases flagged for it, in its index's order. The page's keys are found first and only
 * their rows read whole: an offset would otherwise read every skipped row's detail.
 */
const listSql = (flag: string, before: ReadonlyArray<string>): string => {
  const order = [...before, 'key'];
  return `SELECT c.case_id, c.detail->'view' AS view
     FROM (SELECT ${order.join(', ')} FROM caseledger_cases WHERE projection = $1 AND ${flag} ORDER BY ${order.join(', ')} LIMIT $2 OFFSET $3) page
     JOIN caseledger_cases c ON c.projection = $1 AND c.key = page.key
    ORDER BY ${order.map((column) => `page.${column}`).join(', ')}`;
};

export interface PostgresCaseQueries {
  /** Open complaints, the earliest received first, with each deadline's status at `now`. */
  readonly complaintBoard: (now: Instant, page?: PageRequest) => TE.TaskEither<ReadModelStoreError, ReadonlyArray<ComplaintBoardRow>>;
  /** Open deadlines missed at `now` or due within `soonMs`, the earliest due first. */
  readonly overdueList: (now: Instant, options?: OverdueOptions) => TE.TaskEither<ReadModelStoreError, ReadonlyArray<OverdueRow>>;
  readonly capaTracker: (now: Instant, page?: PageRequest) => TE.TaskEither<ReadModelStoreError, ReadonlyArray<CapaTrackerRow>>;
  readonly contractReviewQueue: (page?: PageRequest) => TE.TaskEither<ReadModelStoreError, ReadonlyArray<ContractQueueRow>>;
  readonly openInquiries: (now: Instant, page?: PageRequest) => TE.TaskEither<ReadModelStoreError, ReadonlyArray<OpenInquiryRow>>;
}

/** The departments' lists from the case-files rows of the projection named `name` (default `case-files`). */
export const postgresCaseQueries = (pool: Pool, name = 'case-files'): PostgresCaseQueries => ({
  complaintBoard: (now, page) =>
    queryRows(pool, listSql('on_board', ['opened_at']), [name, limitOf(page), offsetOf(page)], (rows: ReadonlyArray<ViewRow>) =>
      rows.flatMap((row) => boardRowOf(row.case_id, viewOf(row), now) ?? []),
    ),
  overdueList: (now, options = {}) => {
    const nowMs = epochMs(now);
    return queryRows(
      pool,
      `SELECT * FROM (
         SELECT c.case_type, c.case_id, d.detail, d.due_by, d.key, d.deadline,
                CASE WHEN d.timing = 'missed' OR (d.timing = 'clock' AND d.due_by < $2) THEN 'missed' WHEN d.due_by <= $3 THEN 'due-soon' END AS status
           FROM caseledger_case_deadlines d JOIN caseledger_cases c ON c.projection = d.projection AND c.key = d.key
          WHERE d.projection = $1 AND (d.due_by <= greatest($2::timestamptz, $3::timestamptz) OR d.timing = 'missed')
       ) listed
       WHERE status IS NOT NULL ORDER BY due_by, key, deadline LIMIT $4 OFFSET $5`,
      [name, msText(nowMs), msText(nowMs + (options.soonMs ?? 24 * 3600_000)), limitOf(options.page), offsetOf(options.page)],
      (rows: ReadonlyArray<{ readonly case_type: string; readonly case_id: string; readonly detail: unknown; readonly status: 'missed' | 'due-soon' }>) =>
        rows.map((row): OverdueRow => {
          const d = storedRow(StoredDeadline, row.detail, `A deadline of case ${row.case_id}`);
          return { category: row.case_type, caseId: row.case_id, ruleId: d.ruleId, deadline: d.name, dueBy: d.dueBy, status: row.status };
        }),
    );
  },
  capaTracker: (now, page) =>
    queryRows(pool, listSql('on_capa_tracker', ['opened_at']), [name, limitOf(page), offsetOf(page)], (rows: ReadonlyArray<ViewRow>) =>
      rows.flatMap((row) => capaRowOf(row.case_id, viewOf(row), now) ?? []),
    ),
  contractReviewQueue: (page) =>
    queryRows(pool, listSql('on_contract_queue', ['opened_at']), [name, limitOf(page), offsetOf(page)], (rows: ReadonlyArray<ViewRow>) =>
      rows.flatMap((row) => queueRowOf(row.case_id, viewOf(row)) ?? []),
    ),
  openInquiries: (now, page) =>
    queryRows(pool, listSql('on_inquiry_list', ['next_due_by', 'opened_at']), [name, limitOf(page), offsetOf(page)], (rows: ReadonlyArray<ViewRow>) =>
      rows.flatMap((row) => inquiryRowOf(row.case_id, viewOf(row), now) ?? []),
    ),
});
