/**
 * J-4 — PRC, buildings: 建设工程质量管理条例 (2000) art. 40, the table of W-9. The minimum warranty
 * periods of a building or installation under normal use: the foundations and main structure for
 * the design life the design documents set; roofing, waterproofed rooms and exterior walls 5 years;
 * heating and cooling two heating or cooling seasons; electrical, plumbing, equipment installation
 * and decoration 2 years; all counted from the handover. The seeds' values are the law's, so the
 * preset is the rulebook's defaults with those values made a floor; product returns are left as
 * the seeds have them.
 */
import { instantFromEpochMs } from '../codecs.js';
import type { JurisdictionPreset } from './preset.js';
import { presetPolicies, presetVersion } from './preset.js';

const BUILDING_QUALITY = '建设工程质量管理条例 (2000) art. 40';

/** J-4: construction works in the PRC, since 2000-01-30. */
export const prcBuildings: JurisdictionPreset = {
  id: 'CN-building',
  name: 'PRC construction works (建设工程质量管理条例 art. 40)',
  rules: ['J-4'],
  citations: [
    {
      rule: 'J-4',
      source: BUILDING_QUALITY,
      reading: 'Foundations and main structure: the design life set by the design documents (recorded with the handed-over work).',
      checked: false,
      use: 'not-enforced',
    },
    { rule: 'J-4', source: BUILDING_QUALITY, reading: 'Roofing, waterproofed rooms and exterior walls: 5 years.', checked: false, use: 'floor' },
    { rule: 'J-4', source: BUILDING_QUALITY, reading: 'Heating and cooling: two heating or cooling seasons.', checked: false, use: 'floor' },
    { rule: 'J-4', source: BUILDING_QUALITY, reading: 'Electrical, plumbing, equipment installation and decoration: 2 years.', checked: false, use: 'floor' },
  ],
  floors: [
    { value: 'roofingAndWaterproofingYears', rule: 'J-4', source: BUILDING_QUALITY },
    { value: 'heatingSeasons', rule: 'J-4', source: BUILDING_QUALITY },
    { value: 'coolingSeasons', rule: 'J-4', source: BUILDING_QUALITY },
    { value: 'installationAndDecorationYears', rule: 'J-4', source: BUILDING_QUALITY },
  ],
  policies: presetPolicies([
    presetVersion('CN-building-2000', instantFromEpochMs(Date.parse('2000-01-30T00:00:00+08:00')), {
      jurisdiction: 'CN-building',
      warranty: { roofingAndWaterproofingYears: 5, heatingSeasons: 2, coolingSeasons: 2, installationAndDecorationYears: 2 },
    }),
  ]),
};
