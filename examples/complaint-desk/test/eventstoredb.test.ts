/**
 * The desk on EventStoreDB: the same routes, on the real client — through the test double, and on
 * the real server when EVENTSTOREDB_URL is set (a shared server: case ids unique to the run).
 */
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { connectEventStoreDb } from '@caseledger/eventstoredb';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the EventStoreDB test double is plain JavaScript without type declarations.
import { startDouble } from '../../../packages/eventstoredb/test/support/double.mjs';
import { createDesk } from '../src/desk.js';

const real = process.env['EVENTSTOREDB_URL'];

describe.each([{ target: 'the test double' }, ...(real === undefined ? [] : [{ target: real }])])('the desk on EventStoreDB ($target)', ({ target }) => {
  it('accepts, refuses and serves cases, and its board lists them', async () => {
    const double: { connectionString: string; stop: () => Promise<void> } | undefined = target === real ? undefined : await startDouble();
    const store = connectEventStoreDb(double?.connectionString ?? target);
    const { server } = createDesk({ store, clock: () => Date.parse('2026-11-18T12:00:00+08:00') });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const base = `http://127.0.0.1:${(address satisfies AddressInfo).port}`;
    const post = async (body: unknown) => {
      const res = await fetch(`${base}/complaints/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    };
    const caseId = `E${randomUUID().slice(0, 8)}`;
    try {
      const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
      const received = await post({
        type: 'ReceiveComplaint',
        caseId,
        at: '2026-11-16T09:00:00+08:00',
        actor: cs,
        customer: { id: 'c', name: 'A' },
        channel: 'phone',
        description: 'x',
        severity: 'minor',
      });
      expect(received.status).toBe(200);
      const refused = await post({ type: 'ForwardToQuality', caseId, at: '2026-11-16T10:00:00+08:00', actor: cs });
      expect(refused).toMatchObject({ status: 422, body: { ruleId: 'C-3' } });
      const again = await post({
        type: 'ReceiveComplaint',
        caseId,
        at: '2026-11-16T11:00:00+08:00',
        actor: cs,
        customer: { id: 'c', name: 'A' },
        channel: 'phone',
        description: 'x',
        severity: 'minor',
      });
      expect(again).toMatchObject({ status: 422, body: { code: 'COMPLAINT_ALREADY_RECEIVED' } });
      const state = await (await fetch(`${base}/cases/complaint-${caseId}`)).json();
      expect(state).toMatchObject({ status: 'received', events: 1 });
      const board: unknown = await (await fetch(`${base}/read-models/complaint-board`)).json();
      expect(board).toEqual(expect.arrayContaining([expect.objectContaining({ caseId, status: 'received' })]));
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await store.dispose();
      await double?.stop();
    }
  }, 120_000);
});
