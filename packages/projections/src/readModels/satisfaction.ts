/** Satisfaction rate (S-2) and response rate (S-4) per survey period. */
import { isSatisfied } from '@caseledger/core';
import * as t from 'io-ts';
import type { KnownEvent } from '../knownEvents.js';
import { type Projection, foldEntries } from '../projection.js';

export const SatisfactionByPeriod = t.readonly(
  t.type({ forms: t.readonly(t.record(t.string, t.readonly(t.type({ period: t.string, returned: t.boolean, satisfied: t.boolean })))) }),
  'SatisfactionByPeriod',
);
export type SatisfactionByPeriod = t.TypeOf<typeof SatisfactionByPeriod>;

const forms = foldEntries<SatisfactionByPeriod['forms'][string]>({
  keyOf: (e) => (e.category === 'survey' ? e.caseId : undefined),
  step: (form, e) => {
    if (e.category !== 'survey') return undefined;
    const ev = e.envelope.event;
    if (ev.type === 'SurveySent') return { period: ev.period, returned: false, satisfied: false };
    return form === undefined || ev.type !== 'SurveyReturned' ? undefined : { ...form, returned: true, satisfied: isSatisfied(ev.overall) };
  },
});

const applyAll = (rm: SatisfactionByPeriod, events: ReadonlyArray<KnownEvent>): SatisfactionByPeriod => {
  const next = forms(rm.forms, events);
  return next === rm.forms ? rm : { forms: next };
};

export const satisfaction: Projection<SatisfactionByPeriod> = {
  name: 'satisfaction',
  version: 1,
  handles: new Set(['SurveySent', 'SurveyReturned']),
  initial: { forms: {} },
  codec: SatisfactionByPeriod,
  apply: (rm, e) => applyAll(rm, [e]),
  applyAll,
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

export const satisfactionByPeriod = (rm: SatisfactionByPeriod): ReadonlyArray<SatisfactionRow> => {
  const periods = new Map<string, { sent: number; returned: number; satisfied: number }>();
  for (const f of Object.values(rm.forms)) {
    const p = periods.get(f.period) ?? { sent: 0, returned: 0, satisfied: 0 };
    p.sent += 1;
    if (f.returned) p.returned += 1;
    if (f.satisfied) p.satisfied += 1;
    periods.set(f.period, p);
  }
  return [...periods.entries()]
    .map(([period, p]) => ({
      period,
      ...p,
      satisfactionRate: p.returned === 0 ? undefined : p.satisfied / p.returned,
      responseRate: p.sent === 0 ? undefined : p.returned / p.sent,
    }))
    .sort((a, b) => a.period.localeCompare(b.period));
};
