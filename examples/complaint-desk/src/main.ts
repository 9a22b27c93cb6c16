/** Start the complaint desk: PORT (default 3000) on 127.0.0.1; in memory, or on EventStoreDB when EVENTSTOREDB_URL is set. */
import { connectEventStoreDb } from '@caseledger/eventstoredb';
import { createDesk } from './desk.js';

const url = process.env['EVENTSTOREDB_URL'];
const store = url === undefined ? undefined : connectEventStoreDb(url);
const port = Number(process.env['PORT'] ?? 3000);
const { server } = createDesk(store === undefined ? {} : { store });
server.listen(port, '127.0.0.1', () =>
  console.log(`complaint desk listening on http://127.0.0.1:${port} (${url === undefined ? 'in memory' : `EventStoreDB at ${url}`})`),
);
const stop = () => server.close(() => void store?.dispose().then(() => process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
