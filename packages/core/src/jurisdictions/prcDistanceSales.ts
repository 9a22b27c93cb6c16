/**
 * J-2 — PRC, distance sales: 消费者权益保护法 (2013 amendment, in force 2014-03-15) art. 25.
 *
 * Goods bought online, by phone, television or mail may be returned without a reason within 7 days
 * of receipt, except goods made to order, perishables, digital goods unsealed or downloaded,
 * newspapers and periodicals, and goods the customer confirmed at purchase as unsuitable for
 * return; the price is refunded within 7 days of receiving the returned goods. Distance sales are
 * consumer sales too: the preset keeps J-1's grounds, and the no-reason ground covers the
 * `distance` channel only.
 */
import { instantFromEpochMs } from '../codecs.js';
import { overlayValues } from '../rulebookPolicy.js';
import type { Citation, JurisdictionPreset } from './preset.js';
import { presetPolicies, presetVersion } from './preset.js';
import { sanbaoCitations, sanbaoFloors, sanbaoValues } from './prcConsumer.js';

const CONSUMER_LAW = '消费者权益保护法 (2013)';

const distanceValues = {
  jurisdiction: 'CN-distance',
  warranty: {
    returnGrounds: {
      'distance-no-reason': {
        rule: 'J-2',
        source: `${CONSUMER_LAW} art. 25`,
        remedies: ['return'],
        within: '7 days',
        from: 'delivery',
        needs: 'no-reason',
        channels: ['distance'],
        excludes: ['custom-made', 'perishable', 'digital-unsealed', 'periodical', 'confirmed-unsuitable'],
        refund: { within: '7 days', from: 'goods-received' },
      },
    },
  },
};

const distanceCitations: ReadonlyArray<Citation> = [
  {
    rule: 'J-2',
    source: `${CONSUMER_LAW} art. 25`,
    reading:
      'Bought online, by phone, television or mail: a return without a reason within 7 days of receipt, except goods made to order, perishables, digital goods unsealed or downloaded, newspapers and periodicals, and goods confirmed at purchase as unsuitable.',
    checked: true,
    use: 'ground',
  },
  {
    rule: 'J-2',
    source: `${CONSUMER_LAW} art. 25`,
    reading: 'The price is refunded within 7 days of receiving the returned goods.',
    checked: true,
    use: 'deadline',
  },
  {
    rule: 'J-2',
    source: `${CONSUMER_LAW} art. 25`,
    reading: 'The returned goods must be intact; the customer pays the return carriage unless agreed otherwise.',
    checked: true,
    use: 'not-enforced',
  },
  {
    rule: 'J-2',
    source: `${CONSUMER_LAW} art. 23`,
    reading: "Durable goods: a defect found within 6 months of receipt is for the seller to disprove (a burden of proof, recorded by quality's verdict).",
    checked: false,
    use: 'not-enforced',
  },
];

/** J-2 (with J-1): consumer products sold in the PRC, at a counter or at a distance, since 2014-03-15. */
export const prcDistanceSales: JurisdictionPreset = {
  id: 'CN-distance',
  name: 'PRC consumer products, distance sales included (三包 and 消费者权益保护法 art. 25)',
  rules: ['J-1', 'J-2'],
  citations: [...sanbaoCitations, ...distanceCitations],
  floors: sanbaoFloors,
  policies: presetPolicies([
    presetVersion('CN-distance-2014', instantFromEpochMs(Date.parse('2014-03-15T00:00:00+08:00')), overlayValues(sanbaoValues, distanceValues)),
  ]),
};
