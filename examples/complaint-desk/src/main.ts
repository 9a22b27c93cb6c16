/** Start the complaint desk: PORT (default 3000) on 127.0.0.1, in memory. */
import { createDesk } from './desk.js';

if (process.env['EVENTSTOREDB_URL'] !== undefined) {
  console.error('EVENTSTOREDB_URL is set, but the EventStoreDB adapter is not part of this build yet; unset it to run in memory.');
  process.exit(2);
}
const port = Number(process.env['PORT'] ?? 3000);
const { server } = createDesk();
server.listen(port, '127.0.0.1', () => console.log(`complaint desk listening on http://127.0.0.1:${port}`));
