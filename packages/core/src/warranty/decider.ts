/**
 * Warranty claims (W-1 … W-10) as a decider. Returns and exchanges (W-2 … W-5), repairs (W-6,
 * W-7) and construction defects (W-8); the windows and periods come from the rule context's policy
 * version and business calendar, and the events that depended on them record the version. The
 * command handler decides under the version in force; the audit decides every stored event again
 * with this function under the version it records (T-11).
 */
import * as E from 'fp-ts/lib/Either.js';
import { type Department, type Permissions, permittedBy } from '../actor.js';
import { NonEmptyText } from '../codecs.js';
import type { Decider } from '../decider.js';
import { type RuleContext, type Rulebook, inForce } from '../ruleContext.js';
import { type RuleId, type Violation } from '../violation.js';
import type { WarrantyCommand, WarrantyEvent } from './messages.js';
import { assessRepairFee, quoteRefusal, startRefusal } from './repairFee.js';
import { returnEligibility } from './returnEligibility.js';
import {
  type ClaimProgress,
  type ConstructionProgress,
  type FiledClaim,
  type RepairProgress,
  type ReturnProgress,
  type WarrantyClaimState,
  evolveWarrantyClaim,
  initialWarrantyClaimState,
} from './state.js';
import { type WarrantyViolationCode, only, violation } from './violations.js';

/** What the decider decides: the events to append, or the rule the command breaks. */
export type WarrantyClaimDecision = E.Either<Violation, ReadonlyArray<WarrantyEvent>>;
const refuse = (ruleId: RuleId, code: WarrantyViolationCode, message: string): WarrantyClaimDecision => E.left(violation(ruleId, code, message));
const emit = (...events: ReadonlyArray<WarrantyEvent>): WarrantyClaimDecision => E.right(events);

const FRONT_OFFICE: ReadonlyArray<Department> = ['customer-service', 'sales'];
const frontOffice = (step: string) => only('T-6', 'FRONT_OFFICE_ONLY', { departments: FRONT_OFFICE }, step);
const goodsHandlers = (step: string) => only('T-6', 'GOODS_HANDLING_NOT_PERMITTED', { departments: ['warehouse', 'customer-service'] }, step);
/** The repair group sits in customer service (seed 003 §5.1.1); engineering repairs buildings (§3.2). */
const repairers = (step: string) => only('T-6', 'REPAIR_NOT_PERMITTED', { departments: ['customer-service', 'engineering'] }, step);
/** W-3: only the general manager approves a special case. */
const generalManagerOnly = only('W-3', 'SPECIAL_CASE_NOT_BY_GENERAL_MANAGER', { minimumRole: 'general-manager' }, 'Approving a special case');
/** W-4: the sales manager signs the return/exchange slip. */
const salesManagerOnly = only('W-4', 'RETURN_SLIP_NOT_SIGNED_BY_SALES_MANAGER', { departments: ['sales'], minimumRole: 'manager' }, 'Signing the return slip');
/** W-4: finance books the return. */
const financeOnly = only('W-4', 'BOOKING_NOT_BY_FINANCE', { departments: ['finance'] }, 'Booking the return');
/** W-2, W-7: quality inspects. */
const qualityOnly = (ruleId: RuleId, step: string) => only(ruleId, 'QUALITY_ONLY', { departments: ['quality'] }, step);
/** W-8: the repair plan is approved by the head of the engineering department. */
const departmentHead = only('W-8', 'REPAIR_PLAN_NOT_BY_DEPARTMENT_HEAD', { departments: ['engineering'], minimumRole: 'manager' }, 'Approving the repair plan');

const wrongKind = (ruleId: RuleId, step: string, claim: ClaimProgress): WarrantyClaimDecision =>
  refuse(ruleId, 'NOT_FOR_THIS_KIND_OF_CLAIM', `${step} does not apply to a ${claim.kind} claim.`);

