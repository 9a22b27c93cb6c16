/** Satisfaction surveys (rules S-1 … S-4) as a case type. */
import { type CaseType, defineCaseType } from '../caseType.js';
import { surveyDeadlinesOf } from './deadlines.js';
import { surveyDecider } from './decider.js';
import { describeSurveyEvent, surveyStatus } from './meaning.js';
import { SurveyCommand, SurveyEvent } from './messages.js';
import { surveyPersonalData } from './personalData.js';
import { surveyReadModel } from './readModel.js';
import { surveyRules } from './rules.js';
import { type SurveyState, evolveSurvey, initialSurveyState } from './state.js';
import { surveyStepOf } from './steps.js';
import { surveyViolations } from './violations.js';
import { surveyWords } from './words.js';

export * from './deadlines.js';
export * from './decider.js';
export * from './meaning.js';
export * from './measures.js';
export * from './messages.js';
export * from './personalData.js';
export * from './policy.js';
export * from './readModel.js';
export * from './rules.js';
export * from './state.js';
export * from './steps.js';
export { type SurveyViolationCode, surveyViolations } from './violations.js';
export * from './words.js';

/** Satisfaction surveys as a case type. */
export const surveyCaseType: CaseType<SurveyCommand, SurveyEvent, SurveyState> = defineCaseType({
  category: 'survey',
  commands: SurveyCommand,
  events: SurveyEvent,
  initialState: initialSurveyState,
  evolve: evolveSurvey,
  decide: () => surveyDecider.decide,
  stepOf: surveyStepOf,
  rules: surveyRules,
  words: surveyWords,
  personalData: surveyPersonalData,
  violations: surveyViolations.texts,
  // A form has no deadline of its own; response and satisfaction rates are measured over many (S-4).
  deadlines: surveyDeadlinesOf,
  describe: describeSurveyEvent,
  status: surveyStatus,
  // A survey has no closing step: its record is complete once the form is returned.
  closedAt: (s) => (s.status === 'returned' ? s.returnedAt : undefined),
  readModel: surveyReadModel,
});
