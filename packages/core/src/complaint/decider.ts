/**
 * The complaint procedure (C-1 … C-12) as a decider: one function per step, and a table of who may
 * take each step. A command is checked in the order a reader would: whether the complaint is at a
 * stage where it makes sense at all (C-1, C-12, C-3), who may take the step (T-6), then the rule
 * of the step itself. A refusal names its rule id and a stable code (T-7). T-1 (time order) is
 * checked for every case type in one place (`decideStep`). These are the only complaint rules: the
 * audit decides every stored complaint event again with this function (T-11).
 */
import { showableNumber } from '../quoting.js';
import * as E from 'fp-ts/lib/Either.js';
import { type Actor, type Department, isNamedPerson, type Permissions, permittedBy } from '../actor.js';
import { nextPositiveInt } from '../codecs.js';
import type { Decider } from '../decider.js';
import { type RuleId, type Violation } from '../violation.js';
import type { ComplaintCommand } from './messages.js';
import type { ComplaintEvent } from './messages.js';
import { type ComplaintState, type InternalComplaint, type OpenComplaint, evolveComplaint, initialComplaintState, plansSoFar } from './state.js';
import { type ComplaintViolationCode, only, violation } from './violations.js';

/** What the decider decides: the events to append, or the rule the command breaks. */
export type ComplaintDecision = E.Either<Violation, ReadonlyArray<ComplaintEvent>>;

const refuse = (ruleId: RuleId, code: ComplaintViolationCode, message: string): ComplaintDecision => E.left(violation(ruleId, code, message));
const emit = (...events: ReadonlyArray<ComplaintEvent>): ComplaintDecision => E.right(events);

// Who may take which step (T-6 and the rules that name a department).
const FRONT_OFFICE: ReadonlyArray<Department> = ['sales', 'customer-service'];
/** Steps with the customer are taken by sales or customer service (seed 004 §3, seed 000 §5.3). */
const frontOffice = (step: string) => only('T-6', 'FRONT_OFFICE_ONLY', { departments: FRONT_OFFICE }, step);
/** C-5: only the quality department replies, analyses root cause, re-inspects and verifies. */
const qualityOnly = (step: string) => only('C-5', 'QUALITY_ONLY', { departments: ['quality'] }, step);
/** C-6: samples arrive through the front office, the warehouse or quality. */
const samplesReceiver = only('C-6', 'SAMPLES_HANDLING_NOT_PERMITTED', { departments: [...FRONT_OFFICE, 'warehouse', 'quality'] }, 'Receiving samples');
/** C-6: samples are disposed of by quality or the warehouse. */
const samplesDisposer = only('C-6', 'SAMPLES_HANDLING_NOT_PERMITTED', { departments: ['quality', 'warehouse'] }, 'Disposing of samples');
/** C-9: the sales manager convenes a joint review (a general manager may too). */
const convener = (actor: Actor): E.Either<Violation, Actor> =>
  actor.role === 'general-manager'
    ? E.right(actor)
    : only('C-9', 'JOINT_REVIEW_NOT_CONVENED_BY_SALES_MANAGER', { departments: ['sales'], minimumRole: 'manager' }, 'Convening a joint review')(actor);
/** C-12: reopening a closed complaint needs a manager. */
const reopener = only('C-12', 'REOPEN_NEEDS_MANAGER', { minimumRole: 'manager' }, 'Reopening a complaint');

const INVESTIGATION_STEPS = new Set<ComplaintCommand['type']>([
  'ForwardToQuality',
  'RecordQualityReply',
  'DetermineRootCause',
  'SubmitCapaPlan',
  'RecordCapaImplemented',
  'VerifyCapa',
  'ReportResolution',
  'RecordCustomerResponse',
  'DisputeDetermination',
  'RecordIndependentAppraisal',
  'SendExplanation',
  'ConfirmExplanationReceipt',
  'CloseComplaint',
]);

/** C-5: steps of the internal path refuse an external complaint. */
const internalOnly = (s: OpenComplaint, step: string): E.Either<Violation, InternalComplaint> =>
  s.status === 'internal' ? E.right(s) : E.left(violation('C-5', 'NOT_INTERNAL', `${step} belongs to internal complaints; this one is ${s.status}.`));

const determined = (s: InternalComplaint, step: string) =>
  s.investigation.step === 'determined'
    ? E.right(s.investigation)
    : E.left(violation('C-7', 'ROOT_CAUSE_NOT_DETERMINED', `${step} needs quality's root cause and responsible department first.`));

