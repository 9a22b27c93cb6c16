/** Generators of warranty-claim command sequences (see `commandSequences`). */
import {
  type Actor,
  type Rulebook,
  WarrantyCommand,
  type WarrantyClaimState,
  type WarrantyEvent,
  defaultRulebook,
  warrantyClaimDecider,
} from '@caseledger/core';
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

/** Ship dates around the 3-month window of a claim filed in mid-November 2026, month ends included, and days before it. */
const shipDates = [
  '2026-11-02',
  '2026-11-09',
  '2026-11-12',
  '2026-08-16',
  '2026-08-17',
  '2026-08-31',
  '2026-07-31',
  '2026-02-28',
  '2025-11-30',
  '2024-02-29',
  '2025-01-15',
  '2024-06-30',
  '2025-03-31',
];

/**
 * Sale dates around the law's windows of a claim filed on Monday 2026-11-16 (J-1: 7 and 15 days of
 * sale), or the ship date (B2B); deliveries days after the shipment (J-2: 7 days of receipt; J-3: 14).
 */
const saleDates = ['same-as-shipment', '2026-11-12', '2026-11-10', '2026-11-09', '2026-11-08', '2026-11-02', '2026-11-01', '2026-10-31', '2026-09-01'];
/** Days from the shipment to the delivery, or none recorded. */
const deliveryDelays = [-1, 1, 3, 8, 14];
const natures = ['none', 'none', 'none', 'custom-made', 'perishable', 'digital-unsealed', 'hygiene-unsealed'];
const failedRepairCounts = [0, 0, 1, 2, 3];
const exclusionsPicked = ['none', 'none', 'none', 'misuse', 'unauthorised-repair', 'no-warranty-documents', 'force-majeure'];

const withExclusion = (seed: number): Record<string, unknown> => {
  const exclusion = pick(exclusionsPicked, mix(seed, 17));
  return exclusion === 'none' ? {} : { exclusion };
};

/** Another choice from the same seed, so that fields vary apart from each other. */
const mix = (seed: number, k: number): number => seed * k + (seed >> 3);

const daysAfter = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A consumer's purchase days before the claim: sold, shipped and delivered around the law's short windows. */
const consumerUnit = (seed: number): { readonly shippedOn: string; readonly purchasedOn: string; readonly deliveredOn: string } => {
  const purchasedOn = pick(['2026-11-12', '2026-11-10', '2026-11-09', '2026-11-06', '2026-11-02', '2026-10-30'], mix(seed, 29));
  const shippedOn = daysAfter(purchasedOn, pick([0, 1], mix(seed, 31)));
  return { shippedOn, purchasedOn, deliveredOn: daysAfter(shippedOn, pick([1, 2, 4], mix(seed, 37))) };
};

const unitFor = (seed: number, b2bShippedOn: string): Record<string, unknown> => {
  const sale = pick(saleDates, mix(seed, 3));
  const delay = pick(deliveryDelays, mix(seed, 5));
  const b2b = {
    shippedOn: b2bShippedOn,
    purchasedOn: sale === 'same-as-shipment' ? b2bShippedOn : sale,
    deliveredOn: delay < 0 ? 'none' : daysAfter(b2bShippedOn, delay),
  };
  const dates = mix(seed, 23) % 2 === 0 ? consumerUnit(seed) : b2b;
  const nature = pick(natures, mix(seed, 7));
  const failedRepairs = pick(failedRepairCounts, mix(seed, 11));
  const overdueRepairs = pick(failedRepairCounts, mix(seed, 19));
  return {
    sku: 'LP-600',
    model: 'LP',
    serialNumber: `SN-${seed}`,
    category: pick(['lighting', 'drivers'], seed >> 4),
    shippedOn: dates.shippedOn,
    purchasedOn: dates.purchasedOn,
    ...(dates.deliveredOn === 'none' ? {} : { deliveredOn: dates.deliveredOn }),
    ...(nature === 'none' ? {} : { nature }),
    ...(failedRepairs === 0 ? {} : { failedRepairs }),
    ...(overdueRepairs === 0 ? {} : { overdueRepairs }),
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
          ? {
              work: {
                project: 'Block 3',
                element: pick(['roofing-waterproofing', 'heating', 'electrical', 'structure'], seed >> 3),
                handedOverOn: '2025-12-01',
                designLifeYears: 50,
              },
            }
          : { unit: unitFor(seed, shippedOn), ...channelFor(seed) }),
      };
    }
    case 'RecordDefectInspection':
      return { verdict: pick(['intrinsic-defect', 'not-intrinsic'], seed), report: 'Inspection report', ...withExclusion(seed) };
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
      return { mainComponentDamaged: seed % 2 === 0, ...withExclusion(seed) };
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
export const validWarrantyProcedures = (
  config: Rulebook = defaultRulebook,
  options: Omit<SequenceOptions, 'guided' | 'backwards'> = {},
): fc.Arbitrary<ReadonlyArray<WarrantyCommand>> => validSequences(warrantyModel(config), { caseId: 'W-PROP-1', ...options });
