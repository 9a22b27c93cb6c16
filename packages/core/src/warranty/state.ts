/** The state of a warranty claim: what is common to every claim, and the progress of its kind. */
import type { Actor } from '../actor.js';
import type { Instant, LocalDate } from '../codecs.js';
import type { Customer } from '../customer.js';
import type { WarrantyEvent } from './messages.js';
import type { DefectVerdict, Exclusion, FeeQuote, HandedOverWork, ProductUnit, SaleChannel } from './vocabulary.js';

/** Repair work, shared by product repairs (W-6, W-7) and construction defects (W-8). */
export type RepairWork = 'not-started' | 'in-progress' | 'completed' | 'passed';

/** W-2 … W-5: a return, or an exchange (a return plus a replacement). */
export interface ReturnProgress {
  readonly kind: 'return' | 'exchange';
  readonly unit: ProductUnit;
  readonly verdict?: DefectVerdict;
  readonly exclusion?: Exclusion;
  readonly specialCase?: { readonly approvedBy: Actor; readonly justification: string; readonly approvedAt: Instant };
  readonly acceptance?: {
    readonly at: Instant;
    readonly policyVersion: string;
    readonly ground?: string;
    readonly windowEndsOn?: LocalDate;
    readonly specialCase: boolean;
  };
  readonly goodsReceived: number;
  readonly slip?: { readonly issuedAt: Instant; readonly shipDate: LocalDate; readonly reason: string; readonly signedAt?: Instant };
  readonly bookedAt?: Instant;
  readonly replacementShippedAt?: Instant;
}

/** W-6, W-7: a product repair. */
export interface RepairProgress {
  readonly kind: 'repair';
  readonly unit: ProductUnit;
  readonly received?: { readonly quantity: number; readonly defect: string };
  readonly assessment?: { readonly inWarranty: boolean; readonly feeRequired: boolean; readonly policyVersion: string; readonly warrantyLastDay?: LocalDate };
  readonly quote?: FeeQuote;
  readonly consent?: 'signed' | 'declined';
  readonly work: RepairWork;
  readonly shippedAt?: Instant;
  readonly returnedUnrepairedAt?: Instant;
}

/** W-8: a defect of a handed-over building or installation. */
export interface ConstructionProgress {
  readonly kind: 'construction-defect';
  readonly work: HandedOverWork;
  readonly confirmedAt?: Instant;
  readonly planApprovedAt?: Instant;
  readonly repair: RepairWork;
  readonly ownerAcceptedAt?: Instant;
}

export type ClaimProgress = ReturnProgress | RepairProgress | ConstructionProgress;

export interface FiledClaim {
  readonly status: 'open' | 'rejected' | 'closed';
  readonly customer: Customer;
  readonly reason: string;
  /** How the unit was sold, when the claim recorded it (J-2, J-3). */
  readonly channel?: SaleChannel;
  readonly filedAt: Instant;
  readonly lastEventAt: Instant;
  readonly rejectedAt?: Instant;
  readonly closedAt?: Instant;
  readonly claim: ClaimProgress;
}

export type WarrantyClaimState = { readonly status: 'none' } | FiledClaim;

export const initialWarrantyClaimState: WarrantyClaimState = { status: 'none' };

const progressOf = (e: Extract<WarrantyEvent, { type: 'ClaimFiled' }>): ClaimProgress | undefined => {
  if (e.kind === 'construction-defect') return e.work === undefined ? undefined : { kind: 'construction-defect', work: e.work, repair: 'not-started' };
  if (e.unit === undefined) return undefined;
  return e.kind === 'repair' ? { kind: 'repair', unit: e.unit, work: 'not-started' } : { kind: e.kind, unit: e.unit, goodsReceived: 0 };
};

// Each helper copies the claim once, with the time of the event (T-1); an event of another kind of claim only moves the time.
const onReturn = (s: FiledClaim, at: Instant, f: (p: ReturnProgress) => ReturnProgress): FiledClaim => ({
  ...s,
  lastEventAt: at,
  claim: s.claim.kind === 'return' || s.claim.kind === 'exchange' ? f(s.claim) : s.claim,
});
const onRepair = (s: FiledClaim, at: Instant, f: (p: RepairProgress) => RepairProgress): FiledClaim => ({
  ...s,
  lastEventAt: at,
  claim: s.claim.kind === 'repair' ? f(s.claim) : s.claim,
});
const onConstruction = (s: FiledClaim, at: Instant, f: (p: ConstructionProgress) => ConstructionProgress): FiledClaim => ({
  ...s,
  lastEventAt: at,
  claim: s.claim.kind === 'construction-defect' ? f(s.claim) : s.claim,
});
/** Repair work steps apply to product repairs and construction defects alike. */
const onWork = (s: FiledClaim, at: Instant, next: (w: RepairWork) => RepairWork): FiledClaim => ({
  ...s,
  lastEventAt: at,
  claim:
    s.claim.kind === 'repair'
      ? { ...s.claim, work: next(s.claim.work) }
      : s.claim.kind === 'construction-defect'
        ? { ...s.claim, repair: next(s.claim.repair) }
        : s.claim,
});

