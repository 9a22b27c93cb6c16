/** The histories of the crash test: generated once with a fixed seed, so parent and child build the same log. */
import type { InMemoryEventStore } from '@caseledger/core';
import fc from 'fast-check';
import { fill, historiesArb } from './histories.js';

export const crashHistories = async (): Promise<InMemoryEventStore> => {
  const [histories] = fc.sample(historiesArb, { seed: 20261122, numRuns: 1 });
  if (histories === undefined) throw new Error('no sample');
  return fill(histories);
};
