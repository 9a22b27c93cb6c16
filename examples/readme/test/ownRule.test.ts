import { Actor, CaseId, Instant, LocalDate, defineCaseType, isWithinWindow, tagged, taggedUnion, violation, windowOf } from '@caseledger/core';
import { caseTypeSpec } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { it } from 'vitest';
const ClaimGuarantee = tagged('ClaimGuarantee', { caseId: CaseId, at: Instant, actor: Actor, deliveredOn: LocalDate });
const GuaranteeClaimed = tagged('GuaranteeClaimed', { at: Instant, by: Actor, deliveredOn: LocalDate });
/** EU-1: the seller answers for a defect that shows within 2 years of delivery (Directive (EU) 2019/771, art. 10). */
export const guaranteeClaims = defineCaseType({
  category: 'guaranteeClaim',
  commands: taggedUnion<t.TypeOf<typeof ClaimGuarantee>>('GuaranteeCommand', { ClaimGuarantee }),
  events: taggedUnion<t.TypeOf<typeof GuaranteeClaimed>>('GuaranteeEvent', { GuaranteeClaimed }),
  initialState: {},
  evolve: (state) => state,
  decide: ({ calendar }) => (c) => isWithinWindow(calendar, c.deliveredOn, windowOf(24, 'months'), c.at)
      ? E.right([{ type: 'GuaranteeClaimed', at: c.at, by: c.actor, deliveredOn: c.deliveredOn }])
      : E.left(violation('EU-1', 'GUARANTEE_EXPIRED', 'More than 2 years have passed since delivery.')),
  stepOf: (e, caseId) => ({ type: 'ClaimGuarantee', caseId, at: e.at, actor: e.by, deliveredOn: e.deliveredOn }),
});

it('EU-1: a claim is accepted up to 2 years after delivery, refused after', () => {
  const claim = { type: 'ClaimGuarantee', caseId: 'G-1', actor: { id: 'cs-li', department: 'customer-service', role: 'staff' }, deliveredOn: '2025-03-01' };
  caseTypeSpec(guaranteeClaims).given([]).when({ ...claim, at: '2027-02-28T17:00:00+08:00' }).thenAccepted();
  caseTypeSpec(guaranteeClaims).given([]).when({ ...claim, at: '2027-03-02T09:00:00+08:00' }).thenRefused({ ruleId: 'EU-1', code: 'GUARANTEE_EXPIRED' });
});
