/** Words said in one of the languages of reports: the English and the Chinese side by side, where they are written. */
import type { Locale } from './ruleCatalogue.js';

export type Say = (en: string, zh: string) => string;

/** `say(en, zh)` in a language. */
export const sayIn =
  (locale: Locale = 'en'): Say =>
  (en, zh) =>
    locale === 'zh-CN' ? zh : en;

/** Values of a vocabulary (channels, severities, claim kinds, a case type's name…) with their Chinese. */
export type Vocabulary = { readonly [value: string]: string };

/** The kernel's words: the rulebook's functions (departments) and roles. Each case type carries its own (`CaseType.words`). */
export const kernelWords = {
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
} as const satisfies Vocabulary;

/** A value in a language, from the kernel's words and the vocabularies given (`phone` → `电话`); other values stay as they are. */
export const wordsIn =
  (...vocabularies: ReadonlyArray<Vocabulary>) =>
  (locale: Locale = 'en') =>
  (value: string): string => {
    if (locale !== 'zh-CN') return value;
    const all: ReadonlyArray<Vocabulary> = [kernelWords, ...vocabularies];
    for (const v of all) if (Object.hasOwn(v, value)) return v[value] ?? value;
    return value;
  };
