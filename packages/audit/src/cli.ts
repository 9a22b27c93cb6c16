/**
 * The `caseledger` command for auditors. Exit codes: 0 clean, 1 findings (missed deadlines or
 * rule violations), 2 bad input (arguments, files, lines), each with a message saying what is wrong.
 *
 *   caseledger audit <stream> (--file events.jsonl | --eventstoredb URL) [--as-of INSTANT] [--json | --html FILE]
 *   caseledger audit-all (--file events.jsonl | --eventstoredb URL) [--as-of INSTANT] [--json | --html FILE]
 *   caseledger export --eventstoredb URL --file out.jsonl
 *   caseledger import --file in.jsonl --eventstoredb URL [--on-bad-line skip|stop]
 *   audits also take: --policies policies.json  --calendar calendar.json
 */
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type CaseHistory, Instant, type Rulebook, decodePolicySet, defaultCalendar, defaultPolicies, instantFromEpochMs, makeCalendar } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { type EventStoreDbStore, connectEventStoreDb } from '@caseledger/eventstoredb';
import { auditCase } from './audit.js';
import { bulkAudit, caseHistoryOf, casesFromLines, casesFromStore, readCase } from './cases.js';
import { bulkAuditHtml, caseAuditHtml } from './html.js';
import { exportStore, importLines, parseLine, readLines } from './jsonl.js';
import { bulkAuditText, caseAuditText } from './text.js';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True on a terminal: show progress. */
  readonly interactive: boolean;
  readonly now: () => number;
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;

const USAGE = `usage:
  caseledger audit <stream> (--file events.jsonl | --eventstoredb URL) [--as-of INSTANT] [--json | --html FILE] [--policies FILE] [--calendar FILE]
  caseledger audit-all (--file events.jsonl | --eventstoredb URL) [--as-of INSTANT] [--json | --html FILE] [--policies FILE] [--calendar FILE]
  caseledger export --eventstoredb URL --file out.jsonl
  caseledger import --file in.jsonl --eventstoredb URL [--on-bad-line skip|stop]
exit codes: 0 clean, 1 findings, 2 bad input`;

interface Options {
  readonly positional: ReadonlyArray<string>;
  readonly flags: ReadonlyMap<string, string | true>;
}

const VALUED = new Set(['--file', '--as-of', '--html', '--policies', '--calendar', '--eventstoredb', '--on-bad-line']);
const BOOLEAN = new Set(['--json', '--help']);

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

const readJson = (path: string, what: string): E.Either<string, unknown> => {
  if (!existsSync(path)) return E.left(`${what} file not found: ${path}`);
  try {
    return E.right(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return E.left(`${what} file is not valid JSON: ${path}`);
  }
};

type Source = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'eventstoredb'; readonly url: string };

interface Setup {
  readonly source: Source;
  readonly asOf: Instant;
  readonly rulebook: Rulebook;
}

const sourceOf = (o: Options): E.Either<string, Source> => {
  const file = text(o, '--file');
  const url = text(o, '--eventstoredb');
  if (file !== undefined && url !== undefined) return E.left('give one source: --file or --eventstoredb, not both');
  if (url !== undefined) return E.right({ kind: 'eventstoredb', url });
  if (file === undefined) return E.left('--file is required (a JSON Lines export), or --eventstoredb with a connection string');
  if (!existsSync(file)) return E.left(`file not found: ${file}`);
  return E.right({ kind: 'file', path: file });
};

const openStore = (url: string): E.Either<string, EventStoreDbStore> => {
  try {
    return E.right(connectEventStoreDb(url));
  } catch (error) {
    return E.left(`--eventstoredb: not a valid connection string (${error instanceof Error ? error.message : 'unknown error'}); e.g. kurrentdb://localhost:2113?tls=false`);
  }
};

const setUp = (o: Options, io: CliIo): E.Either<string, Setup> => {
  const source = sourceOf(o);
  if (E.isLeft(source)) return source;
  const asOfText = text(o, '--as-of');
  const asOf = asOfText === undefined ? instantFromEpochMs(io.now()) : asOfText;
  if (!Instant.is(asOf)) return E.left(`--as-of must be an ISO-8601 instant with a zone, e.g. 2026-03-03T00:00:00+08:00 (got "${asOfText ?? ''}")`);
  let policies = defaultPolicies;
  const policiesFile = text(o, '--policies');
  if (policiesFile !== undefined) {
    const json = readJson(policiesFile, 'policies');
    if (E.isLeft(json)) return json;
    const decoded = decodePolicySet(json.right);
    if (E.isLeft(decoded)) return E.left(`policies file ${policiesFile}: ${decoded.left.message}${'errors' in decoded.left ? ` (${decoded.left.errors.map((e) => e.path).join(', ')})` : ''}`);
    policies = decoded.right;
  }
  let calendar = defaultCalendar;
  const calendarFile = text(o, '--calendar');
  if (calendarFile !== undefined) {
    const json = readJson(calendarFile, 'calendar');
    if (E.isLeft(json)) return json;
    const decoded = makeCalendar(json.right);
    if (E.isLeft(decoded)) return E.left(`calendar file ${calendarFile}: ${decoded.left.message}`);
    calendar = decoded.right;
  }
  return E.right({ source: source.right, asOf, rulebook: { policies, calendar } });
};

