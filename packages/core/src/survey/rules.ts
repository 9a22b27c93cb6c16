/**
 * Satisfaction surveys (S-1 … S-4): what each rule asks, in every language reports are written in — a title and the
 * rule's text, from the rulebook and, for the Chinese, the procedure documents it was drawn from.
 */
import type { RuleTexts } from '../ruleCatalogue.js';

export const surveyRules = {
  'S-1': {
    en: { title: 'Five levels', text: 'Each item and the overall judgement are rated on five levels; the overall judgement is required.' },
    'zh-CN': { title: '五级评价', text: '各项目和总体评价分为五级：很满意、较满意、基本满意、不太满意、不满意；总体评价为必填。' },
  },
  'S-2': {
    en: { title: 'Satisfaction rate', text: 'Forms whose overall judgement is “basically satisfied” or better ÷ all returned forms.' },
    'zh-CN': { title: '满意率', text: '总体评价为“基本满意”及以上的调查表数 ÷ 收回的调查表总数。' },
  },
  'S-3': {
    en: { title: 'Dissatisfied opens a complaint', text: 'A “dissatisfied” item opens a complaint through the complaint procedure.' },
    'zh-CN': { title: '不满意即转为投诉', text: '评为“不满意”的项目须按投诉程序转为投诉。' },
  },
  'S-4': {
    en: { title: 'Response rate', text: 'The response rate should reach the policy target (90%); below target calls for corrective action.' },
    'zh-CN': { title: '回收率', text: '回收率应达到政策目标（90%）；低于目标的须采取纠正措施。' },
  },
} as const satisfies RuleTexts;
