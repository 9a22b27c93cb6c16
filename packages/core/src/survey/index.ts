/** Satisfaction surveys (rules S-1 … S-4). */
import * as E from 'fp-ts/lib/Either.js';
import { type CaseType, defineCaseType } from '../caseType.js';
import { surveyReadModel } from './readModel.js';
import { surveyPersonalData } from './personalData.js';
import { surveyRules } from './rules.js';
import { surveyWords } from './words.js';
import { surveyViolations } from './violations.js';
import {
  type SurveyCommand,
  SurveyCommand as SurveyCommandCodec,
  type SurveyEvent,
  SurveyEvent as SurveyEventCodec,
  type SurveyState,
  describeSurveyEvent,
  surveyDecider,
  surveyStepOf,
} from './survey.js';

export * from './measures.js';
export * from './readModel.js';
export * from './personalData.js';
export * from './rules.js';
export * from './words.js';
export { type SurveyViolationCode, surveyViolations } from './violations.js';
export * from './survey.js';

/** Satisfaction surveys as a case type. */
export const surveyCaseType: CaseType<SurveyCommand, SurveyEvent, SurveyState> = defineCaseType({
  category: 'survey',
  commands: SurveyCommandCodec,
  events: SurveyEventCodec,
  initialState: surveyDecider.initialState,
  evolve: surveyDecider.evolve,
  decide: () => surveyDecider.decide,
  stepOf: surveyStepOf,
  rules: surveyRules,
  words: surveyWords,
  personalData: surveyPersonalData,
  violations: surveyViolations.texts,
  // A form has no deadline of its own; response and satisfaction rates are measured over many (S-4).
  deadlines: () => () => E.right([]),
  describe: describeSurveyEvent,
  status: (s) => s.status,
  // A survey has no closing step: its record is complete once the form is returned.
  closedAt: (s) => (s.status === 'returned' ? s.returnedAt : undefined),
  readModel: surveyReadModel,
});
