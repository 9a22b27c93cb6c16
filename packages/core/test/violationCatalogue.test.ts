/** Every refusal and finding code has its sentence in Chinese; English keeps each violation's own message. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adversarialComplaintCommands, contractReviewCommands, inquiryCommands, surveyCommands, warrantyCommands } from '@caseledger/testing/arbitraries';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseType,
  type CommandBase,
  type EventBase,
  commandHandler,
  complaintCaseType,
  contractReviewCaseType,
  defaultRulebook,
  describedViolationCodes,
  inMemoryEventStore,
  inquiryCaseType,
  surveyCaseType,
  violationText,
  warrantyClaimCaseType,
} from '../src/index.js';

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));
const files = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : []));

/** The codes a source file gives a violation: SCREAMING_SNAKE literals in files that build violations. */
const codesInSource = (): ReadonlySet<string> =>
  new Set(
    files(srcDir)
      .map((f) => readFileSync(f, 'utf8'))
      .filter((text) => /violation\(|refuse\(|only\(/.test(text))
      .flatMap((text) => [...text.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)].map((m) => m[1] ?? '')),
  );

/** The codes the handlers refuse generated commands with (adversarial ones included). */
const refusalCodes = async <C extends CommandBase, Ev extends EventBase, S>(
  caseType: CaseType<C, Ev, S>,
  histories: ReadonlyArray<ReadonlyArray<unknown>>,
  into: Set<string>,
) => {
  const handle = commandHandler(caseType, inMemoryEventStore(), { rulebook: defaultRulebook });
  for (const [i, commands] of histories.entries()) {
    for (const command of commands) {
      if (typeof command !== 'object' || command === null) continue;
      const r = await handle({ ...command, caseId: `V${i}` })();
      if (E.isLeft(r)) into.add(r.left.code);
    }
  }
};

describe('the violation catalogue', () => {
  it('has a Chinese sentence for every code the core builds a violation with', () => {
    const codes = codesInSource();
    expect(codes.size).toBeGreaterThan(150);
    expect([...codes].filter((c) => violationText(c, 'zh-CN') === undefined)).toEqual([]);
    for (const code of describedViolationCodes) expect([code, /[\u4e00-\u9fff]/.test(violationText(code, 'zh-CN') ?? '')]).toEqual([code, true]);
  });

  it('covers every code the handlers refuse generated and adversarial commands with', async () => {
    const codes = new Set<string>();
    await refusalCodes(complaintCaseType, fc.sample(adversarialComplaintCommands({ maxLength: 25 }), { seed: 11, numRuns: 80 }), codes);
    await refusalCodes(warrantyClaimCaseType, fc.sample(warrantyCommands(defaultRulebook, { maxLength: 20 }), { seed: 12, numRuns: 80 }), codes);
    await refusalCodes(contractReviewCaseType, fc.sample(contractReviewCommands({ maxLength: 20 }), { seed: 13, numRuns: 60 }), codes);
    await refusalCodes(inquiryCaseType, fc.sample(inquiryCommands(defaultRulebook, { maxLength: 12 }), { seed: 14, numRuns: 60 }), codes);
    await refusalCodes(surveyCaseType, fc.sample(surveyCommands({ maxLength: 6 }), { seed: 15, numRuns: 30 }), codes);
    expect(codes.size).toBeGreaterThan(20);
    expect([...codes].filter((c) => violationText(c, 'zh-CN') === undefined)).toEqual([]);
  }, 60_000);

  it('leaves English to each violation’s own message, and a code of one’s own to its author', () => {
    expect(violationText('RETURN_WINDOW_EXPIRED', 'en')).toBeUndefined();
    expect(violationText('RETURN_WINDOW_EXPIRED', 'zh-CN')).toBe('已超过退货期限（出货后 3 个月内提出）。');
    expect(violationText('ACME_GUARANTEE_EXPIRED', 'zh-CN')).toBeUndefined();
  });
});
