/** The commands and events of warranty claims (W-1 … W-10). Every event records when and by whom. */
import * as t from 'io-ts';
import { Actor } from '../actor.js';
import { CaseId, Instant, LocalDate, NonEmptyText, PositiveInt, type TaggedUnion, tagged, taggedUnion, taggedWithOptional } from '../codecs.js';
import { Customer } from '../customer.js';
import { ReturnWindowReadingCodec } from './policy.js';
import type { UpcasterRegistry } from '../upcasting.js';
import { RuleIdCodec } from '../violation.js';
import { ClaimKindCodec, DefectVerdictCodec, ExclusionCodec, FeeQuote, HandedOverWork, ProductUnit, SaleChannelCodec } from './vocabulary.js';

const cmd = { caseId: CaseId, at: Instant, actor: Actor };
const ev = { at: Instant, by: Actor };

// ---------------------------------------------------------------------------------------------
// Commands

/** `channel`: how the unit was sold (J-2, J-3); a claim without it is covered only by grounds for every channel. */
export const FileClaim = taggedWithOptional(
  'FileClaim',
  { ...cmd, customer: Customer, kind: ClaimKindCodec, reason: NonEmptyText },
  { unit: ProductUnit, work: HandedOverWork, channel: SaleChannelCodec },
);
/** `exclusion`: what takes the unit out of the law's cover, if quality found it (J-1). */
export const RecordDefectInspection = taggedWithOptional(
  'RecordDefectInspection',
  { ...cmd, verdict: DefectVerdictCodec, report: NonEmptyText },
  { exclusion: ExclusionCodec },
);
/** The justification is plain text here so that a blank one is refused as a W-3 violation, not a decoding error. */
export const ApproveSpecialCase = tagged('ApproveSpecialCase', { ...cmd, justification: t.string });
export const AcceptReturn = tagged('AcceptReturn', { ...cmd });
export const RejectClaim = tagged('RejectClaim', { ...cmd, reason: NonEmptyText });
export const ReceiveReturnedGoods = tagged('ReceiveReturnedGoods', { ...cmd, quantity: PositiveInt });
export const IssueReturnSlip = tagged('IssueReturnSlip', { ...cmd, shipDate: LocalDate, reason: NonEmptyText });
export const SignReturnSlip = tagged('SignReturnSlip', { ...cmd });
export const BookReturn = tagged('BookReturn', { ...cmd });
export const ShipReplacement = tagged('ShipReplacement', { ...cmd });
export const ReceiveRepairUnit = tagged('ReceiveRepairUnit', { ...cmd, quantity: PositiveInt, defect: NonEmptyText });
export const AssessRepair = taggedWithOptional('AssessRepair', { ...cmd, mainComponentDamaged: t.boolean }, { exclusion: ExclusionCodec });
export const SendFeeQuote = tagged('SendFeeQuote', { ...cmd, quote: FeeQuote });
/** A consent counts only with a reference to the customer's signed copy. */
export const RecordRepairConsent = taggedWithOptional('RecordRepairConsent', { ...cmd, consented: t.boolean }, { signedCopy: t.string });
export const StartRepair = tagged('StartRepair', { ...cmd });
export const CompleteRepair = tagged('CompleteRepair', { ...cmd, note: NonEmptyText });
export const RecordRepairInspection = tagged('RecordRepairInspection', { ...cmd, passed: t.boolean, report: NonEmptyText });
export const ShipRepairedUnit = tagged('ShipRepairedUnit', { ...cmd });
export const ReturnUnitUnrepaired = tagged('ReturnUnitUnrepaired', { ...cmd });
export const ConfirmConstructionDefect = tagged('ConfirmConstructionDefect', { ...cmd, findings: NonEmptyText });
export const ApproveRepairPlan = tagged('ApproveRepairPlan', { ...cmd, plan: NonEmptyText });
export const RecordOwnerAcceptance = tagged('RecordOwnerAcceptance', { ...cmd, signedCopy: NonEmptyText });
export const CloseClaim = tagged('CloseClaim', { ...cmd });

