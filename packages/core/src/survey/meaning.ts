/** What each survey event means to an auditor, in the language asked for. */
import type { EventMeaning } from '../caseType.js';
import { sayIn } from '../inLanguage.js';
import type { Locale } from '../ruleCatalogue.js';
import type { SurveyEvent } from './messages.js';
import type { SurveyState } from './state.js';

export const describeSurveyEvent = (e: SurveyEvent, locale?: Locale): EventMeaning => {
  const say = sayIn(locale);
  return e.type === 'SurveySent'
    ? {
        rules: ['S-1'],
        summary: say(`Survey for ${e.period} sent (${e.items.length} items)`, `发出 ${e.period} 满意度调查表（${e.items.length} 个项目）`),
        specialCase: false,
      }
    : { rules: ['S-1', 'S-2'], summary: say(`Survey returned: overall ${e.overall}`, `调查表已收回：总体评价 ${e.overall}`), specialCase: false };
};

/** A survey's status: sent or returned. */
export const surveyStatus = (s: SurveyState): string => s.status;
