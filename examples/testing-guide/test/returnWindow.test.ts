import { decodePolicySet, defaultCalendar, localDateOf, monthsWindowEnd, warrantyClaimDecider } from '@caseledger/core';
import { warrantyCommands } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { expect, it } from 'vitest';

const oneMonth = decodePolicySet([{ version: 'ours', inForceFrom: '2020-01-01T00:00:00Z', values: { warranty: { returnGrounds: { company: { within: '1 month' } } } } }]);
if (E.isLeft(oneMonth)) throw new Error(oneMonth.left.code);
const config = { policies: oneMonth.right, calendar: defaultCalendar };
const { decide, evolve, initialState } = warrantyClaimDecider(config);

it('with a 1-month window, no return requested after the window is accepted without a special case', () => {
  fc.assert(fc.property(warrantyCommands(config), (commands) => {
    let state = initialState;
    for (const command of commands) {
      const decided = decide(command, state);
      if (E.isLeft(decided)) continue;
      for (const event of decided.right) {
        if (event.type === 'ReturnAccepted' && !event.specialCase && state.status !== 'none' && state.claim.kind !== 'construction-defect') {
          expect(localDateOf(defaultCalendar, state.filedAt) <= monthsWindowEnd(state.claim.unit.shippedOn, 1)).toBe(true);
        }
        state = evolve(state, event);
      }
    }
  }));
});
