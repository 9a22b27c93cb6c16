/**
 * Proof by mutation (T-11, T-12, T-5): for every case type, generated valid histories are mutated
 * one change at a time and audited; every mutant that re-deciding shows to mean something else is
 * flagged, with the handler's own rule id and code where the handler refuses the mutated step, and
 * every equivalent mutant audits clean. The scores are in docs/audit.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { caseTypes, decodePolicySet, defaultCalendar, rulebookDefaults } from '@caseledger/core';
import { type MutationScore, auditMutationScore, builtInGenerators } from '@caseledger/testing';
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

const generators = builtInGenerators(rulebook);

describe('the audit catches every mutant of a valid history that means something else', () => {
  it('every registered case type has its valid procedures', () => {
    expect(caseTypes.categories.filter((category) => !generators.some((g) => g.category === category && g.use((_, gen) => gen.valid !== undefined)))).toEqual(
      [],
    );
  });
  for (const entry of generators) {
    it(entry.category, async () => {
      const score = await entry.use((caseType, g) => (g.valid === undefined ? undefined : auditMutationScore(caseType, { procedures: g.valid, rulebook })));
      if (score === undefined) throw new Error(`${entry.category} has no valid procedures`);
      expectPerfect(score);
    });
  }
});
