/** Satisfaction surveys (S-1) as a decider: a table of who may take each step, and a function per step. */
import { showableText } from '../quoting.js';
import * as E from 'fp-ts/lib/Either.js';
import { type Department, type Permissions, permittedBy } from '../actor.js';
import type { Decider } from '../decider.js';
import type { Violation } from '../violation.js';
import type { SurveyCommand, SurveyEvent } from './messages.js';
import { type SurveyState, evolveSurvey, initialSurveyState } from './state.js';
import { only, violation } from './violations.js';

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
const permissions: Permissions<SurveyCommand> = {
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

const permitted = permittedBy(permissions);

export const surveyDecider: Decider<SurveyCommand, SurveyEvent, SurveyState> = {
  initialState: initialSurveyState,
  evolve: evolveSurvey,
  decide: (c, s) => {
    const who = permitted(c);
    if (E.isLeft(who)) return who;
    return c.type === 'SendSurvey' ? sendSurvey(c, s) : recordSurveyReturn(c, s);
  },
};
