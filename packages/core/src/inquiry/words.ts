/** This case type's values (and its name) in Chinese, for summaries and reports; English keeps the values as they are. */
import type { Vocabulary } from '../inLanguage.js';

export const inquiryWords = {
  // I-1: channels; I-6: the reply's form.
  phone: '电话',
  email: '电子邮件',
  fax: '传真',
  letter: '信函',
  visit: '来访',
  written: '书面',
  oral: '口头',
  // I-8: the severity of the complaint it becomes.
  minor: '一般',
  major: '重大',
  critical: '严重',
  // The case type.
  inquiry: '咨询',
} as const satisfies Vocabulary;
