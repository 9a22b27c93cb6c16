/** The complaint desk over real HTTP on loopback. */
import { type AddressInfo, connect } from 'node:net';
import { type EventStore, inMemoryEventStore } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk } from '../src/desk.js';

const { server } = createDesk({ clock: () => Date.parse('2026-11-18T12:00:00+08:00') });
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${(address satisfies AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
const post = async (path: string, body: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};
const get = async (path: string, accept = 'application/json') => {
  const res = await fetch(`${base}${path}`, { headers: { accept } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};
const receive = (caseId: string) => ({
  type: 'ReceiveComplaint',
  caseId,
  at: '2026-11-16T09:00:00+08:00',
  actor: cs,
  customer: { id: 'c1', name: 'Customer' },
  channel: 'phone',
  description: 'Cracked',
  severity: 'minor',
});

describe('complaint desk', () => {
  it('accepts a command and returns the new state', async () => {
    const r = await post('/complaints/commands', receive('D1'));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      streamName: 'complaint-D1',
      revision: '0',
      state: { status: 'received' },
      appended: [{ type: 'ComplaintReceived', revision: '0' }],
    });
  });

  it('answers 400 with the paths of bad fields, and for a body that is not JSON', async () => {
    const r = await post('/complaints/commands', { ...receive('D2'), severity: 'apocalyptic', at: 'Monday' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'COMMAND_UNDECODABLE', details: { paths: ['at', 'severity'] } });
    expect((await post('/complaints/commands', '{nope')).status).toBe(400);
  });

  it('a command sent again with the same Idempotency-Key is applied once and answered the same; another command under that key is 409', async () => {
    const once = async (body: unknown, key: string) => {
      const res = await fetch(`${base}/complaints/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    };
    const first = await once(receive('D9'), 'k-d9-1');
    const again = await once(receive('D9'), 'k-d9-1');
    expect(first.status).toBe(200);
    expect(again).toEqual(first);
    const other = await once({ type: 'AcknowledgeComplaint', caseId: 'D9', at: '2026-11-16T09:10:00+08:00', actor: cs, explanation: 'x' }, 'k-d9-1');
    expect(other).toMatchObject({ status: 409, body: { code: 'COMMAND_ID_REUSED' } });
    const stored = await get('/cases/complaint-D9');
    expect(JSON.parse(stored.text)).toMatchObject({ events: 1 });
  });

  it('answers 422 with the rule id and code of a violation', async () => {
    await post('/complaints/commands', receive('D3'));
    const r = await post('/complaints/commands', { type: 'ForwardToQuality', caseId: 'D3', at: '2026-11-16T10:00:00+08:00', actor: cs });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ ruleId: 'C-3', code: 'NOT_CLASSIFIED' });
  });

  it('concurrent commands on one case: each is applied once or answered 409 after the retry bound', async () => {
    await post('/complaints/commands', receive('D4'));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post('/complaints/commands', {
          type: 'ReceiveSamples',
          caseId: 'D4',
          at: `2026-11-16T10:${String(i).padStart(2, '0')}:00+08:00`,
          actor: cs,
          quantity: 1,
        }),
      ),
    );
    for (const r of results) expect([200, 409, 422]).toContain(r.status);
    const applied = results.filter((r) => r.status === 200).length;
    expect(applied).toBeGreaterThan(0);
    const c = await get('/cases/complaint-D4');
    const state = JSON.parse(c.text);
    expect(state.events).toBe(1 + applied);
    expect(state.state.samples.received).toBe(applied);
  });

  it('serves a case, its audit in JSON and HTML, and read models', async () => {
    const c = await get('/cases/complaint-D1');
    expect(c.status).toBe(200);
    expect(JSON.parse(c.text)).toMatchObject({ status: 'received', events: 1 });
    const audit = await get('/cases/complaint-D1/audit');
    expect(JSON.parse(audit.text).report.deadlines).toContainEqual(expect.objectContaining({ name: 'acknowledgement', status: 'missed' }));
    const html = await get('/cases/complaint-D1/audit', 'text/html');
    expect(html.type).toContain('text/html');
    expect(html.text).toContain('Audit of complaint-D1');
    const board = await get('/read-models/complaint-board');
    expect(JSON.parse(board.text).map((r: { caseId: string }) => r.caseId)).toEqual(expect.arrayContaining(['D1', 'D3', 'D4']));
    const overdue = await get('/read-models/overdue?now=2026-11-18T12:00:00%2B08:00');
    expect(JSON.parse(overdue.text)).toContainEqual(expect.objectContaining({ caseId: 'D1', deadline: 'acknowledgement', status: 'missed' }));
    // Instants for people carry the calendar's offset (Asia/Shanghai); ?utc=true gives the same instants in UTC.
    expect(JSON.parse(overdue.text)).toContainEqual(
      expect.objectContaining({ caseId: 'D1', deadline: 'acknowledgement', dueBy: '2026-11-16T23:59:59.999+08:00' }),
    );
    const utc = await get('/read-models/overdue?now=2026-11-18T12:00:00%2B08:00&utc=true');
    expect(JSON.parse(utc.text)).toContainEqual(expect.objectContaining({ caseId: 'D1', deadline: 'acknowledgement', dueBy: '2026-11-16T15:59:59.999Z' }));
    const whole: ReadonlyArray<{ caseId: string }> = JSON.parse(board.text);
    const second = await get('/read-models/complaint-board?limit=1&offset=1');
    expect(JSON.parse(second.text)).toEqual([whole[1]]);
    const bad = await get('/read-models/complaint-board?limit=ten');
    expect([bad.status, JSON.parse(bad.text).code]).toEqual([400, 'BAD_PAGE']);
  });

  it('answers 413 for a body over 1 MiB (not a reset connection), 405 with Allow for a known path asked with another method, 404 for __proto__ and constructor', async () => {
    const big = await fetch(`${base}/complaints/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...receive('D-BIG'), description: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
    const wrong = await fetch(`${base}/complaints/commands`, { method: 'GET' });
    expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'POST']);
    const put = await fetch(`${base}/cases/complaint-D1`, { method: 'PUT', body: '{}' });
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET']);
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const r = await post(`/${name}/commands`, receive('D-PROTO'));
      expect([name, r.status, r.body]).toMatchObject([name, 404, { code: 'UNKNOWN_CASE_TYPE' }]);
    }
  });

  it('answers 408 and closes a request whose body trickles in past the timeout; caps its connections', async () => {
    const slow = createDesk({ requestTimeoutMs: 300, maxConnections: 7 });
    await new Promise<void>((resolve) => slow.server.listen(0, '127.0.0.1', resolve));
    const address = slow.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    expect(slow.server.maxConnections).toBe(7);
    try {
      const started = Date.now();
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(address.port, '127.0.0.1', () => {
          socket.write('POST /complaints/commands HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{');
          const drip = setInterval(() => socket.write(' '), 50);
          socket.on('close', () => clearInterval(drip));
        });
        let text = '';
        socket.on('data', (d) => (text += d.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await new Promise((resolve) => slow.server.close(resolve));
    }
  });

  it('answers 404 for unknown cases, case types, read models and routes', async () => {
    expect((await get('/cases/complaint-NOPE')).status).toBe(404);
    expect((await post('/invoices/commands', {})).status).toBe(404);
    expect((await get('/read-models/horoscope')).status).toBe(404);
    expect((await get('/')).status).toBe(404);
  });
});

describe('complaint desk with its store down', () => {
  it('answers 503 with the cause for commands and cases when the store fails, 500 for a stored case it cannot read', async () => {
    const working = inMemoryEventStore();
    const failure = async () =>
      E.left({
        _tag: 'StoreError' as const,
        code: 'STORE_UNAVAILABLE' as const,
        retriable: false,
        message: 'Reading stream complaint-S1 on kurrentdb://db1:2113: the server did not answer.',
      });
    const down: EventStore = { ...working, readStream: () => failure, appendToStream: () => failure };
    const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
    await working.appendToStream(
      'complaint-BAD',
      [{ eventId: 'e1', type: 'ComplaintReceived', data: { type: 'ComplaintReceived', at: 'not an instant' }, metadata: {} }],
      'no-stream',
    )();
    for (const [store, expected] of [
      [down, 503],
      [working, 500],
    ] as const) {
      const desk = createDesk({ store, clock: () => Date.parse('2026-11-18T12:00:00+08:00') });
      await new Promise<void>((resolve) => desk.server.listen(0, '127.0.0.1', resolve));
      try {
        const address = desk.server.address();
        if (address === null || typeof address === 'string') throw new Error('no port');
        const base = `http://127.0.0.1:${address.port}`;
        const caseRead = await fetch(`${base}/cases/${store === down ? 'complaint-S1' : 'complaint-BAD'}`);
        expect(caseRead.status).toBe(expected);
        expect(await caseRead.json()).toMatchObject({ code: store === down ? 'STORE_UNAVAILABLE' : 'STORED_EVENT_UNDECODABLE' });
        const command = await fetch(`${base}/complaints/commands`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'AcknowledgeComplaint',
            caseId: store === down ? 'S1' : 'BAD',
            at: '2026-11-16T09:10:00+08:00',
            actor: cs,
            explanation: 'x',
          }),
        });
        expect(command.status).toBe(expected);
      } finally {
        await new Promise((resolve) => desk.server.close(resolve));
      }
    }
  });

  it('answers 503 with the cause for a read model, never 200 with an empty list', async () => {
    const working = inMemoryEventStore();
    const down: EventStore = {
      ...working,
      readAll: () => async () =>
        E.left({ _tag: 'StoreError', code: 'STORE_UNAVAILABLE', retriable: true, message: 'Reading $all on kurrentdb://db1:2113: the server did not answer.' }),
    };
    const desk = createDesk({ store: down, clock: () => Date.parse('2026-11-18T12:00:00+08:00') });
    await new Promise<void>((resolve) => desk.server.listen(0, '127.0.0.1', resolve));
    try {
      const address = desk.server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      for (const name of ['complaint-board', 'overdue', 'capa', 'contract-queue', 'warranty', 'satisfaction']) {
        const res = await fetch(`http://127.0.0.1:${address.port}/read-models/${name}`);
        expect([name, res.status]).toEqual([name, 503]);
        expect(await res.json()).toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('the server did not answer') });
      }
    } finally {
      await new Promise((resolve) => desk.server.close(resolve));
    }
  });
});
