/**
 * The complaint rules as predicates over a whole history, written independently of the decider.
 * The decider must never produce a history that breaks one; the audit runs them over any stored
 * history, including ones written by other systems or older versions.
 */
import { type HistoryInvariant, instantsNeverGoBackwards, scanningInvariant } from '../invariant.js';
import type { ComplaintEvent, ComplaintEventType } from './events.js';

const scanning = scanningInvariant<ComplaintEvent>();

const AFTER_CLASSIFICATION = new Set<ComplaintEventType>([
  'ForwardedToQuality',
  'QualityReplied',
  'RootCauseDetermined',
  'CapaPlanSubmitted',
  'CapaImplemented',
  'CapaVerified',
  'ResolutionReported',
  'CustomerResponded',
  'ExplanationSent',
  'ExplanationReceiptConfirmed',
  'DeterminationDisputed',
  'IndependentAppraisalRecorded',
  'ComplaintClosed',
]);

const QUALITY_STEPS = new Set<ComplaintEventType>(['QualityReplied', 'RootCauseDetermined', 'CapaVerified', 'SamplesReinspected']);

/** C-1: a history starts with the receipt of the complaint, and has only one. */
export const startsWithReceipt = scanning('C-1', 'FIRST_EVENT_NOT_RECEIPT', 'A complaint history starts with its receipt, which happens once.', false, (seen, e) => {
  if (e.type === 'ComplaintReceived') return seen ? { tracked: true, broken: 'The complaint is received a second time.' } : { tracked: true };
  return seen ? { tracked: true } : { tracked: false, broken: `${e.type} happens before the complaint was received.` };
});

/** C-3: nothing is investigated, planned or answered before responsibility is classified. */
export const classifiedBeforeInvestigation = scanning('C-3', 'NOT_CLASSIFIED', 'No investigation, plan or response precedes the classification.', false, (classified, e) => {
  if (e.type === 'ComplaintClassified') return { tracked: true };
  return !classified && AFTER_CLASSIFICATION.has(e.type) ? { tracked: false, broken: `${e.type} happens before the complaint was classified.` } : { tracked: classified };
});

/** C-5: only the quality department replies, analyses, re-inspects and verifies. */
export const qualityStepsByQuality = scanning('C-5', 'QUALITY_ONLY', 'Quality replies, root causes, re-inspections and verifications are by the quality department.', null, (_, e) =>
  QUALITY_STEPS.has(e.type) && e.by.department !== 'quality' ? { tracked: null, broken: `${e.type} was recorded by ${e.by.department}, not quality.` } : { tracked: null },
);

/** C-6: quality re-inspects every received sample before naming the root cause. */
export const reinspectedBeforeRootCause = scanning(
  'C-6',
  'SAMPLES_NOT_REINSPECTED',
  'Every received sample is re-inspected before the root cause is named.',
  { received: 0, reinspected: 0 },
  (n, e) => {
    if (e.type === 'SamplesReceived') return { tracked: { ...n, received: n.received + e.quantity } };
    if (e.type === 'SamplesReinspected') return { tracked: { ...n, reinspected: n.reinspected + e.quantity } };
    if (e.type === 'RootCauseDetermined' && n.reinspected < n.received) {
      return { tracked: n, broken: `The root cause was named with ${n.received - n.reinspected} received samples not re-inspected.` };
    }
    return { tracked: n };
  },
);

/** C-7, C-8: CAPA plans and their implementation come from the responsible department. */
export const capaByResponsibleDepartment = scanning<string | null>(
  'C-7',
  'CAPA_NOT_BY_RESPONSIBLE_DEPARTMENT',
  'Each CAPA plan is submitted and implemented by the department responsible at the time.',
  null,
  (responsible, e) => {
    if (e.type === 'RootCauseDetermined') return { tracked: e.responsibleDepartment };
    if (e.type === 'IndependentAppraisalRecorded' && e.result.outcome === 'revised') return { tracked: e.result.responsibleDepartment };
    if ((e.type === 'CapaPlanSubmitted' || e.type === 'CapaImplemented') && e.by.department !== responsible) {
      return { tracked: responsible, broken: `${e.type} by ${e.by.department}; the responsible department is ${responsible ?? 'not named'}.` };
    }
    return { tracked: responsible };
  },
);

/** C-8: only a plan that quality verified as effective is reported to the customer. */
export const resolutionFollowsEffectiveCapa = scanning(
  'C-8',
  'CAPA_NOT_VERIFIED_EFFECTIVE',
  'A resolution report follows quality’s verification that the latest plan is effective.',
  { effectivePlan: 0 },
  (t, e) => {
    if (e.type === 'CapaPlanSubmitted') return { tracked: { effectivePlan: 0 } };
    if (e.type === 'CapaVerified') return { tracked: { effectivePlan: e.effective ? e.planNumber : 0 } };
    if (e.type === 'ResolutionReported' && t.effectivePlan !== e.planNumber) {
      return { tracked: t, broken: `Plan ${e.planNumber} was reported to the customer without being verified effective.` };
    }
    return { tracked: t };
  },
);

