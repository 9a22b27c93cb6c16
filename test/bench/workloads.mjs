// The data every benchmark uses: complaint procedures as plain command inputs, and the stored
// events they produce. Shared by the measured child processes (plain Node on the built packages).
import {
  ComplaintCommand,
  complaintCaseType,
  complaintDecider,
  contractReviewCaseType,
  currentSchemaVersion,
  decideStep,
  defaultRulebook,
  describeFieldErrors,
  inForce,
  recordedPolicyVersion,
  surveyCaseType,
  warrantyClaimCaseType,
} from '@caseledger/core';

const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
const manager = { id: 'cs-wu', department: 'customer-service', role: 'manager' };
const quality = { id: 'qa-chen', department: 'quality', role: 'staff' };
const production = { id: 'prod-liu', department: 'production', role: 'staff' };

/** Eleven steps of an internal complaint, from receipt to the customer's acceptance. */
const internal = [
  {
    type: 'ReceiveComplaint',
    actor: cs,
    customer: { id: 'c', name: 'Customer', phone: '+86 21 5555 0101' },
    channel: 'phone',
    description: 'Housings cracked on arrival',
    severity: 'minor',
  },
  { type: 'AcknowledgeComplaint', actor: cs, explanation: 'Quality will reply' },
  { type: 'ClassifyComplaint', actor: cs, responsibility: 'internal' },
  { type: 'ForwardToQuality', actor: cs },
  { type: 'RecordQualityReply', actor: quality, reply: 'Batch quarantined' },
  { type: 'DetermineRootCause', actor: quality, rootCause: 'Mould temperature too low', responsibleDepartment: 'production' },
  { type: 'SubmitCapaPlan', actor: production, corrective: 'Raise mould temperature', preventive: 'SPC check per shift' },
  { type: 'RecordCapaImplemented', actor: production, note: 'Line 3 adjusted' },
  { type: 'VerifyCapa', actor: quality, effective: true, note: '500 units, no cracks' },
  { type: 'ReportResolution', actor: cs, summary: 'Cause and actions explained' },
  { type: 'RecordCustomerResponse', actor: cs, accepted: true },
];

/** An external complaint (5 steps), then closed and reopened by a manager and explained again, as long as asked. */
const externalStart = [
  internal[0],
  internal[1],
  { type: 'ClassifyComplaint', actor: cs, responsibility: 'external' },
  { type: 'SendExplanation', actor: cs, explanation: 'Install the listed dimmer model' },
  { type: 'ConfirmExplanationReceipt', actor: cs },
];
const externalCycle = [
  { type: 'CloseComplaint', actor: cs },
  { type: 'ReopenComplaint', actor: manager, reason: 'Customer called again' },
  { type: 'SendExplanation', actor: cs, explanation: 'Second explanation' },
  { type: 'ConfirmExplanationReceipt', actor: cs },
];

const START = Date.parse('2026-01-05T01:00:00Z');

/** `length` commands of one complaint (up to 11: the internal path; longer: the external loop), a minute apart. */
export const complaintCommands = (caseId, length, startMs = START) => {
  const steps = length <= internal.length ? [...internal] : [...externalStart];
  while (steps.length < length) steps.push(...externalCycle);
  return steps.slice(0, length).map((c, i) => ({ ...c, caseId, at: new Date(startMs + i * 60_000).toISOString() }));
};

/** The events of one complaint as a store holds them: type, data and metadata, plain JSON. */
export const complaintEvents = (caseId, length = 11, startMs = START) => {
  let state = complaintDecider.initialState;
  const out = [];
  for (const input of complaintCommands(caseId, length, startMs)) {
    const command = ComplaintCommand.decode(input);
    if (command._tag === 'Left') throw new Error(describeFieldErrors(command.left));
    const decided = complaintDecider.decide(command.right, state);
    if (decided._tag === 'Left') throw new Error(`${input.type}: ${decided.left.message}`);
    for (const event of decided.right) {
      state = complaintDecider.evolve(state, event);
      const eventId = `${caseId}-${out.length}`;
      out.push({
        eventId,
        type: event.type,
        data: JSON.parse(JSON.stringify(event)),
        metadata: { eventId, schemaVersion: 1, actor: command.right.actor, correlationId: caseId, causationId: caseId, at: event.at },
      });
    }
  }
  return out;
};

// ---------------------------------------------------------------------------------------------
// Cases of every type, for the bulk audit: each procedure as a command script, decided the way the
// command handler decides (decideStep, under the policy in force) and stored with the metadata it writes.

const sales = { id: 'sales-wang', department: 'sales', role: 'staff' };
const salesManager = { id: 'sales-mgr-zhao', department: 'sales', role: 'manager' };
const finance = { id: 'fin-ma', department: 'finance', role: 'staff' };
const warehouse = { id: 'wh-wu', department: 'warehouse', role: 'staff' };
const engineering = { id: 'eng-zhou', department: 'engineering', role: 'staff' };
const customer = { id: 'c', name: 'Customer', phone: '+86 21 5555 0101' };
const unit = { sku: 'DRV-40', model: 'Driver 40W', serialNumber: 'SN-1', category: 'drivers', shippedOn: '2025-12-10', purchasedOn: '2025-12-10' };

