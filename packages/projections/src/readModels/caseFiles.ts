/**
 * The open-work read model. One projection, `caseFiles`, keeps a row per case of every registered
 * case type that gives a read model: the case's state (never its events), the first instant of
 * each step, and a view computed when the row is written — status, department, customer, when it
 * opened, each deadline with its due instant under the business calendar, and what each
 * department's list shows. A batch evolves each row it touches from its stored state with the new
 * events. The lists the departments open every morning are queries at an instant "now", because a
 * deadline's status depends on the time of asking (T-8): the complaint board, the overdue list, the
 * CAPA tracker, the contract-review queue and the open inquiries. Here they are read from the rows'
 * views in memory; `postgresCaseQueries` answers the same in SQL from the view's columns.
 */
import {
  BoardEntry,
  CapaEntry,
  type CapaPlanRow,
  type CaseProgress,
  type CaseSummary,
  type CaseTypeRegistry,
  type DeadlineReport,
  type Department,
  FirstTimes,
  Instant,
  InquiryEntry,
  QueueEntry,
  type RuleId,
  type Rulebook,
  DepartmentCodec,
  caseTypes,
  decodeWith,
  epochMs,
  evolveProgress,
  isRuleId,
  policyAt,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { KnownEvent } from '../knownEvents.js';
import type { Projection } from '../projection.js';
import { type PageRequest, pageOf } from '../readModelStore.js';

export type { CapaPlanRow };

/** The company's policies and calendar the deadlines are judged by. */
export type QueryContext = Rulebook;

/** A rule id read back from a row. */
const RuleIdText = new t.Type<RuleId, string, unknown>(
  'RuleId',
  isRuleId,
  (u, c) => (isRuleId(u) ? t.success(u) : t.failure(u, c)),
  (id) => id,
);

/**
 * How a deadline's status depends on the time of asking: `clock` is pending up to its due instant
 * and missed after it; `met`, `missed` and `pending` stay as they are (a step done, a date
 * superseded too late, a refund that waits for the goods).
 */
export const DeadlineTiming = t.keyof({ clock: null, met: null, missed: null, pending: null });
export type DeadlineTiming = t.TypeOf<typeof DeadlineTiming>;

export const StoredDeadline = t.readonly(
  t.intersection([
    t.type({ ruleId: RuleIdText, name: t.string, dueBy: Instant, timing: DeadlineTiming }),
    t.partial({
      from: Instant,
      doneAt: Instant,
      policyVersion: t.string,
      allowed: t.readonly(t.type({ count: t.number, unit: t.keyof({ 'working-days': null, days: null, hours: null, months: null }) })),
    }),
  ]),
  'StoredDeadline',
);
export type StoredDeadline = t.TypeOf<typeof StoredDeadline>;

const EARLIEST = instantOf('0001-01-01T00:00:00.000Z');
const LATEST = instantOf('9999-12-31T23:59:59.999Z');

function instantOf(text: string): Instant {
  if (!Instant.is(text)) throw new RangeError(`not an instant: ${text}`);
  return text;
}

/** Every deadline that applies, with how its status moves with time (asked at the first and the last instant). */
const storedDeadlinesOf = (deadlinesAt: (now: Instant) => ReadonlyArray<DeadlineReport>): ReadonlyArray<StoredDeadline> => {
  const early = deadlinesAt(EARLIEST);
  // Asked again at the last instant only where a deadline is still open (a closed case's are settled).
  const late = early.some((d) => d.status === 'pending') ? deadlinesAt(LATEST) : early;
  return early.flatMap((d, i): ReadonlyArray<StoredDeadline> => {
    if (d.status === 'not-applicable' || d.dueBy === undefined) return [];
    const timing: DeadlineTiming = d.status === late[i]?.status ? d.status : 'clock';
    return [
      {
        ruleId: d.ruleId,
        name: d.name,
        dueBy: d.dueBy,
        timing,
        ...(d.from === undefined ? {} : { from: d.from }),
        ...(d.doneAt === undefined ? {} : { doneAt: d.doneAt }),
        ...(d.policyVersion === undefined ? {} : { policyVersion: d.policyVersion }),
        ...(d.allowed === undefined ? {} : { allowed: d.allowed }),
      },
    ];
  });
};

/** A stored deadline's report at `now` (`deadlineStatus` for a clock, to the millisecond). */
export const deadlineAt = (d: StoredDeadline, now: Instant): DeadlineReport => ({
  ruleId: d.ruleId,
  name: d.name,
  status: d.timing === 'clock' ? (epochMs(now) > epochMs(d.dueBy) ? 'missed' : 'pending') : d.timing,
  ...(d.from === undefined ? {} : { from: d.from }),
  dueBy: d.dueBy,
  ...(d.doneAt === undefined ? {} : { doneAt: d.doneAt }),
  ...(d.policyVersion === undefined ? {} : { policyVersion: d.policyVersion }),
  ...(d.allowed === undefined ? {} : { allowed: d.allowed }),
});

// ---------------------------------------------------------------------------------------------
// The row.

const CaseViewCodec = t.readonly(
  t.intersection([
    t.type({ status: t.string, open: t.boolean, openedAt: Instant, deadlines: t.readonlyArray(StoredDeadline), missedRules: t.readonlyArray(t.string) }),
    t.partial({
      department: DepartmentCodec,
      customerId: t.string,
      policyVersion: t.string,
      nextDueBy: Instant,
      board: BoardEntry,
      capa: CapaEntry,
      queue: QueueEntry,
      inquiry: InquiryEntry,
    }),
  ]),
  'CaseView',
);
/** What a case's row shows: all that does not depend on the time of asking. */
// An interface (not an alias) so declarations name it rather than spell out io-ts's branded types.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CaseView extends t.TypeOf<typeof CaseViewCodec> {}
export const CaseView: t.Decoder<unknown, CaseView> = CaseViewCodec;

const CaseRecordCodec = t.readonly(
  t.type({
    category: t.string,
    caseId: t.string,
    /** The case's state as its case type's read model writes it (JSON). */
    state: t.unknown,
    firstAt: FirstTimes,
    view: CaseViewCodec,
  }),
  'CaseRecord',
);
/** A case's row: its state, the first instant of each step, and its view. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CaseRecord extends t.TypeOf<typeof CaseRecordCodec> {}
export const CaseRecord: t.Decoder<unknown, CaseRecord> = CaseRecordCodec;

/** The key of a case's row: its stream name, `<category>-<caseId>`. */
export const caseKey = (file: Pick<CaseRecord, 'category' | 'caseId'>): string => `${file.category}-${file.caseId}`;

/** Earlier due instants first; none last. */
const byDue = (a: Instant | undefined, b: Instant | undefined): number =>
  a === undefined ? (b === undefined ? 0 : 1) : b === undefined ? -1 : epochMs(a) - epochMs(b);

/** The view of a case from what its case type shows of it and its deadlines. */
const viewOf = (summary: CaseSummary, deadlines: ReadonlyArray<StoredDeadline>, context: QueryContext): CaseView => {
  const nextDueBy = deadlines.reduce<Instant | undefined>(
    (soonest, d) => (d.doneAt !== undefined || byDue(d.dueBy, soonest) >= 0 ? soonest : d.dueBy),
    undefined,
  );
  const policy = policyAt(summary.openedAt)(context.policies);
  const { lists, ...shown } = summary;
  return {
    ...shown,
    deadlines,
    missedRules: [...new Set(deadlines.filter((d) => d.timing === 'missed').map((d) => d.ruleId))],
    ...(E.isRight(policy) ? { policyVersion: policy.right.version } : {}),
    ...(nextDueBy === undefined ? {} : { nextDueBy }),
    ...lists,
  };
};

export interface CaseFilesOptions {
  /** The case types whose cases get rows. Default: the built-in ones. */
  readonly registry?: CaseTypeRegistry;
}

/**
 * A row per case with its state and its view, computed under the company's rulebook (the calendar
 * that sets due instants, the policies in force when each clock started), for every case type of
 * the registry. An event of a category the registry does not own, or of a case type that gives no
 * read model, is parked and reported, never skipped. A change of a case type's state or view is a
 * rebuild (`runProjection({ rebuild: true })`, `caseledger project --rebuild`).
 */
export const caseFiles = (context: QueryContext, options: CaseFilesOptions = {}): Projection<CaseRecord> => {
  const registry = options.registry ?? caseTypes;
  const rowModels = new Map(
    registry.entries.map((entry) => [
      entry.category,
      entry.use((caseType) => {
        const readModel = caseType.readModel;
        if (readModel === undefined) return undefined;
        const readState = decodeWith(readModel.state);
        const deadlinesOf = caseType.deadlines(context);
        const step = evolveProgress(caseType.evolve);
        const isEvent = caseType.events.codec.is;
        // A row's decoded progress, kept while the row object lives (an in-memory store hands back the same object).
        const progressOfRow = new WeakMap<CaseRecord, CaseProgress<typeof caseType.initialState>>();
        return (
          row: CaseRecord | undefined,
          key: { readonly category: string; readonly caseId: string },
          events: ReadonlyArray<KnownEvent>,
        ): CaseRecord | undefined => {
          let progress: CaseProgress<typeof caseType.initialState> = { state: caseType.initialState, firstAt: {} };
          if (row !== undefined) {
            const known = progressOfRow.get(row);
            const stored = known === undefined ? readState(row.state) : E.right(known.state);
            // A row another version of the case type wrote: the read model wants a rebuild, and the row stays as it is until then.
            if (E.isLeft(stored)) return undefined;
            progress = { state: stored.right, firstAt: row.firstAt };
          }
          for (const e of events) {
            const event = e.envelope.event;
            if (isEvent(event)) progress = step(progress, event);
          }
          const summary = readModel.summary(progress);
          if (summary === undefined) return undefined;
          const deadlines = storedDeadlinesOf((now) => {
            const r = deadlinesOf(progress, now);
            return E.isRight(r) ? r.right : [];
          });
          const next: CaseRecord = {
            ...key,
            state: readModel.state.encode(progress.state),
            firstAt: progress.firstAt,
            view: viewOf(summary, deadlines, context),
          };
          progressOfRow.set(next, progress);
          return next;
        };
      }),
    ]),
  );
  return {
    name: 'case-files',
    // Version 4 kept each case's events; version 5 keeps its state and the first instant of each step.
    version: 5,
    handles: new Set(registry.entries.flatMap((entry) => entry.use((caseType) => caseType.events.tags))),
    registry,
    refuses: (e) =>
      rowModels.get(e.category) === undefined
        ? { code: 'CASE_TYPE_HAS_NO_READ_MODEL', message: `Case type ${e.category} gives no read model (its readModel), so its cases get no rows.` }
        : undefined,
    codec: CaseRecord,
    keyOf: caseKey,
    evolve: (row, events) => {
      const first = events[0];
      const evolveRow = first === undefined ? undefined : rowModels.get(first.category);
      return first === undefined || evolveRow === undefined ? undefined : evolveRow(row, { category: first.category, caseId: first.caseId }, events);
    },
  };
};

// ---------------------------------------------------------------------------------------------
// The lists, in memory. Each is in a total order (ties broken by the row key's UTF-8 bytes, as
// PostgreSQL's "C" collation orders them), so pages of the in-memory and the SQL list agree.

/** Compare texts by their UTF-8 bytes. */
export const compareUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

const byInstantThenKey = (a: Instant, ak: string, b: Instant, bk: string): number => epochMs(a) - epochMs(b) || compareUtf8(ak, bk);

// ---------------------------------------------------------------------------------------------
// Complaint board: open complaints by status, severity and responsible department, with deadlines.

export interface ComplaintBoardRow {
  readonly caseId: string;
  /** `received`, `external`, `internal: <investigation step>` or `internal: <CAPA step>`. */
  readonly status: string;
  readonly severity: string;
  readonly channel: string;
  readonly receivedAt: Instant;
  readonly responsibleDepartment?: Department;
  /** C-2, C-4, C-5, C-7: every deadline that applies, with its status at `now`. */
  readonly deadlines: ReadonlyArray<DeadlineReport>;
}

/** A case's line on the board at `now`, if it is on the board (the SQL list builds it the same way). */
export const boardRowOf = (caseId: string, view: CaseView, now: Instant): ComplaintBoardRow | undefined =>
  view.board === undefined ? undefined : { caseId, ...view.board, deadlines: view.deadlines.map((d) => deadlineAt(d, now)) };

/** Open complaints, the earliest received first. */
export const complaintBoard = (files: Iterable<CaseRecord>, now: Instant, page?: PageRequest): ReadonlyArray<ComplaintBoardRow> =>
  pageOf(
    [...files]
      .flatMap((file) => {
        const row = boardRowOf(file.caseId, file.view, now);
        return row === undefined ? [] : [{ key: caseKey(file), row }];
      })
      .sort((a, b) => byInstantThenKey(a.row.receivedAt, a.key, b.row.receivedAt, b.key))
      .map((r) => r.row),
    page,
  );

// ---------------------------------------------------------------------------------------------
// Overdue list: every open deadline that is missed or due soon, across case types.

export interface OverdueRow {
  /** The case type's category, e.g. `complaint`. */
  readonly category: string;
  readonly caseId: string;
  readonly ruleId: string;
  readonly deadline: string;
  readonly dueBy: Instant;
  readonly status: 'missed' | 'due-soon';
}

export interface OverdueOptions {
  /** Pending deadlines due within this long of `now` are listed as due soon. Default 24 h. */
  readonly soonMs?: number;
  readonly page?: PageRequest;
}

/** Open deadlines (not yet done) that are missed, or due within `soonMs` of `now`; the earliest due first. */
export const overdueList = (files: Iterable<CaseRecord>, now: Instant, options: OverdueOptions = {}): ReadonlyArray<OverdueRow> => {
  const soonMs = options.soonMs ?? 24 * 3600_000;
  return pageOf(
    [...files]
      .flatMap((file) =>
        file.view.deadlines.flatMap((stored) => {
          const d = deadlineAt(stored, now);
          if (d.dueBy === undefined || d.doneAt !== undefined) return [];
          const base = { category: file.category, caseId: file.caseId, ruleId: d.ruleId, deadline: d.name, dueBy: d.dueBy };
          const row: OverdueRow | undefined =
            d.status === 'missed'
              ? { ...base, status: 'missed' }
              : d.status === 'pending' && epochMs(d.dueBy) - epochMs(now) <= soonMs
                ? { ...base, status: 'due-soon' }
                : undefined;
          return row === undefined ? [] : [{ key: caseKey(file), row }];
        }),
      )
      .sort((a, b) => byInstantThenKey(a.row.dueBy, a.key, b.row.dueBy, b.key) || compareUtf8(a.row.deadline, b.row.deadline))
      .map((r) => r.row),
    options.page,
  );
};

// ---------------------------------------------------------------------------------------------
// CAPA tracker: plans, due dates, implementation, verification, re-plans (C-7, C-8, C-10).

export interface CapaTrackerRow {
  readonly caseId: string;
  readonly responsibleDepartment?: Department;
  /** The C-7 due instant of the first plan, and its status at `now`. */
  readonly planDeadline?: DeadlineReport;
  readonly plans: ReadonlyArray<CapaPlanRow>;
  readonly replans: number;
  readonly currentStep: string;
}

/** A case's line on the CAPA tracker at `now`, if it is on it. */
export const capaRowOf = (caseId: string, view: CaseView, now: Instant): CapaTrackerRow | undefined => {
  if (view.capa === undefined) return undefined;
  const plan = view.deadlines.find((d) => d.name === 'capa-plan');
  return { caseId, ...view.capa, ...(plan === undefined ? {} : { planDeadline: deadlineAt(plan, now) }) };
};

/** Complaints whose root cause is determined, the earliest received first. */
export const capaTracker = (files: Iterable<CaseRecord>, now: Instant, page?: PageRequest): ReadonlyArray<CapaTrackerRow> =>
  pageOf(
    [...files]
      .flatMap((file) => {
        const row = capaRowOf(file.caseId, file.view, now);
        return row === undefined ? [] : [{ key: caseKey(file), opened: file.view.openedAt, row }];
      })
      .sort((a, b) => byInstantThenKey(a.opened, a.key, b.opened, b.key))
      .map((r) => r.row),
    page,
  );

// ---------------------------------------------------------------------------------------------
// Contract review queue: orders waiting, and for what.

export interface ContractQueueRow {
  readonly caseId: string;
  readonly status: string;
  /** What the review waits for: a written record, requirements, an opinion, an amendment's communication… */
  readonly waitingFor: ReadonlyArray<string>;
}

/** A case's line on the contract-review queue, if it waits for something. */
export const queueRowOf = (caseId: string, view: CaseView): ContractQueueRow | undefined => (view.queue === undefined ? undefined : { caseId, ...view.queue });

/** Contract reviews that wait for something, the earliest submitted first. */
export const contractReviewQueue = (files: Iterable<CaseRecord>, page?: PageRequest): ReadonlyArray<ContractQueueRow> =>
  pageOf(
    [...files]
      .flatMap((file) => {
        const row = queueRowOf(file.caseId, file.view);
        return row === undefined ? [] : [{ key: caseKey(file), opened: file.view.openedAt, row }];
      })
      .sort((a, b) => byInstantThenKey(a.opened, a.key, b.opened, b.key))
      .map((r) => r.row),
    page,
  );

// ---------------------------------------------------------------------------------------------
// Open inquiries, the one due first on top (I-2 … I-7).

export interface OpenInquiryRow {
  readonly caseId: string;
  /** `open` (being answered) or `replied` (an oral reply waiting for its written confirmation, or not yet closed). */
  readonly status: string;
  readonly channel: string;
  readonly receivedAt: Instant;
  /** The deadlines still to meet (not done), missed or pending at `now`. */
  readonly deadlines: ReadonlyArray<DeadlineReport>;
  /** The earliest due instant among them: the order of the list. */
  readonly nextDueBy?: Instant;
  /** I-5: the manager a question waits for. */
  readonly waitingFor?: string;
}

/** A case's line on the list of open inquiries at `now`, if it is on it. */
export const inquiryRowOf = (caseId: string, view: CaseView, now: Instant): OpenInquiryRow | undefined => {
  if (view.inquiry === undefined) return undefined;
  const deadlines = view.deadlines.filter((d) => d.doneAt === undefined).map((d) => deadlineAt(d, now));
  return { caseId, ...view.inquiry, deadlines, ...(view.nextDueBy === undefined ? {} : { nextDueBy: view.nextDueBy }) };
};

/** Every inquiry not closed nor turned into a complaint, ordered by its next due instant (none last), then by receipt. */
export const openInquiries = (files: Iterable<CaseRecord>, now: Instant, page?: PageRequest): ReadonlyArray<OpenInquiryRow> =>
  pageOf(
    [...files]
      .flatMap((file) => {
        const row = inquiryRowOf(file.caseId, file.view, now);
        return row === undefined ? [] : [{ key: caseKey(file), row }];
      })
      .sort((a, b) => byDue(a.row.nextDueBy, b.row.nextDueBy) || byInstantThenKey(a.row.receivedAt, a.key, b.row.receivedAt, b.key))
      .map((r) => r.row),
    page,
  );
