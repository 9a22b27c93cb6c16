/** Fault injection for stores, to test what happens when the network misbehaves. */
import type { EventStore, StoreError } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';

const lostAnswer: StoreError = {
  _tag: 'StoreError',
  code: 'STORE_UNAVAILABLE',
  retriable: true,
  message: 'connection reset before the answer arrived (injected)',
};

/**
 * The store, except that the answers of its first `lose` appends are lost: each append reaches the
 * store and is written, but the writer sees a retriable STORE_UNAVAILABLE.
 */
export const losingAppendAnswers = <S extends EventStore>(store: S, lose = 1): S & { readonly appendCalls: () => number } => {
  let calls = 0;
  return {
    ...store,
    appendToStream:
      (...args: Parameters<EventStore['appendToStream']>) =>
      async () => {
        calls += 1;
        const result = await store.appendToStream(...args)();
        return calls <= lose ? E.left(lostAnswer) : result;
      },
    appendCalls: () => calls,
  };
};

/**
 * The store, able to lose the answer of its next append after letting something else happen in the
 * gap — another process writing to the same case, say — as a real network does. The append is
 * written; the writer sees a retriable STORE_UNAVAILABLE only once `meanwhile` is done.
 */
export const losingAnswersWhile = <S extends EventStore>(
  store: S,
): { readonly store: S; readonly loseNextAnswer: (meanwhile: () => Promise<void>) => void } => {
  let pending: (() => Promise<void>) | undefined;
  return {
    store: {
      ...store,
      appendToStream:
        (...args: Parameters<EventStore['appendToStream']>) =>
        async () => {
          const result = await store.appendToStream(...args)();
          const meanwhile = pending;
          if (E.isLeft(result) || meanwhile === undefined) return result;
          pending = undefined;
          await meanwhile();
          return E.left(lostAnswer);
        },
    },
    loseNextAnswer: (meanwhile) => {
      pending = meanwhile;
    },
  };
};
