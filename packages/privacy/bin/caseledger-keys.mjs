#!/usr/bin/env node
// Customer keys in PostgreSQL for operators: see `caseledger-keys` without arguments.
import { runKeysCli } from '../dist/cli.js';

process.exitCode = await runKeysCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
});
