/**
 * The words of the reports, one catalogue per language. Codes, rule ids, stream names and instants
 * never change with the language; headings, column names, statuses, lateness and policy values do.
 * (Event summaries and violation messages come from the case types, in English.)
 */
import { type Allowance, type CaseTypeRegistry, type Locale, wordIn } from '@caseledger/core';

export interface ReportLabels {
  readonly lang: string;
  readonly auditOf: (stream: string) => string;
  readonly caseLine: (category: string, events: number, status: string, asOf: string) => string;
  /** A value of the library's vocabulary as a person reads it: a case type, a department, a role (`production` → `生产部`). */
  readonly word: (value: string) => string;
  readonly bulkAudit: string;
  readonly bulkLine: (cases: number, events: number, asOf: string) => string;
  readonly timesIn: (zone: string) => string;
  readonly noFindings: string;
  readonly findings: (n: number) => string;
  readonly findingsInCases: (n: number, cases: number) => string;
  /** A bulk audit whose input was not read in full: said first, never beside "No findings". */
  readonly incomplete: (problems: number, findings: number, cases: number) => string;
  readonly timeline: string;
  readonly deadlines: string;
  readonly specialCases: string;
  readonly violationsInHistory: string;
  readonly violationsInHistories: string;
  readonly rulesCited: string;
  readonly companyRule: string;
  readonly none: string;
  readonly noneApplies: string;
  readonly policyProblem: string;
  readonly columns: {
    readonly rev: string;
    readonly when: string;
    readonly who: string;
    readonly what: string;
    readonly rules: string;
    readonly rule: string;
    readonly statusAfter: string;
    readonly deadline: string;
    readonly status: string;
    readonly dueBy: string;
    readonly doneAt: string;
    readonly policyAndValue: string;
    readonly approvedBy: string;
    readonly justification: string;
    readonly case: string;
    readonly type: string;
    readonly findings: string;
    readonly department: string;
    readonly month: string;
    readonly all: string;
  };
  readonly status: { readonly met: string; readonly missed: string; readonly pending: string; readonly 'not-applicable': string };
  readonly lateBadge: (rule: string) => string;
  readonly violationFlag: string;
  /** Words of the plain-text report only. */
  readonly text: { readonly rev: string; readonly approvedBy: string; readonly of: string };
  readonly specialCaseBadge: string;
  readonly lateBy: (lateness: string, done: boolean) => string;
  readonly due: string;
  readonly done: string;
  readonly lateness: {
    readonly workingDays: (n: number) => string;
    readonly hours: (n: number) => string;
    readonly minutes: (n: number) => string;
    readonly underAMinute: string;
  };
  readonly allowance: (a: Allowance) => string;
  readonly policy: (version: string, value: string | undefined) => string;
  readonly deadlineName: (name: string) => string;
  /** A case's status as its case type words it (`internal: quality-replied`, `return: open`). */
  readonly caseStatus: (status: string) => string;
  readonly provenance: {
    readonly title: string;
    readonly source: string;
    readonly tool: string;
    readonly generatedAt: string;
    readonly eventsRead: string;
    readonly sha256: string;
    readonly of: (covers: 'file' | 'events') => string;
  };
  readonly bulk: {
    readonly casesPerType: string;
    readonly missedPerRule: string;
    readonly missedPerMonth: string;
    readonly byDueMonth: string;
    readonly casesWithFindings: string;
    readonly sorted: string;
    readonly byFindings: string;
    readonly byRule: string;
    readonly byDepartment: string;
    readonly missedOf: (missed: number, applicable: number) => string;
    readonly missed: (n: number) => string;
    readonly more: (n: number) => string;
    readonly mostFindings: string;
    readonly inputProblems: (n: number) => string;
    /** T-12 across streams: the heading, and one event id met again. */
    readonly repeatedEventIds: (n: number) => string;
    readonly repeatedEventId: (again: string, first: string) => string;
  };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const deadlineNamesZh: Readonly<Record<string, string>> = {
  acknowledgement: '答复客户',
  'external-answer': '外部原因答复',
  'quality-reply': '品质部书面回复',
  'capa-plan': '纠正预防措施方案',
  'resolution-report': '报告处理结果',
  'review-decision': '评审结论',
  'same-day-reply': '当日答复',
  'information-reply': '收集资料后答复',
  'completion-agreement': '约定完成日期',
  'agreed-completion': '按约定日期完成',
  'written-confirmation': '书面确认',
  'channel-reply': '渠道服务时限',
  'defect-confirmation': '确认缺陷',
  refund: '退款',
  'repair-completion': '完成维修',
};

/** The words of the library's case statuses; a word not listed (a case type of one's own) stays as it is. */
const statusWordsZh: Readonly<Record<string, string>> = {
  none: '无',
  received: '已收到',
  external: '外部原因',
  internal: '内部原因',
  closed: '已结案',
  'not-forwarded': '未转交品质部',
  forwarded: '已转交品质部',
  'quality-replied': '品质部已回复',
  determined: '已确定原因',
  'plan-required': '须制定方案',
  planned: '已提交方案',
  implemented: '方案已实施',
  'verified-effective': '验证有效',
  'resolution-reported': '已报告结果',
  accepted: '客户已接受',
  open: '处理中',
  replied: '已答复',
  'turned-into-complaint': '已转为投诉',
  sent: '已发出',
  returned: '已收回',
  'awaiting-written-record': '待书面记录',
  'in-review': '评审中',
  approved: '已批准',
  rejected: '已拒绝',
  signed: '已签订',
  declined: '客户不同意',
  proposed: '已提出',
  'in-effect': '已生效',
  return: '退货',
  exchange: '换货',
  repair: '维修',
  'construction-defect': '工程缺陷',
};

const en: ReportLabels = {
  lang: 'en',
  auditOf: (stream) => `Audit of ${stream}`,
  caseLine: (category, events, status, asOf) => `${category} · ${plural(events, 'event', 'events')} · status ${status} · as of ${asOf}`,
  word: wordIn('en'),
  bulkAudit: 'Bulk audit',
  bulkLine: (cases, events, asOf) => `${plural(cases, 'case', 'cases')} · ${plural(events, 'event', 'events')} · as of ${asOf}`,
  timesIn: (zone) => `Times in ${zone}`,
  noFindings: 'No findings.',
  findings: (n) => `${n} finding(s).`,
  findingsInCases: (n, cases) => `${n} finding(s) in ${cases} case(s).`,
  incomplete: (problems, findings, cases) =>
    `INCOMPLETE: the input could not be read in full (${problems} input problem(s), listed below); this report covers only what was read: ${findings} finding(s) in ${cases} case(s).`,
  timeline: 'Timeline',
  deadlines: 'Deadlines',
  specialCases: 'Special cases (W-3)',
  violationsInHistory: 'Rule violations in the history',
  violationsInHistories: 'Rule violations in histories',
  rulesCited: 'Rules cited',
  companyRule: 'a rule of the company’s own',
  none: 'None.',
  noneApplies: 'None applies.',
  policyProblem: 'Policy problem',
  columns: {
    rev: 'Rev',
    when: 'When',
    who: 'Who',
    what: 'What',
    rules: 'Rules',
    rule: 'Rule',
    statusAfter: 'Status after',
    deadline: 'Deadline',
    status: 'Status',
    dueBy: 'Due by',
    doneAt: 'Done at',
    policyAndValue: 'Policy and value',
    approvedBy: 'Approved by',
    justification: 'Justification',
    case: 'Case',
    type: 'Type',
    findings: 'Findings',
    department: 'Department',
    month: 'Month',
    all: 'All',
  },
  status: { met: 'MET', missed: 'MISSED', pending: 'PENDING', 'not-applicable': 'NOT APPLICABLE' },
  lateBadge: (rule) => `LATE ${rule}`,
  violationFlag: 'VIOLATION',
  text: { rev: 'rev', approvedBy: 'approved by', of: 'of' },
  specialCaseBadge: 'SPECIAL CASE',
  lateBy: (lateness, done) => `${done ? '' : 'not done, '}late by ${lateness}`,
  due: 'due',
  done: 'done',
  lateness: {
    workingDays: (n) => plural(n, 'working day', 'working days'),
    hours: (n) => `${n} h`,
    minutes: (n) => `${n} min`,
    underAMinute: 'under a minute',
  },
  allowance: (a) =>
    a.count === 0 && a.unit === 'working-days'
      ? 'the same working day'
      : plural(
          a.count,
          { 'working-days': 'working day', days: 'day', hours: 'hour', months: 'month' }[a.unit],
          { 'working-days': 'working days', days: 'days', hours: 'hours', months: 'months' }[a.unit],
        ),
  policy: (version, value) => `policy ${version}${value === undefined ? '' : `: ${value}`}`,
  deadlineName: (name) => name,
  caseStatus: (status) => status,
  provenance: {
    title: 'Provenance',
    source: 'Source',
    tool: 'Tool',
    generatedAt: 'Generated at',
    eventsRead: 'Events read',
    sha256: 'SHA-256',
    of: (covers) => (covers === 'file' ? "(of the file's bytes)" : '(of the events read, as export lines)'),
  },
  bulk: {
    casesPerType: 'Cases per type',
    missedPerRule: 'Missed deadlines per rule',
    missedPerMonth: 'Missed deadlines per month',
    byDueMonth: 'By the month their due instant fell in.',
    casesWithFindings: 'Cases with findings',
    sorted: 'Sorted',
    byFindings: 'by findings',
    byRule: 'by rule',
    byDepartment: 'by department',
    missedOf: (missed, applicable) => `${missed} of ${applicable} missed`,
    missed: (n) => `${n} missed`,
    more: (n) => `… and ${n} more (all of them in the JSON output).`,
    mostFindings: 'Cases with the most findings',
    inputProblems: (n) => `Input problems (${n})`,
    repeatedEventIds: (n) => `Event ids in two streams (${n}, T-12)`,
    repeatedEventId: (again, first) => `${again} has the event id of ${first}: copied or moved from another case`,
  },
};

const zhCN: ReportLabels = {
  lang: 'zh-CN',
  auditOf: (stream) => `${stream} 审核报告`,
  caseLine: (category, events, status, asOf) => `${wordIn('zh-CN')(category)} · ${events} 个事件 · 状态 ${status} · 截至 ${asOf}`,
  word: wordIn('zh-CN'),
  bulkAudit: '批量审核报告',
  bulkLine: (cases, events, asOf) => `${cases} 个案件 · ${events} 个事件 · 截至 ${asOf}`,
  timesIn: (zone) => `时间均为 ${zone}`,
  noFindings: '未发现问题。',
  findings: (n) => `发现 ${n} 个问题。`,
  findingsInCases: (n, cases) => `在 ${cases} 个案件中发现 ${n} 个问题。`,
  incomplete: (problems, findings, cases) =>
    `不完整：输入未能全部读取（${problems} 个输入问题，见下文）；本报告只涵盖已读取的部分：在 ${cases} 个案件中发现 ${findings} 个问题。`,
  timeline: '时间线',
  deadlines: '期限',
  specialCases: '特殊情况（W-3）',
  violationsInHistory: '记录中的违规',
  violationsInHistories: '记录中的违规',
  rulesCited: '引用的规则',
  companyRule: '公司自定规则',
  none: '无。',
  noneApplies: '不适用。',
  policyProblem: '政策问题',
  columns: {
    rev: '版本',
    when: '时间',
    who: '办理人',
    what: '事项',
    rules: '规则',
    rule: '规则',
    statusAfter: '办理后状态',
    deadline: '期限',
    status: '结果',
    dueBy: '截止时间',
    doneAt: '完成时间',
    policyAndValue: '政策及时限',
    approvedBy: '批准人',
    justification: '理由',
    case: '案件',
    type: '类型',
    findings: '问题数',
    department: '部门',
    month: '月份',
    all: '合计',
  },
  status: { met: '按期', missed: '逾期', pending: '未到期', 'not-applicable': '不适用' },
  lateBadge: (rule) => `逾期 ${rule}`,
  violationFlag: '违规',
  text: { rev: '版本', approvedBy: '批准人', of: '/' },
  specialCaseBadge: '特殊情况',
  lateBy: (lateness, done) => `${done ? '' : '尚未完成，'}逾期 ${lateness}`,
  due: '截止',
  done: '完成',
  lateness: { workingDays: (n) => `${n} 个工作日`, hours: (n) => `${n} 小时`, minutes: (n) => `${n} 分钟`, underAMinute: '不到 1 分钟' },
  allowance: (a) =>
    a.count === 0 && a.unit === 'working-days'
      ? '当个工作日'
      : `${a.count} ${{ 'working-days': '个工作日', days: '天', hours: '小时', months: '个月' }[a.unit]}`,
  policy: (version, value) => `政策 ${version}${value === undefined ? '' : `：${value}`}`,
  deadlineName: (name) => (Object.hasOwn(deadlineNamesZh, name) ? (deadlineNamesZh[name] ?? name) : name),
  caseStatus: (status) =>
    status
      .replace(/[a-z]+(?:-[a-z]+)*/g, (word) => (Object.hasOwn(statusWordsZh, word) ? (statusWordsZh[word] ?? word) : word))
      .replace(': ', '：')
      .replace(/ \((.*)\)$/, '（$1）'),
  provenance: {
    title: '来源',
    source: '数据来源',
    tool: '工具',
    generatedAt: '生成时间',
    eventsRead: '读取事件数',
    sha256: 'SHA-256',
    of: (covers) => (covers === 'file' ? '（文件的全部字节）' : '（所读取的事件，按导出行计）'),
  },
  bulk: {
    casesPerType: '各类案件数',
    missedPerRule: '各规则逾期情况',
    missedPerMonth: '各月逾期情况',
    byDueMonth: '按截止时间所在月份统计。',
    casesWithFindings: '有问题的案件',
    sorted: '排序',
    byFindings: '按问题数',
    byRule: '按规则',
    byDepartment: '按部门',
    missedOf: (missed, applicable) => `${applicable} 个中逾期 ${missed} 个`,
    missed: (n) => `逾期 ${n} 个`,
    more: (n) => `…… 另有 ${n} 个（JSON 输出中列出全部）。`,
    mostFindings: '问题最多的案件',
    inputProblems: (n) => `输入问题（${n}）`,
    repeatedEventIds: (n) => `出现在两个事件流中的事件编号（${n}，T-12）`,
    repeatedEventId: (again, first) => `${again} 的事件编号与 ${first} 相同：由另一案件复制或移来`,
  },
};

const catalogues: { readonly [L in Locale]: ReportLabels } = { en, 'zh-CN': zhCN };

/** The words of the reports in a language; the registry's case types (the built-in ones unless given) say their own values and names. */
export const reportLabels = (locale: Locale = 'en', registry?: CaseTypeRegistry): ReportLabels => {
  const labels = catalogues[locale];
  if (registry === undefined) return labels;
  const word = wordIn(locale, registry);
  return locale === 'zh-CN' ? { ...labels, word, caseLine: (category, events, status, asOf) => labels.caseLine(word(category), events, status, asOf) } : labels;
};

/** Every deadline name the case types report, for the test that each has a translation. */
export const knownDeadlineNames: ReadonlyArray<string> = Object.keys(deadlineNamesZh);

/**
 * The language of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`, first set wins): Chinese for
 * `zh…`, English otherwise.
 */
export const localeFromEnvironment = (env: Readonly<Record<string, string | undefined>>): Locale => {
  const value = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((v) => v !== undefined && v !== '');
  return value !== undefined && /^zh/i.test(value) ? 'zh-CN' : 'en';
};
