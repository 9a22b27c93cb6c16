/** The CLI: what an auditor runs on an export, its outputs and its exit codes. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandHandler, complaintCaseType, inMemoryEventStore } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportStore } from '@caseledger/audit';
import { EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_FINDINGS, run } from '../src/index.js';
// @ts-expect-error -- the EventStoreDB test double is plain JavaScript without type declarations.
import { startDouble } from '../../eventstoredb/test/support/double.mjs';

const dir = mkdtempSync(join(tmpdir(), 'caseledger-cli-'));
const file = join(dir, 'events.jsonl');
const at = (day: number, hhmm: string) => `2026-11-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;
const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
const quality = { id: 'qa-chen', department: 'quality', role: 'staff' };

const cli = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false, now: () => Date.parse(at(20, '12:00')) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

beforeAll(async () => {
  const store = inMemoryEventStore();
  const handle = commandHandler(complaintCaseType, store);
  const step = async (caseId: string, type: string, day: number, hhmm: string, actor: object, fields: object = {}) => {
    const r = await handle({ type, caseId, at: at(day, hhmm), actor, ...fields })();
    if (E.isLeft(r)) throw new Error(r.left.message);
  };
  // C-LATE: quality replies a day late. C-OK: external, answered on time and closed.
  await step('C-LATE', 'ReceiveComplaint', 16, '09:00', cs, { customer: { id: 'c1', name: 'A' }, channel: 'phone', description: 'x', severity: 'minor' });
  await step('C-LATE', 'AcknowledgeComplaint', 16, '09:10', cs, { explanation: 'x' });
  await step('C-LATE', 'ClassifyComplaint', 16, '10:00', cs, { responsibility: 'internal' });
  await step('C-LATE', 'ForwardToQuality', 16, '10:30', cs);
  await step('C-LATE', 'RecordQualityReply', 18, '10:00', quality, { reply: 'Late' });
  await step('C-OK', 'ReceiveComplaint', 16, '09:00', cs, { customer: { id: 'c2', name: 'B' }, channel: 'email', description: 'x', severity: 'minor' });
  await step('C-OK', 'AcknowledgeComplaint', 16, '09:05', cs, { explanation: 'x' });
  await step('C-OK', 'ClassifyComplaint', 16, '10:00', cs, { responsibility: 'external' });
  await step('C-OK', 'SendExplanation', 16, '15:00', cs, { explanation: 'x' });
  await step('C-OK', 'ConfirmExplanationReceipt', 17, '09:00', cs);
  await step('C-OK', 'CloseComplaint', 17, '09:05', cs);
  const lines: string[] = [];
  await exportStore(store, async (l) => {
    lines.push(l);
  })();
  writeFileSync(file, `${lines.join('\n')}\n`);
});

describe('caseledger audit', () => {
  it('reports in Chinese with --lang zh-CN, or when the environment is Chinese; codes, rule ids and instants stay as they are', async () => {
    const zh = await cli('audit', 'complaint-C-LATE', '--file', file, '--lang', 'zh-CN');
    expect(zh.code).toBe(EXIT_FINDINGS);
    expect(zh.out).toContain('complaint-C-LATE 审核报告');
    expect(zh.out).toContain('时间均为 Asia/Shanghai (UTC+08:00)');
    expect(zh.out).toMatch(/C-5 品质部书面回复\s+逾期\s+截止 2026-11-17 23:59, 完成 2026-11-18 10:00 — 逾期 10 小时 \(政策 rulebook-2：1 个工作日\)/);
    expect(zh.out).toMatch(/^ {2}C-5 {3}品质部 1 个工作日内书面回复$/m);
    expect(zh.out).toContain('发现 1 个问题。');
    // The timeline's summaries too.
    expect(zh.out).toContain('品质部已书面回复 → 内部原因：品质部已回复');
    expect(zh.out).toContain('经电话收到投诉，严重程度：一般 → 已收到');
    const html = await cli('audit', 'complaint-C-LATE', '--file', file, '--lang', 'zh-CN', '--html', join(dir, 'zh.html'));
    expect(html.code).toBe(EXIT_FINDINGS);
    expect(readFileSync(join(dir, 'zh.html'), 'utf8')).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    const fromEnvironment: string[] = [];
    await run(['audit', 'complaint-C-LATE', '--file', file], {
      out: (t) => fromEnvironment.push(t),
      err: () => undefined,
      interactive: false,
      now: () => Date.parse(at(20, '12:00')),
      locale: 'zh-CN',
    });
    expect(fromEnvironment.join('\n')).toContain('审核报告');
    // --lang wins over the environment.
    const english: string[] = [];
    await run(['audit', 'complaint-C-LATE', '--file', file, '--lang', 'en'], {
      out: (t) => english.push(t),
      err: () => undefined,
      interactive: false,
      now: () => Date.parse(at(20, '12:00')),
      locale: 'zh-CN',
    });
    expect(english.join('\n')).toContain('Audit of complaint-C-LATE');
  });

  it('refuses a language it does not have, with exit 2', async () => {
    const r = await cli('audit', 'complaint-C-LATE', '--file', file, '--lang', 'fr');
    expect([r.code, r.err.split('\n')[0]]).toEqual([EXIT_BAD_INPUT, '--lang must be en or zh-CN (got "fr")']);
  });

  it('exits 0 and prints the timeline of a clean case', async () => {
    const r = await cli('audit', 'complaint-C-OK', '--file', file);
    expect(r.code).toBe(EXIT_CLEAN);
    expect(r.out).toContain('ExplanationSent [C-4]');
    expect(r.out).toContain('No findings.');
  });

  it('exits 1 for a late quality reply, and shows it as missed', async () => {
    const r = await cli('audit', 'complaint-C-LATE', '--file', file);
    expect(r.code).toBe(EXIT_FINDINGS);
    expect(r.out).toMatch(/C-5 quality-reply\s+MISSED/);
    // For people: times in the calendar's zone, named once, and how late.
    expect(r.out).toContain('Times in Asia/Shanghai (UTC+08:00)');
    expect(r.out).toMatch(/C-5 quality-reply\s+MISSED\s+due 2026-11-17 23:59, done 2026-11-18 10:00 — late by 10 h \(policy rulebook-2: 1 working day\)/);
    expect(r.out).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect(r.out).toContain('  4  2026-11-18 10:00  qa-chen (quality, staff)  QualityReplied');
  });

  it('prints JSON with --json, and judges deadlines as of --as-of', async () => {
    const r = await cli('audit', 'complaint-C-LATE', '--file', file, '--json', '--as-of', at(17, '09:00'));
    const audit = JSON.parse(r.out);
    expect(audit.report.asOf).toBe(at(17, '09:00'));
    expect(audit.timeline).toHaveLength(5);
  });

  it('writes a self-contained HTML report with --html', async () => {
    const html = join(dir, 'late.html');
    const r = await cli('audit', 'complaint-C-LATE', '--file', file, '--html', html);
    expect(r.code).toBe(EXIT_FINDINGS);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('LATE C-5');
    expect(page).not.toMatch(/<(script|link|img)\b|https?:\/\//);
  });
});

describe('caseledger audit-all', () => {
  it('summarises every case and exits 1 when any has findings', async () => {
    const r = await cli('audit-all', '--file', file);
    expect(r.code).toBe(EXIT_FINDINGS);
    expect(r.out).toContain('complaint        2');
    expect(r.out).toMatch(/C-5 quality-reply\s+1 of 1/);
  });
});

describe('provenance: where a report came from', () => {
  const tool = `caseledger ${String(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version)}`;
  it('names the file, the tool and its version, the time, the events read and the SHA-256 of the file, in text, JSON and HTML', async () => {
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    const text = await cli('audit-all', '--file', file);
    expect(text.out).toContain(
      `Provenance\n  Source        ${file}\n  Tool          ${tool}\n  Generated at  2026-11-20 12:00\n  Events read   11\n  SHA-256       ${sha256} (of the file's bytes)`,
    );
    const json = await cli('audit', 'complaint-C-OK', '--file', file, '--json');
    expect(JSON.parse(json.out).provenance).toEqual({ source: file, tool, generatedAt: '2026-11-20T04:00:00.000Z', events: 11, sha256, sha256Of: 'file' });
    const html = join(dir, 'provenance.html');
    await cli('audit-all', '--file', file, '--html', html);
    expect(readFileSync(html, 'utf8')).toContain(`<tr><th>SHA-256</th><td><code>${sha256}</code>`);
  });

  it('from a store, hashes the events read as export lines: the same as hashing the export of those streams', async () => {
    const target: { connectionString: string; stop: () => Promise<void> } = await startDouble();
    try {
      await cli('import', '--file', file, '--eventstoredb', target.connectionString);
      const json = await cli('audit-all', '--eventstoredb', target.connectionString, '--json');
      const provenance = JSON.parse(json.out).provenance;
      // The import wrote the file's events at the same revisions; their export lines differ only in positions, so rebuild them.
      const back = join(dir, 'provenance-back.jsonl');
      await cli('export', '--eventstoredb', target.connectionString, '--file', back);
      expect(provenance).toEqual({
        source: target.connectionString,
        tool,
        generatedAt: '2026-11-20T04:00:00.000Z',
        events: 11,
        sha256: createHash('sha256').update(readFileSync(back)).digest('hex'),
        sha256Of: 'events',
      });
    } finally {
      await target.stop();
    }
  }, 60_000);
});

describe('with EventStoreDB (through the test double)', () => {
  it('import: counts exactly (run again, it says what was there), honours --max-line-bytes, never prints the password; export into a missing folder is one line', async () => {
    const target: { connectionString: string; stop: () => Promise<void> } = await startDouble();
    const withPassword = target.connectionString.replace('://', '://admin:s3cret-pass@');
    try {
      const capped = await cli('import', '--file', file, '--eventstoredb', withPassword, '--max-line-bytes', '100');
      expect(capped.code).toBe(EXIT_BAD_INPUT);
      expect(capped.err).toContain('longer than 100 bytes');
      const first = await cli('import', '--file', file, '--eventstoredb', withPassword);
      expect(first.out).toMatch(/^11 events imported/);
      const again = await cli('import', '--file', file, '--eventstoredb', withPassword);
      expect(again.out).toMatch(/^0 events imported into .*; 11 already there$/);
      const down = 'kurrentdb://admin:s3cret-pass@127.0.0.1:1?tls=false';
      const unreachable = [
        await cli('audit', 'complaint-C1', '--eventstoredb', down),
        await cli('audit-all', '--eventstoredb', down, '--json'),
        await cli('audit-all', '--eventstoredb', `${down}&bad=`),
      ];
      for (const r of [capped, first, again, ...unreachable]) expect(`${r.out}${r.err}`).not.toContain('s3cret-pass');
      // A report over input that could not be read says so first, never "No findings", never green; exit 2.
      const page = join(dir, 'down.html');
      expect((await cli('audit-all', '--eventstoredb', down, '--html', page)).code).toBe(EXIT_BAD_INPUT);
      const downText = await cli('audit-all', '--eventstoredb', down);
      expect(downText.code).toBe(EXIT_BAD_INPUT);
      expect(downText.out.split('\n')[2]).toMatch(/^INCOMPLETE: the input could not be read in full \(1 input problem/);
      expect(downText.out).not.toContain('No findings');
      const html = readFileSync(page, 'utf8');
      expect(html).toContain('<p class="bad" id="verdict">INCOMPLETE');
      expect(html).not.toContain('class="ok"');
      const zh = await cli('audit-all', '--eventstoredb', down, '--lang', 'zh-CN');
      expect(zh.out).toContain('不完整：输入未能全部读取');
      expect(zh.out).not.toContain('未发现问题');
      const missing = await cli('export', '--eventstoredb', target.connectionString, '--file', join(dir, 'no-such-folder', 'out.jsonl'));
      expect(missing.code).toBe(EXIT_BAD_INPUT);
      expect(missing.err).toBe(`cannot write the export to ${join(dir, 'no-such-folder', 'out.jsonl')} (no such folder)`);
    } finally {
      await target.stop();
    }
  }, 60_000);

  it('imports an export, audits it from the server, and exports it back identically', async () => {
    const target: { connectionString: string; stop: () => Promise<void> } = await startDouble();
    try {
      const imported = await cli('import', '--file', file, '--eventstoredb', target.connectionString);
      expect(imported.code).toBe(EXIT_CLEAN);
      expect(imported.out).toMatch(/^11 events imported/);
      const audited = await cli('audit-all', '--eventstoredb', target.connectionString);
      expect(audited.code).toBe(EXIT_FINDINGS);
      expect(audited.out).toContain('complaint        2');
      const one = await cli('audit', 'complaint-C-OK', '--eventstoredb', target.connectionString);
      expect(one.code).toBe(EXIT_CLEAN);
      expect((await cli('audit', 'C-OK', '--eventstoredb', target.connectionString)).err).toContain('did you mean complaint-C-OK?');
      const back = join(dir, 'back.jsonl');
      const exported = await cli('export', '--eventstoredb', target.connectionString, '--file', back);
      expect(exported.code).toBe(EXIT_CLEAN);
      const strip = (text: string) =>
        text
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l))
          .map(({ position: _p, ...rest }) => rest);
      expect(strip(readFileSync(back, 'utf8'))).toEqual(strip(readFileSync(file, 'utf8')));
    } finally {
      await target.stop();
    }
  }, 60_000);
});

describe('bad input exits 2 with a message that says what is wrong', () => {
  const cases: ReadonlyArray<readonly [string, ReadonlyArray<string>, string]> = [
    ['no command', [], 'usage:'],
    ['an unknown command', ['inspect'], 'unknown command "inspect"'],
    ['an unknown option', ['audit-all', '--file', 'x', '--verbose'], 'unknown option --verbose'],
    ['no --file', ['audit-all'], '--file is required'],
    ['a missing file', ['audit-all', '--file', '/nonexistent/events.jsonl'], 'file not found: /nonexistent/events.jsonl'],
    ['an --as-of that is not an instant', ['audit-all', '--file', file, '--as-of', 'yesterday'], '--as-of must be an ISO-8601 instant'],
    ['no stream to audit', ['audit', '--file', file], 'audit needs the stream'],
    ['a stream not in the file', ['audit', 'complaint-NOPE', '--file', file], 'stream complaint-NOPE is not in'],
    ['two sources at once', ['audit-all', '--file', 'x', '--eventstoredb', 'kurrentdb://localhost:2113'], 'give one source'],
    ['an export without a target file', ['export', '--eventstoredb', 'kurrentdb://localhost:2113'], 'export needs --eventstoredb (the source) and --file'],
    ['an import without a source file', ['import', '--eventstoredb', 'kurrentdb://localhost:2113'], 'import needs --file'],
    [
      'an import of a missing file',
      ['import', '--file', '/nonexistent.jsonl', '--eventstoredb', 'kurrentdb://localhost:2113'],
      'file not found: /nonexistent.jsonl',
    ],
    [
      'a bad --on-bad-line',
      ['import', '--file', 'x', '--eventstoredb', 'kurrentdb://localhost:2113', '--on-bad-line', 'maybe'],
      '--on-bad-line must be skip or stop',
    ],
    ['a connection string that is not one', ['audit-all', '--eventstoredb', 'http://not-a-db'], '--eventstoredb: not a valid connection string'],
  ];
  for (const [title, argv, message] of cases) {
    it(title, async () => {
      const r = await cli(...argv);
      expect(r.code).toBe(EXIT_BAD_INPUT);
      expect(r.err).toContain(message);
    });
  }

  it('a bad line, with its number', async () => {
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, `${readFileSync(file, 'utf8').split('\n')[0] ?? ''}\n{"format":"caseledger.event/1"\n`);
    const single = await cli('audit', 'complaint-C-OK', '--file', broken);
    expect(single.code).toBe(EXIT_BAD_INPUT);
    expect(single.err).toContain('line 2: not valid JSON');
    const all = await cli('audit-all', '--file', broken);
    expect(all.code).toBe(EXIT_BAD_INPUT);
    expect(all.err).toContain('line 2: not valid JSON');
  });

  it('a policies file that does not decode names the bad fields', async () => {
    const policies = join(dir, 'policies.json');
    writeFileSync(policies, JSON.stringify([{ version: 'x', inForceFrom: 'soon', values: {} }]));
    const r = await cli('audit-all', '--file', file, '--policies', policies);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.err).toContain('0.inForceFrom');
  });

  it('a bare case id is answered with the stream it most likely means', async () => {
    const r = await cli('audit', 'C-OK', '--file', file);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.err).toBe(`stream C-OK is not in ${file}; did you mean complaint-C-OK? (a stream is named <category>-<case id>)`);
    expect((await cli('audit', 'complaint-NOPE', '--file', file)).err).toBe(`stream complaint-NOPE is not in ${file}`);
  });

  it('a policies or calendar file that is not JSON says the line and column where it breaks, never its text', async () => {
    const policies = join(dir, 'broken-policies.json');
    writeFileSync(policies, '[\n  { "version": "company-13800001234",\n    "inForceFrom" "2026-01-01T00:00:00Z" }\n]\n');
    const r = await cli('audit-all', '--file', file, '--policies', policies);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.err).toBe(`policies file is not valid JSON: ${policies} (line 3, column 19)`);
    const calendar = join(dir, 'broken-calendar.json');
    writeFileSync(calendar, '{ "timeZone": "Asia/Shanghai",');
    const c = await cli('audit-all', '--file', file, '--calendar', calendar, '--lang', 'zh-CN');
    expect(c.err).toBe(`日历文件不是有效的 JSON：${calendar}（第 1 行第 31 列）`);
  });
});
