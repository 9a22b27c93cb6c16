/**
 * J-0 … J-4: a jurisdiction preset is a versioned policy set with the rules the law adds (return
 * grounds, warranty periods, refund deadlines), each figure with the article it comes from. A
 * company's policy is a preset plus its own values; `companyPolicy` refuses a value that gives the
 * customer less than the preset (J-0).
 */
import * as E from 'fp-ts/lib/Either.js';
import { type Instant, describeFieldErrors } from '../codecs.js';
import { type PolicySet, type PolicyVersion, makePolicySet } from '../policy.js';
import { type RulebookPolicy, policyValuesOver, rulebookDefaults } from '../rulebookPolicy.js';
import type { RuleId } from '../violation.js';

/** How the library holds an article: as a return ground, a floor under a value, a deadline, or in the docs only. */
export const citationUses = ['ground', 'floor', 'deadline', 'not-enforced'] as const;
export type CitationUse = (typeof citationUses)[number];

/** One article a preset relies on. */
export interface Citation {
  readonly rule: RuleId;
  /** The law and its article, e.g. `部分商品修理更换退货责任规定 (国经贸[1995]458号) art. 9`. */
  readonly source: string;
  /** What the preset reads in it, in a line. */
  readonly reading: string;
  /**
   * Whether the figure was checked against the article's text. `false` marks a reading taken from
   * secondary sources: check it against the official text before relying on it.
   */
  readonly checked: boolean;
  readonly use: CitationUse;
}

/** The warranty values a law can fix as a floor (J-0). Return grounds are floors too, each of the preset's. */
export const floorValues = [
  'productWarranty',
  'repairCompletion',
  'roofingAndWaterproofingYears',
  'installationAndDecorationYears',
  'heatingSeasons',
  'coolingSeasons',
  'returnWindowCountsTo',
] as const;
export type FloorValue = (typeof floorValues)[number];

export interface LegalFloor {
  readonly value: FloorValue;
  readonly rule: RuleId;
  readonly source: string;
}

export interface JurisdictionPreset {
  /** Recorded in every decision taken under it, e.g. `CN-consumer`. */
  readonly id: string;
  readonly name: string;
  readonly rules: ReadonlyArray<RuleId>;
  readonly citations: ReadonlyArray<Citation>;
  /** The values the law fixes, besides the preset's return grounds. */
  readonly floors: ReadonlyArray<LegalFloor>;
  readonly policies: PolicySet<RulebookPolicy>;
}

/**
 * A preset's version: the rulebook's values with the law's laid over them. The data is the
 * library's own and is checked when the module loads, like the rulebook's defaults.
 */
export const presetVersion = (version: string, inForceFrom: Instant, values: unknown): PolicyVersion<RulebookPolicy> => {
  const decoded = policyValuesOver(rulebookDefaults)(values);
  if (E.isLeft(decoded)) throw new Error(`Preset ${version} does not satisfy the policy codec: ${describeFieldErrors(decoded.left)}`);
  return { version, inForceFrom, values: decoded.right };
};

export const presetPolicies = (versions: ReadonlyArray<PolicyVersion<RulebookPolicy>>): PolicySet<RulebookPolicy> => {
  const set = makePolicySet(versions);
  if (E.isLeft(set)) throw new Error(`A preset's versions are not a policy set: ${set.left.message}`);
  return set.right;
};
