/**
 * Satisfaction surveys (S-1 … S-4): one survey form sent to one customer for a period, and its
 * return. Stream: `survey-<id>`.
 */
import { showableText } from '../quoting.js';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { Actor, type Department } from '../actor.js';
import { CaseId, Instant, NonEmptyText, type TaggedUnion, oneOf, tagged, taggedUnion, taggedWithOptional } from '../codecs.js';
import type { EventMeaning } from '../caseType.js';
import { sayIn } from '../inLanguage.js';
import type { Locale } from '../ruleCatalogue.js';
import { Customer } from '../customer.js';
import type { Decider } from '../decider.js';
import { type Violation } from '../violation.js';
import { only, violation } from './violations.js';

/** S-1: the five levels, best first. */
export const satisfactionLevels = ['very-satisfied', 'fairly-satisfied', 'basically-satisfied', 'not-very-satisfied', 'dissatisfied'] as const;
export type SatisfactionLevel = (typeof satisfactionLevels)[number];
export const SatisfactionLevelCodec = oneOf(satisfactionLevels);

/** S-2: "basically satisfied" or better counts as satisfied. */
export const isSatisfied = (level: SatisfactionLevel): boolean => satisfactionLevels.indexOf(level) <= satisfactionLevels.indexOf('basically-satisfied');

export const ItemRating = t.readonly(t.type({ item: NonEmptyText, level: SatisfactionLevelCodec }), 'ItemRating');
export type ItemRating = t.TypeOf<typeof ItemRating>;

const base = { caseId: CaseId, at: Instant, actor: Actor };

export const SendSurvey = tagged('SendSurvey', { ...base, customer: Customer, period: NonEmptyText, items: t.readonlyArray(NonEmptyText) });
/** S-1: the overall judgement is required (the codec refuses a return without it). */
export const RecordSurveyReturn = taggedWithOptional(
  'RecordSurveyReturn',
  { ...base, ratings: t.readonlyArray(ItemRating), overall: SatisfactionLevelCodec },
  { comments: NonEmptyText },
);
export type SurveyCommand = t.TypeOf<typeof SendSurvey> | t.TypeOf<typeof RecordSurveyReturn>;
export const SurveyCommand: TaggedUnion<SurveyCommand> = taggedUnion<SurveyCommand>('SurveyCommand', { SendSurvey, RecordSurveyReturn });

const eventBase = { at: Instant, by: Actor };
export const SurveySent = tagged('SurveySent', { ...eventBase, customer: Customer, period: NonEmptyText, items: t.readonlyArray(NonEmptyText) });
export const SurveyReturned = taggedWithOptional(
  'SurveyReturned',
  { ...eventBase, ratings: t.readonlyArray(ItemRating), overall: SatisfactionLevelCodec },
  { comments: NonEmptyText },
);
export type SurveyEvent = t.TypeOf<typeof SurveySent> | t.TypeOf<typeof SurveyReturned>;
export const SurveyEvent: TaggedUnion<SurveyEvent> = taggedUnion<SurveyEvent>('SurveyEvent', { SurveySent, SurveyReturned });

export interface SurveyForm {
  readonly customer: Customer;
  readonly period: string;
  readonly items: ReadonlyArray<string>;
  readonly sentAt: Instant;
}

export type SurveyState =
  | { readonly status: 'none' }
  | (SurveyForm & { readonly status: 'sent' })
  | (SurveyForm & {
      readonly status: 'returned';
      readonly ratings: ReadonlyArray<ItemRating>;
      readonly overall: SatisfactionLevel;
      readonly returnedAt: Instant;
    });

const SURVEYORS: ReadonlyArray<Department> = ['sales', 'customer-service'];
/** Surveys are sent and recorded by sales (seed 004 §4.11.1) or customer service (seed 003 §5.8). */
const surveyor = (step: string) => only('T-6', 'FRONT_OFFICE_ONLY', { departments: SURVEYORS }, step);