const asReturn = (s: FiledClaim): ReturnProgress | undefined => (s.claim.kind === 'return' || s.claim.kind === 'exchange' ? s.claim : undefined);
const asRepair = (s: FiledClaim): RepairProgress | undefined => (s.claim.kind === 'repair' ? s.claim : undefined);
const asConstruction = (s: FiledClaim): ConstructionProgress | undefined => (s.claim.kind === 'construction-defect' ? s.claim : undefined);

/** Did every step of its kind happen, so the claim can close? */
const completion = (claim: ClaimProgress): Violation | undefined => {
  switch (claim.kind) {
    case 'return':
      return claim.bookedAt === undefined ? violation('W-4', 'CLAIM_NOT_COMPLETE', 'A return closes once finance has booked the signed slip.') : undefined;
    case 'exchange':
      if (claim.replacementShippedAt === undefined) return violation('W-5', 'CLAIM_NOT_COMPLETE', 'An exchange closes once the replacement has shipped.');
      return claim.bookedAt === undefined ? violation('W-4', 'CLAIM_NOT_COMPLETE', 'An exchange closes once finance has booked the signed slip.') : undefined;
    case 'repair':
      return claim.shippedAt === undefined && claim.returnedUnrepairedAt === undefined
        ? violation('W-7', 'CLAIM_NOT_COMPLETE', 'A repair closes once the unit has shipped back, repaired or not.')
        : undefined;
    case 'construction-defect':
      return claim.ownerAcceptedAt === undefined
        ? violation('W-8', 'CLAIM_NOT_COMPLETE', "A construction defect closes with the owner's signed acceptance.")
        : undefined;
  }
};

/**
 * T-6 and the rules that name a department: who may take each step. A step not listed checks its
 * actor itself, against the case.
 */
const permissions: Permissions<WarrantyCommand> = {
  FileClaim: frontOffice('Filing a claim'),
  RecordDefectInspection: qualityOnly('W-2', 'Inspecting the returned unit'),
  ApproveSpecialCase: generalManagerOnly,
  AcceptReturn: frontOffice('Accepting a return'),
  RejectClaim: frontOffice('Rejecting a claim'),
  ReceiveReturnedGoods: goodsHandlers('Receiving returned goods'),
  IssueReturnSlip: only('W-4', 'RETURN_SLIP_NOT_BY_CUSTOMER_SERVICE', { departments: ['customer-service'] }, 'Issuing the return slip'),
  SignReturnSlip: salesManagerOnly,
  BookReturn: financeOnly,
  ShipReplacement: goodsHandlers('Shipping the replacement'),
  ReceiveRepairUnit: frontOffice('Receiving a unit for repair'),
  AssessRepair: repairers('Assessing a repair'),
  SendFeeQuote: frontOffice('Sending the fee quote'),
  RecordRepairConsent: frontOffice("Recording the customer's consent"),
  StartRepair: repairers('Starting the repair'),
  CompleteRepair: repairers('Completing the repair'),
  RecordRepairInspection: qualityOnly('W-7', 'Inspecting the repair'),
  ShipRepairedUnit: goodsHandlers('Shipping the repaired unit'),
  ReturnUnitUnrepaired: goodsHandlers('Returning the unit unrepaired'),
  ConfirmConstructionDefect: only('W-8', 'DEFECT_CONFIRMATION_NOT_BY_ENGINEERING', { departments: ['engineering'] }, 'Confirming the defect'),
  ApproveRepairPlan: departmentHead,
  RecordOwnerAcceptance: only(
    'W-8',
    'OWNER_ACCEPTANCE_NOT_PERMITTED',
    { departments: ['engineering', 'customer-service'] },
    "Recording the owner's acceptance",
  ),
  CloseClaim: frontOffice('Closing a claim'),
};

const permitted = permittedBy(permissions);

