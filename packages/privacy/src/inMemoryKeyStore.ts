/** Keys in memory: for tests, examples and single-process tools. Forgetting overwrites the key's bytes. */
import type { Instant } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { randomBytes } from 'node:crypto';
import { KEY_BYTES, type KeyStore, type SubjectKey } from './keyStore.js';

export const inMemoryKeyStore = (): KeyStore => {
  const keys = new Map<string, SubjectKey>();
  const lookup = (subject: string): SubjectKey => keys.get(subject) ?? { status: 'unknown' };

  return {
    lookup: (subject) => async () => E.right(lookup(subject)),
    issue: (subject) => async () => {
      const known = lookup(subject);
      if (known.status !== 'unknown') return E.right(known);
      const issued = { status: 'active', key: new Uint8Array(randomBytes(KEY_BYTES)) } as const;
      keys.set(subject, issued);
      return E.right(issued);
    },
    forget: (subject, at: Instant) => async () => {
      const known = lookup(subject);
      if (known.status === 'erased') return E.right({ erasedAt: known.erasedAt, forgottenNow: false });
      if (known.status === 'active') known.key.fill(0);
      keys.set(subject, { status: 'erased', erasedAt: at });
      return E.right({ erasedAt: at, forgottenNow: true });
    },
  };
};
