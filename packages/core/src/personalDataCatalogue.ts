/**
 * T-10: every free-text field of every event of the rulebook's case types, decided once. Sealed is
 * the default: descriptions, replies, notes and reasons are where customers' names and phone numbers
 * really appear. A field is declared not personal only when it names staff, a product, a label the
 * rules compute, or an id the rules match — and the reason says which. The rules read none of the
 * sealed fields, so a forgotten customer's case is judged exactly as before (tested).
 *
 * `checkTextFieldCatalogue(caseTypes, personalDataCatalogue)` is empty; a new text field fails the
 * test until it is decided here.
 */
import { type NotPersonal, type TextFieldCatalogue, type TextFieldDecisions, notPersonal, sealedFieldsOf } from './textFields.js';
import type { PersonalDataSpec } from './personalData.js';

const staff = notPersonal('a member of staff: who acted, which every audit step must show');
const product = notPersonal("the catalogue's product, not the customer's: what statistics group by");
const ruleLabel = notPersonal('a label the rules compute and the audit checks (policy version, jurisdiction, ground)');
const matchedId = notPersonal('an id the rules match between steps (R-3, R-6), written by staff');

/** The customer: the id is the pseudonym whose key seals the rest; the contact details are sealed. */
const customer: TextFieldDecisions = {
  'customer.id': notPersonal('the pseudonymous customer id: which key seals the rest, and the case stays linked after erasure'),
  'customer.name': 'sealed',
  'customer.phone': 'sealed',
  'customer.email': 'sealed',
  'customer.address': 'sealed',
};

const everyEvent: Readonly<Record<string, NotPersonal>> = { 'by.id': staff };

const complaintFields: Readonly<Record<string, TextFieldDecisions>> = {
  ComplaintReceived: { ...customer, description: 'sealed', 'product.name': product, 'product.sku': product, 'product.serialNumber': 'sealed' },
  ComplaintAcknowledged: { explanation: 'sealed' },
  SamplesReinspected: { result: 'sealed' },
  JointReviewConvened: { 'chair.id': staff },
  JointReviewDecided: { decision: 'sealed' },
  ExplanationSent: { explanation: 'sealed' },
  QualityReplied: { reply: 'sealed' },
  RootCauseDetermined: { rootCause: 'sealed' },
  CapaPlanSubmitted: { corrective: 'sealed', preventive: 'sealed' },
  CapaImplemented: { note: 'sealed' },
  CapaVerified: { note: 'sealed' },
  ResolutionReported: { summary: 'sealed' },
  CustomerResponded: { comment: 'sealed' },
  DeterminationDisputed: { reason: 'sealed' },
  IndependentAppraisalRecorded: { appraiser: 'sealed', 'result.rootCause': 'sealed' },
  ComplaintReopened: { reason: 'sealed' },
};

const warrantyFields: Readonly<Record<string, TextFieldDecisions>> = {
  ClaimFiled: {
    ...customer,
    reason: 'sealed',
    'unit.sku': product,
    'unit.model': product,
    'unit.category': notPersonal('the product category: the warranty period the rules look up (W-9)'),
    'unit.serialNumber': 'sealed',
    'work.project': 'sealed',
  },
  DefectInspected: { report: 'sealed' },
  SpecialCaseApproved: { justification: 'sealed' },
  ReturnAccepted: { policyVersion: ruleLabel, jurisdiction: ruleLabel, ground: ruleLabel },
  ClaimRejected: { reason: 'sealed' },
  ReturnSlipIssued: { reason: 'sealed' },
  RepairUnitReceived: { defect: 'sealed' },
  RepairAssessed: { policyVersion: ruleLabel, jurisdiction: ruleLabel },
  RepairConsentRecorded: { signedCopy: 'sealed' },
  RepairCompleted: { note: 'sealed' },
  RepairInspected: { report: 'sealed' },
  ConstructionDefectConfirmed: { findings: 'sealed' },
  RepairPlanApproved: { plan: 'sealed' },
  OwnerAccepted: { signedCopy: 'sealed' },
};

const contractReviewFields: Readonly<Record<string, TextFieldDecisions>> = {
  OrderSubmitted: { ...customer, description: 'sealed', quotationRef: notPersonal("the company's own quotation number") },
  OralOrderRecorded: { orderedBy: 'sealed', record: 'sealed' },
  RequirementDetermined: { 'decision.text': 'sealed' },
  DifferenceRecorded: { differenceId: matchedId, description: 'sealed' },
  DifferenceResolved: { differenceId: matchedId, resolution: 'sealed' },
  DepartmentOpinionRecorded: { note: 'sealed' },
  CapabilityConfirmed: { note: 'sealed' },
  OrderRejected: { reason: 'sealed' },
  AmendmentProposed: { amendmentId: matchedId, description: 'sealed' },
  AmendmentAgreed: { amendmentId: matchedId },
  AmendmentDeclined: { amendmentId: matchedId },
  ContractReturnedToReview: { amendmentId: matchedId },
  AmendmentCommunicated: { amendmentId: matchedId },
};

const surveyFields: Readonly<Record<string, TextFieldDecisions>> = {
  SurveySent: {
    ...customer,
    period: notPersonal('the period surveyed: what satisfaction statistics group by (S-2)'),
    'items[]': notPersonal("the form's questions: S-1 matches the ratings against them"),
  },
  SurveyReturned: { 'ratings[].item': notPersonal('a question of the form, rated (S-1)'), comments: 'sealed' },
};

const inquiryFields: Readonly<Record<string, TextFieldDecisions>> = {
  InquiryReceived: { ...customer, subject: 'sealed' },
  InformationNeeded: { note: 'sealed' },
  CompletionDateAgreed: { agreement: 'sealed' },
  InquiryEscalated: { 'manager.id': staff, question: 'sealed' },
  ManagerDecided: { decision: 'sealed' },
  InquiryReplied: { reply: 'sealed', 'decidedBy.id': staff },
  ReplyConfirmedInWriting: { reference: 'sealed' },
  InquiryTurnedIntoComplaint: { description: 'sealed' },
};

/** Every free-text field of the rulebook's events, decided. */
export const personalDataCatalogue: TextFieldCatalogue = {
  everyEvent,
  events: { ...complaintFields, ...warrantyFields, ...contractReviewFields, ...surveyFields, ...inquiryFields },
};

/** What a sealing store seals by default: every field the catalogue decides `sealed`. */
export const defaultPersonalData: PersonalDataSpec = sealedFieldsOf(personalDataCatalogue);
