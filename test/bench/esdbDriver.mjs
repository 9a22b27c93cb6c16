// The EventStoreDB benchmark's workload, the same for every side (each side runs in its own
// process): `cases` complaints of `length` commands each, `concurrency` cases in flight, every case's
// commands in order. `warm`: new cases, from their first command. `cold`: existing streams — each
// case's first command was handled, untimed, by another handler instance; a fresh one (an empty
// cache, as after a restart) handles the other commands, timed. Prints one JSON line: commands/s and
// latency percentiles.
import { complaintCommands } from './workloads.mjs';

export const argsOf = (argv) => {
  const [url, cases, length, concurrency, cache, prefix] = argv;
  return { url, cases: Number(cases), length: Number(length), concurrency: Number(concurrency), cache, prefix };
};

export const drive = async ({ cases, length, concurrency, cache, prefix }, makeHandle) => {
  const inputs = Array.from({ length: cases }, (_, n) => complaintCommands(`${prefix}${n}`, length, Date.parse('2026-01-05T01:00:00Z') + n * 1000));
  const inParallel = async (handle, commandsOf, timed) => {
    let next = 0;
    const worker = async () => {
      for (let c = next++; c < inputs.length; c = next++) {
        for (const input of commandsOf(inputs[c])) {
          const t0 = performance.now();
          await handle(input);
          timed(performance.now() - t0);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  const cold = cache === 'cold';
  if (cold)
    await inParallel(
      makeHandle(),
      (commands) => commands.slice(0, 1),
      () => undefined,
    );
  const latencies = new Float64Array(cases * length);
  let done = 0;
  const started = performance.now();
  await inParallel(
    makeHandle(),
    (commands) => (cold ? commands.slice(1) : commands),
    (ms) => (latencies[done++] = ms),
  );
  const seconds = (performance.now() - started) / 1000;
  const measured = latencies.subarray(0, done).sort();
  const at = (q) => measured[Math.min(done - 1, Math.floor(q * done))];
  return { commands: done, perSecond: done / seconds, p50: at(0.5), p99: at(0.99) };
};

export const report = (result) => process.stdout.write(`${JSON.stringify(result)}\n`);
