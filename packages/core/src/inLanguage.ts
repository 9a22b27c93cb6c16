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
};

/** A vocabulary value in a language (`phone` → `电话`). */
export const wordIn =
  (locale: Locale = 'en') =>
  (value: string): string =>
    locale === 'zh-CN' && Object.hasOwn(vocabularyZh, value) ? (vocabularyZh[value] ?? value) : value;
