/**
 * @caseledger/privacy: customer data sealed per customer (AES-256-GCM) inside caseledger event
 * streams, and erased by forgetting the customer's key without touching a single event (T-10).
 * Customers' keys are stored only wrapped by a key-encryption key the application holds.
 */
export * from './confidentialEventStore.js';
export * from './forgetCustomer.js';
export * from './forgettingRoutine.js';
export * from './inMemoryKeyStore.js';
export * from './kek.js';
export * from './keyStore.js';
export * from './postgresKeyStore.js';
export * from './rotateKek.js';
export * from './seal.js';
