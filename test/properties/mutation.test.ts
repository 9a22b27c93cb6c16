/**
 * Proof by mutation (T-11, T-12, T-5): for every case type, generated valid histories are mutated
 * one change at a time and audited; every mutant that re-deciding shows to mean something else is
 * flagged, with the handler's own rule id and code where the handler refuses the mutated step, and
 * every equivalent mutant audits clean. The scores are in docs/audit.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  complaintCaseType,
  contractReviewCaseType,
  decodePolicySet,
  defaultCalendar,
  inquiryCaseType,
  rulebookDefaults,
  surveyCaseType,
  warrantyClaimCaseType,
} from '@caseledger/core';
import {
  type MutationScore,
  auditMutationScore,
  validComplaintProcedures,
  validContractReviews,
  validInquiries,
  validSurveys,
  validWarrantyProcedures,
} from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';

// Two policy versions, the second in force from the fourth day of the generated procedures: a
// shifted instant or a forged label can cross from one to the other.
const policies = decodePolicySet([
  { version: 'company-2025', inForceFrom: '2025-01-01T00:00:00+08:00', values: rulebookDefaults },
  {
    version: 'company-2026-12',
    inForceFrom: '2026-11-20T00:00:00+08:00',
    values: { warranty: { returnGrounds: { company: { within: '6 months' } }, defaultProductWarrantyMonths: 24 } },
  },
]);
if (E.isLeft(policies)) throw new Error(policies.left.message);
const rulebook = { policies: policies.right, calendar: defaultCalendar };

const scores: MutationScore[] = [];
afterAll(() => {
  mkdirSync('.test-results', { recursive: true });
  writeFileSync('.test-results/mutation-scores.json', `${JSON.stringify(scores, null, 2)}\n`);
});

const expectPerfect = (score: MutationScore) => {
  scores.push(score);
  expect(score.nonEquivalent).toBeGreaterThan(0);
  expect(score.flagged).toBe(score.nonEquivalent);
  expect(score.score).toBe(1);
};

describe('the audit catches every mutant of a valid history that means something else', () => {
  it('complaints', async () => {
    expectPerfect(await auditMutationScore(complaintCaseType, { procedures: validComplaintProcedures(), rulebook }));
  });
  it('warranty claims', async () => {
    expectPerfect(await auditMutationScore(warrantyClaimCaseType, { procedures: validWarrantyProcedures(rulebook), rulebook }));
  });
  it('contract reviews', async () => {
    expectPerfect(await auditMutationScore(contractReviewCaseType, { procedures: validContractReviews(), rulebook }));
  });
  it('surveys', async () => {
    expectPerfect(await auditMutationScore(surveyCaseType, { procedures: validSurveys(), rulebook }));
  });
  it('inquiries', async () => {
    expectPerfect(await auditMutationScore(inquiryCaseType, { procedures: validInquiries(rulebook), rulebook }));
  });
});
