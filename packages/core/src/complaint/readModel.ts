/**
 * A complaint as read models keep it: its state in a row, and what the complaint board and the
 * CAPA tracker show of it (C-2 … C-10).
 */
import * as t from 'io-ts';
import { Actor, DepartmentCodec } from '../actor.js';
import { CaseId, Instant, PositiveInt, oneOf } from '../codecs.js';
import { Customer } from '../customer.js';
import { type BoardEntry, type CapaEntry, CapaPlanRow, type CaseReadModel, type CaseSummary } from '../readModel.js';
import { complaintStatus } from './meaning.js';
import type { ComplaintState } from './state.js';
import { ChannelCodec, Product, ReviewReasonCodec, SeverityCodec } from './vocabulary.js';

const fileFields = {
  receivedAt: Instant,
  customer: Customer,
  channel: ChannelCodec,
  description: t.string,
  severity: SeverityCodec,
  samples: t.readonly(t.type({ requested: t.boolean, received: t.number, reinspected: t.number, held: t.number })),
  review: t.union([
    t.readonly(t.type({ status: t.literal('none') })),
    t.readonly(t.type({ status: t.literal('open'), reason: ReviewReasonCodec, chair: Actor, convenedAt: Instant })),
  ]),
  capaHistory: t.readonlyArray(CapaPlanRow),
  lastEventAt: Instant,
};
const fileOptional = { product: Product, surveyId: CaseId, inquiryId: CaseId, acknowledgedAt: Instant };
const file = <P extends t.Props>(props: P) => t.readonly(t.intersection([t.type({ ...fileFields, ...props }), t.partial(fileOptional)]));

const Determination = t.readonly(
  t.type({ rootCause: t.string, responsibleDepartment: DepartmentCodec, determinedAt: Instant, source: oneOf(['quality', 'appraisal'] as const) }),
);
const CapaPlan = t.readonly(t.type({ number: PositiveInt, department: DepartmentCodec, corrective: t.string, preventive: t.string, submittedAt: Instant }));
const PlanReason = oneOf(['root-cause-determined', 'not-effective', 'customer-rejected', 'appraisal-revised', 'reopened'] as const);
const Capa = t.union([
  t.readonly(t.type({ step: t.literal('plan-required'), reason: PlanReason, since: Instant, plansSoFar: t.number })),
  t.readonly(t.type({ step: t.literal('planned'), plan: CapaPlan })),
  t.readonly(t.type({ step: t.literal('implemented'), plan: CapaPlan })),
  t.readonly(t.type({ step: t.literal('verified-effective'), plan: CapaPlan, verifiedAt: Instant })),
  t.readonly(t.type({ step: t.literal('resolution-reported'), plan: CapaPlan, reportedAt: Instant })),
  t.readonly(t.type({ step: t.literal('accepted'), plan: CapaPlan, acceptedAt: Instant })),
]);
const Investigation = t.union([
  t.readonly(t.type({ step: t.literal('not-forwarded') })),
  t.readonly(t.type({ step: t.literal('forwarded'), forwardedAt: Instant })),
  t.readonly(t.type({ step: t.literal('quality-replied'), forwardedAt: Instant, qualityRepliedAt: Instant })),
  t.readonly(
    t.type({
      step: t.literal('determined'),
      forwardedAt: Instant,
      qualityRepliedAt: Instant,
      determination: Determination,
      capa: Capa,
      dispute: oneOf(['none', 'open', 'settled'] as const),
    }),
  ),
]);

/** The complaint's state as a row keeps it. */
export const ComplaintStateCodec: t.Type<ComplaintState, unknown, unknown> = t.union(
  [
    t.readonly(t.type({ status: t.literal('none') })),
    file({ status: t.literal('received') }),
    t.readonly(
      t.intersection([
        t.type({ ...fileFields, status: t.literal('external'), classifiedAt: Instant }),
        t.partial({ ...fileOptional, explanationSentAt: Instant, receiptConfirmedAt: Instant }),
      ]),
    ),
    file({ status: t.literal('internal'), classifiedAt: Instant, investigation: Investigation }),
    file({
      status: t.literal('closed'),
      path: t.literal('external'),
      classifiedAt: Instant,
      explanationSentAt: Instant,
      receiptConfirmedAt: Instant,
      closedAt: Instant,
    }),
    file({
      status: t.literal('closed'),
      path: t.literal('internal'),
      classifiedAt: Instant,
      forwardedAt: Instant,
      qualityRepliedAt: Instant,
      determination: Determination,
      plan: CapaPlan,
      acceptedAt: Instant,
      closedAt: Instant,
    }),
  ],
  'ComplaintState',
);

/** The department named responsible for the complaint, once quality (or an appraisal) named it (C-7, C-11). */
const responsibleDepartmentOf = (s: ComplaintState) =>
  s.status === 'internal' && s.investigation.step === 'determined'
    ? s.investigation.determination.responsibleDepartment
    : s.status === 'closed' && s.path === 'internal'
      ? s.determination.responsibleDepartment
      : undefined;

/** An open complaint as the board shows it. */
const boardEntryOf = (s: ComplaintState): BoardEntry | undefined => {
  if (s.status === 'none' || s.status === 'closed') return undefined;
  const department = responsibleDepartmentOf(s);
  return {
    status: complaintStatus(s),
    severity: s.severity,
    channel: s.channel,
    receivedAt: s.receivedAt,
    ...(department === undefined ? {} : { responsibleDepartment: department }),
  };
};

/** A complaint whose root cause was determined, as the CAPA tracker shows it (C-7, C-8, C-10). */
const capaEntryOf = (s: ComplaintState, rootCauseDetermined: boolean): CapaEntry | undefined => {
  if (s.status === 'none' || !rootCauseDetermined) return undefined;
  const department = responsibleDepartmentOf(s);
  const inv = s.status === 'internal' ? s.investigation : undefined;
  return {
    ...(department === undefined ? {} : { responsibleDepartment: department }),
    plans: s.capaHistory,
    replans: Math.max(0, s.capaHistory.length - 1),
    currentStep: s.status === 'closed' ? 'closed' : inv?.step === 'determined' ? inv.capa.step : 'awaiting root cause',
  };
};

export const complaintReadModel: CaseReadModel<ComplaintState> = {
  state: ComplaintStateCodec,
  summary: ({ state, firstAt }): CaseSummary | undefined => {
    if (state.status === 'none') return undefined;
    const board = boardEntryOf(state);
    const capa = capaEntryOf(state, Object.hasOwn(firstAt, 'RootCauseDetermined'));
    const department = responsibleDepartmentOf(state);
    return {
      status: complaintStatus(state),
      open: state.status !== 'closed',
      openedAt: state.receivedAt,
      customerId: state.customer.id,
      ...(department === undefined ? {} : { department }),
      lists: { ...(board === undefined ? {} : { board }), ...(capa === undefined ? {} : { capa }) },
    };
  },
};
