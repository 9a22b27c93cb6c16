/** T-10 as a property: forgetting one customer erases exactly that customer's personal data. */
import { defaultNumRuns } from '@caseledger/testing';
import { ERASED_TEXT, commandHandler, complaintCaseType, customerContactDetails, inMemoryEventStore, valueAtPath } from '@caseledger/core';
import { validComplaintProcedures } from '@caseledger/testing/arbitraries';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { confidentialEventStore, forgetCustomer, inMemoryKeyStore } from '../src/index.js';
import { at, bytesOf, instant, must } from './support/scenario.js';

const runs = { numRuns: defaultNumRuns(0.5) };

/** Every personal value starts with `P<index>:` so a scan cannot mistake one customer's text for another's. */
const customerArb = (index: number) =>
  fc.record(
    {
      id: fc.constant(`cust-${index}`),
      name: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `P${index}:name:${s}`),
      phone: fc.string({ maxLength: 12 }).map((s) => `P${index}:phone:${s}`),
      email: fc.string({ maxLength: 12 }).map((s) => `P${index}:email:${s}`),
      address: fc.string({ maxLength: 12 }).map((s) => `P${index}:address:${s}`),
    },
    { requiredKeys: ['id', 'name'] },
  );

const customersWithHistories = fc.integer({ min: 2, max: 4 }).chain((n) =>
  fc.tuple(
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.tuple(
          customerArb(i),
          fc.array(
            validComplaintProcedures({ maxLength: 6 }).filter((commands) => commands.length > 0),
            { minLength: 1, maxLength: 2 },
          ),
        ),
      ),
    ),
    fc.nat({ max: n - 1 }),
  ),
);

describe('forgetting one customer (T-10, property)', () => {
  it("erases that customer's personal fields and leaves every other customer's readable, over generated customers and histories", async () => {
    await fc.assert(
      fc.asyncProperty(customersWithHistories, async ([customers, forgotten]) => {
        const raw = inMemoryEventStore();
        const keys = inMemoryKeyStore();
        const store = confidentialEventStore({ store: raw, keys, personalData: customerContactDetails });
        const handle = commandHandler(complaintCaseType, store);
        for (const [i, [customer, procedures]] of customers.entries()) {
          for (const [j, commands] of procedures.entries()) {
            for (const command of commands) {
              await must(handle({ ...command, caseId: `C-${i}-${j}`, ...(command.type === 'ReceiveComplaint' ? { customer } : {}) })());
            }
          }
        }
        await must(forgetCustomer(keys, `cust-${forgotten}`, instant(at(30, '09:00')))());

        const all = await store.readAll()();
        if (E.isLeft(all)) throw new Error(all.left.message);
        const received = all.right.filter((e) => e.type === 'ComplaintReceived');
        expect(received).toHaveLength(customers.reduce((n, [, procedures]) => n + procedures.length, 0));
        for (const event of received) {
          const index = Number(event.streamName.split('-')[2]);
          const [customer] = customers[index] ?? [];
          const read = valueAtPath(event.data, 'customer');
          if (index === forgotten) {
            expect(read).toEqual(Object.fromEntries(Object.keys(customer ?? {}).map((k) => [k, k === 'id' ? customer?.id : ERASED_TEXT])));
          } else {
            expect(read).toEqual(customer);
          }
        }
        // The store underneath never held any customer's text.
        expect(bytesOf(raw.allWritten())).not.toMatch(/P\d:(name|phone|email|address):/);
      }),
      runs,
    );
  });
});
