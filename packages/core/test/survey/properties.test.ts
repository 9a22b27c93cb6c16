/** Properties over generated surveys: S-1 holds for whatever is accepted; S-2 and S-4 agree with a simple count. */
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deciderSpec, defaultNumRuns } from '@caseledger/testing';
import { SurveyCommand, type SurveyState, isSatisfied, responseRate, satisfactionLevels, satisfactionRate, surveyDecider } from '../../src/index.js';
import { sales } from '../fixtures/people.js';

const runs = { numRuns: defaultNumRuns() };
const itemPool = ['quality', 'delivery', 'service', 'price', 'documentation'];

const formArb = fc.record({
  items: fc.uniqueArray(fc.constantFrom(...itemPool), { minLength: 1, maxLength: 5 }),
  returned: fc.boolean(),
  // Ratings may miss items, add items the form did not ask, or repeat one: S-1 refuses those.
  ratedItems: fc.array(fc.constantFrom(...itemPool), { maxLength: 6 }),
  levels: fc.array(fc.constantFrom(...satisfactionLevels), { minLength: 6, maxLength: 6 }),
  overall: fc.constantFrom(...satisfactionLevels),
});

const decode = (input: unknown): SurveyCommand => {
  const d = SurveyCommand.decode(input);
  if (E.isLeft(d)) throw new Error('bad generated command');
  return d.right;
};

describe('survey properties', () => {
  it('whatever returns are recorded, every survey history satisfies S-1, and the rates match a plain count', () => {
    fc.assert(
      fc.property(fc.array(formArb, { maxLength: 30 }), (forms) => {
        const states: SurveyState[] = [];
        let expectedReturned = 0;
        let expectedSatisfied = 0;
        forms.forEach((f, i) => {
          const caseId = `S-${i}`;
          const commands = [
            decode({
              type: 'SendSurvey',
              caseId,
              at: '2026-11-02T09:00:00+08:00',
              actor: sales,
              customer: { id: 'c', name: 'C' },
              period: '2026-H2',
              items: f.items,
            }),
          ];
          if (f.returned) {
            commands.push(
              decode({
                type: 'RecordSurveyReturn',
                caseId,
                at: '2026-11-20T09:00:00+08:00',
                actor: sales,
                ratings: f.ratedItems.map((item, k) => ({ item, level: f.levels[k] })),
                overall: f.overall,
              }),
            );
          }
          const { state } = deciderSpec(surveyDecider).decideEach(commands);
          // Independent reference: a return is valid when it rates exactly the form's items, each once.
          const valid =
            f.returned &&
            f.ratedItems.length === f.items.length &&
            new Set(f.ratedItems).size === f.ratedItems.length &&
            f.items.every((x) => f.ratedItems.includes(x));
          expect(state.status).toBe(valid ? 'returned' : 'sent');
          if (valid) {
            expectedReturned += 1;
            if (isSatisfied(f.overall)) expectedSatisfied += 1;
          }
          states.push(state);
        });
        expect(satisfactionRate(states)).toMatchObject({ numerator: expectedSatisfied, denominator: expectedReturned });
        expect(responseRate(states)).toMatchObject({ numerator: expectedReturned, denominator: forms.length });
      }),
      runs,
    );
  });
});
