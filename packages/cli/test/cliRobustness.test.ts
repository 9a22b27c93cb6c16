/** A command line that never surprises: every input or output problem is one line and exit code 2. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandHandler, complaintCaseType, defaultRulebook, inMemoryEventStore, instantFromEpochMs } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/runCli.js';
import { PROBLEMS_KEPT, bulkAudit, problemText, casesFromLines, exportStore, readLines } from '@caseledger/audit';
import { EXIT_BAD_INPUT, EXIT_CLEAN } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'caseledger-cli-robust-'));
const at = (day: number, hhmm: string) => `2026-11-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;
const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
let lines: string[] = [];
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const cli = runCli;

beforeAll(async () => {
  const store = inMemoryEventStore();
  const handle = commandHandler(complaintCaseType, store);
  for (const id of ['C1', 'C2', 'C3']) {
    const r = await handle({
      type: 'ReceiveComplaint',
      caseId: id,
      at: at(16, '09:00'),
      actor: cs,
      customer: { id: 'c', name: 'A' },
      channel: 'phone',
      description: 'x',
      severity: 'minor',
    })();
    if (E.isLeft(r)) throw new Error(r.left.message);
    await handle({ type: 'AcknowledgeComplaint', caseId: id, at: at(16, '09:10'), actor: cs, explanation: 'x' })();
  }
  const out: string[] = [];
  await exportStore(store, async (l) => {
    out.push(l);
  })();
  lines = out;
});

const oneLine = (text: string) => expect(text.split('\n')).toHaveLength(1);

describe('caseledger never surprises', () => {
  it('--version prints the version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(EXIT_CLEAN);
    const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(r.out).toBe(`caseledger ${typeof pkg === 'object' && pkg !== null ? String(Reflect.get(pkg, 'version')) : ''}`);
  });

  it('--html into a folder that does not exist: exit 2, one line, no stack trace', async () => {
    const export_ = file('ok.jsonl', `${lines.join('\n')}\n`);
    const r = await cli(['audit', 'complaint-C1', '--file', export_, '--html', join(dir, 'missing', 'r.html')]);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.err).toBe(`cannot write the HTML report to ${join(dir, 'missing', 'r.html')} (no such folder)`);
    const all = await cli(['audit-all', '--file', export_, '--html', join(dir, 'missing', 'all.html')]);
    expect(all.code).toBe(EXIT_BAD_INPUT);
    oneLine(all.err);
  });

  it('--file on a folder, and a policies file that is a folder: exit 2, one line', async () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder, { recursive: true });
    const r = await cli(['audit-all', '--file', folder]);
    expect([r.code, r.err]).toEqual([EXIT_BAD_INPUT, `--file ${folder} is a folder, not a file`]);
    const p = await cli(['audit-all', '--file', file('ok2.jsonl', lines.join('\n')), '--policies', folder]);
    expect([p.code, p.err]).toEqual([EXIT_BAD_INPUT, `policies file ${folder} is a folder, not a file`]);
  });

  it('an empty input exits 2 with "no events", for one case and for all', async () => {
    const empty = file('empty.jsonl', '\n\n');
    expect(await cli(['audit-all', '--file', empty])).toMatchObject({ code: EXIT_BAD_INPUT, err: `no events in ${empty}` });
    expect(await cli(['audit', 'complaint-C1', '--file', empty])).toMatchObject({ code: EXIT_BAD_INPUT, err: `no events in ${empty}` });
  });

  it('--json and --html together write both: JSON on stdout, the page on disk, the note on stderr', async () => {
    const html = join(dir, 'both.html');
    const r = await cli(['audit', 'complaint-C1', '--file', file('both.jsonl', lines.join('\n')), '--json', '--html', html]);
    expect(r.code).toBe(EXIT_CLEAN);
    const audit: unknown = JSON.parse(r.out);
    expect(audit).toMatchObject({ report: { streamName: 'complaint-C1' } });
    expect(readFileSync(html, 'utf8')).toContain('<html lang="en">');
    expect(r.err).toBe(`HTML report written to ${html}`);
  });

  it('a bad calendar or policy file names each bad field', async () => {
    const export_ = file('cal.jsonl', lines.join('\n'));
    const calendar = file('calendar.json', JSON.stringify({ timeZone: 5, holidays: ['2026-13-01'] }));
    const c = await cli(['audit-all', '--file', export_, '--calendar', calendar]);
    expect(c.code).toBe(EXIT_BAD_INPUT);
    expect(c.err).toContain('timeZone: expected string, found a number');
    expect(c.err).toContain('holidays.0: expected LocalDate, found a string');
    const policies = file(
      'policies.json',
      JSON.stringify([
        { version: 'x', inForceFrom: '2026-01-01T00:00:00+08:00', values: { warranty: { returnGrounds: { company: { within: 'three months' } } } } },
      ]),
    );
    const p = await cli(['audit-all', '--file', export_, '--policies', policies]);
    expect(p.err).toContain('0.values.warranty.returnGrounds.company.within: expected Window ("7 days" | "3 working days" | "3 months"), found a string');
  });

  it('a leading byte-order mark is ignored, in an export and in a JSON file', async () => {
    const withBom = file('bom.jsonl', `\uFEFF${lines.join('\n')}\n`);
    const calendar = file('bom-calendar.json', `\uFEFF${JSON.stringify({ timeZone: 'Asia/Shanghai' })}`);
    const r = await cli(['audit-all', '--file', withBom, '--calendar', calendar, '--json']);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toMatchObject({ events: lines.length, problemCount: 0 });
  });

  it('invalid UTF-8 is an error naming the line, never silently repaired', async () => {
    const broken = Buffer.concat([
      Buffer.from(`${lines[0] ?? ''}\n`),
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]),
      Buffer.from(`${lines.slice(1).join('\n')}\n`),
    ]);
    const r = await cli(['audit-all', '--file', file('latin1.jsonl', broken), '--json']);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.err).toBe('1 input problem(s), e.g. line 2: not valid UTF-8');
  });

  it('a line over the cap is refused without being held, and the lines after it are read', async () => {
    const huge = `{"format":"caseledger.event/1","pad":"${'x'.repeat(5000)}"}`;
    const path = file('long.jsonl', [lines[0], huge, ...lines.slice(1)].join('\n'));
    const read = [];
    for await (const l of readLines(path, { maxLineBytes: 1000 })) read.push(E.isLeft(l) ? l.left.message : `ok ${l.right.line}`);
    expect(read).toEqual(['ok 1', 'line 2: longer than 1000 bytes (raise --max-line-bytes to read it)', ...lines.slice(1).map((_, i) => `ok ${i + 3}`)]);
    const r = await cli(['audit-all', '--file', path, '--max-line-bytes', '1000', '--quiet']);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.err).toContain('line 2: longer than 1000 bytes');
    expect((await cli(['audit-all', '--file', path, '--max-line-bytes', 'lots'])).err).toBe('--max-line-bytes must be a whole number of bytes (got "lots")');
  });

  it('problem lists keep a count and the first 100', async () => {
    const bad = Array.from({ length: 250 }, (_, i) => `not json ${i}`);
    async function* numbered() {
      for (const [i, text] of bad.entries()) yield E.right({ line: i + 1, text });
    }
    const summary = await bulkAudit(casesFromLines(numbered()), defaultRulebook, instantFromEpochMs(0));
    expect([summary.problemCount, summary.problems.length, PROBLEMS_KEPT]).toEqual([250, 100, 100]);
    expect(summary.problems[99]).toEqual({ code: 'JSONL_BAD_LINE', line: 100, problem: { kind: 'not-json' }, message: 'line 100: not valid JSON' });
    expect(summary.problems.map((p) => problemText(p, 'zh-CN'))[99]).toBe('第 100 行：不是有效的 JSON');
  });

  it('control characters are escaped in text output: an escape sequence in an actor id prints as text', async () => {
    const store = inMemoryEventStore();
    const sly = { id: 'cs-\u001b[2J\u001b[31mli\u009b', department: 'customer-service', role: 'staff' };
    await commandHandler(
      complaintCaseType,
      store,
    )({
      type: 'ReceiveComplaint',
      caseId: 'X1',
      at: at(16, '09:00'),
      actor: sly,
      customer: { id: 'c', name: 'A' },
      channel: 'phone',
      description: 'x',
      severity: 'minor',
    })();
    const out: string[] = [];
    await exportStore(store, async (l) => {
      out.push(l);
    })();
    const path = file('ansi.jsonl', out.join('\n'));
    const text = await cli(['audit', 'complaint-X1', '--file', path]);
    expect(text.out).toContain('cs-\\u001b[2J\\u001b[31mli\\u009b');
    expect(text.out.includes('\u001b') || text.out.includes('\u009b')).toBe(false);
    const json = await cli(['audit', 'complaint-X1', '--file', path, '--json']);
    expect(json.out.includes('\u001b') || json.out.includes('\u009b')).toBe(false);
    // Still the same JSON value: the id reads back as it was recorded.
    const parsed: unknown = JSON.parse(json.out);
    expect(parsed).toMatchObject({ timeline: [{ actor: { id: sly.id } }] });
  });

  it('progress: plain lines every ten seconds when stderr is not a terminal, with total, rate and time left; none with --quiet', async () => {
    const many = file('many.jsonl', `${lines.join('\n')}\n`);
    const slow = await cli(['audit-all', '--file', many], { step: 11_000 });
    const progress = slow.errLines.filter((l) => l.startsWith('audited'));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toMatch(/^audited \d+ cases, \d+ events; \d+ of \d+ MB \(\d+%\); \d+ events\/s, about \d+:\d\d left$/);
    expect(progress.every((l) => !l.startsWith('\r'))).toBe(true);
    const quiet = await cli(['audit-all', '--file', many, '--quiet'], { step: 11_000 });
    expect(quiet.errLines.filter((l) => l.startsWith('audited'))).toEqual([]);
    const terminal = await cli(['audit-all', '--file', many], { step: 2_000, interactive: true });
    expect(terminal.errLines.some((l) => l.startsWith('\raudited'))).toBe(true);
  });
});
