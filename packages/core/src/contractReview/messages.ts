/** Commands and events of the contract review (R-1 … R-6, seed 004 §4.1–4.4). */
import * as t from 'io-ts';
import { Actor, DepartmentCodec } from '../actor.js';
import { CaseId, Instant, NonEmptyText, type TaggedUnion, oneOf, tagged, taggedUnion, taggedWithOptional } from '../codecs.js';
import { Customer } from '../customer.js';

/** the requirement categories every review decides (a category may be decided as "none"). */
export const requirementCategories = ['stated', 'implied', 'statutory', 'product-specific', 'reliability', 'transport', 'support', 'safety'] as const;
export type RequirementCategory = (typeof requirementCategories)[number];
export const RequirementCategoryCodec = oneOf(requirementCategories);

export const RequirementDecision = t.union(
  [t.readonly(t.type({ kind: t.literal('none') })), t.readonly(t.type({ kind: t.literal('defined'), text: NonEmptyText }))],
  'RequirementDecision',
);
export type RequirementDecision = t.TypeOf<typeof RequirementDecision>;

export const OrderForm = oneOf(['written', 'oral'] as const);

const cmd = { caseId: CaseId, at: Instant, actor: Actor };
const ev = { at: Instant, by: Actor };

const orderFields = {
  customer: Customer,
  form: OrderForm,
  description: NonEmptyText,
  /** an order with a complex process or special materials names the departments whose opinion it needs. */
  complexProcess: t.boolean,
  specialMaterials: t.boolean,
  requiredDepartments: t.readonlyArray(DepartmentCodec),
};

export const SubmitOrder = taggedWithOptional('SubmitOrder', { ...cmd, ...orderFields }, { quotationRef: NonEmptyText });
export const RecordOralOrderInWriting = tagged('RecordOralOrderInWriting', { ...cmd, orderedBy: NonEmptyText, orderedAt: Instant, record: NonEmptyText });
export const DetermineRequirement = tagged('DetermineRequirement', { ...cmd, category: RequirementCategoryCodec, decision: RequirementDecision });
export const RecordDifference = tagged('RecordDifference', { ...cmd, differenceId: NonEmptyText, description: NonEmptyText });
export const ResolveDifference = tagged('ResolveDifference', { ...cmd, differenceId: NonEmptyText, resolution: NonEmptyText });
export const RecordDepartmentOpinion = tagged('RecordDepartmentOpinion', { ...cmd, canMeet: t.boolean, note: NonEmptyText });
export const ConfirmCapability = tagged('ConfirmCapability', { ...cmd, note: NonEmptyText });
export const ApproveContract = tagged('ApproveContract', { ...cmd });
export const RejectOrder = tagged('RejectOrder', { ...cmd, reason: NonEmptyText });
export const SignContract = tagged('SignContract', { ...cmd });
export const ProposeAmendment = tagged('ProposeAmendment', {
  ...cmd,
  amendmentId: NonEmptyText,
  description: NonEmptyText,
  changesProductRequirements: t.boolean,
  affectedDepartments: t.readonlyArray(DepartmentCodec),
});
export const RecordAmendmentAgreement = tagged('RecordAmendmentAgreement', { ...cmd, amendmentId: NonEmptyText, agreed: t.boolean });
export const CommunicateAmendment = tagged('CommunicateAmendment', { ...cmd, amendmentId: NonEmptyText, department: DepartmentCodec });
export const ReleaseToProduction = tagged('ReleaseToProduction', { ...cmd });

export type ContractReviewCommand =
  | t.TypeOf<typeof SubmitOrder>
  | t.TypeOf<typeof RecordOralOrderInWriting>
  | t.TypeOf<typeof DetermineRequirement>
  | t.TypeOf<typeof RecordDifference>
  | t.TypeOf<typeof ResolveDifference>
  | t.TypeOf<typeof RecordDepartmentOpinion>
  | t.TypeOf<typeof ConfirmCapability>
  | t.TypeOf<typeof ApproveContract>
  | t.TypeOf<typeof RejectOrder>
  | t.TypeOf<typeof SignContract>
  | t.TypeOf<typeof ProposeAmendment>
  | t.TypeOf<typeof RecordAmendmentAgreement>
  | t.TypeOf<typeof CommunicateAmendment>
  | t.TypeOf<typeof ReleaseToProduction>;

