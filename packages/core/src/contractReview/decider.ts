/**
 * The contract review (R-1 … R-6) as a decider. Approval is checked in one place,
 * `approvalBlockers`, which the audit can also call on any state.
 */
import { showableText } from '../quoting.js';
import * as E from 'fp-ts/lib/Either.js';
import { type Permissions, permittedBy } from '../actor.js';
import type { Decider } from '../decider.js';
import { type RuleId, type Violation } from '../violation.js';
import { type ContractReviewCommand, type ContractReviewEvent, requirementCategories } from './messages.js';
import { type ContractReviewState, type ContractUnderReview, evolveContractReview, initialContractReviewState } from './state.js';
import { type ContractReviewViolationCode, only, violation } from './violations.js';

/** What the decider decides: the events to append, or the rule the command breaks. */
export type ContractReviewDecision = E.Either<Violation, ReadonlyArray<ContractReviewEvent>>;
const refuse = (ruleId: RuleId, code: ContractReviewViolationCode, message: string): ContractReviewDecision => E.left(violation(ruleId, code, message));
const emit = (...events: ReadonlyArray<ContractReviewEvent>): ContractReviewDecision => E.right(events);

/** only the sales department approves contracts; sales also runs the review (seed 004 §3.1). */
const salesOnly = (ruleId: RuleId, code: ContractReviewViolationCode, step: string) => only(ruleId, code, { departments: ['sales'] }, step);

/** everything that still stands between the review and its approval, first reason first. */
export const approvalBlockers = (s: ContractUnderReview): ReadonlyArray<Violation> => {
  const out: Violation[] = [];
  if (s.status === 'awaiting-written-record') out.push(violation('R-1', 'ORAL_ORDER_NOT_RECORDED', 'The oral order has not been recorded in writing.'));
  const missing = requirementCategories.filter((c) => !s.requirements.some((r) => r.category === c));
  if (missing.length > 0) {
    out.push(violation('R-3', 'REQUIREMENTS_NOT_DEFINED', `Requirements not yet determined: ${missing.join(', ')}.`, { categories: missing }));
  }
  const open = s.differences.filter((d) => d.resolution === undefined).map((d) => d.id);
  if (open.length > 0)
    out.push(violation('R-3', 'DIFFERENCES_UNRESOLVED', `Differences from the quotation or order not resolved: ${open.join(', ')}.`, { differences: open }));
  const unanswered = s.requiredDepartments.filter((d) => !s.opinions.some((o) => o.department === d));
  if (unanswered.length > 0)
    out.push(violation('R-4', 'DEPARTMENT_OPINION_MISSING', `Waiting for the opinion of: ${unanswered.join(', ')}.`, { departments: unanswered }));
  const cannot = s.opinions.filter((o) => !o.canMeet).map((o) => o.department);
  if (cannot.length > 0)
    out.push(
      violation('R-4', 'DEPARTMENT_CANNOT_MEET', `Cannot be met according to: ${cannot.join(', ')}. Change the requirement or reject the order.`, {
        departments: cannot,
      }),
    );
  if (!s.capabilityConfirmed) out.push(violation('R-3', 'CAPABILITY_NOT_CONFIRMED', 'The company has not confirmed it can meet the requirements.'));
  return out;
};

/** Requirements, differences, opinions and capability are being settled (R-2 … R-4). */
const isReviewing = (s: ContractUnderReview): boolean => s.status === 'in-review' || s.status === 'awaiting-written-record';

/**
 * T-6 and the rules that name a department: who may take each step. A step not listed checks its
 * actor itself, against the case.
 */
