import { type Rulebook, companyPolicy, defaultCalendar, describeBreach, prcConsumer } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';

/** A shop selling to consumers in China: the 三包 preset (J-1), with its own window for returns. */
export const shopRulebook = (returnWindow: string): E.Either<string, Rulebook> => {
  const policies = companyPolicy(prcConsumer, [
    { version: 'shop-2027', inForceFrom: '2027-01-01T00:00:00+08:00', values: { warranty: { returnGrounds: { 'sanbao-return': { within: returnWindow } } } } },
  ]);
  if (E.isRight(policies)) return E.right({ policies: policies.right, calendar: defaultCalendar });
  const e = policies.left;
  return E.left(e.code === 'POLICY_BELOW_LEGAL_FLOOR' ? e.breaches.map(describeBreach).join('\n') : e.message);
};

// shopRulebook('30 days'): a right; returns within 30 days of the sale, decided and audited under J-1.
// shopRulebook('5 days'):  a left: "0.values.warranty.returnGrounds.sanbao-return.within gives 5 days;
//   the law's floor is at least 7 days (J-1, 部分商品修理更换退货责任规定 (国经贸[1995]458号) art. 9)."
