/**
 * The statistics read models in PostgreSQL: a row per complaint, per warranty claim, per survey,
 * each in its own table, and the statistics as SQL `GROUP BY` queries over them — the same figures
 * as the in-memory functions over the same events.
 */
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { Pool } from 'pg';
import { queryRows, storedRow } from './postgresQuery.js';
import type { RowTable } from './postgresReadModelStore.js';
import type { PageRequest, ReadModelStoreError } from './readModelStore.js';
import { type AnnualComplaintStatistics, type ComplaintStatisticsRow, count } from './readModels/complaintStatistics.js';
import { type SatisfactionRow, type SurveyFormRow, satisfactionRow } from './readModels/satisfaction.js';
import { type SpecialCaseEntry, type WarrantyCategoryRow, WarrantyClaimRow, claimTally, specialCaseLog } from './readModels/warrantyStatistics.js';

export const complaintStatisticsTable: RowTable<ComplaintStatisticsRow> = {
  table: 'caseledger_complaint_statistics',
  columns: [
    { name: 'month', type: 'text', value: (r) => r.month },
    { name: 'responsibility', type: 'text', value: (r) => r.responsibility ?? null },
    { name: 'cause', type: 'text', value: (r) => r.cause ?? null },
    { name: 'department', type: 'text', value: (r) => r.department ?? null },
  ],
};

export const warrantyClaimsTable: RowTable<WarrantyClaimRow> = {
  table: 'caseledger_warranty_claims',
  columns: [
    { name: 'category', type: 'text', value: (r) => r.claim?.category ?? null },
    { name: 'kind', type: 'text', value: (r) => r.claim?.kind ?? null },
    { name: 'outcome', type: 'text', value: (r) => r.claim?.outcome ?? null },
    { name: 'special_case', type: 'boolean', value: (r) => r.claim?.specialCase ?? null },
    { name: 'special_cases', type: 'integer', value: (r) => r.specialCases.length },
  ],
};

export const surveyFormsTable: RowTable<SurveyFormRow> = {
  table: 'caseledger_survey_forms',
  columns: [
    { name: 'period', type: 'text', value: (r) => r.period },
    { name: 'returned', type: 'boolean', value: (r) => r.returned },
    { name: 'satisfied', type: 'boolean', value: (r) => r.satisfied },
  ],
};

export interface ProjectionNames {
  readonly complaintStatistics?: string;
  readonly warrantyStatistics?: string;
  readonly satisfaction?: string;
}

export interface PostgresStatisticsQueries {
  /** Complaints received in a year, by month, responsibility, cause and department (seed 003 §5.7). */
  readonly annualComplaintStatistics: (year: string) => TE.TaskEither<ReadModelStoreError, AnnualComplaintStatistics>;
  /** Warranty claims by product category: kinds, outcomes, the return rate, special cases. */
  readonly warrantyByCategory: () => TE.TaskEither<ReadModelStoreError, ReadonlyArray<WarrantyCategoryRow>>;
  /** W-3: the special cases approved, in the order approved. */
  readonly specialCaseLog: (page?: PageRequest) => TE.TaskEither<ReadModelStoreError, ReadonlyArray<SpecialCaseEntry>>;
  /** S-2 and S-4 per survey period. */
  readonly satisfactionByPeriod: () => TE.TaskEither<ReadModelStoreError, ReadonlyArray<SatisfactionRow>>;
}

/** The statistics from their tables (projection names default to the library's). */
export const postgresStatisticsQueries = (pool: Pool, names: ProjectionNames = {}): PostgresStatisticsQueries => ({
  annualComplaintStatistics: (year) =>
    queryRows(
      pool,
      `SELECT d.dimension, d.value, count(*)::integer AS n
         FROM caseledger_complaint_statistics s,
              LATERAL (VALUES ('month', s.month), ('responsibility', s.responsibility), ('cause', s.cause), ('department', s.department)) AS d(dimension, value)
        WHERE s.projection = $1 AND starts_with(s.month, $2 || '-')
        GROUP BY d.dimension, d.value`,
      [names.complaintStatistics ?? 'complaint-statistics', year],
      (rows: ReadonlyArray<{ readonly dimension: string; readonly value: string | null; readonly n: number }>) => {
        const by: Record<string, Record<string, number>> = { month: {}, responsibility: {}, cause: {}, department: {} };
        for (const row of rows) {
          const into = by[row.dimension];
          if (into !== undefined) count(into, row.value ?? undefined, row.n);
        }
        const total = Object.values(by['month'] ?? {}).reduce((a, b) => a + b, 0);
        return {
          year,
          total,
          byMonth: by['month'] ?? {},
          byResponsibility: by['responsibility'] ?? {},
          byCause: by['cause'] ?? {},
          byDepartment: by['department'] ?? {},
        };
      },
    ),
  warrantyByCategory: () =>
    queryRows(
      pool,
      `SELECT category, kind, outcome, special_case, count(*)::integer AS n FROM caseledger_warranty_claims
        WHERE projection = $1 AND category IS NOT NULL GROUP BY category, kind, outcome, special_case`,
      [names.warrantyStatistics ?? 'warranty-statistics'],
      (
        rows: ReadonlyArray<{ readonly category: string; readonly kind: string; readonly outcome: string; readonly special_case: boolean; readonly n: number }>,
      ) => {
        const tally = claimTally();
        for (const r of rows) tally.add({ category: r.category, kind: r.kind, outcome: r.outcome, specialCase: r.special_case }, r.n);
        return tally.rows();
      },
    ),
  specialCaseLog: (page) =>
    queryRows(
      pool,
      'SELECT key, detail FROM caseledger_warranty_claims WHERE projection = $1 AND special_cases > 0',
      [names.warrantyStatistics ?? 'warranty-statistics'],
      // Few rows: the claims with a special case; ordered and paged by the same function as in memory.
      (rows: ReadonlyArray<{ readonly key: string; readonly detail: unknown }>) =>
        specialCaseLog(
          rows.map((r) => storedRow(WarrantyClaimRow, r.detail, `Warranty claim ${r.key}`)),
          page,
        ),
    ),
  satisfactionByPeriod: () =>
    queryRows(
      pool,
      `SELECT period, count(*)::integer AS sent, (count(*) FILTER (WHERE returned))::integer AS returned, (count(*) FILTER (WHERE satisfied))::integer AS satisfied
         FROM caseledger_survey_forms WHERE projection = $1 GROUP BY period ORDER BY period`,
      [names.satisfaction ?? 'satisfaction'],
      (rows: ReadonlyArray<{ readonly period: string; readonly sent: number; readonly returned: number; readonly satisfied: number }>) =>
        rows.map((p) => satisfactionRow(p.period, p)),
    ),
});
