/**
 * S-2 … S-4: the survey measures, as pure functions over survey states, and the S-3 reactor that
 * turns a "dissatisfied" judgement into the command that opens a complaint.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Actor } from '../actor.js';
import { CaseId, type Instant, NonEmptyText } from '../codecs.js';
import type { ComplaintCommand } from '../complaint/messages.js';
import type { Severity } from '../complaint/vocabulary.js';
import { type PolicyError, type PolicySet, policyAt } from '../policy.js';
import type { RulebookPolicy } from '../rulebookPolicy.js';
import { type SurveyEvent, isSatisfied } from './messages.js';
import type { SurveyState } from './state.js';

export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  /** `undefined` when the denominator is 0: no rate can be stated. */
  readonly rate: number | undefined;
}

const rate = (numerator: number, denominator: number): Rate => ({ numerator, denominator, rate: denominator === 0 ? undefined : numerator / denominator });

/** S-2: forms whose overall judgement is "basically satisfied" or better ÷ all returned forms. */
export const satisfactionRate = (surveys: ReadonlyArray<SurveyState>): Rate => {
  const returned = surveys.filter((s) => s.status === 'returned');
  return rate(returned.filter((s) => s.status === 'returned' && isSatisfied(s.overall)).length, returned.length);
};

/** S-4: returned forms ÷ forms sent. */
export const responseRate = (surveys: ReadonlyArray<SurveyState>): Rate => {
  const sent = surveys.filter((s) => s.status !== 'none');
  return rate(sent.filter((s) => s.status === 'returned').length, sent.length);
};

export interface SurveyTargetsReport {
  readonly satisfaction: Rate;
  readonly response: Rate;
  readonly policyVersion: string;
  readonly satisfactionTarget: number;
  readonly responseTarget: number;
  /** S-4: a rate below its target calls for corrective action. */
  readonly correctiveActionRequired: boolean;
  readonly below: ReadonlyArray<'satisfaction' | 'response'>;
}

/** S-4: the period's rates against the targets of the policy in force at `at` (usually the period's end). */
export const surveyTargets =
  (policies: PolicySet<RulebookPolicy>, at: Instant) =>
  (surveys: ReadonlyArray<SurveyState>): E.Either<PolicyError, SurveyTargetsReport> =>
    E.map((p: { readonly version: string; readonly values: RulebookPolicy }): SurveyTargetsReport => {
      const satisfaction = satisfactionRate(surveys);
      const response = responseRate(surveys);
      const below: Array<'satisfaction' | 'response'> = [];
      if (satisfaction.rate !== undefined && satisfaction.rate < p.values.survey.satisfactionRateTarget) below.push('satisfaction');
      if (response.rate !== undefined && response.rate < p.values.survey.responseRateTarget) below.push('response');
      return {
        satisfaction,
        response,
        policyVersion: p.version,
        satisfactionTarget: p.values.survey.satisfactionRateTarget,
        responseTarget: p.values.survey.responseRateTarget,
        correctiveActionRequired: below.length > 0,
        below,
      };
    })(policyAt(at)(policies));

export interface DissatisfactionReactorOptions {
  /** Who opens the complaint on the company's side (customer service, usually). */
  readonly actor: Actor;
  /** Severity of the complaint it opens. Default `minor`; quality re-assesses it like any other. */
  readonly severity?: Severity;
}

/** The id of the complaint a survey opens: derived from the survey, so re-running the reactor is idempotent. */
export const complaintIdForSurvey = (surveyId: CaseId): CaseId => {
  const id = `${surveyId}.complaint`;
  return CaseId.is(id) ? id : surveyId;
};

/**
 * S-3: a returned survey with a "dissatisfied" item (or overall judgement) opens a complaint with
 * channel `survey`, linked to the survey. Event in, commands out; the caller sends them through
 * the complaint handler (a second delivery is refused as `COMPLAINT_ALREADY_RECEIVED`).
 */
export const reactToSurvey =
  (options: DissatisfactionReactorOptions) =>
  (surveyId: CaseId, form: SurveyState, event: SurveyEvent): ReadonlyArray<ComplaintCommand> => {
    if (event.type !== 'SurveyReturned' || form.status === 'none') return [];
    const items = event.ratings.filter((r) => r.level === 'dissatisfied').map((r) => r.item);
    if (items.length === 0 && event.overall !== 'dissatisfied') return [];
    const what = items.length > 0 ? `dissatisfied with: ${items.join(', ')}` : 'dissatisfied overall';
    const description = `Satisfaction survey ${surveyId} (${form.period}): ${what}.`;
    if (!NonEmptyText.is(description)) return [];
    const command: ComplaintCommand = {
      type: 'ReceiveComplaint',
      caseId: complaintIdForSurvey(surveyId),
      at: event.at,
      actor: options.actor,
      customer: form.customer,
      channel: 'survey',
      description,
      severity: options.severity ?? 'minor',
      surveyId,
    };
    return [command];
  };
