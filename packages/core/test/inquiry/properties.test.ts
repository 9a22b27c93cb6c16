/** Properties over generated inquiries: what the handler writes audits clean, replays, round-trips, and reaches every step. */
import { deciderSpec, validInquiries, defaultNumRuns } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRulebook, inquiryDeadlines, inquiryDecider, instantFromEpochMs } from '../../src/index.js';

const runs = { numRuns: defaultNumRuns() };
const decider = inquiryDecider();
const decideAll = deciderSpec(decider).decideEach;

describe('inquiry properties', () => {
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
});
