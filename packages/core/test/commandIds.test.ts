/**
 * Commands safe to send twice (T-13), by example: every field of a command is part of what its id
 * names. The property over generated procedures of every case type is `caseTypeProperties`
 * (test/properties/caseTypes.test.ts).
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { commandHandler, complaintCaseType, inMemoryEventStore } from '../src/index.js';

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
  it.each(changes)(
    'another %s under a used id is COMMAND_ID_REUSED and writes nothing; the same command in another key order is a resend',
    async (_field, change) => {
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
    },
  );

  it('what is kept to compare holds no field of the command (T-10)', async () => {
    const store = inMemoryEventStore();
    await commandHandler(complaintCaseType, store)(receive, { commandId: 'req-1' })();
    const fingerprint = store.allWritten()[0]?.metadata['commandFingerprint'];
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
});
