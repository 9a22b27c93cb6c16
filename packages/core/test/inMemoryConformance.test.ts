/** The in-memory store passes the same conformance suite as the EventStoreDB adapter. */
import { eventStoreConformance } from '@caseledger/testing';
import { inMemoryEventStore } from '../src/index.js';

eventStoreConformance('in-memory store', () => inMemoryEventStore(), { largeStreamEvents: 2_000 });