const permissions: Permissions<ContractReviewCommand> = {
  SubmitOrder: salesOnly('R-1', 'ORDER_NOT_BY_SALES', 'Submitting an order for review'),
  RecordOralOrderInWriting: salesOnly('R-1', 'ORDER_NOT_BY_SALES', 'Recording an oral order'),
  DetermineRequirement: salesOnly('R-2', 'REVIEW_NOT_BY_SALES', 'Determining requirements'),
  RecordDifference: salesOnly('R-3', 'REVIEW_NOT_BY_SALES', 'Recording a difference'),
  ResolveDifference: salesOnly('R-3', 'REVIEW_NOT_BY_SALES', 'Resolving a difference'),
  ConfirmCapability: salesOnly('R-3', 'REVIEW_NOT_BY_SALES', 'Confirming capability'),
  ApproveContract: salesOnly('R-5', 'APPROVAL_NOT_BY_SALES', 'Approving a contract'),
  RejectOrder: salesOnly('R-5', 'APPROVAL_NOT_BY_SALES', 'Rejecting an order'),
  SignContract: salesOnly('R-3', 'SIGNING_NOT_BY_SALES', 'Signing a contract'),
  ProposeAmendment: salesOnly('R-6', 'AMENDMENT_NOT_BY_SALES', 'Proposing an amendment'),
  RecordAmendmentAgreement: salesOnly('R-6', 'AMENDMENT_NOT_BY_SALES', "Recording the customer's answer"),
  CommunicateAmendment: salesOnly('R-6', 'AMENDMENT_NOT_BY_SALES', 'Communicating an amendment'),
  ReleaseToProduction: only('R-6', 'RELEASE_NOT_PERMITTED', { departments: ['sales', 'production'] }, 'Releasing to production'),
};

const permitted = permittedBy(permissions);

/** the order as submitted; one with a complex process or special materials names the departments whose opinion it needs. */
const submitOrder = (c: Extract<ContractReviewCommand, { readonly type: 'SubmitOrder' }>): ContractReviewDecision => {
  if ((c.complexProcess || c.specialMaterials) && c.requiredDepartments.length === 0) {
    return refuse('R-4', 'DEPARTMENTS_NOT_NAMED', 'An order with a complex process or special materials names the departments whose opinion it needs.');
  }
  const { type: _type, caseId: _caseId, actor: by, at, ...order } = c;
  return emit({ ...order, type: 'OrderSubmitted', at, by });
};

/** The rule of one step (on a submitted order that was not rejected (R-1, R-3 are checked before it)). */
type Step<T extends ContractReviewCommand['type']> = (
  c: Extract<ContractReviewCommand, { readonly type: T }>,
  s: ContractUnderReview,
) => ContractReviewDecision;

/** an oral order is recorded in writing (who, when) before it can be reviewed. */
const recordOralOrderInWriting: Step<'RecordOralOrderInWriting'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.status !== 'awaiting-written-record')
    return refuse('R-1', 'NOT_AN_UNRECORDED_ORAL_ORDER', 'Only an oral order not yet written down is recorded in writing.');
  return emit({ type: 'OralOrderRecorded', at, by, orderedBy: c.orderedBy, orderedAt: c.orderedAt, record: c.record });
};

/** every requirement category is determined (it may be "none"). */
const determineRequirement: Step<'DetermineRequirement'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.status === 'awaiting-written-record') return refuse('R-1', 'ORAL_ORDER_NOT_RECORDED', 'Record the oral order in writing before isReviewing(s) it.');
  if (!isReviewing(s)) return refuse('R-3', 'NOT_IN_REVIEW', 'The contract is not under review; an amendment changes it (R-6).');
  return emit({ type: 'RequirementDetermined', at, by, category: c.category, decision: c.decision });
};

/** differences from an earlier quotation or order are recorded and resolved. */
const recordDifference: Step<'RecordDifference'> = (c, s) => {
  const { actor: by, at } = c;
  if (!isReviewing(s)) return refuse('R-3', 'NOT_IN_REVIEW', 'The contract is not under review.');
  if (s.differences.some((d) => d.id === c.differenceId)) return refuse('R-3', 'DIFFERENCE_EXISTS', 'A difference with this id is already recorded.');
  return emit({ type: 'DifferenceRecorded', at, by, differenceId: c.differenceId, description: c.description });
};

const resolveDifference: Step<'ResolveDifference'> = (c, s) => {
  const { actor: by, at } = c;
  const d = s.differences.find((x) => x.id === c.differenceId);
  if (d === undefined) return refuse('R-3', 'DIFFERENCE_UNKNOWN', 'No difference with this id was recorded.');
  if (d.resolution !== undefined) return refuse('R-3', 'DIFFERENCE_ALREADY_RESOLVED', 'The difference with this id is already resolved.');
  return emit({ type: 'DifferenceResolved', at, by, differenceId: c.differenceId, resolution: c.resolution });
};