/** S-1: every item of the form is rated once, and no item the form did not ask about. */
export const checkRatings = (items: ReadonlyArray<string>, ratings: ReadonlyArray<{ readonly item: string }>): Violation | undefined => {
  const rated = ratings.map((r) => r.item);
  const unknown = rated.filter((i) => !items.includes(i));
  if (unknown.length > 0)
    return violation('S-1', 'SURVEY_ITEM_UNKNOWN', `The form does not ask about: ${unknown.map(showableText).join(', ')}.`, {
      items: unknown.map(showableText),
    });
  const twice = rated.filter((i, k) => rated.indexOf(i) !== k);
  if (twice.length > 0)
    return violation('S-1', 'SURVEY_ITEM_RATED_TWICE', `Rated more than once: ${[...new Set(twice)].map(showableText).join(', ')}.`, {
      items: twice.map(showableText),
    });
  const missing = items.filter((i) => !rated.includes(i));
  if (missing.length > 0)
    return violation('S-1', 'SURVEY_ITEM_UNRATED', `Every item is rated on the five levels; missing: ${missing.join(', ')}.`, { items: missing });
  return undefined;
};

/** T-6: who may take each step. */
const permissions: { readonly [T in SurveyCommand['type']]: (actor: Actor) => E.Either<Violation, Actor> } = {
  SendSurvey: surveyor('Sending a survey'),
  RecordSurveyReturn: surveyor('Recording a returned survey'),
};

/** S-1: a form is sent once, each item on it once. */
const sendSurvey = (c: Extract<SurveyCommand, { readonly type: 'SendSurvey' }>, s: SurveyState): E.Either<Violation, ReadonlyArray<SurveyEvent>> => {
  if (s.status !== 'none') return E.left(violation('S-1', 'SURVEY_ALREADY_SENT', `Survey ${c.caseId} was already sent.`));
  if (c.items.length !== new Set(c.items).size) return E.left(violation('S-1', 'SURVEY_ITEM_REPEATED', 'Each item appears once on the form.'));
  return E.right([{ type: 'SurveySent', at: c.at, by: c.actor, customer: c.customer, period: c.period, items: c.items }]);
};

/** S-1: a sent form comes back once, every item rated on the five levels and the overall judgement given. */
const recordSurveyReturn = (
  c: Extract<SurveyCommand, { readonly type: 'RecordSurveyReturn' }>,
  s: SurveyState,
): E.Either<Violation, ReadonlyArray<SurveyEvent>> => {
  if (s.status === 'none') return E.left(violation('S-1', 'SURVEY_NOT_SENT', `Survey ${c.caseId} was never sent.`));
  if (s.status === 'returned') return E.left(violation('S-1', 'SURVEY_ALREADY_RETURNED', 'This form was already returned.'));
  const bad = checkRatings(s.items, c.ratings);
  if (bad !== undefined) return E.left(bad);
  return E.right([
    { type: 'SurveyReturned', at: c.at, by: c.actor, ratings: c.ratings, overall: c.overall, ...(c.comments === undefined ? {} : { comments: c.comments }) },
  ]);
};

export const surveyDecider: Decider<SurveyCommand, SurveyEvent, SurveyState> = {
  initialState: { status: 'none' },
  evolve: (s, e) => {
    switch (e.type) {
      case 'SurveySent':
        return s.status === 'none' ? { status: 'sent', customer: e.customer, period: e.period, items: e.items, sentAt: e.at } : s;
      case 'SurveyReturned':
        return s.status === 'sent' ? { ...s, status: 'returned', ratings: e.ratings, overall: e.overall, returnedAt: e.at } : s;
    }
  },
  decide: (c, s) => {
    const who = permissions[c.type](c.actor);
    if (E.isLeft(who)) return who;
    return c.type === 'SendSurvey' ? sendSurvey(c, s) : recordSurveyReturn(c, s);
  },
};

/** T-11: the command each stored survey event answers, so the audit decides it again. */
export const surveyStepOf = (e: SurveyEvent, caseId: CaseId): SurveyCommand =>
  e.type === 'SurveySent'
    ? { type: 'SendSurvey', caseId, at: e.at, actor: e.by, customer: e.customer, period: e.period, items: e.items }
    : {
        type: 'RecordSurveyReturn',
        caseId,
        at: e.at,
        actor: e.by,
        ratings: e.ratings,
        overall: e.overall,
        ...(e.comments === undefined ? {} : { comments: e.comments }),
      };

export const describeSurveyEvent = (e: SurveyEvent, locale?: Locale): EventMeaning => {
  const say = sayIn(locale);
  return e.type === 'SurveySent'
    ? {
        rules: ['S-1'],
        summary: say(`Survey for ${e.period} sent (${e.items.length} items)`, `发出 ${e.period} 满意度调查表（${e.items.length} 个项目）`),
        specialCase: false,
      }
    : { rules: ['S-1', 'S-2'], summary: say(`Survey returned: overall ${e.overall}`, `调查表已收回：总体评价 ${e.overall}`), specialCase: false };
};
