/** Builds warranty commands for tests: plain objects decoded through the real codec. */
import { type BusinessCalendar, WarrantyCommand, defaultCalendar, defaultPolicies, warrantyClaimDecider } from '../../src/index.js';
import { cs } from '../fixtures/people.js';
import { commandsFor } from '../fixtures/values.js';

export const CLAIM = 'W-2026-0042';

export const command = commandsFor(WarrantyCommand.codec, CLAIM);

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
