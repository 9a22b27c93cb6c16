/**
 * The `caseledger` command for auditors. Exit codes: 0 clean, 1 findings (missed deadlines or
 * rule violations), 2 bad input or output (arguments, files, lines, a report that cannot be
 * written), each with a one-line message saying what is wrong; never a stack trace.
 *
 *   caseledger audit <stream> (--file events.jsonl | --eventstoredb URL) [--as-of INSTANT] [--json | --html FILE]
 *   caseledger audit-all (--file events.jsonl | --eventstoredb URL) [--as-of INSTANT] [--json | --html FILE]
 *   caseledger export --eventstoredb URL --file out.jsonl
 *   caseledger import --file in.jsonl --eventstoredb URL [--on-bad-line skip|stop]
 *   audits also take: --policies policies.json  --calendar calendar.json  --preset CN-consumer  --lang zh-CN
 */
import { createWriteStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import {
  type CaseHistory,
  Instant,
  type Locale,
  type PolicySet,
  type Rulebook,
  type RulebookPolicy,
  companyPolicy,
  decodePolicySet,
  defaultCalendar,
  defaultPolicies,
  describeBreach,
  describeFieldErrors,
  instantFromEpochMs,
  isLocale,
  jurisdictionPresets,
  locales,
  makeCalendar,
  type EventStore,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { type EventStoreDbStore, connectEventStoreDb, serverOf } from '@caseledger/eventstoredb';
import { auditCase } from './audit.js';
import { bulkAudit, caseHistoryOf, casesFromLines, casesFromStore, readCase } from './cases.js';
import { bulkAuditHtml, caseAuditHtml } from './html.js';
import { DEFAULT_MAX_LINE_BYTES, type ReadLinesOptions, exportStore, importLines, parseLine, readLines } from './jsonl.js';
import { type ProjectCommand, exportSource, projectCommand } from './project.js';
import { type Provenance, digestingReads, eventsDigest, fileSha256 } from './provenance.js';
import { bulkAuditText, caseAuditText, escapeControls, escapeJsonControls } from './text.js';
import pg from 'pg';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True on a terminal: show progress. */
  readonly interactive: boolean;
  readonly now: () => number;
  /** The environment's language (`localeFromEnvironment(process.env)`), used when `--lang` is not given; English when absent. */
  readonly locale?: Locale;
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;

const USAGE = `usage:
  caseledger audit <stream> (--file events.jsonl | --eventstoredb URL) [--as-of INSTANT] [--json] [--html FILE] [--policies FILE] [--preset ID] [--calendar FILE] [--lang zh-CN|en]
  caseledger audit-all (--file events.jsonl | --eventstoredb URL) [--as-of INSTANT] [--json] [--html FILE] [--policies FILE] [--preset ID] [--calendar FILE] [--lang zh-CN|en] [--quiet]
  caseledger export --eventstoredb URL --file out.jsonl
  caseledger import --file in.jsonl --eventstoredb URL [--on-bad-line skip|stop]
  caseledger project status --pg URL [--eventstoredb URL | --file events.jsonl] [--json]
  caseledger project catch-up --pg URL (--eventstoredb URL | --file events.jsonl) [--projection NAME] [--policies FILE] [--preset ID] [--calendar FILE] [--json] [--quiet]
  caseledger project rebuild <projection> --pg URL (--eventstoredb URL | --file events.jsonl) [--policies FILE] [--preset ID] [--calendar FILE] [--json] [--quiet]
  caseledger project parked <projection> --pg URL [--json]
  caseledger --version
policies: --preset ID lays the policies file over a jurisdiction preset (${Object.keys(jurisdictionPresets).join(', ')}), or applies the preset alone
reading a file: --max-line-bytes N (default ${DEFAULT_MAX_LINE_BYTES}, 16 MiB)
reports: --lang zh-CN|en (default: the environment's language, LC_ALL, LC_MESSAGES or LANG; else English)
exit codes: 0 clean, 1 findings, 2 bad input or output`;

/** This package's version, from its package.json (next to src/ and dist/ alike). */
const version = (): string => {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const v: unknown = typeof pkg === 'object' && pkg !== null ? Reflect.get(pkg, 'version') : undefined;
  return typeof v === 'string' ? v : 'unknown';
};

interface Options {
  readonly positional: ReadonlyArray<string>;
  readonly flags: ReadonlyMap<string, string | true>;
}

const VALUED = new Set(['--file', '--as-of', '--html', '--policies', '--preset', '--calendar', '--eventstoredb', '--on-bad-line', '--max-line-bytes', '--pg', '--projection', '--lang']);
const BOOLEAN = new Set(['--json', '--help', '--version', '--quiet']);

const parseArgs = (argv: ReadonlyArray<string>): E.Either<string, Options> => {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (VALUED.has(a)) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return E.left(`${a} needs a value`);
      flags.set(a, v);
      i += 1;
    } else if (BOOLEAN.has(a)) flags.set(a, true);
    else if (a.startsWith('--')) return E.left(`unknown option ${a}`);
    else positional.push(a);
  }
  return E.right({ positional, flags });
};

