// The EventStoreDB benchmark, caseledger's side: the command handler on `connectEventStoreDb`, with
// its state cache (a handler instance per phase: see esdbDriver.mjs).
import { commandHandler, complaintCaseType } from '@caseledger/core';
import { connectEventStoreDb } from '@caseledger/eventstoredb';
import { argsOf, drive, report } from './esdbDriver.mjs';

const args = argsOf(process.argv.slice(2));
const store = connectEventStoreDb(args.url);
const makeHandle = () => {
  const handle = commandHandler(complaintCaseType, store);
  return async (input) => {
    const r = await handle(input)();
    if (r._tag === 'Left') throw new Error(r.left.message);
  };
};
report(await drive(args, makeHandle));
await store.dispose();
