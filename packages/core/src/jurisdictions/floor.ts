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
import type { ReturnGround, WindowStart } from '../warranty/policy.js';
import type { Locale } from '../ruleCatalogue.js';
import type { RuleId } from '../violation.js';
import { describeWindow, windowAtLeast } from '../window.js';
import type { FloorValue, JurisdictionPreset } from './preset.js';

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

// A later start gives the customer more time: the sale comes first, the delivery last.
const startOrder: Readonly<Record<WindowStart, number>> = { sale: 0, shipment: 1, delivery: 2 };
const refundOrder: Readonly<Record<'request' | 'goods-received', number>> = { request: 0, 'goods-received': 1 };

const list = (xs: ReadonlyArray<string> | undefined): string => (xs === undefined ? 'all' : xs.length === 0 ? 'none' : xs.join(', '));

/** The ways a company's version of a legal ground gives less than the law's. */
const groundBreaches = (key: string, law: ReturnGround, given: ReturnGround | null | undefined): ReadonlyArray<FloorBreach> => {
  const at = `warranty.returnGrounds.${key}`;
  const breach = (field: string, givenText: string, floorText: string): FloorBreach => ({
    path: `${at}${field}`,
    given: givenText,
    floor: floorText,
    rule: law.rule,
    source: law.source,
  });
  if (given === null || given === undefined)
    return [breach('', 'no such ground', `${describeWindow(law.within)} of ${law.from} for ${law.remedies.join(' or ')}`)];
  const out: FloorBreach[] = [];
  if (given.rule !== law.rule) out.push(breach('.rule', given.rule, law.rule));
  if (given.source !== law.source) out.push(breach('.source', given.source, law.source));
  const missing = law.remedies.filter((r) => !given.remedies.includes(r));
  if (missing.length > 0) out.push(breach('.remedies', list(given.remedies), list(law.remedies)));
  if (!windowAtLeast(given.within, law.within)) out.push(breach('.within', describeWindow(given.within), `at least ${describeWindow(law.within)}`));
  if (startOrder[given.from] < startOrder[law.from]) out.push(breach('.from', given.from, law.from));
  const needsLess = given.needs === law.needs || given.needs === 'no-reason';
  if (!needsLess) out.push(breach('.needs', given.needs, law.needs));
  if (law.needs === 'failed-repairs' && given.needs === 'failed-repairs' && (given.failedRepairs ?? 2) > (law.failedRepairs ?? 2)) {
    out.push(breach('.failedRepairs', String(given.failedRepairs ?? 2), `at most ${law.failedRepairs ?? 2}`));
  }
  if (law.needs === 'overdue-repairs' && given.needs === 'overdue-repairs' && (given.overdueRepairs ?? 1) > (law.overdueRepairs ?? 1)) {
    out.push(breach('.overdueRepairs', String(given.overdueRepairs ?? 1), `at most ${law.overdueRepairs ?? 1}`));
  }
  const newlyVoiding = (given.voidedBy ?? []).filter((x) => !(law.voidedBy ?? []).includes(x));
  if (newlyVoiding.length > 0) out.push(breach('.voidedBy', list(given.voidedBy), list(law.voidedBy)));
  const channelsKept = given.channels === undefined || (law.channels !== undefined && law.channels.every((c) => given.channels?.includes(c) === true));
  if (!channelsKept) out.push(breach('.channels', list(given.channels), list(law.channels)));
  const newlyExcluded = (given.excludes ?? []).filter((n) => !(law.excludes ?? []).includes(n));
  if (newlyExcluded.length > 0) out.push(breach('.excludes', list(given.excludes), list(law.excludes)));
  if (law.refund !== undefined) {
    const refund = given.refund;
    if (refund === undefined) out.push(breach('.refund', 'no refund deadline', `${describeWindow(law.refund.within)} of ${law.refund.from}`));
    else {
      if (!windowAtLeast(law.refund.within, refund.within))
        out.push(breach('.refund.within', describeWindow(refund.within), `at most ${describeWindow(law.refund.within)}`));
      if (refundOrder[refund.from] > refundOrder[law.refund.from]) out.push(breach('.refund.from', refund.from, law.refund.from));
    }
  }
  return out;
};

