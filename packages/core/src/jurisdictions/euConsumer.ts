/**
 * J-3 — EU, consumer sales: Directive (EU) 2019/771 (sale of goods, applied from 2022-01-01) and
 * Directive 2011/83/EU (consumer rights).
 *
 * The seller is liable for a lack of conformity that appears within 2 years of delivery; repair or
 * replacement comes first, free of charge; a return (termination) follows when a repair did not
 * cure the lack of conformity. A distance sale may be withdrawn from within 14 days of delivery
 * without a reason, and the price is refunded within 14 days of the customer's notice. Member
 * states may give more; a company selling in one sets its figures over this preset.
 */
import { instantFromEpochMs } from '../codecs.js';
import type { JurisdictionPreset } from './preset.js';
import { presetPolicies, presetVersion } from './preset.js';

const SALE_OF_GOODS = 'Directive (EU) 2019/771';
const CONSUMER_RIGHTS = 'Directive 2011/83/EU';

const euValues = {
  jurisdiction: 'EU-consumer',
  warranty: {
    returnGrounds: {
      company: null,
      'eu-replacement': {
        rule: 'J-3',
        source: `${SALE_OF_GOODS} arts. 10(1), 13(2)`,
        remedies: ['exchange'],
        within: '24 months',
        from: 'delivery',
        needs: 'intrinsic-defect',
      },
      'eu-termination': {
        rule: 'J-3',
        source: `${SALE_OF_GOODS} art. 13(4)`,
        remedies: ['return'],
        within: '24 months',
        from: 'delivery',
        needs: 'failed-repairs',
        failedRepairs: 1,
      },
      'eu-withdrawal': {
        rule: 'J-3',
        source: `${CONSUMER_RIGHTS} arts. 9, 13, 16`,
        remedies: ['return'],
        within: '14 days',
        from: 'delivery',
        needs: 'no-reason',
        channels: ['distance'],
        excludes: ['custom-made', 'perishable', 'hygiene-unsealed', 'digital-unsealed', 'periodical'],
        refund: { within: '14 days', from: 'request' },
      },
    },
    returnWindowCountsTo: 'filing',
    defaultProductWarrantyMonths: 24,
  },
};

/** J-3: consumer sales in the European Union, since 2022-01-01. */
export const euConsumer: JurisdictionPreset = {
  id: 'EU-consumer',
  name: 'EU consumer sales (Directives 2019/771 and 2011/83)',
  rules: ['J-3'],
  citations: [
    {
      rule: 'J-3',
      source: `${SALE_OF_GOODS} art. 10(1)`,
      reading: 'The seller is liable for a lack of conformity that appears within 2 years of delivery: free repair for 2 years.',
      checked: false,
      use: 'floor',
    },
    {
      rule: 'J-3',
      source: `${SALE_OF_GOODS} art. 13(2)`,
      reading: "Repair or replacement first, at the consumer's choice unless impossible or disproportionate.",
      checked: false,
      use: 'ground',
    },
    {
      rule: 'J-3',
      source: `${SALE_OF_GOODS} art. 13(4)`,
      reading: 'Termination (a return) when a repair or replacement did not cure the lack of conformity; read here as one failed repair.',
      checked: false,
      use: 'ground',
    },
    {
      rule: 'J-3',
      source: `${SALE_OF_GOODS} art. 11(1)`,
      reading:
        "A lack of conformity within 1 year of delivery (a member state may set 2) is presumed present at delivery: a burden of proof, recorded by quality's verdict.",
      checked: false,
      use: 'not-enforced',
    },
    {
      rule: 'J-3',
      source: `${CONSUMER_RIGHTS} arts. 9(1), 9(2)(b), 16`,
      reading:
        'A distance sale may be withdrawn from within 14 days of delivery without a reason, except custom-made, perishable, sealed goods unsealed for health or hygiene, sealed recordings or software unsealed, newspapers and periodicals.',
      checked: false,
      use: 'ground',
    },
    {
      rule: 'J-3',
      source: `${CONSUMER_RIGHTS} art. 13(1), 13(3)`,
      reading: 'The price is refunded within 14 days of the notice of withdrawal; the seller may wait until the goods are back.',
      checked: false,
      use: 'deadline',
    },
  ],
  floors: [
    { value: 'productWarranty', rule: 'J-3', source: `${SALE_OF_GOODS} art. 10(1)` },
    { value: 'returnWindowCountsTo', rule: 'J-3', source: `${CONSUMER_RIGHTS} art. 9(1)` },
  ],
  policies: presetPolicies([presetVersion('EU-consumer-2022', instantFromEpochMs(Date.parse('2022-01-01T00:00:00+01:00')), euValues)]),
};
