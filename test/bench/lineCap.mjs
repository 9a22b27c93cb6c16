// line-cap: auditing a file with one 50 MB line (refused by the 16 MiB cap) next to ordinary lines.
// The splitter must never hold the long line: peak RSS of the auditing process stays under 128 MB.
// `node lineCap.mjs FILE write` writes the file (in its own process); `node lineCap.mjs FILE` audits it.
import { createWriteStream } from 'node:fs';
import { bulkAudit, casesFromLines, formatLine, readLines } from '@caseledger/audit';
import { defaultCalendar, defaultPolicies, instantFromEpochMs } from '@caseledger/core';
import { mixedCase } from './workloads.mjs';

const file = process.argv[2];
if (process.argv[3] === 'write') {
  const out = createWriteStream(file);
  const write = (text) => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  const { streamName, events } = mixedCase(0);
  for (const [revision, e] of events.entries())
    await write(`${formatLine({ ...e, streamName, revision: BigInt(revision), position: { commit: 0n, prepare: 0n } })}\n`);
  // One 50 MB line, written in 1 MB pieces.
  await write('{"format":"caseledger.event/1","streamName":"complaint-HUGE","padding":"');
  for (let i = 0; i < 50; i++) await write('x'.repeat(1024 * 1024));
  await write('"}\n');
  await new Promise((resolve) => out.end(resolve));

  process.exit(0);
}

const summary = await bulkAudit(
  casesFromLines(readLines(file)),
  { policies: defaultPolicies, calendar: defaultCalendar },
  instantFromEpochMs(Date.parse('2027-01-01T00:00:00Z')),
);
process.stdout.write(`${JSON.stringify({ events: summary.events, problems: summary.problems, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
