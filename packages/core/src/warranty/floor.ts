/**
 * J-0, the warranty's part: the ways a company's warranty values give the customer less than a
 * preset's — a legal ground taken away or narrowed (a shorter window, a later start, a remedy, a
 * channel taken away, goods excluded, a slower refund), a shorter warranty, a slower repair.
 * `jurisdictions/floor.ts` asks it for every preset version a company policy is built on.
 */
import type { FloorBreach } from '../jurisdictions/floor.js';
import type { FloorValue, JurisdictionPreset } from '../jurisdictions/preset.js';
import type { RuleId } from '../violation.js';
import { describeWindow, windowAtLeast } from '../window.js';
import type { ReturnGround, WarrantyPolicy, WindowStart } from './policy.js';

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

const valueBreaches = (value: FloorValue, law: WarrantyPolicy, given: WarrantyPolicy, rule: RuleId, source: string): ReadonlyArray<FloorBreach> => {
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
        const months = (w: WarrantyPolicy) =>
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

/** The warranty values of `given` that give the customer less than the preset's `law`, and the grounds the law has that `given` narrows. */
export const warrantyFloorBreaches = (floors: JurisdictionPreset['floors'], law: WarrantyPolicy, given: WarrantyPolicy): ReadonlyArray<FloorBreach> => [
  ...Object.entries(law.returnGrounds).flatMap(([key, ground]) =>
    ground === null ? [] : groundBreaches(key, ground, Object.hasOwn(given.returnGrounds, key) ? given.returnGrounds[key] : undefined),
  ),
  ...floors.flatMap((f) => valueBreaches(f.value, law, given, f.rule, f.source)),
];
