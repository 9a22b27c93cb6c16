/** Generators of satisfaction-survey command sequences (see `commandSequences`). */
import { type Actor, SurveyCommand, type SurveyEvent, type SurveyState, satisfactionLevels, surveyDecider } from '@caseledger/core';
import type fc from 'fast-check';
import { office } from './common.js';
import { type CommandModel, type SequenceOptions, commandSequences, pick, validSequences } from './sequences.js';

const items = ['product quality', 'delivery', 'service'];

const plausible: Readonly<Record<SurveyCommand['type'], ReadonlyArray<Actor>>> = {
  SendSurvey: [office.sales, office.cs],
  RecordSurveyReturn: [office.sales, office.cs],
};

const fieldsFor = (type: SurveyCommand['type'], seed: number): Record<string, unknown> =>
  type === 'SendSurvey'
    ? { customer: { id: 'cust-4', name: 'Customer Four' }, period: '2026-H2', items }
    : {
        // Most returns rate every item once; some miss one (S-1 refuses those).
        ratings: items.slice(0, seed % 5 === 0 ? 2 : 3).map((item, i) => ({ item, level: pick(satisfactionLevels, seed + i) })),
        overall: pick(satisfactionLevels, seed >> 2),
      };

export const surveyModel: CommandModel<SurveyCommand, SurveyEvent, SurveyState> = {
  decider: surveyDecider,
  codec: SurveyCommand.codec,
  types: SurveyCommand.tags,
  plausible: (type) => plausible[type],
  fields: fieldsFor,
};

export const surveyCommands = (options: SequenceOptions = {}): fc.Arbitrary<ReadonlyArray<SurveyCommand>> =>
  commandSequences(surveyModel, { caseId: 'S-PROP-1', maxLength: 6, ...options });

export const validSurveys = (options: Omit<SequenceOptions, 'guided' | 'backwards'> = {}): fc.Arbitrary<ReadonlyArray<SurveyCommand>> =>
  validSequences(surveyModel, { caseId: 'S-PROP-1', maxLength: 6, ...options });