const scripts = {
  complaint: [complaintCaseType, internal.slice(0, 10)],
  warrantyReturn: [
    warrantyClaimCaseType,
    [
      { type: 'FileClaim', actor: cs, customer, kind: 'return', reason: 'Flickers', unit },
      { type: 'RecordDefectInspection', actor: quality, verdict: 'intrinsic-defect', report: 'Capacitor failed' },
      { type: 'AcceptReturn', actor: cs },
      { type: 'ReceiveReturnedGoods', actor: warehouse, quantity: 1 },
      { type: 'IssueReturnSlip', actor: cs, shipDate: '2025-12-10', reason: 'Defective' },
      { type: 'SignReturnSlip', actor: salesManager },
      { type: 'BookReturn', actor: finance },
      { type: 'CloseClaim', actor: cs },
    ],
  ],
  warrantyRepair: [
    warrantyClaimCaseType,
    [
      { type: 'FileClaim', actor: cs, customer, kind: 'repair', reason: 'No power', unit },
      { type: 'ReceiveRepairUnit', actor: cs, quantity: 1, defect: 'No power' },
      { type: 'AssessRepair', actor: engineering, mainComponentDamaged: false },
      { type: 'StartRepair', actor: engineering },
      { type: 'CompleteRepair', actor: engineering, note: 'Driver board replaced' },
      { type: 'RecordRepairInspection', actor: quality, passed: true, report: 'Burn-in passed' },
      { type: 'ShipRepairedUnit', actor: warehouse },
      { type: 'CloseClaim', actor: cs },
    ],
  ],
  contractReview: [
    contractReviewCaseType,
    [
      {
        type: 'SubmitOrder',
        actor: sales,
        customer,
        form: 'written',
        description: '2,000 drivers',
        complexProcess: false,
        specialMaterials: false,
        requiredDepartments: [],
      },
      ...['stated', 'implied', 'statutory', 'product-specific', 'reliability', 'transport', 'support', 'safety'].map((category) => ({
        type: 'DetermineRequirement',
        actor: sales,
        category,
        decision: { kind: 'none' },
      })),
      { type: 'ConfirmCapability', actor: sales, note: 'Capacity booked' },
      { type: 'ApproveContract', actor: sales },
      { type: 'SignContract', actor: sales },
      { type: 'ReleaseToProduction', actor: sales },
    ],
  ],
  survey: [
    surveyCaseType,
    [
      { type: 'SendSurvey', actor: sales, customer, period: '2026-H1', items: ['quality', 'delivery'] },
      {
        type: 'RecordSurveyReturn',
        actor: sales,
        ratings: [
          { item: 'quality', level: 'fairly-satisfied' },
          { item: 'delivery', level: 'very-satisfied' },
        ],
        overall: 'fairly-satisfied',
      },
    ],
  ],
};

/** The stored events of one case of a script, a minute apart from `startMs`. */
const storedCase = (caseType, inputs, caseId, startMs) => {
  const decide = decideStep(caseType, inForce(defaultRulebook));
  let state = caseType.initialState;
  let lastAt;
  const out = [];
  inputs.forEach((input, i) => {
    const command = caseType.commands.decode({ ...input, caseId, at: new Date(startMs + i * 60_000).toISOString() });
    if (command._tag === 'Left') throw new Error(describeFieldErrors(command.left));
    const decided = decide(command.right, state, lastAt);
    if (decided._tag === 'Left') throw new Error(`${input.type}: ${decided.left.message}`);
    for (const event of decided.right) {
      state = caseType.evolve(state, event);
      lastAt = event.at;
      const eventId = `${caseId}-${out.length}`;
      const policyVersion = recordedPolicyVersion(event);
      out.push({
        eventId,
        type: event.type,
        data: JSON.parse(JSON.stringify(event)),
        metadata: {
          eventId,
          schemaVersion: currentSchemaVersion(caseType.upcasters, event.type),
          actor: command.right.actor,
          correlationId: caseId,
          causationId: caseId,
          at: event.at,
          ...(policyVersion === undefined ? {} : { policyVersion }),
        },
      });
    }
  });
  return { streamName: `${caseType.category}-${caseId}`, events: out };
};

const mix = ['complaint', 'warrantyReturn', 'contractReview', 'warrantyRepair', 'complaint', 'survey'];

/** The n-th case of a mixed export: complaints, returns, repairs, contract reviews and surveys in turn. */
export const mixedCase = (n) => {
  const [caseType, inputs] = scripts[mix[n % mix.length]];
  return storedCase(caseType, inputs, `M${n}`, START + (n % 1000) * 1000);
};