/**
 * T-6 and the rules that name a department: who may take each step. A step not listed checks its
 * actor itself, against the case (the responsible department of C-7 and C-8, the chair of C-9).
 */
const permissions: Permissions<ComplaintCommand> = {
  ReceiveComplaint: frontOffice('Receiving a complaint'),
  ReopenComplaint: reopener,
  AcknowledgeComplaint: frontOffice('Acknowledging a complaint'),
  RequestSamples: only('C-6', 'SAMPLES_HANDLING_NOT_PERMITTED', { departments: [...FRONT_OFFICE, 'quality'] }, 'Requesting samples'),
  ReceiveSamples: samplesReceiver,
  ReinspectSamples: qualityOnly('Re-inspecting samples'),
  DisposeSamples: samplesDisposer,
  ClassifyComplaint: only('C-3', 'CLASSIFICATION_NOT_PERMITTED', { departments: [...FRONT_OFFICE, 'quality'] }, 'Classifying a complaint'),
  ConveneJointReview: convener,
  SendExplanation: frontOffice('Sending the explanation'),
  ConfirmExplanationReceipt: frontOffice('Confirming receipt of the explanation'),
  ForwardToQuality: frontOffice('Forwarding the complaint form'),
  RecordQualityReply: qualityOnly('The written quality reply'),
  DetermineRootCause: qualityOnly('Root-cause analysis'),
  VerifyCapa: qualityOnly('Verifying the CAPA'),
  ReportResolution: frontOffice('Reporting the resolution'),
  RecordCustomerResponse: frontOffice("Recording the customer's response"),
  DisputeDetermination: frontOffice("Recording the customer's dispute"),
  RecordIndependentAppraisal: only('C-11', 'APPRAISAL_NOT_PERMITTED', { departments: [...FRONT_OFFICE, 'quality'] }, 'Recording the independent appraisal'),
  CloseComplaint: frontOffice('Closing a complaint'),
};

const permitted = permittedBy(permissions);

/** The rule of one step, on a received, open complaint (C-1, C-12 and C-3 are checked before it). */
type Step<T extends ComplaintCommand['type']> = (c: Extract<ComplaintCommand, { readonly type: T }>, s: OpenComplaint) => ComplaintDecision;

/** C-1: the complaint as received: customer, channel, description, the product concerned, severity, when. */
const receiveComplaint = (c: Extract<ComplaintCommand, { readonly type: 'ReceiveComplaint' }>): ComplaintDecision =>
  emit({
    type: 'ComplaintReceived',
    at: c.at,
    by: c.actor,
    customer: c.customer,
    channel: c.channel,
    description: c.description,
    severity: c.severity,
    ...(c.product === undefined ? {} : { product: c.product }),
    ...(c.surveyId === undefined ? {} : { surveyId: c.surveyId }),
    ...(c.inquiryId === undefined ? {} : { inquiryId: c.inquiryId }),
  });

/** C-2: acknowledge the customer, explaining the process and the expected time. */
const acknowledgeComplaint: Step<'AcknowledgeComplaint'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.acknowledgedAt !== undefined) return refuse('C-2', 'ALREADY_ACKNOWLEDGED', 'The customer was already acknowledged.');
  return emit({ type: 'ComplaintAcknowledged', at, by, explanation: c.explanation });
};

/** C-6: samples may be requested and received at any stage; quality re-inspects all of them. */
const requestSamples: Step<'RequestSamples'> = (c) => {
  const { actor: by, at } = c;
  return emit({ type: 'SamplesRequested', at, by });
};

const receiveSamples: Step<'ReceiveSamples'> = (c) => {
  const { actor: by, at } = c;
  return emit({ type: 'SamplesReceived', at, by, quantity: c.quantity });
};

const reinspectSamples: Step<'ReinspectSamples'> = (c, s) => {
  const { actor: by, at } = c;
  const waiting = s.samples.received - s.samples.reinspected;
  if (waiting <= 0) return refuse('C-6', 'NO_SAMPLES_TO_REINSPECT', 'No received sample is waiting for re-inspection.');
  if (c.quantity > waiting)
    return refuse('C-6', 'REINSPECTION_EXCEEDS_RECEIVED', `Only ${waiting} received samples wait for re-inspection, not ${showableNumber(c.quantity)}.`);
  return emit({ type: 'SamplesReinspected', at, by, quantity: c.quantity, result: c.result });
};

