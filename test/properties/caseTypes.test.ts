/**
 * The properties every case type holds (the testing kit's `caseTypeProperties`), for each of the
 * library's five: written histories audit clean, refusals write nothing, resends are applied once,
 * events survive JSON, the generators reach every event type, valid procedures replay to the
 * handler's state. Runs per property: CASELEDGER_NUM_RUNS (default 200), set once in the kit.
 */
import { caseTypes, defaultRulebook } from '@caseledger/core';
import { builtInGenerators, caseTypeProperties } from '@caseledger/testing';
import { describe, expect, it } from 'vitest';

const generators = builtInGenerators(defaultRulebook);

describe('the properties every case type holds', () => {
  it('every registered case type has its generators (a case type nobody generates is a case type nobody checks)', () => {
    expect(caseTypes.categories.filter((category) => !generators.some((g) => g.category === category))).toEqual([]);
  });
  for (const entry of generators) {
    for (const property of entry.use((caseType, g) => caseTypeProperties(caseType, g))) it(property.name, property.check, 120_000);
  }
});
