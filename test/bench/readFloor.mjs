// The floor of the bulk-audit benchmark: the same file read with readline and JSON.parse alone,
// nothing decoded, nothing judged. What no audit of this file can beat in one process.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const file = process.argv[2];
const started = performance.now();
let events = 0;
let lastType = '';
for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
  if (line === '') continue;
  const parsed = JSON.parse(line);
  lastType = parsed.type;
  events += 1;
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ events, seconds, eventsPerSecond: events / seconds, lastType })}\n`);
