/**
 * The policy values of the rulebook, each next to the rule id it serves. Companies load their own
 * versions (e.g. from JSON, through `RulebookPolicy`); `rulebookDefaults` is what the procedures
 * say when nothing else is configured.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { CaseTypeRegistry } from './caseHistory.js';
import { pipe } from 'fp-ts/lib/function.js';
import { type FieldError, Instant, NonNegativeInt, decodeWith, instantFromEpochMs } from './codecs.js';
import { type PolicyError, type PolicySet, type PolicyVersion, makePolicySet } from './policy.js';
import { ComplaintPolicy, complaintPolicyDefaults } from './complaint/policy.js';
import { ContractReviewPolicy, contractReviewPolicyDefaults } from './contractReview/policy.js';
import { InquiryPolicy, inquiryPolicyDefaults } from './inquiry/policy.js';
import { SurveyPolicy, surveyPolicyDefaults } from './survey/policy.js';
import { WarrantyPolicy, warrantyPolicyDefaults } from './warranty/policy.js';

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
export type RecordsPolicy = RulebookPolicy['records'];

const rulebookDefaultsInput = {
  jurisdiction: 'none',
  complaint: complaintPolicyDefaults,
  warranty: warrantyPolicyDefaults,
  contractReview: contractReviewPolicyDefaults,
  survey: surveyPolicyDefaults,
  inquiry: inquiryPolicyDefaults,
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
