/**
 * What each rule of the rulebook asks, in the languages reports are written in: a title and the
 * rule's text, from the rulebook (docs/domain.md) and, for the Chinese, the procedure documents it
 * was drawn from. Rule ids never change with the language; a report shows the id and its text.
 */
import type { RuleId } from './violation.js';

/** The languages of messages and reports. */
export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];

export const isLocale = (u: unknown): u is Locale => typeof u === 'string' && locales.some((l) => l === u);

/** Every rule of the rulebook, by id. */
export const rulebookRuleIds = [
  ...['T-1', 'T-2', 'T-3', 'T-4', 'T-5', 'T-6', 'T-7', 'T-8', 'T-9', 'T-10', 'T-11', 'T-12'],
  ...['C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'C-6', 'C-7', 'C-8', 'C-9', 'C-10', 'C-11', 'C-12'],
  ...['W-1', 'W-2', 'W-3', 'W-4', 'W-5', 'W-6', 'W-7', 'W-8', 'W-9', 'W-10'],
  ...['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6'],
  ...['S-1', 'S-2', 'S-3', 'S-4'],
  ...['I-1', 'I-2', 'I-3', 'I-4', 'I-5', 'I-6', 'I-7', 'I-8'],
  ...['J-0', 'J-1', 'J-2', 'J-3', 'J-4'],
] as const;
export type RulebookRuleId = (typeof rulebookRuleIds)[number];

export interface RuleText {
  /** A few words, e.g. "Quality replies within 1 working day". */
  readonly title: string;
  /** What the rule asks, in a sentence or two. */
  readonly text: string;
}

type Catalogue = { readonly [Id in RulebookRuleId]: RuleText };

const en: Catalogue = {
  'T-1': { title: 'Time never goes backwards', text: 'Every step carries the instant it happened; a step earlier than the case’s last event is refused.' },
  'T-2': {
    title: 'Working days',
    text: '“Within N working days of t” ends at the end of the N-th working day after t’s local date, under the business calendar.',
  },
  'T-3': { title: 'Calendar days and hours', text: '“Within N days” or “N hours” is elapsed time: t + N × 24 h, or t + N h.' },
  'T-4': { title: 'Months', text: '“Within N months of a date” compares local dates, up to the same day N months later, clamped to the month’s end.' },
  'T-5': {
    title: 'Policy versions',
    text: 'A decision that depends on a policy value records the policy version; the version must exist and be in force at the step’s instant.',
  },
  'T-6': { title: 'Who may act', text: 'Every step names who took it; a step only some actors may take is refused for anyone else.' },
  'T-7': { title: 'Refusals are values', text: 'A refused step names the rule, a stable code and a message; nothing is written.' },
  'T-8': { title: 'Deadlines are not refusals', text: 'A late step is still recorded; lateness is computed from the history as met, missed or pending.' },
  'T-9': { title: 'Records kept 3 years', text: 'Records are kept for at least 3 years after a case closes; deleting or archiving a case earlier is refused.' },
  'T-10': {
    title: 'Customer data is confidential',
    text: 'Customer contact details never reach logs or messages, and a customer can be made unreadable without breaking the audit trail.',
  },
  'T-11': {
    title: 'One rule, checked twice',
    text: 'The rule that lets a step through is the rule the audit applies to the stored event; facts a rule computes are computed again.',
  },
  'T-12': { title: 'A stream is whole', text: 'Revisions run without gaps or repeats, every event id appears once, every event belongs to its stream.' },
  'C-1': {
    title: 'Record the complaint',
    text: 'A complaint records customer, channel, description, the product concerned, severity and when it was received.',
  },
  'C-2': {
    title: 'Acknowledge the same working day',
    text: 'Acknowledge the customer, explaining the process and the expected time, on the working day of receipt.',
  },
  'C-3': {
    title: 'Classify before investigating',
    text: 'Responsibility is classified external or internal before any investigation, plan or response; if it cannot be decided, a joint review decides first.',
  },
  'C-4': {
    title: 'External: answer within 3 days',
    text: 'An external complaint gets an explanation and help within 3 days of classification; it closes once the customer confirmed receiving it.',
  },
  'C-5': {
    title: 'Quality replies within 1 working day',
    text: 'An internal complaint is forwarded to quality, which replies in writing within 1 working day; only quality replies, finds the root cause and verifies actions.',
  },
  'C-6': { title: 'Samples re-inspected', text: 'Defective samples may be requested; when samples or returned goods arrive, quality re-inspects all of them.' },
  'C-7': {
    title: 'Root cause, plan within 3 working days',
    text: 'Quality names the root cause and the responsible department, which submits a CAPA plan within 3 working days; the resolution is reported within 7 days of receipt.',
  },
  'C-8': {
    title: 'Plans implemented and verified',
    text: 'The responsible department implements a plan, quality verifies it; a plan verified not effective needs a new one.',
  },
  'C-9': {
    title: 'Joint review',
    text: 'When the problem cannot be fixed in time, the cause is unknown or responsibility unclear, the sales manager (the general manager for major problems) convenes a joint review, which records its decision.',
  },
  'C-10': {
    title: 'The customer accepts or rejects',
    text: 'The customer is told the cause, the actions and the result; a rejection needs a new plan, until the customer accepts.',
  },
  'C-11': {
    title: 'A disputed determination',
    text: 'When the customer disputes quality’s determination, the sample is kept until an independent appraisal is recorded, and the determination follows it.',
  },
  'C-12': {
    title: 'Closing an internal complaint',
    text: 'An internal complaint closes only with an effective, verified plan and the customer’s acceptance; a closed complaint accepts nothing but a manager’s reopening.',
  },
  'W-1': { title: 'Record the claim', text: 'On filing, record purchase date, model, serial number and reason.' },
  'W-2': {
    title: 'Returns within 3 months',
    text: 'A return is accepted only for a product shipped within 3 months of the request whose defect quality confirmed as intrinsic, unless a special case is approved.',
  },
  'W-3': {
    title: 'Special cases',
    text: 'A return or exchange outside the rules is approved only by the general manager, with a written justification, for the customer’s benefit.',
  },
  'W-4': {
    title: 'Return slip signed before booking',
    text: 'When returned goods arrive, customer service issues a slip naming ship date and reason; the sales manager signs it before finance books it.',
  },
  'W-5': { title: 'Exchanges after receipt', text: 'A replacement ships only after the returned unit was received and the slip issued.' },
  'W-6': {
    title: 'Repairs',
    text: 'Record quantity and defect; in warranty the repair is free; out of warranty with a main component damaged, repair starts only after the customer’s signed consent to the quote.',
  },
  'W-7': { title: 'Inspected before shipping back', text: 'A repaired unit ships back only after quality’s inspection passed.' },
  'W-8': {
    title: 'Construction defects',
    text: 'A construction defect is confirmed within 2 days of the notice; the repair plan is approved, the repair done and inspected, and the owner signs acceptance.',
  },
  'W-9': {
    title: 'Warranty periods',
    text: 'Warranty periods by category, from handover or delivery: structure for its design life, roofing and waterproofing 5 years, heating and cooling two seasons, installations and decoration 2 years, products per category.',
  },
  'W-10': {
    title: 'Follow-up visits',
    text: 'During the warranty, visits every 3 months in the first half year after handover, then every 6 months; at least one.',
  },
  'R-1': { title: 'Oral orders in writing', text: 'An oral order is recorded in writing (who, when) before it can be reviewed.' },
  'R-2': {
    title: 'Requirements determined',
    text: 'The review determines stated, implied, statutory and product requirements, and those for reliability, transport, support and safety.',
  },
  'R-3': {
    title: 'Approval conditions',
    text: 'A contract is approved only before signing and only when requirements are defined, differences resolved and the company can meet them.',
  },
  'R-4': {
    title: 'Departments’ opinions',
    text: 'A complex process or special materials need the opinion of every department concerned; any “cannot meet” blocks approval.',
  },
  'R-5': { title: 'Sales approves', text: 'Only the sales department approves contracts.' },
  'R-6': {
    title: 'Amendments',
    text: 'A company amendment takes effect only after the customer agreed; it is communicated to every affected department, and one that changes requirements sends the contract back to review.',
  },
  'S-1': { title: 'Five levels', text: 'Each item and the overall judgement are rated on five levels; the overall judgement is required.' },
  'S-2': { title: 'Satisfaction rate', text: 'Forms whose overall judgement is “basically satisfied” or better ÷ all returned forms.' },
  'S-3': { title: 'Dissatisfied opens a complaint', text: 'A “dissatisfied” item opens a complaint through the complaint procedure.' },
  'S-4': { title: 'Response rate', text: 'The response rate should reach the policy target (90%); below target calls for corrective action.' },
  'I-1': { title: 'Record the inquiry', text: 'Record the inquiry on receipt: customer, channel, subject, received at.' },
  'I-2': { title: 'Reply the same working day', text: 'Reply at once or by the end of the working day of receipt.' },
  'I-3': { title: 'Information within 3 working days', text: 'Where information must be gathered, reply within 3 working days of receipt.' },
  'I-4': {
    title: 'Completion date agreed',
    text: 'Where it takes longer than a week, the customer agrees to the expected completion date before the week is out; a later date needs a new agreement.',
  },
  'I-5': { title: 'The manager decides', text: 'A question the replier may not decide goes to the manager who may, and the reply names who decided.' },
  'I-6': { title: 'Oral replies confirmed in writing', text: 'An oral reply is confirmed in writing within the policy’s time.' },
  'I-7': { title: 'Service targets by channel', text: 'A phone message is answered within 24 hours, an email within 48 hours.' },
  'I-8': { title: 'An inquiry that is a complaint', text: 'An inquiry that turns out to be a complaint opens a complaint and points to it.' },
  'J-0': {
    title: 'The law’s floor',
    text: 'A company’s policy may never give the customer less than its jurisdiction preset; such a policy is refused when built.',
  },
  'J-1': {
    title: 'PRC consumer products (三包)',
    text: 'Return, exchange or repair within 7 days of sale, exchange or repair within 15 days, free repair within the warranty; exchanges after two failed repairs or a repair over 30 days.',
  },
  'J-2': {
    title: 'PRC distance sales',
    text: 'Goods bought at a distance may be returned without a reason within 7 days of receipt; the refund is paid within 7 days of the return’s receipt.',
  },
  'J-3': {
    title: 'EU consumer sales',
    text: 'The seller is liable for a lack of conformity within 2 years of delivery; distance sales may be withdrawn from within 14 days, refunded within 14 days.',
  },
  'J-4': {
    title: 'PRC buildings',
    text: 'The warranty periods of construction work by category (the table of W-9), as the building-quality regulation sets them.',
  },
};

const zhCN: Catalogue = {
  'T-1': { title: '时间不可倒流', text: '每一步都记录其发生的时刻；早于本案最后一个事件的步骤将被拒绝。' },
  'T-2': { title: '工作日', text: '“t 之后 N 个工作日内”截止于 t 当地日期之后第 N 个工作日结束时，按企业日历计算。' },
  'T-3': { title: '自然日与小时', text: '“N 天内”或“N 小时内”按经过的时间计算：t 加 N × 24 小时，或 t 加 N 小时。' },
  'T-4': { title: '月', text: '“某日起 N 个月内”按当地日期比较，截至 N 个月后的同一日，遇月末则取该月最后一日。' },
  'T-5': { title: '政策版本', text: '依赖政策数值的决定须记录政策版本；该版本必须存在，且在该步骤发生时有效。' },
  'T-6': { title: '谁可以办理', text: '每一步都须注明办理人；只限部分人员办理的步骤，其他人办理将被拒绝。' },
  'T-7': { title: '拒绝以结果返回', text: '被拒绝的步骤须注明规则、稳定的代码和说明；不写入任何记录。' },
  'T-8': { title: '期限不等于拒绝', text: '逾期的步骤照常记录；是否按期由历史记录计算，分为按期、逾期和未到期。' },
  'T-9': { title: '记录保存 3 年', text: '案件结案后记录至少保存 3 年；提前删除或归档案件将被拒绝。' },
  'T-10': { title: '客户资料保密', text: '客户联系资料不得出现在日志或提示信息中；可应客户要求使其资料不可读，而不破坏案件的审核记录。' },
  'T-11': { title: '一条规则，两处检查', text: '允许某一步骤的规则，也是审核时对已存事件适用的规则；规则计算出的事实须重新计算。' },
  'T-12': { title: '事件流完整', text: '版本号连续、不重复，每个事件编号只出现一次，每个事件都属于其所在的事件流。' },
  'C-1': { title: '登记投诉', text: '投诉须记录客户、渠道、内容、涉及的产品、严重程度及收到时间。' },
  'C-2': { title: '当个工作日内回复客户', text: '在收到投诉的当个工作日内答复客户，说明处理流程和预计时间。' },
  'C-3': { title: '先判定责任再调查', text: '在任何调查、方案或答复之前，须先判定责任属外部或内部；无法判定的，须先经联合评审。' },
  'C-4': { title: '外部原因：3 天内答复', text: '属外部原因的投诉，须在判定后 3 天内向客户解释并协助正确处理；客户确认收到解释后方可结案。' },
  'C-5': {
    title: '品质部 1 个工作日内书面回复',
    text: '属内部原因的投诉，须将投诉单转交品质部，品质部须在 1 个工作日内书面回复；只有品质部可回复、分析原因和验证措施。',
  },
  'C-6': { title: '样品复检', text: '可向客户索取不良样品；样品或退货到达后，品质部须全数复检。' },
  'C-7': {
    title: '原因分析，3 个工作日内提交方案',
    text: '品质部确定原因和责任部门，责任部门须在 3 个工作日内提交纠正预防措施方案；须在收到投诉后 7 天内向客户报告处理结果。',
  },
  'C-8': { title: '方案实施与验证', text: '责任部门实施方案，品质部验证；验证无效的，须重新制定方案。' },
  'C-9': { title: '联合评审', text: '问题无法及时解决、原因不明或责任不清时，由业务经理召集联合评审（重大质量问题由总经理主持），评审须记录结论。' },
  'C-10': { title: '客户接受或不接受', text: '向客户说明原因、措施和结果，由客户确认是否接受；不接受的，须重新制定方案，直至客户接受。' },
  'C-11': { title: '对判定有异议', text: '客户对品质部的判定有异议时，样品须保留，直至记录第三方鉴定结果，并以鉴定结果为准。' },
  'C-12': { title: '内部投诉结案', text: '内部投诉须有验证有效的纠正预防措施并记录客户接受后方可结案；结案后除经理重新开启外不再办理任何步骤。' },
  'W-1': { title: '登记申请', text: '受理时登记购买日期、型号、序列号和原因。' },
  'W-2': { title: '3 个月内退货', text: '只有出货 3 个月内提出、且经品质部确认为产品本身质量问题的，方可退货；经批准的特殊情况除外。' },
  'W-3': { title: '特殊情况特殊处理', text: '不符合规定的退换货，须由总经理书面说明理由并批准，且须有利于客户。' },
  'W-4': { title: '退货单签字后入账', text: '退货到达后，客服部开具注明出货日期和原因的退换货单，经业务经理签字后由财务部入账。' },
  'W-5': { title: '收到退货后换货', text: '须在收到退回的产品并开具退换货单后，方可发出换货。' },
  'W-6': { title: '维修', text: '登记数量和故障；保修期内免费维修；超过保修期且主要部件损坏的，须经客户签字同意报价后方可维修。' },
  'W-7': { title: '检验合格后发回', text: '维修后的产品须经品质部检验合格后方可发回。' },
  'W-8': { title: '工程质量缺陷', text: '接到通知后 2 天内确认缺陷；维修方案经部门负责人批准，维修完成并经检验后，由业主签字验收。' },
  'W-9': {
    title: '保修期限',
    text: '按类别自交付之日起计：主体结构为设计使用年限，屋面防水、有防水要求的房间和外墙 5 年，供热与供冷两个采暖期或供冷期，电气、给排水、设备安装和装修 2 年，产品按类别。',
  },
  'W-10': { title: '回访', text: '保修期内，交付后半年内每 3 个月回访一次，之后每 6 个月一次；至少回访一次。' },
  'R-1': { title: '口头订单须书面记录', text: '口头订单须先书面记录（由谁、何时）方可评审。' },
  'R-2': { title: '确定要求', text: '评审须确定客户明示的、隐含的、法律法规的和产品特定的要求，以及可靠性、运输、服务和安全方面的要求。' },
  'R-3': { title: '批准条件', text: '合同只能在签订前批准，且须要求已明确、与报价或订单的差异已解决、公司有能力满足。' },
  'R-4': { title: '相关部门意见', text: '工艺复杂或需特殊材料的订单，须有各相关部门的意见；任一部门“无法满足”即不得批准。' },
  'R-5': { title: '由业务部批准', text: '只有业务部可以批准合同。' },
  'R-6': { title: '合同变更', text: '公司提出的变更须经客户同意后生效，并通知所有相关部门；变更产品要求的，合同须重新评审。' },
  'S-1': { title: '五级评价', text: '各项目和总体评价分为五级：很满意、较满意、基本满意、不太满意、不满意；总体评价为必填。' },
  'S-2': { title: '满意率', text: '总体评价为“基本满意”及以上的调查表数 ÷ 收回的调查表总数。' },
  'S-3': { title: '不满意即转为投诉', text: '评为“不满意”的项目须按投诉程序转为投诉。' },
  'S-4': { title: '回收率', text: '回收率应达到政策目标（90%）；低于目标的须采取纠正措施。' },
  'I-1': { title: '登记咨询', text: '收到咨询时登记客户、渠道、事由和收到时间。' },
  'I-2': { title: '当个工作日内答复', text: '即时答复，或在收到当个工作日结束前答复。' },
  'I-3': { title: '3 个工作日内答复', text: '需要收集资料的，须在收到后 3 个工作日内答复。' },
  'I-4': { title: '约定完成日期', text: '一周内无法完成的，须在一周届满前告知客户预计完成日期并取得客户同意；日期延后须重新取得同意。' },
  'I-5': { title: '由经理决定', text: '答复人无权决定的问题，须转交有权决定的经理，答复中须注明由谁决定。' },
  'I-6': { title: '口头答复须书面确认', text: '口头答复须在政策规定的时间内以书面确认。' },
  'I-7': { title: '各渠道服务时限', text: '电话留言 24 小时内答复，电子邮件 48 小时内答复。' },
  'I-8': { title: '咨询转为投诉', text: '经查属于投诉的咨询，须转为投诉并注明对应的投诉。' },
  'J-0': { title: '法律底线', text: '公司政策给予客户的不得少于所在法域的预设标准；低于标准的政策在制定时即被拒绝。' },
  'J-1': {
    title: '中国消费品三包',
    text: '售出 7 日内可选择退货、换货或修理，15 日内可换货或修理，保修期内免费修理；两次修理仍不能正常使用或修理超过 30 日的，可换货。',
  },
  'J-2': { title: '中国远程购物', text: '网购、电视、电话、邮购的商品，自收到之日起 7 日内可无理由退货；自收到退回商品之日起 7 日内退款。' },
  'J-3': { title: '欧盟消费品销售', text: '交付后 2 年内出现的不符合约定由卖方负责；远程销售自收货起 14 天内可撤回，14 天内退款。' },
  'J-4': { title: '中国建设工程', text: '建设工程按类别的保修期限（即 W-9 的表），依《建设工程质量管理条例》第四十条。' },
};

const catalogues: { readonly [L in Locale]: Catalogue } = { en, 'zh-CN': zhCN };

export const isRulebookRuleId = (id: string): id is RulebookRuleId => rulebookRuleIds.some((r) => r === id);

/** A rulebook rule's title and text in a language. */
export const rulebookRuleText = (id: RulebookRuleId, locale: Locale = 'en'): RuleText => catalogues[locale][id];

/** A rule's title and text in a language; `undefined` for a company's own rule, which the company describes. */
export const ruleText = (id: RuleId | string, locale: Locale = 'en'): RuleText | undefined => (isRulebookRuleId(id) ? catalogues[locale][id] : undefined);