export const ContractReviewCommand: TaggedUnion<ContractReviewCommand> = taggedUnion<ContractReviewCommand>('ContractReviewCommand', {
  SubmitOrder,
  RecordOralOrderInWriting,
  DetermineRequirement,
  RecordDifference,
  ResolveDifference,
  RecordDepartmentOpinion,
  ConfirmCapability,
  ApproveContract,
  RejectOrder,
  SignContract,
  ProposeAmendment,
  RecordAmendmentAgreement,
  CommunicateAmendment,
  ReleaseToProduction,
});

export const OrderSubmitted = taggedWithOptional('OrderSubmitted', { ...ev, ...orderFields }, { quotationRef: NonEmptyText });
export const OralOrderRecorded = tagged('OralOrderRecorded', { ...ev, orderedBy: NonEmptyText, orderedAt: Instant, record: NonEmptyText });
export const RequirementDetermined = tagged('RequirementDetermined', { ...ev, category: RequirementCategoryCodec, decision: RequirementDecision });
export const DifferenceRecorded = tagged('DifferenceRecorded', { ...ev, differenceId: NonEmptyText, description: NonEmptyText });
export const DifferenceResolved = tagged('DifferenceResolved', { ...ev, differenceId: NonEmptyText, resolution: NonEmptyText });
export const DepartmentOpinionRecorded = tagged('DepartmentOpinionRecorded', { ...ev, department: DepartmentCodec, canMeet: t.boolean, note: NonEmptyText });
export const CapabilityConfirmed = tagged('CapabilityConfirmed', { ...ev, note: NonEmptyText });
export const ContractApproved = tagged('ContractApproved', { ...ev });
export const OrderRejected = tagged('OrderRejected', { ...ev, reason: NonEmptyText });
export const ContractSigned = tagged('ContractSigned', { ...ev });
export const AmendmentProposed = tagged('AmendmentProposed', {
  ...ev,
  amendmentId: NonEmptyText,
  description: NonEmptyText,
  changesProductRequirements: t.boolean,
  affectedDepartments: t.readonlyArray(DepartmentCodec),
});
export const AmendmentAgreed = tagged('AmendmentAgreed', { ...ev, amendmentId: NonEmptyText });
export const AmendmentDeclined = tagged('AmendmentDeclined', { ...ev, amendmentId: NonEmptyText });
/** an amendment that changes product requirements sends the contract back to review. */
export const ContractReturnedToReview = tagged('ContractReturnedToReview', { ...ev, amendmentId: NonEmptyText });
export const AmendmentCommunicated = tagged('AmendmentCommunicated', { ...ev, amendmentId: NonEmptyText, department: DepartmentCodec });
export const ReleasedToProduction = tagged('ReleasedToProduction', { ...ev });

export type ContractReviewEvent =
  | t.TypeOf<typeof OrderSubmitted>
  | t.TypeOf<typeof OralOrderRecorded>
  | t.TypeOf<typeof RequirementDetermined>
  | t.TypeOf<typeof DifferenceRecorded>
  | t.TypeOf<typeof DifferenceResolved>
  | t.TypeOf<typeof DepartmentOpinionRecorded>
  | t.TypeOf<typeof CapabilityConfirmed>
  | t.TypeOf<typeof ContractApproved>
  | t.TypeOf<typeof OrderRejected>
  | t.TypeOf<typeof ContractSigned>
  | t.TypeOf<typeof AmendmentProposed>
  | t.TypeOf<typeof AmendmentAgreed>
  | t.TypeOf<typeof AmendmentDeclined>
  | t.TypeOf<typeof ContractReturnedToReview>
  | t.TypeOf<typeof AmendmentCommunicated>
  | t.TypeOf<typeof ReleasedToProduction>;

export const ContractReviewEvent: TaggedUnion<ContractReviewEvent> = taggedUnion<ContractReviewEvent>('ContractReviewEvent', {
  OrderSubmitted,
  OralOrderRecorded,
  RequirementDetermined,
  DifferenceRecorded,
  DifferenceResolved,
  DepartmentOpinionRecorded,
  CapabilityConfirmed,
  ContractApproved,
  OrderRejected,
  ContractSigned,
  AmendmentProposed,
  AmendmentAgreed,
  AmendmentDeclined,
  ContractReturnedToReview,
  AmendmentCommunicated,
  ReleasedToProduction,
});
