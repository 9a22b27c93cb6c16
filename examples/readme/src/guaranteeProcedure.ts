import { type CaseDeadlines, type RuleTexts, Actor, CaseId, Instant, LocalDate, deadline, deadlineStatus, defineCaseType, firstAt, tagged, taggedUnion } from '@caseledger/core';
import { PositiveInt, allowanceOf, casePolicy, isWithinWindow, policyAt, positiveIntLiteral, violationsOf, windowOf } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

const ClaimGuarantee = tagged('ClaimGuarantee', { caseId: CaseId, at: Instant, actor: Actor, deliveredOn: LocalDate });
const ProvideRemedy = tagged('ProvideRemedy', { caseId: CaseId, at: Instant, actor: Actor });
const GuaranteeClaimed = tagged('GuaranteeClaimed', { at: Instant, by: Actor, deliveredOn: LocalDate });
const RemedyProvided = tagged('RemedyProvided', { at: Instant, by: Actor });
type GuaranteeEvent = t.TypeOf<typeof GuaranteeClaimed> | t.TypeOf<typeof RemedyProvided>;

/** The state: when the claim came in, and when it was remedied. A row keeps it as this codec writes it. */
const GuaranteeState = t.readonly(t.partial({ claimedAt: Instant, remediedAt: Instant }));
type GuaranteeState = t.TypeOf<typeof GuaranteeState>;
const unclaimed: GuaranteeState = {};

/** EU-2's time, a dated value of the company's policy: a version may give `caseTypes: { guaranteeCase: { remedyWithinWorkingDays: 5 } }`. */
const remedyPolicy = casePolicy('guaranteeCase', t.readonly(t.type({ remedyWithinWorkingDays: PositiveInt })), {
  remedyWithinWorkingDays: positiveIntLiteral(10),
});

/** EU-2 (the company's own promise): a claim is remedied within the working days the policy in force at the claim gives. */
const remedyDeadline: CaseDeadlines<GuaranteeState> =
  ({ calendar, policies }) =>
  ({ state, firstAt: first }, now) => {
    if (state.claimedAt === undefined) return E.right([]);
    const version = policyAt(state.claimedAt)(policies);
    if (E.isLeft(version)) return version;
    const values = remedyPolicy.read(version.right.values);
    if (E.isLeft(values)) return E.right([]);
    const allowed = { workingDays: values.right.remedyWithinWorkingDays };
    const dueBy = deadline(calendar, state.claimedAt, allowed);
    const doneAt = firstAt<GuaranteeEvent>(first, 'RemedyProvided');
    const done = doneAt === undefined ? {} : { doneAt };
    const status = deadlineStatus(dueBy, doneAt, now);
    return E.right([{ ruleId: 'EU-2', name: 'remedy', status, from: state.claimedAt, dueBy, ...done, policyVersion: version.right.version, allowed: allowanceOf(allowed) }]);
  };

/** The texts reports show beside each rule id, in every language the library speaks. */
const rules = {
  'EU-1': {
    en: { title: 'Two years of guarantee', text: 'The seller answers for a defect that shows within 2 years of delivery.' },
    'zh-CN': { title: '两年保证', text: '交付后 2 年内出现的缺陷由卖方负责。' },
  },
  'EU-2': {
    en: { title: 'Remedied in time', text: 'A guarantee claim is remedied within the working days the policy gives (10 unless a version says otherwise).' },
    'zh-CN': { title: '按时补救', text: '保证索赔须在政策规定的工作日内补救（未另行规定时为 10 个工作日）。' },
  },
} as const satisfies RuleTexts;

/** Its refusal codes with their Chinese sentence: `violation` takes no other code (nor a code without its text). */
const { texts: violations, violation } = violationsOf({
  GUARANTEE_EXPIRED: '交付已超过 2 年，不在保证期内。',
  ALREADY_CLAIMED: '该案件已提出过索赔。',
  NOTHING_TO_REMEDY: '没有待补救的索赔。',
});

export const guaranteeProcedure = defineCaseType({
  category: 'guaranteeCase',
  rules,
  violations,
  words: { guaranteeCase: '保证索赔', claimed: '已索赔', remedied: '已补救' },
  commands: taggedUnion<t.TypeOf<typeof ClaimGuarantee> | t.TypeOf<typeof ProvideRemedy>>('GuaranteeCommand', { ClaimGuarantee, ProvideRemedy }),
  events: taggedUnion<GuaranteeEvent>('GuaranteeEvent', { GuaranteeClaimed, RemedyProvided }),
  initialState: unclaimed,
  evolve: (s, e) => (e.type === 'GuaranteeClaimed' ? { ...s, claimedAt: e.at } : { ...s, remediedAt: e.at }),
  decide:
    ({ calendar }) =>
    (c, s) => {
      if (c.type === 'ProvideRemedy')
        return s.claimedAt === undefined || s.remediedAt !== undefined
          ? E.left(violation('EU-2', 'NOTHING_TO_REMEDY', 'There is no open claim to remedy.'))
          : E.right([{ type: 'RemedyProvided', at: c.at, by: c.actor }]);
      if (s.claimedAt !== undefined) return E.left(violation('EU-1', 'ALREADY_CLAIMED', 'This case was claimed already.'));
      return isWithinWindow(calendar, c.deliveredOn, windowOf(24, 'months'), c.at)
        ? E.right([{ type: 'GuaranteeClaimed', at: c.at, by: c.actor, deliveredOn: c.deliveredOn }])
        : E.left(violation('EU-1', 'GUARANTEE_EXPIRED', 'More than 2 years have passed since delivery.'));
    },
  stepOf: (e, caseId) =>
    e.type === 'GuaranteeClaimed'
      ? { type: 'ClaimGuarantee', caseId, at: e.at, actor: e.by, deliveredOn: e.deliveredOn }
      : { type: 'ProvideRemedy', caseId, at: e.at, actor: e.by },
  describe: (e) => ({ rules: e.type === 'GuaranteeClaimed' ? ['EU-1'] : ['EU-2'], summary: e.type, specialCase: false }),
  deadlines: remedyDeadline,
  policy: remedyPolicy,
  closedAt: (s) => s.remediedAt,
  readModel: {
    state: GuaranteeState,
    summary: ({ state }) =>
      state.claimedAt === undefined
        ? undefined
        : { status: state.remediedAt === undefined ? 'claimed' : 'remedied', open: state.remediedAt === undefined, openedAt: state.claimedAt },
  },
});
