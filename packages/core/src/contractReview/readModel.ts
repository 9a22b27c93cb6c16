/** A contract review as read models keep it: its state in a row, and what the review queue shows of it (R-1 … R-6). */
import * as t from 'io-ts';
import { DepartmentCodec } from '../actor.js';
import { Instant, oneOf } from '../codecs.js';
import { Customer } from '../customer.js';
import type { CaseReadModel, QueueEntry } from '../readModel.js';
import { approvalBlockers } from './decider.js';
import { contractReviewStatus } from './meaning.js';
import { OrderForm, RequirementCategoryCodec, RequirementDecision } from './messages.js';
import type { ContractReviewState } from './state.js';

const Amendment = t.readonly(
  t.type({
    id: t.string,
    status: oneOf(['proposed', 'declined', 'in-effect'] as const),
    changesProductRequirements: t.boolean,
    affectedDepartments: t.readonlyArray(DepartmentCodec),
    communicatedTo: t.readonlyArray(DepartmentCodec),
  }),
);

/** The contract review's state as a row keeps it. */
export const ContractReviewStateCodec: t.Type<ContractReviewState, unknown, unknown> = t.union(
  [
    t.readonly(t.type({ status: t.literal('none') })),
    t.readonly(
      t.intersection([
        t.type({
          status: oneOf(['awaiting-written-record', 'in-review', 'approved', 'signed', 'rejected'] as const),
          customer: Customer,
          form: OrderForm,
          description: t.string,
          submittedAt: Instant,
          lastEventAt: Instant,
          requiredDepartments: t.readonlyArray(DepartmentCodec),
          requirements: t.readonlyArray(t.readonly(t.type({ category: RequirementCategoryCodec, decision: RequirementDecision }))),
          differences: t.readonlyArray(t.readonly(t.intersection([t.type({ id: t.string, description: t.string }), t.partial({ resolution: t.string })]))),
          opinions: t.readonlyArray(t.readonly(t.type({ department: DepartmentCodec, canMeet: t.boolean }))),
          capabilityConfirmed: t.boolean,
          amendments: t.readonlyArray(Amendment),
        }),
        t.partial({ approvedAt: Instant, signedAt: Instant, releasedAt: Instant }),
      ]),
    ),
  ],
  'ContractReviewState',
);

/** A review that waits for something, and for what: a written record, requirements, opinions, a signature, an amendment's answer or communication, the release. */
const queueEntryOf = (state: ContractReviewState): QueueEntry | undefined => {
  if (state.status === 'none' || state.status === 'rejected') return undefined;
  const waiting =
    state.status === 'in-review' || state.status === 'awaiting-written-record'
      ? approvalBlockers(state).map((v) => v.message)
      : state.amendments.flatMap((a) =>
          a.status === 'proposed'
            ? [`customer's answer to amendment ${a.id}`]
            : a.status === 'in-effect'
              ? a.affectedDepartments.filter((d) => !a.communicatedTo.includes(d)).map((d) => `amendment ${a.id} to be communicated to ${d}`)
              : [],
        );
  const pendingRelease = state.status === 'signed' && state.releasedAt === undefined && waiting.length === 0 ? ['release to production'] : [];
  const signing = state.status === 'approved' ? ['signature'] : [];
  const all = [...waiting, ...signing, ...pendingRelease];
  return all.length === 0 ? undefined : { status: state.status, waitingFor: all };
};

/** A review's record is complete once signed and released, or rejected (T-9 counts from then). */
export const contractReviewClosedAt = (s: ContractReviewState): Instant | undefined =>
  s.status === 'rejected' ? s.lastEventAt : s.status === 'signed' ? s.releasedAt : undefined;

export const contractReviewReadModel: CaseReadModel<ContractReviewState> = {
  state: ContractReviewStateCodec,
  summary: ({ state }) => {
    if (state.status === 'none') return undefined;
    const queue = queueEntryOf(state);
    return {
      status: contractReviewStatus(state),
      open: contractReviewClosedAt(state) === undefined,
      openedAt: state.submittedAt,
      customerId: state.customer.id,
      lists: queue === undefined ? {} : { queue },
    };
  },
};
