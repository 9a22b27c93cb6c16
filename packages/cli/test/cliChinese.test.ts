/** The command line in Chinese: every message of its catalogue, and the command saying them. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandHandler, complaintCaseType, describeFieldErrors, inMemoryEventStore } from '@caseledger/core';
import type { RunReport } from '@caseledger/projections';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/runCli.js';
import { exportStore } from '@caseledger/audit';
import { type CliMessages, EXIT_BAD_INPUT, EXIT_CLEAN, cliMessages, cliMessagesEn, cliMessagesZhCN } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'caseledger-cli-zh-'));
const at = (day: number, hhmm: string) => `2026-11-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
let lines: string[] = [];

const cli = runCli;

beforeAll(async () => {
  const store = inMemoryEventStore();
  const handle = commandHandler(complaintCaseType, store);
  const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
  for (const id of ['C1', 'C2']) {
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
  }
  const out: string[] = [];
  await exportStore(store, async (l) => {
    out.push(l);
  })();
  lines = out;
});

/** Every message of the catalogue, said with sample values: a message added without a sample does not compile. */
type Said<M> = { readonly [K in keyof M]: M[K] extends (...args: infer A) => string ? A : M[K] extends string ? [] : Said<M[K]> };
const report: RunReport = { batches: 2, eventsRead: 1200, eventsApplied: 1100, parked: 2, rebuilt: true, checkpoint: { commit: 5n, prepare: 5n } };
const samples: Said<CliMessages> = {
  usage: [],
  needsValue: ['--file'],
  unknownOption: ['--frobnicate'],
  unknownCommand: ['audit-some'],
  badLang: ['fr', ['en', 'zh-CN']],
  notFound: ['calendar', 'cal.json'],
  isFolder: ['policies', 'dir'],
  notJson: ['--file', 'x.json', { line: 3, column: 1 }],
  cannotWriteReport: ['out/r.html', 'ENOENT'],
  oneSource: [],
  fileRequired: [],
  badConnection: ['bad scheme'],
  noPreset: ['XX', ['CN-consumer']],
  policiesFile: ['p.json', 'x'],
  caseTypesModule: ['own.mjs', 'x'],
  belowFloor: ['p.json', 'CN-consumer', 'x'],
  calendarFile: ['c.json', 'x'],
  badAsOf: ['yesterday'],
  badMaxLineBytes: ['lots'],
  streamNotIn: ['C1', 'x.jsonl', ['complaint-C1']],
  noEvents: ['x.jsonl'],
  auditNeedsStream: [],
  htmlWritten: ['r.html'],
  inputProblems: [3, 'x'],
  exportNeeds: [],
  skippedHardDeleted: ['complaint-C1'],
  exportFailed: ['x'],
  cannotWriteExport: ['x.jsonl', 'ENOENT'],
  exported: [10, 'x.jsonl', 1],
  importNeeds: [],
  badOnBadLine: [],
  importStopped: ['x'],
  imported: [10, 2, 'kurrentdb://h'],
  badTruncatedStarts: ['lots'],
  projectNeedsName: ['rebuild'],
  projectNeedsSubcommand: [],
  projectNeedsPg: [],
  projectNeedsSource: ['catch-up'],
  auditProgress: [{ cases: '1', events: '2', rate: '3', of: { read: '1', total: '2', percent: 50 }, left: '0:10' }],
  project: {
    cannotPrepare: ['x'],
    noProjection: ['x', ['case-files']],
    noParked: ['case-files'],
    sourceUnreadable: ['x', 'y'],
    statusTitle: ['x'],
    columns: { projection: [], version: [], checkpoint: [], lag: [], parked: [], runner: [] },
    newVersion: [4],
    waiting: ['case-files', undefined],
    ran: ['case-files', report, '5/5'],
    reading: ['case-files', '1', '2'],
  },
};

/** Each message in both languages, by its path in the catalogue. */
const said = (m: unknown, s: unknown, path: string): ReadonlyArray<readonly [string, string]> => {
  if (typeof m === 'string') return [[path, m]];
  if (typeof m === 'function' && Array.isArray(s)) {
    const text: unknown = Reflect.apply(m, undefined, s);
    return [[path, typeof text === 'string' ? text : '']];
  }
  if (typeof m === 'object' && m !== null && typeof s === 'object' && s !== null)
    return Object.keys(m).flatMap((k) => said(Reflect.get(m, k), Reflect.get(s, k), `${path}.${k}`));
  return [[path, '']];
};

const CJK = /[\u4e00-\u9fff]/;

