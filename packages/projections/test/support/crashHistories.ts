/** The histories of the crash test: generated once with a fixed seed, so parent and child build the same log. */
import type { InMemoryEventStore } from '@caseledger/core';
import fc from 'fast-check';
import { fill, historiesArb } from './histories.js';

export const crashHistories = async (): Promise<InMemoryEventStore> => {
  // A seed whose sample has 62 events: enough batches of three for the kill to land in the middle.
  const [histories] = fc.sample(historiesArb, { seed: 7, numRuns: 1 });
  if (histories === undefined) throw new Error('no sample');
  return fill(histories);
};