const disposeSamples: Step<'DisposeSamples'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.samples.held === 0) return refuse('C-6', 'NO_SAMPLES_HELD', 'No sample is held.');
  // C-11: while the customer disputes the determination, the sample is retained.
  if (s.status === 'internal' && s.investigation.step === 'determined' && s.investigation.dispute === 'open') {
    return refuse('C-11', 'SAMPLES_RETAINED_FOR_DISPUTE', 'The sample is retained until the independent appraisal is recorded.');
  }
  if (s.samples.reinspected < s.samples.received)
    return refuse('C-6', 'SAMPLES_NOT_REINSPECTED', 'Quality re-inspects every received sample before any is disposed of.');
  return emit({ type: 'SamplesDisposed', at, by });
};

/** C-3: external or internal. An unclear responsibility goes to a joint review first (C-9). */
const classifyComplaint: Step<'ClassifyComplaint'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.status !== 'received') return refuse('C-3', 'ALREADY_CLASSIFIED', `The complaint is already classified as ${s.status}.`);
  if (s.review.status === 'open' && s.review.reason === 'responsibility-unclear') {
    return refuse('C-9', 'RESPONSIBILITY_UNDER_JOINT_REVIEW', 'The joint review decides the responsibility; record its decision.');
  }
  return emit({ type: 'ComplaintClassified', at, by, responsibility: c.responsibility, basis: 'assessment' });
};

/** C-9: joint review, convened by the sales manager; a major or critical problem under the general manager. */
const conveneJointReview: Step<'ConveneJointReview'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.review.status === 'open') return refuse('C-9', 'JOINT_REVIEW_ALREADY_OPEN', 'A joint review is already open.');
  if (s.status === 'received' && c.reason !== 'responsibility-unclear') {
    return refuse('C-9', 'JOINT_REVIEW_BEFORE_CLASSIFICATION', 'Before classification, a joint review is convened only when the responsibility is unclear.');
  }
  if (s.severity !== 'minor' && c.chair.role !== 'general-manager') {
    return refuse('C-9', 'JOINT_REVIEW_NEEDS_GENERAL_MANAGER', `A ${s.severity} quality problem is reviewed under the general manager.`);
  }
  if (s.severity === 'minor' && c.chair.role !== 'general-manager' && !(c.chair.department === 'sales' && c.chair.role === 'manager')) {
    return refuse('C-9', 'JOINT_REVIEW_CHAIR_NOT_PERMITTED', 'A joint review is chaired by the sales manager or the general manager.');
  }
  return emit({ type: 'JointReviewConvened', at, by, reason: c.reason, chair: c.chair });
};

const recordJointReviewDecision: Step<'RecordJointReviewDecision'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.review.status !== 'open') return refuse('C-9', 'NO_JOINT_REVIEW_OPEN', 'No joint review is open.');
  if (!isNamedPerson(s.review.chair)(by)) return refuse('C-9', 'JOINT_REVIEW_DECISION_NOT_BY_CHAIR', 'The decision is recorded by the chair of the review.');
  const decided: ComplaintEvent = {
    type: 'JointReviewDecided',
    at,
    by,
    decision: c.decision,
    ...(c.responsibility === undefined ? {} : { responsibility: c.responsibility }),
  };
  if (s.status !== 'received') {
    if (c.responsibility !== undefined) return refuse('C-3', 'ALREADY_CLASSIFIED', 'The complaint is already classified; the review cannot reclassify it.');
    return emit(decided);
  }
  if (c.responsibility === undefined) return refuse('C-3', 'JOINT_REVIEW_RESPONSIBILITY_REQUIRED', 'A review of an unclear responsibility must decide it.');
  return emit(decided, { type: 'ComplaintClassified', at, by, responsibility: c.responsibility, basis: 'joint-review' });
};

/** C-4: an external complaint gets an explanation; it closes once the customer confirmed receipt. */
const sendExplanation: Step<'SendExplanation'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.status !== 'external') return refuse('C-4', 'NOT_EXTERNAL', 'Only an external complaint is answered with an explanation.');
  return emit({ type: 'ExplanationSent', at, by, explanation: c.explanation });
};

