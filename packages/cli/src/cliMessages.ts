/**
 * What the `caseledger` command says, one catalogue per language: usage, errors, progress and the
 * lines it prints. Options, codes, rule ids, stream names, paths and numbers never change with the
 * language. A catalogue is a `CliMessages`, so a message missing in one language does not compile.
 */
import { type Locale, describeFieldErrors, jurisdictionPresets } from '@caseledger/core';
import type { RunReport } from '@caseledger/projections';
import { DEFAULT_MAX_LINE_BYTES, inputProblemOf, problemText } from '@caseledger/audit';

/** The files the command reads, named in its messages. */
export type CliFile = '--file' | '--case-types' | 'policies' | 'calendar';

export interface CliMessages {
  readonly usage: string;
  readonly needsValue: (flag: string) => string;
  readonly unknownOption: (flag: string) => string;
  readonly unknownCommand: (command: string) => string;
  readonly badLang: (got: string, langs: ReadonlyArray<string>) => string;
  readonly notFound: (file: CliFile, path: string) => string;
  readonly isFolder: (file: CliFile, path: string) => string;
  /** `at`: where the JSON breaks, 1-based, when the parser says. */
  readonly notJson: (file: CliFile, path: string, at?: { readonly line: number; readonly column: number }) => string;
  readonly cannotWriteReport: (path: string, code: string) => string;
  readonly cannotWriteExport: (path: string, code: string) => string;
  readonly oneSource: string;
  readonly fileRequired: string;
  readonly badConnection: (detail: string) => string;
  readonly noPreset: (id: string, presets: ReadonlyArray<string>) => string;
  readonly policiesFile: (path: string, detail: string) => string;
  readonly caseTypesModule: (path: string, reason: string) => string;
  readonly belowFloor: (path: string, preset: string, breaches: string) => string;
  readonly calendarFile: (path: string, detail: string) => string;
  readonly badAsOf: (got: string) => string;
  readonly badMaxLineBytes: (got: string) => string;
  /** `meant`: the streams of the source named `<category>-<stream>`, when the name given was a bare case id. */
  readonly streamNotIn: (stream: string, source: string, meant?: ReadonlyArray<string>) => string;
  readonly noEvents: (source: string) => string;
  readonly auditNeedsStream: string;
  readonly htmlWritten: (path: string) => string;
  readonly inputProblems: (count: number, first: string) => string;
  readonly exportNeeds: string;
  readonly skippedHardDeleted: (stream: string) => string;
  readonly exportFailed: (detail: string) => string;
  readonly exported: (events: number, path: string, skipped: number) => string;
  readonly importNeeds: string;
  readonly badOnBadLine: string;
  readonly importStopped: (detail: string) => string;
  readonly imported: (events: number, alreadyPresent: number, url: string) => string;
  readonly badTruncatedStarts: (got: string) => string;
  readonly projectNeedsName: (sub: string) => string;
  readonly projectNeedsSubcommand: string;
  readonly projectNeedsPg: string;
  readonly projectNeedsSource: (sub: string) => string;
  /** A bulk audit's progress: `share` of the input's bytes when its size is known, `left` the time left. */
  readonly auditProgress: (p: {
    readonly cases: string;
    readonly events: string;
    readonly rate: string;
    readonly of?: { readonly read: string; readonly total: string; readonly percent: number };
    readonly left?: string;
  }) => string;
  readonly project: {
    readonly cannotPrepare: (detail: string) => string;
    readonly noProjection: (name: string, all: ReadonlyArray<string>) => string;
    readonly noParked: (projection: string) => string;
    readonly sourceUnreadable: (source: string, detail: string) => string;
    readonly statusTitle: (source: string) => string;
    readonly columns: {
      readonly projection: string;
      readonly version: string;
      readonly checkpoint: string;
      readonly lag: string;
      readonly parked: string;
      readonly runner: string;
    };
    readonly newVersion: (version: number) => string;
    readonly waiting: (projection: string, holder: string | undefined) => string;
    readonly ran: (projection: string, report: RunReport, checkpoint: string) => string;
    readonly reading: (projection: string, events: string, rate: string) => string;
  };
}

const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const presets = (): string => Object.keys(jurisdictionPresets).join(', ');

