/** A survey form has no deadline of its own: response and satisfaction rates are measured over many forms (S-4, `measures.ts`). */
import * as E from 'fp-ts/lib/Either.js';
import type { CaseDeadlines } from '../caseType.js';
import type { SurveyState } from './state.js';

export const surveyDeadlinesOf: CaseDeadlines<SurveyState> = () => () => E.right([]);
