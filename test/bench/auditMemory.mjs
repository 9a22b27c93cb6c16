// audit-memory: the audit itself — decode (caseHistoryOf), re-decide every event, check the stream
// and the policy versions, judge the deadlines (complianceReport) — over stored events already in
// memory, as a store adapter hands them over: 1,000 distinct cases of every type, audited again and
// again up to the requested number of events. No file, no JSON.parse: see audit-bulk for those.
import { caseHistoryOf, complianceReport } from '@caseledger/audit';
import { defaultCalendar, defaultPolicies, instantFromEpochMs } from '@caseledger/core';
import { mixedCase } from './workloads.mjs';

const events = Number(process.argv[2] ?? 1_000_000);
const DISTINCT = 1000;
const cases = Array.from({ length: DISTINCT }, (_, n) => {
  const { streamName, events: stored } = mixedCase(n);
  return { streamName, recorded: stored.map((e, revision) => ({ ...e, streamName, revision: BigInt(revision), position: { commit: 0n, prepare: 0n } })) };
});
const rulebook = { policies: defaultPolicies, calendar: defaultCalendar };
const asOf = instantFromEpochMs(Date.parse('2027-01-01T00:00:00Z'));

const started = performance.now();
let audited = 0;
let violations = 0;
for (let n = 0; audited < events; n++) {
  const c = cases[n % DISTINCT];
  const history = caseHistoryOf(c.streamName, c.recorded);
  if (history._tag === 'Left') throw new Error(history.left.message);
  const report = complianceReport(history.right, rulebook, asOf);
  audited += report.events;
  violations += report.violations.length;
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({ events: audited, seconds, eventsPerSecond: audited / seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, violations })}\n`,
);
