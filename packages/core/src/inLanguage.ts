/** Words said in one of the languages of reports: the English and the Chinese side by side, where they are written. */
import type { Locale } from './ruleCatalogue.js';

export type Say = (en: string, zh: string) => string;

/** `say(en, zh)` in a language. */
export const sayIn =
  (locale: Locale = 'en'): Say =>
  (en, zh) =>
    locale === 'zh-CN' ? zh : en;

/** The library's vocabulary (channels, severities, responsibility, claim kinds…) in Chinese; other values stay as they are. */
const vocabularyZh: Readonly<Record<string, string>> = {
  phone: '电话',
  email: '电子邮件',
  fax: '传真',
  letter: '信函',
  visit: '来访',
  online: '网上',
  survey: '满意度调查',
  inquiry: '咨询',
  minor: '一般',
  major: '重大',
  critical: '严重',
  internal: '内部原因',
  external: '外部原因',
  return: '退货',
  exchange: '换货',
  repair: '维修',
  'construction-defect': '工程缺陷',
  written: '书面',
  oral: '口头',
  // The rulebook's functions (departments) and roles.
  sales: '销售部',
  'customer-service': '客服部',
  quality: '品质部',
  engineering: '工程部',
  production: '生产部',
  warehouse: '仓库',
  finance: '财务部',
  management: '管理层',
  staff: '职员',
  manager: '经理',
  'general-manager': '总经理',
  // Why a joint review was convened (C-9).
  'cannot-fix-in-time': '无法按时解决',
  'cause-unknown': '原因不明',
  'responsibility-unclear': '责任不清',
  // A warranty inspection's verdict and the grounds for no warranty (W-2, W-6, J-1).
  'intrinsic-defect': '产品本身质量问题',
  'not-intrinsic': '非产品本身质量问题',
  misuse: '使用不当',
  'unauthorised-repair': '擅自拆修',
  'no-warranty-documents': '无保修凭证',
  'altered-documents': '凭证涂改',
  'force-majeure': '不可抗力',
  // What a return window is counted to (W-2).
  filing: '提出申请之日',
  acceptance: '受理之日',
  // Case types (stream categories).
  complaint: '投诉',
  warrantyClaim: '保修索赔',
  contractReview: '合同评审',
};

/** A vocabulary value in a language (`phone` → `电话`). */
export const wordIn =
  (locale: Locale = 'en') =>
  (value: string): string =>
    locale === 'zh-CN' && Object.hasOwn(vocabularyZh, value) ? (vocabularyZh[value] ?? value) : value;
