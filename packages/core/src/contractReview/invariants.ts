/** The contract-review rules as predicates over a whole history (for the audit and the property tests). */
import type { Department } from '../actor.js';
import { type HistoryInvariant, instantsNeverGoBackwards, scanningInvariant } from '../invariant.js';
import { type ContractReviewEvent, type RequirementCategory, requirementCategories } from './messages.js';

const scanning = scanningInvariant<ContractReviewEvent>();

interface Review {
  readonly submitted: boolean;
  readonly writtenDown: boolean;
  readonly required: ReadonlyArray<Department>;
  readonly determined: ReadonlyArray<RequirementCategory>;
  readonly openDifferences: ReadonlyArray<string>;
  readonly opinions: ReadonlyArray<{ readonly department: Department; readonly canMeet: boolean }>;
  readonly capability: boolean;
  readonly approved: boolean;
}

const start: Review = { submitted: false, writtenDown: false, required: [], determined: [], openDifferences: [], opinions: [], capability: false, approved: false };

/** Folds the facts the approval rules need, independently of the decider's state. */
const track = (r: Review, e: ContractReviewEvent): Review => {
  switch (e.type) {
    case 'OrderSubmitted':
      return { ...r, submitted: true, writtenDown: e.form === 'written', required: e.complexProcess || e.specialMaterials ? e.requiredDepartments : [] };
    case 'OralOrderRecorded':
      return { ...r, writtenDown: true };
    case 'RequirementDetermined':
      return { ...r, determined: [...new Set([...r.determined, e.category])], opinions: [], capability: false };
    case 'DifferenceRecorded':
      return { ...r, openDifferences: [...r.openDifferences, e.differenceId] };
    case 'DifferenceResolved':
      return { ...r, openDifferences: r.openDifferences.filter((d) => d !== e.differenceId) };
    case 'DepartmentOpinionRecorded':
      return { ...r, opinions: [...r.opinions.filter((o) => o.department !== e.department), { department: e.department, canMeet: e.canMeet }] };
    case 'CapabilityConfirmed':
      return { ...r, capability: true };
    case 'ContractApproved':
      return { ...r, approved: true };
    case 'ContractReturnedToReview':
      return { ...r, approved: false, determined: r.determined.filter((c) => c !== 'product-specific'), opinions: [], capability: false };
    default:
      return r;
  }
};

/** nothing is reviewed before an oral order is written down. */
export const oralOrdersWrittenDownFirst = scanning('R-1', 'ORAL_ORDER_NOT_RECORDED', 'A history starts with the order; an oral order is recorded in writing before any review step.', start, (r, e) => {
  const next = track(r, e);
  if (e.type === 'OrderSubmitted' && r.submitted) return { tracked: next, broken: 'The order was submitted twice.' };
  if (e.type !== 'OrderSubmitted' && !r.submitted) return { tracked: next, broken: `${e.type} happens before the order was submitted.` };
  const reviewStep = e.type === 'RequirementDetermined' || e.type === 'DepartmentOpinionRecorded' || e.type === 'CapabilityConfirmed' || e.type === 'ContractApproved';
  return reviewStep && !r.writtenDown ? { tracked: next, broken: `${e.type} happens before the oral order was recorded in writing.` } : { tracked: next };
});

/** an approval has every requirement decided, every difference resolved, every opinion positive, capability confirmed, and comes from sales. */
export const approvalsAreGrounded = scanning('R-3', 'APPROVAL_WITHOUT_GROUNDS', 'A contract is approved by sales only when nothing blocks it.', start, (r, e) => {
  const next = track(r, e);
  if (e.type !== 'ContractApproved') return { tracked: next };
  const missing = requirementCategories.filter((c) => !r.determined.includes(c));
  const reasons = [
    ...(missing.length > 0 ? [`requirements not determined (${missing.join(', ')})`] : []),
    ...(r.openDifferences.length > 0 ? ['differences unresolved'] : []),
    ...(r.required.some((d) => !r.opinions.some((o) => o.department === d)) ? ['a required opinion is missing (R-4)'] : []),
    ...(r.opinions.some((o) => !o.canMeet) ? ['a department cannot meet it (R-4)'] : []),
    ...(!r.capability ? ['capability not confirmed'] : []),
    ...(e.by.department !== 'sales' ? [`approved by ${e.by.department}, not sales (R-5)`] : []),
    ...(r.approved ? ['approved twice'] : []),
  ];
  return reasons.length > 0 ? { tracked: next, broken: `The contract was approved with ${reasons.join('; ')}.` } : { tracked: next };
});

/** a contract is signed only after its approval. */
export const signedAfterApproval = scanning('R-3', 'SIGNED_WITHOUT_APPROVAL', 'A contract is signed only after it was approved.', start, (r, e) => {
  const next = track(r, e);
  return e.type === 'ContractSigned' && !r.approved ? { tracked: next, broken: 'The contract was signed without an approval.' } : { tracked: next };
});

interface Amendments {
  readonly inEffect: ReadonlyArray<{ readonly id: string; readonly affected: ReadonlyArray<Department>; readonly told: ReadonlyArray<Department> }>;
  readonly proposed: ReadonlyArray<{ readonly id: string; readonly affected: ReadonlyArray<Department> }>;
}

/** an amendment is communicated only once in effect; production is released only when every affected department knows. */
export const amendmentsCommunicated = scanning<Amendments>(
  'R-6',
  'AMENDMENT_NOT_COMMUNICATED',
  'Amendments take effect with the customer’s agreement and reach every affected department before production is released.',
  { inEffect: [], proposed: [] },
  (a, e) => {
    switch (e.type) {
      case 'AmendmentProposed':
        return { tracked: { ...a, proposed: [...a.proposed, { id: e.amendmentId, affected: e.affectedDepartments }] } };
      case 'AmendmentAgreed': {
        const p = a.proposed.find((x) => x.id === e.amendmentId);
        return { tracked: p === undefined ? a : { ...a, inEffect: [...a.inEffect, { id: p.id, affected: p.affected, told: [] }] } };
      }
      case 'AmendmentCommunicated': {
        if (!a.inEffect.some((x) => x.id === e.amendmentId)) return { tracked: a, broken: `Amendment ${e.amendmentId} was communicated before the customer agreed to it.` };
        return { tracked: { ...a, inEffect: a.inEffect.map((x) => (x.id === e.amendmentId ? { ...x, told: [...x.told, e.department] } : x)) } };
      }
      case 'ReleasedToProduction': {
        const pending = a.inEffect.flatMap((x) => x.affected.filter((d) => !x.told.includes(d)));
        return pending.length > 0 ? { tracked: a, broken: `Released to production before ${pending.join(', ')} heard of an amendment.` } : { tracked: a };
      }
      default:
        return { tracked: a };
    }
  },
);

export const contractReviewInvariants: ReadonlyArray<HistoryInvariant<ContractReviewEvent>> = [
  instantsNeverGoBackwards<ContractReviewEvent>(),
  oralOrdersWrittenDownFirst,
  approvalsAreGrounded,
  signedAfterApproval,
  amendmentsCommunicated,
];
