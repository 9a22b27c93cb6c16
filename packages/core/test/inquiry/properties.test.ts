/** Properties over generated inquiries: what the handler writes audits clean, replays, round-trips, and reaches every step. */
import { deciderSpec, inquiryCommands, recordCase, validInquiries } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InquiryEvent, checkHistory, defaultRulebook, findingsOf, inquiryCaseType, inquiryDeadlines, inquiryDecider, instantFromEpochMs, replay } from '../../src/index.js';

const runs = { numRuns: Number(process.env['CASELEDGER_NUM_RUNS'] ?? 200) };
const decider = inquiryDecider();
const decideAll = deciderSpec(decider).decideEach;

describe('inquiry properties', () => {
  it('every history the handler writes, whatever it was sent, audits with no finding (I-1 … I-8, T-1)', async () => {
    const check = checkHistory(inquiryCaseType, defaultRulebook);
    await fc.assert(
      fc.asyncProperty(inquiryCommands(), async (commands) => {
        const { streamName, envelopes } = await recordCase(inquiryCaseType, commands);
        expect(findingsOf(check(streamName, envelopes))).toEqual([]);
      }),
      runs,
    );
  });

  it('every valid inquiry is accepted in full, replays to the state the decider saw, and survives JSON', () => {
    fc.assert(
      fc.property(validInquiries(), (commands) => {
        const { events, state, refused } = decideAll(commands);
        expect(refused).toEqual([]);
        expect(replay(decider)(events)).toEqual(state);
        for (const e of events) expect(InquiryEvent.decode(JSON.parse(JSON.stringify(InquiryEvent.codec.encode(e))))).toEqual(E.right(e));
      }),
      runs,
    );
  });

  it('a deadline reported met was met by a step by its due instant; one pending is not yet due (T-8)', () => {
    fc.assert(
      fc.property(validInquiries(), fc.integer({ min: 0, max: 90 * 86_400_000 }), (commands, later) => {
        const { events } = decideAll(commands);
        const now = instantFromEpochMs(Date.parse('2026-11-16T01:00:00Z') + later);
        const reports = inquiryDeadlines(defaultRulebook)(events, now);
        if (E.isLeft(reports)) throw new Error(reports.left.message);
        for (const d of reports.right) {
          if (d.status === 'met') expect(d.doneAt !== undefined && d.dueBy !== undefined && Date.parse(d.doneAt) <= Date.parse(d.dueBy)).toBe(true);
          if (d.status === 'pending') expect(d.dueBy !== undefined && Date.parse(now) <= Date.parse(d.dueBy)).toBe(true);
        }
      }),
      runs,
    );
  });

  it('the generator reaches every event type', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(inquiryCommands(defaultRulebook, { maxLength: 30 }), (commands) => {
        for (const e of decideAll(commands).events) reached.add(e.type);
      }),
      { numRuns: 400, seed: 5 },
    );
    expect([...reached].sort()).toEqual([...InquiryEvent.tags].sort());
  });
});
