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
import { createWriteStream, existsSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import {
  type CaseHistory,
  type CaseTypeRegistry,
  Instant,
  type Locale,
  type PolicySet,
  type Rulebook,
  type RulebookPolicy,
  companyPolicy,
  decodePolicySet,
  defaultCalendar,
  defaultPolicies,
  breachText,
  caseTypes,
  instantFromEpochMs,
  isLocale,
  jurisdictionPresets,
  locales,
  makeCalendar,
  type EventStore,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { type EventStoreDbStore, connectEventStoreDb, serverOf } from '@caseledger/eventstoredb';
import {
  DEFAULT_MAX_LINE_BYTES,
  type Provenance,
  type ReadLinesOptions,
  auditCase,
  bulkAudit,
  bulkAuditHtml,
  bulkAuditText,
  caseAuditHtml,
  caseAuditText,
  caseHistoryOf,
  casesFromLines,
  casesFromStore,
  digestingReads,
  escapeControls,
  escapeJsonControls,
  eventsDigest,
  exportStore,
  fileSha256,
  importLines,
  parseLine,
  problemText,
  readCase,
  readLines,
} from '@caseledger/audit';
import { type ProjectCommand, exportSource, projectCommand } from './project.js';
import { type CliFile, type CliMessages, cliMessages, errorText } from './cliMessages.js';
import { CLI_VERSION } from './version.js';
import { loadCaseTypes } from './caseTypesModule.js';
import type { CliIo } from './io.js';
import pg from 'pg';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;

interface Options {
  readonly positional: ReadonlyArray<string>;
  readonly flags: ReadonlyMap<string, string | true>;
}

const VALUED = new Set([
  '--case-types',
  '--file',
  '--as-of',
  '--html',
  '--policies',
  '--preset',
  '--calendar',
  '--eventstoredb',
  '--on-bad-line',
  '--max-line-bytes',
  '--truncated-starts-up-to',
  '--pg',
  '--projection',
  '--lang',
]);
const BOOLEAN = new Set(['--json', '--help', '--version', '--quiet']);

const parseArgs = (argv: ReadonlyArray<string>, say: CliMessages): E.Either<string, Options> => {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (VALUED.has(a)) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return E.left(say.needsValue(a));
      flags.set(a, v);
      i += 1;
    } else if (BOOLEAN.has(a)) flags.set(a, true);
    else if (a.startsWith('--')) return E.left(say.unknownOption(a));
    else positional.push(a);
  }
  return E.right({ positional, flags });
};

const text = (o: Options, flag: string): string | undefined => {
  const v = o.flags.get(flag);
  return typeof v === 'string' ? v : undefined;
};

/** A path that must be a readable file: its absence or a folder is said in one line. */
const fileAt = (path: string, file: CliFile, say: CliMessages): E.Either<string, string> => {
  if (!existsSync(path)) return E.left(say.notFound(file, path));
  return statSync(path).isFile() ? E.right(path) : E.left(say.isFolder(file, path));
};

/**
 * Where a JSON text breaks, 1-based, from the parser's "at position N" (or the end, for "Unexpected
 * end"); never the parser's message itself, which may quote the file's content (T-10).
 */
const whereJsonBreaks = (text: string, error: unknown): { readonly line: number; readonly column: number } | undefined => {
  const message = error instanceof Error ? error.message : '';
  const at = /at position (\d+)/.exec(message);
  const position = at !== null ? Number(at[1]) : /end of JSON input/i.test(message) ? text.length : undefined;
  if (position === undefined) return undefined;
  const before = text.slice(0, position).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
};

const readJson = (path: string, what: CliFile, say: CliMessages): E.Either<string, unknown> => {
  const file = fileAt(path, what, say);
  if (E.isLeft(file)) return file;
  // A byte-order mark, as some editors write, is not part of the JSON.
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  try {
    return E.right(JSON.parse(text));
  } catch (error) {
    return E.left(say.notJson(what, path, whereJsonBreaks(text, error)));
  }
};

/** Write a report; a folder that does not exist or cannot be written is a one-line error. */
const writeReport = (path: string, content: string, say: CliMessages): E.Either<string, string> => {
  try {
    writeFileSync(path, content);
    return E.right(path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'failed';
    return E.left(say.cannotWriteReport(path, code));
  }
};

type Source = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'eventstoredb'; readonly url: string };

