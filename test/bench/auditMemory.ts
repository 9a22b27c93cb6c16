/**
 * Benchmark (needs `pnpm build` first): the bulk audit of a JSON Lines export holds one case at a time, so its peak resident
 * memory stays bounded whatever the file size. Generates an export of N events (default 100,000:
 * complaints of 10 events), then audits it in a fresh process and checks the process's own peak
 * RSS against the bound (default 256 MB). Exit code 1 when the bound is exceeded.
 *
 *   pnpm bench:audit-memory [events] [boundMB]
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatLine } from '@caseledger/audit';
import { ComplaintCommand, complaintDecider, describeFieldErrors } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';

const [a = '100000', b = '256'] = process.argv.slice(2);

const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
const quality = { id: 'qa-chen', department: 'quality', role: 'staff' };
const production = { id: 'prod-liu', department: 'production', role: 'staff' };

/** Ten steps of an internal complaint, the n-th one starting n minutes after the first. */
const script = (caseId: string, start: number) => {
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  return [
    { type: 'ReceiveComplaint', actor: cs, customer: { id: 'c', name: 'Customer' }, channel: 'phone', description: 'Cracked', severity: 'minor' },
    { type: 'AcknowledgeComplaint', actor: cs, explanation: 'x' },
    { type: 'ClassifyComplaint', actor: cs, responsibility: 'internal' },
    { type: 'ForwardToQuality', actor: cs },
    { type: 'RecordQualityReply', actor: quality, reply: 'x' },
    { type: 'DetermineRootCause', actor: quality, rootCause: 'x', responsibleDepartment: 'production' },
    { type: 'SubmitCapaPlan', actor: production, corrective: 'x', preventive: 'y' },
    { type: 'RecordCapaImplemented', actor: production, note: 'x' },
    { type: 'VerifyCapa', actor: quality, effective: true, note: 'x' },
    { type: 'ReportResolution', actor: cs, summary: 'x' },
  ].map((c, i) => ({ ...c, caseId, at: at(i * 90) }));
};

const generate = (file: string, events: number) => {
  writeFileSync(file, '');
  const cases = Math.ceil(events / 10);
  let position = 0n;
  for (let n = 0; n < cases; n++) {
    const caseId = `C${n}`;
    let state = complaintDecider.initialState;
    let revision = 0n;
    const lines: string[] = [];
    for (const input of script(caseId, Date.parse('2026-01-05T01:00:00Z') + n * 60_000)) {
      const command = ComplaintCommand.decode(input);
      if (E.isLeft(command)) throw new Error(describeFieldErrors(command.left));
      const decided = complaintDecider.decide(command.right, state);
      if (E.isLeft(decided)) throw new Error(decided.left.message);
      for (const event of decided.right) {
        state = complaintDecider.evolve(state, event);
        const eventId = `${caseId}-${revision}`;
        const metadata = { eventId, schemaVersion: 1, actor: command.right.actor, correlationId: caseId, causationId: caseId, at: event.at };
        lines.push(formatLine({ streamName: `complaint-${caseId}`, revision, position: { commit: position, prepare: position }, eventId, type: event.type, data: JSON.parse(JSON.stringify(event)), metadata: JSON.parse(JSON.stringify(metadata)) }));
        revision += 1n;
        position += 1n;
      }
    }
    appendFileSync(file, `${lines.join('\n')}\n`);
  }
};

{
  const events = Number(a);
  const boundMb = Number(b);
  const file = join(mkdtempSync(join(tmpdir(), 'caseledger-bench-')), 'events.jsonl');
  generate(file, events);
  // The audit runs in a plain Node process on the built packages, so the measurement is the library's, not the tooling's.
  const child = spawnSync(process.execPath, [fileURLToPath(new URL('./auditChild.mjs', import.meta.url)), file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`the audit process failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
  const report = { name: 'audit-bulk-memory', unit: 'MB', value: result.maxRssMb, bound: boundMb, fileMb: statSync(file).size / 1024 / 1024, ...result };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  if (result.events !== Math.ceil(events / 10) * 10 || result.problems !== 0) {
    process.stderr.write('the audit did not read every event\n');
    process.exit(1);
  }
  if (result.maxRssMb > boundMb) {
    process.stderr.write(`peak RSS ${result.maxRssMb.toFixed(0)} MB exceeds the bound of ${boundMb} MB\n`);
    process.exit(1);
  }
}
