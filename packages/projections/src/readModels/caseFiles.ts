/**
 * The open-work read models. One fold, `caseFiles`, keeps each case's decoded events; the views the
 * departments open every morning are queries over it at an instant "now", because deadline status
 * depends on the time of asking (T-8): the complaint board, the overdue list, the CAPA tracker, the
 * contract-review queue and the open inquiries.
 */
import {
  ComplaintEvent,
  ContractReviewEvent,
  type DeadlineReport,
  type Department,
  type Instant,
  InquiryEvent,
  type Rulebook,
  WarrantyEvent,
  approvalBlockers,
  compareInstants,
  complaintDeadlines,
  contractReviewDeadlines,
  epochMs,
  evolveComplaint,
  evolveContractReview,
  evolveInquiry,
  initialComplaintState,
  initialContractReviewState,
  initialInquiryState,
  inquiryDeadlines,
  warrantyDeadlines,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { KnownEvent } from '../knownEvents.js';
import { type Projection, foldEntries } from '../projection.js';

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

export const CaseFiles = t.readonly(t.type({ cases: t.readonly(t.record(t.string, CaseFile)) }), 'CaseFiles');
export type CaseFiles = t.TypeOf<typeof CaseFiles>;

const append = (file: CaseFile | undefined, e: KnownEvent): CaseFile | undefined => {
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

const files = foldEntries<CaseFile>({ keyOf: (e) => (e.category === 'survey' ? undefined : `${e.category}-${e.caseId}`), step: append });

const applyAll = (rm: CaseFiles, events: ReadonlyArray<KnownEvent>): CaseFiles => {
  const next = files(rm.cases, events);
  return next === rm.cases ? rm : { cases: next };
};

export const caseFiles: Projection<CaseFiles> = {
  name: 'case-files',
  // Version 2 keeps inquiries too: a store written by version 1 is rebuilt.
  version: 2,
  handles: new Set([
    ...['ComplaintReceived', 'ComplaintAcknowledged', 'SamplesRequested', 'SamplesReceived', 'SamplesReinspected', 'SamplesDisposed', 'ComplaintClassified'],
    ...['JointReviewConvened', 'JointReviewDecided', 'ExplanationSent', 'ExplanationReceiptConfirmed', 'ForwardedToQuality', 'QualityReplied', 'RootCauseDetermined'],
    ...['CapaPlanSubmitted', 'CapaImplemented', 'CapaVerified', 'ResolutionReported', 'CustomerResponded', 'DeterminationDisputed', 'IndependentAppraisalRecorded'],
    ...['ComplaintClosed', 'ComplaintReopened'],
    ...['ClaimFiled', 'ConstructionDefectConfirmed', 'ClaimRejected', 'ClaimClosed'],
    ...['OrderSubmitted', 'OralOrderRecorded', 'RequirementDetermined', 'DifferenceRecorded', 'DifferenceResolved', 'DepartmentOpinionRecorded', 'CapabilityConfirmed'],
    ...['ContractApproved', 'OrderRejected', 'ContractSigned', 'AmendmentProposed', 'AmendmentAgreed', 'AmendmentDeclined', 'ContractReturnedToReview'],
    ...['AmendmentCommunicated', 'ReleasedToProduction'],
    ...['InquiryReceived', 'InformationNeeded', 'CompletionDateAgreed', 'InquiryEscalated', 'ManagerDecided', 'InquiryReplied', 'ReplyConfirmedInWriting'],
    ...['InquiryTurnedIntoComplaint', 'InquiryClosed'],
  ]),
  initial: { cases: {} },
  codec: CaseFiles,
  apply: (rm, e) => applyAll(rm, [e]),
  applyAll,
};

/** The company's policies and calendar the deadlines are judged by. */
export type QueryContext = Rulebook;

const reportsOf = (r: E.Either<{ readonly message: string }, ReadonlyArray<DeadlineReport>>): ReadonlyArray<DeadlineReport> => (E.isRight(r) ? r.right : []);

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

export const complaintBoard = (rm: CaseFiles, now: Instant, context: QueryContext): ReadonlyArray<ComplaintBoardRow> =>
  Object.values(rm.cases)
    .flatMap((file) => {
      if (file.category !== 'complaint') return [];
      const state = file.events.reduce(evolveComplaint, initialComplaintState);
      if (state.status === 'none' || state.status === 'closed') return [];
      const inv = state.status === 'internal' ? state.investigation : undefined;
      const status = inv === undefined ? state.status : inv.step === 'determined' ? `internal: ${inv.capa.step}` : `internal: ${inv.step}`;
      const row: ComplaintBoardRow = {
        caseId: file.caseId,
        status,
        severity: state.severity,
        channel: state.channel,
        receivedAt: state.receivedAt,
        ...(inv?.step === 'determined' ? { responsibleDepartment: inv.determination.responsibleDepartment } : {}),
        deadlines: reportsOf(complaintDeadlines(context)(file.events, now)).filter((d) => d.status !== 'not-applicable'),
      };
      return [row];
    })
    .sort((a, b) => compareInstants(a.receivedAt, b.receivedAt));

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

/** Open deadlines (not yet done) that are missed, or due within `soonMs` of `now` (default 24 h). */
export const overdueList = (rm: CaseFiles, now: Instant, context: QueryContext, soonMs = 24 * 3600_000): ReadonlyArray<OverdueRow> =>
  Object.values(rm.cases)
    .flatMap((file) =>
      deadlinesOf(file, now, context).flatMap((d): ReadonlyArray<OverdueRow> => {
        if (d.dueBy === undefined || d.doneAt !== undefined) return [];
        const base = { category: file.category, caseId: file.caseId, ruleId: d.ruleId, deadline: d.name, dueBy: d.dueBy };
        if (d.status === 'missed') return [{ ...base, status: 'missed' }];
        return d.status === 'pending' && epochMs(d.dueBy) - epochMs(now) <= soonMs ? [{ ...base, status: 'due-soon' }] : [];
      }),
    )
    .sort((a, b) => compareInstants(a.dueBy, b.dueBy));

// ---------------------------------------------------------------------------------------------
// CAPA tracker: plans, due dates, implementation, verification, re-plans (C-7, C-8, C-10).

export interface CapaPlanRow {
  readonly number: number;
  readonly department: Department;
  readonly submittedAt: Instant;
  readonly implementedAt?: Instant;
  readonly verifiedAt?: Instant;
  readonly effective?: boolean;
  readonly customerAccepted?: boolean;
}

export interface CapaTrackerRow {
  readonly caseId: string;
  readonly responsibleDepartment?: Department;
  /** The C-7 due instant of the first plan, and its status at `now`. */
  readonly planDeadline?: DeadlineReport;
  readonly plans: ReadonlyArray<CapaPlanRow>;
  readonly replans: number;
  readonly currentStep: string;
}

export const capaTracker = (rm: CaseFiles, now: Instant, context: QueryContext): ReadonlyArray<CapaTrackerRow> =>
  Object.values(rm.cases).flatMap((file) => {
    if (file.category !== 'complaint') return [];
    const state = file.events.reduce(evolveComplaint, initialComplaintState);
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
    const hasRootCause = file.events.some((e) => e.type === 'RootCauseDetermined');
    if (!hasRootCause) return [];
    const planDeadline = reportsOf(complaintDeadlines(context)(file.events, now)).find((d) => d.name === 'capa-plan');
    const inv = state.status === 'internal' ? state.investigation : undefined;
    const row: CapaTrackerRow = {
      caseId: file.caseId,
      ...(inv?.step === 'determined' ? { responsibleDepartment: inv.determination.responsibleDepartment } : state.status === 'closed' && state.path === 'internal' ? { responsibleDepartment: state.determination.responsibleDepartment } : {}),
      ...(planDeadline === undefined ? {} : { planDeadline }),
      plans,
      replans: Math.max(0, plans.length - 1),
      currentStep: state.status === 'closed' ? 'closed' : inv?.step === 'determined' ? inv.capa.step : 'awaiting root cause',
    };
    return [row];
  });

// ---------------------------------------------------------------------------------------------
// Contract review queue: orders waiting, and for what.

export interface ContractQueueRow {
  readonly caseId: string;
  readonly status: string;
  /** What the review waits for: a written record, requirements, an opinion, an amendment's communication… */
  readonly waitingFor: ReadonlyArray<string>;
}

export const contractReviewQueue = (rm: CaseFiles): ReadonlyArray<ContractQueueRow> =>
  Object.values(rm.cases).flatMap((file) => {
    if (file.category !== 'contractReview') return [];
    const state = file.events.reduce(evolveContractReview, initialContractReviewState);
    if (state.status === 'none' || state.status === 'rejected') return [];
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
    return all.length === 0 ? [] : [{ caseId: file.caseId, status: state.status, waitingFor: all }];
  });

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

/** Every inquiry not closed nor turned into a complaint, ordered by its next due instant (none last). */
export const openInquiries = (rm: CaseFiles, now: Instant, context: QueryContext): ReadonlyArray<OpenInquiryRow> =>
  Object.values(rm.cases)
    .flatMap((file): ReadonlyArray<OpenInquiryRow> => {
      if (file.category !== 'inquiry') return [];
      const state = file.events.reduce(evolveInquiry, initialInquiryState);
      if (state.status !== 'open' && state.status !== 'replied') return [];
      const deadlines = reportsOf(inquiryDeadlines(context)(file.events, now)).filter((d) => d.status !== 'not-applicable' && d.doneAt === undefined);
      const nextDueBy = deadlines.reduce<Instant | undefined>((soonest, d) => (d.dueBy === undefined || (soonest !== undefined && compareInstants(soonest, d.dueBy) <= 0) ? soonest : d.dueBy), undefined);
      const waiting = state.escalation !== undefined && state.escalation.decidedAt === undefined ? state.escalation.manager.id : undefined;
      return [
        {
          caseId: file.caseId,
          status: state.status,
          channel: state.channel,
          receivedAt: state.receivedAt,
          deadlines,
          ...(nextDueBy === undefined ? {} : { nextDueBy }),
          ...(waiting === undefined ? {} : { waitingFor: waiting }),
        },
      ];
    })
    .sort((a, b) => byDue(a.nextDueBy, b.nextDueBy) || compareInstants(a.receivedAt, b.receivedAt));

/** Earlier due instants first; rows with none last. */
const byDue = (a: Instant | undefined, b: Instant | undefined): number => (a === undefined ? (b === undefined ? 0 : 1) : b === undefined ? -1 : compareInstants(a, b));
