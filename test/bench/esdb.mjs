// `pnpm bench:eventstoredb` (also the last part of `pnpm bench`): command handling on a real
// EventStoreDB — caseledger's handler against Emmett's EventStoreDB store running the same decider,
// and against the official client alone (the floor) — for 11- and 101-command cases, one case at a
// time and 16 in flight, on new streams (warm) and existing ones with an empty cache (cold). Each
// side runs in its own process (Emmett's client and ours cannot share one), sides alternating, each
// cell twice; medians go to docs/benchmarks.md between the eventstoredb markers. Starts a fresh
// server with the shared scripts (CASELEDGER_ESDB_SCRIPTS, or ../shared/eventstoredb), or uses
// EVENTSTOREDB_URL; installs Emmett's side (esdb-emmett/, apart from the workspace) when missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { URL, fileURLToPath } from 'node:url';

const quick = process.argv.includes('--quick');
// `--only reads`: just the stream-read comparison (a minute), leaving the command figures as they are.
const readsOnly = process.argv.includes('reads') && process.argv.includes('--only');
const here = (f) => fileURLToPath(new URL(f, import.meta.url));
const root = here('../../');

const emmettDir = here('esdb-emmett/');
if (!existsSync(join(emmettDir, 'node_modules', '@event-driven-io', 'emmett-esdb'))) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: emmettDir, stdio: 'inherit' });
}

let url = process.env['EVENTSTOREDB_URL'];
let serverDir;
let scripts;
if (url === undefined) {
  scripts = [process.env['CASELEDGER_ESDB_SCRIPTS'], join(root, '..', 'shared', 'eventstoredb')].find(
    (d) => d !== undefined && d !== '' && existsSync(join(d, 'start.sh')),
  );
  if (scripts === undefined) {
    console.error('eventstoredb benchmark SKIPPED: no server (set EVENTSTOREDB_URL, or CASELEDGER_ESDB_SCRIPTS to the folder of start.sh)');
    process.exit(0);
  }
  serverDir = mkdtempSync(join(tmpdir(), 'caseledger-bench-esdb-'));
  const started = spawnSync('bash', [join(scripts, 'start.sh'), serverDir, '2193'], { encoding: 'utf8' });
  if (started.status === 3) {
    console.error('eventstoredb benchmark SKIPPED: this machine has no .NET runtime');
    process.exit(0);
  }
  if (started.status !== 0) throw new Error(`start.sh failed: ${started.stderr}`);
  url = started.stdout.trim();
}

const sides = { caseledger: here('esdbCaseledger.mjs'), emmett: here('esdb-emmett/handle.mjs'), floor: here('esdbFloor.mjs') };
const runSide = (script, args) => {
  const r = spawnSync(process.execPath, [script, url, ...args.map(String)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const cells = [];
let readFigures;
try {
  // Stream reads: the adapter's channel path against the client's native bridge, three processes.
  const readRuns = Array.from({ length: quick ? 1 : 3 }, () => runSide(here('esdbRead.mjs'), [quick ? 200 : 2000]));
  const pick = (path, k) => median(readRuns.map((r) => r[path][k]));
  readFigures = Object.fromEntries(
    ['channel', 'client'].map((path) => [path, { p50: pick(path, 'p50'), p90: pick(path, 'p90'), p99: pick(path, 'p99'), over30ms: pick(path, 'over30ms') }]),
  );
  process.stdout.write(`${JSON.stringify({ name: 'eventstoredb-read-11-events', ...readFigures })}\n`);
  let batch = 0;
  for (const [cases, length] of readsOnly
    ? []
    : quick
      ? [
          [20, 11],
          [4, 101],
        ]
      : [
          [500, 11],
          [50, 101],
        ]) {
    for (const concurrency of [1, 16]) {
      for (const cache of ['warm', 'cold']) {
        const runs = { caseledger: [], emmett: [], floor: [] };
        for (let round = 0; round < (quick ? 1 : 2); round++) {
          for (const [name, script] of Object.entries(sides))
            runs[name].push(runSide(script, [cases, length, concurrency, cache, `bench${process.pid}x${batch++}${name}-`]));
        }
        const of = (name) => ({
          perSecond: median(runs[name].map((r) => r.perSecond)),
          p50: median(runs[name].map((r) => r.p50)),
          p99: median(runs[name].map((r) => r.p99)),
        });
        const cell = {
          name: `eventstoredb-${cases}x${length}-c${concurrency}-${cache}`,
          cases,
          length,
          concurrency,
          cache,
          caseledger: of('caseledger'),
          emmett: of('emmett'),
          floor: of('floor'),
        };
        cell.ratioToEmmett = cell.caseledger.perSecond / cell.emmett.perSecond;
        cell.ratioToFloor = cell.caseledger.perSecond / cell.floor.perSecond;
        cells.push(cell);
        process.stdout.write(`${JSON.stringify(cell)}\n`);
      }
    }
  }
} finally {
  if (serverDir !== undefined) spawnSync('bash', [join(scripts, 'stop.sh'), serverDir]);
}

if (!quick) {
  const n = (x, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const side = (s) => `${n(s.perSecond)} (p50 ${n(s.p50, 1)} ms)`;
  const readLine = (path, label) =>
    `| ${label} | p50 ${n(readFigures[path].p50, 2)} ms | p90 ${n(readFigures[path].p90, 1)} ms, p99 ${n(readFigures[path].p99, 1)} ms | ${n(readFigures[path].over30ms * 100, 1)}% of reads over 30 ms |`;
  const readTable = [
    '| a stream of 11 events, read 2,000 times (3 processes) | median | tail | stalls |',
    '|---|---|---|---|',
    readLine('channel', "the adapter (reads over the client's gRPC channel)"),
    readLine('client', "the client's public read (its native bridge)"),
  ];
  const table = [
    '| cases × commands, in flight, cache | caseledger commands/s | Emmett | ratio (goal ≥ 2) | floor: the client alone | ratio (goal ≥ 0.8) |',
    '|---|---|---|---|---|---|',
    ...cells.map(
      (c) =>
        `| ${c.cases} × ${c.length}, ${c.concurrency}, ${c.cache} | ${side(c.caseledger)} | ${side(c.emmett)} | ${n(c.ratioToEmmett, 2)} | ${side(c.floor)} | ${n(c.ratioToFloor, 2)} |`,
    ),
  ];
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform} ${process.arch}, Node ${process.versions.node}`;
  const server = serverDir === undefined ? url.replace(/\/\/[^@/]*@/, '//') : 'EventStoreDB 23.10.8, one node in memory on loopback, on the same cores';
  const doc = here('../../docs/benchmarks.md');
  const measured = `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; ${server}.`;
  const replaceBetween = (text, name, body) => {
    const [before, rest = ''] = text.split(`<!-- bench:${name}:start -->`);
    const after = rest.split(`<!-- bench:${name}:end -->`)[1] ?? '\n';
    return `${before}<!-- bench:${name}:start -->\n${measured}\n\n${body.join('\n')}\n<!-- bench:${name}:end -->${after}`;
  };
  let text = replaceBetween(readFileSync(doc, 'utf8'), 'eventstoredb-reads', readTable);
  if (!readsOnly) text = replaceBetween(text, 'eventstoredb', table);
  writeFileSync(doc, text);
}
