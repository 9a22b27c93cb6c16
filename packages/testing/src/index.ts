/** @caseledger/testing: the store conformance suite and helpers for testing procedures. */
export * from './storeConformance.js';
