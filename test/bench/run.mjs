// `pnpm bench`: every benchmark, one fresh Node process per measurement (on the built packages),
// each repeated; medians with their spread go to docs/benchmarks.md, one JSON object per benchmark
// to stdout. `--quick` runs small sizes once (to check the harness, not to quote).
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { URL, fileURLToPath } from 'node:url';
import { formatLine } from '@caseledger/audit';
import { mixedCase } from './workloads.mjs';

const quick = process.argv.includes('--quick');
const here = (f) => fileURLToPath(new URL(f, import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'caseledger-bench-'));

const child = (script, args) => {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', here(script), ...args.map(String)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
};
const repeat = (times, f) => Array.from({ length: quick ? 1 : times }, f);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length });
const results = [];
const emit = (o) => {
  results.push(o);
  process.stdout.write(`${JSON.stringify(o)}\n`);
};

// 1. replay
{
  const histories = quick ? 2000 : 100_000;
  const runs = repeat(3, () => child('replay.mjs', [histories]));
  const value = stat(runs.map((r) => r.value));
  const baseline = stat(runs.map((r) => r.baseline));
  const ratio = stat(runs.map((r) => r.value / r.baseline));
  emit({
    name: 'replay',
    unit: 'events/s',
    events: runs[0].events,
    value: value.median,
    spread: value,
    baseline: baseline.median,
    ratio: ratio.median,
    ratioSpread: ratio,
    target: 'ratio >= 0.5',
  });
}

// 2. handle, both shapes
for (const [cases, length] of quick
  ? [
      [100, 11],
      [10, 101],
    ]
  : [
      [2000, 11],
      [200, 101],
    ]) {
  const runs = repeat(3, () => child('handle.mjs', [cases, length]));
  const side = (k) => ({
    perSecond: stat(runs.map((r) => r[k].perSecond)),
    p50ms: median(runs.map((r) => r[k].p50)),
    p99ms: median(runs.map((r) => r[k].p99)),
  });
  const library = side('library');
  const emmett = side('emmett');
  const limit = side('limit');
  emit({
    name: `handle-${cases}x${length}`,
    unit: 'commands/s',
    commands: cases * length,
    value: library.perSecond.median,
    spread: library.perSecond,
    p50ms: library.p50ms,
    p99ms: library.p99ms,
    baseline: emmett.perSecond.median,
    ratio: median(runs.map((r) => r.library.perSecond / r.emmett.perSecond)),
    emmett,
    limit: limit.perSecond.median,
    ratioToLimit: median(runs.map((r) => r.library.perSecond / r.limit.perSecond)),
    limitSide: limit,
    target: 'ratio >= 3 and ratioToLimit >= 0.25',
  });
}