const text = (o: Options, flag: string): string | undefined => {
  const v = o.flags.get(flag);
  return typeof v === 'string' ? v : undefined;
};

/** A path that must be a readable file: its absence or a folder is said in one line. */
const fileAt = (path: string, what: string): E.Either<string, string> => {
  if (!existsSync(path)) return E.left(`${what} not found: ${path}`);
  return statSync(path).isFile() ? E.right(path) : E.left(`${what} ${path} is a folder, not a file`);
};

const readJson = (path: string, what: string): E.Either<string, unknown> => {
  const file = fileAt(path, `${what} file`);
  if (E.isLeft(file)) return file;
  try {
    // A byte-order mark, as some editors write, is not part of the JSON.
    return E.right(JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')));
  } catch {
    return E.left(`${what} file is not valid JSON: ${path}`);
  }
};

/** Write a report; a folder that does not exist or cannot be written is a one-line error. */
const writeReport = (path: string, content: string): E.Either<string, string> => {
  try {
    writeFileSync(path, content);
    return E.right(path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'failed';
    return E.left(`cannot write the HTML report to ${path} (${code === 'ENOENT' ? 'no such folder' : code})`);
  }
};

type Source = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'eventstoredb'; readonly url: string };

interface Setup {
  readonly source: Source;
  readonly asOf: Instant;
  readonly rulebook: Rulebook;
  readonly maxLineBytes: number;
  readonly locale: Locale;
}

/** `--lang zh-CN|en`, else the environment's language. */
const localeOf = (o: Options, io: CliIo): E.Either<string, Locale> => {
  const lang = text(o, '--lang');
  if (lang === undefined) return E.right(io.locale ?? 'en');
  return isLocale(lang) ? E.right(lang) : E.left(`--lang must be ${locales.join(' or ')} (got "${lang}")`);
};

const sourceOf = (o: Options): E.Either<string, Source> => {
  const file = text(o, '--file');
  const url = text(o, '--eventstoredb');
  if (file !== undefined && url !== undefined) return E.left('give one source: --file or --eventstoredb, not both');
  if (url !== undefined) return E.right({ kind: 'eventstoredb', url });
  if (file === undefined) return E.left('--file is required (a JSON Lines export), or --eventstoredb with a connection string');
  return E.map((path: string): Source => ({ kind: 'file', path }))(fileAt(file, '--file'));
};

const openStore = (url: string): E.Either<string, EventStoreDbStore> => {
  try {
    return E.right(connectEventStoreDb(url));
  } catch (error) {
    return E.left(`--eventstoredb: not a valid connection string (${error instanceof Error ? error.message : 'unknown error'}); e.g. kurrentdb://localhost:2113?tls=false`);
  }
};

/** The policy versions to audit under: the defaults, a policies file, a preset, or a policies file over a preset (J-0). */
const policiesOf = (o: Options): E.Either<string, PolicySet<RulebookPolicy>> => {
  const presetId = text(o, '--preset');
  const preset = presetId === undefined ? undefined : Object.hasOwn(jurisdictionPresets, presetId) ? jurisdictionPresets[presetId] : undefined;
  if (presetId !== undefined && preset === undefined) return E.left(`--preset: no preset "${presetId}"; the presets are ${Object.keys(jurisdictionPresets).join(', ')}`);
  const policiesFile = text(o, '--policies');
  if (policiesFile === undefined) return E.right(preset?.policies ?? defaultPolicies);
  const json = readJson(policiesFile, 'policies');
  if (E.isLeft(json)) return json;
  const decoded = preset === undefined ? decodePolicySet(json.right) : companyPolicy(preset, json.right);
  if (E.isRight(decoded)) return decoded;
  const e = decoded.left;
  const why = e.code === 'POLICY_BELOW_LEGAL_FLOOR' ? e.breaches.map(describeBreach).join(' ') : 'errors' in e ? describeFieldErrors(e.errors) : '';
  return E.left(`policies file ${policiesFile}: ${e.code === 'POLICY_BELOW_LEGAL_FLOOR' ? `below the law's floor under ${e.preset}:` : e.message} ${why}`.trimEnd());
};

/** The policies (`--policies`, `--preset`) and the calendar (`--calendar`) deadlines are computed under. */
const rulebookOf = (o: Options): E.Either<string, Rulebook> => {
  const policies = policiesOf(o);
  if (E.isLeft(policies)) return policies;
  const calendarFile = text(o, '--calendar');
  if (calendarFile === undefined) return E.right({ policies: policies.right, calendar: defaultCalendar });
  const json = readJson(calendarFile, 'calendar');
  if (E.isLeft(json)) return json;
  const decoded = makeCalendar(json.right);
  if (E.isLeft(decoded)) return E.left(`calendar file ${calendarFile}: ${decoded.left.message}${'errors' in decoded.left ? ` ${describeFieldErrors(decoded.left.errors)}` : ''}`);
  return E.right({ policies: policies.right, calendar: decoded.right });
};

const setUp = (o: Options, io: CliIo): E.Either<string, Setup> => {
  const source = sourceOf(o);
  if (E.isLeft(source)) return source;
  const asOfText = text(o, '--as-of');
  const asOf = asOfText === undefined ? instantFromEpochMs(io.now()) : asOfText;
  if (!Instant.is(asOf)) return E.left(`--as-of must be an ISO-8601 instant with a zone, e.g. 2026-03-03T00:00:00+08:00 (got "${asOfText ?? ''}")`);
  const rulebook = rulebookOf(o);
  if (E.isLeft(rulebook)) return rulebook;
  const maxLineBytes = maxLineBytesOf(o);
  if (E.isLeft(maxLineBytes)) return maxLineBytes;
  const locale = localeOf(o, io);
  if (E.isLeft(locale)) return locale;
  return E.right({ source: source.right, asOf, rulebook: rulebook.right, maxLineBytes: maxLineBytes.right, locale: locale.right });
};

/** `--max-line-bytes`, the longest line a file may have (default 16 MiB). */
const maxLineBytesOf = (o: Options): E.Either<string, number> => {
  const cap = text(o, '--max-line-bytes');
  const maxLineBytes = cap === undefined ? DEFAULT_MAX_LINE_BYTES : Number(cap);
  return Number.isInteger(maxLineBytes) && maxLineBytes >= 1 ? E.right(maxLineBytes) : E.left(`--max-line-bytes must be a whole number of bytes (got "${cap ?? ''}")`);
};

/** Where a report came from: the source, the tool, now, and what was read (see provenance.ts). */
const provenanceOf = async (source: Source, io: CliIo, read: { readonly events: number; readonly sha256?: string }): Promise<Provenance> => ({
  source: source.kind === 'file' ? source.path : serverOf(source.url),
  tool: `caseledger ${version()}`,
  generatedAt: new Date(io.now()).toISOString(),
  events: read.events,
  sha256: read.sha256 ?? (source.kind === 'file' ? await fileSha256(source.path) : ''),
  sha256Of: source.kind === 'file' ? 'file' : 'events',
});

const historyFrom = async (source: Source, stream: string, lines: ReadLinesOptions): Promise<E.Either<string, { readonly history: CaseHistory; readonly events: number; readonly sha256?: string }>> => {
  if (source.kind === 'eventstoredb') {
    const store = openStore(source.url);
    if (E.isLeft(store)) return store;
    try {
      const digest = eventsDigest();
      const h = await readCase(digestingReads(store.right, digest), stream);
      return E.isLeft(h) ? E.left(h.left.code === 'CASE_NOT_FOUND' ? `stream ${stream} is not in ${source.url}` : h.left.message) : E.right({ history: h.right, ...digest.result() });
    } finally {
      await store.right.dispose();
    }
  }
  const records = [];
  let events = 0;
  for await (const read of readLines(source.path, lines)) {
    const parsed = E.chain(({ text: raw, line }: { readonly text: string; readonly line: number }) => parseLine(raw, line))(read);
    if (E.isLeft(parsed)) return E.left(`${source.path}: ${parsed.left.message}`);
    events += 1;
    if (parsed.right.streamName === stream) records.push(parsed.right);
  }
  if (events === 0) return E.left(`no events in ${source.path}`);
  if (records.length === 0) return E.left(`stream ${stream} is not in ${source.path}`);
  return E.bimap(
    (e: { readonly message: string }) => e.message,
    (history: CaseHistory) => ({ history, events }),
  )(caseHistoryOf(stream, records));
};

const auditOne = async (o: Options, io: CliIo, setup: Setup): Promise<number> => {
  const stream = o.positional[1];
  if (stream === undefined) {
    io.err(`audit needs the stream to audit, e.g. complaint-C-2026-0042\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const history = await historyFrom(setup.source, stream, { maxLineBytes: setup.maxLineBytes });
  if (E.isLeft(history)) {
    io.err(history.left);
    return EXIT_BAD_INPUT;
  }
  const audit = auditCase(history.right.history, setup.rulebook, setup.asOf, { locale: setup.locale });
  const provenance = await provenanceOf(setup.source, io, history.right);
  const shown = { provenance, calendar: setup.rulebook.calendar, locale: setup.locale };
  const written = report(o, io, () => caseAuditHtml(audit, shown), () => JSON.stringify({ ...audit, provenance }, null, 2), () => caseAuditText(audit, shown));
  if (E.isLeft(written)) {
    io.err(written.left);
    return EXIT_BAD_INPUT;
  }
  return audit.report.findings > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
};

/**
 * The outputs asked for: `--html FILE` writes the page (and says so on stderr when `--json` also
 * prints JSON on stdout); `--json` prints JSON; otherwise text. Text and JSON never carry control
 * characters to the terminal (an actor id could hold an escape sequence).
 */
const report = (o: Options, io: CliIo, html: () => string, json: () => string, plain: () => string): E.Either<string, void> => {
  const htmlFile = text(o, '--html');
  const wantsJson = o.flags.has('--json');
  if (htmlFile !== undefined) {
    const written = writeReport(htmlFile, html());
    if (E.isLeft(written)) return written;
    (wantsJson ? io.err : io.out)(`HTML report written to ${htmlFile}`);
  }
  if (wantsJson) io.out(escapeJsonControls(json()));
  else if (htmlFile === undefined) io.out(plain());
  return E.right(undefined);
};

const auditAll = async (o: Options, io: CliIo, setup: Setup): Promise<number> => {
  const progress = progressReporter(io, o.flags.has('--quiet'), setup.source.kind === 'file' ? statSync(setup.source.path).size : undefined);
  const digest = eventsDigest();
  let summary;
  if (setup.source.kind === 'eventstoredb') {
    const store = openStore(setup.source.url);
    if (E.isLeft(store)) {
      io.err(store.left);
      return EXIT_BAD_INPUT;
    }
    try {
      summary = await bulkAudit(casesFromStore(digestingReads(store.right, digest)), setup.rulebook, setup.asOf, progress.onCase);
    } finally {
      await store.right.dispose();
    }
  } else {
    summary = await bulkAudit(casesFromLines(readLines(setup.source.path, { maxLineBytes: setup.maxLineBytes, onBytes: progress.onBytes })), setup.rulebook, setup.asOf, progress.onCase);
  }
  progress.done();
  if (summary.events === 0 && summary.problemCount === 0) {
    io.err(`no events in ${setup.source.kind === 'file' ? setup.source.path : setup.source.url}`);
    return EXIT_BAD_INPUT;
  }
  const finished = summary;
  const provenance = await provenanceOf(setup.source, io, setup.source.kind === 'file' ? { events: finished.events } : digest.result());
  const shown = { provenance, calendar: setup.rulebook.calendar, locale: setup.locale };
  const written = report(o, io, () => bulkAuditHtml(finished, shown), () => JSON.stringify({ ...finished, provenance }, null, 2), () => bulkAuditText(finished, shown));
  if (E.isLeft(written)) {
    io.err(written.left);
    return EXIT_BAD_INPUT;
  }
  if (summary.problemCount > 0) {
    io.err(escapeControls(`${summary.problemCount} input problem(s), e.g. ${summary.problems[0] ?? ''}`));
    return EXIT_BAD_INPUT;
  }
  return summary.findings > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
};

const exportCommand = async (o: Options, io: CliIo): Promise<number> => {
  const url = text(o, '--eventstoredb');
  const file = text(o, '--file');
  if (url === undefined || file === undefined) {
    io.err(`export needs --eventstoredb (the source) and --file (the JSON Lines file to write)\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const store = openStore(url);
  if (E.isLeft(store)) {
    io.err(store.left);
    return EXIT_BAD_INPUT;
  }
  const out = createWriteStream(file);
  try {
    const skipped: string[] = [];
    const written = await exportStore(
      store.right,
      async (line) => {
        if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      },
      1000,
      (s) => {
        skipped.push(s.streamName);
        io.err(`skipped ${escapeControls(s.streamName)}: hard-deleted on the server, it has no events to export`);
      },
    )();
    await new Promise<void>((resolve) => out.end(resolve));
    if (E.isLeft(written)) {
      io.err(`export failed: ${written.left.message}`);
      return EXIT_BAD_INPUT;
    }
    io.out(`${written.right} events written to ${file}${skipped.length === 0 ? '' : `; ${skipped.length} hard-deleted stream(s) skipped`}`);
    return EXIT_CLEAN;
  } finally {
    await store.right.dispose();
  }
};

const importCommand = async (o: Options, io: CliIo): Promise<number> => {
  const url = text(o, '--eventstoredb');
  const file = text(o, '--file');
  const onBadLine = text(o, '--on-bad-line') ?? 'stop';
  if (url === undefined || file === undefined) {
    io.err(`import needs --file (the JSON Lines file to read) and --eventstoredb (the target)\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  if (onBadLine !== 'skip' && onBadLine !== 'stop') {
    io.err('--on-bad-line must be skip or stop');
    return EXIT_BAD_INPUT;
  }
  const input = fileAt(file, '--file');
  if (E.isLeft(input)) {
    io.err(input.left);
    return EXIT_BAD_INPUT;
  }
  const store = openStore(url);
  if (E.isLeft(store)) {
    io.err(store.left);
    return EXIT_BAD_INPUT;
  }
  try {
    const report = await importLines(readLines(file), store.right, onBadLine);
    if (E.isLeft(report)) {
      io.err(`import stopped: ${report.left.message}`);
      return EXIT_BAD_INPUT;
    }
    io.out(`${report.right.imported} events imported into ${url}`);
    for (const bad of report.right.badLines) io.err(bad.message);
    return report.right.badLines.length > 0 ? EXIT_BAD_INPUT : EXIT_CLEAN;
  } finally {
    await store.right.dispose();
  }
};

/** `caseledger project …`: the arguments checked, the database and the source opened, then `projectCommand`. */
const projectFromCli = async (o: Options, io: CliIo): Promise<number> => {
  const [, sub, name] = o.positional;
  const pgUrl = text(o, '--pg');
  const projectionFlag = text(o, '--projection');
  const command: E.Either<string, ProjectCommand> =
    sub === 'status'
      ? E.right({ kind: 'status' })
      : sub === 'catch-up'
        ? E.right(projectionFlag === undefined ? { kind: 'catch-up' } : { kind: 'catch-up', projection: projectionFlag })
        : (sub === 'rebuild' || sub === 'parked') && name !== undefined
          ? E.right({ kind: sub, projection: name })
          : E.left(sub === 'rebuild' || sub === 'parked' ? `project ${sub} needs the projection's name, e.g. case-files` : `project needs status, catch-up, rebuild or parked`);
  if (E.isLeft(command)) {
    io.err(`${command.left}\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  if (pgUrl === undefined) {
    io.err(`project needs --pg, the read models' PostgreSQL (postgres://user@host:5432/db)\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const rulebook = rulebookOf(o);
  if (E.isLeft(rulebook)) {
    io.err(escapeControls(rulebook.left));
    return EXIT_BAD_INPUT;
  }
  const needsSource = command.right.kind === 'catch-up' || command.right.kind === 'rebuild';
  const file = text(o, '--file');
  const url = text(o, '--eventstoredb');
  if (file !== undefined && url !== undefined) {
    io.err('give one source: --file or --eventstoredb, not both');
    return EXIT_BAD_INPUT;
  }
  if (needsSource && file === undefined && url === undefined) {
    io.err(`project ${command.right.kind} needs a source: --eventstoredb URL or --file events.jsonl`);
    return EXIT_BAD_INPUT;
  }
  const esdb = url === undefined ? undefined : openStore(url);
  if (esdb !== undefined && E.isLeft(esdb)) {
    io.err(esdb.left);
    return EXIT_BAD_INPUT;
  }
  let source: Pick<EventStore, 'readAll'> | undefined = esdb?.right;
  if (file !== undefined) {
    const path = fileAt(file, '--file');
    if (E.isLeft(path)) {
      io.err(path.left);
      return EXIT_BAD_INPUT;
    }
    const cap = maxLineBytesOf(o);
    if (E.isLeft(cap)) {
      io.err(cap.left);
      return EXIT_BAD_INPUT;
    }
    const loaded = await exportSource(readLines(file, { maxLineBytes: cap.right }));
    if (E.isLeft(loaded)) {
      io.err(escapeControls(`${file}: ${loaded.left.message}`));
      return EXIT_BAD_INPUT;
    }
    source = loaded.right;
  }
  const pool = new pg.Pool({ connectionString: pgUrl, max: 4 });
  // A database that is down or refuses us is said in one line, not thrown.
  pool.on('error', () => undefined);
  try {
    return await projectCommand(
      command.right,
      { pool, ...(source === undefined ? {} : { source }), sourceName: url ?? file ?? 'no source', json: o.flags.has('--json'), quiet: o.flags.has('--quiet'), rulebook: rulebook.right },
      io,
    );
  } finally {
    await pool.end().catch(() => undefined);
    if (esdb !== undefined && E.isRight(esdb)) await esdb.right.dispose();
  }
};

/**
 * Progress of a bulk audit on stderr: cases, events, bytes of the total when the input's size is
 * known, the rate and the time left. On a terminal one line rewritten every second; otherwise a
 * plain line every ten seconds (a log keeps them); nothing with `--quiet`.
 */
const progressReporter = (io: CliIo, quiet: boolean, totalBytes: number | undefined) => {
  const started = io.now();
  const every = io.interactive ? 1000 : 10_000;
  let last = started;
  let bytes = 0;
  let shown = false;
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const mb = (x: number) => (x / 2 ** 20).toFixed(0);
  const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;
  const line = (cases: number, events: number, now: number): string => {
    const seconds = Math.max(0.001, (now - started) / 1000);
    const rate = events / seconds;
    const share = totalBytes === undefined || totalBytes === 0 ? undefined : Math.min(1, bytes / totalBytes);
    const left = share === undefined || share === 0 ? '' : `, about ${clock((seconds / share) * (1 - share))} left`;
    const of = share === undefined ? '' : `; ${mb(bytes)} of ${mb(totalBytes ?? 0)} MB (${Math.floor(share * 100)}%)`;
    return `audited ${n(cases)} cases, ${n(events)} events${of}; ${n(rate)} events/s${left}`;
  };
  return {
    onBytes: (read: number) => {
      bytes += read;
    },
    onCase: ({ cases, events }: { readonly cases: number; readonly events: number }) => {
      const now = io.now();
      if (quiet || now - last < every) return;
      last = now;
      shown = true;
      io.err(io.interactive ? `\r${line(cases, events, now)}` : line(cases, events, now));
    },
    done: () => {
      if (shown && io.interactive) io.err('\n');
    },
  };
};

export const run = async (argv: ReadonlyArray<string>, io: CliIo): Promise<number> => {
  const parsed = parseArgs(argv);
  if (E.isLeft(parsed)) {
    io.err(`${parsed.left}\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const o = parsed.right;
  if (o.flags.has('--version')) {
    io.out(`caseledger ${version()}`);
    return EXIT_CLEAN;
  }
  const command = o.positional[0];
  if (o.flags.has('--help') || command === undefined) {
    (command === undefined && !o.flags.has('--help') ? io.err : io.out)(USAGE);
    return command === undefined && !o.flags.has('--help') ? EXIT_BAD_INPUT : EXIT_CLEAN;
  }
  if (command === 'export') return exportCommand(o, io);
  if (command === 'project') return projectFromCli(o, io);
  if (command === 'import') return importCommand(o, io);
  if (command !== 'audit' && command !== 'audit-all') {
    io.err(`unknown command "${command}"\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const setup = setUp(o, io);
  if (E.isLeft(setup)) {
    io.err(setup.left);
    return EXIT_BAD_INPUT;
  }
  return command === 'audit' ? auditOne(o, io, setup.right) : auditAll(o, io, setup.right);
};
