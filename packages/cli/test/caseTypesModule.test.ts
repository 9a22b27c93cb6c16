/** `--case-types MODULE`: an app's own case types in the CLI's audits, and a module that is not one said in one line. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatLine } from '@caseledger/audit';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_CLEAN, run } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'caseledger-cli-case-types-'));
const module = fileURLToPath(new URL('./fixtures/ownCaseTypes.mjs', import.meta.url));
const actor = { id: 'cs-li', department: 'customer-service', role: 'staff' };

const cli = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false, now: () => Date.parse('2026-11-20T12:00:00+08:00') });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const exportFile = (): string => {
  const file = join(dir, 'visits.jsonl');
  const line = formatLine({
    streamName: 'siteVisit-V-1',
    revision: 0n,
    position: { commit: 0n, prepare: 0n },
    eventId: '0b7f0a52-8f3a-4c55-9d0e-6f1e2b3c4d5e',
    type: 'VisitRecorded',
    data: { type: 'VisitRecorded', at: '2026-11-18T10:00:00+08:00', by: actor },
    metadata: {
      eventId: '0b7f0a52-8f3a-4c55-9d0e-6f1e2b3c4d5e',
      schemaVersion: 1,
      correlationId: 'c-1',
      causationId: 'c-1',
      actor,
      at: '2026-11-18T10:00:00+08:00',
    },
  });
  writeFileSync(file, `${line}\n`);
  return file;
};

describe('caseledger --case-types', () => {
  it('audits the cases of an own case type given its module, and names it in Chinese', async () => {
    const file = exportFile();
    const without = await cli('audit-all', '--file', file, '--json');
    expect(without.out).toContain('UNKNOWN_CASE_CATEGORY');
    const given = await cli('audit-all', '--file', file, '--case-types', module, '--json');
    expect([given.code, given.err]).toEqual([EXIT_CLEAN, '']);
    expect(JSON.parse(given.out)).toMatchObject({ cases: { siteVisit: 1 }, events: 1 });
    const one = await cli('audit', 'V-1', '--file', file, '--case-types', module, '--lang', 'zh-CN');
    expect(one.err).toContain('siteVisit-V-1');
    const zh = await cli('audit', 'siteVisit-V-1', '--file', file, '--case-types', module, '--lang', 'zh-CN');
    expect(zh.code).toBe(EXIT_CLEAN);
    expect(zh.out).toContain('现场回访 · 1 个事件');
  });

  it('says in one line why a module cannot be used', async () => {
    const file = exportFile();
    const missing = await cli('audit-all', '--file', file, '--case-types', join(dir, 'nothing.mjs'));
    expect(missing.code).toBe(EXIT_BAD_INPUT);
    expect(missing.err).toContain('--case-types not found');
    const notCaseTypes = join(dir, 'not.mjs');
    writeFileSync(notCaseTypes, 'export const caseTypes = [{ category: "x" }];\n');
    const wrong = await cli('audit-all', '--file', file, '--case-types', notCaseTypes);
    expect(wrong.code).toBe(EXIT_BAD_INPUT);
    expect(wrong.err).toBe(`--case-types ${notCaseTypes}: case type 0: no commands codec`);
  });
});
