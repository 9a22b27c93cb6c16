import { commandHandler, complaintCaseType } from '@caseledger/core';
import { connectEventStoreDb } from '@caseledger/eventstoredb';

export const onEventStoreDb = async (command: unknown) => {
  const store = connectEventStoreDb('kurrentdb://localhost:2113?tls=false'); // one per process
  const handle = commandHandler(complaintCaseType, store);
  const result = await handle(command)();
  await store.dispose(); // on shutdown
  return result;
};
