/**
 * Generators of complaint command sequences. Adversarial sequences pick any command, usually with a
 * plausible actor, sometimes with anyone, and now and then a step back in time: many are refused,
 * and whatever is accepted must still satisfy every history invariant.
 */
import { type Actor, ComplaintCommand, type ComplaintEvent, type ComplaintState, complaintDecider } from '@caseledger/core';
import type fc from 'fast-check';
import { office } from './common.js';
import { type CommandModel, type SequenceOptions, commandSequences, pick, validSequences } from './sequences.js';

type CommandType = ComplaintCommand['type'];

/** Who would usually take each step. */
const plausible: Readonly<Record<CommandType, ReadonlyArray<Actor>>> = {
  ReceiveComplaint: [office.cs, office.sales],
  AcknowledgeComplaint: [office.cs],
  RequestSamples: [office.cs, office.quality],
  ReceiveSamples: [office.warehouse, office.cs],
  ReinspectSamples: [office.quality],
  DisposeSamples: [office.warehouse, office.quality],
  ClassifyComplaint: [office.cs, office.quality],
  ConveneJointReview: [office.salesManager, office.generalManager],
  RecordJointReviewDecision: [office.salesManager, office.generalManager],
  SendExplanation: [office.cs],
  ConfirmExplanationReceipt: [office.cs],
  ForwardToQuality: [office.cs],
  RecordQualityReply: [office.quality],
  DetermineRootCause: [office.quality],
  SubmitCapaPlan: [office.production, office.engineering, office.warehouse],
  RecordCapaImplemented: [office.production, office.engineering, office.warehouse],
  VerifyCapa: [office.quality],
  ReportResolution: [office.cs, office.sales],
  RecordCustomerResponse: [office.cs],
  DisputeDetermination: [office.cs],
  RecordIndependentAppraisal: [office.quality],
  CloseComplaint: [office.cs],
  ReopenComplaint: [office.salesManager, office.cs],
};

const departments = ['production', 'engineering', 'warehouse'] as const;

/** The fields of a command, chosen by a seed, so that a shrunk sequence stays readable. */
const fieldsFor = (type: CommandType, seed: number): Record<string, unknown> => {
  switch (type) {
    case 'ReceiveComplaint':
      return {
        customer: { id: 'cust-1', name: 'Customer One', phone: '+86 21 5555 0101' },
        channel: pick(['phone', 'email', 'fax', 'letter', 'visit', 'online', 'survey'], seed),
        description: 'Cracked housing',
        severity: pick(['minor', 'major', 'critical'], seed >> 3),
      };
    case 'AcknowledgeComplaint':
      return { explanation: 'We will reply within 7 days' };
    case 'ReceiveSamples':
      return { quantity: 1 + (seed % 3) };
    case 'ReinspectSamples':
      return { quantity: 1 + (seed % 3), result: 'inspected' };
    case 'ClassifyComplaint':
      return { responsibility: pick(['internal', 'external'], seed) };
    case 'ConveneJointReview':
      return {
        reason: pick(['cannot-fix-in-time', 'cause-unknown', 'responsibility-unclear'], seed),
        chair: pick([office.salesManager, office.generalManager, office.sales], seed >> 2),
      };
    case 'RecordJointReviewDecision':
      return seed % 3 === 0 ? { decision: 'Decided' } : { decision: 'Decided', responsibility: pick(['internal', 'external'], seed >> 2) };
    case 'SendExplanation':
      return { explanation: 'Not our fault; here is how to handle it' };
    case 'RecordQualityReply':
      return { reply: 'Investigating' };
    case 'DetermineRootCause':
      return { rootCause: 'Root cause', responsibleDepartment: pick(departments, seed) };
    case 'SubmitCapaPlan':
      return { corrective: 'Fix', preventive: 'Prevent' };
    case 'RecordCapaImplemented':
      return { note: 'Done' };
    case 'VerifyCapa':
      return { effective: seed % 3 !== 0, note: 'Checked' };
    case 'ReportResolution':
      return { summary: 'Cause, actions, result' };
    case 'RecordCustomerResponse':
      return { accepted: seed % 3 !== 0 };
    case 'DisputeDetermination':
      return { reason: 'Customer disagrees' };
    case 'RecordIndependentAppraisal':
      return {
        appraiser: 'Independent lab',
        result:
          seed % 2 === 0 ? { outcome: 'upheld' } : { outcome: 'revised', rootCause: 'Revised cause', responsibleDepartment: pick(departments, seed >> 1) },
      };
    case 'ReopenComplaint':
      return { reason: 'Problem came back' };
    case 'RequestSamples':
    case 'DisposeSamples':
    case 'ForwardToQuality':
    case 'ConfirmExplanationReceipt':
    case 'CloseComplaint':
      return {};
  }
};

/** The complaint procedure as the generators see it. */
export const complaintModel: CommandModel<ComplaintCommand, ComplaintEvent, ComplaintState> = {
  decider: complaintDecider,
  codec: ComplaintCommand.codec,
  types: ComplaintCommand.tags,
  plausible: (type) => plausible[type],
  fields: fieldsFor,
};

/** Complaint command sequences, mostly following the procedure (see `commandSequences`). */
export const complaintCommands = (options: SequenceOptions = {}): fc.Arbitrary<ReadonlyArray<ComplaintCommand>> =>
  commandSequences(complaintModel, { caseId: 'C-PROP-1', ...options });

/** Purely random complaint sequences: any command, anyone, any order in time. */
export const adversarialComplaintCommands = (options: Omit<SequenceOptions, 'guided'> = {}): fc.Arbitrary<ReadonlyArray<ComplaintCommand>> =>
  complaintCommands({ ...options, guided: 0 });

/** Complaint sequences that follow the procedure: every command is accepted. */
export const validComplaintProcedures = (options: Omit<SequenceOptions, 'guided' | 'backwards'> = {}): fc.Arbitrary<ReadonlyArray<ComplaintCommand>> =>
  validSequences(complaintModel, { caseId: 'C-PROP-1', ...options });
