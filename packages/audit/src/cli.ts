/**
 * The `caseledger` command for auditors. Exit codes: 0 clean, 1 findings (missed deadlines or
 * rule violations), 2 bad input (arguments, files, lines), each with a message saying what is wrong.
 *
 *   caseledger audit <stream> --file events.jsonl [--as-of INSTANT] [--json | --html FILE]
 *   caseledger audit-all --file events.jsonl [--as-of INSTANT] [--json | --html FILE]
 *   common: --policies policies.json  --calendar calendar.json
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type BusinessCalendar, Instant, type PolicySet, type RulebookPolicy, decodePolicySet, defaultCalendar, defaultPolicies, instantFromEpochMs, makeCalendar } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { auditCase } from './audit.js';
import { bulkAudit, caseHistoryOf, casesFromLines } from './cases.js';
import { bulkAuditHtml, caseAuditHtml } from './html.js';
import { parseLine, readLines } from './jsonl.js';
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
  caseledger audit <stream> --file events.jsonl [--as-of INSTANT] [--json | --html FILE] [--policies FILE] [--calendar FILE]
  caseledger audit-all --file events.jsonl [--as-of INSTANT] [--json | --html FILE] [--policies FILE] [--calendar FILE]
exit codes: 0 clean, 1 findings, 2 bad input`;

interface Options {
  readonly positional: ReadonlyArray<string>;
  readonly flags: ReadonlyMap<string, string | true>;
}

const VALUED = new Set(['--file', '--as-of', '--html', '--policies', '--calendar', '--eventstoredb']);
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

interface Setup {
  readonly file: string;
  readonly asOf: Instant;
  readonly context: { readonly policies: PolicySet<RulebookPolicy>; readonly calendar: BusinessCalendar };
}

const setUp = (o: Options, io: CliIo): E.Either<string, Setup> => {
  if (o.flags.has('--eventstoredb')) return E.left('--eventstoredb is not available yet: export the streams to JSON Lines and use --file');
  const file = text(o, '--file');
  if (file === undefined) return E.left('--file is required (a JSON Lines export)');
  if (!existsSync(file)) return E.left(`file not found: ${file}`);
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
  return E.right({ file, asOf, context: { policies, calendar } });
};

const auditOne = async (o: Options, io: CliIo, setup: Setup): Promise<number> => {
  const stream = o.positional[1];
  if (stream === undefined) {
    io.err(`audit needs the stream to audit, e.g. complaint-C-2026-0042\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const records = [];
  for await (const { line, text: raw } of readLines(setup.file)) {
    const parsed = parseLine(raw, line);
    if (E.isLeft(parsed)) {
      io.err(`${setup.file}: ${parsed.left.message}`);
      return EXIT_BAD_INPUT;
    }
    if (parsed.right.streamName === stream) records.push(parsed.right);
  }
  if (records.length === 0) {
    io.err(`stream ${stream} is not in ${setup.file}`);
    return EXIT_BAD_INPUT;
  }
  const history = caseHistoryOf(stream, records);
  if (E.isLeft(history)) {
    io.err(history.left.message);
    return EXIT_BAD_INPUT;
  }
  const audit = auditCase(history.right, setup.context, setup.asOf);
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
  const summary = await bulkAudit(casesFromLines(readLines(setup.file)), setup.context, setup.asOf, (done) => {
    if (io.interactive && done % 1000 === 0) io.err(`\raudited ${done} cases…`);
  });
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
