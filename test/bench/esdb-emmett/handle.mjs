// The EventStoreDB benchmark, Emmett's side: Emmett's DeciderCommandHandler on its EventStoreDB
// store (@eventstore/db-client), running caseledger's complaint decider on decoded commands. Emmett
// reads the stream for every command (it keeps no state cache), so warm and cold are the same here.
import { ComplaintCommand } from '@caseledger/core';
import { DeciderCommandHandler } from '@event-driven-io/emmett';
import { getEventStoreDBEventStore } from '@event-driven-io/emmett-esdb';
import { EventStoreDBClient } from '@eventstore/db-client';
import { emmettComplaintDecider } from '../emmettDecider.mjs';
import { argsOf, drive, report } from '../esdbDriver.mjs';

const args = argsOf(process.argv.slice(2));
const client = EventStoreDBClient.connectionString(args.url.replace(/^kurrentdb:/, 'esdb:'));
const store = getEventStoreDBEventStore(client);
const handle = DeciderCommandHandler(emmettComplaintDecider);
const makeHandle = () => async (input) => {
  const command = ComplaintCommand.decode(input);
  if (command._tag === 'Left') throw new Error('undecodable');
  await handle(store, `emmettcomplaint-${input.caseId}`, { type: input.type, data: command.right });
};
report(await drive(args, makeHandle));
await client.dispose();
