/**
 * What each rule of the rulebook asks, in the languages reports are written in: a title and the
 * rule's text, from the rulebook (docs/domain.md) and, for the Chinese, the procedure documents it
 * was drawn from. Rule ids never change with the language; a report shows the id and its text.
 */
import type { CaseTypeRegistry } from './caseHistory.js';
import { caseTypes } from './caseTypes.js';

/** The languages of messages and reports. */
export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];

export const isLocale = (u: unknown): u is Locale => typeof u === 'string' && locales.some((l) => l === u);

export interface RuleText {
  /** A few words, e.g. "Quality replies within 1 working day". */
  readonly title: string;
  /** What the rule asks, in a sentence or two. */
  readonly text: string;
}

/** Rules by id, each with its title and text in every language the library speaks (a missing one does not compile). */
export type RuleTexts = { readonly [id: string]: { readonly [L in Locale]: RuleText } };

/**
 * The rules every case type shares (T-1 … T-12: time, actors, refusals, records, the audit) and the
 * jurisdictions' (J-0 … J-4). Each case type carries its own rules' texts (`CaseType.rules`).
 */
export const kernelRules = {
  'T-1': {
    en: { title: 'Time never goes backwards', text: 'Every step carries the instant it happened; a step earlier than the case’s last event is refused.' },
    'zh-CN': { title: '时间不可倒流', text: '每一步都记录其发生的时刻；早于本案最后一个事件的步骤将被拒绝。' },
  },
  'T-2': {
    en: {
      title: 'Working days',
      text: '“Within N working days of t” ends at the end of the N-th working day after t’s local date, under the business calendar.',
    },
    'zh-CN': { title: '工作日', text: '“t 之后 N 个工作日内”截止于 t 当地日期之后第 N 个工作日结束时，按企业日历计算。' },
  },
  'T-3': {
    en: { title: 'Calendar days and hours', text: '“Within N days” or “N hours” is elapsed time: t + N × 24 h, or t + N h.' },
    'zh-CN': { title: '自然日与小时', text: '“N 天内”或“N 小时内”按经过的时间计算：t 加 N × 24 小时，或 t 加 N 小时。' },
  },
  'T-4': {
    en: { title: 'Months', text: '“Within N months of a date” compares local dates, up to the same day N months later, clamped to the month’s end.' },
    'zh-CN': { title: '月', text: '“某日起 N 个月内”按当地日期比较，截至 N 个月后的同一日，遇月末则取该月最后一日。' },
  },
  'T-5': {
    en: {
      title: 'Policy versions',
      text: 'A decision that depends on a policy value records the policy version; the version must exist and be in force at the step’s instant.',
    },
    'zh-CN': { title: '政策版本', text: '依赖政策数值的决定须记录政策版本；该版本必须存在，且在该步骤发生时有效。' },
  },
  'T-6': {
    en: { title: 'Who may act', text: 'Every step names who took it; a step only some actors may take is refused for anyone else.' },
    'zh-CN': { title: '谁可以办理', text: '每一步都须注明办理人；只限部分人员办理的步骤，其他人办理将被拒绝。' },
  },
  'T-7': {
    en: { title: 'Refusals are values', text: 'A refused step names the rule, a stable code and a message; nothing is written.' },
    'zh-CN': { title: '拒绝以结果返回', text: '被拒绝的步骤须注明规则、稳定的代码和说明；不写入任何记录。' },
  },
  'T-8': {
    en: { title: 'Deadlines are not refusals', text: 'A late step is still recorded; lateness is computed from the history as met, missed or pending.' },
    'zh-CN': { title: '期限不等于拒绝', text: '逾期的步骤照常记录；是否按期由历史记录计算，分为按期、逾期和未到期。' },
  },
  'T-9': {
    en: { title: 'Records kept 3 years', text: 'Records are kept for at least 3 years after a case closes; deleting or archiving a case earlier is refused.' },
    'zh-CN': { title: '记录保存 3 年', text: '案件结案后记录至少保存 3 年；提前删除或归档案件将被拒绝。' },
  },
  'T-10': {
    en: {
      title: 'Customer data is confidential',
      text: 'Customer contact details never reach logs or messages, and a customer can be made unreadable without breaking the audit trail.',
    },
    'zh-CN': { title: '客户资料保密', text: '客户联系资料不得出现在日志或提示信息中；可应客户要求使其资料不可读，而不破坏案件的审核记录。' },
  },
  'T-11': {
    en: {
      title: 'One rule, checked twice',
      text: 'The rule that lets a step through is the rule the audit applies to the stored event; facts a rule computes are computed again.',
    },
    'zh-CN': { title: '一条规则，两处检查', text: '允许某一步骤的规则，也是审核时对已存事件适用的规则；规则计算出的事实须重新计算。' },
  },
  'T-12': {
    en: { title: 'A stream is whole', text: 'Revisions run without gaps or repeats, every event id appears once, every event belongs to its stream.' },
    'zh-CN': { title: '事件流完整', text: '版本号连续、不重复，每个事件编号只出现一次，每个事件都属于其所在的事件流。' },
  },
  'J-0': {
    en: {
      title: 'The law’s floor',
      text: 'A company’s policy may never give the customer less than its jurisdiction preset; such a policy is refused when built.',
    },
    'zh-CN': { title: '法律底线', text: '公司政策给予客户的不得少于所在法域的预设标准；低于标准的政策在制定时即被拒绝。' },
  },
  'J-1': {
    en: {
      title: 'PRC consumer products (三包)',
      text: 'Return, exchange or repair within 7 days of sale, exchange or repair within 15 days, free repair within the warranty; exchanges after two failed repairs or a repair over 30 days.',
    },
    'zh-CN': {
      title: '中国消费品三包',
      text: '售出 7 日内可选择退货、换货或修理，15 日内可换货或修理，保修期内免费修理；两次修理仍不能正常使用或修理超过 30 日的，可换货。',
    },
  },
  'J-2': {
    en: {
      title: 'PRC distance sales',
      text: 'Goods bought at a distance may be returned without a reason within 7 days of receipt; the refund is paid within 7 days of the return’s receipt.',
    },
    'zh-CN': { title: '中国远程购物', text: '网购、电视、电话、邮购的商品，自收到之日起 7 日内可无理由退货；自收到退回商品之日起 7 日内退款。' },
  },
  'J-3': {
    en: {
      title: 'EU consumer sales',
      text: 'The seller is liable for a lack of conformity within 2 years of delivery; distance sales may be withdrawn from within 14 days, refunded within 14 days.',
    },
    'zh-CN': { title: '欧盟消费品销售', text: '交付后 2 年内出现的不符合约定由卖方负责；远程销售自收货起 14 天内可撤回，14 天内退款。' },
  },
  'J-4': {
    en: {
      title: 'PRC buildings',
      text: 'The warranty periods of construction work by category (the table of W-9), as the building-quality regulation sets them.',
    },
    'zh-CN': { title: '中国建设工程', text: '建设工程按类别的保修期限（即 W-9 的表），依《建设工程质量管理条例》第四十条。' },
  },
} as const satisfies RuleTexts;
export type KernelRuleId = keyof typeof kernelRules;

