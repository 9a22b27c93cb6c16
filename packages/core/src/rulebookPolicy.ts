/**
 * The policy values of the rulebook, each next to the rule id it serves. Companies load their own
 * versions (e.g. from JSON, through `RulebookPolicy`); `rulebookDefaults` is what the procedures
 * say when nothing else is configured.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { CaseTypeRegistry } from './caseHistory.js';
import { pipe } from 'fp-ts/lib/function.js';
import { type FieldError, Instant, PositiveInt, decodeWith, instantFromEpochMs, oneOf } from './codecs.js';
import { type PolicyError, type PolicySet, type PolicyVersion, makePolicySet } from './policy.js';
import { RuleIdCodec } from './violation.js';
import { ExclusionCodec, GoodsNatureCodec, SaleChannelCodec } from './warranty/vocabulary.js';
import { WindowCodec } from './window.js';

const NonNegativeInt = t.brand(t.number, (n): n is t.Branded<number, t.IntBrand> => Number.isInteger(n) && n >= 0, 'Int');
const Ratio = t.brand(t.number, (n): n is t.Branded<number, { readonly Ratio: unique symbol }> => n >= 0 && n <= 1, 'Ratio');

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

export const ComplaintPolicy = t.readonly(
  t.type({
    /** C-2: acknowledge on the same working day as receipt (0 working days). */
    acknowledgeWithinWorkingDays: NonNegativeInt,
    /** C-4: an external complaint is answered within 3 days of classification. */
    externalAnswerWithinDays: NonNegativeInt,
    /** C-5: quality replies in writing within 1 working day of forwarding. */
    qualityReplyWithinWorkingDays: NonNegativeInt,
    /** C-7: the responsible department submits a CAPA plan within 3 working days. */
    capaPlanWithinWorkingDays: NonNegativeInt,
    /** C-7: an internal complaint's resolution is reported within 7 days of receipt. */
    resolutionReportWithinDays: NonNegativeInt,
  }),
  'ComplaintPolicy',
);

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

export const ContractReviewPolicy = t.readonly(
  t.type({
    /** R-3: a review is decided within 2 working days of the order's submission. */
    decisionWithinWorkingDays: NonNegativeInt,
  }),
  'ContractReviewPolicy',
);

export const SurveyPolicy = t.readonly(
  t.type({
    /** S-4: the response rate should reach 90%. */
    responseRateTarget: Ratio,
    /** S-4: the company's quality objective for the satisfaction rate (S-2). */
    satisfactionRateTarget: Ratio,
  }),
  'SurveyPolicy',
);

export const InquiryPolicy = t.readonly(
  t.type({
    /** I-2: a reply at once or the same working day (0 working days). */
    replyWithinWorkingDays: NonNegativeInt,
    /** I-3: where information must be gathered, a reply within 3 working days of receipt. */
    informationReplyWithinWorkingDays: NonNegativeInt,
    /** I-4: beyond a week, the customer agrees to the expected completion date (7 days of receipt). */
    completionAgreementWithinDays: NonNegativeInt,
    /** I-6: an oral reply is confirmed in writing within 1 working day. */
    writtenConfirmationWithinWorkingDays: NonNegativeInt,
    /** I-7: service targets by channel, in hours of receipt: a phone message 24, an email 48. */
    replyWithinHours: t.readonly(
      t.partial({ phone: NonNegativeInt, email: NonNegativeInt, fax: NonNegativeInt, letter: NonNegativeInt, visit: NonNegativeInt }),
    ),
  }),
  'InquiryPolicy',
);

export const RecordsPolicy = t.readonly(
  t.type({
    /** T-9: records are kept for at least 3 years after a case closes. */
    retentionYears: NonNegativeInt,
  }),
  'RecordsPolicy',
);

export const RulebookPolicy = t.readonly(
  t.intersection([
    t.type({
      /** The jurisdiction preset the policy is built on (J-0), `none` for the rulebook's own. */
      jurisdiction: t.string,
      complaint: ComplaintPolicy,
      warranty: WarrantyPolicy,
      contractReview: ContractReviewPolicy,
      survey: SurveyPolicy,
      inquiry: InquiryPolicy,
      records: RecordsPolicy,
    }),
    t.partial({
      /**
       * The values of case types of one's own, by category, each checked by its case type's policy
       * codec (`decodePolicySet(input, base, registry)`) and read with `casePolicyOf`.
       */
      caseTypes: t.readonly(t.record(t.string, t.UnknownRecord)),
    }),
  ]),
  'RulebookPolicy',
);
export type RulebookPolicy = t.TypeOf<typeof RulebookPolicy>;
export type ComplaintPolicy = RulebookPolicy['complaint'];
export type WarrantyPolicy = RulebookPolicy['warranty'];
export type ContractReviewPolicy = RulebookPolicy['contractReview'];
export type SurveyPolicy = RulebookPolicy['survey'];
export type InquiryPolicy = RulebookPolicy['inquiry'];
export type RecordsPolicy = RulebookPolicy['records'];

