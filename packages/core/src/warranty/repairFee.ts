/**
 * W-6: a repair in warranty is free; out of warranty (or voided by an exclusion, J-1) with a main
 * component damaged, the customer gets a quote and the repair starts only after their signed
 * consent. One rule over four steps — the assessment, the quote, the consent and the start — in
 * one place, used by the decider and so by the audit (T-11).
 */
import { localDateOf } from '../calendar.js';
import type { Instant, LocalDate } from '../codecs.js';
import type { RuleContext } from '../ruleContext.js';
import type { PolicyVersion } from '../policy.js';
import type { RulebookPolicy } from '../rulebookPolicy.js';
import type { Violation } from '../violation.js';
import { isInWarranty, warrantyEnd } from './periods.js';
import type { RepairProgress } from './state.js';
import type { Exclusion, ProductUnit } from './vocabulary.js';
import { violation } from './violations.js';

/** What the assessment of a repair records: in warranty or not, whether a fee is required, and the warranty's last day. */
export interface RepairFeeAssessment {
  readonly inWarranty: boolean;
  readonly feeRequired: boolean;
  readonly warrantyLastDay?: LocalDate;
}

/**
 * W-6, W-9, J-1: the warranty counts from the delivery (the ship date when none was recorded) or
 * from the sale, per the policy; an exclusion the policy names makes the repair a paid one in its
 * period too; a fee is required only when a main component is damaged.
 */
export const assessRepairFee = (
  calendar: RuleContext['calendar'],
  policy: PolicyVersion<RulebookPolicy>,
  unit: ProductUnit,
  at: Instant,
  damage: { readonly mainComponentDamaged: boolean; readonly exclusion?: Exclusion },
): RepairFeeAssessment => {
  const w = policy.values.warranty;
  const from = w.productWarrantyFrom === 'sale' ? unit.purchasedOn : (unit.deliveredOn ?? unit.shippedOn);
  const end = warrantyEnd(w, { kind: 'product', category: unit.category, deliveredOn: from });
  const inWarranty = isInWarranty(end, localDateOf(calendar, at));
  const voided = damage.exclusion !== undefined && w.freeRepairVoidedBy.includes(damage.exclusion);
  return { inWarranty, feeRequired: (!inWarranty || voided) && damage.mainComponentDamaged, ...(end.kind === 'ends' ? { warrantyLastDay: end.lastDay } : {}) };
};

/** W-6: a quote only for an assessed repair that requires a fee. */
export const quoteRefusal = (repair: RepairProgress): Violation | undefined =>
  repair.assessment === undefined
    ? violation('W-6', 'REPAIR_NOT_ASSESSED', 'The repair has not been assessed.')
    : repair.assessment.feeRequired
      ? undefined
      : violation('W-6', 'FEE_NOT_REQUIRED', 'This repair is free: in warranty, or no main component is damaged.');

/** W-6: the repair starts once assessed, not declined, and — where a fee is required — with the customer's signed consent. */
export const startRefusal = (repair: RepairProgress): Violation | undefined => {
  if (repair.assessment === undefined) return violation('W-6', 'REPAIR_NOT_ASSESSED', 'The repair has not been assessed.');
  if (repair.consent === 'declined') return violation('W-6', 'REPAIR_DECLINED', 'The customer declined the fee; the unit goes back unrepaired.');
  if (repair.assessment.feeRequired && repair.consent !== 'signed')
    return violation(
      'W-6',
      'REPAIR_CONSENT_MISSING',
      "Out of warranty with a main component damaged: the repair starts only after the customer's signed consent.",
    );
  return undefined;
};
