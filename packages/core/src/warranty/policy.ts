/**
 * This case type's policy values (W-2's grounds, W-6, W-8 and W-9's periods, W-10's visits): their codec, what each means, and the rulebook's
 * defaults. A company's policy versions change them, dated (T-5); `rulebookPolicy.ts` composes the
 * case types' slices into the policy a version holds.
 */
import * as t from 'io-ts';
import { NonNegativeInt, PositiveInt, oneOf } from '../codecs.js';
import { RuleIdCodec } from '../violation.js';
import { WindowCodec } from '../window.js';
import { ExclusionCodec, GoodsNatureCodec, SaleChannelCodec } from './vocabulary.js';

export interface MonthDayBrand {
  readonly MonthDay: unique symbol;
}

/** A day of the year, `MM-DD`, e.g. the first day of the heating season `11-15`. */
export const MonthDay = t.brand(
  t.string,
  (s): s is t.Branded<string, MonthDayBrand> => {
    const m = /^(\d{2})-(\d{2})$/.exec(s);
    if (m === null) return false;
    const month = Number(m[1]);
    const day = Number(m[2]);
    const lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    return month >= 1 && month <= 12 && day >= 1 && day <= (lengths[month - 1] ?? 0);
  },
  'MonthDay',
);
export type MonthDay = t.TypeOf<typeof MonthDay>;

/** A yearly season, e.g. heating from `11-15` to `03-15` (it may cross the new year). */
export const SeasonWindow = t.readonly(t.type({ startsOn: MonthDay, endsOn: MonthDay }), 'SeasonWindow');
export type SeasonWindow = t.TypeOf<typeof SeasonWindow>;

/**
 * W-2: the day a return's window is counted to. `filing`: the customer's request (the claim's
 * filing), so quality's inspection, a weekend or a holiday before the acceptance cannot cancel a
 * request made in time (seed 003 §5.1.4). `acceptance`: the day the return is accepted.
 */
export const returnWindowReadings = ['filing', 'acceptance'] as const;
export type ReturnWindowReading = (typeof returnWindowReadings)[number];
export const ReturnWindowReadingCodec = oneOf(returnWindowReadings);

/** W-2, J-1 … J-3: the remedies a return ground can give. A repair's remedy is the warranty (W-9). */
export const groundRemedies = ['return', 'exchange'] as const;
export type GroundRemedy = (typeof groundRemedies)[number];

/** The day a return ground's window counts from: the shipment (W-2), the sale (J-1, the invoice date) or the customer's receipt (J-2, J-3). */
export const windowStarts = ['shipment', 'sale', 'delivery'] as const;
export type WindowStart = (typeof windowStarts)[number];

/**
 * What a return ground needs besides its window: quality's confirmation of an intrinsic defect
 * (W-2; a performance fault, J-1), no reason at all (J-2; J-3 withdrawal), repairs under
 * warranty that failed (J-1 art. 11: twice; J-3), as many as the ground's `failedRepairs`, or
 * repairs under warranty not done in the law's time (J-1: 30 days), as many as `overdueRepairs`.
 */
export const groundNeeds = ['intrinsic-defect', 'no-reason', 'failed-repairs', 'overdue-repairs'] as const;
export type GroundNeed = (typeof groundNeeds)[number];

/** When a refund is due after a no-reason return: from the returned goods' receipt (J-2) or from the customer's request (J-3). */
export const refundStarts = ['goods-received', 'request'] as const;

/**
 * A return ground: one way a return or an exchange is accepted, the rule it serves and where that
 * rule is written. The seeds' ground is W-2 (3 months of shipment, intrinsic defect); a
 * jurisdiction preset adds the law's (J-1 … J-3); a company may add its own, under its own rule id.
 */
export const ReturnGround = t.readonly(
  t.intersection([
    t.type({
      rule: RuleIdCodec,
      /** The text the ground comes from, e.g. `seed 003 §5.1.4` or `部分商品修理更换退货责任规定 art. 9`. */
      source: t.string,
      remedies: t.readonlyArray(oneOf(groundRemedies)),
      within: WindowCodec,
      from: oneOf(windowStarts),
      needs: oneOf(groundNeeds),
    }),
    t.partial({
      /** The sale channels the ground covers; all when absent. */
      channels: t.readonlyArray(SaleChannelCodec),
      /** Goods the ground leaves out (e.g. custom-made goods from a no-reason return). */
      excludes: t.readonlyArray(GoodsNatureCodec),
      /** With `needs: failed-repairs`: how many failed repairs open the ground (default 2). */
      failedRepairs: PositiveInt,
      /** With `needs: overdue-repairs`: how many overdue repairs open the ground (default 1). */
      overdueRepairs: PositiveInt,
      /** What quality may find that takes the claim off this ground (J-1's exclusions). */
      voidedBy: t.readonlyArray(ExclusionCodec),
      /** A refund deadline for returns accepted on this ground (T-8). */
      refund: t.readonly(t.type({ within: WindowCodec, from: oneOf(refundStarts) })),
    }),
  ]),
  'ReturnGround',
);
export type ReturnGround = t.TypeOf<typeof ReturnGround>;

