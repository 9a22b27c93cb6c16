// `pnpm bench:projections` (also the end of `pnpm bench`): the case-files projection caught up into
// PostgreSQL at 100,000 and 1,000,000 events (10 per complaint), the board's and the overdue list's
// first page at each size, and the same catch-up into the in-memory store (the fold alone). Starts
// a throwaway PostgreSQL unless CASELEDGER_PG_URL is set; rewrites its section of docs/benchmarks.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { URL, fileURLToPath } from 'node:url';

const quick = process.argv.includes('--quick');
const here = (f) => fileURLToPath(new URL(f, import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'caseledger-bench-projections-'));
const BATCH = 10_000;

const child = (args, env = {}) => {
  const r = spawnSync(process.execPath, ['--max-old-space-size=12000', here('projectScale.mjs'), ...args.map(String)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`projectScale.mjs ${args.join(' ')} failed: ${r.stderr}`);
  const result = JSON.parse(r.stdout.trim().split('\n').pop());
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result;
};

let pgUrl = process.env['CASELEDGER_PG_URL'];
let pgDir;
if (pgUrl === undefined) {
  pgDir = join(work, 'pg');
  pgUrl = execFileSync('bash', [here('../../.ci/postgres.sh'), 'start', pgDir, '55498'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
}
const sizes = quick ? [20_000] : [100_000, 1_000_000];
const rows = [];
let server = 'unknown';
try {
  server = execFileSync('psql', [pgUrl, '-Atc', 'SHOW server_version'], { encoding: 'utf8' }).trim();
  for (const events of sizes) {
    const postgres = child([events, pgUrl, BATCH]);
    const memory = child([events, pgUrl, BATCH], { PROJECT_SCALE_STORE: 'memory' });
    rows.push({ events, postgres, memory });
  }
} finally {
  if (pgDir !== undefined) execFileSync('bash', [here('../../.ci/postgres.sh'), 'stop', pgDir]);
  rmSync(work, { recursive: true, force: true });
}

if (!quick) {
  const n = (x, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform} ${process.arch}, Node ${process.versions.node}`;
  const body = [
    '| events (cases) | into PostgreSQL | each tenth of the run, events/s | of which committing | floor: COPY of the same rows | in memory (the fold alone) | bytes per case row | board, first page of 50 | board, page at offset 10,000 | overdue, first page |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      ({ events, postgres: p, memory: m }) =>
        `| ${n(events)} (${n(p.cases)}) | ${n(p.value)} events/s | ${p.tenths.map((t) => n(t / 1000, 1)).join(' · ')} (thousands) | ${n((p.commitSeconds / p.totalSeconds) * 100)}% | ${n(p.copyFloor)} events/s (ratio ${n(p.value / p.copyFloor, 2)}) | ${n(m.value)} events/s (ratio ${n(p.value / m.value, 2)}) | ${n(p.bytesPerCase)} | p50 ${n(p.boardMs.p50, 1)} ms (max ${n(p.boardMs.max, 1)}) | p50 ${n(p.boardDeepMs.p50, 1)} ms | p50 ${n(p.overdueMs.p50, 1)} ms |`,
    ),
  ];
  const doc = here('../../docs/benchmarks.md');
  const text = readFileSync(doc, 'utf8');
  const [before, rest = ''] = text.split('<!-- bench:projections:start -->');
  const after = rest.split('<!-- bench:projections:end -->')[1] ?? '\n';
  const measured = `Measured ${date} on ${machine}; PostgreSQL ${server} on the same cores (fsync off, defaults otherwise); batches of ${n(BATCH)} events.`;
  writeFileSync(doc, `${before}<!-- bench:projections:start -->\n${measured}\n\n${body.join('\n')}\n<!-- bench:projections:end -->${after}`);
}
