/**
 * @caseledger/privacy: customer data sealed per customer (AES-256-GCM) inside caseledger event
 * streams, and erased by forgetting the customer's key without touching a single event (T-10).
 */
export * from './confidentialEventStore.js';
export * from './forgetCustomer.js';
export * from './inMemoryKeyStore.js';
export * from './keyStore.js';
export * from './postgresKeyStore.js';
export * from './seal.js';
