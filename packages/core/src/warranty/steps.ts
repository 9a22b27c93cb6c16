/**
 * T-11 for warranty claims: the command each stored event answers, so the audit decides it again
 * with `decideWarrantyClaim`, and the facts an event records that its command did not give, with
 * the rule that computes each: the return window (W-2), the special case's use (W-3), the warranty
 * period (W-9) and whether a fee is required (W-6).
 */
import type { RecordedFacts } from '../caseType.js';
import type { CaseId } from '../codecs.js';
import type { WarrantyCommand, WarrantyEvent } from './messages.js';

export const warrantyStepOf = (e: WarrantyEvent, caseId: CaseId): WarrantyCommand => {
  const step = { caseId, at: e.at, actor: e.by };
  switch (e.type) {
    case 'ClaimFiled':
      return {
        type: 'FileClaim',
        ...step,
        customer: e.customer,
        kind: e.kind,
        reason: e.reason,
        ...(e.unit === undefined ? {} : { unit: e.unit }),
        ...(e.work === undefined ? {} : { work: e.work }),
        ...(e.channel === undefined ? {} : { channel: e.channel }),
      };
    case 'DefectInspected':
      return {
        type: 'RecordDefectInspection',
        ...step,
        verdict: e.verdict,
        report: e.report,
        ...(e.exclusion === undefined ? {} : { exclusion: e.exclusion }),
      };
    case 'SpecialCaseApproved':
      return { type: 'ApproveSpecialCase', ...step, justification: e.justification };
    case 'ReturnAccepted':
      return { type: 'AcceptReturn', ...step };
    case 'ClaimRejected':
      return { type: 'RejectClaim', ...step, reason: e.reason };
    case 'ReturnedGoodsReceived':
      return { type: 'ReceiveReturnedGoods', ...step, quantity: e.quantity };
    case 'ReturnSlipIssued':
      return { type: 'IssueReturnSlip', ...step, shipDate: e.shipDate, reason: e.reason };
    case 'ReturnSlipSigned':
      return { type: 'SignReturnSlip', ...step };
    case 'ReturnBooked':
      return { type: 'BookReturn', ...step };
    case 'ReplacementShipped':
      return { type: 'ShipReplacement', ...step };
    case 'RepairUnitReceived':
      return { type: 'ReceiveRepairUnit', ...step, quantity: e.quantity, defect: e.defect };
    case 'RepairAssessed':
      return { type: 'AssessRepair', ...step, mainComponentDamaged: e.mainComponentDamaged, ...(e.exclusion === undefined ? {} : { exclusion: e.exclusion }) };
    case 'FeeQuoteSent':
      return { type: 'SendFeeQuote', ...step, quote: e.quote };
    case 'RepairConsentRecorded':
      return { type: 'RecordRepairConsent', ...step, consented: e.consented, ...(e.signedCopy === undefined ? {} : { signedCopy: e.signedCopy }) };
    case 'RepairStarted':
      return { type: 'StartRepair', ...step };
    case 'RepairCompleted':
      return { type: 'CompleteRepair', ...step, note: e.note };
    case 'RepairInspected':
      return { type: 'RecordRepairInspection', ...step, passed: e.passed, report: e.report };
    case 'RepairedUnitShipped':
      return { type: 'ShipRepairedUnit', ...step };
    case 'UnitReturnedUnrepaired':
      return { type: 'ReturnUnitUnrepaired', ...step };
    case 'ConstructionDefectConfirmed':
      return { type: 'ConfirmConstructionDefect', ...step, findings: e.findings };
    case 'RepairPlanApproved':
      return { type: 'ApproveRepairPlan', ...step, plan: e.plan };
    case 'OwnerAccepted':
      return { type: 'RecordOwnerAcceptance', ...step, signedCopy: e.signedCopy };
    case 'ClaimClosed':
      return { type: 'CloseClaim', ...step };
  }
};

/** What warranty events record beyond their command. */
export const warrantyRecordedFacts: RecordedFacts<WarrantyEvent> = {
  ReturnAccepted: {
    ground: 'W-2',
    rule: 'W-2',
    windowEndsOn: 'W-2',
    windowCountsTo: 'W-2',
    countedAt: 'W-2',
    specialCase: 'W-3',
    policyVersion: 'T-5',
    jurisdiction: 'J-0',
  },
  RepairAssessed: { inWarranty: 'W-9', warrantyLastDay: 'W-9', feeRequired: 'W-6', policyVersion: 'T-5', jurisdiction: 'J-0' },
  // W-6: a signed copy is kept only with a consent; a refusal recorded with one says something the step did not.
  RepairConsentRecorded: { signedCopy: 'W-6' },
};