const usageLines = (words: {
  readonly usage: string;
  readonly caseTypes: string;
  readonly policies: string;
  readonly reading: string;
  readonly reports: string;
  readonly exits: string;
}): string => `${words.usage}
  caseledger audit <stream> (--file events.jsonl | --eventstoredb URL) [--as-of INSTANT] [--json] [--html FILE] [--policies FILE] [--preset ID] [--calendar FILE] [--lang zh-CN|en]
  caseledger audit-all (--file events.jsonl | --eventstoredb URL) [--as-of INSTANT] [--json] [--html FILE] [--policies FILE] [--preset ID] [--calendar FILE] [--lang zh-CN|en] [--quiet]
  caseledger export --eventstoredb URL --file out.jsonl
  caseledger import --file in.jsonl --eventstoredb URL [--on-bad-line skip|stop] [--max-line-bytes N] [--truncated-starts-up-to N]
  caseledger project status --pg URL [--eventstoredb URL | --file events.jsonl] [--json]
  caseledger project catch-up --pg URL (--eventstoredb URL | --file events.jsonl) [--projection NAME] [--policies FILE] [--preset ID] [--calendar FILE] [--json] [--quiet]
  caseledger project rebuild <projection> --pg URL (--eventstoredb URL | --file events.jsonl) [--policies FILE] [--preset ID] [--calendar FILE] [--json] [--quiet]
  caseledger project parked <projection> --pg URL [--json]
  caseledger --version
${words.caseTypes}
${words.policies}
${words.reading}
${words.reports}
${words.exits}`;

const fileEn = (file: CliFile): string => (file.startsWith('--') ? file : `${file} file`);

export const cliMessagesEn: CliMessages = {
  usage: usageLines({
    usage: 'usage:',
    caseTypes: 'your own case types: --case-types MODULE (a built JavaScript module exporting them as caseTypes) with audit, audit-all and project',
    policies: `policies: --preset ID lays the policies file over a jurisdiction preset (${presets()}), or applies the preset alone`,
    reading: `reading a file: --max-line-bytes N (default ${DEFAULT_MAX_LINE_BYTES}, 16 MiB)`,
    reports: "reports: --lang zh-CN|en (default: the environment's language, LC_ALL, LC_MESSAGES or LANG; else English)",
    exits: 'exit codes: 0 clean, 1 findings, 2 bad input or output',
  }),
  needsValue: (flag) => `${flag} needs a value`,
  unknownOption: (flag) => `unknown option ${flag}`,
  unknownCommand: (command) => `unknown command "${command}"`,
  badLang: (got, langs) => `--lang must be ${langs.join(' or ')} (got "${got}")`,
  notFound: (file, path) => `${fileEn(file)} not found: ${path}`,
  isFolder: (file, path) => `${fileEn(file)} ${path} is a folder, not a file`,
  notJson: (file, path, at) => `${fileEn(file)} is not valid JSON: ${path}${at === undefined ? '' : ` (line ${at.line}, column ${at.column})`}`,
  cannotWriteReport: (path, code) => `cannot write the HTML report to ${path} (${code === 'ENOENT' ? 'no such folder' : code})`,
  cannotWriteExport: (path, code) => `cannot write the export to ${path} (${code === 'ENOENT' ? 'no such folder' : code})`,
  oneSource: 'give one source: --file or --eventstoredb, not both',
  fileRequired: '--file is required (a JSON Lines export), or --eventstoredb with a connection string',
  badConnection: (detail) => `--eventstoredb: not a valid connection string (${detail}); e.g. kurrentdb://localhost:2113?tls=false`,
  noPreset: (id, all) => `--preset: no preset "${id}"; the presets are ${all.join(', ')}`,
  policiesFile: (path, detail) => `policies file ${path}: ${detail}`,
  caseTypesModule: (path, reason) => `--case-types ${path}: ${reason}`,
  belowFloor: (path, preset, breaches) => `policies file ${path}: below the law's floor under ${preset}: ${breaches}`,
  calendarFile: (path, detail) => `calendar file ${path}: ${detail}`,
  badAsOf: (got) => `--as-of must be an ISO-8601 instant with a zone, e.g. 2026-03-03T00:00:00+08:00 (got "${got}")`,
  badMaxLineBytes: (got) => `--max-line-bytes must be a whole number of bytes (got "${got}")`,
  streamNotIn: (stream, source, meant = []) =>
    `stream ${stream} is not in ${source}${meant.length === 0 ? '' : `; did you mean ${meant.join(' or ')}? (a stream is named <category>-<case id>)`}`,
  noEvents: (source) => `no events in ${source}`,
  auditNeedsStream: 'audit needs the stream to audit, e.g. complaint-C-2026-0042',
  htmlWritten: (path) => `HTML report written to ${path}`,
  inputProblems: (count, first) => `${count} input problem(s), e.g. ${first}`,
  exportNeeds: 'export needs --eventstoredb (the source) and --file (the JSON Lines file to write)',
  skippedHardDeleted: (stream) => `skipped ${stream}: hard-deleted on the server, it has no events to export`,
  exportFailed: (detail) => `export failed: ${detail}`,
  exported: (events, path, skipped) => `${events} events written to ${path}${skipped === 0 ? '' : `; ${skipped} hard-deleted stream(s) skipped`}`,
  importNeeds: 'import needs --file (the JSON Lines file to read) and --eventstoredb (the target)',
  badOnBadLine: '--on-bad-line must be skip or stop',
  importStopped: (detail) => `import stopped: ${detail}`,
  imported: (events, alreadyPresent, url) => `${events} events imported into ${url}${alreadyPresent > 0 ? `; ${alreadyPresent} already there` : ''}`,
  badTruncatedStarts: (got) => `--truncated-starts-up-to must be a whole number, the highest revision a stream may be re-created to start at (got "${got}")`,
  projectNeedsName: (sub) => `project ${sub} needs the projection's name, e.g. case-files`,
  projectNeedsSubcommand: 'project needs status, catch-up, rebuild or parked',
  projectNeedsPg: "project needs --pg, the read models' PostgreSQL (postgres://user@host:5432/db)",
  projectNeedsSource: (sub) => `project ${sub} needs a source: --eventstoredb URL or --file events.jsonl`,
  auditProgress: (p) =>
    `audited ${p.cases} cases, ${p.events} events${p.of === undefined ? '' : `; ${p.of.read} of ${p.of.total} MB (${p.of.percent}%)`}; ${p.rate} events/s${p.left === undefined ? '' : `, about ${p.left} left`}`,
  project: {
    cannotPrepare: (detail) => `the read-model database cannot be prepared: ${detail}`,
    noProjection: (name, all) => `no projection "${name}"; the projections are ${all.join(', ')}`,
    noParked: (projection) => `${projection}: no parked events`,
    sourceUnreadable: (source, detail) => `the source ${source} cannot be read: ${detail}`,
    statusTitle: (source) => `Read models, against ${source}`,
    columns: { projection: 'projection', version: 'version', checkpoint: 'checkpoint', lag: 'lag', parked: 'parked', runner: 'runner' },
    newVersion: (version) => `${version} (new)`,
    waiting: (projection, holder) => `${projection}: waiting for the runner ${holder ?? 'that holds the lease'} to finish`,
    ran: (projection, r, checkpoint) =>
      `${projection}: ${r.rebuilt ? 'rebuilt, ' : ''}${n(r.eventsRead)} events read, ${n(r.eventsApplied)} applied, ${r.parked} parked; checkpoint ${checkpoint}`,
    reading: (projection, events, rate) => `${projection}: ${events} events read, ${rate} events/s`,
  },
};

