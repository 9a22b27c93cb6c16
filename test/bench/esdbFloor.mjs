// The EventStoreDB benchmark's floor: the official client alone, the decider's events appended with
// each stream's state and revision tracked in memory (never read back, not even after the cold
// run's untimed first phase); no validation, no metadata, no idempotence, no audit trail.
import { complaintDecider } from '@caseledger/core';
import { KurrentDBClient, NO_STREAM, jsonEvent } from '@kurrent/kurrentdb-client';
import { argsOf, drive, report } from './esdbDriver.mjs';

const args = argsOf(process.argv.slice(2));
const client = KurrentDBClient.connectionString(args.url);
const { decide, evolve, initialState } = complaintDecider;
const known = new Map();
const makeHandle = () => async (input) => {
  const streamName = `floorcomplaint-${input.caseId}`;
  const { state, revision } = known.get(streamName) ?? { state: initialState, revision: undefined };
  const decided = decide(input, state);
  if (decided._tag === 'Left') throw new Error(decided.left.message);
  const result = await client.appendToStream(
    streamName,
    decided.right.map((e) => jsonEvent({ type: e.type, data: e })),
    { streamState: revision ?? NO_STREAM },
  );
  known.set(streamName, { state: decided.right.reduce(evolve, state), revision: result.nextExpectedRevision });
};
report(await drive(args, makeHandle));
await client.dispose();