const rulebookDefaultsInput = {
  jurisdiction: 'none',
  complaint: {
    acknowledgeWithinWorkingDays: 0,
    externalAnswerWithinDays: 3,
    qualityReplyWithinWorkingDays: 1,
    capaPlanWithinWorkingDays: 3,
    resolutionReportWithinDays: 7,
  },
  warranty: {
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
  },
  contractReview: { decisionWithinWorkingDays: 2 },
  survey: { responseRateTarget: 0.9, satisfactionRateTarget: 0.85 },
  inquiry: {
    replyWithinWorkingDays: 0,
    informationReplyWithinWorkingDays: 3,
    completionAgreementWithinDays: 7,
    writtenConfirmationWithinWorkingDays: 1,
    replyWithinHours: { phone: 24, email: 48 },
  },
  records: { retentionYears: 3 },
};

export type RulebookPolicyError =
  { readonly code: 'POLICY_VALUES_UNDECODABLE'; readonly message: string; readonly errors: ReadonlyArray<FieldError> } | PolicyError;

/** Read policy values from plain data (e.g. a JSON file), with every bad field named by path. */
export const decodeRulebookPolicy = (input: unknown): E.Either<RulebookPolicyError, RulebookPolicy> =>
  E.mapLeft((errors: ReadonlyArray<FieldError>): RulebookPolicyError => ({
    code: 'POLICY_VALUES_UNDECODABLE',
    message: 'The policy values are not valid.',
    errors,
  }))(decodeWith(RulebookPolicy)(input));

const decodedDefaults = RulebookPolicy.decode(rulebookDefaultsInput);
if (E.isLeft(decodedDefaults)) throw new Error('The rulebook defaults do not satisfy their own codec.');

/** The numbers of the rulebook (shared/DOMAIN.md), as they stand when nothing else is configured. */
export const rulebookDefaults: RulebookPolicy = decodedDefaults.right;

/**
 * The label of the defaults. `rulebook-1` (caseledger 0.1) counted a return's window to its
 * acceptance; `rulebook-2` counts it to the claim's filing (W-2).
 */
export const RULEBOOK_DEFAULT_VERSION = 'rulebook-2';

/** The rulebook's defaults as the single version of a policy set, in force since the epoch. */
export const defaultPolicies: PolicySet<RulebookPolicy> = {
  versions: [{ version: RULEBOOK_DEFAULT_VERSION, inForceFrom: instantFromEpochMs(0), values: rulebookDefaults }],
};

/**
 * A company's own policy versions, e.g. read from a JSON file:
 * `[{ version: '2027-returns-6m', inForceFrom: '2027-01-01T00:00:00+08:00', values: { warranty: { returnWindowMonths: 6 } } }]`.
 * Each version gives only the values it changes; the rest are the base's (the rulebook's defaults
 * unless another base is given), and the result is checked as a whole.
 */
export const PolicyVersionsInput = t.readonlyArray(
  t.readonly(t.type({ version: t.string, inForceFrom: Instant, values: t.UnknownRecord }), 'PolicyVersion'),
  'PolicyVersions',
);

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u);

/** The base with the given values laid over it, object by object; anything else given replaces the base's value. */
export const overlayValues = (base: unknown, given: unknown): unknown => {
  if (!isRecord(base) || !isRecord(given)) return given === undefined ? base : given;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(given)) out[key] = overlayValues(base[key], given[key]);
  return out;
};

type AnyDecoder = t.Decoder<unknown, unknown>;

/** The fields of an object codec (through readonly, refinements and intersections), or `undefined`. */
const fieldsOf = (codec: AnyDecoder): Readonly<Record<string, AnyDecoder>> | undefined => {
  if (codec instanceof t.ReadonlyType || codec instanceof t.RefinementType || codec instanceof t.ExactType) return fieldsOf(codec.type);
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) return codec.props;
  if (codec instanceof t.IntersectionType) {
    const members: ReadonlyArray<AnyDecoder> = codec.types;
    return members.reduce<Readonly<Record<string, AnyDecoder>>>((all, m) => ({ ...all, ...fieldsOf(m) }), {});
  }
  return undefined;
};

const unwrapped = (codec: AnyDecoder): AnyDecoder =>
  codec instanceof t.ReadonlyType || codec instanceof t.RefinementType || codec instanceof t.ExactType ? unwrapped(codec.type) : codec;

/** Values renamed since an earlier version, with what to write instead. */
const renamed: Readonly<Record<string, string>> = {
  'warranty.returnWindowMonths': 'nothing here: it became warranty.returnGrounds.company.within, e.g. "3 months"',
};