const historyFrom = async (source: Source, stream: string): Promise<E.Either<string, CaseHistory>> => {
  if (source.kind === 'eventstoredb') {
    const store = openStore(source.url);
    if (E.isLeft(store)) return store;
    try {
      const h = await readCase(store.right, stream);
      return E.isLeft(h) ? E.left(h.left.code === 'CASE_NOT_FOUND' ? `stream ${stream} is not in ${source.url}` : h.left.message) : h;
    } finally {
      await store.right.dispose();
    }
  }
  const records = [];
  for await (const { line, text: raw } of readLines(source.path)) {
    const parsed = parseLine(raw, line);
    if (E.isLeft(parsed)) return E.left(`${source.path}: ${parsed.left.message}`);
    if (parsed.right.streamName === stream) records.push(parsed.right);
  }
  if (records.length === 0) return E.left(`stream ${stream} is not in ${source.path}`);
  return E.mapLeft((e: { readonly message: string }) => e.message)(caseHistoryOf(stream, records));
};

const auditOne = async (o: Options, io: CliIo, setup: Setup): Promise<number> => {
  const stream = o.positional[1];
  if (stream === undefined) {
    io.err(`audit needs the stream to audit, e.g. complaint-C-2026-0042\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const history = await historyFrom(setup.source, stream);
  if (E.isLeft(history)) {
    io.err(history.left);
    return EXIT_BAD_INPUT;
  }
  const audit = auditCase(history.right, setup.rulebook, setup.asOf);
  const html = text(o, '--html');
  if (html !== undefined) {
    writeFileSync(html, caseAuditHtml(audit));
    io.out(`HTML report written to ${html}`);
  } else {
    io.out(o.flags.has('--json') ? JSON.stringify(audit, null, 2) : caseAuditText(audit));
  }
  return audit.report.findings > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
};

const auditAll = async (o: Options, io: CliIo, setup: Setup): Promise<number> => {
  const progress = (done: number) => {
    if (io.interactive && done % 1000 === 0) io.err(`\raudited ${done} cases…`);
  };
  let summary;
  if (setup.source.kind === 'eventstoredb') {
    const store = openStore(setup.source.url);
    if (E.isLeft(store)) {
      io.err(store.left);
      return EXIT_BAD_INPUT;
    }
    try {
      summary = await bulkAudit(casesFromStore(store.right), setup.rulebook, setup.asOf, progress);
    } finally {
      await store.right.dispose();
    }
  } else {
    summary = await bulkAudit(casesFromLines(readLines(setup.source.path)), setup.rulebook, setup.asOf, progress);
  }
  if (io.interactive) io.err('\n');
  const html = text(o, '--html');
  if (html !== undefined) {
    writeFileSync(html, bulkAuditHtml(summary));
    io.out(`HTML report written to ${html}`);
  } else {
    io.out(o.flags.has('--json') ? JSON.stringify(summary, null, 2) : bulkAuditText(summary));
  }
  if (summary.problems.length > 0) {
    io.err(`${summary.problems.length} input problem(s), e.g. ${summary.problems[0] ?? ''}`);
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
    const written = await exportStore(store.right, async (line) => {
      if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    })();
    await new Promise<void>((resolve) => out.end(resolve));
    if (E.isLeft(written)) {
      io.err(`export failed: ${written.left.message}`);
      return EXIT_BAD_INPUT;
    }
    io.out(`${written.right} events written to ${file}`);
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
  if (!existsSync(file)) {
    io.err(`file not found: ${file}`);
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

export const run = async (argv: ReadonlyArray<string>, io: CliIo): Promise<number> => {
  const parsed = parseArgs(argv);
  if (E.isLeft(parsed)) {
    io.err(`${parsed.left}\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const o = parsed.right;
  const command = o.positional[0];
  if (o.flags.has('--help') || command === undefined) {
    (command === undefined && !o.flags.has('--help') ? io.err : io.out)(USAGE);
    return command === undefined && !o.flags.has('--help') ? EXIT_BAD_INPUT : EXIT_CLEAN;
  }
  if (command === 'export') return exportCommand(o, io);
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