interface Setup {
  readonly source: Source;
  /** The built-in case types and the app's own (`--case-types`). */
  readonly registry: CaseTypeRegistry;
  readonly asOf: Instant;
  readonly rulebook: Rulebook;
  readonly maxLineBytes: number;
  readonly locale: Locale;
  readonly say: CliMessages;
}

/** `--lang zh-CN|en`, else the environment's language. */
const localeOf = (o: Options, io: CliIo): E.Either<string, Locale> => {
  const lang = text(o, '--lang');
  if (lang === undefined) return E.right(io.locale ?? 'en');
  return isLocale(lang) ? E.right(lang) : E.left(cliMessages(io.locale).badLang(lang, locales));
};

const sourceOf = (o: Options, say: CliMessages): E.Either<string, Source> => {
  const file = text(o, '--file');
  const url = text(o, '--eventstoredb');
  if (file !== undefined && url !== undefined) return E.left(say.oneSource);
  if (url !== undefined) return E.right({ kind: 'eventstoredb', url });
  if (file === undefined) return E.left(say.fileRequired);
  return E.map((path: string): Source => ({ kind: 'file', path }))(fileAt(file, '--file', say));
};

const openStore = (url: string, say: CliMessages): E.Either<string, EventStoreDbStore> => {
  try {
    return E.right(connectEventStoreDb(url));
  } catch (error) {
    // The client's message may repeat the connection string: never its user name and password.
    const credentials = /^[a-z+]+:\/\/([^@/]*)@/i.exec(url)?.[1];
    const message = error instanceof Error ? error.message : 'unknown error';
    return E.left(say.badConnection(credentials === undefined || credentials === '' ? message : message.split(credentials).join('***')));
  }
};

/** The policy versions to audit under: the defaults, a policies file, a preset, or a policies file over a preset (J-0). */
const policiesOf = (o: Options, locale: Locale, registry: CaseTypeRegistry): E.Either<string, PolicySet<RulebookPolicy>> => {
  const say = cliMessages(locale);
  const presetId = text(o, '--preset');
  const preset = presetId === undefined ? undefined : Object.hasOwn(jurisdictionPresets, presetId) ? jurisdictionPresets[presetId] : undefined;
  if (presetId !== undefined && preset === undefined) return E.left(say.noPreset(presetId, Object.keys(jurisdictionPresets)));
  const policiesFile = text(o, '--policies');
  if (policiesFile === undefined) return E.right(preset?.policies ?? defaultPolicies);
  const json = readJson(policiesFile, 'policies', say);
  if (E.isLeft(json)) return json;
  const decoded = preset === undefined ? decodePolicySet(json.right, undefined, registry) : companyPolicy(preset, json.right);
  if (E.isRight(decoded)) return decoded;
  const e = decoded.left;
  if (e.code === 'POLICY_BELOW_LEGAL_FLOOR') return E.left(say.belowFloor(policiesFile, e.preset, e.breaches.map((b) => breachText(b, locale)).join(' ')));
  return E.left(say.policiesFile(policiesFile, errorText(e, locale)));
};

/** The policies (`--policies`, `--preset`) and the calendar (`--calendar`) deadlines are computed under. */
const rulebookOf = (o: Options, locale: Locale, registry: CaseTypeRegistry): E.Either<string, Rulebook> => {
  const policies = policiesOf(o, locale, registry);
  if (E.isLeft(policies)) return policies;
  const calendarFile = text(o, '--calendar');
  if (calendarFile === undefined) return E.right({ policies: policies.right, calendar: defaultCalendar });
  const json = readJson(calendarFile, 'calendar', cliMessages(locale));
  if (E.isLeft(json)) return json;
  const decoded = makeCalendar(json.right);
  if (E.isLeft(decoded)) return E.left(cliMessages(locale).calendarFile(calendarFile, errorText(decoded.left, locale)));
  return E.right({ policies: policies.right, calendar: decoded.right });
};

/** `--case-types MODULE`: the built-in case types and the module's; the built-in ones alone without it. */
const registryOf = async (o: Options, say: CliMessages): Promise<E.Either<string, CaseTypeRegistry>> => {
  const module = text(o, '--case-types');
  if (module === undefined) return E.right(caseTypes);
  const path = fileAt(module, '--case-types', say);
  if (E.isLeft(path)) return path;
  return E.mapLeft((reason: string) => say.caseTypesModule(module, reason))(await loadCaseTypes(path.right));
};