const confirmExplanationReceipt: Step<'ConfirmExplanationReceipt'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.status !== 'external') return refuse('C-4', 'NOT_EXTERNAL', 'Only an external complaint is answered with an explanation.');
  if (s.explanationSentAt === undefined) return refuse('C-4', 'EXPLANATION_NOT_SENT', 'No explanation has been sent yet.');
  return emit({ type: 'ExplanationReceiptConfirmed', at, by });
};

/** C-5: an internal complaint is forwarded to quality, which replies in writing. */
const forwardToQuality: Step<'ForwardToQuality'> = (c, s) => {
  const { actor: by, at } = c;
  const internal = internalOnly(s, 'Forwarding to quality');
  if (E.isLeft(internal)) return internal;
  if (internal.right.investigation.step !== 'not-forwarded') return refuse('C-5', 'ALREADY_FORWARDED', 'The complaint form was already forwarded to quality.');
  return emit({ type: 'ForwardedToQuality', at, by });
};

const recordQualityReply: Step<'RecordQualityReply'> = (c, s) => {
  const { actor: by, at } = c;
  const internal = internalOnly(s, 'The quality reply');
  if (E.isLeft(internal)) return internal;
  const step = internal.right.investigation.step;
  if (step === 'not-forwarded') return refuse('C-5', 'NOT_FORWARDED_TO_QUALITY', 'The complaint form has not been forwarded to quality.');
  if (step !== 'forwarded') return refuse('C-5', 'QUALITY_ALREADY_REPLIED', 'Quality has already replied.');
  return emit({ type: 'QualityReplied', at, by, reply: c.reply });
};

/** C-7: quality names the root cause and the responsible department; C-6: after re-inspecting every sample. */
const determineRootCause: Step<'DetermineRootCause'> = (c, s) => {
  const { actor: by, at } = c;
  const internal = internalOnly(s, 'Root-cause analysis');
  if (E.isLeft(internal)) return internal;
  const step = internal.right.investigation.step;
  if (step === 'determined')
    return refuse('C-7', 'ROOT_CAUSE_ALREADY_DETERMINED', 'The root cause is already determined; a dispute and appraisal can revise it (C-11).');
  if (step !== 'quality-replied') return refuse('C-5', 'QUALITY_REPLY_MISSING', 'Quality replies in writing before the root-cause analysis.');
  if (s.samples.reinspected < s.samples.received) {
    return refuse('C-6', 'SAMPLES_NOT_REINSPECTED', `Quality re-inspects all ${s.samples.received} received samples before naming the root cause.`);
  }
  return emit({ type: 'RootCauseDetermined', at, by, rootCause: c.rootCause, responsibleDepartment: c.responsibleDepartment });
};

/** C-7, C-8: the responsible department plans and implements; quality verifies. */
const submitCapaPlan: Step<'SubmitCapaPlan'> = (c, s) => {
  const { actor: by, at } = c;
  const internal = internalOnly(s, 'A CAPA plan');
  if (E.isLeft(internal)) return internal;
  const inv = determined(internal.right, 'A CAPA plan');
  if (E.isLeft(inv)) return inv;
  const department = inv.right.determination.responsibleDepartment;
  const who = only('C-7', 'CAPA_NOT_BY_RESPONSIBLE_DEPARTMENT', { departments: [department] }, 'Submitting the CAPA plan')(by);
  if (E.isLeft(who)) return who;
  if (inv.right.capa.step !== 'plan-required')
    return refuse(
      'C-8',
      'CAPA_PLAN_NOT_REQUIRED',
      `Plan ${inv.right.capa.plan.number} is in progress; a new plan is required only when it fails verification or the customer rejects it.`,
    );
  return emit({
    type: 'CapaPlanSubmitted',
    at,
    by,
    planNumber: nextPositiveInt(plansSoFar(inv.right.capa)),
    corrective: c.corrective,
    preventive: c.preventive,
  });
};

const recordCapaImplemented: Step<'RecordCapaImplemented'> = (c, s) => {
  const { actor: by, at } = c;
  const internal = internalOnly(s, 'Implementing the CAPA plan');
  if (E.isLeft(internal)) return internal;
  const inv = determined(internal.right, 'Implementing the CAPA plan');
  if (E.isLeft(inv)) return inv;
  if (inv.right.capa.step !== 'planned') return refuse('C-8', 'NO_PLAN_TO_IMPLEMENT', 'No submitted CAPA plan is waiting for implementation.');
  const plan = inv.right.capa.plan;
  const who = only('C-8', 'CAPA_NOT_BY_RESPONSIBLE_DEPARTMENT', { departments: [plan.department] }, 'Implementing the CAPA plan')(by);
  if (E.isLeft(who)) return who;
  return emit({ type: 'CapaImplemented', at, by, planNumber: plan.number, note: c.note });
};

