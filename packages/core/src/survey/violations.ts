/**
 * Surveys (S-1 … S-4): the codes this case type refuses or finds with, each with what it means in Chinese (the
 * English is each violation's own message, written where the rule refuses). A code without its
 * text does not compile: the case type's rules build violations only through `surveyViolations`.
 */
import { violationsOf } from '../violationCodes.js';

export const surveyViolations = violationsOf({
  SURVEY_ALREADY_SENT: '调查表已发出。',
  SURVEY_NOT_SENT: '调查表尚未发出。',
  SURVEY_ALREADY_RETURNED: '调查表已收回。',
  SURVEY_ITEM_REPEATED: '调查项目重复。',
  SURVEY_ITEM_UNKNOWN: '调查表中没有该项目。',
  SURVEY_ITEM_RATED_TWICE: '同一项目评价了两次。',
  SURVEY_ITEM_UNRATED: '有项目未评价。',
});

/** The case type's violation constructors: only its codes and the kernel's. */
export const { violation, only } = surveyViolations;
/** A code this case type refuses or finds with (its own or the kernel's). */
export type SurveyViolationCode = Parameters<typeof surveyViolations.violation>[1];
