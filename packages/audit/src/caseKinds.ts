/** What the audit needs of each case type: its fold, invariants, deadlines and the meaning of its events. */
import {
  type BusinessCalendar,
  type ComplaintEvent,
  type ComplaintState,
  type ContractReviewEvent,
  type ContractReviewState,
  type DeadlineReport,
  type HistoryInvariant,
  type Instant,
  type PolicyError,
  type PolicySet,
  type RulebookPolicy,
  type SurveyEvent,
  type SurveyState,
  type WarrantyClaimState,
  type WarrantyEvent,
  complaintDeadlines,
  complaintInvariants,
  contractReviewDeadlines,
  contractReviewInvariants,
  evolveComplaint,
  evolveContractReview,
  evolveWarrantyClaim,
  initialComplaintState,
  initialContractReviewState,
  initialWarrantyClaimState,
  surveyDecider,
  surveyInvariants,
  warrantyDeadlines,
  warrantyInvariants,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { type EventMeaning, complaintMeaning, contractReviewMeaning, surveyMeaning, warrantyMeaning } from './catalogue.js';

export interface AuditContext {
  readonly policies: PolicySet<RulebookPolicy>;
  readonly calendar: BusinessCalendar;
}

export interface CaseKind<Ev extends { readonly type: string; readonly at: Instant }, S> {
  readonly initial: S;
  readonly evolve: (state: S, event: Ev) => S;
  readonly invariants: ReadonlyArray<HistoryInvariant<Ev>>;
  readonly deadlines: (context: AuditContext) => (events: ReadonlyArray<Ev>, now: Instant) => E.Either<PolicyError, ReadonlyArray<DeadlineReport>>;
  readonly meaning: (event: Ev) => EventMeaning;
  /** A short status for the timeline, e.g. `internal: planned`. */
  readonly status: (state: S) => string;
}

export const complaintKind: CaseKind<ComplaintEvent, ComplaintState> = {
  initial: initialComplaintState,
  evolve: evolveComplaint,
  invariants: complaintInvariants,
  deadlines: complaintDeadlines,
  meaning: complaintMeaning,
  status: (s) =>
    s.status === 'internal'
      ? `internal: ${s.investigation.step === 'determined' ? s.investigation.capa.step : s.investigation.step}`
      : s.status === 'closed'
        ? `closed (${s.path})`
        : s.status,
};

export const warrantyKind: CaseKind<WarrantyEvent, WarrantyClaimState> = {
  initial: initialWarrantyClaimState,
  evolve: evolveWarrantyClaim,
  invariants: warrantyInvariants,
  deadlines: warrantyDeadlines,
  meaning: warrantyMeaning,
  status: (s) => (s.status === 'none' ? 'none' : `${s.claim.kind}: ${s.status}`),
};

export const contractReviewKind: CaseKind<ContractReviewEvent, ContractReviewState> = {
  initial: initialContractReviewState,
  evolve: evolveContractReview,
  invariants: contractReviewInvariants,
  deadlines: contractReviewDeadlines,
  meaning: contractReviewMeaning,
  status: (s) => s.status,
};

export const surveyKind: CaseKind<SurveyEvent, SurveyState> = {
  initial: surveyDecider.initialState,
  evolve: surveyDecider.evolve,
  invariants: surveyInvariants,
  deadlines: () => () => E.right([]),
  meaning: surveyMeaning,
  status: (s) => s.status,
};
