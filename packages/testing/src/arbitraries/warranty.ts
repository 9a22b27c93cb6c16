/** Generators of warranty-claim command sequences (see `commandSequences`). */
import { type Actor, type Rulebook, WarrantyCommand, type WarrantyClaimState, type WarrantyEvent, defaultRulebook, warrantyClaimDecider } from '@caseledger/core';
import type fc from 'fast-check';
import { office } from './common.js';
import { type CommandModel, type SequenceOptions, commandSequences, pick, validSequences } from './sequences.js';

type CommandType = WarrantyCommand['type'];

const plausible: Readonly<Record<CommandType, ReadonlyArray<Actor>>> = {
  FileClaim: [office.cs],
  RecordDefectInspection: [office.quality],
  ApproveSpecialCase: [office.generalManager, office.salesManager],
  AcceptReturn: [office.cs],
  RejectClaim: [office.cs],
  ReceiveReturnedGoods: [office.warehouse],
  IssueReturnSlip: [office.cs],
  SignReturnSlip: [office.salesManager],
  BookReturn: [office.finance],
  ShipReplacement: [office.warehouse],
  ReceiveRepairUnit: [office.cs],
  AssessRepair: [office.cs, office.engineering],
  SendFeeQuote: [office.cs],
  RecordRepairConsent: [office.cs],
  StartRepair: [office.cs, office.engineering],
  CompleteRepair: [office.cs, office.engineering],
  RecordRepairInspection: [office.quality],
  ShipRepairedUnit: [office.warehouse],
  ReturnUnitUnrepaired: [office.warehouse],
  ConfirmConstructionDefect: [office.engineering],
  ApproveRepairPlan: [office.engineeringManager, office.engineering],
  RecordOwnerAcceptance: [office.engineering],
  CloseClaim: [office.cs],
};

/** Ship dates around the 3-month window of a claim filed in mid-November 2026, month ends included. */
const shipDates = ['2026-11-02', '2026-08-16', '2026-08-17', '2026-08-31', '2026-07-31', '2026-02-28', '2025-11-30', '2024-02-29', '2025-01-15', '2024-06-30', '2025-03-31'];

/**
 * Sale and delivery dates around the law's windows of a claim filed on Monday 2026-11-16 (J-1: 7
 * and 15 days of sale; J-2: 7 days of receipt; J-3: 14 days of receipt), or the ship date (B2B).
 */
const saleDates = ['same-as-shipment', '2026-11-10', '2026-11-09', '2026-11-08', '2026-11-02', '2026-11-01', '2026-10-31', '2026-09-01'];
const deliveryDates = ['none', '2026-11-10', '2026-11-09', '2026-11-03', '2026-11-02', '2026-11-01'];
const natures = ['none', 'none', 'none', 'custom-made', 'perishable', 'digital-unsealed', 'hygiene-unsealed'];
const failedRepairCounts = [0, 0, 1, 2, 3];

/** Another choice from the same seed, so that fields vary apart from each other. */
const mix = (seed: number, k: number): number => seed * k + (seed >> 3);

const unitFor = (seed: number, shippedOn: string): Record<string, unknown> => {
  const sale = pick(saleDates, mix(seed, 3));
  const deliveredOn = pick(deliveryDates, mix(seed, 5));
  const nature = pick(natures, mix(seed, 7));
  const failedRepairs = pick(failedRepairCounts, mix(seed, 11));
  return {
    sku: 'LP-600',
    model: 'LP',
    serialNumber: `SN-${seed}`,
    category: pick(['lighting', 'drivers'], seed >> 4),
    shippedOn,
    purchasedOn: sale === 'same-as-shipment' ? shippedOn : sale,
    ...(deliveredOn === 'none' ? {} : { deliveredOn }),
    ...(nature === 'none' ? {} : { nature }),
    ...(failedRepairs === 0 ? {} : { failedRepairs }),
  };
};

