/**
 * Warranty claims (W-1 … W-10): what each rule asks, in every language reports are written in — a title and the
 * rule's text, from the rulebook and, for the Chinese, the procedure documents it was drawn from.
 */
import type { RuleTexts } from '../ruleCatalogue.js';

export const warrantyRules = {
  'W-1': {
    en: { title: 'Record the claim', text: 'On filing, record purchase date, model, serial number and reason.' },
    'zh-CN': { title: '登记申请', text: '受理时登记购买日期、型号、序列号和原因。' },
  },
  'W-2': {
    en: {
      title: 'Returns within 3 months',
      text: 'A return is accepted only for a product shipped within 3 months of the request whose defect quality confirmed as intrinsic, unless a special case is approved.',
    },
    'zh-CN': { title: '3 个月内退货', text: '只有出货 3 个月内提出、且经品质部确认为产品本身质量问题的，方可退货；经批准的特殊情况除外。' },
  },
  'W-3': {
    en: {
      title: 'Special cases',
      text: 'A return or exchange outside the rules is approved only by the general manager, with a written justification, for the customer’s benefit.',
    },
    'zh-CN': { title: '特殊情况特殊处理', text: '不符合规定的退换货，须由总经理书面说明理由并批准，且须有利于客户。' },
  },
  'W-4': {
    en: {
      title: 'Return slip signed before booking',
      text: 'When returned goods arrive, customer service issues a slip naming ship date and reason; the sales manager signs it before finance books it.',
    },
    'zh-CN': { title: '退货单签字后入账', text: '退货到达后，客服部开具注明出货日期和原因的退换货单，经业务经理签字后由财务部入账。' },
  },
  'W-5': {
    en: { title: 'Exchanges after receipt', text: 'A replacement ships only after the returned unit was received and the slip issued.' },
    'zh-CN': { title: '收到退货后换货', text: '须在收到退回的产品并开具退换货单后，方可发出换货。' },
  },
  'W-6': {
    en: {
      title: 'Repairs',
      text: 'Record quantity and defect; in warranty the repair is free; out of warranty with a main component damaged, repair starts only after the customer’s signed consent to the quote.',
    },
    'zh-CN': { title: '维修', text: '登记数量和故障；保修期内免费维修；超过保修期且主要部件损坏的，须经客户签字同意报价后方可维修。' },
  },
  'W-7': {
    en: { title: 'Inspected before shipping back', text: 'A repaired unit ships back only after quality’s inspection passed.' },
    'zh-CN': { title: '检验合格后发回', text: '维修后的产品须经品质部检验合格后方可发回。' },
  },
  'W-8': {
    en: {
      title: 'Construction defects',
      text: 'A construction defect is confirmed within 2 days of the notice; the repair plan is approved, the repair done and inspected, and the owner signs acceptance.',
    },
    'zh-CN': { title: '工程质量缺陷', text: '接到通知后 2 天内确认缺陷；维修方案经部门负责人批准，维修完成并经检验后，由业主签字验收。' },
  },
  'W-9': {
    en: {
      title: 'Warranty periods',
      text: 'Warranty periods by category, from handover or delivery: structure for its design life, roofing and waterproofing 5 years, heating and cooling two seasons, installations and decoration 2 years, products per category.',
    },
    'zh-CN': {
      title: '保修期限',
      text: '按类别自交付之日起计：主体结构为设计使用年限，屋面防水、有防水要求的房间和外墙 5 年，供热与供冷两个采暖期或供冷期，电气、给排水、设备安装和装修 2 年，产品按类别。',
    },
  },
  'W-10': {
    en: {
      title: 'Follow-up visits',
      text: 'During the warranty, visits every 3 months in the first half year after handover, then every 6 months; at least one.',
    },
    'zh-CN': { title: '回访', text: '保修期内，交付后半年内每 3 个月回访一次，之后每 6 个月一次；至少回访一次。' },
  },
} as const satisfies RuleTexts;