/**
 * The names a policy file gives that the policy does not have: a typo, or a value renamed since,
 * would otherwise be dropped without a word and the default would apply.
 */
const unknownNames = (codec: AnyDecoder, given: unknown, path: string): ReadonlyArray<FieldError> => {
  const inner = unwrapped(codec);
  if (inner instanceof t.UnionType) {
    const members: ReadonlyArray<AnyDecoder> = inner.types;
    const objectMember = members.find((m) => fieldsOf(m) !== undefined);
    return objectMember === undefined || !isRecord(given) ? [] : unknownNames(objectMember, given, path);
  }
  if (inner instanceof t.DictionaryType) {
    const codomain: AnyDecoder = inner.codomain;
    return isRecord(given) ? Object.entries(given).flatMap(([k, v]) => unknownNames(codomain, v, `${path}.${k}`)) : [];
  }
  const fields = fieldsOf(inner);
  if (fields === undefined || !isRecord(given)) return [];
  return Object.entries(given).flatMap(([k, v]): ReadonlyArray<FieldError> => {
    const at = path === '' ? k : `${path}.${k}`;
    const field = Object.hasOwn(fields, k) ? fields[k] : undefined;
    if (field === undefined)
      return [{ path: at, expected: renamed[at] ?? 'nothing here: no policy value has this name', found: v === null ? 'null' : `a value` }];
    return unknownNames(field, v, at);
  });
};

const undecodable = (errors: ReadonlyArray<FieldError>): RulebookPolicyError => ({
  code: 'POLICY_VALUES_UNDECODABLE',
  message: 'The policy versions are not valid.',
  errors,
});

/** Policy values as a policy file writes them (windows as text), so a file's values lay over them. */
const encodedBase = (base: RulebookPolicy): unknown => RulebookPolicy.encode(base);

/**
 * Policy values given as plain data (only the ones that change), laid over `base` and checked as a
 * whole: every bad or unknown name is reported by its path.
 */
export const policyValuesOver =
  (base: RulebookPolicy) =>
  (given: unknown): E.Either<ReadonlyArray<FieldError>, RulebookPolicy> => {
    const unknown = unknownNames(RulebookPolicy, given, '');
    return unknown.length > 0 ? E.left(unknown) : decodeWith(RulebookPolicy)(overlayValues(encodedBase(base), given));
  };

/** What a registry's case types say of the values given for them under `caseTypes`: an unknown category, or a value their codec refuses. */
const caseTypeValueErrors = (registry: CaseTypeRegistry, values: RulebookPolicy): ReadonlyArray<FieldError> =>
  Object.keys(values.caseTypes ?? {}).flatMap((category): ReadonlyArray<FieldError> => {
    const at = `caseTypes.${category}`;
    const entry = registry.find(category);
    if (entry === undefined) return [{ path: at, expected: `nothing here: no registered case type is ${JSON.stringify(category)}`, found: 'a value' }];
    return entry.use((caseType) => {
      const read = caseType.policy?.read(values);
      if (read === undefined) return [{ path: at, expected: `nothing here: case type ${category} has no policy values`, found: 'a value' }];
      return E.isLeft(read) ? read.left.map((e) => ({ ...e, path: e.path === '(root)' ? at : `${at}.${e.path}` })) : [];
    });
  });

/**
 * Read a company's policy versions, each over `base` (default: the rulebook's defaults); every bad
 * field is named by path. Given the registry, the values of its case types of one's own
 * (`caseTypes.<category>`) are checked by each case type's codec too.
 */
export const decodePolicySet = (
  input: unknown,
  base: RulebookPolicy = rulebookDefaults,
  registry?: CaseTypeRegistry,
): E.Either<RulebookPolicyError, PolicySet<RulebookPolicy>> =>
  pipe(
    decodeWith(PolicyVersionsInput)(input),
    E.mapLeft(undecodable),
    E.chain((versions) => {
      const decoded: PolicyVersion<RulebookPolicy>[] = [];
      const errors: FieldError[] = [];
      const over = policyValuesOver(base);
      versions.forEach((v, i) => {
        const values = over(v.values);
        const valueErrors = E.isLeft(values) ? values.left : registry === undefined ? [] : caseTypeValueErrors(registry, values.right);
        if (valueErrors.length > 0) errors.push(...valueErrors.map((e) => ({ ...e, path: `${i}.values${e.path === '(root)' ? '' : `.${e.path}`}` })));
        else if (E.isRight(values)) decoded.push({ version: v.version, inForceFrom: v.inForceFrom, values: values.right });
      });
      return errors.length > 0 ? E.left(undecodable(errors)) : E.right(decoded);
    }),
    E.chainW((versions: ReadonlyArray<PolicyVersion<RulebookPolicy>>) => makePolicySet(versions)),
  );
