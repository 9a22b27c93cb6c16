/**
 * "Forget customer X" (T-10): delete the customer's key. Every event stays where it is; from now on
 * each of the customer's personal fields reads as `ERASED_TEXT`. Read models built before hold the
 * text they were given: `forgettingRoutine` does the rest (caches, read models, vacuum, the horizon).
 */
import type { Instant } from '@caseledger/core';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import type { ForgetResult, KeyStore, KeyStoreError } from './keyStore.js';

export const forgetCustomer = (keys: KeyStore, customerId: string, at: Instant): TE.TaskEither<KeyStoreError, ForgetResult> => keys.forget(customerId, at);