/** C-9: a major or critical problem is reviewed under the general manager. */
export const seriousReviewsUnderGeneralManager = scanning<string>(
  'C-9',
  'JOINT_REVIEW_NEEDS_GENERAL_MANAGER',
  'A joint review of a major or critical problem is chaired by the general manager.',
  'minor',
  (severity, e) => {
    if (e.type === 'ComplaintReceived') return { tracked: e.severity };
    if (e.type === 'JointReviewConvened' && severity !== 'minor' && e.chair.role !== 'general-manager') {
      return { tracked: severity, broken: `A ${severity} problem was reviewed under ${e.chair.role} ${e.chair.id}.` };
    }
    return { tracked: severity };
  },
);

/** C-11: the sample is not disposed of while the customer's dispute is open. */
export const sampleRetainedDuringDispute = scanning('C-11', 'SAMPLES_RETAINED_FOR_DISPUTE', 'No sample is disposed of while a dispute is open.', false, (open, e) => {
  if (e.type === 'DeterminationDisputed') return { tracked: true };
  if (e.type === 'IndependentAppraisalRecorded') return { tracked: false };
  return open && e.type === 'SamplesDisposed' ? { tracked: open, broken: 'A sample was disposed of while the determination was disputed.' } : { tracked: open };
});

interface ClosingFacts {
  readonly path: 'unclassified' | 'external' | 'internal';
  readonly receiptConfirmed: boolean;
  readonly accepted: boolean;
  readonly closed: boolean;
}

/** C-4, C-12: what a close needs, and that a closed complaint takes no step but a manager's reopen. */
export const closingRules: ReadonlyArray<HistoryInvariant<ComplaintEvent>> = [
  scanning<ClosingFacts>(
    'C-12',
    'CUSTOMER_ACCEPTANCE_MISSING',
    "An internal complaint closes only after the customer accepted the verified resolution; an external one after receipt of the explanation was confirmed (C-4).",
    { path: 'unclassified', receiptConfirmed: false, accepted: false, closed: false },
    (f, e) => {
      switch (e.type) {
        case 'ComplaintClassified':
          return { tracked: { ...f, path: e.responsibility } };
        case 'ExplanationReceiptConfirmed':
          return { tracked: { ...f, receiptConfirmed: true } };
        case 'CapaPlanSubmitted':
          return { tracked: { ...f, accepted: false } };
        case 'CustomerResponded':
          return { tracked: { ...f, accepted: e.accepted } };
        case 'ComplaintReopened':
          return { tracked: { ...f, closed: false, accepted: false, receiptConfirmed: false } };
        case 'ComplaintClosed':
          if (f.path === 'internal' && !f.accepted) return { tracked: { ...f, closed: true }, broken: "The internal complaint was closed without the customer's acceptance." };
          if (f.path !== 'internal' && !f.receiptConfirmed) return { tracked: { ...f, closed: true }, broken: 'The complaint was closed without confirmed receipt of the explanation.' };
          return { tracked: { ...f, closed: true } };
        default:
          return { tracked: f };
      }
    },
  ),
  scanning('C-12', 'COMPLAINT_CLOSED', 'A closed complaint takes no step except a reopen by a manager.', false, (closed, e) => {
    if (e.type === 'ComplaintClosed') return closed ? { tracked: true, broken: 'The complaint was closed twice.' } : { tracked: true };
    if (e.type === 'ComplaintReopened') {
      if (!closed) return { tracked: false, broken: 'A complaint that was not closed was reopened.' };
      return e.by.role === 'staff' ? { tracked: false, broken: `The complaint was reopened by staff member ${e.by.id}, not a manager.` } : { tracked: false };
    }
    return closed ? { tracked: true, broken: `${e.type} happens after the complaint was closed.` } : { tracked: false };
  }),
];

/** Every complaint invariant, as the audit runs them. */
export const complaintInvariants: ReadonlyArray<HistoryInvariant<ComplaintEvent>> = [
  instantsNeverGoBackwards<ComplaintEvent>(),
  startsWithReceipt,
  classifiedBeforeInvestigation,
  qualityStepsByQuality,
  reinspectedBeforeRootCause,
  capaByResponsibleDepartment,
  resolutionFollowsEffectiveCapa,
  seriousReviewsUnderGeneralManager,
  sampleRetainedDuringDispute,
  ...closingRules,
];
