/** Jurisdiction presets (J-1 … J-4) and the law's floor under a company's policy (J-0). */
import type { BusinessCalendar } from '../calendar.js';
import type { Rulebook } from '../ruleContext.js';
import { euConsumer } from './euConsumer.js';
import { prcBuildings } from './prcBuildings.js';
import { prcConsumer } from './prcConsumer.js';
import { prcDistanceSales } from './prcDistanceSales.js';
import type { JurisdictionPreset } from './preset.js';

export * from './companyPolicy.js';
export * from './floor.js';
export * from './preset.js';
export { euConsumer, prcBuildings, prcConsumer, prcDistanceSales };

/** Every preset the library ships, by id. */
export const jurisdictionPresets: Readonly<Record<string, JurisdictionPreset>> = {
  [prcConsumer.id]: prcConsumer,
  [prcDistanceSales.id]: prcDistanceSales,
  [euConsumer.id]: euConsumer,
  [prcBuildings.id]: prcBuildings,
};

/** A rulebook that applies a preset as it stands, on a company's calendar. */
export const presetRulebook = (preset: JurisdictionPreset, calendar: BusinessCalendar): Rulebook => ({ policies: preset.policies, calendar });