/** each required department gives its own opinion. */
const recordDepartmentOpinion: Step<'RecordDepartmentOpinion'> = (c, s) => {
  const { actor: by, at } = c;
  if (!isReviewing(s)) return refuse('R-3', 'NOT_IN_REVIEW', 'The contract is not under review.');
  if (s.status === 'awaiting-written-record') return refuse('R-1', 'ORAL_ORDER_NOT_RECORDED', 'Record the oral order in writing before isReviewing(s) it.');
  if (!s.requiredDepartments.includes(by.department)) {
    return refuse('R-4', 'OPINION_NOT_REQUESTED', `The ${by.department} department's opinion was not requested for this order.`);
  }
  return emit({ type: 'DepartmentOpinionRecorded', at, by, department: by.department, canMeet: c.canMeet, note: c.note });
};

/** the company confirms it can meet the requirements: after every required opinion, with no "cannot meet". */
const confirmCapability: Step<'ConfirmCapability'> = (c, s) => {
  const { actor: by, at } = c;
  if (!isReviewing(s)) return refuse('R-3', 'NOT_IN_REVIEW', 'The contract is not under review.');
  const opinionBlocker = approvalBlockers(s).find((v) => v.ruleId === 'R-4' || v.ruleId === 'R-1');
  if (opinionBlocker !== undefined) return E.left(opinionBlocker);
  return emit({ type: 'CapabilityConfirmed', at, by, note: c.note });
};

/** approval only before signing, only by sales, only with nothing blocking it. */
const approveContract: Step<'ApproveContract'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.status === 'approved' || s.status === 'signed')
    return refuse('R-3', 'ALREADY_APPROVED', 'The contract is already approved; approval happens once, before signing.');
  const [first] = approvalBlockers(s);
  if (first !== undefined) return E.left(first);
  return emit({ type: 'ContractApproved', at, by });
};

const rejectOrder: Step<'RejectOrder'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.status === 'signed') return refuse('R-3', 'ALREADY_SIGNED', 'A signed contract is not rejected; amend it (R-6).');
  return emit({ type: 'OrderRejected', at, by, reason: c.reason });
};

const signContract: Step<'SignContract'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.status === 'signed') return refuse('R-3', 'ALREADY_SIGNED', 'The contract is already signed.');
  if (s.status !== 'approved') return refuse('R-3', 'NOT_APPROVED', 'A contract is signed only after its review approved it.');
  return emit({ type: 'ContractSigned', at, by });
};

/** a company-proposed amendment takes effect only with the customer's agreement. */
const proposeAmendment: Step<'ProposeAmendment'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.status !== 'approved' && s.status !== 'signed')
    return refuse('R-6', 'NOTHING_TO_AMEND', 'Only an approved or signed contract is amended; under review, change the requirements.');
  if (s.amendments.some((a) => a.id === c.amendmentId)) return refuse('R-6', 'AMENDMENT_EXISTS', 'An amendment with this id already exists.');
  if (c.affectedDepartments.length === 0) return refuse('R-6', 'AFFECTED_DEPARTMENTS_NOT_NAMED', 'An amendment names the departments it affects.');
  return emit({
    type: 'AmendmentProposed',
    at,
    by,
    amendmentId: c.amendmentId,
    description: c.description,
    changesProductRequirements: c.changesProductRequirements,
    affectedDepartments: c.affectedDepartments,
  });
};

const recordAmendmentAgreement: Step<'RecordAmendmentAgreement'> = (c, s) => {
  const { actor: by, at } = c;
  const a = s.amendments.find((x) => x.id === c.amendmentId);
  if (a === undefined) return refuse('R-6', 'AMENDMENT_UNKNOWN', 'No amendment with this id was proposed.');
  if (a.status !== 'proposed') return refuse('R-6', 'AMENDMENT_ALREADY_ANSWERED', 'The customer already answered the amendment with this id.');
  if (!c.agreed) return emit({ type: 'AmendmentDeclined', at, by, amendmentId: c.amendmentId });
  return a.changesProductRequirements
    ? emit({ type: 'AmendmentAgreed', at, by, amendmentId: c.amendmentId }, { type: 'ContractReturnedToReview', at, by, amendmentId: c.amendmentId })
    : emit({ type: 'AmendmentAgreed', at, by, amendmentId: c.amendmentId });
};

