/** This case type's values (and its name) in Chinese, for summaries and reports; English keeps the values as they are. */
import type { Vocabulary } from '../inLanguage.js';

export const contractReviewWords = {
  // the order's form.
  written: '书面',
  oral: '口头',
  // The case type.
  contractReview: '合同评审',
} as const satisfies Vocabulary;
