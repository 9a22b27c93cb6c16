/** The state of a contract review. */
import type { Department } from '../actor.js';
import type { Instant } from '../codecs.js';
import type { Customer } from '../customer.js';
import type { ContractReviewEvent, RequirementCategory, RequirementDecision } from './messages.js';

/**
 * - `awaiting-written-record`: an oral order not yet recorded in writing;
 * - `in-review`: requirements, differences, opinions and capability being settled (R-2 … R-4);
 * - `approved`: approved by sales, not yet signed;
 * - `signed`; `rejected`.
 */
export type ReviewStatus = 'awaiting-written-record' | 'in-review' | 'approved' | 'signed' | 'rejected';

export interface Amendment {
  readonly id: string;
  readonly status: 'proposed' | 'declined' | 'in-effect';
  readonly changesProductRequirements: boolean;
  readonly affectedDepartments: ReadonlyArray<Department>;
  readonly communicatedTo: ReadonlyArray<Department>;
}

export interface ContractUnderReview {
  readonly status: ReviewStatus;
  readonly customer: Customer;
  readonly form: 'written' | 'oral';
  readonly description: string;
  readonly submittedAt: Instant;
  readonly lastEventAt: Instant;
  readonly requiredDepartments: ReadonlyArray<Department>;
  readonly requirements: ReadonlyArray<{ readonly category: RequirementCategory; readonly decision: RequirementDecision }>;
  readonly differences: ReadonlyArray<{ readonly id: string; readonly description: string; readonly resolution?: string }>;
  readonly opinions: ReadonlyArray<{ readonly department: Department; readonly canMeet: boolean }>;
  readonly capabilityConfirmed: boolean;
  readonly approvedAt?: Instant;
  readonly signedAt?: Instant;
  readonly amendments: ReadonlyArray<Amendment>;
  readonly releasedAt?: Instant;
}

export type ContractReviewState = { readonly status: 'none' } | ContractUnderReview;

export const initialContractReviewState: ContractReviewState = { status: 'none' };

/** Opinions and the capability confirmation answer the requirements as they stood: a change re-opens them. */
const reopened = { opinions: [], capabilityConfirmed: false } as const;

const updateAmendment = (s: ContractUnderReview, at: Instant, id: string, f: (a: Amendment) => Amendment): ContractUnderReview => ({
  ...s,
  lastEventAt: at,
  amendments: s.amendments.map((a) => (a.id === id ? f(a) : a)),
});

/** Folds one event into the state; each step copies the state once, with the time of the event (T-1). */
export const evolveContractReview = (state: ContractReviewState, e: ContractReviewEvent): ContractReviewState => {
  if (state.status === 'none') {
    if (e.type !== 'OrderSubmitted') return state;
    return {
      status: e.form === 'oral' ? 'awaiting-written-record' : 'in-review',
      customer: e.customer,
      form: e.form,
      description: e.description,
      submittedAt: e.at,
      lastEventAt: e.at,
      requiredDepartments: e.complexProcess || e.specialMaterials ? e.requiredDepartments : [],
      requirements: [],
      differences: [],
      opinions: [],
      capabilityConfirmed: false,
      amendments: [],
    };
  }
  const s = state;
  const lastEventAt = e.at;
  switch (e.type) {
    case 'OrderSubmitted':
      return { ...s, lastEventAt };
    case 'OralOrderRecorded':
      return { ...s, lastEventAt, status: s.status === 'awaiting-written-record' ? 'in-review' : s.status };
    case 'RequirementDetermined':
      return {
        ...s,
        lastEventAt,
        ...reopened,
        requirements: [...s.requirements.filter((r) => r.category !== e.category), { category: e.category, decision: e.decision }],
      };
    case 'DifferenceRecorded':
      return { ...s, lastEventAt, differences: [...s.differences, { id: e.differenceId, description: e.description }] };
    case 'DifferenceResolved':
      return { ...s, lastEventAt, differences: s.differences.map((d) => (d.id === e.differenceId ? { ...d, resolution: e.resolution } : d)) };
    case 'DepartmentOpinionRecorded':
      return { ...s, lastEventAt, opinions: [...s.opinions.filter((o) => o.department !== e.department), { department: e.department, canMeet: e.canMeet }] };
    case 'CapabilityConfirmed':
      return { ...s, lastEventAt, capabilityConfirmed: true };
    case 'ContractApproved':
      return { ...s, lastEventAt, status: 'approved', approvedAt: e.at };
    case 'OrderRejected':
      return { ...s, lastEventAt, status: 'rejected' };
    case 'ContractSigned':
      return { ...s, lastEventAt, status: 'signed', signedAt: e.at };
    case 'AmendmentProposed':
      return {
        ...s,
        lastEventAt,
        amendments: [
          ...s.amendments,
          {
            id: e.amendmentId,
            status: 'proposed',
            changesProductRequirements: e.changesProductRequirements,
            affectedDepartments: e.affectedDepartments,
            communicatedTo: [],
          },
        ],
      };
    case 'AmendmentAgreed':
      return updateAmendment(s, lastEventAt, e.amendmentId, (a) => ({ ...a, status: 'in-effect' }));
    case 'AmendmentDeclined':
      return updateAmendment(s, lastEventAt, e.amendmentId, (a) => ({ ...a, status: 'declined' }));
    case 'ContractReturnedToReview': {
      // The product-specific requirements must be decided again, and the approval is void.
      const { approvedAt: _approved, releasedAt: _released, ...rest } = s;
      return { ...rest, lastEventAt, ...reopened, status: 'in-review', requirements: s.requirements.filter((r) => r.category !== 'product-specific') };
    }
    case 'AmendmentCommunicated':
      return updateAmendment(s, lastEventAt, e.amendmentId, (a) =>
        a.communicatedTo.includes(e.department) ? a : { ...a, communicatedTo: [...a.communicatedTo, e.department] },
      );
    case 'ReleasedToProduction':
      return { ...s, lastEventAt, releasedAt: e.at };
  }
};
