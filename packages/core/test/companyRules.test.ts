/**
 * A company's own rules (issue 21, part 5): ids in the company's namespace, decided by the command
 * handler and decided again by the audit, shown by the audit like the rulebook's rules.
 */
import { recordCase, warrantyCommands, defaultNumRuns } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseType,
  type CompanyRule,
  type WarrantyClaimState,
  type WarrantyCommand,
  type WarrantyEvent,
  checkHistory,
  companyRule,
  defaultRulebook,
  evolveWarrantyClaim,
  findingsOf,
  inForce,
  warrantyClaimCaseType,
  withCompanyRules,
} from '../src/index.js';
import { cs, quality, salesManager } from './fixtures/people.js';
import { caseId, instant } from './fixtures/values.js';
import { CLAIM, command, file } from './warranty/script.js';

const runs = { numRuns: defaultNumRuns() };
const rule = companyRule<WarrantyCommand, WarrantyClaimState>();

const right = <A>(e: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(e)) throw new Error(e.left.message);
  return e.right;
};

/** ACME-3: a return is accepted by a manager, never by staff alone. */
const acme3: CompanyRule<WarrantyCommand, WarrantyClaimState> = right(
  rule({
    id: 'ACME-3',
    title: 'A return is accepted by a manager',
    source: 'ACME QP-07 §3.2',
    governs: ['AcceptReturn'],
    check: (c) => (c.actor.role === 'staff' ? { code: 'RETURN_ACCEPTANCE_NEEDS_MANAGER', message: 'At ACME a manager accepts a return.' } : undefined),
  }),
);
const acmeClaims: CaseType<WarrantyCommand, WarrantyEvent, WarrantyClaimState> = right(withCompanyRules(warrantyClaimCaseType, [acme3]));

const inspect = command('RecordDefectInspection', '2026-11-10T10:00:00+08:00', quality, { verdict: 'intrinsic-defect', report: 'Capacitor failed' });
const acceptBy = (who: typeof cs) => command('AcceptReturn', '2026-11-10T11:00:00+08:00', who);

describe('company rules', () => {
  it('ACME-3 refuses, under its own id, a step the rulebook allows; the audit shows it on the step it governs', async () => {
    const byStaff = await recordCase(acmeClaims, [file('return', '2026-10-01'), inspect, acceptBy(cs)]);
    expect(byStaff.refused.map((v) => [v.ruleId, v.code])).toEqual([['ACME-3', 'RETURN_ACCEPTANCE_NEEDS_MANAGER']]);
    const byManager = await recordCase(acmeClaims, [file('return', '2026-10-01'), inspect, acceptBy(salesManager)]);
    expect(byManager.refused).toEqual([]);
    const accepted = byManager.envelopes[2]?.event;
    expect(accepted?.type).toBe('ReturnAccepted');
    if (accepted !== undefined) expect(acmeClaims.describe(accepted).rules).toEqual(['W-2', 'ACME-3']);
    // A rulebook violation is reported before a company rule is asked.
    const outside = await recordCase(acmeClaims, [file('return', '2025-01-01'), inspect, acceptBy(cs)]);
    expect(outside.refused.map((v) => v.ruleId)).toEqual(['W-2']);
  });

  it('ACME-3 is checked twice: a return a staff member accepted is a finding of the audit under ACME-3', async () => {
    // Written without the company rule (or forged), audited with it.
    const written = await recordCase(warrantyClaimCaseType, [file('return', '2026-10-01'), inspect, acceptBy(cs)]);
    const findings = findingsOf(checkHistory(acmeClaims, defaultRulebook)(written.streamName, written.envelopes));
    expect(findings.map((f) => [f.ruleId, f.code, Number(f.revision)])).toEqual([['ACME-3', 'RETURN_ACCEPTANCE_NEEDS_MANAGER', 2]]);
  });

  it('a company rule does not judge the steps taken before it came into force', async () => {
    const later = right(
      withCompanyRules(warrantyClaimCaseType, [
        right(rule({ ...acme3, governs: ['AcceptReturn'], inForceFrom: instant('2027-01-01T00:00:00+08:00'), check: acme3.check })),
      ]),
    );
    const written = await recordCase(warrantyClaimCaseType, [file('return', '2026-10-01'), inspect, acceptBy(cs)]);
    expect(findingsOf(checkHistory(later, defaultRulebook)(written.streamName, written.envelopes))).toEqual([]);
    const accepted = written.envelopes[2]?.event;
    if (accepted !== undefined) expect(later.describe(accepted).rules).toEqual(['W-2']);
  });

  it('refuses a rule id in the rulebook, a malformed id, a duplicate, a rule that governs nothing or an unknown step', () => {
    const base = { title: 't', source: 's', check: () => undefined };
    const codeOf = (e: E.Either<{ readonly code: string }, unknown>) => (E.isLeft(e) ? e.left.code : 'accepted');
    expect(codeOf(rule({ ...base, id: 'W-99', governs: ['AcceptReturn'] }))).toBe('COMPANY_RULE_ID_RESERVED');
    expect(codeOf(rule({ ...base, id: 'J-7', governs: ['AcceptReturn'] }))).toBe('COMPANY_RULE_ID_RESERVED');
    expect(codeOf(rule({ ...base, id: 'acme 3', governs: ['AcceptReturn'] }))).toBe('COMPANY_RULE_ID_MALFORMED');
    expect(codeOf(rule({ ...base, id: 'ACME-4', governs: [] }))).toBe('COMPANY_RULE_GOVERNS_NOTHING');
    expect(codeOf(withCompanyRules(warrantyClaimCaseType, [acme3, acme3]))).toBe('COMPANY_RULE_ID_DUPLICATE');
    // As a JavaScript caller might write it, past the types.
    const handMade: CompanyRule<WarrantyCommand, WarrantyClaimState> = { ...acme3, id: 'ACME-5', governs: JSON.parse('["OpenComplaint"]') };
    expect(codeOf(withCompanyRules(warrantyClaimCaseType, [handMade]))).toBe('COMPANY_RULE_UNKNOWN_STEP');
    expect(codeOf(withCompanyRules(warrantyClaimCaseType, [{ ...acme3, id: 'T-1' }]))).toBe('COMPANY_RULE_ID_RESERVED');
  });

  it('property: the audit flags a stored step under ACME-3 exactly when the rule refuses its command on the state before it', async () => {
    const check = checkHistory(acmeClaims, defaultRulebook);
    const context = inForce(defaultRulebook);
    let flaggedRuns = 0;
    await fc.assert(
      fc.asyncProperty(warrantyCommands(), async (commands) => {
        // Written by the rulebook alone, so some acceptances break ACME-3.
        const written = await recordCase(warrantyClaimCaseType, commands);
        const flagged = findingsOf(check(written.streamName, written.envelopes))
          .filter((f) => f.ruleId === 'ACME-3')
          .map((f) => Number(f.revision));
        const expected: number[] = [];
        let state = warrantyClaimCaseType.initialState;
        for (const { event, revision } of written.envelopes) {
          const step = warrantyClaimCaseType.stepOf(event, caseId(CLAIM));
          if (step !== undefined && acme3.check(step, state, context) !== undefined) {
            expected.push(Number(revision));
          }
          state = evolveWarrantyClaim(state, event);
        }
        expect(flagged).toEqual(expected);
        if (flagged.length > 0) flaggedRuns += 1;
      }),
      runs,
    );
    // The generated claims do reach staff acceptances, so the property is not vacuous.
    expect(flaggedRuns).toBeGreaterThan(0);
  });
});
