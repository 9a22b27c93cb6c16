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
        // T-13: any other command under an id that stored events is refused, whatever field differs.
        const other = cs.find((c) => JSON.stringify(c) !== JSON.stringify(command));
        if (E.isRight(once) && once.right.appended.length > 0 && other !== undefined) {
          const reused = await second(other, { commandId })();
          expect(E.isLeft(reused) && reused.left.code).toBe('COMMAND_ID_REUSED');
          expect(store.allWritten()).toHaveLength(before);
        }
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

describe('T-13: a command id names one command, every field of it', () => {
  const clerk = { id: 'cs-1', department: 'customer-service', role: 'staff' } as const;
  const receive = {
    type: 'ReceiveComplaint',
    caseId: 'C-13',
    at: '2026-11-16T09:00:00+08:00',
    actor: clerk,
    customer: { id: 'cust-1', name: 'Hangzhou Light Co.', phone: '+86 571 0000 0000' },
    channel: 'phone',
    description: 'Housings cracked on arrival',
    severity: 'major',
  };
  const changes: ReadonlyArray<[string, object]> = [
    ['severity', { severity: 'critical' }],
    ['description', { description: 'Housings cracked on arrival, 3 of 40' }],
    ['customer', { customer: { ...receive.customer, id: 'cust-2' } }],
    ['customer phone', { customer: { ...receive.customer, phone: '+86 571 0000 0001' } }],
    ['channel', { channel: 'email' }],
  ];
  it.each(changes)('another %s under a used id is COMMAND_ID_REUSED and writes nothing; the same command in another key order is a resend', async (_field, change) => {
    const store = inMemoryEventStore();
    const handle = commandHandler(complaintCaseType, store);
    const first = await handle(receive, { commandId: 'req-1' })();
    expect(E.isRight(first)).toBe(true);
    const changed = await handle({ ...receive, ...change }, { commandId: 'req-1' })();
    expect(E.isLeft(changed) && changed.left.code).toBe('COMMAND_ID_REUSED');
    const reordered = Object.fromEntries(Object.entries(receive).reverse());
    const resent = await commandHandler(complaintCaseType, store)(reordered, { commandId: 'req-1' })();
    expect(E.isRight(resent) && resent.right.revision).toBe(0n);
    expect(store.allWritten()).toHaveLength(1);
  });

  it('what is kept to compare holds no field of the command (T-10)', async () => {
    const store = inMemoryEventStore();
    await commandHandler(complaintCaseType, store)(receive, { commandId: 'req-1' })();
    const fingerprint = store.allWritten()[0]?.metadata['commandFingerprint'];
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
});
