/**
 * What each warranty-claim event means to an auditor, and the status of a claim. Summaries never
 * quote customer data (T-10).
 */
import type { EventMeaning } from '../caseType.js';
import { sayIn, wordsIn } from '../inLanguage.js';
import { warrantyWords } from './words.js';
import type { Locale } from '../ruleCatalogue.js';
import type { RuleId } from '../violation.js';
import type { WarrantyEvent } from './messages.js';
import type { WarrantyClaimState } from './state.js';

const m = (rules: ReadonlyArray<RuleId>, summary: string, specialCase = false): EventMeaning => ({ rules, summary, specialCase });

export const describeWarrantyEvent = (e: WarrantyEvent, locale?: Locale): EventMeaning => {
  const say = sayIn(locale);
  const word = wordsIn(warrantyWords)(locale);
  switch (e.type) {
    case 'ClaimFiled': {
      const unit =
        e.unit === undefined
          ? ''
          : say(
              ` for ${e.unit.model} (${e.unit.category}), shipped ${e.unit.shippedOn}`,
              `，产品 ${e.unit.model}（${e.unit.category}），${e.unit.shippedOn} 出货`,
            );
      const work =
        e.work === undefined ? '' : say(` for ${e.work.element}, handed over ${e.work.handedOverOn}`, `，部位 ${e.work.element}，${e.work.handedOverOn} 交付`);
      return m(['W-1'], say(`${e.kind} claim filed${unit}${work}`, `受理${word(e.kind)}申请${unit}${work}`));
    }
    case 'DefectInspected': {
      const excluded = e.exclusion === undefined ? '' : say(`, excluded: ${e.exclusion}`, `，不在保修范围：${word(e.exclusion)}`);
      return m(['W-2'], say(`Quality inspection: ${e.verdict}${excluded}`, `品质检验：${word(e.verdict)}${excluded}`));
    }
    case 'SpecialCaseApproved':
      return m(['W-3'], say(`SPECIAL CASE approved by ${e.by.id} (${e.by.role})`, `特殊情况，由 ${e.by.id}（${word(e.by.role)}）批准`), true);
    case 'ReturnAccepted': {
      const rules: ReadonlyArray<RuleId> = [...new Set<RuleId>([e.rule, ...(e.specialCase ? ['W-3' as const] : [])])];
      const window =
        e.windowEndsOn === undefined
          ? say('no ground offers it', '无适用的退货理由')
          : say(
              `ground ${e.ground ?? '?'}, window to ${e.windowEndsOn}, counted to the ${e.windowCountsTo} at ${e.countedAt}`,
              `理由 ${e.ground ?? '?'}，期限至 ${e.windowEndsOn}，按${word(e.windowCountsTo)}计至 ${e.countedAt}`,
            );
      const jurisdiction = e.jurisdiction === 'none' ? '' : `, ${e.jurisdiction}`;
      return m(
        rules,
        say(
          `Return accepted${e.specialCase ? ' AS A SPECIAL CASE' : ''} under ${e.rule}, policy ${e.policyVersion}${jurisdiction} (${window})`,
          `${e.specialCase ? '作为特殊情况' : ''}按 ${e.rule} 同意退货，政策 ${e.policyVersion}${jurisdiction}（${window}）`,
        ),
        e.specialCase,
      );
    }
    case 'ClaimRejected':
      return m(['W-2'], say('Claim rejected', '申请被拒绝'));
    case 'ReturnedGoodsReceived':
      return m(['W-4'], say(`${e.quantity} returned unit(s) received`, `收到退回产品 ${e.quantity} 件`));
    case 'ReturnSlipIssued':
      return m(['W-4'], say(`Return slip issued (ship date ${e.shipDate})`, `开具退换货单（出货日期 ${e.shipDate}）`));
    case 'ReturnSlipSigned':
      return m(['W-4'], say(`Return slip signed by ${e.by.id}`, `退换货单由 ${e.by.id} 签字`));
    case 'ReturnBooked':
      return m(['W-4'], say('Return booked by finance', '财务部已入账'));
    case 'ReplacementShipped':
      return m(['W-5'], say('Replacement shipped', '已发出换货'));
    case 'RepairUnitReceived':
      return m(['W-6'], say(`${e.quantity} unit(s) received for repair`, `收到待修产品 ${e.quantity} 件`));
    case 'RepairAssessed': {
      const excluded = e.exclusion === undefined ? '' : say(`, excluded: ${e.exclusion}`, `，不在保修范围：${word(e.exclusion)}`);
      return m(
        ['W-6', 'W-9'],
        say(
          `Repair assessed: ${e.inWarranty ? 'in warranty' : 'out of warranty'}${excluded}${e.feeRequired ? ', fee required' : ', free'} (policy ${e.policyVersion})`,
          `维修评估：${e.inWarranty ? '保修期内' : '超过保修期'}${excluded}${e.feeRequired ? '，须收费' : '，免费'}（政策 ${e.policyVersion}）`,
        ),
      );
    }
    case 'FeeQuoteSent':
      return m(['W-6'], say('Fee quote sent', '已发出维修报价'));
    case 'RepairConsentRecorded':
      return m(['W-6'], e.consented ? say('Customer consented to the fee (signed)', '客户签字同意收费') : say('Customer declined the fee', '客户不同意收费'));
    case 'RepairStarted':
      return m(['W-6', 'W-8'], say('Repair started', '开始维修'));
    case 'RepairCompleted':
      return m(['W-7', 'W-8'], say('Repair completed', '维修完成'));
    case 'RepairInspected':
      return m(['W-7', 'W-8'], say(`Quality inspection of the repair: ${e.passed ? 'passed' : 'FAILED'}`, `维修品质检验：${e.passed ? '合格' : '不合格'}`));
    case 'RepairedUnitShipped':
      return m(['W-7'], say('Repaired unit shipped back', '维修后的产品已发回'));
    case 'UnitReturnedUnrepaired':
      return m(['W-6'], say('Unit returned unrepaired', '产品未修退回'));
    case 'ConstructionDefectConfirmed':
      return m(['W-8'], say('Construction defect confirmed', '已确认工程质量缺陷'));
    case 'RepairPlanApproved':
      return m(['W-8'], say(`Repair plan approved by ${e.by.id} (${e.by.role})`, `维修方案由 ${e.by.id}（${word(e.by.role)}）批准`));
    case 'OwnerAccepted':
      return m(['W-8'], say("Owner's acceptance signed", '业主已签字验收'));
    case 'ClaimClosed':
      return m(['W-1'], say('Claim closed', '申请已结案'));
  }
};

export const warrantyClaimStatus = (s: WarrantyClaimState): string => (s.status === 'none' ? 'none' : `${s.claim.kind}: ${s.status}`);
