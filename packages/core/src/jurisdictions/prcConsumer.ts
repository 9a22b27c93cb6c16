/**
 * J-1 — PRC, consumer products (三包): 部分商品修理更换退货责任规定 (国经贸[1995]458号).
 *
 * Within 7 days of sale a performance fault gives the customer the choice of return, exchange or
 * repair (art. 9); within 15 days, exchange or repair (art. 10); within the warranty, free repair,
 * and after two failed repairs a free exchange or a return (art. 11); a repair within 30 days, or
 * an exchange; the warranty from the invoice date; none of it for misuse, unauthorised repair, no
 * warranty documents, altered documents or force majeure. The seeds' B2B return ground (W-2) gives
 * way to the law's. What the preset does not enforce is listed with `use: 'not-enforced'`.
 */
import { instantFromEpochMs } from '../codecs.js';
import type { Citation, JurisdictionPreset, LegalFloor } from './preset.js';
import { presetPolicies, presetVersion } from './preset.js';

const SANBAO = '部分商品修理更换退货责任规定 (国经贸[1995]458号)';

/** What takes a unit out of 三包 (quality records it): every J-1 ground and free repair give way to it. */
const EXCLUSIONS = ['misuse', 'unauthorised-repair', 'no-warranty-documents', 'altered-documents', 'force-majeure'];

/** The law's values of J-1, as a policy file writes them; J-2 builds on them. */
export const sanbaoValues = {
  jurisdiction: 'CN-consumer',
  warranty: {
    returnGrounds: {
      company: null,
      'sanbao-return': {
        rule: 'J-1',
        source: `${SANBAO} art. 9`,
        remedies: ['return'],
        within: '7 days',
        from: 'sale',
        needs: 'intrinsic-defect',
        voidedBy: EXCLUSIONS,
      },
      'sanbao-exchange': {
        rule: 'J-1',
        source: `${SANBAO} art. 10`,
        remedies: ['exchange'],
        within: '15 days',
        from: 'sale',
        needs: 'intrinsic-defect',
        voidedBy: EXCLUSIONS,
      },
      'sanbao-after-repairs': {
        rule: 'J-1',
        source: `${SANBAO} art. 11`,
        remedies: ['exchange', 'return'],
        within: '12 months',
        from: 'sale',
        needs: 'failed-repairs',
        failedRepairs: 2,
        voidedBy: EXCLUSIONS,
      },
      'sanbao-overdue-repair': {
        rule: 'J-1',
        source: `${SANBAO} (repair within 30 days)`,
        remedies: ['exchange'],
        within: '12 months',
        from: 'sale',
        needs: 'overdue-repairs',
        overdueRepairs: 1,
        voidedBy: EXCLUSIONS,
      },
    },
    returnWindowCountsTo: 'filing',
    defaultProductWarrantyMonths: 12,
    productWarrantyFrom: 'sale',
    freeRepairVoidedBy: EXCLUSIONS,
    repairCompletion: { within: '30 days', rule: 'J-1', source: `${SANBAO} (repair within 30 days)` },
  },
} as const;

export const sanbaoCitations: ReadonlyArray<Citation> = [
  {
    rule: 'J-1',
    source: `${SANBAO} art. 9`,
    reading: 'Within 7 days of sale, a performance fault: the customer chooses a return, an exchange or a repair.',
    checked: true,
    use: 'ground',
  },
  {
    rule: 'J-1',
    source: `${SANBAO} art. 10`,
    reading: 'Within 15 days of sale, a performance fault: the customer chooses an exchange or a repair.',
    checked: true,
    use: 'ground',
  },
  {
    rule: 'J-1',
    source: `${SANBAO} art. 11`,
    reading:
      'Within the warranty, a unit that still does not work after two repairs is exchanged free of charge or returned. The window is the 12-month default warranty; a company with a longer warranty lengthens it.',
    checked: true,
    use: 'ground',
  },
  {
    rule: 'J-1',
    source: `${SANBAO}, 实施三包的部分商品目录`,
    reading:
      'Free repair within the warranty period the catalogue sets for each product; 12 months for the whole unit is the default here. Set the catalogue figure of each product category.',
    checked: false,
    use: 'floor',
  },
  { rule: 'J-1', source: SANBAO, reading: 'The warranty runs from the invoice date (the sale).', checked: false, use: 'floor' },
  {
    rule: 'J-1',
    source: SANBAO,
    reading: 'The warranty leaves out the days under repair or waiting for parts (it grows by them).',
    checked: false,
    use: 'not-enforced',
  },
  {
    rule: 'J-1',
    source: `${SANBAO} (repair within 30 days)`,
    reading: 'A repair is done within 30 days of the unit being handed in.',
    checked: false,
    use: 'deadline',
  },
  {
    rule: 'J-1',
    source: `${SANBAO} (repair within 30 days)`,
    reading:
      "A repair under warranty not done within 30 days by the repairer's fault, or within 90 days for want of parts, gives an exchange; the warranty card's repair record shows it (`unit.overdueRepairs`).",
    checked: false,
    use: 'ground',
  },
  {
    rule: 'J-1',
    source: SANBAO,
    reading: "An exchanged unit's warranty starts again: the replacement's own claim records its own sale or delivery.",
    checked: false,
    use: 'not-enforced',
  },
  {
    rule: 'J-1',
    source: SANBAO,
    reading:
      'Not covered (a paid repair instead): misuse or poor upkeep, repair or opening by anyone but the appointed repairer, no invoice or warranty card, a card altered or not matching the unit, force majeure. Quality records the exclusion with its inspection or the repair assessment.',
    checked: false,
    use: 'ground',
  },
];

export const sanbaoFloors: ReadonlyArray<LegalFloor> = [
  { value: 'productWarranty', rule: 'J-1', source: `${SANBAO}, 实施三包的部分商品目录` },
  { value: 'repairCompletion', rule: 'J-1', source: `${SANBAO} (repair within 30 days)` },
  { value: 'returnWindowCountsTo', rule: 'J-1', source: `${SANBAO} arts. 9, 10` },
];

/** J-1: the 三包 rules for consumer products sold in the PRC, in force since 1995-08-25. */
export const prcConsumer: JurisdictionPreset = {
  id: 'CN-consumer',
  name: 'PRC consumer products (三包)',
  rules: ['J-1'],
  citations: sanbaoCitations,
  floors: sanbaoFloors,
  policies: presetPolicies([presetVersion('CN-consumer-1995', instantFromEpochMs(Date.parse('1995-08-25T00:00:00+08:00')), sanbaoValues)]),
};
