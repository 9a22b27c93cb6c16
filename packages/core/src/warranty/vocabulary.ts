/** The words of warranty claims (W-1): what is claimed, for which unit or building element. */
import * as t from 'io-ts';
import { LocalDate, NonEmptyText, PositiveInt, oneOf } from '../codecs.js';

export const claimKinds = ['return', 'exchange', 'repair', 'construction-defect'] as const;
export type ClaimKind = (typeof claimKinds)[number];
export const ClaimKindCodec = oneOf(claimKinds);

/** W-1: the product unit a claim concerns. `deliveredOn` starts the product warranty (W-9). */
export const ProductUnit = t.readonly(
  t.intersection([
    t.type({ sku: NonEmptyText, model: NonEmptyText, serialNumber: NonEmptyText, category: NonEmptyText, shippedOn: LocalDate, purchasedOn: LocalDate }),
    t.partial({ deliveredOn: LocalDate }),
  ]),
  'ProductUnit',
);
export type ProductUnit = t.TypeOf<typeof ProductUnit>;

/** W-9: the parts of a handed-over building or installation, each with its own warranty period. */
export const buildingElements = ['structure', 'roofing-waterproofing', 'heating', 'cooling', 'electrical', 'plumbing', 'equipment-installation', 'decoration'] as const;
export type BuildingElement = (typeof buildingElements)[number];
export const BuildingElementCodec = oneOf(buildingElements);

/** W-8: a handed-over building or installation. `designLifeYears` is the contract's design life (structure). */
export const HandedOverWork = t.readonly(
  t.intersection([t.type({ project: NonEmptyText, element: BuildingElementCodec, handedOverOn: LocalDate }), t.partial({ designLifeYears: PositiveInt })]),
  'HandedOverWork',
);
export type HandedOverWork = t.TypeOf<typeof HandedOverWork>;

/** W-2: quality's verdict on the defect. */
export const defectVerdicts = ['intrinsic-defect', 'not-intrinsic'] as const;
export type DefectVerdict = (typeof defectVerdicts)[number];
export const DefectVerdictCodec = oneOf(defectVerdicts);

/** A fee quote (W-6), in the currency's minor units to stay exact (e.g. fen, cents). */
export const FeeQuote = t.readonly(t.type({ amountMinor: PositiveInt, currency: t.keyof({ CNY: null, USD: null, EUR: null, HKD: null }) }), 'FeeQuote');
export type FeeQuote = t.TypeOf<typeof FeeQuote>;
