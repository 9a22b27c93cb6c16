/** A warranty claim as read models keep it: its state in a row (its deadlines reach the overdue list; W-8, J-1, J-2, J-3). */
import * as t from 'io-ts';
import { Actor } from '../actor.js';
import { Instant, LocalDate, oneOf } from '../codecs.js';
import { Customer } from '../customer.js';
import type { CaseReadModel } from '../readModel.js';
import { warrantyClaimStatus } from './meaning.js';
import type { WarrantyClaimState } from './state.js';
import { DefectVerdictCodec, ExclusionCodec, FeeQuote, HandedOverWork, ProductUnit, SaleChannelCodec } from './vocabulary.js';

const RepairWork = oneOf(['not-started', 'in-progress', 'completed', 'passed'] as const);

const ReturnProgress = t.readonly(
  t.intersection([
    t.type({ kind: oneOf(['return', 'exchange'] as const), unit: ProductUnit, goodsReceived: t.number }),
    t.partial({
      verdict: DefectVerdictCodec,
      exclusion: ExclusionCodec,
      specialCase: t.readonly(t.type({ approvedBy: Actor, justification: t.string, approvedAt: Instant })),
      acceptance: t.readonly(
        t.intersection([t.type({ at: Instant, policyVersion: t.string, specialCase: t.boolean }), t.partial({ ground: t.string, windowEndsOn: LocalDate })]),
      ),
      slip: t.readonly(t.intersection([t.type({ issuedAt: Instant, shipDate: LocalDate, reason: t.string }), t.partial({ signedAt: Instant })])),
      bookedAt: Instant,
      replacementShippedAt: Instant,
    }),
  ]),
);

const RepairProgress = t.readonly(
  t.intersection([
    t.type({ kind: t.literal('repair'), unit: ProductUnit, work: RepairWork }),
    t.partial({
      received: t.readonly(t.type({ quantity: t.number, defect: t.string })),
      assessment: t.readonly(
        t.intersection([t.type({ inWarranty: t.boolean, feeRequired: t.boolean, policyVersion: t.string }), t.partial({ warrantyLastDay: LocalDate })]),
      ),
      quote: FeeQuote,
      consent: oneOf(['signed', 'declined'] as const),
      shippedAt: Instant,
      returnedUnrepairedAt: Instant,
    }),
  ]),
);

const ConstructionProgress = t.readonly(
  t.intersection([
    t.type({ kind: t.literal('construction-defect'), work: HandedOverWork, repair: RepairWork }),
    t.partial({ confirmedAt: Instant, planApprovedAt: Instant, ownerAcceptedAt: Instant }),
  ]),
);

/** The claim's state as a row keeps it. */
export const WarrantyClaimStateCodec: t.Type<WarrantyClaimState, unknown, unknown> = t.union(
  [
    t.readonly(t.type({ status: t.literal('none') })),
    t.readonly(
      t.intersection([
        t.type({
          status: oneOf(['open', 'rejected', 'closed'] as const),
          customer: Customer,
          reason: t.string,
          filedAt: Instant,
          lastEventAt: Instant,
          claim: t.union([ReturnProgress, RepairProgress, ConstructionProgress]),
        }),
        t.partial({ channel: SaleChannelCodec, rejectedAt: Instant, closedAt: Instant }),
      ]),
    ),
  ],
  'WarrantyClaimState',
);

export const warrantyClaimReadModel: CaseReadModel<WarrantyClaimState> = {
  state: WarrantyClaimStateCodec,
  summary: ({ state }) =>
    state.status === 'none'
      ? undefined
      : { status: warrantyClaimStatus(state), open: state.status !== 'closed', openedAt: state.filedAt, customerId: state.customer.id },
};