export type WarrantyCommand =
  | t.TypeOf<typeof FileClaim>
  | t.TypeOf<typeof RecordDefectInspection>
  | t.TypeOf<typeof ApproveSpecialCase>
  | t.TypeOf<typeof AcceptReturn>
  | t.TypeOf<typeof RejectClaim>
  | t.TypeOf<typeof ReceiveReturnedGoods>
  | t.TypeOf<typeof IssueReturnSlip>
  | t.TypeOf<typeof SignReturnSlip>
  | t.TypeOf<typeof BookReturn>
  | t.TypeOf<typeof ShipReplacement>
  | t.TypeOf<typeof ReceiveRepairUnit>
  | t.TypeOf<typeof AssessRepair>
  | t.TypeOf<typeof SendFeeQuote>
  | t.TypeOf<typeof RecordRepairConsent>
  | t.TypeOf<typeof StartRepair>
  | t.TypeOf<typeof CompleteRepair>
  | t.TypeOf<typeof RecordRepairInspection>
  | t.TypeOf<typeof ShipRepairedUnit>
  | t.TypeOf<typeof ReturnUnitUnrepaired>
  | t.TypeOf<typeof ConfirmConstructionDefect>
  | t.TypeOf<typeof ApproveRepairPlan>
  | t.TypeOf<typeof RecordOwnerAcceptance>
  | t.TypeOf<typeof CloseClaim>;

export const WarrantyCommand: TaggedUnion<WarrantyCommand> = taggedUnion<WarrantyCommand>('WarrantyCommand', {
  FileClaim,
  RecordDefectInspection,
  ApproveSpecialCase,
  AcceptReturn,
  RejectClaim,
  ReceiveReturnedGoods,
  IssueReturnSlip,
  SignReturnSlip,
  BookReturn,
  ShipReplacement,
  ReceiveRepairUnit,
  AssessRepair,
  SendFeeQuote,
  RecordRepairConsent,
  StartRepair,
  CompleteRepair,
  RecordRepairInspection,
  ShipRepairedUnit,
  ReturnUnitUnrepaired,
  ConfirmConstructionDefect,
  ApproveRepairPlan,
  RecordOwnerAcceptance,
  CloseClaim,
});

// ---------------------------------------------------------------------------------------------
// Events

export const ClaimFiled = taggedWithOptional(
  'ClaimFiled',
  { ...ev, customer: Customer, kind: ClaimKindCodec, reason: NonEmptyText },
  { unit: ProductUnit, work: HandedOverWork, channel: SaleChannelCodec },
);
export const DefectInspected = taggedWithOptional(
  'DefectInspected',
  { ...ev, verdict: DefectVerdictCodec, report: NonEmptyText },
  { exclusion: ExclusionCodec },
);
export const SpecialCaseApproved = tagged('SpecialCaseApproved', { ...ev, justification: NonEmptyText });
/**
 * W-2 (J-1 … J-3): records the policy version and its jurisdiction, the return ground that applied
 * and its rule, the window's last day, which day it was counted to (the claim's filing or the
 * acceptance) and that day's instant, and whether the special case was used (W-3). Without a
 * ground (no ground offers the remedy; only the special case allowed it) there is no window.
 * Schema version 3. Version 2 (caseledger 0.2) had one window, the seeds' W-2; version 1
 * (caseledger 0.1) had no reading and counted to the acceptance.
 */
export const ReturnAccepted = taggedWithOptional(
  'ReturnAccepted',
  {
    ...ev,
    policyVersion: t.string,
    jurisdiction: t.string,
    rule: RuleIdCodec,
    windowCountsTo: ReturnWindowReadingCodec,
    countedAt: Instant,
    specialCase: t.boolean,
  },
  { ground: t.string, windowEndsOn: LocalDate },
);
export const ClaimRejected = tagged('ClaimRejected', { ...ev, reason: NonEmptyText });
export const ReturnedGoodsReceived = tagged('ReturnedGoodsReceived', { ...ev, quantity: PositiveInt });
export const ReturnSlipIssued = tagged('ReturnSlipIssued', { ...ev, shipDate: LocalDate, reason: NonEmptyText });
export const ReturnSlipSigned = tagged('ReturnSlipSigned', { ...ev });
export const ReturnBooked = tagged('ReturnBooked', { ...ev });
export const ReplacementShipped = tagged('ReplacementShipped', { ...ev });
export const RepairUnitReceived = tagged('RepairUnitReceived', { ...ev, quantity: PositiveInt, defect: NonEmptyText });
/**
 * W-6, W-9: records the warranty's last day under the policy version in force and its
 * jurisdiction (J-0). Schema version 2; version 1 (before presets) read as jurisdiction `none`.
 */