const channelFor = (seed: number): Record<string, unknown> => {
  const channel = pick(['none', 'in-person', 'distance', 'distance'], mix(seed, 13));
  return channel === 'none' ? {} : { channel };
};

const fieldsFor = (type: CommandType, seed: number): Record<string, unknown> => {
  switch (type) {
    case 'FileClaim': {
      const kind = pick(['return', 'exchange', 'repair', 'construction-defect'], seed);
      const shippedOn = pick(shipDates, seed >> 2);
      return {
        customer: { id: 'cust-2', name: 'Customer Two', email: 'buyer@example.com' },
        kind,
        reason: 'Does not power on',
        ...(kind === 'construction-defect'
          ? { work: { project: 'Block 3', element: pick(['roofing-waterproofing', 'heating', 'electrical', 'structure'], seed >> 3), handedOverOn: '2025-12-01', designLifeYears: 50 } }
          : { unit: unitFor(seed, shippedOn), ...channelFor(seed) }),
      };
    }
    case 'RecordDefectInspection':
      return { verdict: pick(['intrinsic-defect', 'not-intrinsic'], seed), report: 'Inspection report' };
    case 'ApproveSpecialCase':
      return { justification: pick(['Key account; goodwill', '   '], seed >> 1) };
    case 'RejectClaim':
      return { reason: 'Outside the rules' };
    case 'ReceiveReturnedGoods':
      return { quantity: 1 };
    case 'IssueReturnSlip':
      return { shipDate: '2026-08-16', reason: 'Defective' };
    case 'ReceiveRepairUnit':
      return { quantity: 1, defect: 'No power' };
    case 'AssessRepair':
      return { mainComponentDamaged: seed % 2 === 0 };
    case 'SendFeeQuote':
      return { quote: { amountMinor: 25000, currency: 'CNY' } };
    case 'RecordRepairConsent':
      return seed % 3 === 0 ? { consented: false } : seed % 3 === 1 ? { consented: true, signedCopy: 'fax-2026-11-17.pdf' } : { consented: true };
    case 'CompleteRepair':
      return { note: 'Replaced driver board' };
    case 'RecordRepairInspection':
      return { passed: seed % 4 !== 0, report: 'Functional test' };
    case 'ConfirmConstructionDefect':
      return { findings: 'Leak at the parapet' };
    case 'ApproveRepairPlan':
      return { plan: 'Re-seal the parapet' };
    case 'RecordOwnerAcceptance':
      return { signedCopy: 'acceptance-form.pdf' };
    case 'AcceptReturn':
    case 'SignReturnSlip':
    case 'BookReturn':
    case 'ShipReplacement':
    case 'StartRepair':
    case 'ShipRepairedUnit':
    case 'ReturnUnitUnrepaired':
    case 'CloseClaim':
      return {};
  }
};

export const warrantyModel = (config: Rulebook = defaultRulebook): CommandModel<WarrantyCommand, WarrantyEvent, WarrantyClaimState> => ({
  decider: warrantyClaimDecider(config),
  codec: WarrantyCommand.codec,
  types: WarrantyCommand.tags,
  plausible: (type) => plausible[type],
  fields: fieldsFor,
  // Rejections end a claim early: rarely, so that generated claims also reach their last steps.
  weight: (type) => (type === 'RejectClaim' ? 1 : 6),
});

/** Warranty-claim command sequences, mostly following the procedure. */
export const warrantyCommands = (config: Rulebook = defaultRulebook, options: SequenceOptions = {}): fc.Arbitrary<ReadonlyArray<WarrantyCommand>> =>
  commandSequences(warrantyModel(config), { caseId: 'W-PROP-1', ...options });

/** Warranty-claim sequences that follow the procedure: every command is accepted. */
export const validWarrantyProcedures = (config: Rulebook = defaultRulebook, options: Omit<SequenceOptions, 'guided' | 'backwards'> = {}): fc.Arbitrary<ReadonlyArray<WarrantyCommand>> =>
  validSequences(warrantyModel(config), { caseId: 'W-PROP-1', ...options });
