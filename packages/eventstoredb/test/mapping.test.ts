/** The pure parts of the adapter: expected revisions, events, errors. */
import { describe, expect, it } from 'vitest';
import { ANY, NO_STREAM, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import * as E from 'fp-ts/lib/Either.js';
import { connectEventStoreDb, serverOf, toBigInt, toEventData, toStoreError, toStreamState } from '../src/index.js';

describe('expected revision mapping', () => {
  it('maps every expectation of the port onto the client’s stream state', () => {
    expect(toStreamState('no-stream')).toBe(NO_STREAM);
    expect(toStreamState('exists')).toBe(STREAM_EXISTS);
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState(41n)).toBe(41n);
  });
  it('reads revisions that arrive as numbers or strings as bigints', () => {
    expect(toBigInt(7)).toBe(7n);
    expect(toBigInt('9007199254740993')).toBe(9007199254740993n);
    expect(toBigInt(3n)).toBe(3n);
    expect(toBigInt(undefined)).toBeUndefined();
  });
});

describe('events', () => {
  it('keeps the event id chosen at decision time, so a retried append is idempotent', () => {
    const data = toEventData({ eventId: '6f1c1c5e-2f55-4a8e-9a52-1a0c3f5c9d10', type: 'ComplaintReceived', data: { a: 1 }, metadata: { schemaVersion: 1 } });
    expect(data).toMatchObject({
      id: '6f1c1c5e-2f55-4a8e-9a52-1a0c3f5c9d10',
      type: 'ComplaintReceived',
      contentType: 'application/json',
      data: { a: 1 },
      metadata: { schemaVersion: 1 },
    });
  });
});

describe('error mapping', () => {
  const commandError = (type: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`${type} happened`), { type, ...extra });
  it('a wrong expected version becomes the port’s conflict, with the actual state', () => {
    expect(toStoreError(commandError('wrong-expected-version', { actualState: 4n }), 'complaint-1', 2n)).toMatchObject({
      code: 'STREAM_REVISION_CONFLICT',
      streamName: 'complaint-1',
      expected: 2n,
      actual: 4n,
      retriable: false,
    });
    expect(toStoreError(commandError('wrong-expected-version', { actualState: 'no_stream' }), 'complaint-1', 0n)).toMatchObject({ actual: 'no-stream' });
    expect(toStoreError(commandError('wrong-expected-version', { actualState: 4 }), 'complaint-1', 2n)).toMatchObject({ actual: 4n });
  });
  it('distinguishes deleted, denied, not-leader, unavailable and deadline errors, and says which are retriable', () => {
    const cases: ReadonlyArray<readonly [unknown, string, boolean]> = [
      [commandError('stream-deleted'), 'STREAM_DELETED', false],
      [commandError('stream-tombstoned'), 'STREAM_DELETED', false],
      [commandError('access-denied'), 'STORE_ACCESS_DENIED', false],
      [commandError('not-leader'), 'STORE_NOT_LEADER', true],
      [commandError('unavailable'), 'STORE_UNAVAILABLE', true],
      [commandError('deadline-exceeded'), 'STORE_DEADLINE_EXCEEDED', true],
      [Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }), 'STORE_UNAVAILABLE', true],
      [Object.assign(new Error('4 DEADLINE_EXCEEDED'), { code: 4 }), 'STORE_DEADLINE_EXCEEDED', true],
      [new Error('something else'), 'STORE_FAILURE', false],
      ['not even an error', 'STORE_FAILURE', false],
    ];
    for (const [error, code, retriable] of cases) expect(toStoreError(error, 'complaint-1')).toMatchObject({ code, retriable });
  });

  it('says what was attempted, on which server, and what to do; never the credentials', async () => {
    expect(serverOf('kurrentdb://admin:changeit@db1:2113,db2:2113?tls=false')).toBe('kurrentdb://db1:2113,db2:2113?tls=false');
    const down = connectEventStoreDb('kurrentdb://admin:changeit@127.0.0.1:1?tls=false');
    try {
      const read = await down.readStream('complaint-C1')();
      expect(E.isLeft(read) && read.left).toMatchObject({ code: 'STORE_UNAVAILABLE', retriable: true });
      const message = E.isLeft(read) ? read.left.message : '';
      expect(message).toMatch(
        /^Reading stream complaint-C1 on kurrentdb:\/\/127\.0\.0\.1:1\?tls=false: the server did not answer .*Check that it runs and is reachable/,
      );
      const appended = await down.appendToStream('complaint-C1', [{ eventId: 'e1', type: 'X', data: {}, metadata: {} }], 'no-stream')();
      expect(E.isLeft(appended) && appended.left.message).toMatch(
        /^Appending 1 event\(s\) to complaint-C1 on kurrentdb:\/\/127\.0\.0\.1:1\?tls=false: the server did not answer/,
      );
      expect(JSON.stringify([read, appended])).not.toContain('changeit');
    } finally {
      await down.dispose();
    }
  });
});
