/** T-11: the command each stored survey event answers, so the audit decides it again. */
import type { CaseId } from '../codecs.js';
import type { SurveyCommand, SurveyEvent } from './messages.js';

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
