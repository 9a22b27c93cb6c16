/** Warranty claims by product category and outcome, the return rate, and the W-3 special-case log for management review. */
import { Instant } from '@caseledger/core';
import * as t from 'io-ts';
import type { KnownEvent } from '../knownEvents.js';
import { type Projection, foldEntries } from '../projection.js';

export const ClaimOutcome = t.keyof({ open: null, accepted: null, rejected: null, closed: null });
export type ClaimOutcome = t.TypeOf<typeof ClaimOutcome>;

export const SpecialCaseEntry = t.readonly(
  t.type({ caseId: t.string, approvedBy: t.string, approverRole: t.string, justification: t.string, at: Instant }),
  'SpecialCaseEntry',
);
export type SpecialCaseEntry = t.TypeOf<typeof SpecialCaseEntry>;

export const WarrantyStatistics = t.readonly(
  t.type({
    claims: t.readonly(t.record(t.string, t.readonly(t.type({ category: t.string, kind: t.string, outcome: ClaimOutcome, specialCase: t.boolean })))),
    specialCases: t.readonlyArray(SpecialCaseEntry),
  }),
  'WarrantyStatistics',
);
export type WarrantyStatistics = t.TypeOf<typeof WarrantyStatistics>;

const claims = foldEntries<WarrantyStatistics['claims'][string]>({
  keyOf: (e) => (e.category === 'warrantyClaim' ? e.caseId : undefined),
  step: (claim, e) => {
    if (e.category !== 'warrantyClaim') return undefined;
    const ev = e.envelope.event;
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
  },
});

/** W-3: each special case a general manager approved, in the order approved. */
const specialCaseOf = (e: KnownEvent): ReadonlyArray<SpecialCaseEntry> =>
  e.category === 'warrantyClaim' && e.envelope.event.type === 'SpecialCaseApproved'
    ? [{ caseId: e.caseId, approvedBy: e.envelope.event.by.id, approverRole: e.envelope.event.by.role, justification: e.envelope.event.justification, at: e.envelope.event.at }]
    : [];

const applyAll = (rm: WarrantyStatistics, events: ReadonlyArray<KnownEvent>): WarrantyStatistics => {
  const nextClaims = claims(rm.claims, events);
  const approved = events.flatMap(specialCaseOf);
  if (nextClaims === rm.claims && approved.length === 0) return rm;
  return { claims: nextClaims, specialCases: approved.length === 0 ? rm.specialCases : [...rm.specialCases, ...approved] };
};

export const warrantyStatistics: Projection<WarrantyStatistics> = {
  name: 'warranty-statistics',
  version: 1,
  handles: new Set(['ClaimFiled', 'SpecialCaseApproved', 'ReturnAccepted', 'ClaimRejected', 'ClaimClosed']),
  initial: { claims: {}, specialCases: [] },
  codec: WarrantyStatistics,
  apply: (rm, e) => applyAll(rm, [e]),
  applyAll,
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

export const warrantyByCategory = (rm: WarrantyStatistics): ReadonlyArray<WarrantyCategoryRow> => {
  const rows = new Map<string, { claims: number; byKind: Record<string, number>; byOutcome: Record<string, number>; accepted: number; special: number }>();
  for (const c of Object.values(rm.claims)) {
    const row = rows.get(c.category) ?? { claims: 0, byKind: {}, byOutcome: {}, accepted: 0, special: 0 };
    row.claims += 1;
    row.byKind[c.kind] = (row.byKind[c.kind] ?? 0) + 1;
    row.byOutcome[c.outcome] = (row.byOutcome[c.outcome] ?? 0) + 1;
    if (c.outcome === 'accepted') row.accepted += 1;
    if (c.specialCase) row.special += 1;
    rows.set(c.category, row);
  }
  return [...rows.entries()]
    .map(([category, r]) => ({ category, claims: r.claims, byKind: r.byKind, byOutcome: r.byOutcome, returnRate: r.claims === 0 ? 0 : r.accepted / r.claims, specialCases: r.special }))
    .sort((a, b) => a.category.localeCompare(b.category));
};
