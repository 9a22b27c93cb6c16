/** @caseledger/testing: the store conformance suite and helpers for testing procedures. */
export * from './arbitraries/index.js';
export * from './faults.js';
export * from './givenWhenThen.js';
export * from './lostAnswerRace.js';
export * from './mutation.js';
export * from './recordCase.js';
export type * from './plain.js';
export * from './storeConformance.js';
