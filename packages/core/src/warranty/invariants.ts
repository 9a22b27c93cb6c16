/** The warranty rules as predicates over a whole claim history (for the audit and the property tests). */
import { type HistoryInvariant, instantsNeverGoBackwards, scanningInvariant } from '../invariant.js';
import type { WarrantyEvent } from './messages.js';

const scanning = scanningInvariant<WarrantyEvent>();

/** W-1: a claim history starts with the filing, which happens once. */
export const startsWithFiling = scanning('W-1', 'FIRST_EVENT_NOT_FILING', 'A claim history starts with its filing, which happens once.', false, (filed, e) => {
  if (e.type === 'ClaimFiled') return filed ? { tracked: true, broken: 'The claim is filed a second time.' } : { tracked: true };
  return filed ? { tracked: true } : { tracked: false, broken: `${e.type} happens before the claim was filed.` };
});

/** W-2: a return accepted by the rules has quality's intrinsic-defect verdict; one accepted by exception has an approved special case. */
export const returnsHaveGrounds = scanning(
  'W-2',
  'RETURN_WITHOUT_GROUNDS',
  'A return is accepted on an intrinsic defect confirmed by quality, or on a special case approved before it.',
  { intrinsic: false, specialCase: false },
  (t, e) => {
    if (e.type === 'DefectInspected') return { tracked: { ...t, intrinsic: e.verdict === 'intrinsic-defect' } };
    if (e.type === 'SpecialCaseApproved') return { tracked: { ...t, specialCase: true } };
    if (e.type === 'ReturnAccepted') {
      if (e.specialCase && !t.specialCase) return { tracked: t, broken: 'The return was accepted as a special case that nobody approved.' };
      if (!e.specialCase && !t.intrinsic) return { tracked: t, broken: 'The return was accepted without quality confirming an intrinsic defect.' };
    }
    return { tracked: t };
  },
);

/** W-3: only the general manager approves a special case, with a written justification. */
export const specialCasesByGeneralManager = scanning('W-3', 'SPECIAL_CASE_NOT_BY_GENERAL_MANAGER', 'Every special case is approved by the general manager.', null, (_, e) =>
  e.type === 'SpecialCaseApproved' && e.by.role !== 'general-manager'
    ? { tracked: null, broken: `A special case was approved by ${e.by.role} ${e.by.id} of ${e.by.department}, not the general manager.` }
    : { tracked: null },
);

/** W-4: the slip is signed by the sales manager before finance books it. */
export const slipSignedBeforeBooking = scanning(
  'W-4',
  'RETURN_SLIP_NOT_SIGNED',
  'Finance books a return after the sales manager signed its slip.',
  { issued: false, signed: false },
  (t, e) => {
    if (e.type === 'ReturnSlipIssued') return { tracked: { ...t, issued: true } };
    if (e.type === 'ReturnSlipSigned') {
      const byManager = e.by.department === 'sales' && e.by.role !== 'staff';
      return byManager && t.issued ? { tracked: { ...t, signed: true } } : { tracked: t, broken: byManager ? 'A slip was signed before it was issued.' : `The slip was signed by ${e.by.id}, not the sales manager.` };
    }
    if (e.type === 'ReturnBooked' && !t.signed) return { tracked: t, broken: 'The return was booked without a slip signed by the sales manager.' };
    return { tracked: t };
  },
);

/** W-5: a replacement ships after the returned unit arrived and the slip was issued. */
export const replacementAfterReturn = scanning(
  'W-5',
  'REPLACEMENT_BEFORE_RETURN',
  'An exchange ships its replacement only after the returned unit was received and the slip issued.',
  { received: false, slip: false },
  (t, e) => {
    if (e.type === 'ReturnedGoodsReceived') return { tracked: { ...t, received: true } };
    if (e.type === 'ReturnSlipIssued') return { tracked: { ...t, slip: true } };
    if (e.type === 'ReplacementShipped' && !(t.received && t.slip)) return { tracked: t, broken: 'The replacement shipped before the returned unit was received and the slip issued.' };
    return { tracked: t };
  },
);

/** W-6: a repair that needs a fee starts only after the customer's signed consent. */
export const consentBeforeChargedRepair = scanning(
  'W-6',
  'REPAIR_CONSENT_MISSING',
  "A repair with a fee starts only after the customer's signed consent.",
  { feeRequired: false, consented: false },
  (t, e) => {
    if (e.type === 'RepairAssessed') return { tracked: { ...t, feeRequired: e.feeRequired } };
    if (e.type === 'RepairConsentRecorded') return { tracked: { ...t, consented: e.consented && e.signedCopy !== undefined } };
    if (e.type === 'RepairStarted' && t.feeRequired && !t.consented) return { tracked: t, broken: "The repair started without the customer's signed consent to the fee." };
    return { tracked: t };
  },
);

/** W-7: a repaired unit ships after quality passed the repair. */
export const shippedAfterInspection = scanning('W-7', 'REPAIR_NOT_INSPECTED', 'A repaired unit ships only after quality inspection passed.', false, (passed, e) => {
  if (e.type === 'RepairInspected') return { tracked: e.passed };
  if (e.type === 'RepairStarted' || e.type === 'RepairCompleted') return { tracked: false };
  if (e.type === 'RepairedUnitShipped' && !passed) return { tracked: passed, broken: 'The unit shipped without a passed quality inspection of the repair.' };
  return { tracked: passed };
});

/** W-8: a construction repair follows a plan approved by the department head. */
export const constructionRepairFollowsApprovedPlan = scanning(
  'W-8',
  'REPAIR_PLAN_NOT_APPROVED',
  'A construction repair starts only after the department head approved the plan.',
  { construction: false, approved: false },
  (t, e) => {
    if (e.type === 'ClaimFiled') return { tracked: { ...t, construction: e.kind === 'construction-defect' } };
    if (e.type === 'RepairPlanApproved') {
      return e.by.role === 'staff' ? { tracked: t, broken: `The repair plan was approved by staff member ${e.by.id}, not the department head.` } : { tracked: { ...t, approved: true } };
    }
    if (e.type === 'RepairStarted' && t.construction && !t.approved) return { tracked: t, broken: 'The repair started without an approved plan.' };
    return { tracked: t };
  },
);

export const warrantyInvariants: ReadonlyArray<HistoryInvariant<WarrantyEvent>> = [
  instantsNeverGoBackwards<WarrantyEvent>(),
  startsWithFiling,
  returnsHaveGrounds,
  specialCasesByGeneralManager,
  slipSignedBeforeBooking,
  replacementAfterReturn,
  consentBeforeChargedRepair,
  shippedAfterInspection,
  constructionRepairFollowsApprovedPlan,
];
