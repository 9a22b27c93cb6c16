import { type Instant, commandHandler, complaintCaseType, customerContactDetails, inMemoryEventStore, withPersonalFields } from '@caseledger/core';
import { type CaseFiles, caseFiles, inMemoryReadModelStore, runProjection } from '@caseledger/projections';
import { confidentialEventStore, forgetCustomer, inMemoryKeyStore } from '@caseledger/privacy';

// The app's complaint descriptions may name people: mark them personal too.
const personalData = withPersonalFields({ ComplaintReceived: ['description'] })(customerContactDetails);

export const privacyExample = (now: Instant) => {
  const keys = inMemoryKeyStore(); // postgresKeyStore(pool, { current: kek }) in production
  const sealed = inMemoryEventStore(); // or eventStoreDbStore(client): it only ever sees ciphertext
  const store = confidentialEventStore({ store: sealed, keys, personalData });
  const handle = commandHandler(complaintCaseType, store);
  const readModels = inMemoryReadModelStore<CaseFiles>();

  const forget = async (customerId: string) => {
    const forgotten = await forgetCustomer(keys, customerId, now)();
    // Read models were given the text before: rebuild them from the events, which now read as erased.
    const rebuilt = await runProjection({ source: store, store: readModels, projection: caseFiles, rebuild: true })();
    return { forgotten, rebuilt };
  };
  return { handle, store, sealed, readModels, forget };
};
