// The EventStoreDB read benchmark: one existing stream of 11 events read again and again, through
// the adapter's channel reads and through the client's public read (its native bridge), alternating
// in rounds. Prints one JSON line: p50/p90/p99 in ms and the share of reads over 30 ms, per path.
import { randomUUID } from 'node:crypto';
import { connectEventStoreDb } from '@caseledger/eventstoredb';

const [url, readsArg] = process.argv.slice(2);
const reads = Number(readsArg ?? 2000);
const paths = { channel: connectEventStoreDb(url), client: connectEventStoreDb(url, { reads: 'client' }) };
const streamName = `benchread-${randomUUID()}`;
const data = { text: 'a complaint description of some length '.repeat(8) };
await paths.channel.appendToStream(
  streamName,
  Array.from({ length: 11 }, (_, n) => ({ eventId: randomUUID(), type: 'Read', data: { n, ...data }, metadata: { n } })),
  'no-stream',
)();
const times = { channel: [], client: [] };
for (let round = 0; round < 10; round++) {
  for (const [name, store] of Object.entries(paths)) {
    for (let i = 0; i < reads / 10; i++) {
      const t0 = performance.now();
      const read = await store.readStream(streamName)();
      if (read._tag === 'Left' || read.right.kind !== 'stream' || read.right.events.length !== 11) throw new Error('the read failed');
      times[name].push(performance.now() - t0);
    }
  }
}
const summary = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), over30ms: s.filter((x) => x > 30).length / s.length };
};
process.stdout.write(`${JSON.stringify({ reads, channel: summary(times.channel), client: summary(times.client) })}\n`);
await Promise.all(Object.values(paths).map((s) => s.dispose()));
