/** Satisfaction rate (S-2) and response rate (S-4) per survey period. */
import { isSatisfied, surveyCaseType } from '@caseledger/core';
import * as t from 'io-ts';
import { eventOf } from '../knownEvents.js';
import { type Projection, stepByStep } from '../projection.js';
import { compareUtf8 } from './caseFiles.js';

/** A survey form: its period, whether it came back, whether it said satisfied (S-2); a row per survey, keyed by its case id. */
export const SurveyFormRow = t.readonly(t.type({ period: t.string, returned: t.boolean, satisfied: t.boolean }), 'SurveyFormRow');
export type SurveyFormRow = t.TypeOf<typeof SurveyFormRow>;

const surveyEventOf = eventOf(surveyCaseType);

export const satisfaction: Projection<SurveyFormRow> = {
  name: 'satisfaction',
  // Version 2 keeps a row per survey.
  version: 2,
  handles: new Set(['SurveySent', 'SurveyReturned']),
  codec: SurveyFormRow,
  keyOf: (e) => (e.category === surveyCaseType.category ? e.caseId : undefined),
  evolve: stepByStep<SurveyFormRow>((form, e) => {
    const ev = surveyEventOf(e);
    if (ev === undefined) return undefined;
    if (ev.type === 'SurveySent') return { period: ev.period, returned: false, satisfied: false };
    return form === undefined || ev.type !== 'SurveyReturned' ? undefined : { ...form, returned: true, satisfied: isSatisfied(ev.overall) };
  }),
};

export interface SatisfactionRow {
  readonly period: string;
  readonly sent: number;
  readonly returned: number;
  readonly satisfied: number;
  /** S-2: satisfied ÷ returned; undefined with no form returned. */
  readonly satisfactionRate: number | undefined;
  /** S-4: returned ÷ sent. */
  readonly responseRate: number | undefined;
}

/** A period's row from its counts: S-2 and S-4 as rates. */
export const satisfactionRow = (period: string, p: { readonly sent: number; readonly returned: number; readonly satisfied: number }): SatisfactionRow => ({
  period,
  sent: p.sent,
  returned: p.returned,
  satisfied: p.satisfied,
  satisfactionRate: p.returned === 0 ? undefined : p.satisfied / p.returned,
  responseRate: p.sent === 0 ? undefined : p.returned / p.sent,
});

export const satisfactionByPeriod = (rows: Iterable<SurveyFormRow>): ReadonlyArray<SatisfactionRow> => {
  const periods = new Map<string, { sent: number; returned: number; satisfied: number }>();
  for (const f of rows) {
    const p = periods.get(f.period) ?? { sent: 0, returned: 0, satisfied: 0 };
    p.sent += 1;
    if (f.returned) p.returned += 1;
    if (f.satisfied) p.satisfied += 1;
    periods.set(f.period, p);
  }
  return [...periods.entries()].map(([period, p]) => satisfactionRow(period, p)).sort((a, b) => compareUtf8(a.period, b.period));
};