// 3. audit-bulk of a JSON Lines export of every case type
const exportFile = async (events) => {
  const file = join(work, `export-${events}.jsonl`);
  const out = createWriteStream(file);
  let position = 0n;
  let written = 0;
  for (let n = 0; written < events; n++) {
    const { streamName, events: stored } = mixedCase(n);
    const lines = stored.slice(0, events - written).map((e, revision) => {
      const line = formatLine({ ...e, streamName, revision: BigInt(revision), position: { commit: position, prepare: position } });
      position += 1n;
      return line;
    });
    written += lines.length;
    if (!out.write(`${lines.join('\n')}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  return file;
};
for (const events of quick ? [10_000] : [100_000, 1_000_000]) {
  const file = await exportFile(events);
  // The audit and its floor alternate, so a ratio holds on a machine whose load changes.
  const pairs = repeat(events >= 1_000_000 ? 2 : 3, () => ({ audit: child('auditChild.mjs', [file]), floor: child('readFloor.mjs', [file]) }));
  const runs = pairs.map((p) => p.audit);
  if (pairs.some((p) => p.floor.events !== events)) throw new Error('the floor did not read every event');
  if (runs.some((r) => r.events !== events || r.problems !== 0)) throw new Error('the audit did not read every event');
  if (runs.some((r) => r.violations !== 0)) throw new Error('the audit found violations in histories the rules wrote');
  const rss = stat(runs.map((r) => r.maxRssMb));
  const rate = stat(runs.map((r) => r.eventsPerSecond));
  emit({
    name: `audit-bulk-${events}`,
    unit: 'events/s',
    events,
    fileMb: statSync(file).size / 2 ** 20,
    value: rate.median,
    spread: rate,
    peakRssMb: rss.max,
    rssSpread: rss,
    floor: stat(pairs.map((p) => p.floor.eventsPerSecond)).median,
    ratioToFloor: stat(pairs.map((p) => p.audit.eventsPerSecond / p.floor.eventsPerSecond)).median,
    target: 'peakRssMb < 256 and ratioToFloor >= 0.5',
  });
  rmSync(file);
}

// 4. the audit itself over stored events already in memory (no file, no JSON.parse)
{
  const events = quick ? 50_000 : 1_000_000;
  const runs = repeat(3, () => child('auditMemory.mjs', [events]));
  if (runs.some((r) => r.violations !== 0)) throw new Error('the audit found violations in histories the rules wrote');
  const rate = stat(runs.map((r) => r.eventsPerSecond));
  const rss = stat(runs.map((r) => r.maxRssMb));
  emit({ name: 'audit-memory', unit: 'events/s', events, value: rate.median, spread: rate, peakRssMb: rss.max, target: 'value >= 200000 and peakRssMb < 256' });
}

// 5. a 50 MB line, refused by the reader's cap without being held
{
  const longLine = join(work, 'long-line.jsonl');
  execFileSync(process.execPath, [here('lineCap.mjs'), longLine, 'write']);
  const runs = repeat(1, () => child('lineCap.mjs', [longLine]));
  const [r] = runs;
  if (r.problems.length !== 1 || !r.problems[0].message.includes('longer than')) throw new Error('the long line was not refused');
  emit({ name: 'line-cap', unit: 'MB', value: r.maxRssMb, events: r.events, target: 'peakRssMb < 128' });
}

// 6. project, in memory and into PostgreSQL
{
  const events = quick ? 10_000 : 100_000;
  let pgUrl = process.env['CASELEDGER_PG_URL'];
  let pgDir;
  if (pgUrl === undefined) {
    pgDir = join(work, 'pg');
    pgUrl = execFileSync('bash', [here('../../.ci/postgres.sh'), 'start', pgDir, '55499'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop();
  }
  try {
    for (const [target, args] of [
      ['memory', [events]],
      ['postgresql', [events, pgUrl]],
    ]) {
      const runs = repeat(3, () => child('project.mjs', args));
      const rate = stat(runs.map((r) => r.value));
      emit({ name: `project-${target}`, unit: 'events/s', events, value: rate.median, spread: rate });
    }
  } finally {
    if (pgDir !== undefined) execFileSync('bash', [here('../../.ci/postgres.sh'), 'stop', pgDir]);
  }
}
rmSync(work, { recursive: true, force: true });

if (!quick) {
  const r = Object.fromEntries(results.map((x) => [x.name, x]));
  const n = (x, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const spread = (s, d = 0) => `${n(s.min, d)}–${n(s.max, d)}`;
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform} ${process.arch}, Node ${process.versions.node}`;
  const h = (k) => r[k];
  const table = [
    `| benchmark | median | spread (min–max) | comparison |`,
    `|---|---|---|---|`,
    `| replay: decode + fold, ${n(h('replay').events)} events | ${n(h('replay').value)} events/s | ${spread(h('replay').spread)} | baseline ${n(h('replay').baseline)} events/s, ratio ${n(h('replay').ratio, 2)} (${spread(h('replay').ratioSpread, 2)}) |`,
    ...['handle-2000x11', 'handle-200x101'].map(
      (k) =>
        `| ${k}: commands/s | ${n(h(k).value)} (p50 ${n(h(k).p50ms, 3)} ms, p99 ${n(h(k).p99ms, 3)} ms) | ${spread(h(k).spread)} | Emmett ${n(h(k).baseline)} (p50 ${n(h(k).emmett.p50ms, 3)} ms, p99 ${n(h(k).emmett.p99ms, 3)} ms), ratio ${n(h(k).ratio, 2)}; hand-written limit ${n(h(k).limit)}, ratio ${n(h(k).ratioToLimit, 3)} |`,
    ),
    ...['audit-bulk-100000', 'audit-bulk-1000000'].map(
      (k) =>
        `| ${k}: ${n(h(k).fileMb)} MB file, every case type | ${n(h(k).value)} events/s | ${spread(h(k).spread)} | floor (readline + JSON.parse alone, alternating) ${n(h(k).floor)} events/s, ratio ${n(h(k).ratioToFloor, 2)}; peak RSS ${n(h(k).peakRssMb)} MB (${spread(h(k).rssSpread)}), bound 256 MB |`,
    ),
    `| audit-memory: ${n(h('audit-memory').events)} events in memory, every case type | ${n(h('audit-memory').value)} events/s | ${spread(h('audit-memory').spread)} | peak RSS ${n(h('audit-memory').peakRssMb)} MB; target 200,000 events/s |`,
    `| line-cap: a file with one 50 MB line (refused at 16 MiB) | peak RSS ${n(h('line-cap').value)} MB | | bound 128 MB |`,
    ...['project-memory', 'project-postgresql'].map((k) => `| ${k}: ${n(h(k).events)} events | ${n(h(k).value)} events/s | ${spread(h(k).spread)} | |`),
  ];
  // The figures go between the markers of docs/benchmarks.md; the analysis around them stays.
  const doc = here('../../docs/benchmarks.md');
  const [before, rest = ''] = readFileSync(doc, 'utf8').split('<!-- bench:start -->');
  const after = rest.split('<!-- bench:end -->')[1] ?? '\n';
  writeFileSync(doc, `${before}<!-- bench:start -->\nMeasured ${date} on ${machine}.\n\n${table.join('\n')}\n<!-- bench:end -->${after}`);
}
