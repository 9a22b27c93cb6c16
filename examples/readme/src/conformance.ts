import type { EventStore } from '@caseledger/core';
import { eventStoreConformance } from '@caseledger/testing/conformance';

export const conformMyStore = (makeMyStore: () => EventStore) => eventStoreConformance('my store', () => makeMyStore());
