/** Generators of contract-review command sequences (see `commandSequences`). */
import {
  type Actor,
  ContractReviewCommand,
  type ContractReviewEvent,
  type ContractReviewState,
  contractReviewDecider,
  requirementCategories,
} from '@caseledger/core';
import type fc from 'fast-check';
import { office } from './common.js';
import { type CommandModel, type SequenceOptions, commandSequences, pick, validSequences } from './sequences.js';

type CommandType = ContractReviewCommand['type'];

const plausible: Readonly<Record<CommandType, ReadonlyArray<Actor>>> = {
  SubmitOrder: [office.sales],
  RecordOralOrderInWriting: [office.sales],
  DetermineRequirement: [office.sales],
  RecordDifference: [office.sales],
  ResolveDifference: [office.sales],
  RecordDepartmentOpinion: [office.production, office.warehouse, office.engineering],
  ConfirmCapability: [office.sales],
  ApproveContract: [office.salesManager, office.quality],
  RejectOrder: [office.salesManager],
  SignContract: [office.salesManager],
  ProposeAmendment: [office.sales],
  RecordAmendmentAgreement: [office.sales],
  CommunicateAmendment: [office.sales],
  ReleaseToProduction: [office.production, office.sales],
};

const departments = ['production', 'warehouse', 'engineering'] as const;

const fieldsFor = (type: CommandType, seed: number): Record<string, unknown> => {
  switch (type) {
    case 'SubmitOrder': {
      const special = seed % 3 !== 0;
      return {
        customer: { id: 'cust-3', name: 'Customer Three' },
        form: pick(['written', 'oral'], seed >> 1),
        description: '2,000 drivers, custom housing',
        complexProcess: special,
        specialMaterials: false,
        requiredDepartments: special ? departments.slice(0, 1 + (seed % 3)) : [],
      };
    }
    case 'RecordOralOrderInWriting':
      return { orderedBy: 'Mr Sun, buyer', orderedAt: '2026-11-16T00:30:00Z', record: 'Phone order written down' };
    case 'DetermineRequirement':
      return { category: pick(requirementCategories, seed), decision: seed % 2 === 0 ? { kind: 'none' } : { kind: 'defined', text: 'As specified' } };
    case 'RecordDifference':
    case 'ResolveDifference':
      return type === 'RecordDifference'
        ? { differenceId: pick(['D1', 'D2'], seed), description: 'Price differs from quotation' }
        : { differenceId: pick(['D1', 'D2'], seed), resolution: 'Customer accepted' };
    case 'RecordDepartmentOpinion':
      return { canMeet: seed % 5 !== 0, note: 'Checked stock and capacity' };
    case 'ConfirmCapability':
      return { note: 'We can deliver' };
    case 'RejectOrder':
      return { reason: 'Cannot meet' };
    case 'ProposeAmendment':
      return {
        amendmentId: pick(['A1', 'A2'], seed),
        description: 'Change colour',
        changesProductRequirements: seed % 3 === 0,
        affectedDepartments: departments.slice(0, 1 + (seed % 3)),
      };
    case 'RecordAmendmentAgreement':
      return { amendmentId: pick(['A1', 'A2'], seed), agreed: seed % 4 !== 0 };
    case 'CommunicateAmendment':
      return { amendmentId: pick(['A1', 'A2'], seed), department: pick(departments, seed >> 1) };
    case 'ApproveContract':
    case 'SignContract':
    case 'ReleaseToProduction':
      return {};
  }
};

export const contractReviewModel: CommandModel<ContractReviewCommand, ContractReviewEvent, ContractReviewState> = {
  decider: contractReviewDecider,
  codec: ContractReviewCommand.codec,
  types: ContractReviewCommand.tags,
  plausible: (type) => plausible[type],
  fields: fieldsFor,
  weight: (type) => (type === 'RejectOrder' ? 0 : 6),
  // Eight requirement categories must all be decided before approval: offer them side by side.
  variants: 8,
};

export const contractReviewCommands = (options: SequenceOptions = {}): fc.Arbitrary<ReadonlyArray<ContractReviewCommand>> =>
  commandSequences(contractReviewModel, { caseId: 'R-PROP-1', ...options });

export const validContractReviews = (options: Omit<SequenceOptions, 'guided' | 'backwards'> = {}): fc.Arbitrary<ReadonlyArray<ContractReviewCommand>> =>
  validSequences(contractReviewModel, { caseId: 'R-PROP-1', ...options });