/** W-1: a claim records purchase date, model, serial number and reason (or, for a building, the handed-over work). */
const fileClaim = (c: Extract<WarrantyCommand, { readonly type: 'FileClaim' }>): WarrantyClaimDecision => {
  if (c.kind === 'construction-defect' && c.work === undefined)
    return refuse('W-1', 'CLAIM_WORK_MISSING', 'A construction defect names the project, the element and the handover date.');
  if (c.kind !== 'construction-defect' && c.unit === undefined)
    return refuse('W-1', 'CLAIM_UNIT_MISSING', 'A product claim records purchase date, model, serial number and category of the unit.');
  return emit({
    type: 'ClaimFiled',
    at: c.at,
    by: c.actor,
    customer: c.customer,
    kind: c.kind,
    reason: c.reason,
    ...(c.unit === undefined || c.kind === 'construction-defect' ? {} : { unit: c.unit }),
    ...(c.work === undefined || c.kind !== 'construction-defect' ? {} : { work: c.work }),
    ...(c.channel === undefined ? {} : { channel: c.channel }),
  });
};

/** The rule of one step (on a filed claim that is not closed (W-1, W-2 are checked before it)). */
type Step<T extends WarrantyCommand['type']> = (
  c: Extract<WarrantyCommand, { readonly type: T }>,
  s: FiledClaim,
  context: RuleContext,
) => WarrantyClaimDecision;

/** W-2: quality inspects the returned unit and says whether the defect is intrinsic. */
const recordDefectInspection: Step<'RecordDefectInspection'> = (c, s) => {
  const { actor: by, at } = c;
  if (asReturn(s) === undefined) return wrongKind('W-2', 'A defect inspection for a return', s.claim);
  return emit({
    type: 'DefectInspected',
    at,
    by,
    verdict: c.verdict,
    report: c.report,
    ...(c.exclusion === undefined ? {} : { exclusion: c.exclusion }),
  });
};

/** W-3: a special case, approved by the general manager, in writing, for the customer's benefit. */
const approveSpecialCase: Step<'ApproveSpecialCase'> = (c, s) => {
  const { actor: by, at } = c;
  const p = asReturn(s);
  if (p === undefined) return refuse('W-3', 'SPECIAL_CASE_NOT_APPLICABLE', 'Special cases apply to returns and exchanges.');
  if (p.acceptance !== undefined) return refuse('W-3', 'SPECIAL_CASE_AFTER_ACCEPTANCE', 'The return was already accepted.');
  if (!NonEmptyText.is(c.justification)) return refuse('W-3', 'SPECIAL_CASE_WITHOUT_JUSTIFICATION', 'A special case needs a written justification.');
  return emit({ type: 'SpecialCaseApproved', at, by, justification: c.justification });
};

/** W-2 (J-1 … J-3): a return or exchange on a ground of the policy, unless a special case (W-3). */
const acceptReturn: Step<'AcceptReturn'> = (c, s, context) => {
  const { actor: by, at } = c;
  const p = asReturn(s);
  if (p === undefined) return wrongKind('W-2', 'Accepting a return', s.claim);
  if (p.acceptance !== undefined) return refuse('W-2', 'RETURN_ALREADY_ACCEPTED', 'The return was already accepted.');
  const policy = context.policyAt(at);
  if (E.isLeft(policy)) return policy;
  const request = {
    remedy: p.kind,
    unit: p.unit,
    channel: s.channel,
    requestedAt: s.filedAt,
    verdict: p.verdict,
    exclusion: p.exclusion,
    specialCaseApproved: p.specialCase !== undefined,
  };
  const eligible = returnEligibility(context.calendar, policy.right, request, at);
  if (E.isLeft(eligible)) return eligible;
  return emit({ type: 'ReturnAccepted', at, by, ...eligible.right });
};

const rejectClaim: Step<'RejectClaim'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.status === 'rejected') return refuse('W-2', 'CLAIM_REJECTED', 'The claim was already rejected.');
  const p = asReturn(s);
  if (p?.acceptance !== undefined) return refuse('W-2', 'RETURN_ALREADY_ACCEPTED', 'An accepted return is not rejected afterwards.');
  return emit({ type: 'ClaimRejected', at, by, reason: c.reason });
};

