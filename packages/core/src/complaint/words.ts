/** This case type's values (and its name) in Chinese, for summaries and reports; English keeps the values as they are. */
import type { Vocabulary } from '../inLanguage.js';

export const complaintWords = {
  // C-1: channels and severities.
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
  // C-3: responsibility.
  internal: '内部原因',
  external: '外部原因',
  // Why a joint review was convened (C-9).
  'cannot-fix-in-time': '无法按时解决',
  'cause-unknown': '原因不明',
  'responsibility-unclear': '责任不清',
  // The case type.
  complaint: '投诉',
} as const satisfies Vocabulary;
