/**
 * The open-work read model. One projection, `caseFiles`, keeps a row per case: its decoded events
 * and a view computed when the row is written — status, department, customer, when it opened, each
 * deadline with its due instant under the business calendar, what each department's list needs.
 * The views the departments open every morning are queries at an instant "now", because a
 * deadline's status depends on the time of asking (T-8): the complaint board, the overdue list, the
 * CAPA tracker, the contract-review queue and the open inquiries. Here they are computed from the
 * events in memory; `postgresCaseQueries` answers the same in SQL from the view's columns.
 */
import {
  DepartmentCodec,
  type RuleId,
  isRuleId,
  ComplaintEvent,
  ContractReviewEvent,
  type DeadlineReport,
  type Department,
  Instant,
  InquiryEvent,
  type Rulebook,
  WarrantyEvent,
  approvalBlockers,
  complaintCaseType,
  complaintDeadlines,
  contractReviewCaseType,
  contractReviewDeadlines,
  epochMs,
  evolveComplaint,
  evolveContractReview,
  evolveInquiry,
  initialComplaintState,
  initialContractReviewState,
  initialInquiryState,
  inquiryCaseType,
  inquiryDeadlines,
  policyAt,
  warrantyClaimCaseType,
  warrantyDeadlines,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { KnownEvent } from '../knownEvents.js';
import type { Projection } from '../projection.js';
import { type PageRequest, pageOf } from '../readModelStore.js';

export const CaseFile = t.union(
  [
    t.readonly(t.type({ category: t.literal('complaint'), caseId: t.string, events: t.readonlyArray(ComplaintEvent.codec) })),
    t.readonly(t.type({ category: t.literal('warrantyClaim'), caseId: t.string, events: t.readonlyArray(WarrantyEvent.codec) })),
    t.readonly(t.type({ category: t.literal('contractReview'), caseId: t.string, events: t.readonlyArray(ContractReviewEvent.codec) })),
    t.readonly(t.type({ category: t.literal('inquiry'), caseId: t.string, events: t.readonlyArray(InquiryEvent.codec) })),
  ],
  'CaseFile',
);
export type CaseFile = t.TypeOf<typeof CaseFile>;

/** The company's policies and calendar the deadlines are judged by. */
export type QueryContext = Rulebook;

/** The key of a case's row: its stream name, `<category>-<caseId>`. */
export const caseKey = (file: Pick<CaseFile, 'category' | 'caseId'>): string => `${file.category}-${file.caseId}`;

// ---------------------------------------------------------------------------------------------
// What each list shows of a case that does not depend on the time of asking.

/** A function of an immutable value, computed once per value (a case's events fold into its state once per view). */
const once = <K extends object, V>(f: (k: K) => V): ((k: K) => V) => {
  const known = new WeakMap<K, V>();
  return (k) => {
    if (known.has(k)) return known.get(k) ?? f(k);
    const v = f(k);
    known.set(k, v);
    return v;
  };
};

const complaintStateOf = once((events: ReadonlyArray<ComplaintEvent>) => events.reduce(evolveComplaint, initialComplaintState));
const contractReviewStateOf = once((events: ReadonlyArray<ContractReviewEvent>) => events.reduce(evolveContractReview, initialContractReviewState));
const inquiryStateOf = once((events: ReadonlyArray<InquiryEvent>) => events.reduce(evolveInquiry, initialInquiryState));

/** A rule id read back from a row. */
const RuleIdText = new t.Type<RuleId, string, unknown>(
  'RuleId',
  isRuleId,
  (u, c) => (isRuleId(u) ? t.success(u) : t.failure(u, c)),
  (id) => id,
);

const BoardEntry = t.readonly(
  t.intersection([
    t.type({ status: t.string, severity: t.string, channel: t.string, receivedAt: Instant }),
    t.partial({ responsibleDepartment: DepartmentCodec }),
  ]),
);
type BoardEntry = t.TypeOf<typeof BoardEntry>;

/** An open complaint as the board shows it, or `undefined` for any other case. */
const boardEntryOf = (file: CaseFile): BoardEntry | undefined => {
  if (file.category !== 'complaint') return undefined;
  const state = complaintStateOf(file.events);
  if (state.status === 'none' || state.status === 'closed') return undefined;
  const inv = state.status === 'internal' ? state.investigation : undefined;
  const status = inv === undefined ? state.status : inv.step === 'determined' ? `internal: ${inv.capa.step}` : `internal: ${inv.step}`;
  return {
    status,
    severity: state.severity,
    channel: state.channel,
    receivedAt: state.receivedAt,
    ...(inv?.step === 'determined' ? { responsibleDepartment: inv.determination.responsibleDepartment } : {}),
  };
};

export interface CapaPlanRow {
  readonly number: number;
  readonly department: Department;
  readonly submittedAt: Instant;
  readonly implementedAt?: Instant;
  readonly verifiedAt?: Instant;
  readonly effective?: boolean;
  readonly customerAccepted?: boolean;
}

const CapaPlanRow = t.readonly(
  t.intersection([
    t.type({ number: t.number, department: DepartmentCodec, submittedAt: Instant }),
    t.partial({ implementedAt: Instant, verifiedAt: Instant, effective: t.boolean, customerAccepted: t.boolean }),
  ]),
);

const CapaEntry = t.readonly(
  t.intersection([
    t.type({ plans: t.readonlyArray(CapaPlanRow), replans: t.number, currentStep: t.string }),
    t.partial({ responsibleDepartment: DepartmentCodec }),
  ]),
);
type CapaEntry = t.TypeOf<typeof CapaEntry>;

/** A complaint whose root cause is determined, as the CAPA tracker shows it (C-7, C-8, C-10). */
const capaEntryOf = (file: CaseFile): CapaEntry | undefined => {
  if (file.category !== 'complaint' || !file.events.some((e) => e.type === 'RootCauseDetermined')) return undefined;
  const state = complaintStateOf(file.events);
  const plans: CapaPlanRow[] = [];
  const update = (n: number, f: (p: CapaPlanRow) => CapaPlanRow) => {
    const i = plans.findIndex((p) => p.number === n);
    const p = plans[i];
    if (p !== undefined) plans[i] = f(p);
  };
  for (const e of file.events) {
    if (e.type === 'CapaPlanSubmitted') plans.push({ number: e.planNumber, department: e.by.department, submittedAt: e.at });
    if (e.type === 'CapaImplemented') update(e.planNumber, (p) => ({ ...p, implementedAt: e.at }));
    if (e.type === 'CapaVerified') update(e.planNumber, (p) => ({ ...p, verifiedAt: e.at, effective: e.effective }));
    if (e.type === 'CustomerResponded') update(e.planNumber, (p) => ({ ...p, customerAccepted: e.accepted }));
  }
  const inv = state.status === 'internal' ? state.investigation : undefined;
  return {
    ...(inv?.step === 'determined'
      ? { responsibleDepartment: inv.determination.responsibleDepartment }
      : state.status === 'closed' && state.path === 'internal'
        ? { responsibleDepartment: state.determination.responsibleDepartment }
        : {}),
    plans,
    replans: Math.max(0, plans.length - 1),
    currentStep: state.status === 'closed' ? 'closed' : inv?.step === 'determined' ? inv.capa.step : 'awaiting root cause',
  };
};

const QueueEntry = t.readonly(t.type({ status: t.string, waitingFor: t.readonlyArray(t.string) }));
type QueueEntry = t.TypeOf<typeof QueueEntry>;

/** A contract review that waits for something, and for what. */
const queueEntryOf = (file: CaseFile): QueueEntry | undefined => {
  if (file.category !== 'contractReview') return undefined;
  const state = contractReviewStateOf(file.events);
  if (state.status === 'none' || state.status === 'rejected') return undefined;
  const waiting =
    state.status === 'in-review' || state.status === 'awaiting-written-record'
      ? approvalBlockers(state).map((v) => v.message)
      : state.amendments.flatMap((a) =>
          a.status === 'proposed'
            ? [`customer's answer to amendment ${a.id}`]
            : a.status === 'in-effect'
              ? a.affectedDepartments.filter((d) => !a.communicatedTo.includes(d)).map((d) => `amendment ${a.id} to be communicated to ${d}`)
              : [],
        );
  const pendingRelease = state.status === 'signed' && state.releasedAt === undefined && waiting.length === 0 ? ['release to production'] : [];
  const signing = state.status === 'approved' ? ['signature'] : [];
  const all = [...waiting, ...signing, ...pendingRelease];
  return all.length === 0 ? undefined : { status: state.status, waitingFor: all };
};

const InquiryEntry = t.readonly(t.intersection([t.type({ status: t.string, channel: t.string, receivedAt: Instant }), t.partial({ waitingFor: t.string })]));
type InquiryEntry = t.TypeOf<typeof InquiryEntry>;

/** An inquiry not closed nor turned into a complaint. */
const inquiryEntryOf = (file: CaseFile): InquiryEntry | undefined => {
  if (file.category !== 'inquiry') return undefined;
  const state = inquiryStateOf(file.events);
  if (state.status !== 'open' && state.status !== 'replied') return undefined;
  const waiting = state.escalation !== undefined && state.escalation.decidedAt === undefined ? state.escalation.manager.id : undefined;
  return { status: state.status, channel: state.channel, receivedAt: state.receivedAt, ...(waiting === undefined ? {} : { waitingFor: waiting }) };
};

// ---------------------------------------------------------------------------------------------
// Deadlines as they stand whatever the time of asking.

const reportsOf = (r: E.Either<{ readonly message: string }, ReadonlyArray<DeadlineReport>>): ReadonlyArray<DeadlineReport> => (E.isRight(r) ? r.right : []);

const deadlinesOf = (file: CaseFile, now: Instant, context: QueryContext): ReadonlyArray<DeadlineReport> => {
  switch (file.category) {
    case 'complaint':
      return reportsOf(complaintDeadlines(context)(file.events, now));
    case 'warrantyClaim':
      return reportsOf(warrantyDeadlines(context)(file.events, now));
    case 'contractReview':
      return reportsOf(contractReviewDeadlines(context)(file.events, now));
    case 'inquiry':
      return reportsOf(inquiryDeadlines(context)(file.events, now));
  }
};

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
const storedDeadlinesOf = (file: CaseFile, context: QueryContext): ReadonlyArray<StoredDeadline> => {
  const early = deadlinesOf(file, EARLIEST, context);
  // Asked again at the last instant only where a deadline is still open (a closed case's are settled).
  const late = early.some((d) => d.status === 'pending') ? deadlinesOf(file, LATEST, context) : early;
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
/** What a case's row keeps besides its events: all that does not depend on the time of asking. */
// An interface (not an alias) so declarations name it rather than spell out io-ts's branded types.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CaseView extends t.TypeOf<typeof CaseViewCodec> {}
export const CaseView: t.Decoder<unknown, CaseView> = CaseViewCodec;

/** A case's row: its events and its view. */
export type CaseRecord = CaseFile & { readonly view: CaseView };
export const CaseRecord: t.Decoder<unknown, CaseRecord> = t.intersection([CaseFile, t.readonly(t.type({ view: CaseViewCodec }))], 'CaseRecord');

const statusOf = (file: CaseFile): { readonly status: string; readonly open: boolean } => {
  switch (file.category) {
    case 'complaint': {
      const state = complaintStateOf(file.events);
      return { status: complaintCaseType.status(state), open: state.status !== 'none' && complaintCaseType.closedAt(state) === undefined };
    }
    case 'warrantyClaim': {
      const state = file.events.reduce(warrantyClaimCaseType.evolve, warrantyClaimCaseType.initialState);
      return { status: warrantyClaimCaseType.status(state), open: state.status !== 'none' && warrantyClaimCaseType.closedAt(state) === undefined };
    }
    case 'contractReview': {
      const state = contractReviewStateOf(file.events);
      return { status: contractReviewCaseType.status(state), open: state.status !== 'none' && contractReviewCaseType.closedAt(state) === undefined };
    }
    case 'inquiry': {
      const state = inquiryStateOf(file.events);
      return { status: inquiryCaseType.status(state), open: state.status === 'open' || state.status === 'replied' };
    }
  }
};

const customerOf = (file: CaseFile): string | undefined => {
  const first = file.events[0];
  return first !== undefined && 'customer' in first ? first.customer.id : undefined;
};

/** Earlier due instants first; none last. */
const byDue = (a: Instant | undefined, b: Instant | undefined): number =>
  a === undefined ? (b === undefined ? 0 : 1) : b === undefined ? -1 : epochMs(a) - epochMs(b);

/** The view of a case as its row keeps it: all that does not depend on the time of asking. */
export const caseViewOf =
  (context: QueryContext) =>
  (file: CaseFile): CaseView | undefined => {
    const first = file.events[0];
    if (first === undefined) return undefined;
    const { status, open } = statusOf(file);
    const deadlines = storedDeadlinesOf(file, context);
    const nextDueBy = deadlines.reduce<Instant | undefined>(
      (soonest, d) => (d.doneAt !== undefined || byDue(d.dueBy, soonest) >= 0 ? soonest : d.dueBy),
      undefined,
    );
    const policy = policyAt(first.at)(context.policies);
    const board = boardEntryOf(file);
    const capa = capaEntryOf(file);
    const queue = queueEntryOf(file);
    const inquiry = inquiryEntryOf(file);
    const department = board?.responsibleDepartment ?? capa?.responsibleDepartment;
    const customerId = customerOf(file);
    return {
      status,
      open,
      openedAt: first.at,
      deadlines,
      missedRules: [...new Set(deadlines.filter((d) => d.timing === 'missed').map((d) => d.ruleId))],
      ...(department === undefined ? {} : { department }),
      ...(customerId === undefined ? {} : { customerId }),
      ...(E.isRight(policy) ? { policyVersion: policy.right.version } : {}),
      ...(nextDueBy === undefined ? {} : { nextDueBy }),
      ...(board === undefined ? {} : { board }),
      ...(capa === undefined ? {} : { capa }),
      ...(queue === undefined ? {} : { queue }),
      ...(inquiry === undefined ? {} : { inquiry }),
    };
  };

const appended = (file: CaseFile | undefined, e: KnownEvent): CaseFile | undefined => {
  switch (e.category) {
    case 'complaint':
      return { category: 'complaint', caseId: e.caseId, events: [...(file?.category === 'complaint' ? file.events : []), e.envelope.event] };
    case 'warrantyClaim':
      return { category: 'warrantyClaim', caseId: e.caseId, events: [...(file?.category === 'warrantyClaim' ? file.events : []), e.envelope.event] };
    case 'contractReview':
      return { category: 'contractReview', caseId: e.caseId, events: [...(file?.category === 'contractReview' ? file.events : []), e.envelope.event] };
    case 'inquiry':
      return { category: 'inquiry', caseId: e.caseId, events: [...(file?.category === 'inquiry' ? file.events : []), e.envelope.event] };
    case 'survey':
      return file;
  }
};

/**
 * A row per case with its events and its view, computed under the company's rulebook (the
 * calendar that sets due instants, the policies in force when each clock started).
 */
export const caseFiles = (context: QueryContext): Projection<CaseRecord> => {
  const viewOf = caseViewOf(context);
  return {
    name: 'case-files',
    // Version 3 kept a row per case with its view; version 4 adds each deadline's allowance.
    version: 4,
    handles: new Set([
      ...['ComplaintReceived', 'ComplaintAcknowledged', 'SamplesRequested', 'SamplesReceived', 'SamplesReinspected', 'SamplesDisposed', 'ComplaintClassified'],
      ...[
        'JointReviewConvened',
        'JointReviewDecided',
        'ExplanationSent',
        'ExplanationReceiptConfirmed',
        'ForwardedToQuality',
        'QualityReplied',
        'RootCauseDetermined',
      ],
      ...[
        'CapaPlanSubmitted',
        'CapaImplemented',
        'CapaVerified',
        'ResolutionReported',
        'CustomerResponded',
        'DeterminationDisputed',
        'IndependentAppraisalRecorded',
      ],
      ...['ComplaintClosed', 'ComplaintReopened'],
      ...['ClaimFiled', 'ConstructionDefectConfirmed', 'ClaimRejected', 'ClaimClosed'],
      ...[
        'OrderSubmitted',
        'OralOrderRecorded',
        'RequirementDetermined',
        'DifferenceRecorded',
        'DifferenceResolved',
        'DepartmentOpinionRecorded',
        'CapabilityConfirmed',
      ],
      ...['ContractApproved', 'OrderRejected', 'ContractSigned', 'AmendmentProposed', 'AmendmentAgreed', 'AmendmentDeclined', 'ContractReturnedToReview'],
      ...['AmendmentCommunicated', 'ReleasedToProduction'],
      ...['InquiryReceived', 'InformationNeeded', 'CompletionDateAgreed', 'InquiryEscalated', 'ManagerDecided', 'InquiryReplied', 'ReplyConfirmedInWriting'],
      ...['InquiryTurnedIntoComplaint', 'InquiryClosed'],
    ]),
    codec: CaseRecord,
    keyOf: (e) => (e.category === 'survey' ? undefined : caseKey(e)),
    evolve: (row, events) => {
      const file = events.reduce<CaseFile | undefined>(appended, row === undefined ? undefined : { ...row });
      if (file === undefined || file === row) return undefined;
      const view = viewOf(file);
      return view === undefined ? undefined : { ...file, view };
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

/** Open complaints, the earliest received first. */
export const complaintBoard = (files: Iterable<CaseFile>, now: Instant, context: QueryContext, page?: PageRequest): ReadonlyArray<ComplaintBoardRow> =>
  pageOf(
    [...files]
      .flatMap((file) => {
        const entry = boardEntryOf(file);
        return entry === undefined
          ? []
          : [
              {
                key: caseKey(file),
                row: { caseId: file.caseId, ...entry, deadlines: deadlinesOf(file, now, context).filter((d) => d.status !== 'not-applicable') },
              },
            ];
      })
      .sort((a, b) => byInstantThenKey(a.row.receivedAt, a.key, b.row.receivedAt, b.key))
      .map((r) => r.row),
    page,
  );

// ---------------------------------------------------------------------------------------------
// Overdue list: every open deadline that is missed or due soon, across case types.

export interface OverdueRow {
  readonly category: CaseFile['category'];
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
export const overdueList = (files: Iterable<CaseFile>, now: Instant, context: QueryContext, options: OverdueOptions = {}): ReadonlyArray<OverdueRow> => {
  const soonMs = options.soonMs ?? 24 * 3600_000;
  return pageOf(
    [...files]
      .flatMap((file) =>
        deadlinesOf(file, now, context).flatMap((d) => {
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

/** Complaints whose root cause is determined, the earliest received first. */
export const capaTracker = (files: Iterable<CaseFile>, now: Instant, context: QueryContext, page?: PageRequest): ReadonlyArray<CapaTrackerRow> =>
  pageOf(
    [...files]
      .flatMap((file) => {
        const entry = capaEntryOf(file);
        const opened = file.events[0]?.at;
        if (entry === undefined || opened === undefined) return [];
        const planDeadline = deadlinesOf(file, now, context).find((d) => d.name === 'capa-plan');
        const row: CapaTrackerRow = { caseId: file.caseId, ...entry, ...(planDeadline === undefined ? {} : { planDeadline }) };
        return [{ key: caseKey(file), opened, row }];
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

/** Contract reviews that wait for something, the earliest submitted first. */
export const contractReviewQueue = (files: Iterable<CaseFile>, page?: PageRequest): ReadonlyArray<ContractQueueRow> =>
  pageOf(
    [...files]
      .flatMap((file) => {
        const entry = queueEntryOf(file);
        const opened = file.events[0]?.at;
        return entry === undefined || opened === undefined ? [] : [{ key: caseKey(file), opened, row: { caseId: file.caseId, ...entry } }];
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

/** Every inquiry not closed nor turned into a complaint, ordered by its next due instant (none last), then by receipt. */
export const openInquiries = (files: Iterable<CaseFile>, now: Instant, context: QueryContext, page?: PageRequest): ReadonlyArray<OpenInquiryRow> =>
  pageOf(
    [...files]
      .flatMap((file) => {
        const entry = inquiryEntryOf(file);
        if (entry === undefined) return [];
        const deadlines = deadlinesOf(file, now, context).filter((d) => d.status !== 'not-applicable' && d.doneAt === undefined);
        const nextDueBy = deadlines.reduce<Instant | undefined>(
          (soonest, d) => (d.dueBy === undefined || byDue(d.dueBy, soonest) >= 0 ? soonest : d.dueBy),
          undefined,
        );
        const row: OpenInquiryRow = { caseId: file.caseId, ...entry, deadlines, ...(nextDueBy === undefined ? {} : { nextDueBy }) };
        return [{ key: caseKey(file), row }];
      })
      .sort((a, b) => byDue(a.row.nextDueBy, b.row.nextDueBy) || byInstantThenKey(a.row.receivedAt, a.key, b.row.receivedAt, b.key))
      .map((r) => r.row),
    page,
  );