const setUp = async (o: Options, io: CliIo, locale: Locale): Promise<E.Either<string, Setup>> => {
  const say = cliMessages(locale);
  const source = sourceOf(o, say);
  if (E.isLeft(source)) return source;
  const registry = await registryOf(o, say);
  if (E.isLeft(registry)) return registry;
  const asOfText = text(o, '--as-of');
  const asOf = asOfText === undefined ? instantFromEpochMs(io.now()) : asOfText;
  if (!Instant.is(asOf)) return E.left(say.badAsOf(asOfText ?? ''));
  const rulebook = rulebookOf(o, locale, registry.right);
  if (E.isLeft(rulebook)) return rulebook;
  const maxLineBytes = maxLineBytesOf(o, say);
  if (E.isLeft(maxLineBytes)) return maxLineBytes;
  return E.right({ source: source.right, registry: registry.right, asOf, rulebook: rulebook.right, maxLineBytes: maxLineBytes.right, locale, say });
};

/** `--max-line-bytes`, the longest line a file may have (default 16 MiB). */
const maxLineBytesOf = (o: Options, say: CliMessages): E.Either<string, number> => {
  const cap = text(o, '--max-line-bytes');
  const maxLineBytes = cap === undefined ? DEFAULT_MAX_LINE_BYTES : Number(cap);
  return Number.isInteger(maxLineBytes) && maxLineBytes >= 1 ? E.right(maxLineBytes) : E.left(say.badMaxLineBytes(cap ?? ''));
};

/** Where a report came from: the source, the tool, now, and what was read (see provenance.ts). */
const provenanceOf = async (source: Source, io: CliIo, read: { readonly events: number; readonly sha256?: string }): Promise<Provenance> => ({
  source: source.kind === 'file' ? source.path : serverOf(source.url),
  tool: `caseledger ${CLI_VERSION}`,
  generatedAt: new Date(io.now()).toISOString(),
  events: read.events,
  sha256: read.sha256 ?? (source.kind === 'file' ? await fileSha256(source.path) : ''),
  sha256Of: source.kind === 'file' ? 'file' : 'events',
});

/** The streams a bare case id may stand for, `<category>-<id>` for every registered category; none when the name already starts with one. */
const bareIdCandidates = (stream: string, registry: CaseTypeRegistry): ReadonlyArray<string> =>
  registry.categories.some((c) => stream.startsWith(`${c}-`)) ? [] : registry.categories.map((c) => `${c}-${stream}`);

const historyFrom = async (
  source: Source,
  stream: string,
  lines: ReadLinesOptions,
  locale: Locale,
  registry: CaseTypeRegistry,
): Promise<E.Either<string, { readonly history: CaseHistory; readonly events: number; readonly sha256?: string }>> => {
  const say = cliMessages(locale);
  if (source.kind === 'eventstoredb') {
    const store = openStore(source.url, say);
    if (E.isLeft(store)) return store;
    try {
      const digest = eventsDigest();
      const h = await readCase(digestingReads(store.right, digest), stream, registry);
      if (E.isRight(h)) return E.right({ history: h.right, ...digest.result() });
      if (h.left.code !== 'CASE_NOT_FOUND') return E.left(errorText(h.left, locale));
      // A bare case id: the streams of that id that the server has.
      const meant: string[] = [];
      for (const candidate of bareIdCandidates(stream, registry)) {
        const read = await store.right.readStream(candidate)();
        if (E.isRight(read) && read.right.kind === 'stream') meant.push(candidate);
      }
      return E.left(say.streamNotIn(stream, serverOf(source.url), meant));
    } finally {
      await store.right.dispose();
    }
  }
  const records = [];
  const candidates = new Set(bareIdCandidates(stream, registry));
  const meant = new Set<string>();
  let events = 0;
  for await (const read of readLines(source.path, lines)) {
    const parsed = E.chain(({ text: raw, line }: { readonly text: string; readonly line: number }) => parseLine(raw, line))(read);
    if (E.isLeft(parsed)) return E.left(`${source.path}: ${errorText(parsed.left, locale)}`);
    events += 1;
    if (parsed.right.streamName === stream) records.push(parsed.right);
    else if (candidates.has(parsed.right.streamName)) meant.add(parsed.right.streamName);
  }
  if (events === 0) return E.left(say.noEvents(source.path));
  if (records.length === 0) return E.left(say.streamNotIn(stream, source.path, [...meant]));
  return E.bimap(
    (e: { readonly code: string; readonly message: string }) => errorText(e, locale),
    (history: CaseHistory) => ({ history, events }),
  )(caseHistoryOf(stream, records, registry));
};

