/** A survey form as read models keep it: sent and waiting, or returned (S-1). */
import * as t from 'io-ts';
import { Instant } from '../codecs.js';
import { Customer } from '../customer.js';
import type { CaseReadModel } from '../readModel.js';
import { ItemRating, SatisfactionLevelCodec } from './messages.js';
import type { SurveyState } from './state.js';

const form = { customer: Customer, period: t.string, items: t.readonlyArray(t.string), sentAt: Instant };

/** The survey's state as a row keeps it. */
export const SurveyStateCodec: t.Type<SurveyState, unknown, unknown> = t.union(
  [
    t.readonly(t.type({ status: t.literal('none') })),
    t.readonly(t.type({ ...form, status: t.literal('sent') })),
    t.readonly(t.type({ ...form, status: t.literal('returned'), ratings: t.readonlyArray(ItemRating), overall: SatisfactionLevelCodec, returnedAt: Instant })),
  ],
  'SurveyState',
);

export const surveyReadModel: CaseReadModel<SurveyState> = {
  state: SurveyStateCodec,
  // A form is open while it waits for the customer's return.
  summary: ({ state }) =>
    state.status === 'none' ? undefined : { status: state.status, open: state.status === 'sent', openedAt: state.sentAt, customerId: state.customer.id },
};
