/** @caseledger/eventstoredb: the EventStore port on EventStoreDB/KurrentDB. */
export * from './mapping.js';
export * from './store.js';
export * from './subscription.js';