const auditOne = async (o: Options, io: CliIo, setup: Setup): Promise<number> => {
  const stream = o.positional[1];
  if (stream === undefined) {
    io.err(`${setup.say.auditNeedsStream}\n${setup.say.usage}`);
    return EXIT_BAD_INPUT;
  }
  const history = await historyFrom(setup.source, stream, { maxLineBytes: setup.maxLineBytes }, setup.locale, setup.registry);
  if (E.isLeft(history)) {
    io.err(history.left);
    return EXIT_BAD_INPUT;
  }
  const audit = auditCase(history.right.history, setup.rulebook, setup.asOf, { locale: setup.locale });
  const provenance = await provenanceOf(setup.source, io, history.right);
  const shown = { provenance, calendar: setup.rulebook.calendar, locale: setup.locale, registry: setup.registry };
  const written = report(
    o,
    io,
    setup.say,
    () => caseAuditHtml(audit, shown),
    () => JSON.stringify({ ...audit, provenance }, null, 2),
    () => caseAuditText(audit, shown),
  );
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
const report = (o: Options, io: CliIo, say: CliMessages, html: () => string, json: () => string, plain: () => string): E.Either<string, void> => {
  const htmlFile = text(o, '--html');
  const wantsJson = o.flags.has('--json');
  if (htmlFile !== undefined) {
    const written = writeReport(htmlFile, html(), say);
    if (E.isLeft(written)) return written;
    (wantsJson ? io.err : io.out)(say.htmlWritten(htmlFile));
  }
  if (wantsJson) io.out(escapeJsonControls(json()));
  else if (htmlFile === undefined) io.out(plain());
  return E.right(undefined);
};

const auditAll = async (o: Options, io: CliIo, setup: Setup): Promise<number> => {
  const progress = progressReporter(io, setup.say, o.flags.has('--quiet'), setup.source.kind === 'file' ? statSync(setup.source.path).size : undefined);
  const digest = eventsDigest();
  let summary;
  if (setup.source.kind === 'eventstoredb') {
    const store = openStore(setup.source.url, setup.say);
    if (E.isLeft(store)) {
      io.err(store.left);
      return EXIT_BAD_INPUT;
    }
    try {
      summary = await bulkAudit(casesFromStore(digestingReads(store.right, digest), undefined, setup.registry), setup.rulebook, setup.asOf, progress.onCase);
    } finally {
      await store.right.dispose();
    }
  } else {
    summary = await bulkAudit(
      casesFromLines(readLines(setup.source.path, { maxLineBytes: setup.maxLineBytes, onBytes: progress.onBytes }), setup.registry),
      setup.rulebook,
      setup.asOf,
      progress.onCase,
    );
  }
  progress.done();
  if (summary.events === 0 && summary.problemCount === 0) {
    io.err(setup.say.noEvents(setup.source.kind === 'file' ? setup.source.path : serverOf(setup.source.url)));
    return EXIT_BAD_INPUT;
  }
  const finished = summary;
  const provenance = await provenanceOf(setup.source, io, setup.source.kind === 'file' ? { events: finished.events } : digest.result());
  const shown = { provenance, calendar: setup.rulebook.calendar, locale: setup.locale, registry: setup.registry };
  const written = report(
    o,
    io,
    setup.say,
    () => bulkAuditHtml(finished, shown),
    () => JSON.stringify({ ...finished, provenance }, null, 2),
    () => bulkAuditText(finished, shown),
  );
  if (E.isLeft(written)) {
    io.err(written.left);
    return EXIT_BAD_INPUT;
  }
  if (summary.problemCount > 0) {
    const first = summary.problems[0];
    io.err(escapeControls(setup.say.inputProblems(summary.problemCount, first === undefined ? '' : problemText(first, setup.locale))));
    return EXIT_BAD_INPUT;
  }
  return summary.findings > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
};

const exportCommand = async (o: Options, io: CliIo, locale: Locale): Promise<number> => {
  const say = cliMessages(locale);
  const url = text(o, '--eventstoredb');
  const file = text(o, '--file');
  if (url === undefined || file === undefined) {
    io.err(`${say.exportNeeds}\n${say.usage}`);
    return EXIT_BAD_INPUT;
  }
  const store = openStore(url, say);
  if (E.isLeft(store)) {
    io.err(store.left);
    return EXIT_BAD_INPUT;
  }
  // Opened before anything is read, so a missing folder is a one-line error, not a stream's unhandled 'error'.
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (error) {
    await store.right.dispose();
    io.err(say.cannotWriteExport(file, error instanceof Error && 'code' in error ? String(error.code) : 'failed'));
    return EXIT_BAD_INPUT;
  }
  const out = createWriteStream(file, { fd });
  let writeFailed: string | undefined;
  out.on('error', (error) => {
    writeFailed = 'code' in error ? String(error.code) : 'failed';
  });
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
        io.err(say.skippedHardDeleted(escapeControls(s.streamName)));
      },
    )();
    await new Promise<void>((resolve) => out.end(resolve));
    if (writeFailed !== undefined) {
      io.err(say.cannotWriteExport(file, writeFailed));
      return EXIT_BAD_INPUT;
    }
    if (E.isLeft(written)) {
      io.err(escapeControls(say.exportFailed(errorText(written.left, locale))));
      return EXIT_BAD_INPUT;
    }
    io.out(say.exported(written.right, file, skipped.length));
    return EXIT_CLEAN;
  } finally {
    await store.right.dispose();
  }
};

