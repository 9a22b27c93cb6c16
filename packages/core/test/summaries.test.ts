/** Every event's summary in English and in Chinese: the same rules, the same special case, the words in the language asked for. */
import { recordCase } from '@caseledger/testing';
import { complaintCommands, contractReviewCommands, inquiryCommands, surveyCommands, warrantyCommands } from '@caseledger/testing/arbitraries';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseType,
  type CommandBase,
  type EventBase,
  complaintCaseType,
  contractReviewCaseType,
  defaultRulebook,
  inquiryCaseType,
  surveyCaseType,
  warrantyClaimCaseType,
} from '../src/index.js';

const CJK = /[\u4e00-\u9fff]/;

/** Write generated commands through a handler (`recordCase`) and check every stored event's summaries; returns the event types seen. */
const check = async <C extends CommandBase, Ev extends EventBase, S>(
  caseType: CaseType<C, Ev, S>,
  histories: ReadonlyArray<ReadonlyArray<C>>,
): Promise<ReadonlySet<string>> => {
  const seen = new Set<string>();
  for (const commands of histories) {
    for (const { event } of (await recordCase(caseType, commands)).envelopes) {
      const en = caseType.describe(event, 'en');
      const zh = caseType.describe(event, 'zh-CN');
      expect([event.type, CJK.test(zh.summary), zh.summary !== en.summary, zh.rules, zh.specialCase]).toEqual([
        event.type,
        true,
        true,
        en.rules,
        en.specialCase,
      ]);
      expect(caseType.describe(event)).toEqual(en);
      seen.add(event.type);
    }
  }
  return seen;
};

describe('event summaries in every language', () => {
  it('says every event of every case type in Chinese as well as in English, with the same rules', async () => {
    const sample = <A>(arb: fc.Arbitrary<A>, seed: number, numRuns: number) => fc.sample(arb, { seed, numRuns });
    const seen = [
      ...(await check(complaintCaseType, sample(complaintCommands({ maxLength: 25 }), 1, 80))),
      ...(await check(warrantyClaimCaseType, sample(warrantyCommands(defaultRulebook, { maxLength: 20 }), 2, 120))),
      ...(await check(contractReviewCaseType, sample(contractReviewCommands({ maxLength: 20 }), 3, 60))),
      ...(await check(inquiryCaseType, sample(inquiryCommands(defaultRulebook, { maxLength: 12 }), 4, 60))),
      ...(await check(surveyCaseType, sample(surveyCommands({ maxLength: 4 }), 5, 20))),
    ];
    const all = [complaintCaseType, warrantyClaimCaseType, contractReviewCaseType, inquiryCaseType, surveyCaseType].flatMap((t) =>
      Object.keys(t.events.members),
    );
    // The generators reach most event types; the rest are checked by the type system (a switch without a default).
    expect(new Set(seen).size).toBeGreaterThan(all.length * 0.7);
  }, 60_000);
});
