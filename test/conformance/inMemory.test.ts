import { inMemoryEventStore } from '@caseledger/core';
import { eventStoreConformance } from '@caseledger/testing';

eventStoreConformance('in-memory store', () => inMemoryEventStore());
