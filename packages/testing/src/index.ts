/**
 * @caseledger/testing: generators of procedures, given/when/then, the proof by mutation and the
 * helpers for testing procedures, with no test runner needed; the store conformance suite, which
 * registers Vitest tests, is `@caseledger/testing/conformance`.
 */
export * from './arbitraries/index.js';
export * from './faults.js';
export * from './givenWhenThen.js';
export * from './lostAnswerRace.js';
export * from './mutation.js';
export * from './recordCase.js';
export type * from './plain.js';
export * from './caseTypeProperties.js';
export * from './builtInGenerators.js';