describe('the command line in Chinese', () => {
  it('has every message in both languages: Chinese in the Chinese catalogue, none of it in the English one', () => {
    const en = said(cliMessagesEn, samples, 'cli');
    const zh = said(cliMessagesZhCN, samples, 'cli');
    expect(en.map(([path]) => path)).toEqual(zh.map(([path]) => path));
    expect(en.length).toBeGreaterThan(45);
    expect(zh.filter(([, text]) => !CJK.test(text)).map(([path]) => path)).toEqual([]);
    expect(en.filter(([, text]) => text === '' || CJK.test(text)).map(([path]) => path)).toEqual([]);
    expect(cliMessages('zh-CN')).toBe(cliMessagesZhCN);
    expect(cliMessages()).toBe(cliMessagesEn);
  });

  it('keeps options, exit codes and commands as they are in the Chinese usage', () => {
    const options = (text: string) => [...text.matchAll(/--[a-z-]+/g)].map((m) => m[0]);
    expect(options(cliMessagesZhCN.usage)).toEqual(options(cliMessagesEn.usage));
    expect(cliMessagesZhCN.usage).toContain('退出码：0 无问题，1 有审核发现，2 输入或输出有误');
  });

  it('says an input problem in Chinese with --lang zh-CN, and when the environment is Chinese', async () => {
    const missing = await cli(['audit-all', '--file', join(dir, 'nowhere.jsonl'), '--lang', 'zh-CN']);
    expect([missing.code, missing.err]).toEqual([EXIT_BAD_INPUT, `找不到--file 文件：${join(dir, 'nowhere.jsonl')}`]);
    const fromEnvironment = await cli(['audit-all', '--file', join(dir, 'nowhere.jsonl')], { locale: 'zh-CN' });
    expect(fromEnvironment.err).toBe(missing.err);
    const english = await cli(['audit-all', '--file', join(dir, 'nowhere.jsonl'), '--lang', 'en'], { locale: 'zh-CN' });
    expect(english.err).toBe(`--file not found: ${join(dir, 'nowhere.jsonl')}`);
    const unknown = await cli(['audit-all', '--frobnicate'], { locale: 'zh-CN' });
    expect(unknown.code).toBe(EXIT_BAD_INPUT);
    expect(unknown.err.split('\n').slice(0, 2)).toEqual(['未知选项 --frobnicate', '用法：']);
    const badLang = await cli(['audit-all', '--lang', 'fr'], { locale: 'zh-CN' });
    expect(badLang.err).toBe('--lang 只能是 en 或 zh-CN（收到 "fr"）');
  });

  it('names each bad field of a calendar in Chinese', async () => {
    const export_ = file('cal.jsonl', lines.join('\n'));
    const calendar = file('calendar.json', JSON.stringify({ timeZone: 5, holidays: ['2026-13-01'] }));
    const c = await cli(['audit-all', '--file', export_, '--calendar', calendar, '--lang', 'zh-CN']);
    expect(c.code).toBe(EXIT_BAD_INPUT);
    expect(c.err).toBe(`日历文件 ${calendar}：企业日历无法识别。timeZone：应为 string，实为数字；holidays.0：应为 LocalDate，实为字符串`);
    expect(describeFieldErrors([{ path: 'a', expected: 'Instant', found: 'missing' }], 'zh-CN')).toBe('a：应为 Instant，实为缺失');
  });

  it('says the problems of a file, its progress and what it wrote in Chinese', async () => {
    const path = file('bad.jsonl', `${lines.join('\n')}\nnot json\n`);
    const r = await cli(['audit-all', '--file', path, '--lang', 'zh-CN', '--json'], { step: 11_000 });
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.errLines.at(-1)).toBe(`输入有 1 个问题，例如：第 ${lines.length + 1} 行：不是有效的 JSON`);
    expect(r.errLines[0]).toMatch(/^已审核 \d+ 件案件、\d+ 个事件；已读 \d+ \/ \d+ MB（\d+%）；每秒 \d+ 个事件(，约剩 \d+:\d\d)?$/);
    const html = join(dir, 'r.html');
    const ok = await cli(['audit-all', '--file', file('ok.jsonl', lines.join('\n')), '--lang', 'zh-CN', '--html', html, '--as-of', at(16, '09:30')]);
    expect([ok.code, ok.out]).toEqual([EXIT_CLEAN, `HTML 报告已写入 ${html}`]);
  });

  it('says what the project command needs in Chinese', async () => {
    const r = await cli(['project', 'status', '--lang', 'zh-CN']);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.err.split('\n')[0]).toBe('project 需要 --pg，即读模型所在的 PostgreSQL（postgres://user@host:5432/db）');
  });
});
