/**
 * The statistics read models in PostgreSQL: a row per complaint, per warranty claim, per survey,
 * each in its own table, and the statistics as SQL `GROUP BY` queries over them — the same figures
 * as the in-memory functions over the same events.
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { Pool } from 'pg';
import { messageOf, type RowTable, storeError } from './postgresReadModelStore.js';
import type { PageRequest, ReadModelStoreError } from './readModelStore.js';
import { compareUtf8 } from './readModels/caseFiles.js';
import { type AnnualComplaintStatistics, type ComplaintStatisticsRow, count } from './readModels/complaintStatistics.js';
import { type SatisfactionRow, type SurveyFormRow } from './readModels/satisfaction.js';
import { type SpecialCaseEntry, type WarrantyCategoryRow, type WarrantyClaimRow, WarrantyClaimRow as WarrantyClaimRowCodec, specialCaseLog } from './readModels/warrantyStatistics.js';

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

const run =
  <Row, A>(pool: Pool, sql: string, params: ReadonlyArray<unknown>, shape: (rows: ReadonlyArray<Row>) => E.Either<ReadModelStoreError, A>): TE.TaskEither<ReadModelStoreError, A> =>
  async () => {
    try {
      const result = await pool.query(sql, [...params]);
      return shape(result.rows);
    } catch (error) {
      return E.left(storeError(messageOf(error)));
    }
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
    run(
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
        return E.right({ year, total, byMonth: by['month'] ?? {}, byResponsibility: by['responsibility'] ?? {}, byCause: by['cause'] ?? {}, byDepartment: by['department'] ?? {} });
      },
    ),
  warrantyByCategory: () =>
    run(
      pool,
      `SELECT category, kind, outcome, special_case, count(*)::integer AS n FROM caseledger_warranty_claims
        WHERE projection = $1 AND category IS NOT NULL GROUP BY category, kind, outcome, special_case`,
      [names.warrantyStatistics ?? 'warranty-statistics'],
      (rows: ReadonlyArray<{ readonly category: string; readonly kind: string; readonly outcome: string; readonly special_case: boolean; readonly n: number }>) => {
        const categories = new Map<string, { claims: number; byKind: Record<string, number>; byOutcome: Record<string, number>; accepted: number; special: number }>();
        for (const row of rows) {
          const c = categories.get(row.category) ?? { claims: 0, byKind: {}, byOutcome: {}, accepted: 0, special: 0 };
          c.claims += row.n;
          count(c.byKind, row.kind, row.n);
          count(c.byOutcome, row.outcome, row.n);
          if (row.outcome === 'accepted') c.accepted += row.n;
          if (row.special_case) c.special += row.n;
          categories.set(row.category, c);
        }
        return E.right(
          [...categories.entries()]
            .map(([category, r]) => ({ category, claims: r.claims, byKind: r.byKind, byOutcome: r.byOutcome, returnRate: r.claims === 0 ? 0 : r.accepted / r.claims, specialCases: r.special }))
            .sort((a, b) => compareUtf8(a.category, b.category)),
        );
      },
    ),
  specialCaseLog: (page) =>
    run(
      pool,
      'SELECT key, detail FROM caseledger_warranty_claims WHERE projection = $1 AND special_cases > 0',
      [names.warrantyStatistics ?? 'warranty-statistics'],
      (rows: ReadonlyArray<{ readonly key: string; readonly detail: unknown }>) => {
        const claims: WarrantyClaimRow[] = [];
        for (const row of rows) {
          const claim = WarrantyClaimRowCodec.decode(row.detail);
          if (E.isLeft(claim)) return E.left(storeError(`Warranty claim ${row.key} cannot be read`));
          claims.push(claim.right);
        }
        // Few rows: the ones with a special case; ordered by the same function as in memory.
        return E.right(specialCaseLog(claims, page));
      },
    ),
  satisfactionByPeriod: () =>
    run(
      pool,
      `SELECT period, count(*)::integer AS sent, (count(*) FILTER (WHERE returned))::integer AS returned, (count(*) FILTER (WHERE satisfied))::integer AS satisfied
         FROM caseledger_survey_forms WHERE projection = $1 GROUP BY period ORDER BY period`,
      [names.satisfaction ?? 'satisfaction'],
      (rows: ReadonlyArray<{ readonly period: string; readonly sent: number; readonly returned: number; readonly satisfied: number }>) =>
        E.right(
          rows.map((p) => ({
            period: p.period,
            sent: p.sent,
            returned: p.returned,
            satisfied: p.satisfied,
            satisfactionRate: p.returned === 0 ? undefined : p.satisfied / p.returned,
            responseRate: p.sent === 0 ? undefined : p.returned / p.sent,
          })),
        ),
    ),
});
