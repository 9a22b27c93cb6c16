/** Builds warranty commands for tests: plain objects decoded through the real codec. */
import * as E from 'fp-ts/lib/Either.js';
import { type Actor, type BusinessCalendar, WarrantyCommand, defaultCalendar, defaultPolicies, describeFieldErrors, warrantyClaimDecider } from '../../src/index.js';
import { cs } from '../fixtures/people.js';

export const CLAIM = 'W-2026-0042';

export const command = (type: WarrantyCommand['type'], at: string, actor: Actor, fields: Record<string, unknown> = {}): WarrantyCommand => {
  const decoded = WarrantyCommand.decode({ type, caseId: CLAIM, at, actor, ...fields });
  if (E.isLeft(decoded)) throw new Error(`bad test command ${type}: ${describeFieldErrors(decoded.left)}`);
  return decoded.right;
};

export const customer = { id: 'cust-9', name: 'Wuxi Retail Ltd.', email: 'qa@wuxi-retail.example' };

export const unit = (shippedOn: string, extra: Record<string, unknown> = {}) => ({
  sku: 'DRV-40',
  model: 'Driver 40W',
  serialNumber: 'SN-778812',
  category: 'drivers',
  shippedOn,
  purchasedOn: shippedOn,
  ...extra,
});

export const file = (kind: 'return' | 'exchange' | 'repair', shippedOn: string, at = '2026-11-10T09:00:00+08:00', extra: Record<string, unknown> = {}) =>
  command('FileClaim', at, cs, { customer, kind, reason: 'Flickers after a week', unit: unit(shippedOn, extra) });

export const deciderFor = (calendar: BusinessCalendar = defaultCalendar) => warrantyClaimDecider({ policies: defaultPolicies, calendar });
