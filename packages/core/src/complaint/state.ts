/**
 * The state of a complaint, as a union in which an illegal combination cannot be written: an
 * external complaint has no investigation or CAPA plan; a CAPA plan exists only after quality named
 * the root cause; a closed internal complaint has a verified plan and the customer's acceptance.
 */
import type { Actor, Department } from '../actor.js';
import type { CaseId, Instant, PositiveInt } from '../codecs.js';
import type { ComplaintEvent } from './messages.js';
import type { Channel, Product, ReviewReason, Severity } from './vocabulary.js';
import type { Customer } from '../customer.js';
import type { CapaPlanRow } from '../readModel.js';

/** C-6: samples and returned goods. `held` is what has arrived and not been disposed of. */
export interface Samples {
  readonly requested: boolean;
  readonly received: number;
  readonly reinspected: number;
  readonly held: number;
}

/** C-9: at most one joint review is open at a time. */
export type JointReview =
  { readonly status: 'none' } | { readonly status: 'open'; readonly reason: ReviewReason; readonly chair: Actor; readonly convenedAt: Instant };

interface ComplaintFile {
  readonly receivedAt: Instant;
  readonly customer: Customer;
  readonly channel: Channel;
  readonly description: string;
  readonly severity: Severity;
  readonly product?: Product;
  readonly surveyId?: CaseId;
  /** I-8: the inquiry this complaint came from. */
  readonly inquiryId?: CaseId;
  readonly acknowledgedAt?: Instant;
  readonly samples: Samples;
  readonly review: JointReview;
  /** C-8: every CAPA plan submitted, and what became of it (implemented, verified, accepted), first plan first. */
  readonly capaHistory: ReadonlyArray<CapaPlanRow>;
  /** T-1: no later step may be earlier than this. */
  readonly lastEventAt: Instant;
}

/** C-7: the root cause and the department responsible, from quality or, after a dispute, an appraisal (C-11). */
export interface Determination {
  readonly rootCause: string;
  readonly responsibleDepartment: Department;
  readonly determinedAt: Instant;
  readonly source: 'quality' | 'appraisal';
}

export interface CapaPlan {
  readonly number: PositiveInt;
  readonly department: Department;
  readonly corrective: string;
  readonly preventive: string;
  readonly submittedAt: Instant;
}

/** Why a (new) CAPA plan is required (C-7, C-8, C-10, C-11, C-12). */
export type PlanReason = 'root-cause-determined' | 'not-effective' | 'customer-rejected' | 'appraisal-revised' | 'reopened';

/** C-7 … C-10: the CAPA loop, until the customer accepts. */
export type Capa =
  | { readonly step: 'plan-required'; readonly reason: PlanReason; readonly since: Instant; readonly plansSoFar: number }
  | { readonly step: 'planned'; readonly plan: CapaPlan }
  | { readonly step: 'implemented'; readonly plan: CapaPlan }
  | { readonly step: 'verified-effective'; readonly plan: CapaPlan; readonly verifiedAt: Instant }
  | { readonly step: 'resolution-reported'; readonly plan: CapaPlan; readonly reportedAt: Instant }
  | { readonly step: 'accepted'; readonly plan: CapaPlan; readonly acceptedAt: Instant };

/** C-11: a customer's dispute of the determination. */
export type Dispute = 'none' | 'open' | 'settled';

/** C-5 … C-7: the investigation of an internal complaint. */
export type Investigation =
  | { readonly step: 'not-forwarded' }
  | { readonly step: 'forwarded'; readonly forwardedAt: Instant }
  | { readonly step: 'quality-replied'; readonly forwardedAt: Instant; readonly qualityRepliedAt: Instant }
  | {
      readonly step: 'determined';
      readonly forwardedAt: Instant;
      readonly qualityRepliedAt: Instant;
      readonly determination: Determination;
      readonly capa: Capa;
      readonly dispute: Dispute;
    };

export interface UnclassifiedComplaint extends ComplaintFile {
  readonly status: 'received';
}

export interface ExternalComplaint extends ComplaintFile {
  readonly status: 'external';
  readonly classifiedAt: Instant;
  readonly explanationSentAt?: Instant;
  readonly receiptConfirmedAt?: Instant;
}

export interface InternalComplaint extends ComplaintFile {
  readonly status: 'internal';
  readonly classifiedAt: Instant;
  readonly investigation: Investigation;
}

