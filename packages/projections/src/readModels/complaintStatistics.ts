/** The annual complaint statistics the quality procedure asks for (seed 003 §5.7): counts by cause, responsibility, department and month. */
import { type BusinessCalendar, localDateOf } from '@caseledger/core';
import * as t from 'io-ts';
import type { KnownEvent } from '../knownEvents.js';
import { type Projection, foldEntries } from '../projection.js';

export const ComplaintStatistics = t.readonly(
  t.type({
    complaints: t.readonly(
      t.record(t.string, t.readonly(t.intersection([t.type({ month: t.string }), t.partial({ responsibility: t.string, cause: t.string, department: t.string })]))),
    ),
  }),
  'ComplaintStatistics',
);
export type ComplaintStatistics = t.TypeOf<typeof ComplaintStatistics>;

type ComplaintEntry = ComplaintStatistics['complaints'][string];

/** Months are the local months of receipt in the company calendar's zone. */
export const complaintStatistics = (calendar: BusinessCalendar): Projection<ComplaintStatistics> => {
  const complaints = foldEntries<ComplaintEntry>({
    keyOf: (e) => (e.category === 'complaint' ? e.caseId : undefined),
    step: (c, e) => {
      if (e.category !== 'complaint') return undefined;
      const ev = e.envelope.event;
      switch (ev.type) {
        case 'ComplaintReceived':
          return { month: localDateOf(calendar, ev.at).slice(0, 7) };
        case 'ComplaintClassified':
          return c === undefined ? undefined : { ...c, responsibility: ev.responsibility };
        case 'RootCauseDetermined':
          return c === undefined ? undefined : { ...c, cause: ev.rootCause, department: ev.responsibleDepartment };
        case 'IndependentAppraisalRecorded':
          return c === undefined || ev.result.outcome === 'upheld' ? undefined : { ...c, cause: ev.result.rootCause, department: ev.result.responsibleDepartment };
        default:
          return undefined;
      }
    },
  });
  const applyAll = (rm: ComplaintStatistics, events: ReadonlyArray<KnownEvent>): ComplaintStatistics => {
    const next = complaints(rm.complaints, events);
    return next === rm.complaints ? rm : { complaints: next };
  };
  return {
    name: 'complaint-statistics',
    version: 1,
    handles: new Set(['ComplaintReceived', 'ComplaintClassified', 'RootCauseDetermined', 'IndependentAppraisalRecorded']),
    initial: { complaints: {} },
    codec: ComplaintStatistics,
    apply: (rm, e) => applyAll(rm, [e]),
    applyAll,
  };
};

export interface AnnualComplaintStatistics {
  readonly year: string;
  readonly total: number;
  readonly byMonth: Readonly<Record<string, number>>;
  readonly byResponsibility: Readonly<Record<string, number>>;
  readonly byCause: Readonly<Record<string, number>>;
  readonly byDepartment: Readonly<Record<string, number>>;
}

const count = (into: Record<string, number>, key: string | undefined) => {
  const k = key ?? 'not determined';
  into[k] = (into[k] ?? 0) + 1;
};

export const annualComplaintStatistics = (rm: ComplaintStatistics, year: string): AnnualComplaintStatistics => {
  const byMonth: Record<string, number> = {};
  const byResponsibility: Record<string, number> = {};
  const byCause: Record<string, number> = {};
  const byDepartment: Record<string, number> = {};
  let total = 0;
  for (const c of Object.values(rm.complaints)) {
    if (!c.month.startsWith(`${year}-`)) continue;
    total += 1;
    count(byMonth, c.month);
    count(byResponsibility, c.responsibility);
    count(byCause, c.cause);
    count(byDepartment, c.department);
  }
  return { year, total, byMonth, byResponsibility, byCause, byDepartment };
};
