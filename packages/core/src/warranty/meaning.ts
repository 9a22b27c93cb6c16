/**
 * What each warranty-claim event means to an auditor, and the status of a claim. Summaries never
 * quote customer data (T-10).
 */
import type { EventMeaning } from '../caseType.js';
import type { RuleId } from '../violation.js';
import type { WarrantyEvent } from './messages.js';
import type { WarrantyClaimState } from './state.js';

const m = (rules: ReadonlyArray<RuleId>, summary: string, specialCase = false): EventMeaning => ({ rules, summary, specialCase });

export const describeWarrantyEvent = (e: WarrantyEvent): EventMeaning => {
  switch (e.type) {
    case 'ClaimFiled':
      return m(['W-1'], `${e.kind} claim filed${e.unit === undefined ? '' : ` for ${e.unit.model} (${e.unit.category}), shipped ${e.unit.shippedOn}`}${e.work === undefined ? '' : ` for ${e.work.element}, handed over ${e.work.handedOverOn}`}`);
    case 'DefectInspected':
      return m(['W-2'], `Quality inspection: ${e.verdict}${e.exclusion === undefined ? '' : `, excluded: ${e.exclusion}`}`);
    case 'SpecialCaseApproved':
      return m(['W-3'], `SPECIAL CASE approved by ${e.by.id} (${e.by.role})`, true);
    case 'ReturnAccepted': {
      const rules: ReadonlyArray<RuleId> = [...new Set<RuleId>([e.rule, ...(e.specialCase ? ['W-3' as const] : [])])];
      const window = e.windowEndsOn === undefined ? 'no ground offers it' : `ground ${e.ground ?? '?'}, window to ${e.windowEndsOn}, counted to the ${e.windowCountsTo} at ${e.countedAt}`;
      const jurisdiction = e.jurisdiction === 'none' ? '' : `, ${e.jurisdiction}`;
      return m(rules, `Return accepted${e.specialCase ? ' AS A SPECIAL CASE' : ''} under ${e.rule}, policy ${e.policyVersion}${jurisdiction} (${window})`, e.specialCase);
    }
    case 'ClaimRejected':
      return m(['W-2'], 'Claim rejected');
    case 'ReturnedGoodsReceived':
      return m(['W-4'], `${e.quantity} returned unit(s) received`);
    case 'ReturnSlipIssued':
      return m(['W-4'], `Return slip issued (ship date ${e.shipDate})`);
    case 'ReturnSlipSigned':
      return m(['W-4'], `Return slip signed by ${e.by.id}`);
    case 'ReturnBooked':
      return m(['W-4'], 'Return booked by finance');
    case 'ReplacementShipped':
      return m(['W-5'], 'Replacement shipped');
    case 'RepairUnitReceived':
      return m(['W-6'], `${e.quantity} unit(s) received for repair`);
    case 'RepairAssessed':
      return m(
        ['W-6', 'W-9'],
        `Repair assessed: ${e.inWarranty ? 'in warranty' : 'out of warranty'}${e.exclusion === undefined ? '' : `, excluded: ${e.exclusion}`}${e.feeRequired ? ', fee required' : ', free'} (policy ${e.policyVersion})`,
      );
    case 'FeeQuoteSent':
      return m(['W-6'], 'Fee quote sent');
    case 'RepairConsentRecorded':
      return m(['W-6'], e.consented ? 'Customer consented to the fee (signed)' : 'Customer declined the fee');
    case 'RepairStarted':
      return m(['W-6', 'W-8'], 'Repair started');
    case 'RepairCompleted':
      return m(['W-7', 'W-8'], 'Repair completed');
    case 'RepairInspected':
      return m(['W-7', 'W-8'], `Quality inspection of the repair: ${e.passed ? 'passed' : 'FAILED'}`);
    case 'RepairedUnitShipped':
      return m(['W-7'], 'Repaired unit shipped back');
    case 'UnitReturnedUnrepaired':
      return m(['W-6'], 'Unit returned unrepaired');
    case 'ConstructionDefectConfirmed':
      return m(['W-8'], 'Construction defect confirmed');
    case 'RepairPlanApproved':
      return m(['W-8'], `Repair plan approved by ${e.by.id} (${e.by.role})`);
    case 'OwnerAccepted':
      return m(['W-8'], "Owner's acceptance signed");
    case 'ClaimClosed':
      return m(['W-1'], 'Claim closed');
  }
};

export const warrantyClaimStatus = (s: WarrantyClaimState): string => (s.status === 'none' ? 'none' : `${s.claim.kind}: ${s.status}`);
