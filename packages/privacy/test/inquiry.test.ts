/** An inquiry's customer is personal data like a complaint's (T-10): sealed in the store, erased by a forget, audited without keys. */
import { auditCase, readCase } from '@caseledger/audit';
import { commandHandler, customerContactDetails, inMemoryEventStore, inquiryCaseType } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { confidentialEventStore, forgetCustomer, inMemoryKeyStore } from '../src/index.js';
import { at, bytesOf, context, cs, instant, must } from './support/scenario.js';

const li = { id: 'cust-li', name: 'Li Na Xiuying', phone: '+86 139 2222 3333', email: 'li.na@example.cn' };

describe('an inquiry under customerContactDetails', () => {
  it('keeps the customer sealed in the store, reads them erased after a forget, and audits clean without keys', async () => {
    const raw = inMemoryEventStore();
    const keys = inMemoryKeyStore();
    const store = confidentialEventStore({ store: raw, keys, personalData: customerContactDetails });
    const handle = commandHandler(inquiryCaseType, store);
    await must(handle({ type: 'ReceiveInquiry', caseId: 'Q-LI', at: at(16, '09:00'), actor: cs, customer: li, channel: 'phone', subject: 'Delivery date' })());
    await must(handle({ type: 'ReplyToInquiry', caseId: 'Q-LI', at: at(16, '10:00'), actor: cs, form: 'written', reply: 'On the 4th' })());
    expect([li.name, li.phone, li.email].filter((v) => bytesOf(raw.allWritten()).includes(v))).toEqual([]);
    const withoutKeys = await readCase(raw, 'inquiry-Q-LI');
    if (E.isLeft(withoutKeys)) throw new Error(withoutKeys.left.message);
    expect(auditCase(withoutKeys.right, context, instant(at(16, '12:00'))).report).toMatchObject({ violations: [], findings: 0 });
    await must(forgetCustomer(keys, 'cust-li', instant(at(17, '09:00')))());
    const after = await readCase(store, 'inquiry-Q-LI');
    expect(E.isRight(after) && after.right.use((_, envelopes) => envelopes[0]?.event)).toMatchObject({
      customer: { id: 'cust-li', name: '[erased personal data]', phone: '[erased personal data]' },
    });
  });
});
