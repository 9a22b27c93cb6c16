/** Builds complaint commands for tests: plain objects decoded through the real codec. */
import { type Actor, ComplaintCommand } from '../../src/index.js';
import { cs } from '../fixtures/people.js';
import { commandsFor } from '../fixtures/values.js';

export const CASE = 'C-2026-0001';

export const command = commandsFor(ComplaintCommand.codec, CASE);

export const customer = { id: 'cust-88', name: 'Shenzhen Bright Lamps Co.', phone: '+86 755 0000 1111' };

export const receive = (at = '2026-11-16T09:00:00+08:00', severity: 'minor' | 'major' | 'critical' = 'minor', actor: Actor = cs) =>
  command('ReceiveComplaint', at, actor, {
    customer,
    channel: 'phone',
    description: 'Lamp housings cracked on arrival',
    severity,
    product: { name: 'LED panel 600x600', sku: 'LP-600' },
  });