const fileZh = (file: CliFile): string => (file.startsWith('--') ? `${file} 文件` : file === 'policies' ? '政策文件' : '日历文件');

export const cliMessagesZhCN: CliMessages = {
  usage: usageLines({
    usage: '用法：',
    caseTypes: '自定义案件类型：--case-types MODULE（导出 caseTypes 的已构建 JavaScript 模块），用于 audit、audit-all 和 project',
    policies: `政策：--preset ID 将政策文件叠加在法域预设（${presets()}）之上，或单独采用该预设`,
    reading: `读取文件：--max-line-bytes N（默认 ${DEFAULT_MAX_LINE_BYTES}，即 16 MiB）`,
    reports: '报告语言：--lang zh-CN|en（默认取环境的语言 LC_ALL、LC_MESSAGES 或 LANG；否则为英文）',
    exits: '退出码：0 无问题，1 有审核发现，2 输入或输出有误',
  }),
  needsValue: (flag) => `${flag} 需要一个值`,
  unknownOption: (flag) => `未知选项 ${flag}`,
  unknownCommand: (command) => `未知命令 "${command}"`,
  badLang: (got, langs) => `--lang 只能是 ${langs.join(' 或 ')}（收到 "${got}"）`,
  notFound: (file, path) => `找不到${fileZh(file)}：${path}`,
  isFolder: (file, path) => `${fileZh(file)} ${path} 是文件夹，不是文件`,
  notJson: (file, path, at) => `${fileZh(file)}不是有效的 JSON：${path}${at === undefined ? '' : `（第 ${at.line} 行第 ${at.column} 列）`}`,
  cannotWriteReport: (path, code) => `无法将 HTML 报告写入 ${path}（${code === 'ENOENT' ? '文件夹不存在' : code}）`,
  cannotWriteExport: (path, code) => `无法将导出写入 ${path}（${code === 'ENOENT' ? '文件夹不存在' : code}）`,
  oneSource: '只能给一个来源：--file 或 --eventstoredb，不能同时给',
  fileRequired: '需要 --file（JSON Lines 导出文件），或 --eventstoredb 加连接字符串',
  badConnection: (detail) => `--eventstoredb：连接字符串无效（${detail}）；例如 kurrentdb://localhost:2113?tls=false`,
  noPreset: (id, all) => `--preset：没有预设 "${id}"；可用的预设为 ${all.join('、')}`,
  policiesFile: (path, detail) => `政策文件 ${path}：${detail}`,
  caseTypesModule: (path, reason) => `--case-types ${path}：无法使用该模块（${reason}）`,
  belowFloor: (path, preset, breaches) => `政策文件 ${path}：低于 ${preset} 的法定下限：${breaches}`,
  calendarFile: (path, detail) => `日历文件 ${path}：${detail}`,
  badAsOf: (got) => `--as-of 须为带时区的 ISO-8601 时刻，例如 2026-03-03T00:00:00+08:00（收到 "${got}"）`,
  badMaxLineBytes: (got) => `--max-line-bytes 须为整数字节数（收到 "${got}"）`,
  streamNotIn: (stream, source, meant = []) =>
    `${source} 中没有事件流 ${stream}${meant.length === 0 ? '' : `；是否指 ${meant.join(' 或 ')}？（事件流名为 <类别>-<案件编号>）`}`,
  noEvents: (source) => `${source} 中没有事件`,
  auditNeedsStream: 'audit 需要指定要审核的事件流，例如 complaint-C-2026-0042',
  htmlWritten: (path) => `HTML 报告已写入 ${path}`,
  inputProblems: (count, first) => `输入有 ${count} 个问题，例如：${first}`,
  exportNeeds: 'export 需要 --eventstoredb（来源）和 --file（要写入的 JSON Lines 文件）',
  skippedHardDeleted: (stream) => `已跳过 ${stream}：该事件流已在服务器上永久删除，没有可导出的事件`,
  exportFailed: (detail) => `导出失败：${detail}`,
  exported: (events, path, skipped) => `已将 ${events} 个事件写入 ${path}${skipped === 0 ? '' : `；跳过 ${skipped} 个已永久删除的事件流`}`,
  importNeeds: 'import 需要 --file（要读取的 JSON Lines 文件）和 --eventstoredb（目标）',
  badOnBadLine: '--on-bad-line 只能是 skip 或 stop',
  importStopped: (detail) => `导入已停止：${detail}`,
  imported: (events, alreadyPresent, url) => `已将 ${events} 个事件导入 ${url}${alreadyPresent > 0 ? `；另有 ${alreadyPresent} 个已存在` : ''}`,
  badTruncatedStarts: (got) => `--truncated-starts-up-to 须为整数，即一个流可重建起始的最高版本号（收到 "${got}"）`,
  projectNeedsName: (sub) => `project ${sub} 需要投影名称，例如 case-files`,
  projectNeedsSubcommand: 'project 需要 status、catch-up、rebuild 或 parked',
  projectNeedsPg: 'project 需要 --pg，即读模型所在的 PostgreSQL（postgres://user@host:5432/db）',
  projectNeedsSource: (sub) => `project ${sub} 需要来源：--eventstoredb URL 或 --file events.jsonl`,
  auditProgress: (p) =>
    `已审核 ${p.cases} 件案件、${p.events} 个事件${p.of === undefined ? '' : `；已读 ${p.of.read} / ${p.of.total} MB（${p.of.percent}%）`}；每秒 ${p.rate} 个事件${p.left === undefined ? '' : `，约剩 ${p.left}`}`,
  project: {
    cannotPrepare: (detail) => `无法准备读模型数据库：${detail}`,
    noProjection: (name, all) => `没有投影 "${name}"；可用的投影为 ${all.join('、')}`,
    noParked: (projection) => `${projection}：没有暂存的事件`,
    sourceUnreadable: (source, detail) => `无法读取来源 ${source}：${detail}`,
    statusTitle: (source) => `读模型，对照 ${source}`,
    columns: { projection: '投影', version: '版本', checkpoint: '检查点', lag: '落后', parked: '暂存', runner: '运行者' },
    newVersion: (version) => `${version}（新）`,
    waiting: (projection, holder) => `${projection}：等待运行者 ${holder ?? '（持有租约者）'} 完成`,
    ran: (projection, r, checkpoint) =>
      `${projection}：${r.rebuilt ? '已重建，' : ''}读取 ${n(r.eventsRead)} 个事件，应用 ${n(r.eventsApplied)} 个，暂存 ${r.parked} 个；检查点 ${checkpoint}`,
    reading: (projection, events, rate) => `${projection}：已读取 ${events} 个事件，每秒 ${rate} 个`,
  },
};

const catalogues: { readonly [L in Locale]: CliMessages } = { en: cliMessagesEn, 'zh-CN': cliMessagesZhCN };

/** What the command says, in a language. */
export const cliMessages = (locale: Locale = 'en'): CliMessages => catalogues[locale];

/** A library error in a language: its code's sentence and each bad field, or its own message in English. */
export const errorText = (e: { readonly code: string; readonly message: string }, locale: Locale): string => {
  const problem = inputProblemOf(e);
  if (locale !== 'en') return problemText(problem, locale);
  return problem.errors === undefined ? e.message : `${e.message} ${describeFieldErrors(problem.errors)}`;
};
