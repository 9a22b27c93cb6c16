/** The state of a survey form: sent, then returned. */
import type { Instant } from '../codecs.js';
import type { Customer } from '../customer.js';
import type { ItemRating, SatisfactionLevel, SurveyEvent } from './messages.js';

export interface SurveyForm {
  readonly customer: Customer;
  readonly period: string;
  readonly items: ReadonlyArray<string>;
  readonly sentAt: Instant;
}

export type SurveyState =
  | { readonly status: 'none' }
  | (SurveyForm & { readonly status: 'sent' })
  | (SurveyForm & {
      readonly status: 'returned';
      readonly ratings: ReadonlyArray<ItemRating>;
      readonly overall: SatisfactionLevel;
      readonly returnedAt: Instant;
    });

export const initialSurveyState: SurveyState = { status: 'none' };

/** Folds one event into the state; an event that does not fit leaves it as it was. */
export const evolveSurvey = (s: SurveyState, e: SurveyEvent): SurveyState => {
  switch (e.type) {
    case 'SurveySent':
      return s.status === 'none' ? { status: 'sent', customer: e.customer, period: e.period, items: e.items, sentAt: e.at } : s;
    case 'SurveyReturned':
      return s.status === 'sent' ? { ...s, status: 'returned', ratings: e.ratings, overall: e.overall, returnedAt: e.at } : s;
  }
};