export const evolveWarrantyClaim = (state: WarrantyClaimState, e: WarrantyEvent): WarrantyClaimState => {
  if (state.status === 'none') {
    if (e.type !== 'ClaimFiled') return state;
    const claim = progressOf(e);
    if (claim === undefined) return state;
    return {
      status: 'open',
      customer: e.customer,
      reason: e.reason,
      ...(e.channel === undefined ? {} : { channel: e.channel }),
      filedAt: e.at,
      lastEventAt: e.at,
      claim,
    };
  }
  const s = state;
  const at = e.at;
  switch (e.type) {
    case 'ClaimFiled':
      return { ...s, lastEventAt: at };
    case 'DefectInspected':
      return onReturn(s, at, (p) => {
        const { exclusion: _previous, ...rest } = p;
        return { ...rest, verdict: e.verdict, ...(e.exclusion === undefined ? {} : { exclusion: e.exclusion }) };
      });
    case 'SpecialCaseApproved':
      return onReturn(s, at, (p) => ({ ...p, specialCase: { approvedBy: e.by, justification: e.justification, approvedAt: e.at } }));
    case 'ReturnAccepted':
      return onReturn(s, at, (p) => ({
        ...p,
        acceptance: {
          at: e.at,
          policyVersion: e.policyVersion,
          ...(e.ground === undefined ? {} : { ground: e.ground }),
          ...(e.windowEndsOn === undefined ? {} : { windowEndsOn: e.windowEndsOn }),
          specialCase: e.specialCase,
        },
      }));
    case 'ClaimRejected':
      return { ...s, lastEventAt: at, status: 'rejected', rejectedAt: e.at };
    case 'ReturnedGoodsReceived':
      return onReturn(s, at, (p) => ({ ...p, goodsReceived: p.goodsReceived + e.quantity }));
    case 'ReturnSlipIssued':
      return onReturn(s, at, (p) => ({ ...p, slip: { issuedAt: e.at, shipDate: e.shipDate, reason: e.reason } }));
    case 'ReturnSlipSigned':
      return onReturn(s, at, (p) => (p.slip === undefined ? p : { ...p, slip: { ...p.slip, signedAt: e.at } }));
    case 'ReturnBooked':
      return onReturn(s, at, (p) => ({ ...p, bookedAt: e.at }));
    case 'ReplacementShipped':
      return onReturn(s, at, (p) => ({ ...p, replacementShippedAt: e.at }));
    case 'RepairUnitReceived':
      return onRepair(s, at, (p) => ({ ...p, received: { quantity: e.quantity, defect: e.defect } }));
    case 'RepairAssessed':
      return onRepair(s, at, (p) => ({
        ...p,
        assessment: {
          inWarranty: e.inWarranty,
          feeRequired: e.feeRequired,
          policyVersion: e.policyVersion,
          ...(e.warrantyLastDay === undefined ? {} : { warrantyLastDay: e.warrantyLastDay }),
        },
      }));
    case 'FeeQuoteSent':
      return onRepair(s, at, (p) => ({ ...p, quote: e.quote }));
    case 'RepairConsentRecorded':
      return onRepair(s, at, (p) => ({ ...p, consent: e.consented ? 'signed' : 'declined' }));
    case 'RepairStarted':
      return onWork(s, at, () => 'in-progress');
    case 'RepairCompleted':
      return onWork(s, at, (w) => (w === 'in-progress' ? 'completed' : w));
    case 'RepairInspected':
      // A failed inspection sends the work back for rework (W-7).
      return onWork(s, at, (w) => (w === 'completed' ? (e.passed ? 'passed' : 'in-progress') : w));
    case 'RepairedUnitShipped':
      return onRepair(s, at, (p) => ({ ...p, shippedAt: e.at }));
    case 'UnitReturnedUnrepaired':
      return onRepair(s, at, (p) => ({ ...p, returnedUnrepairedAt: e.at }));
    case 'ConstructionDefectConfirmed':
      return onConstruction(s, at, (p) => ({ ...p, confirmedAt: e.at }));
    case 'RepairPlanApproved':
      return onConstruction(s, at, (p) => ({ ...p, planApprovedAt: e.at }));
    case 'OwnerAccepted':
      return onConstruction(s, at, (p) => ({ ...p, ownerAcceptedAt: e.at }));
    case 'ClaimClosed':
      return { ...s, lastEventAt: at, status: 'closed', closedAt: e.at };
  }
};
