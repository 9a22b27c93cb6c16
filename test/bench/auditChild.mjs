// The measured side of the audit-memory benchmark: a plain Node process on the built packages.
import { bulkAudit, casesFromLines, readLines } from '@caseledger/audit';
import { defaultCalendar, defaultPolicies, instantFromEpochMs } from '@caseledger/core';

const file = process.argv[2];
const started = performance.now();
const summary = await bulkAudit(casesFromLines(readLines(file)), { policies: defaultPolicies, calendar: defaultCalendar }, instantFromEpochMs(Date.parse('2027-01-01T00:00:00Z')));
const seconds = (performance.now() - started) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ events: summary.events, cases: summary.cases.complaint ?? 0, seconds, eventsPerSecond: summary.events / seconds, maxRssMb, problems: summary.problems.length })}\n`);
