import { inMemoryEventStore } from '@caseledger/core';
import { eventStoreConformance } from '@caseledger/testing/conformance';

eventStoreConformance('in-memory store', () => inMemoryEventStore());