export const RepairAssessed = taggedWithOptional(
  'RepairAssessed',
  { ...ev, inWarranty: t.boolean, mainComponentDamaged: t.boolean, feeRequired: t.boolean, policyVersion: t.string, jurisdiction: t.string },
  { warrantyLastDay: LocalDate, exclusion: ExclusionCodec },
);
export const FeeQuoteSent = tagged('FeeQuoteSent', { ...ev, quote: FeeQuote });
export const RepairConsentRecorded = taggedWithOptional('RepairConsentRecorded', { ...ev, consented: t.boolean }, { signedCopy: NonEmptyText });
export const RepairStarted = tagged('RepairStarted', { ...ev });
export const RepairCompleted = tagged('RepairCompleted', { ...ev, note: NonEmptyText });
export const RepairInspected = tagged('RepairInspected', { ...ev, passed: t.boolean, report: NonEmptyText });
export const RepairedUnitShipped = tagged('RepairedUnitShipped', { ...ev });
export const UnitReturnedUnrepaired = tagged('UnitReturnedUnrepaired', { ...ev });
export const ConstructionDefectConfirmed = tagged('ConstructionDefectConfirmed', { ...ev, findings: NonEmptyText });
export const RepairPlanApproved = tagged('RepairPlanApproved', { ...ev, plan: NonEmptyText });
export const OwnerAccepted = tagged('OwnerAccepted', { ...ev, signedCopy: NonEmptyText });
export const ClaimClosed = tagged('ClaimClosed', { ...ev });

export type WarrantyEvent =
  | t.TypeOf<typeof ClaimFiled>
  | t.TypeOf<typeof DefectInspected>
  | t.TypeOf<typeof SpecialCaseApproved>
  | t.TypeOf<typeof ReturnAccepted>
  | t.TypeOf<typeof ClaimRejected>
  | t.TypeOf<typeof ReturnedGoodsReceived>
  | t.TypeOf<typeof ReturnSlipIssued>
  | t.TypeOf<typeof ReturnSlipSigned>
  | t.TypeOf<typeof ReturnBooked>
  | t.TypeOf<typeof ReplacementShipped>
  | t.TypeOf<typeof RepairUnitReceived>
  | t.TypeOf<typeof RepairAssessed>
  | t.TypeOf<typeof FeeQuoteSent>
  | t.TypeOf<typeof RepairConsentRecorded>
  | t.TypeOf<typeof RepairStarted>
  | t.TypeOf<typeof RepairCompleted>
  | t.TypeOf<typeof RepairInspected>
  | t.TypeOf<typeof RepairedUnitShipped>
  | t.TypeOf<typeof UnitReturnedUnrepaired>
  | t.TypeOf<typeof ConstructionDefectConfirmed>
  | t.TypeOf<typeof RepairPlanApproved>
  | t.TypeOf<typeof OwnerAccepted>
  | t.TypeOf<typeof ClaimClosed>;

export const WarrantyEvent: TaggedUnion<WarrantyEvent> = taggedUnion<WarrantyEvent>('WarrantyEvent', {
  ClaimFiled,
  DefectInspected,
  SpecialCaseApproved,
  ReturnAccepted,
  ClaimRejected,
  ReturnedGoodsReceived,
  ReturnSlipIssued,
  ReturnSlipSigned,
  ReturnBooked,
  ReplacementShipped,
  RepairUnitReceived,
  RepairAssessed,
  FeeQuoteSent,
  RepairConsentRecorded,
  RepairStarted,
  RepairCompleted,
  RepairInspected,
  RepairedUnitShipped,
  UnitReturnedUnrepaired,
  ConstructionDefectConfirmed,
  RepairPlanApproved,
  OwnerAccepted,
  ClaimClosed,
});

/** Older schema versions of warranty events, read forward (never by `any`). */
export const warrantyUpcasters: UpcasterRegistry = {
  // 0.1 counted a return's window to the acceptance (policy `rulebook-1`): say so, and when.
  // 0.2 had the seeds' one ground (W-2, policy values before jurisdictions): name it.
  ReturnAccepted: {
    currentVersion: 3,
    upcasters: {
      1: (data) => ({ ...data, windowCountsTo: 'acceptance', countedAt: data['at'] ?? null }),
      2: (data) => ({ ...data, jurisdiction: 'none', ground: 'company', rule: 'W-2' }),
    },
  },
  // Before jurisdiction presets every repair was assessed under the rulebook's own procedure.
  RepairAssessed: { currentVersion: 2, upcasters: { 1: (data) => ({ ...data, jurisdiction: 'none' }) } },
};