export interface ClosedExternalComplaint extends ComplaintFile {
  readonly status: 'closed';
  readonly path: 'external';
  readonly classifiedAt: Instant;
  readonly explanationSentAt: Instant;
  readonly receiptConfirmedAt: Instant;
  readonly closedAt: Instant;
}

export interface ClosedInternalComplaint extends ComplaintFile {
  readonly status: 'closed';
  readonly path: 'internal';
  readonly classifiedAt: Instant;
  readonly forwardedAt: Instant;
  readonly qualityRepliedAt: Instant;
  readonly determination: Determination;
  readonly plan: CapaPlan;
  readonly acceptedAt: Instant;
  readonly closedAt: Instant;
}

export type ComplaintState =
  { readonly status: 'none' } | UnclassifiedComplaint | ExternalComplaint | InternalComplaint | ClosedExternalComplaint | ClosedInternalComplaint;

export type OpenComplaint = UnclassifiedComplaint | ExternalComplaint | InternalComplaint;

/** A complaint that has been received: open or closed. */
export type ReceivedComplaint = OpenComplaint | ClosedExternalComplaint | ClosedInternalComplaint;

export const initialComplaintState: ComplaintState = { status: 'none' };

const noSamples: Samples = { requested: false, received: 0, reinspected: 0, held: 0 };

/** The number of the last plan submitted, or 0. */
export const plansSoFar = (capa: Capa): number => (capa.step === 'plan-required' ? capa.plansSoFar : capa.plan.number);

/** The state as it was, apart from the time of its last event (T-1). */
const touched = (s: ReceivedComplaint, at: Instant): ComplaintState => ({ ...s, lastEventAt: at });

const withDetermined = (s: InternalComplaint, at: Instant, f: (inv: Extract<Investigation, { step: 'determined' }>) => Investigation): ComplaintState =>
  s.investigation.step === 'determined' ? { ...s, lastEventAt: at, investigation: f(s.investigation) } : touched(s, at);

const fileOf = (s: ComplaintFile): ComplaintFile => ({
  receivedAt: s.receivedAt,
  customer: s.customer,
  channel: s.channel,
  description: s.description,
  severity: s.severity,
  ...(s.product === undefined ? {} : { product: s.product }),
  ...(s.surveyId === undefined ? {} : { surveyId: s.surveyId }),
  ...(s.inquiryId === undefined ? {} : { inquiryId: s.inquiryId }),
  ...(s.acknowledgedAt === undefined ? {} : { acknowledgedAt: s.acknowledgedAt }),
  samples: s.samples,
  review: s.review,
  capaHistory: s.capaHistory,
  lastEventAt: s.lastEventAt,
});

/** C-8: one plan of the history changed by a later step about it. */
const withPlan = (s: ReceivedComplaint, planNumber: number, f: (p: CapaPlanRow) => CapaPlanRow): ReadonlyArray<CapaPlanRow> =>
  s.capaHistory.map((p) => (p.number === planNumber ? f(p) : p));

/** The plans' history after a step, whatever the complaint's state (a forged history is the audit's to judge). */
const historyAfter = (s: ReceivedComplaint, e: ComplaintEvent): ReadonlyArray<CapaPlanRow> => {
  switch (e.type) {
    case 'CapaPlanSubmitted':
      return [...s.capaHistory, { number: e.planNumber, department: e.by.department, submittedAt: e.at }];
    case 'CapaImplemented':
      return withPlan(s, e.planNumber, (p) => ({ ...p, implementedAt: e.at }));
    case 'CapaVerified':
      return withPlan(s, e.planNumber, (p) => ({ ...p, verifiedAt: e.at, effective: e.effective }));
    case 'CustomerResponded':
      return withPlan(s, e.planNumber, (p) => ({ ...p, customerAccepted: e.accepted }));
    default:
      return s.capaHistory;
  }
};

const classify = (s: UnclassifiedComplaint, responsibility: 'external' | 'internal', at: Instant): ComplaintState =>
  responsibility === 'external'
    ? { ...s, lastEventAt: at, status: 'external', classifiedAt: at }
    : { ...s, lastEventAt: at, status: 'internal', classifiedAt: at, investigation: { step: 'not-forwarded' } };

/**
 * Folds one event into the state. Total: an event that does not fit the state (a forged or foreign
 * history) leaves the state as it was, apart from the time; the history invariants report it.
 * Each step copies the state once, with the time of the event, since replay folds by the million.
 */