/** an amendment in effect is communicated to every affected department, one by one. */
const communicateAmendment: Step<'CommunicateAmendment'> = (c, s) => {
  const { actor: by, at } = c;
  const a = s.amendments.find((x) => x.id === c.amendmentId);
  if (a === undefined) return refuse('R-6', 'AMENDMENT_UNKNOWN', 'No amendment with this id was proposed.');
  if (a.status !== 'in-effect') return refuse('R-6', 'AMENDMENT_NOT_IN_EFFECT', 'The amendment has not taken effect: the customer has not agreed.');
  if (!a.affectedDepartments.includes(c.department)) return refuse('R-6', 'DEPARTMENT_NOT_AFFECTED', `The amendment does not affect ${c.department}.`);
  if (a.communicatedTo.includes(c.department))
    return refuse('R-6', 'AMENDMENT_ALREADY_COMMUNICATED', `Amendment ${c.amendmentId} was already communicated to ${c.department}.`);
  return emit({ type: 'AmendmentCommunicated', at, by, amendmentId: c.amendmentId, department: c.department });
};

/** Production works from a signed contract whose amendments in effect every affected department knows. */
const releaseToProduction: Step<'ReleaseToProduction'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.status !== 'signed') return refuse('R-3', 'NOT_SIGNED', 'Only a signed contract is released to production.');
  const pending = s.amendments.flatMap((a) =>
    a.status === 'in-effect' ? a.affectedDepartments.filter((d) => !a.communicatedTo.includes(d)).map((d) => `${showableText(a.id)} → ${d}`) : [],
  );
  if (pending.length > 0) return refuse('R-6', 'AMENDMENT_NOT_COMMUNICATED', `Amendments not yet communicated: ${pending.join(', ')}.`);
  if (s.releasedAt !== undefined) return refuse('R-6', 'ALREADY_RELEASED', 'The contract was already released to production.');
  return emit({ type: 'ReleasedToProduction', at, by });
};

export const decideContractReview = (c: ContractReviewCommand, state: ContractReviewState): ContractReviewDecision => {
  // the review starts with the order, once.
  if (state.status === 'none') {
    if (c.type !== 'SubmitOrder') return refuse('R-1', 'ORDER_NOT_SUBMITTED', `No order ${c.caseId} has been submitted.`);
    const who = permitted(c);
    return E.isLeft(who) ? who : submitOrder(c);
  }
  if (c.type === 'SubmitOrder') return refuse('R-1', 'ORDER_ALREADY_SUBMITTED', `Order ${c.caseId} was already submitted.`);
  if (state.status === 'rejected') return refuse('R-3', 'ORDER_REJECTED', 'The order was rejected.');
  const s = state;

  const who = permitted(c);
  if (E.isLeft(who)) return who;
  switch (c.type) {
    case 'RecordOralOrderInWriting':
      return recordOralOrderInWriting(c, s);
    case 'DetermineRequirement':
      return determineRequirement(c, s);
    case 'RecordDifference':
      return recordDifference(c, s);
    case 'ResolveDifference':
      return resolveDifference(c, s);
    case 'RecordDepartmentOpinion':
      return recordDepartmentOpinion(c, s);
    case 'ConfirmCapability':
      return confirmCapability(c, s);
    case 'ApproveContract':
      return approveContract(c, s);
    case 'RejectOrder':
      return rejectOrder(c, s);
    case 'SignContract':
      return signContract(c, s);
    case 'ProposeAmendment':
      return proposeAmendment(c, s);
    case 'RecordAmendmentAgreement':
      return recordAmendmentAgreement(c, s);
    case 'CommunicateAmendment':
      return communicateAmendment(c, s);
    case 'ReleaseToProduction':
      return releaseToProduction(c, s);
  }
};

export const contractReviewDecider: Decider<ContractReviewCommand, ContractReviewEvent, ContractReviewState> = {
  initialState: initialContractReviewState,
  evolve: evolveContractReview,
  decide: decideContractReview,
};