/** Every rule a registry's case types carry, with the kernel's, in the rulebook's order: T, then each case type's, then J. */
const catalogues = new WeakMap<CaseTypeRegistry, ReadonlyMap<string, RuleTexts[string]>>();
const catalogueOf = (registry: CaseTypeRegistry): ReadonlyMap<string, RuleTexts[string]> => {
  const known = catalogues.get(registry);
  if (known !== undefined) return known;
  const kernel = Object.entries(kernelRules);
  const made = new Map([
    ...kernel.filter(([id]) => id.startsWith('T-')),
    ...registry.entries.flatMap((entry) => entry.use((caseType) => Object.entries(caseType.rules))),
    ...kernel.filter(([id]) => !id.startsWith('T-')),
  ]);
  catalogues.set(registry, made);
  return made;
};

/** The ids of every rule with a text, in the rulebook's order (the built-in case types unless a registry is given). */
export const ruleIdsOf = (registry: CaseTypeRegistry = caseTypes): ReadonlyArray<string> => [...catalogueOf(registry).keys()];

/** The library's own rules: the kernel's and the built-in case types'. */
export const rulebookRuleIds: ReadonlyArray<string> = ruleIdsOf(caseTypes);

/** Whether a rule is the library's own (its text is in the rulebook) rather than a company's. */
export const isRulebookRuleId = (id: string): boolean => catalogueOf(caseTypes).has(id);

/**
 * A rule's title and text in a language, from the kernel or the case type that carries it (the
 * built-in case types unless a registry is given); `undefined` for a rule nobody gave a text.
 */
export const ruleText = (id: string, locale: Locale = 'en', registry: CaseTypeRegistry = caseTypes): RuleText | undefined =>
  catalogueOf(registry).get(id)?.[locale];