export const evolveComplaint = (state: ComplaintState, e: ComplaintEvent): ComplaintState => {
  if (state.status === 'none') {
    if (e.type !== 'ComplaintReceived') return state;
    return {
      status: 'received',
      receivedAt: e.at,
      customer: e.customer,
      channel: e.channel,
      description: e.description,
      severity: e.severity,
      ...(e.product === undefined ? {} : { product: e.product }),
      ...(e.surveyId === undefined ? {} : { surveyId: e.surveyId }),
      ...(e.inquiryId === undefined ? {} : { inquiryId: e.inquiryId }),
      samples: noSamples,
      review: { status: 'none' },
      capaHistory: [],
      lastEventAt: e.at,
    };
  }
  const next = evolveReceived(state, e);
  if (next.status === 'none') return next;
  const capaHistory = historyAfter(state, e);
  return capaHistory === next.capaHistory ? next : { ...next, capaHistory };
};

const evolveReceived = (state: ReceivedComplaint, e: ComplaintEvent): ComplaintState => {
  const at = e.at;
  switch (e.type) {
    case 'ComplaintReceived':
      return touched(state, at);
    case 'ComplaintAcknowledged':
      return state.acknowledgedAt === undefined ? { ...state, lastEventAt: at, acknowledgedAt: at } : touched(state, at);
    case 'SamplesRequested':
      return { ...state, lastEventAt: at, samples: { ...state.samples, requested: true } };
    case 'SamplesReceived':
      return { ...state, lastEventAt: at, samples: { ...state.samples, received: state.samples.received + e.quantity, held: state.samples.held + e.quantity } };
    case 'SamplesReinspected':
      return { ...state, lastEventAt: at, samples: { ...state.samples, reinspected: state.samples.reinspected + e.quantity } };
    case 'SamplesDisposed':
      return { ...state, lastEventAt: at, samples: { ...state.samples, held: 0 } };
    case 'ComplaintClassified':
      return state.status === 'received' ? classify(state, e.responsibility, at) : touched(state, at);
    case 'JointReviewConvened':
      return { ...state, lastEventAt: at, review: { status: 'open', reason: e.reason, chair: e.chair, convenedAt: at } };
    case 'JointReviewDecided':
      return { ...state, lastEventAt: at, review: { status: 'none' } };
    case 'ExplanationSent':
      return state.status === 'external' ? { ...state, lastEventAt: at, explanationSentAt: at } : touched(state, at);
    case 'ExplanationReceiptConfirmed':
      return state.status === 'external' ? { ...state, lastEventAt: at, receiptConfirmedAt: at } : touched(state, at);
    case 'ForwardedToQuality':
      return state.status === 'internal' && state.investigation.step === 'not-forwarded'
        ? { ...state, lastEventAt: at, investigation: { step: 'forwarded', forwardedAt: at } }
        : touched(state, at);
    case 'QualityReplied':
      return state.status === 'internal' && state.investigation.step === 'forwarded'
        ? { ...state, lastEventAt: at, investigation: { step: 'quality-replied', forwardedAt: state.investigation.forwardedAt, qualityRepliedAt: at } }
        : touched(state, at);
    case 'RootCauseDetermined':
      return state.status === 'internal' && state.investigation.step === 'quality-replied'
        ? {
            ...state,
            lastEventAt: at,
            investigation: {
              step: 'determined',
              forwardedAt: state.investigation.forwardedAt,
              qualityRepliedAt: state.investigation.qualityRepliedAt,
              determination: { rootCause: e.rootCause, responsibleDepartment: e.responsibleDepartment, determinedAt: at, source: 'quality' },
              capa: { step: 'plan-required', reason: 'root-cause-determined', since: at, plansSoFar: 0 },
              dispute: 'none',
            },
          }
        : touched(state, at);
    case 'CapaPlanSubmitted':
      return state.status === 'internal'
        ? withDetermined(state, at, (inv) => ({
            ...inv,
            capa: {
              step: 'planned',
              plan: { number: e.planNumber, department: e.by.department, corrective: e.corrective, preventive: e.preventive, submittedAt: at },
            },
          }))
        : touched(state, at);
    case 'CapaImplemented':
      return state.status === 'internal'
        ? withDetermined(state, at, (inv) => (inv.capa.step === 'planned' ? { ...inv, capa: { step: 'implemented', plan: inv.capa.plan } } : inv))
        : touched(state, at);
    case 'CapaVerified':
      return state.status === 'internal'
        ? withDetermined(state, at, (inv) =>
            inv.capa.step !== 'implemented'
              ? inv
              : {
                  ...inv,
                  capa: e.effective
                    ? { step: 'verified-effective', plan: inv.capa.plan, verifiedAt: at }
                    : { step: 'plan-required', reason: 'not-effective', since: at, plansSoFar: inv.capa.plan.number },
                },
          )
        : touched(state, at);
    case 'ResolutionReported':
      return state.status === 'internal'
        ? withDetermined(state, at, (inv) =>
            inv.capa.step === 'verified-effective' ? { ...inv, capa: { step: 'resolution-reported', plan: inv.capa.plan, reportedAt: at } } : inv,
          )
        : touched(state, at);
    case 'CustomerResponded':
      return state.status === 'internal'
        ? withDetermined(state, at, (inv) =>
            inv.capa.step !== 'resolution-reported'
              ? inv
              : {
                  ...inv,
                  capa: e.accepted
                    ? { step: 'accepted', plan: inv.capa.plan, acceptedAt: at }
                    : { step: 'plan-required', reason: 'customer-rejected', since: at, plansSoFar: inv.capa.plan.number },
                },
          )
        : touched(state, at);
    case 'DeterminationDisputed':
      return state.status === 'internal' ? withDetermined(state, at, (inv) => ({ ...inv, dispute: 'open' })) : touched(state, at);
    case 'IndependentAppraisalRecorded':
      return state.status === 'internal'
        ? withDetermined(state, at, (inv) =>
            e.result.outcome === 'upheld'
              ? { ...inv, dispute: 'settled' }
              : {
                  ...inv,
                  dispute: 'settled',
                  determination: {
                    rootCause: e.result.rootCause,
                    responsibleDepartment: e.result.responsibleDepartment,
                    determinedAt: at,
                    source: 'appraisal',
                  },
                  capa: { step: 'plan-required', reason: 'appraisal-revised', since: at, plansSoFar: plansSoFar(inv.capa) },
                },
          )
        : touched(state, at);
    case 'ComplaintClosed':
      return close(state, at);
    case 'ComplaintReopened':
      return reopen(state, at);
  }
};

