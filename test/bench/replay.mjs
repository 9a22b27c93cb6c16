// replay: decode (io-ts) and fold stored complaint events into states, against JSON.parse and a
// plain switch fold without validation. Both sides alternate in this process over the same lines.
import { complaintCaseType, decodeRecorded } from '@caseledger/core';
import { complaintEvents } from './workloads.mjs';

const histories = Number(process.argv[2] ?? 100_000);
const DISTINCT = 1000;
// 1,000 distinct histories of 10 events as stored JSON lines, replayed histories/1,000 times each.
const stored = Array.from({ length: DISTINCT }, (_, n) => complaintEvents(`C${n}`, 10).map((e) => JSON.stringify(e)));
const repeat = Math.max(1, Math.round(histories / DISTINCT));
const events = DISTINCT * repeat * 10;

const decode = decodeRecorded(complaintCaseType);
const { evolve, initialState } = complaintCaseType;

const position = { commit: 0n, prepare: 0n };
const streamNames = stored.map((_, n) => `complaint-C${n}`);

const library = () => {
  let folded = 0;
  for (let r = 0; r < repeat; r++) {
    for (let n = 0; n < stored.length; n++) {
      const lines = stored[n];
      let state = initialState;
      for (let revision = 0; revision < lines.length; revision++) {
        // The record a store adapter builds from what it read (see the in-memory store and the JSON Lines reader).
        const { eventId, type, data, metadata } = JSON.parse(lines[revision]);
        const decoded = decode({ streamName: streamNames[n], revision: BigInt(revision), position, eventId, type, data, metadata });
        if (decoded._tag === 'Left') throw new Error(decoded.left.message);
        state = evolve(state, decoded.right.event);
      }
      if (state.status !== 'internal') throw new Error(`unexpected state ${state.status}`);
      folded += lines.length;
    }
  }
  return folded;
};

/** The hand-written baseline: parse, switch on the type, keep what a screen would show. */
const baseline = () => {
  let folded = 0;
  for (let r = 0; r < repeat; r++) {
    for (const lines of stored) {
      let state = { status: 'none', steps: 0 };
      for (const line of lines) {
        const { type, data } = JSON.parse(line);
        switch (type) {
          case 'ComplaintReceived':
            state = { status: 'received', customer: data.customer, severity: data.severity, receivedAt: data.at, steps: 1 };
            break;
          case 'ComplaintClassified':
            state = { ...state, status: data.responsibility, steps: state.steps + 1 };
            break;
          default:
            state = { ...state, lastStep: type, lastAt: data.at, steps: state.steps + 1 };
        }
      }
      folded += state.steps;
    }
  }
  return folded;
};

const rate = (f) => {
  const started = performance.now();
  const n = f();
  return n / ((performance.now() - started) / 1000);
};

const rounds = { library: [], baseline: [] };
for (let round = 0; round < 3; round++) {
  rounds.library.push(rate(library));
  rounds.baseline.push(rate(baseline));
}
const best = (xs) => Math.max(...xs);
process.stdout.write(`${JSON.stringify({ events, value: best(rounds.library), baseline: best(rounds.baseline) })}\n`);
