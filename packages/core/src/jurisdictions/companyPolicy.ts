/**
 * J-0: a company's policy is a jurisdiction preset plus its own values. Each company version gives
 * only the values it changes; they are laid over the preset version in force when the company
 * version comes into force, the result is checked as a whole, and any value below the law's floor
 * is refused with the article it breaks. Before the company's first version the preset alone
 * applies. When the law changes (a new preset version), the company publishes a new version of its own.
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { type FieldError, type Instant, compareInstants, decodeWith } from '../codecs.js';
import { type PolicySet, type PolicyVersion, makePolicySet, policyAt } from '../policy.js';
import { PolicyVersionsInput, type RulebookPolicy, type RulebookPolicyError, policyValuesOver } from '../rulebookPolicy.js';
import { type FloorBreach, describeBreach, floorBreaches } from './floor.js';
import type { JurisdictionPreset } from './preset.js';

/** A floor breach in one company version (by its index in the input and its label). */
export interface VersionFloorBreach extends FloorBreach {
  readonly version: string;
  readonly index: number;
}

export type CompanyPolicyError =
  | RulebookPolicyError
  | { readonly code: 'POLICY_BELOW_LEGAL_FLOOR'; readonly message: string; readonly preset: string; readonly breaches: ReadonlyArray<VersionFloorBreach> }
  | {
      readonly code: 'POLICY_BEFORE_PRESET';
      readonly message: string;
      readonly preset: string;
      readonly version: string;
      readonly inForceFrom: string;
      readonly presetFrom: string;
    };

const undecodable = (errors: ReadonlyArray<FieldError>): CompanyPolicyError => ({
  code: 'POLICY_VALUES_UNDECODABLE',
  message: 'The policy versions are not valid.',
  errors,
});

/**
 * Build a company's policy over a preset from plain data (e.g. a JSON file):
 * `[{ version: 'acme-2027', inForceFrom: '2027-01-01T00:00:00+08:00', values: { warranty: { … } } }]`.
 */
export const companyPolicy = (preset: JurisdictionPreset, input: unknown): E.Either<CompanyPolicyError, PolicySet<RulebookPolicy>> =>
  pipe(
    decodeWith(PolicyVersionsInput)(input),
    E.mapLeft(undecodable),
    E.chain((versions): E.Either<CompanyPolicyError, ReadonlyArray<PolicyVersion<RulebookPolicy>>> => {
      const built: PolicyVersion<RulebookPolicy>[] = [];
      const errors: FieldError[] = [];
      const breaches: VersionFloorBreach[] = [];
      const presetFrom = preset.policies.versions[0]?.inForceFrom;
      for (const [index, v] of versions.entries()) {
        const law = policyAt(v.inForceFrom)(preset.policies);
        if (E.isLeft(law)) {
          return E.left({
            code: 'POLICY_BEFORE_PRESET',
            message: `Company version "${v.version}" comes into force at ${v.inForceFrom}, before the ${preset.id} preset is in force (from ${presetFrom ?? 'never'}).`,
            preset: preset.id,
            version: v.version,
            inForceFrom: v.inForceFrom,
            presetFrom: presetFrom ?? v.inForceFrom,
          });
        }
        const values = policyValuesOver(law.right.values)(v.values);
        if (E.isLeft(values)) {
          errors.push(...values.left.map((e) => ({ ...e, path: `${index}.values${e.path === '(root)' ? '' : `.${e.path}`}` })));
          continue;
        }
        breaches.push(
          ...floorBreaches(preset, law.right.values, values.right).map((b) => ({ ...b, path: `${index}.values.${b.path}`, version: v.version, index })),
        );
        built.push({ version: v.version, inForceFrom: v.inForceFrom, values: values.right });
      }
      if (errors.length > 0) return E.left(undecodable(errors));
      const first = breaches[0];
      if (first !== undefined) {
        const more = breaches.length > 1 ? ` (and ${breaches.length - 1} more)` : '';
        return E.left({
          code: 'POLICY_BELOW_LEGAL_FLOOR',
          message: `Below the law's floor under ${preset.id}: ${describeBreach(first)}${more}`,
          preset: preset.id,
          breaches,
        });
      }
      return E.right(built);
    }),
    // Before the company's first version, the preset alone applies: its versions in force until then stay in the set.
    E.chainW((built) => {
      const first = built.reduce<Instant | undefined>(
        (min, v) => (min === undefined || compareInstants(v.inForceFrom, min) < 0 ? v.inForceFrom : min),
        undefined,
      );
      const before = first === undefined ? [] : preset.policies.versions.filter((p) => compareInstants(p.inForceFrom, first) < 0);
      return makePolicySet([...before, ...built]);
    }),
  );
