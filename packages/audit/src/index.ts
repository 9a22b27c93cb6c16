/** @caseledger/audit: replay, check and report a case's history; JSON Lines export and import; bulk audit. */
export * from './audit.js';
export * from './cases.js';
export * from './html.js';
export * from './jsonl.js';
export * from './text.js';
export * from './provenance.js';
export * from './readable.js';
export * from './labels.js';
export * from './problems.js';
export * from './eventIdIndex.js';
// The types its functions take, so an app needs no second import for them.
export type { CaseHistory, CaseTypeRegistry, Rulebook } from '@caseledger/core';
