/** An internal complaint from receipt to the customer's acceptance, as plain commands: each step is refused unless the one before is stored. */
const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
const quality = { id: 'qa-chen', department: 'quality', role: 'staff' };
const production = { id: 'prod-liu', department: 'production', role: 'staff' };

export const internalComplaintSteps = [
  { type: 'ReceiveComplaint', actor: cs, customer: { id: 'c', name: 'Customer' }, channel: 'phone', description: 'Housings cracked', severity: 'minor' },
  { type: 'AcknowledgeComplaint', actor: cs, explanation: 'Quality will reply' },
  { type: 'ClassifyComplaint', actor: cs, responsibility: 'internal' },
  { type: 'ForwardToQuality', actor: cs },
  { type: 'RecordQualityReply', actor: quality, reply: 'Batch quarantined' },
  { type: 'DetermineRootCause', actor: quality, rootCause: 'Mould too cold', responsibleDepartment: 'production' },
  { type: 'SubmitCapaPlan', actor: production, corrective: 'Raise mould temperature', preventive: 'SPC check per shift' },
  { type: 'RecordCapaImplemented', actor: production, note: 'Line 3 adjusted' },
  { type: 'VerifyCapa', actor: quality, effective: true, note: 'No cracks in 500 units' },
  { type: 'ReportResolution', actor: cs, summary: 'Cause and actions explained' },
  { type: 'RecordCustomerResponse', actor: cs, accepted: true },
] as const;
