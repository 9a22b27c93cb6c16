/**
 * Commands safe to send twice: any command of any case type, sent again with the same command id,
 * stores its events once and is answered with the same outcome (property over generated procedures).
 */
import { complaintCommands, contractReviewCommands, inquiryCommands, surveyCommands, warrantyCommands } from '@caseledger/testing';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  type CaseType,
  type CommandBase,
  type EventBase,
  commandHandler,
  complaintCaseType,
  contractReviewCaseType,
  defaultRulebook,
  inMemoryEventStore,
  inquiryCaseType,
  surveyCaseType,
  warrantyClaimCaseType,
} from '../src/index.js';

const runs = { numRuns: Number(process.env['CASELEDGER_NUM_RUNS'] ?? 60) };

const outcome = (r: E.Either<{ readonly code: string }, { readonly revision: bigint | 'no-stream'; readonly appended: ReadonlyArray<{ readonly metadata: { readonly eventId: string }; readonly revision: bigint }> }>) =>
  E.isLeft(r) ? { refused: r.left.code } : { revision: r.right.revision, events: r.right.appended.map((e) => [e.metadata.eventId, e.revision]) };

const sentTwice = async <C extends CommandBase, Ev extends EventBase, S>(caseType: CaseType<C, Ev, S>, commands: fc.Arbitrary<ReadonlyArray<C>>) =>
  fc.assert(
    fc.asyncProperty(commands, fc.boolean(), async (cs, sameHandler) => {
      const store = inMemoryEventStore();
      const first = commandHandler(caseType, store, { rulebook: defaultRulebook });
      const second = sameHandler ? first : commandHandler(caseType, store, { rulebook: defaultRulebook });
      for (const [i, command] of cs.entries()) {
        const commandId = `cmd-${i}`;
        const once = await first(command, { commandId })();
        const before = store.allWritten().length;
        const again = await second(command, { commandId })();
        expect(store.allWritten()).toHaveLength(before);
        expect(outcome(again)).toEqual(outcome(once));
      }
    }),
    runs,
  );

describe('any command sent twice with one command id (property)', () => {
  it('complaints', () => sentTwice(complaintCaseType, complaintCommands()));
  it('warranty claims', () => sentTwice(warrantyClaimCaseType, warrantyCommands()));
  it('contract reviews', () => sentTwice(contractReviewCaseType, contractReviewCommands()));
  it('surveys', () => sentTwice(surveyCaseType, surveyCommands()));
  it('inquiries', () => sentTwice(inquiryCaseType, inquiryCommands()));
});
