import { type Instant, commandHandler, complaintCaseType, defaultCalendar, defaultPolicies, inMemoryEventStore } from '@caseledger/core';
import { type CaseRecord, type ReadModelStore, caseFiles, inMemoryReadModelStore, runProjection } from '@caseledger/projections';
import { confidentialEventStore, forgettingRoutine, handlerCache, inMemoryKeyStore, rebuiltReadModel } from '@caseledger/privacy';

export const privacyExample = (now: Instant) => {
  // In production: postgresKeyStore(pool, { current: kek }) with kek from kekFromEnvironment().
  const keys = inMemoryKeyStore();
  const sealed = inMemoryEventStore(); // or eventStoreDbStore(client): it only ever sees ciphertext
  // Seals the contact details and every free-text field (defaultPersonalData).
  const store = confidentialEventStore({ store: sealed, keys });
  const handle = commandHandler(complaintCaseType, store);
  const readModels: ReadModelStore<CaseRecord> = inMemoryReadModelStore<CaseRecord>();
  const projection = caseFiles({ policies: defaultPolicies, calendar: defaultCalendar });

  const routine = forgettingRoutine({
    keys,
    caches: [handlerCache('complaints', handle)],
    readModels: [rebuiltReadModel('case-files', () => runProjection({ source: store, store: readModels, projection, rebuild: true }))],
    // storage: [postgresVacuum(pool, [POSTGRES_KEY_TABLE, ...READ_MODEL_TABLES]), postgresWal(pool)] with PostgreSQL
  });
  const forget = (customerId: string) => routine.forget(customerId, now)();
  return { handle, store, sealed, readModels, forget };
};