/** W-4: returned goods arrive; customer service issues the slip; the sales manager signs; finance books. */
const receiveReturnedGoods: Step<'ReceiveReturnedGoods'> = (c, s) => {
  const { actor: by, at } = c;
  if (asReturn(s) === undefined) return wrongKind('W-4', 'Receiving returned goods', s.claim);
  return emit({ type: 'ReturnedGoodsReceived', at, by, quantity: c.quantity });
};

const issueReturnSlip: Step<'IssueReturnSlip'> = (c, s) => {
  const { actor: by, at } = c;
  const p = asReturn(s);
  if (p === undefined) return wrongKind('W-4', 'A return slip', s.claim);
  if (p.acceptance === undefined) return refuse('W-4', 'RETURN_NOT_ACCEPTED', 'The return has not been accepted (W-2).');
  if (p.goodsReceived === 0) return refuse('W-4', 'GOODS_NOT_RECEIVED', 'The slip is issued when the returned goods have arrived.');
  if (p.slip !== undefined) return refuse('W-4', 'RETURN_SLIP_ALREADY_ISSUED', 'The slip was already issued.');
  return emit({ type: 'ReturnSlipIssued', at, by, shipDate: c.shipDate, reason: c.reason });
};

const signReturnSlip: Step<'SignReturnSlip'> = (c, s) => {
  const { actor: by, at } = c;
  const p = asReturn(s);
  if (p === undefined) return wrongKind('W-4', 'Signing a return slip', s.claim);
  if (p.slip === undefined) return refuse('W-4', 'RETURN_SLIP_NOT_ISSUED', 'No slip has been issued.');
  if (p.slip.signedAt !== undefined) return refuse('W-4', 'RETURN_SLIP_ALREADY_SIGNED', 'The slip is already signed.');
  return emit({ type: 'ReturnSlipSigned', at, by });
};

const bookReturn: Step<'BookReturn'> = (c, s) => {
  const { actor: by, at } = c;
  const p = asReturn(s);
  if (p === undefined) return wrongKind('W-4', 'Booking a return', s.claim);
  if (p.slip?.signedAt === undefined) return refuse('W-4', 'RETURN_SLIP_NOT_SIGNED', 'Finance books a return only after the sales manager signed the slip.');
  if (p.bookedAt !== undefined) return refuse('W-4', 'RETURN_ALREADY_BOOKED', 'The return is already booked.');
  return emit({ type: 'ReturnBooked', at, by });
};

/** W-5: an exchange ships the replacement only after the returned unit arrived and the slip was issued. */
const shipReplacement: Step<'ShipReplacement'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.claim.kind !== 'exchange') return wrongKind('W-5', 'Shipping a replacement', s.claim);
  const p = s.claim;
  if (p.acceptance === undefined) return refuse('W-5', 'RETURN_NOT_ACCEPTED', 'The exchange has not been accepted (W-2).');
  if (p.goodsReceived === 0) return refuse('W-5', 'REPLACEMENT_BEFORE_RETURN_RECEIVED', 'The replacement ships only after the returned unit was received.');
  if (p.slip === undefined) return refuse('W-5', 'RETURN_SLIP_NOT_ISSUED', 'The replacement ships only after the return slip was issued.');
  if (p.replacementShippedAt !== undefined) return refuse('W-5', 'REPLACEMENT_ALREADY_SHIPPED', 'The replacement already shipped.');
  return emit({ type: 'ReplacementShipped', at, by });
};

/** W-6: record quantity and defect; in warranty free; out of warranty with a main component damaged, a quote and signed consent. */
const receiveRepairUnit: Step<'ReceiveRepairUnit'> = (c, s) => {
  const { actor: by, at } = c;
  const p = asRepair(s);
  if (p === undefined) return wrongKind('W-6', 'Receiving a repair unit', s.claim);
  if (p.received !== undefined) return refuse('W-6', 'REPAIR_UNIT_ALREADY_RECEIVED', 'The unit was already received.');
  return emit({ type: 'RepairUnitReceived', at, by, quantity: c.quantity, defect: c.defect });
};

