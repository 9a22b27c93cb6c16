/** Warranty claims by product category and outcome, the return rate, and the W-3 special-case log for management review. */
import { Instant, type WarrantyEvent, epochMs, warrantyClaimCaseType } from '@caseledger/core';
import * as t from 'io-ts';
import { eventOf } from '../knownEvents.js';
import { type Projection, stepByStep } from '../projection.js';
import { type PageRequest, pageOf } from '../readModelStore.js';
import { compareUtf8 } from './caseFiles.js';
import { count } from './complaintStatistics.js';

export const ClaimOutcome = t.keyof({ open: null, accepted: null, rejected: null, closed: null });
export type ClaimOutcome = t.TypeOf<typeof ClaimOutcome>;

export const SpecialCaseEntry = t.readonly(
  t.type({ caseId: t.string, approvedBy: t.string, approverRole: t.string, justification: t.string, at: Instant }),
  'SpecialCaseEntry',
);
export type SpecialCaseEntry = t.TypeOf<typeof SpecialCaseEntry>;

export const WarrantyClaimStatistics = t.readonly(
  t.type({ category: t.string, kind: t.string, outcome: ClaimOutcome, specialCase: t.boolean }),
  'WarrantyClaimStatistics',
);
export type WarrantyClaimStatistics = t.TypeOf<typeof WarrantyClaimStatistics>;

/** A warranty claim as the statistics count it, with the W-3 special cases approved on it; a row per claim, keyed by its case id. */
export const WarrantyClaimRow = t.readonly(
  t.intersection([t.type({ specialCases: t.readonlyArray(SpecialCaseEntry) }), t.partial({ claim: WarrantyClaimStatistics })]),
  'WarrantyClaimRow',
);
export type WarrantyClaimRow = t.TypeOf<typeof WarrantyClaimRow>;

const warrantyEventOf = eventOf(warrantyClaimCaseType);

const claimStep = (claim: WarrantyClaimStatistics | undefined, ev: WarrantyEvent): WarrantyClaimStatistics | undefined => {
  switch (ev.type) {
    case 'ClaimFiled':
      return { category: ev.unit?.category ?? `construction: ${ev.work?.element ?? 'unknown'}`, kind: ev.kind, outcome: 'open', specialCase: false };
    case 'ReturnAccepted':
      return claim === undefined ? undefined : { ...claim, outcome: 'accepted', specialCase: ev.specialCase };
    case 'ClaimRejected':
      return claim === undefined ? undefined : { ...claim, outcome: 'rejected' };
    case 'ClaimClosed':
      return claim === undefined || claim.outcome !== 'open' ? undefined : { ...claim, outcome: 'closed' };
    default:
      return undefined;
  }
};

/** W-3: a special case a general manager approved. */
const specialCaseOf = (caseId: string, ev: WarrantyEvent): SpecialCaseEntry | undefined =>
  ev.type === 'SpecialCaseApproved' ? { caseId, approvedBy: ev.by.id, approverRole: ev.by.role, justification: ev.justification, at: ev.at } : undefined;

export const warrantyStatistics: Projection<WarrantyClaimRow> = {
  name: 'warranty-statistics',
  // Version 2 keeps a row per claim.
  version: 2,
  handles: new Set(['ClaimFiled', 'SpecialCaseApproved', 'ReturnAccepted', 'ClaimRejected', 'ClaimClosed']),
  codec: WarrantyClaimRow,
  keyOf: (e) => (e.category === warrantyClaimCaseType.category ? e.caseId : undefined),
  evolve: stepByStep<WarrantyClaimRow>((row, e) => {
    const ev = warrantyEventOf(e);
    if (ev === undefined) return undefined;
    const approved = specialCaseOf(e.caseId, ev);
    if (approved !== undefined) return { ...row, specialCases: [...(row?.specialCases ?? []), approved] };
    const claim = claimStep(row?.claim, ev);
    return claim === undefined ? undefined : { specialCases: row?.specialCases ?? [], claim };
  }),
};

export interface WarrantyCategoryRow {
  readonly category: string;
  readonly claims: number;
  readonly byKind: Readonly<Record<string, number>>;
  readonly byOutcome: Readonly<Record<string, number>>;
  /** Returns and exchanges accepted ÷ claims in the category. */
  readonly returnRate: number;
  readonly specialCases: number;
}

/** Claims counted by category, one claim or a group of alike claims at a time (the SQL query counts groups). */
export const claimTally = () => {
  const rows = new Map<string, { claims: number; byKind: Record<string, number>; byOutcome: Record<string, number>; accepted: number; special: number }>();
  return {
    add: (claim: { readonly category: string; readonly kind: string; readonly outcome: string; readonly specialCase: boolean }, n = 1): void => {
      const row = rows.get(claim.category) ?? { claims: 0, byKind: {}, byOutcome: {}, accepted: 0, special: 0 };
      row.claims += n;
      count(row.byKind, claim.kind, n);
      count(row.byOutcome, claim.outcome, n);
      if (claim.outcome === 'accepted') row.accepted += n;
      if (claim.specialCase) row.special += n;
      rows.set(claim.category, row);
    },
    rows: (): ReadonlyArray<WarrantyCategoryRow> =>
      [...rows.entries()]
        .map(([category, r]) => ({
          category,
          claims: r.claims,
          byKind: r.byKind,
          byOutcome: r.byOutcome,
          returnRate: r.claims === 0 ? 0 : r.accepted / r.claims,
          specialCases: r.special,
        }))
        .sort((a, b) => compareUtf8(a.category, b.category)),
  };
};

export const warrantyByCategory = (claims: Iterable<WarrantyClaimRow>): ReadonlyArray<WarrantyCategoryRow> => {
  const tally = claimTally();
  for (const { claim } of claims) if (claim !== undefined) tally.add(claim);
  return tally.rows();
};

/** W-3: every special case approved, for management review, in the order approved (then by case id). */
export const specialCaseLog = (rows: Iterable<WarrantyClaimRow>, page?: PageRequest): ReadonlyArray<SpecialCaseEntry> =>
  pageOf(
    [...rows]
      .flatMap((row) => row.specialCases.map((entry, i) => ({ entry, i })))
      .sort((a, b) => epochMs(a.entry.at) - epochMs(b.entry.at) || compareUtf8(a.entry.caseId, b.entry.caseId) || a.i - b.i)
      .map((e) => e.entry),
    page,
  );
