/** The desk on EventStoreDB (through the test double): the same routes, on the real client. */
import type { AddressInfo } from 'node:net';
import { connectEventStoreDb } from '@caseledger/eventstoredb';
import { expect, it } from 'vitest';
// @ts-expect-error -- the EventStoreDB test double is plain JavaScript without type declarations.
import { startDouble } from '../../../packages/eventstoredb/test/support/double.mjs';
import { createDesk } from '../src/desk.js';

it('accepts, refuses and serves cases with EventStoreDB as the store', async () => {
  const double: { connectionString: string; stop: () => Promise<void> } = await startDouble();
  const store = connectEventStoreDb(double.connectionString);
  const { server } = createDesk({ store, clock: () => Date.parse('2026-11-18T12:00:00+08:00') });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const base = `http://127.0.0.1:${(address satisfies AddressInfo).port}`;
  const post = async (body: unknown) => {
    const res = await fetch(`${base}/complaints/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };
  try {
    const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
    const received = await post({ type: 'ReceiveComplaint', caseId: 'E1', at: '2026-11-16T09:00:00+08:00', actor: cs, customer: { id: 'c', name: 'A' }, channel: 'phone', description: 'x', severity: 'minor' });
    expect(received.status).toBe(200);
    const refused = await post({ type: 'ForwardToQuality', caseId: 'E1', at: '2026-11-16T10:00:00+08:00', actor: cs });
    expect(refused).toMatchObject({ status: 422, body: { ruleId: 'C-3' } });
    const again = await post({ type: 'ReceiveComplaint', caseId: 'E1', at: '2026-11-16T11:00:00+08:00', actor: cs, customer: { id: 'c', name: 'A' }, channel: 'phone', description: 'x', severity: 'minor' });
    expect(again).toMatchObject({ status: 422, body: { code: 'COMPLAINT_ALREADY_RECEIVED' } });
    const state = await (await fetch(`${base}/cases/complaint-E1`)).json();
    expect(state).toMatchObject({ status: 'received', events: 1 });
    const board = await (await fetch(`${base}/read-models/complaint-board`)).json();
    expect(board).toEqual([expect.objectContaining({ caseId: 'E1', status: 'received' })]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await store.dispose();
    await double.stop();
  }
}, 60_000);
