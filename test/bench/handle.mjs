// handle: the command handler on the in-memory store (commands decoded), against Emmett's
// DeciderCommandHandler on its in-memory store with the same decider, and against a hand-written
// limit (a Map with the state cached per stream, no validation). Sides alternate in this process.
import { commandHandler, complaintCaseType, complaintDecider, ComplaintCommand, inMemoryEventStore } from '@caseledger/core';
import { DeciderCommandHandler, getInMemoryEventStore } from '@event-driven-io/emmett';
import { emmettComplaintDecider } from './emmettDecider.mjs';
import { complaintCommands } from './workloads.mjs';

const cases = Number(process.argv[2] ?? 2000);
const length = Number(process.argv[3] ?? 11);
// Case by case, command by command: the cost of the n-th command of a long stream shows.
const inputs = Array.from({ length: cases }, (_, n) => complaintCommands(`C${n}`, length, Date.parse('2026-01-05T01:00:00Z') + n * 1000));
const { decide, evolve, initialState } = complaintDecider;

const library = () => {
  const handle = commandHandler(complaintCaseType, inMemoryEventStore());
  return async (input) => {
    const r = await handle(input)();
    if (r._tag === 'Left') throw new Error(r.left.message);
  };
};

const emmett = () => {
  const store = getInMemoryEventStore();
  const handle = DeciderCommandHandler(emmettComplaintDecider);
  return async (input) => {
    const command = ComplaintCommand.decode(input);
    if (command._tag === 'Left') throw new Error('undecodable');
    await handle(store, `complaint-${input.caseId}`, { type: input.type, data: command.right });
  };
};

const limit = () => {
  const streams = new Map();
  return async (input) => {
    const stream = streams.get(input.caseId) ?? { state: initialState, events: [] };
    const decided = decide(input, stream.state);
    if (decided._tag === 'Left') throw new Error(decided.left.message);
    for (const event of decided.right) {
      stream.events.push(event);
      stream.state = evolve(stream.state, event);
    }
    streams.set(input.caseId, stream);
  };
};

const run = async (make) => {
  const handle = make();
  const latencies = new Float64Array(cases * length);
  let i = 0;
  const started = performance.now();
  for (const commands of inputs) {
    for (const input of commands) {
      const t0 = performance.now();
      await handle(input);
      latencies[i++] = performance.now() - t0;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort();
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { perSecond: i / seconds, p50: at(0.5), p99: at(0.99) };
};

const sides = { library, emmett, limit };
const results = { library: [], emmett: [], limit: [] };
for (let round = 0; round < 2; round++) {
  for (const [name, make] of Object.entries(sides)) results[name].push(await run(make));
}
const best = (xs) => xs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
process.stdout.write(
  `${JSON.stringify({ commands: cases * length, library: best(results.library), emmett: best(results.emmett), limit: best(results.limit) })}\n`,
);
