/** Words said in one of the languages of reports: the English and the Chinese side by side, where they are written. */
import type { Locale } from './ruleCatalogue.js';

export type Say = (en: string, zh: string) => string;

/** `say(en, zh)` in a language. */
export const sayIn =
  (locale: Locale = 'en'): Say =>
  (en, zh) =>
    locale === 'zh-CN' ? zh : en;