const close = (s: ReceivedComplaint, at: Instant): ComplaintState => {
  if (s.status === 'external' && s.explanationSentAt !== undefined && s.receiptConfirmedAt !== undefined) {
    return {
      ...fileOf(s),
      lastEventAt: at,
      status: 'closed',
      path: 'external',
      classifiedAt: s.classifiedAt,
      explanationSentAt: s.explanationSentAt,
      receiptConfirmedAt: s.receiptConfirmedAt,
      closedAt: at,
    };
  }
  if (s.status === 'internal' && s.investigation.step === 'determined' && s.investigation.capa.step === 'accepted') {
    const inv = s.investigation;
    const capa = s.investigation.capa;
    return {
      ...fileOf(s),
      lastEventAt: at,
      status: 'closed',
      path: 'internal',
      classifiedAt: s.classifiedAt,
      forwardedAt: inv.forwardedAt,
      qualityRepliedAt: inv.qualityRepliedAt,
      determination: inv.determination,
      plan: capa.plan,
      acceptedAt: capa.acceptedAt,
      closedAt: at,
    };
  }
  return touched(s, at);
};

/** C-12: a reopened complaint goes back to needing a new explanation (external) or a new CAPA plan (internal). */
const reopen = (s: ReceivedComplaint, at: Instant): ComplaintState => {
  if (s.status !== 'closed') return touched(s, at);
  if (s.path === 'external') return { ...fileOf(s), lastEventAt: at, status: 'external', classifiedAt: s.classifiedAt };
  return {
    ...fileOf(s),
    lastEventAt: at,
    status: 'internal',
    classifiedAt: s.classifiedAt,
    investigation: {
      step: 'determined',
      forwardedAt: s.forwardedAt,
      qualityRepliedAt: s.qualityRepliedAt,
      determination: s.determination,
      capa: { step: 'plan-required', reason: 'reopened', since: at, plansSoFar: s.plan.number },
      dispute: 'none',
    },
  };
};