/** W-9: the day a product's warranty starts. */
export const productWarrantyStarts = ['delivery', 'sale'] as const;

export const WarrantyPolicy = t.readonly(
  t.type({
    /**
     * W-2 and the law's grounds (J-1 … J-3), by name: a return or an exchange is accepted on the
     * first ground that accepts it. The seeds' ground is `company`: 3 months of shipment, for an
     * intrinsic defect. A name given `null` removes a ground (never a preset's, J-0).
     */
    returnGrounds: t.readonly(t.record(t.string, t.union([ReturnGround, t.null]))),
    /** W-2: a window runs to the claim's filing (default) or to the acceptance. */
    returnWindowCountsTo: ReturnWindowReadingCodec,
    /** W-8: a construction defect is confirmed within 2 days of the notice. */
    defectConfirmationWithinDays: NonNegativeInt,
    /** W-9: roofing, waterproofed rooms and exterior walls: 5 years from handover. */
    roofingAndWaterproofingYears: NonNegativeInt,
    /** W-9: electrical, plumbing, equipment installation and decoration: 2 years from handover. */
    installationAndDecorationYears: NonNegativeInt,
    /** W-9: heating and cooling systems: two heating or cooling seasons. */
    heatingSeasons: NonNegativeInt,
    coolingSeasons: NonNegativeInt,
    heatingSeason: SeasonWindow,
    coolingSeason: SeasonWindow,
    /** W-9: products: a warranty period per product category, from the delivery date. */
    productWarrantyMonths: t.readonly(t.record(t.string, NonNegativeInt)),
    /** W-9: the period for a product category that is not listed. */
    defaultProductWarrantyMonths: NonNegativeInt,
    /** W-9: a product's warranty runs from its delivery (the seeds; the ship date when none was recorded) or from the sale (J-1: the invoice date). */
    productWarrantyFrom: oneOf(productWarrantyStarts),
    /** W-6: what takes a repair out of free warranty repair though it is in its period (J-1's exclusions); none in the seeds. */
    freeRepairVoidedBy: t.readonlyArray(ExclusionCodec),
    /** A repair is done within this time of the unit's receipt (J-1: 30 days), a deadline with its rule; none in the seeds. */
    repairCompletion: t.union([t.null, t.readonly(t.type({ within: WindowCodec, rule: RuleIdCodec, source: t.string }))]),
    /** W-10: every 3 months in the first half year after handover, then every 6 months. */
    followUpEarlyIntervalMonths: NonNegativeInt,
    followUpEarlyPhaseMonths: NonNegativeInt,
    followUpLaterIntervalMonths: NonNegativeInt,
  }),
  'WarrantyPolicy',
);
export type WarrantyPolicy = t.TypeOf<typeof WarrantyPolicy>;

/** The rulebook's values, as a policy file writes them (shared/DOMAIN.md's numbers). */
export const warrantyPolicyDefaults = {
  returnGrounds: {
    company: { rule: 'W-2', source: 'seed 003 §5.1.4', remedies: ['return', 'exchange'], within: '3 months', from: 'shipment', needs: 'intrinsic-defect' },
  },
  returnWindowCountsTo: 'filing',
  defectConfirmationWithinDays: 2,
  roofingAndWaterproofingYears: 5,
  installationAndDecorationYears: 2,
  heatingSeasons: 2,
  coolingSeasons: 2,
  heatingSeason: { startsOn: '11-15', endsOn: '03-15' },
  coolingSeason: { startsOn: '05-15', endsOn: '09-15' },
  productWarrantyMonths: {},
  defaultProductWarrantyMonths: 12,
  productWarrantyFrom: 'delivery',
  freeRepairVoidedBy: [],
  repairCompletion: null,
  followUpEarlyIntervalMonths: 3,
  followUpEarlyPhaseMonths: 6,
  followUpLaterIntervalMonths: 6,
};