const assessRepair: Step<'AssessRepair'> = (c, s, context) => {
  const { actor: by, at } = c;
  const p = asRepair(s);
  if (p === undefined) return wrongKind('W-6', 'Assessing a repair', s.claim);
  if (p.received === undefined) return refuse('W-6', 'REPAIR_UNIT_NOT_RECEIVED', 'The unit has not been received.');
  if (p.work !== 'not-started') return refuse('W-6', 'REPAIR_ALREADY_STARTED', 'The repair has already started.');
  const policy = context.policyAt(at);
  if (E.isLeft(policy)) return policy;
  const fee = assessRepairFee(context.calendar, policy.right, p.unit, at, c);
  return emit({
    type: 'RepairAssessed',
    at,
    by,
    inWarranty: fee.inWarranty,
    mainComponentDamaged: c.mainComponentDamaged,
    feeRequired: fee.feeRequired,
    policyVersion: policy.right.version,
    jurisdiction: policy.right.values.jurisdiction,
    ...(fee.warrantyLastDay === undefined ? {} : { warrantyLastDay: fee.warrantyLastDay }),
    ...(c.exclusion === undefined ? {} : { exclusion: c.exclusion }),
  });
};

const sendFeeQuote: Step<'SendFeeQuote'> = (c, s) => {
  const { actor: by, at } = c;
  const p = asRepair(s);
  if (p === undefined) return wrongKind('W-6', 'A fee quote', s.claim);
  const refused = quoteRefusal(p);
  if (refused !== undefined) return E.left(refused);
  return emit({ type: 'FeeQuoteSent', at, by, quote: c.quote });
};

const recordRepairConsent: Step<'RecordRepairConsent'> = (c, s) => {
  const { actor: by, at } = c;
  const p = asRepair(s);
  if (p === undefined) return wrongKind('W-6', 'A repair consent', s.claim);
  if (p.quote === undefined) return refuse('W-6', 'FEE_NOT_QUOTED', 'No fee quote was sent.');
  if (p.consent !== undefined) return refuse('W-6', 'CONSENT_ALREADY_RECORDED', "The customer's answer was already recorded.");
  if (!c.consented) return emit({ type: 'RepairConsentRecorded', at, by, consented: false });
  if (c.signedCopy === undefined || !NonEmptyText.is(c.signedCopy)) {
    return refuse('W-6', 'CONSENT_NOT_SIGNED', "Consent counts only with the customer's signed copy marked 'agree to repair'.");
  }
  return emit({ type: 'RepairConsentRecorded', at, by, consented: true, signedCopy: c.signedCopy });
};

const startRepair: Step<'StartRepair'> = (c, s) => {
  const { actor: by, at } = c;
  const repair = asRepair(s);
  if (repair !== undefined) {
    const refused = startRefusal(repair);
    if (refused !== undefined) return E.left(refused);
    if (repair.work !== 'not-started') return refuse('W-6', 'REPAIR_ALREADY_STARTED', 'The repair has already started.');
    return emit({ type: 'RepairStarted', at, by });
  }
  const work = asConstruction(s);
  if (work === undefined) return wrongKind('W-6', 'A repair', s.claim);
  if (work.planApprovedAt === undefined) return refuse('W-8', 'REPAIR_PLAN_NOT_APPROVED', 'The repair plan has not been approved by the department head.');
  if (work.repair !== 'not-started') return refuse('W-8', 'REPAIR_ALREADY_STARTED', 'The repair has already started.');
  return emit({ type: 'RepairStarted', at, by });
};

const completeRepair: Step<'CompleteRepair'> = (c, s) => {
  const { actor: by, at } = c;
  const work = s.claim.kind === 'repair' ? s.claim.work : s.claim.kind === 'construction-defect' ? s.claim.repair : undefined;
  if (work === undefined) return wrongKind('W-7', 'Completing a repair', s.claim);
  if (work !== 'in-progress') return refuse('W-7', 'REPAIR_NOT_IN_PROGRESS', 'No repair is in progress.');
  return emit({ type: 'RepairCompleted', at, by, note: c.note });
};

