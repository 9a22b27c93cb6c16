/** Every refusal and finding code has its sentence in Chinese; English keeps each violation's own message. */
import { adversarialComplaintCommands, contractReviewCommands, inquiryCommands, surveyCommands, warrantyCommands } from '@caseledger/testing/arbitraries';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseType,
  type CommandBase,
  type EventBase,
  caseTypes,
  commandHandler,
  complaintCaseType,
  contractReviewCaseType,
  defaultRulebook,
  describedViolationCodes,
  inMemoryEventStore,
  inquiryCaseType,
  kernelViolationTexts,
  surveyCaseType,
  violationText,
  warrantyClaimCaseType,
} from '../src/index.js';

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
  it('is carried by the kernel and by each case type (whose rules take no code without its text: the compiler checks), every sentence in Chinese', () => {
    const carried = [kernelViolationTexts, ...caseTypes.entries.map((entry) => entry.use((caseType) => caseType.violations))];
    for (const texts of carried) for (const [code, text] of Object.entries(texts)) expect([code, /[\u4e00-\u9fff]/.test(text)]).toEqual([code, true]);
    expect(new Set(describedViolationCodes)).toEqual(new Set(carried.flatMap((texts) => Object.keys(texts))));
    // A code two case types share says the same in both.
    const said = new Map<string, string>();
    for (const texts of carried) {
      for (const [code, text] of Object.entries(texts)) {
        expect([code, said.get(code) ?? text]).toEqual([code, text]);
        said.set(code, text);
      }
    }
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
