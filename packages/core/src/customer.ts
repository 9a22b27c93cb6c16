/** The customer of a case. Name and contact details are personal data (T-10). */
import * as t from 'io-ts';
import { NonEmptyText } from './codecs.js';

export const Customer = t.readonly(
  t.intersection([t.type({ id: NonEmptyText, name: NonEmptyText }), t.partial({ phone: NonEmptyText, email: NonEmptyText, address: NonEmptyText })]),
  'Customer',
);
export type Customer = t.TypeOf<typeof Customer>;
