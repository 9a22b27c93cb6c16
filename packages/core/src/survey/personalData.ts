/**
 * T-10: every free-text field of this case type's events, decided once: sealed, or not personal
 * with the reason (see `personalDataCatalogue`). A new text field fails the check until it is
 * decided here.
 */
import { type TextFieldDecisionsByEvent, customerFields, notPersonal } from '../textFields.js';
import type { SurveyEvent } from './messages.js';

export const surveyPersonalData: TextFieldDecisionsByEvent<SurveyEvent> = {
  SurveySent: {
    ...customerFields,
    period: notPersonal('the period surveyed: what satisfaction statistics group by (S-2)'),
    'items[]': notPersonal("the form's questions: S-1 matches the ratings against them"),
  },
  SurveyReturned: { 'ratings[].item': notPersonal('a question of the form, rated (S-1)'), comments: 'sealed' },
};
