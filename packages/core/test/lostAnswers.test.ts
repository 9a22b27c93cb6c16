/**
 * An append whose answer is lost: the events were written, the handler hears a retriable failure,
 * another handler writes to the same case meanwhile, and the resend is answered idempotently. The
 * handler must not go on from the state it had before the other handler's events (a probe stored
 * `received=1, reinspected=2` that way). Property over generated races: whatever is stored audits
 * clean, which means every stored decision was taken on the case as it stood.
 */
import { lostAnswerRaces, runLostAnswerRace, defaultNumRuns } from '@caseledger/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inMemoryEventStore } from '../src/index.js';

const runs = { numRuns: defaultNumRuns() };

describe('a lost append answer (the handler does not go on from a stale state)', () => {
  it('whatever two handlers store in a race with lost answers audits clean', async () => {
    await fc.assert(
      fc.asyncProperty(lostAnswerRaces(16), async (race) => {
        expect(await runLostAnswerRace(inMemoryEventStore(), 'RACE-1', race)).toEqual([]);
      }),
      runs,
    );
  });
});
