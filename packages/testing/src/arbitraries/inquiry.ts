/** Generators of inquiry command sequences (see `commandSequences`). */
import { type Actor, InquiryCommand, type InquiryEvent, type InquiryState, type Rulebook, defaultRulebook, inquiryDecider } from '@caseledger/core';
import type fc from 'fast-check';
import { office } from './common.js';
import { type CommandModel, type SequenceOptions, commandSequences, pick, validSequences } from './sequences.js';

type CommandType = InquiryCommand['type'];

const plausible: Readonly<Record<CommandType, ReadonlyArray<Actor>>> = {
  ReceiveInquiry: [office.cs, office.sales],
  RecordInformationNeeded: [office.cs, office.sales],
  AgreeCompletionDate: [office.cs],
  EscalateToManager: [office.cs],
  RecordManagerDecision: [office.salesManager, office.generalManager],
  ReplyToInquiry: [office.cs, office.sales],
  ConfirmReplyInWriting: [office.cs],
  TurnIntoComplaint: [office.cs],
  CloseInquiry: [office.cs],
};

/** Completion dates around the weeks after a receipt in mid-November 2026. */
const completionDates = ['2026-11-20', '2026-11-27', '2026-12-15', '2027-01-31', '2027-04-30'];

const fieldsFor = (type: CommandType, seed: number): Record<string, unknown> => {
  switch (type) {
    case 'ReceiveInquiry':
      return {
        customer: { id: 'cust-3', name: 'Customer Three', phone: '+86 571 0000 3333' },
        channel: pick(['phone', 'email', 'fax', 'letter', 'visit'], seed),
        subject: 'Delivery date of order 2611',
      };
    case 'RecordInformationNeeded':
      return { note: 'Asking the factory for the production plan' };
    case 'AgreeCompletionDate':
      return { completionDate: pick(completionDates, seed), agreement: 'Customer agreed by phone' };
    case 'EscalateToManager':
      return { manager: pick([office.salesManager, office.generalManager, office.cs], seed), question: 'May we promise a discount?' };
    case 'RecordManagerDecision':
      return { decision: 'Yes, 3% on the next order' };
    case 'ReplyToInquiry':
      return { form: pick(['written', 'oral'], seed), reply: 'Delivery on 4 December' };
    case 'ConfirmReplyInWriting':
      return { reference: 'email-2026-11-17' };
    case 'TurnIntoComplaint':
      return { description: 'The delivered drivers hum', severity: pick(['minor', 'major'], seed) };
    case 'CloseInquiry':
      return {};
  }
};

export const inquiryModel = (rulebook: Rulebook = defaultRulebook): CommandModel<InquiryCommand, InquiryEvent, InquiryState> => ({
  decider: inquiryDecider(rulebook),
  codec: InquiryCommand.codec,
  types: InquiryCommand.tags,
  plausible: (type) => plausible[type],
  fields: fieldsFor,
  // A complaint ends the inquiry early: rarely, so that generated inquiries also reach their last steps.
  weight: (type) => (type === 'TurnIntoComplaint' ? 1 : 5),
  variants: 3,
});

/** Inquiry command sequences, mostly following the procedure. */
export const inquiryCommands = (rulebook: Rulebook = defaultRulebook, options: SequenceOptions = {}): fc.Arbitrary<ReadonlyArray<InquiryCommand>> =>
  commandSequences(inquiryModel(rulebook), { caseId: 'I-PROP-1', maxLength: 20, ...options });

/** Inquiry sequences that follow the procedure: every command is accepted. */
export const validInquiries = (
  rulebook: Rulebook = defaultRulebook,
  options: Omit<SequenceOptions, 'guided' | 'backwards'> = {},
): fc.Arbitrary<ReadonlyArray<InquiryCommand>> => validSequences(inquiryModel(rulebook), { caseId: 'I-PROP-1', maxLength: 20, ...options });
