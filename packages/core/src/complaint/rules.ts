/**
 * The complaint procedure (C-1 … C-12): what each rule asks, in every language reports are written in — a title and the
 * rule's text, from the rulebook and, for the Chinese, the procedure documents it was drawn from.
 */
import type { RuleTexts } from '../ruleCatalogue.js';

export const complaintRules = {
  'C-1': {
    en: {
      title: 'Record the complaint',
      text: 'A complaint records customer, channel, description, the product concerned, severity and when it was received.',
    },
    'zh-CN': { title: '登记投诉', text: '投诉须记录客户、渠道、内容、涉及的产品、严重程度及收到时间。' },
  },
  'C-2': {
    en: {
      title: 'Acknowledge the same working day',
      text: 'Acknowledge the customer, explaining the process and the expected time, on the working day of receipt.',
    },
    'zh-CN': { title: '当个工作日内回复客户', text: '在收到投诉的当个工作日内答复客户，说明处理流程和预计时间。' },
  },
  'C-3': {
    en: {
      title: 'Classify before investigating',
      text: 'Responsibility is classified external or internal before any investigation, plan or response; if it cannot be decided, a joint review decides first.',
    },
    'zh-CN': { title: '先判定责任再调查', text: '在任何调查、方案或答复之前，须先判定责任属外部或内部；无法判定的，须先经联合评审。' },
  },
  'C-4': {
    en: {
      title: 'External: answer within 3 days',
      text: 'An external complaint gets an explanation and help within 3 days of classification; it closes once the customer confirmed receiving it.',
    },
    'zh-CN': { title: '外部原因：3 天内答复', text: '属外部原因的投诉，须在判定后 3 天内向客户解释并协助正确处理；客户确认收到解释后方可结案。' },
  },
  'C-5': {
    en: {
      title: 'Quality replies within 1 working day',
      text: 'An internal complaint is forwarded to quality, which replies in writing within 1 working day; only quality replies, finds the root cause and verifies actions.',
    },
    'zh-CN': {
      title: '品质部 1 个工作日内书面回复',
      text: '属内部原因的投诉，须将投诉单转交品质部，品质部须在 1 个工作日内书面回复；只有品质部可回复、分析原因和验证措施。',
    },
  },
  'C-6': {
    en: { title: 'Samples re-inspected', text: 'Defective samples may be requested; when samples or returned goods arrive, quality re-inspects all of them.' },
    'zh-CN': { title: '样品复检', text: '可向客户索取不良样品；样品或退货到达后，品质部须全数复检。' },
  },
  'C-7': {
    en: {
      title: 'Root cause, plan within 3 working days',
      text: 'Quality names the root cause and the responsible department, which submits a CAPA plan within 3 working days; the resolution is reported within 7 days of receipt.',
    },
    'zh-CN': {
      title: '原因分析，3 个工作日内提交方案',
      text: '品质部确定原因和责任部门，责任部门须在 3 个工作日内提交纠正预防措施方案；须在收到投诉后 7 天内向客户报告处理结果。',
    },
  },
  'C-8': {
    en: {
      title: 'Plans implemented and verified',
      text: 'The responsible department implements a plan, quality verifies it; a plan verified not effective needs a new one.',
    },
    'zh-CN': { title: '方案实施与验证', text: '责任部门实施方案，品质部验证；验证无效的，须重新制定方案。' },
  },
  'C-9': {
    en: {
      title: 'Joint review',
      text: 'When the problem cannot be fixed in time, the cause is unknown or responsibility unclear, the sales manager (the general manager for major problems) convenes a joint review, which records its decision.',
    },
    'zh-CN': { title: '联合评审', text: '问题无法及时解决、原因不明或责任不清时，由业务经理召集联合评审（重大质量问题由总经理主持），评审须记录结论。' },
  },
  'C-10': {
    en: {
      title: 'The customer accepts or rejects',
      text: 'The customer is told the cause, the actions and the result; a rejection needs a new plan, until the customer accepts.',
    },
    'zh-CN': { title: '客户接受或不接受', text: '向客户说明原因、措施和结果，由客户确认是否接受；不接受的，须重新制定方案，直至客户接受。' },
  },
  'C-11': {
    en: {
      title: 'A disputed determination',
      text: 'When the customer disputes quality’s determination, the sample is kept until an independent appraisal is recorded, and the determination follows it.',
    },
    'zh-CN': { title: '对判定有异议', text: '客户对品质部的判定有异议时，样品须保留，直至记录第三方鉴定结果，并以鉴定结果为准。' },
  },
  'C-12': {
    en: {
      title: 'Closing an internal complaint',
      text: 'An internal complaint closes only with an effective, verified plan and the customer’s acceptance; a closed complaint accepts nothing but a manager’s reopening.',
    },
    'zh-CN': { title: '内部投诉结案', text: '内部投诉须有验证有效的纠正预防措施并记录客户接受后方可结案；结案后除经理重新开启外不再办理任何步骤。' },
  },
} as const satisfies RuleTexts;