/** W-7, W-8: quality inspects the repair; a failed inspection sends it back for rework. */
const recordRepairInspection: Step<'RecordRepairInspection'> = (c, s) => {
  const { actor: by, at } = c;
  const work = s.claim.kind === 'repair' ? s.claim.work : s.claim.kind === 'construction-defect' ? s.claim.repair : undefined;
  if (work === undefined) return wrongKind('W-7', 'Inspecting a repair', s.claim);
  if (work !== 'completed') return refuse('W-7', 'REPAIR_NOT_COMPLETED', 'Quality inspects a completed repair.');
  return emit({ type: 'RepairInspected', at, by, passed: c.passed, report: c.report });
};

const shipRepairedUnit: Step<'ShipRepairedUnit'> = (c, s) => {
  const { actor: by, at } = c;
  const p = asRepair(s);
  if (p === undefined) return wrongKind('W-7', 'Shipping a repaired unit', s.claim);
  if (p.work !== 'passed') return refuse('W-7', 'REPAIR_NOT_INSPECTED', 'A repaired unit ships back only after quality inspection passed.');
  if (p.shippedAt !== undefined) return refuse('W-7', 'REPAIRED_UNIT_ALREADY_SHIPPED', 'The unit already shipped.');
  return emit({ type: 'RepairedUnitShipped', at, by });
};

const returnUnitUnrepaired: Step<'ReturnUnitUnrepaired'> = (c, s) => {
  const { actor: by, at } = c;
  const p = asRepair(s);
  if (p === undefined) return wrongKind('W-6', 'Returning a unit unrepaired', s.claim);
  if (p.received === undefined) return refuse('W-6', 'REPAIR_UNIT_NOT_RECEIVED', 'The unit has not been received.');
  if (p.consent !== 'declined' && s.status !== 'rejected')
    return refuse('W-6', 'REPAIR_NOT_DECLINED', 'A unit goes back unrepaired when the customer declined the fee or the claim was rejected.');
  if (p.returnedUnrepairedAt !== undefined) return refuse('W-6', 'UNIT_ALREADY_RETURNED', 'The unit already went back.');
  return emit({ type: 'UnitReturnedUnrepaired', at, by });
};

/** W-8: confirm the defect (within 2 days of the notice), plan approved by the department head, repair, inspection, owner's acceptance. */
const confirmConstructionDefect: Step<'ConfirmConstructionDefect'> = (c, s) => {
  const { actor: by, at } = c;
  const p = asConstruction(s);
  if (p === undefined) return wrongKind('W-8', 'Confirming a construction defect', s.claim);
  if (p.confirmedAt !== undefined) return refuse('W-8', 'DEFECT_ALREADY_CONFIRMED', 'The defect was already confirmed.');
  return emit({ type: 'ConstructionDefectConfirmed', at, by, findings: c.findings });
};

const approveRepairPlan: Step<'ApproveRepairPlan'> = (c, s) => {
  const { actor: by, at } = c;
  const p = asConstruction(s);
  if (p === undefined) return wrongKind('W-8', 'A repair plan', s.claim);
  if (p.confirmedAt === undefined) return refuse('W-8', 'DEFECT_NOT_CONFIRMED', 'The defect is confirmed before a repair plan is approved.');
  if (p.planApprovedAt !== undefined) return refuse('W-8', 'REPAIR_PLAN_ALREADY_APPROVED', 'The repair plan was already approved.');
  return emit({ type: 'RepairPlanApproved', at, by, plan: c.plan });
};

const recordOwnerAcceptance: Step<'RecordOwnerAcceptance'> = (c, s) => {
  const { actor: by, at } = c;
  const p = asConstruction(s);
  if (p === undefined) return wrongKind('W-8', "The owner's acceptance", s.claim);
  if (p.repair !== 'passed') return refuse('W-8', 'OWNER_ACCEPTANCE_BEFORE_INSPECTION', 'The owner signs after quality inspected the repair.');
  if (p.ownerAcceptedAt !== undefined) return refuse('W-8', 'OWNER_ALREADY_ACCEPTED', 'The owner already accepted.');
  return emit({ type: 'OwnerAccepted', at, by, signedCopy: c.signedCopy });
};

