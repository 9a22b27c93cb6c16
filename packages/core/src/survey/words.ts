/** This case type's values (and its name) in Chinese, for summaries and reports; English keeps the values as they are. */
import type { Vocabulary } from '../inLanguage.js';

export const surveyWords = {
  // The case type.
  survey: '满意度调查',
} as const satisfies Vocabulary;