const importCommand = async (o: Options, io: CliIo, locale: Locale): Promise<number> => {
  const say = cliMessages(locale);
  const url = text(o, '--eventstoredb');
  const file = text(o, '--file');
  const onBadLine = text(o, '--on-bad-line') ?? 'stop';
  if (url === undefined || file === undefined) {
    io.err(`${say.importNeeds}\n${say.usage}`);
    return EXIT_BAD_INPUT;
  }
  const cap = maxLineBytesOf(o, say);
  if (E.isLeft(cap)) {
    io.err(cap.left);
    return EXIT_BAD_INPUT;
  }
  const upTo = text(o, '--truncated-starts-up-to');
  if (upTo !== undefined && !/^\d{1,18}$/.test(upTo)) {
    io.err(say.badTruncatedStarts(upTo));
    return EXIT_BAD_INPUT;
  }
  if (onBadLine !== 'skip' && onBadLine !== 'stop') {
    io.err(say.badOnBadLine);
    return EXIT_BAD_INPUT;
  }
  const input = fileAt(file, '--file', say);
  if (E.isLeft(input)) {
    io.err(input.left);
    return EXIT_BAD_INPUT;
  }
  const store = openStore(url, say);
  if (E.isLeft(store)) {
    io.err(store.left);
    return EXIT_BAD_INPUT;
  }
  try {
    const report = await importLines(readLines(file, { maxLineBytes: cap.right }), store.right, {
      onBadLine,
      ...(upTo === undefined ? {} : { truncatedStartsUpTo: BigInt(upTo) }),
    });
    if (E.isLeft(report)) {
      io.err(escapeControls(say.importStopped(errorText(report.left, locale))));
      return EXIT_BAD_INPUT;
    }
    io.out(say.imported(report.right.imported, report.right.alreadyPresent, serverOf(url)));
    for (const bad of report.right.badLines) io.err(escapeControls(errorText(bad, locale)));
    return report.right.badLines.length > 0 ? EXIT_BAD_INPUT : EXIT_CLEAN;
  } finally {
    await store.right.dispose();
  }
};

