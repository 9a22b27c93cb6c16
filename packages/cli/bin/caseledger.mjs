#!/usr/bin/env node
// The caseledger CLI for auditors and operators: see `caseledger --help`.
import { localeFromEnvironment } from '@caseledger/audit';
import { run } from '../dist/index.js';

process.exitCode = await run(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') || text.startsWith('\r') ? text : `${text}\n`),
  interactive: process.stderr.isTTY === true,
  now: () => Date.now(),
  locale: localeFromEnvironment(process.env),
});
