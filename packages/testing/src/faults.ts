/** Fault injection for stores, to test what happens when the network misbehaves. */
import type { EventStore, StoreError } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';

const lostAnswer: StoreError = { _tag: 'StoreError', code: 'STORE_UNAVAILABLE', retriable: true, message: 'connection reset before the answer arrived (injected)' };

/**
 * The store, except that the answers of its first `lose` appends are lost: each append reaches the
 * store and is written, but the writer sees a retriable STORE_UNAVAILABLE.
 */
export const losingAppendAnswers = <S extends EventStore>(store: S, lose = 1): S & { readonly appendCalls: () => number } => {
  let calls = 0;
  return {
    ...store,
    appendToStream: (...args: Parameters<EventStore['appendToStream']>) => async () => {
      calls += 1;
      const result = await store.appendToStream(...args)();
      return calls <= lose ? E.left(lostAnswer) : result;
    },
    appendCalls: () => calls,
  };
};
