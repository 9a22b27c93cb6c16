/** The annual complaint statistics the quality procedure asks for (seed 003 §5.7): counts by cause, responsibility, department and month. */
import { type BusinessCalendar, complaintCaseType, localDateOf } from '@caseledger/core';
import * as t from 'io-ts';
import { eventOf } from '../knownEvents.js';
import { type Projection, stepByStep } from '../projection.js';

/** A complaint as the statistics count it: a row per complaint, keyed by its case id. */
export const ComplaintStatisticsRow = t.readonly(
  t.intersection([t.type({ month: t.string }), t.partial({ responsibility: t.string, cause: t.string, department: t.string })]),
  'ComplaintStatisticsRow',
);
export type ComplaintStatisticsRow = t.TypeOf<typeof ComplaintStatisticsRow>;

const complaintEventOf = eventOf(complaintCaseType);

/** Months are the local months of receipt in the company calendar's zone. */
export const complaintStatistics = (calendar: BusinessCalendar): Projection<ComplaintStatisticsRow> => ({
  name: 'complaint-statistics',
  // Version 2 keeps a row per complaint.
  version: 2,
  handles: new Set(['ComplaintReceived', 'ComplaintClassified', 'RootCauseDetermined', 'IndependentAppraisalRecorded']),
  codec: ComplaintStatisticsRow,
  keyOf: (e) => (e.category === complaintCaseType.category ? e.caseId : undefined),
  evolve: stepByStep<ComplaintStatisticsRow>((c, e) => {
    const ev = complaintEventOf(e);
    switch (ev?.type) {
      case 'ComplaintReceived':
        return { month: localDateOf(calendar, ev.at).slice(0, 7) };
      case 'ComplaintClassified':
        return c === undefined ? undefined : { ...c, responsibility: ev.responsibility };
      case 'RootCauseDetermined':
        return c === undefined ? undefined : { ...c, cause: ev.rootCause, department: ev.responsibleDepartment };
      case 'IndependentAppraisalRecorded':
        return c === undefined || ev.result.outcome === 'upheld'
          ? undefined
          : { ...c, cause: ev.result.rootCause, department: ev.result.responsibleDepartment };
      default:
        return undefined;
    }
  }),
});

export interface AnnualComplaintStatistics {
  readonly year: string;
  readonly total: number;
  readonly byMonth: Readonly<Record<string, number>>;
  readonly byResponsibility: Readonly<Record<string, number>>;
  readonly byCause: Readonly<Record<string, number>>;
  readonly byDepartment: Readonly<Record<string, number>>;
}

/** Counts by text as own properties, so a cause written `__proto__` is counted like any other. */
export const count = (into: Record<string, number>, key: string | undefined, by = 1): void => {
  const k = key ?? 'not determined';
  Object.defineProperty(into, k, { value: (Object.hasOwn(into, k) ? (into[k] ?? 0) : 0) + by, enumerable: true, writable: true, configurable: true });
};

export const annualComplaintStatistics = (rows: Iterable<ComplaintStatisticsRow>, year: string): AnnualComplaintStatistics => {
  const byMonth: Record<string, number> = {};
  const byResponsibility: Record<string, number> = {};
  const byCause: Record<string, number> = {};
  const byDepartment: Record<string, number> = {};
  let total = 0;
  for (const c of rows) {
    if (!c.month.startsWith(`${year}-`)) continue;
    total += 1;
    count(byMonth, c.month);
    count(byResponsibility, c.responsibility);
    count(byCause, c.cause);
    count(byDepartment, c.department);
  }
  return { year, total, byMonth, byResponsibility, byCause, byDepartment };
};
