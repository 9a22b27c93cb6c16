/**
 * J-0 — the law's floor under the company's policy. A company value that gives the customer less
 * than the preset it is built on is refused when the policy is built: a shorter window, a later
 * start, a remedy, a channel or a ground taken away, goods excluded that the law covers, a slower
 * refund, a shorter warranty. A company may always give more.
 *
 * Violation code: POLICY_BELOW_LEGAL_FLOOR, naming the value, what was given, the floor and the
 * article it comes from. Tests: packages/core/test/jurisdictions.test.ts.
 */
import type { RulebookPolicy } from '../rulebookPolicy.js';
import type { Locale } from '../ruleCatalogue.js';
import type { RuleId } from '../violation.js';
import { warrantyFloorBreaches } from '../warranty/floor.js';
import type { JurisdictionPreset } from './preset.js';

/** One value below the floor: where, what the company gave, what the law gives, and from which article. */
export interface FloorBreach {
  readonly path: string;
  readonly given: string;
  readonly floor: string;
  readonly rule: RuleId;
  readonly source: string;
}

/** A breach in a language: the value's path, what was given, the floor and its article. */
export const breachText = (b: FloorBreach, locale: Locale = 'en'): string =>
  locale === 'zh-CN'
    ? `${b.path} 为 ${b.given}，低于法定下限 ${b.floor}（${b.rule}，${b.source}）。`
    : `${b.path} gives ${b.given}; the law's floor is ${b.floor} (${b.rule}, ${b.source}).`;

/** A breach in English (`breachText` for another language). */
export const describeBreach = (b: FloorBreach): string => breachText(b);

/** J-0: everything in `given` that gives the customer less than the preset version `law`. */
export const floorBreaches = (
  preset: Pick<JurisdictionPreset, 'id' | 'floors' | 'rules'>,
  law: RulebookPolicy,
  given: RulebookPolicy,
): ReadonlyArray<FloorBreach> => {
  const jurisdiction: ReadonlyArray<FloorBreach> =
    given.jurisdiction === law.jurisdiction
      ? []
      : [{ path: 'jurisdiction', given: given.jurisdiction, floor: law.jurisdiction, rule: 'J-0', source: `the ${preset.id} preset` }];
  return [...jurisdiction, ...warrantyFloorBreaches(preset.floors, law.warranty, given.warranty)];
};
