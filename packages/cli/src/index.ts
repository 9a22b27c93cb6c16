/** @caseledger/cli: the `caseledger` command (audits, export and import, read models) and what it says in each language. */
export * from './cli.js';
export type * from './io.js';
export * from './cliMessages.js';
export * from './project.js';
export * from './version.js';
