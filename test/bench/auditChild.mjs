// The measured side of the bulk-audit benchmark: a plain Node process on the built packages.
import { bulkAudit, casesFromLines, readLines } from '@caseledger/audit';
import { defaultCalendar, defaultPolicies, instantFromEpochMs } from '@caseledger/core';

const file = process.argv[2];
const started = performance.now();
const summary = await bulkAudit(
  casesFromLines(readLines(file)),
  { policies: defaultPolicies, calendar: defaultCalendar },
  instantFromEpochMs(Date.parse('2027-01-01T00:00:00Z')),
);
const seconds = (performance.now() - started) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
const violations = Object.values(summary.violations).reduce((a, b) => a + b, 0);
process.stdout.write(
  `${JSON.stringify({ events: summary.events, cases: summary.cases, seconds, eventsPerSecond: summary.events / seconds, maxRssMb, problems: summary.problems.length, violations })}\n`,
);