const closeClaim: Step<'CloseClaim'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.status !== 'rejected') {
    const missing = completion(s.claim);
    if (missing !== undefined) return E.left(missing);
  } else if (s.claim.kind === 'repair' && s.claim.received !== undefined && s.claim.returnedUnrepairedAt === undefined) {
    return refuse('W-6', 'CLAIM_NOT_COMPLETE', 'A rejected repair closes once the unit went back.');
  }
  return emit({ type: 'ClaimClosed', at, by });
};

export const decideWarrantyClaim =
  (context: RuleContext) =>
  (c: WarrantyCommand, state: WarrantyClaimState): WarrantyClaimDecision => {
    // W-1: a claim is filed once.
    if (state.status === 'none') {
      if (c.type !== 'FileClaim') return refuse('W-1', 'CLAIM_NOT_FILED', `No warranty claim ${c.caseId} has been filed.`);
      const who = permitted(c);
      return E.isLeft(who) ? who : fileClaim(c);
    }
    if (c.type === 'FileClaim') return refuse('W-1', 'CLAIM_ALREADY_FILED', `Warranty claim ${c.caseId} was already filed.`);
    if (state.status === 'closed') return refuse('W-1', 'CLAIM_CLOSED', 'The claim is closed.');
    if (state.status === 'rejected' && c.type !== 'CloseClaim' && c.type !== 'ReturnUnitUnrepaired') {
      return refuse('W-2', 'CLAIM_REJECTED', 'The claim was rejected; it can only be closed.');
    }
    const s = state;

    const who = permitted(c);
    if (E.isLeft(who)) return who;
    switch (c.type) {
      case 'RecordDefectInspection':
        return recordDefectInspection(c, s, context);
      case 'ApproveSpecialCase':
        return approveSpecialCase(c, s, context);
      case 'AcceptReturn':
        return acceptReturn(c, s, context);
      case 'RejectClaim':
        return rejectClaim(c, s, context);
      case 'ReceiveReturnedGoods':
        return receiveReturnedGoods(c, s, context);
      case 'IssueReturnSlip':
        return issueReturnSlip(c, s, context);
      case 'SignReturnSlip':
        return signReturnSlip(c, s, context);
      case 'BookReturn':
        return bookReturn(c, s, context);
      case 'ShipReplacement':
        return shipReplacement(c, s, context);
      case 'ReceiveRepairUnit':
        return receiveRepairUnit(c, s, context);
      case 'AssessRepair':
        return assessRepair(c, s, context);
      case 'SendFeeQuote':
        return sendFeeQuote(c, s, context);
      case 'RecordRepairConsent':
        return recordRepairConsent(c, s, context);
      case 'StartRepair':
        return startRepair(c, s, context);
      case 'CompleteRepair':
        return completeRepair(c, s, context);
      case 'RecordRepairInspection':
        return recordRepairInspection(c, s, context);
      case 'ShipRepairedUnit':
        return shipRepairedUnit(c, s, context);
      case 'ReturnUnitUnrepaired':
        return returnUnitUnrepaired(c, s, context);
      case 'ConfirmConstructionDefect':
        return confirmConstructionDefect(c, s, context);
      case 'ApproveRepairPlan':
        return approveRepairPlan(c, s, context);
      case 'RecordOwnerAcceptance':
        return recordOwnerAcceptance(c, s, context);
      case 'CloseClaim':
        return closeClaim(c, s, context);
    }
  };

/** The warranty-claim decider on a company's rulebook, deciding under the policy in force at each step. */
export const warrantyClaimDecider = (rulebook: Rulebook): Decider<WarrantyCommand, WarrantyEvent, WarrantyClaimState> => ({
  initialState: initialWarrantyClaimState,
  evolve: evolveWarrantyClaim,
  decide: decideWarrantyClaim(inForce(rulebook)),
});