const verifyCapa: Step<'VerifyCapa'> = (c, s) => {
  const { actor: by, at } = c;
  const internal = internalOnly(s, 'Verifying the CAPA');
  if (E.isLeft(internal)) return internal;
  const inv = determined(internal.right, 'Verifying the CAPA');
  if (E.isLeft(inv)) return inv;
  if (inv.right.capa.step !== 'implemented') return refuse('C-8', 'CAPA_NOT_IMPLEMENTED', 'Quality verifies a CAPA plan after it was implemented.');
  return emit({ type: 'CapaVerified', at, by, planNumber: inv.right.capa.plan.number, effective: c.effective, note: c.note });
};

/** C-10: the customer is told the cause, the actions and the result; only a verified-effective plan (C-8). */
const reportResolution: Step<'ReportResolution'> = (c, s) => {
  const { actor: by, at } = c;
  const internal = internalOnly(s, 'Reporting the resolution');
  if (E.isLeft(internal)) return internal;
  const inv = determined(internal.right, 'Reporting the resolution');
  if (E.isLeft(inv)) return inv;
  if (inv.right.dispute === 'open') return refuse('C-11', 'DISPUTE_OPEN', 'The determination is disputed; the resolution follows the independent appraisal.');
  if (inv.right.capa.step !== 'verified-effective')
    return refuse('C-8', 'CAPA_NOT_VERIFIED_EFFECTIVE', 'Only a CAPA plan that quality verified as effective is reported to the customer.');
  return emit({ type: 'ResolutionReported', at, by, planNumber: inv.right.capa.plan.number, summary: c.summary });
};

const recordCustomerResponse: Step<'RecordCustomerResponse'> = (c, s) => {
  const { actor: by, at } = c;
  const internal = internalOnly(s, "The customer's response");
  if (E.isLeft(internal)) return internal;
  const inv = determined(internal.right, "The customer's response");
  if (E.isLeft(inv)) return inv;
  if (inv.right.capa.step !== 'resolution-reported')
    return refuse('C-10', 'RESOLUTION_NOT_REPORTED', 'No resolution is waiting for the customer to accept or reject.');
  return emit({
    type: 'CustomerResponded',
    at,
    by,
    planNumber: inv.right.capa.plan.number,
    accepted: c.accepted,
    ...(c.comment === undefined ? {} : { comment: c.comment }),
  });
};

/** C-11: the customer disputes quality's determination; an independent appraisal settles it. */
const disputeDetermination: Step<'DisputeDetermination'> = (c, s) => {
  const { actor: by, at } = c;
  const internal = internalOnly(s, 'A dispute of the determination');
  if (E.isLeft(internal)) return internal;
  const inv = determined(internal.right, 'A dispute of the determination');
  if (E.isLeft(inv)) return inv;
  if (inv.right.dispute === 'open') return refuse('C-11', 'DISPUTE_ALREADY_OPEN', 'The determination is already disputed.');
  return emit({ type: 'DeterminationDisputed', at, by, reason: c.reason });
};

const recordIndependentAppraisal: Step<'RecordIndependentAppraisal'> = (c, s) => {
  const { actor: by, at } = c;
  const internal = internalOnly(s, 'An independent appraisal');
  if (E.isLeft(internal)) return internal;
  const inv = determined(internal.right, 'An independent appraisal');
  if (E.isLeft(inv)) return inv;
  if (inv.right.dispute !== 'open') return refuse('C-11', 'NO_DISPUTE_OPEN', 'An independent appraisal settles an open dispute; none is open.');
  return emit({ type: 'IndependentAppraisalRecorded', at, by, appraiser: c.appraiser, result: c.result });
};

