/** The words of warranty claims (W-1): what is claimed, for which unit or building element. */
import * as t from 'io-ts';
import { LocalDate, NonEmptyText, PositiveInt, oneOf } from '../codecs.js';

export const claimKinds = ['return', 'exchange', 'repair', 'construction-defect'] as const;
export type ClaimKind = (typeof claimKinds)[number];
export const ClaimKindCodec = oneOf(claimKinds);

/**
 * How the unit was sold (J-2, J-3): `in-person` at a counter or on site, or at a `distance` (online,
 * by phone, television or mail). A claim records it; some return grounds cover one channel only.
 */
export const saleChannels = ['in-person', 'distance'] as const;
export type SaleChannel = (typeof saleChannels)[number];
export const SaleChannelCodec = oneOf(saleChannels);

/**
 * Goods that the law's no-reason returns leave out (J-2: PRC consumer law art. 25; J-3: Directive
 * 2011/83 art. 16): made to the customer's specification, perishable, digital content or software
 * unsealed or downloaded, newspapers and periodicals, sealed goods unsealed that cannot go back for
 * health or hygiene, and goods the customer confirmed at purchase as unsuitable for return.
 */
export const goodsNatures = ['custom-made', 'perishable', 'digital-unsealed', 'periodical', 'hygiene-unsealed', 'confirmed-unsuitable'] as const;
export type GoodsNature = (typeof goodsNatures)[number];
export const GoodsNatureCodec = oneOf(goodsNatures);

/**
 * W-1: the product unit a claim concerns. `purchasedOn` is the sale (the invoice date, J-1),
 * `shippedOn` the shipment (W-2), `deliveredOn` the customer's receipt (J-2, J-3; it starts the
 * product warranty, W-9). `nature` says whether the goods are of a kind a no-reason return leaves out.
 * `failedRepairs`: repairs under warranty after which the unit still failed, and `overdueRepairs`:
 * repairs under warranty not done in the law's time (J-1: 30 days), as the warranty card's repair
 * record shows them (J-1 art. 11; J-3).
 */
export const ProductUnit = t.readonly(
  t.intersection([
    t.type({ sku: NonEmptyText, model: NonEmptyText, serialNumber: NonEmptyText, category: NonEmptyText, shippedOn: LocalDate, purchasedOn: LocalDate }),
    t.partial({ deliveredOn: LocalDate, nature: GoodsNatureCodec, failedRepairs: PositiveInt, overdueRepairs: PositiveInt }),
  ]),
  'ProductUnit',
);
export type ProductUnit = t.TypeOf<typeof ProductUnit>;

/** W-9: the parts of a handed-over building or installation, each with its own warranty period. */
export const buildingElements = [
  'structure',
  'roofing-waterproofing',
  'heating',
  'cooling',
  'electrical',
  'plumbing',
  'equipment-installation',
  'decoration',
] as const;
export type BuildingElement = (typeof buildingElements)[number];
export const BuildingElementCodec = oneOf(buildingElements);

/** W-8: a handed-over building or installation. `designLifeYears` is the contract's design life (structure). */
export const HandedOverWork = t.readonly(
  t.intersection([t.type({ project: NonEmptyText, element: BuildingElementCodec, handedOverOn: LocalDate }), t.partial({ designLifeYears: PositiveInt })]),
  'HandedOverWork',
);
export type HandedOverWork = t.TypeOf<typeof HandedOverWork>;

/**
 * What takes a unit out of the law's cover though it is defective (J-1: 三包 does not apply): misuse
 * or poor upkeep, repair or opening by anyone but the appointed repairer, no invoice or warranty
 * card, a card altered or not matching the unit, force majeure. Quality records it with its
 * inspection; a repair assessment records it too.
 */
export const exclusions = ['misuse', 'unauthorised-repair', 'no-warranty-documents', 'altered-documents', 'force-majeure'] as const;
export type Exclusion = (typeof exclusions)[number];
export const ExclusionCodec = oneOf(exclusions);

/** W-2: quality's verdict on the defect. */
export const defectVerdicts = ['intrinsic-defect', 'not-intrinsic'] as const;
export type DefectVerdict = (typeof defectVerdicts)[number];
export const DefectVerdictCodec = oneOf(defectVerdicts);

/** A fee quote (W-6), in the currency's minor units to stay exact (e.g. fen, cents). */
export const FeeQuote = t.readonly(t.type({ amountMinor: PositiveInt, currency: t.keyof({ CNY: null, USD: null, EUR: null, HKD: null }) }), 'FeeQuote');
export type FeeQuote = t.TypeOf<typeof FeeQuote>;
