/** The messages of a satisfaction survey (S-1 … S-4): sending a form, recording its return. Stream: `survey-<id>`. */
import * as t from 'io-ts';
import { Actor } from '../actor.js';
import { CaseId, Instant, NonEmptyText, type TaggedUnion, oneOf, tagged, taggedUnion, taggedWithOptional } from '../codecs.js';
import { Customer } from '../customer.js';

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