/** `caseledger project …`: the arguments checked, the database and the source opened, then `projectCommand`. */
const projectFromCli = async (o: Options, io: CliIo, locale: Locale): Promise<number> => {
  const say = cliMessages(locale);
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
          : E.left(sub === 'rebuild' || sub === 'parked' ? say.projectNeedsName(sub) : say.projectNeedsSubcommand);
  if (E.isLeft(command)) {
    io.err(`${command.left}\n${say.usage}`);
    return EXIT_BAD_INPUT;
  }
  if (pgUrl === undefined) {
    io.err(`${say.projectNeedsPg}\n${say.usage}`);
    return EXIT_BAD_INPUT;
  }
  const registry = await registryOf(o, say);
  if (E.isLeft(registry)) {
    io.err(escapeControls(registry.left));
    return EXIT_BAD_INPUT;
  }
  const rulebook = rulebookOf(o, locale, registry.right);
  if (E.isLeft(rulebook)) {
    io.err(escapeControls(rulebook.left));
    return EXIT_BAD_INPUT;
  }
  const needsSource = command.right.kind === 'catch-up' || command.right.kind === 'rebuild';
  const file = text(o, '--file');
  const url = text(o, '--eventstoredb');
  if (file !== undefined && url !== undefined) {
    io.err(say.oneSource);
    return EXIT_BAD_INPUT;
  }
  if (needsSource && file === undefined && url === undefined) {
    io.err(say.projectNeedsSource(command.right.kind));
    return EXIT_BAD_INPUT;
  }
  const esdb = url === undefined ? undefined : openStore(url, say);
  if (esdb !== undefined && E.isLeft(esdb)) {
    io.err(esdb.left);
    return EXIT_BAD_INPUT;
  }
  let source: Pick<EventStore, 'readAll'> | undefined = esdb?.right;
  if (file !== undefined) {
    const path = fileAt(file, '--file', say);
    if (E.isLeft(path)) {
      io.err(path.left);
      return EXIT_BAD_INPUT;
    }
    const cap = maxLineBytesOf(o, say);
    if (E.isLeft(cap)) {
      io.err(cap.left);
      return EXIT_BAD_INPUT;
    }
    const loaded = await exportSource(readLines(file, { maxLineBytes: cap.right }));
    if (E.isLeft(loaded)) {
      io.err(escapeControls(`${file}: ${errorText(loaded.left, locale)}`));
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
      {
        pool,
        ...(source === undefined ? {} : { source }),
        sourceName: (url === undefined ? undefined : serverOf(url)) ?? file ?? 'no source',
        json: o.flags.has('--json'),
        quiet: o.flags.has('--quiet'),
        rulebook: rulebook.right,
        registry: registry.right,
      },
      { ...io, locale },
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
const progressReporter = (io: CliIo, say: CliMessages, quiet: boolean, totalBytes: number | undefined) => {
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
    return say.auditProgress({
      cases: n(cases),
      events: n(events),
      rate: n(rate),
      ...(share === undefined ? {} : { of: { read: mb(bytes), total: mb(totalBytes ?? 0), percent: Math.floor(share * 100) } }),
      ...(share === undefined || share === 0 ? {} : { left: clock((seconds / share) * (1 - share)) }),
    });
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
  const parsed = parseArgs(argv, cliMessages(io.locale));
  if (E.isLeft(parsed)) {
    io.err(`${parsed.left}\n${cliMessages(io.locale).usage}`);
    return EXIT_BAD_INPUT;
  }
  const o = parsed.right;
  const locale = localeOf(o, io);
  if (E.isLeft(locale)) {
    io.err(locale.left);
    return EXIT_BAD_INPUT;
  }
  const say = cliMessages(locale.right);
  if (o.flags.has('--version')) {
    io.out(`caseledger ${CLI_VERSION}`);
    return EXIT_CLEAN;
  }
  const command = o.positional[0];
  if (o.flags.has('--help') || command === undefined) {
    (command === undefined && !o.flags.has('--help') ? io.err : io.out)(say.usage);
    return command === undefined && !o.flags.has('--help') ? EXIT_BAD_INPUT : EXIT_CLEAN;
  }
  if (command === 'export') return exportCommand(o, io, locale.right);
  if (command === 'project') return projectFromCli(o, io, locale.right);
  if (command === 'import') return importCommand(o, io, locale.right);
  if (command !== 'audit' && command !== 'audit-all') {
    io.err(`${say.unknownCommand(command)}\n${say.usage}`);
    return EXIT_BAD_INPUT;
  }
  const setup = await setUp(o, io, locale.right);
  if (E.isLeft(setup)) {
    io.err(setup.left);
    return EXIT_BAD_INPUT;
  }
  return command === 'audit' ? auditOne(o, io, setup.right) : auditAll(o, io, setup.right);
};