/** C-4, C-12: closing. */
const closeComplaint: Step<'CloseComplaint'> = (c, s) => {
  const { actor: by, at } = c;
  if (s.review.status === 'open') return refuse('C-9', 'JOINT_REVIEW_OPEN', 'A joint review is open; record its decision before closing.');
  if (s.status === 'external') {
    if (s.explanationSentAt === undefined) return refuse('C-4', 'EXPLANATION_NOT_SENT', 'An external complaint closes after the explanation was sent.');
    if (s.receiptConfirmedAt === undefined)
      return refuse('C-4', 'EXPLANATION_RECEIPT_NOT_CONFIRMED', "An external complaint closes once the customer's receipt of the explanation is confirmed.");
    return emit({ type: 'ComplaintClosed', at, by });
  }
  const internal = internalOnly(s, 'Closing');
  if (E.isLeft(internal)) return internal;
  const inv = internal.right.investigation;
  if (inv.step === 'determined' && inv.dispute === 'open')
    return refuse('C-11', 'DISPUTE_OPEN', 'The determination is disputed; the case waits for the independent appraisal.');
  if (inv.step !== 'determined' || inv.capa.step !== 'accepted') {
    return refuse(
      'C-12',
      'CUSTOMER_ACCEPTANCE_MISSING',
      "An internal complaint closes only with a verified-effective CAPA plan and the customer's acceptance.",
    );
  }
  return emit({ type: 'ComplaintClosed', at, by });
};

export const decideComplaint = (c: ComplaintCommand, state: ComplaintState): ComplaintDecision => {
  // C-1: a complaint starts by being received, once.
  if (state.status === 'none') {
    if (c.type !== 'ReceiveComplaint') return refuse('C-1', 'COMPLAINT_NOT_RECEIVED', `No complaint ${c.caseId} has been received.`);
    const who = permitted(c);
    return E.isLeft(who) ? who : receiveComplaint(c);
  }
  if (c.type === 'ReceiveComplaint') return refuse('C-1', 'COMPLAINT_ALREADY_RECEIVED', `Complaint ${c.caseId} was already received.`);

  // C-12: a closed complaint accepts nothing but a reopen by a manager.
  if (state.status === 'closed') {
    if (c.type !== 'ReopenComplaint') return refuse('C-12', 'COMPLAINT_CLOSED', 'The complaint is closed; only a manager can reopen it.');
    const who = permitted(c);
    return E.isLeft(who) ? who : emit({ type: 'ComplaintReopened', at: c.at, by: c.actor, reason: c.reason });
  }
  if (c.type === 'ReopenComplaint') return refuse('C-12', 'COMPLAINT_NOT_CLOSED', 'Only a closed complaint can be reopened.');

  const s: OpenComplaint = state;

  // C-3: responsibility is classified before any investigation, plan or response.
  if (s.status === 'received' && INVESTIGATION_STEPS.has(c.type)) {
    return refuse('C-3', 'NOT_CLASSIFIED', 'Classify the complaint as external or internal before investigating, planning or responding.');
  }

  const who = permitted(c);
  if (E.isLeft(who)) return who;
  switch (c.type) {
    case 'AcknowledgeComplaint':
      return acknowledgeComplaint(c, s);
    case 'RequestSamples':
      return requestSamples(c, s);
    case 'ReceiveSamples':
      return receiveSamples(c, s);
    case 'ReinspectSamples':
      return reinspectSamples(c, s);
    case 'DisposeSamples':
      return disposeSamples(c, s);
    case 'ClassifyComplaint':
      return classifyComplaint(c, s);
    case 'ConveneJointReview':
      return conveneJointReview(c, s);
    case 'RecordJointReviewDecision':
      return recordJointReviewDecision(c, s);
    case 'SendExplanation':
      return sendExplanation(c, s);
    case 'ConfirmExplanationReceipt':
      return confirmExplanationReceipt(c, s);
    case 'ForwardToQuality':
      return forwardToQuality(c, s);
    case 'RecordQualityReply':
      return recordQualityReply(c, s);
    case 'DetermineRootCause':
      return determineRootCause(c, s);
    case 'SubmitCapaPlan':
      return submitCapaPlan(c, s);
    case 'RecordCapaImplemented':
      return recordCapaImplemented(c, s);
    case 'VerifyCapa':
      return verifyCapa(c, s);
    case 'ReportResolution':
      return reportResolution(c, s);
    case 'RecordCustomerResponse':
      return recordCustomerResponse(c, s);
    case 'DisputeDetermination':
      return disputeDetermination(c, s);
    case 'RecordIndependentAppraisal':
      return recordIndependentAppraisal(c, s);
    case 'CloseComplaint':
      return closeComplaint(c, s);
  }
};

export const complaintDecider: Decider<ComplaintCommand, ComplaintEvent, ComplaintState> = {
  initialState: initialComplaintState,
  evolve: evolveComplaint,
  decide: decideComplaint,
};