const valueBreaches = (
  value: FloorValue,
  law: RulebookPolicy['warranty'],
  given: RulebookPolicy['warranty'],
  rule: RuleId,
  source: string,
): ReadonlyArray<FloorBreach> => {
  const breach = (path: string, givenValue: string | number, floor: string | number): FloorBreach => ({
    path: `warranty.${path}`,
    given: String(givenValue),
    floor: `at least ${floor}`,
    rule,
    source,
  });
  const atLeast = (key: 'roofingAndWaterproofingYears' | 'installationAndDecorationYears' | 'heatingSeasons' | 'coolingSeasons') =>
    given[key] < law[key] ? [breach(key, given[key], law[key])] : [];
  switch (value) {
    case 'productWarranty': {
      const out: FloorBreach[] = [];
      if (given.defaultProductWarrantyMonths < law.defaultProductWarrantyMonths)
        out.push(breach('defaultProductWarrantyMonths', given.defaultProductWarrantyMonths, law.defaultProductWarrantyMonths));
      const categories = new Set([...Object.keys(law.productWarrantyMonths), ...Object.keys(given.productWarrantyMonths)]);
      for (const category of categories) {
        const months = (w: RulebookPolicy['warranty']) =>
          (Object.hasOwn(w.productWarrantyMonths, category) ? w.productWarrantyMonths[category] : undefined) ?? w.defaultProductWarrantyMonths;
        if (months(given) < months(law)) out.push(breach(`productWarrantyMonths.${category}`, months(given), months(law)));
      }
      // The sale comes before the delivery: a warranty from the sale gives less than one from the delivery.
      if (given.productWarrantyFrom === 'sale' && law.productWarrantyFrom === 'delivery') {
        out.push({ path: 'warranty.productWarrantyFrom', given: 'sale', floor: 'delivery', rule, source });
      }
      const newlyVoiding = given.freeRepairVoidedBy.filter((x) => !law.freeRepairVoidedBy.includes(x));
      if (newlyVoiding.length > 0)
        out.push({ path: 'warranty.freeRepairVoidedBy', given: list(given.freeRepairVoidedBy), floor: list(law.freeRepairVoidedBy), rule, source });
      return out;
    }
    case 'repairCompletion': {
      const lawTime = law.repairCompletion;
      if (lawTime === null) return [];
      const givenTime = given.repairCompletion;
      if (givenTime === null) return [{ path: 'warranty.repairCompletion', given: 'none', floor: `within ${describeWindow(lawTime.within)}`, rule, source }];
      return windowAtLeast(lawTime.within, givenTime.within)
        ? []
        : [
            {
              path: 'warranty.repairCompletion.within',
              given: describeWindow(givenTime.within),
              floor: `at most ${describeWindow(lawTime.within)}`,
              rule,
              source,
            },
          ];
    }
    case 'returnWindowCountsTo':
      return given.returnWindowCountsTo !== law.returnWindowCountsTo && law.returnWindowCountsTo === 'filing'
        ? [{ path: 'warranty.returnWindowCountsTo', given: given.returnWindowCountsTo, floor: 'filing', rule, source }]
        : [];
    case 'roofingAndWaterproofingYears':
    case 'installationAndDecorationYears':
    case 'heatingSeasons':
    case 'coolingSeasons':
      return atLeast(value);
  }
};

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
  const grounds = Object.entries(law.warranty.returnGrounds).flatMap(([key, ground]) =>
    ground === null ? [] : groundBreaches(key, ground, Object.hasOwn(given.warranty.returnGrounds, key) ? given.warranty.returnGrounds[key] : undefined),
  );
  const values = preset.floors.flatMap((f) => valueBreaches(f.value, law.warranty, given.warranty, f.rule, f.source));
  return [...jurisdiction, ...grounds, ...values];
};
