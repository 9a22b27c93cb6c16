// The data every benchmark uses: complaint procedures as plain command inputs, and the stored
// events they produce. Shared by the measured child processes (plain Node on the built packages).
import { ComplaintCommand, complaintDecider, describeFieldErrors } from '@caseledger/core';

const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
const manager = { id: 'cs-wu', department: 'customer-service', role: 'manager' };
const quality = { id: 'qa-chen', department: 'quality', role: 'staff' };
const production = { id: 'prod-liu', department: 'production', role: 'staff' };

/** Eleven steps of an internal complaint, from receipt to the customer's acceptance. */
const internal = [
  { type: 'ReceiveComplaint', actor: cs, customer: { id: 'c', name: 'Customer', phone: '+86 21 5555 0101' }, channel: 'phone', description: 'Housings cracked on arrival', severity: 'minor' },
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
export const complaintEvents = (caseId, length = 11) => {
  let state = complaintDecider.initialState;
  const out = [];
  for (const input of complaintCommands(caseId, length)) {
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
