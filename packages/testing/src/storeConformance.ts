/**
 * The EventStore conformance suite: one function that any implementation of the port calls from
 * its own tests. It registers Vitest tests; every stream name it writes is unique to the run, so
 * it can also run against a long-lived real server.
 */
import {
  type EventStore,
  type ExpectedRevision,
  type GlobalPosition,
  type JsonObject,
  type NewEvent,
  type RecordedEvent,
  caseIdLiteral,
  commandHandler,
  compareGlobalPositions,
  complaintCaseType,
  decodeRecorded,
  streamNameOf,
} from '@caseledger/core';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lostAnswerRaces, runLostAnswerRace } from './lostAnswerRace.js';

export interface ConformanceOptions {
  /** Events in the "large stream" test. Default 10,000. */
  readonly largeStreamEvents?: number;
  /** Bytes of the large payload test. Default 1,000,000: under EventStoreDB's 1 MiB per append. */
  readonly largePayloadBytes?: number;
  /** The store's largest append in bytes, when it has one: an append over it must be refused with `APPEND_TOO_LARGE`. */
  readonly maxAppendBytes?: number;
  /** Per-test timeout in ms. Default 120,000. */
  readonly timeoutMs?: number;
  /** Generated races in the lost-answer property. Default 15. */
  readonly raceRuns?: number;
}

const unwrap = async <A>(task: () => Promise<E.Either<{ readonly message: string }, A>>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`expected success, got: ${result.left.message}`);
  return result.right;
};

const failure = async <A, Err>(task: () => Promise<E.Either<Err, A>>): Promise<Err> => {
  const result = await task();
  if (E.isRight(result)) throw new Error('expected a failure, got success');
  return result.left;
};

const event = (type: string, data: JsonObject, metadata: JsonObject = {}): NewEvent => ({ eventId: randomUUID(), type, data, metadata });

/** All events of the streams whose name starts with `prefix`, read page by page from the start. */
const readAllWithPrefix = async (store: EventStore, prefix: string, pageSize = 500, from?: GlobalPosition): Promise<RecordedEvent[]> => {
  const out: RecordedEvent[] = [];
  let after: GlobalPosition | undefined = from;
  for (;;) {
    const page = await unwrap(store.readAll(after === undefined ? { maxCount: pageSize } : { after, maxCount: pageSize }));
    for (const e of page) if (e.streamName.startsWith(prefix)) out.push(e);
    const last = page[page.length - 1];
    if (last === undefined || page.length < pageSize) return out;
    after = last.position;
  }
};

/**
 * A position just before what a test writes next: a marker event's. Reading `$all` after it keeps a
 * test's cost to its own events on a long-lived server full of earlier runs.
 */
const markHere = async (store: EventStore, streamName: string): Promise<GlobalPosition | undefined> =>
  (await unwrap(store.appendToStream(streamName, [event('Marker', {})], 'no-stream'))).position;

export const eventStoreConformance = (name: string, makeStore: () => EventStore | Promise<EventStore>, options: ConformanceOptions = {}): void => {
  const largeStreamEvents = options.largeStreamEvents ?? 10_000;
  const largePayloadBytes = options.largePayloadBytes ?? 1_000_000;
  const maxAppendBytes = options.maxAppendBytes;
  const raceRuns = options.raceRuns ?? 15;
  const timeout = options.timeoutMs ?? 120_000;
  // Letters only: a run of seven digits in a stream name reads as a phone number, and messages hide it (T-10).
  const run = Array.from(randomUUID().replaceAll('-', '').slice(0, 8), (c) => String.fromCharCode(97 + (parseInt(c, 16) % 26))).join('');
  let counter = 0;
  const streamName = (category = 'conformance'): string => `${category}-${run}_${++counter}`;

  describe(`EventStore conformance: ${name}`, () => {
    describe('reading a stream', () => {
      it('a stream never written reads as no-stream', async () => {
        const store = await makeStore();
        expect(await unwrap(store.readStream(streamName()))).toEqual({ kind: 'no-stream' });
      });

      it(
        'returns events in order with contiguous revisions from 0',
        async () => {
          const store = await makeStore();
          const s = streamName();
          await unwrap(store.appendToStream(s, [event('A', { n: 1 }), event('B', { n: 2 })], 'no-stream'));
          await unwrap(store.appendToStream(s, [event('C', { n: 3 })], 1n));
          const read = await unwrap(store.readStream(s));
          expect(read.kind).toBe('stream');
          if (read.kind !== 'stream') return;
          expect(read.revision).toBe(2n);
          expect(read.events.map((e) => [e.type, e.revision, e.streamName])).toEqual([
            ['A', 0n, s],
            ['B', 1n, s],
            ['C', 2n, s],
          ]);
        },
        timeout,
      );
    });

    describe('expected revision on append', () => {
      const cases: ReadonlyArray<{ readonly title: string; readonly existing: number; readonly expected: ExpectedRevision; readonly ok: boolean }> = [
        { title: 'no-stream on a new stream succeeds', existing: 0, expected: 'no-stream', ok: true },
        { title: 'no-stream on an existing stream conflicts', existing: 2, expected: 'no-stream', ok: false },
        { title: 'exists on a new stream conflicts', existing: 0, expected: 'exists', ok: false },
        { title: 'exists on an existing stream succeeds', existing: 2, expected: 'exists', ok: true },
        { title: 'any on a new stream succeeds', existing: 0, expected: 'any', ok: true },
        { title: 'any on an existing stream succeeds', existing: 2, expected: 'any', ok: true },
        { title: 'the exact last revision succeeds', existing: 2, expected: 1n, ok: true },
        { title: 'an older revision conflicts', existing: 2, expected: 0n, ok: false },
        { title: 'a later revision conflicts', existing: 2, expected: 5n, ok: false },
        { title: 'an exact revision on a new stream conflicts', existing: 0, expected: 0n, ok: false },
      ];
      for (const c of cases) {
        it(
          c.title,
          async () => {
            const store = await makeStore();
            const s = streamName();
            if (c.existing > 0) {
              await unwrap(
                store.appendToStream(
                  s,
                  Array.from({ length: c.existing }, (_, i) => event('Seed', { i })),
                  'no-stream',
                ),
              );
            }
            const result = await store.appendToStream(s, [event('Next', {})], c.expected)();
            if (c.ok) {
              expect(E.isRight(result)).toBe(true);
              if (E.isRight(result)) expect(result.right.nextExpectedRevision).toBe(BigInt(c.existing));
            } else {
              expect(E.isLeft(result)).toBe(true);
              if (E.isLeft(result)) {
                expect(result.left.code).toBe('STREAM_REVISION_CONFLICT');
                if (result.left.code === 'STREAM_REVISION_CONFLICT') {
                  expect(result.left.streamName).toBe(s);
                  expect(result.left.actual).toBe(c.existing === 0 ? 'no-stream' : BigInt(c.existing - 1));
                }
              }
              // Nothing was written by the refused append.
              const read = await unwrap(store.readStream(s));
              expect(read.kind === 'stream' ? read.events.length : 0).toBe(c.existing);
            }
          },
          timeout,
        );
      }

      it(
        're-appending events with the same ids writes nothing twice (a retry after a lost answer)',
        async () => {
          const store = await makeStore();
          const s = streamName();
          const events = [event('A', { n: 1 }), event('B', { n: 2 })];
          await unwrap(store.appendToStream(s, events, 'no-stream'));
          const again = await store.appendToStream(s, events, 'no-stream')();
          expect(E.isRight(again) && again.right.nextExpectedRevision).toBe(1n);
          const read = await unwrap(store.readStream(s));
          expect(read.kind === 'stream' ? read.events.map((e) => e.type) : []).toEqual(['A', 'B']);
        },
        timeout,
      );

      it(
        'a repeated append answers the revision and position its events were written at, even after later appends',
        async () => {
          const store = await makeStore();
          const s = streamName();
          const events = [event('A', {}), event('B', {})];
          const first = await unwrap(store.appendToStream(s, events, 'no-stream'));
          await unwrap(store.appendToStream(s, [event('C', {})], 1n));
          for (const expected of ['no-stream', 'any', 'exists'] as const) {
            const again = await unwrap(store.appendToStream(s, events, expected));
            expect(again.nextExpectedRevision).toBe(1n);
            if (first.position !== undefined && again.position !== undefined) expect(compareGlobalPositions(again.position, first.position)).toBe(0);
          }
          const read = await unwrap(store.readStream(s));
          expect(read.kind === 'stream' ? read.events.map((e) => e.type) : []).toEqual(['A', 'B', 'C']);
        },
        timeout,
      );

      it(
        'the same event ids appended at the revision expected now are new events (only command ids guard a resend at a new revision)',
        async () => {
          const store = await makeStore();
          const s = streamName();
          const events = [event('A', {})];
          await unwrap(store.appendToStream(s, events, 'no-stream'));
          expect(await unwrap(store.appendToStream(s, events, 0n))).toMatchObject({ nextExpectedRevision: 1n });
          const read = await unwrap(store.readStream(s));
          expect(read.kind === 'stream' ? read.events.map((e) => e.revision) : []).toEqual([0n, 1n]);
        },
        timeout,
      );

      it(
        'of concurrent appends with the same expected revision exactly one wins',
        async () => {
          const store = await makeStore();
          const s = streamName();
          await unwrap(store.appendToStream(s, [event('Seed', {})], 'no-stream'));
          const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.appendToStream(s, [event('Racer', { i })], 0n)()));
          expect(results.filter(E.isRight)).toHaveLength(1);
          for (const r of results.filter(E.isLeft)) expect(r.left.code).toBe('STREAM_REVISION_CONFLICT');
          const read = await unwrap(store.readStream(s));
          expect(read.kind === 'stream' ? read.events.map((e) => e.revision) : []).toEqual([0n, 1n]);
        },
        timeout,
      );
    });

    describe('commands safe to send twice (through the command handler)', () => {
      const cs = { id: 'cs-conformance', department: 'customer-service', role: 'staff' };
      const receive = (caseId: string, commandId: string) => ({
        type: 'ReceiveComplaint',
        caseId,
        commandId,
        at: '2026-11-16T09:00:00+08:00',
        actor: cs,
        customer: { id: `cust-${caseId}`, name: 'Conformance' },
        channel: 'phone',
        description: 'Sent twice',
        severity: 'minor',
      });

      it(
        'the same command id twice stores the events once and returns the same outcome, from two handlers too',
        async () => {
          const store = await makeStore();
          const caseId = `${run}_${++counter}`;
          const first = await unwrap(commandHandler(complaintCaseType, store)(receive(caseId, `${caseId}-1`)));
          const again = await unwrap(commandHandler(complaintCaseType, store)(receive(caseId, `${caseId}-1`)));
          expect(again.revision).toBe(first.revision);
          expect(again.appended.map((e) => e.metadata.eventId)).toEqual(first.appended.map((e) => e.metadata.eventId));
          const ack = { type: 'AcknowledgeComplaint', caseId, at: '2026-11-16T09:10:00+08:00', actor: cs, explanation: 'Quality will reply' };
          const handle = commandHandler(complaintCaseType, store);
          const both = await Promise.all([
            handle(ack, { commandId: `${caseId}-2` })(),
            commandHandler(complaintCaseType, store)(ack, { commandId: `${caseId}-2` })(),
          ]);
          expect(both.map((r) => (E.isRight(r) ? r.right.revision : r.left.code))).toEqual([1n, 1n]);
          const read = await unwrap(store.readStream(streamNameOf(complaintCaseType.category, caseIdLiteral(caseId))));
          expect(read.kind === 'stream' ? read.events.map((e) => e.type) : []).toEqual(['ComplaintReceived', 'ComplaintAcknowledged']);
        },
        timeout,
      );

      it(
        'another command under a used id is refused with COMMAND_ID_REUSED and writes nothing',
        async () => {
          const store = await makeStore();
          const caseId = `${run}_${++counter}`;
          await unwrap(commandHandler(complaintCaseType, store)(receive(caseId, `${caseId}-1`)));
          const other = await commandHandler(
            complaintCaseType,
            store,
          )({ type: 'AcknowledgeComplaint', caseId, commandId: `${caseId}-1`, at: '2026-11-16T09:10:00+08:00', actor: cs, explanation: 'x' })();
          expect(E.isLeft(other) && other.left.code).toBe('COMMAND_ID_REUSED');
          const read = await unwrap(store.readStream(streamNameOf(complaintCaseType.category, caseIdLiteral(caseId))));
          expect(read.kind === 'stream' ? read.events.length : 0).toBe(1);
        },
        timeout,
      );
    });

    describe('a lost append answer raced by another writer (through the command handler)', () => {
      it(
        'never leads the handler to store a decision taken on a stale state (property)',
        async () => {
          await fc.assert(
            fc.asyncProperty(lostAnswerRaces(10), async (race) => {
              const store = await makeStore();
              expect(await runLostAnswerRace(store, `${run}_race${++counter}`, race)).toEqual([]);
            }),
            { numRuns: raceRuns },
          );
        },
        timeout,
      );
    });

    describe('reading all', () => {
      it(
        'returns every stream in commit order with increasing positions, `after` exclusive',
        async () => {
          const store = await makeStore();
          const prefix = `conformance-${run}_all${++counter}`;
          const a = `${prefix}a`;
          const b = `${prefix}b`;
          const from = await markHere(store, `conformance-${run}_mark${++counter}`);
          await unwrap(store.appendToStream(a, [event('A1', {}), event('A2', {})], 'no-stream'));
          await unwrap(store.appendToStream(b, [event('B1', {})], 'no-stream'));
          await unwrap(store.appendToStream(a, [event('A3', {})], 1n));
          const all = await readAllWithPrefix(store, prefix, 2, from);
          expect(all.map((e) => e.type)).toEqual(['A1', 'A2', 'B1', 'A3']);
          for (let i = 1; i < all.length; i++) {
            const prev = all[i - 1];
            const cur = all[i];
            if (prev !== undefined && cur !== undefined) expect(compareGlobalPositions(prev.position, cur.position)).toBeLessThan(0);
          }
          const second = all[1];
          if (second === undefined) throw new Error('missing event');
          const rest = (await unwrap(store.readAll({ after: second.position }))).filter((e) => e.streamName.startsWith(prefix));
          expect(rest.map((e) => e.type)).toEqual(['B1', 'A3']);
        },
        timeout,
      );

      it(
        'pages of any size cover every event exactly once',
        async () => {
          const store = await makeStore();
          const prefix = `conformance-${run}_pages${++counter}`;
          const from = await markHere(store, `conformance-${run}_mark${++counter}`);
          for (let s = 0; s < 5; s++) {
            await unwrap(
              store.appendToStream(
                `${prefix}-${s}`,
                Array.from({ length: 7 }, (_, i) => event('E', { s, i })),
                'no-stream',
              ),
            );
          }
          for (const size of [1, 3, 35, 100]) {
            const all = await readAllWithPrefix(store, prefix, size, from);
            expect(all).toHaveLength(35);
            expect(new Set(all.map((e) => e.eventId)).size).toBe(35);
          }
        },
        timeout,
      );
    });

    describe('payloads', () => {
      it(
        'round-trips data and metadata, unicode included',
        async () => {
          const store = await makeStore();
          const s = streamName();
          const data: JsonObject = {
            text: '客户投诉：产品外观不良 — Ünïcödé ✓ 🚚',
            nested: { list: [1, 2.5, -3, true, false, null, 'x'], empty: {} },
            quote: 'a "quoted" \\ backslash\nnewline',
          };
          const metadata: JsonObject = { eventId: 'x', actor: { id: '王芳', department: 'quality', role: 'staff' }, at: '2026-11-22T09:00:00+08:00' };
          const written = event('Unicode', data, metadata);
          await unwrap(store.appendToStream(s, [written], 'no-stream'));
          const read = await unwrap(store.readStream(s));
          const got = read.kind === 'stream' ? read.events[0] : undefined;
          expect(got?.eventId).toBe(written.eventId);
          expect(got?.data).toEqual(data);
          expect(got?.metadata).toEqual(metadata);
        },
        timeout,
      );

      it(
        'round-trips a large payload',
        async () => {
          const store = await makeStore();
          const s = streamName();
          const big = 'é'.repeat(Math.floor(largePayloadBytes / 2));
          await unwrap(store.appendToStream(s, [event('Big', { big })], 'no-stream'));
          const read = await unwrap(store.readStream(s));
          expect(read.kind === 'stream' ? read.events[0]?.data['big'] : undefined).toBe(big);
        },
        timeout,
      );

      if (maxAppendBytes !== undefined) {
        it(
          `refuses an append over ${maxAppendBytes} bytes with APPEND_TOO_LARGE, naming its size and the limit, and writes nothing`,
          async () => {
            const store = await makeStore();
            const s = streamName();
            const over = 'x'.repeat(maxAppendBytes + 1);
            const refused = await failure(store.appendToStream(s, [event('Big', { over })], 'no-stream'));
            expect(refused).toMatchObject({ code: 'APPEND_TOO_LARGE', retriable: false, streamName: s, limit: maxAppendBytes });
            expect(refused.code === 'APPEND_TOO_LARGE' && refused.bytes).toBeGreaterThan(maxAppendBytes);
            expect(refused.message).toContain(String(maxAppendBytes));
            expect(await unwrap(store.readStream(s))).toEqual({ kind: 'no-stream' });
          },
          timeout,
        );
      }

      it(
        `keeps a stream of ${largeStreamEvents} events whole and in order`,
        async () => {
          const store = await makeStore();
          const s = streamName();
          const batch = 500;
          for (let start = 0; start < largeStreamEvents; start += batch) {
            const n = Math.min(batch, largeStreamEvents - start);
            const expected: ExpectedRevision = start === 0 ? 'no-stream' : BigInt(start - 1);
            await unwrap(
              store.appendToStream(
                s,
                Array.from({ length: n }, (_, i) => event('Many', { i: start + i })),
                expected,
              ),
            );
          }
          const read = await unwrap(store.readStream(s));
          expect(read.kind === 'stream' ? read.revision : undefined).toBe(BigInt(largeStreamEvents - 1));
          const events = read.kind === 'stream' ? read.events : [];
          expect(events).toHaveLength(largeStreamEvents);
          expect(events.every((e, i) => e.data['i'] === i && e.revision === BigInt(i))).toBe(true);
        },
        timeout,
      );
    });

    describe('reading back what cannot be decoded', () => {
      it(
        'an undecodable stored event is reported with its stream, revision and type',
        async () => {
          const store = await makeStore();
          const s = streamName('undecodable');
          const metadata: JsonObject = {
            eventId: 'm',
            schemaVersion: 1,
            actor: { id: 'cs-li', department: 'customer-service', role: 'staff' },
            correlationId: 'c',
            causationId: 'c',
            at: '2026-11-16T09:00:00+08:00',
          };
          await unwrap(
            store.appendToStream(
              s,
              [event('ComplaintAcknowledged', { type: 'ComplaintAcknowledged', at: 'not a date', by: {}, explanation: '' }, metadata)],
              'no-stream',
            ),
          );
          const read = await unwrap(store.readStream(s));
          const recorded = read.kind === 'stream' ? read.events[0] : undefined;
          if (recorded === undefined) throw new Error('the event was not stored');
          const decoded = decodeRecorded(complaintCaseType)(recorded);
          expect(E.isLeft(decoded) && decoded.left).toMatchObject({
            code: 'STORED_EVENT_UNDECODABLE',
            streamName: s,
            revision: 0n,
            eventType: 'ComplaintAcknowledged',
          });
        },
        timeout,
      );
    });

    describe('deleting', () => {
      it(
        'a stream never written cannot be deleted, whatever was expected; a deleted one can be deleted again',
        async () => {
          const store = await makeStore();
          for (const expected of ['any', 'no-stream', 'exists', 0n] as const) {
            const missing = await failure(store.deleteStream(streamName(), expected));
            expect(missing).toMatchObject({ code: 'STREAM_REVISION_CONFLICT', actual: 'no-stream' });
          }
          const s = streamName();
          await unwrap(store.appendToStream(s, [event('A', {}), event('B', {})], 'no-stream'));
          await unwrap(store.deleteStream(s, 1n));
          await unwrap(store.deleteStream(s, 'any'));
          await unwrap(store.deleteStream(s, 1n));
          expect(await unwrap(store.readStream(s))).toEqual({ kind: 'no-stream' });
        },
        timeout,
      );

      it(
        'reading all lists no event a soft delete hid, and lists the events written after it',
        async () => {
          const store = await makeStore();
          const from = await markHere(store, streamName('marker'));
          const prefix = `deleted-${run}_`;
          const gone = streamName('deleted');
          const again = streamName('deleted');
          const kept = streamName('deleted');
          for (const s of [gone, again, kept]) await unwrap(store.appendToStream(s, [event('A', {}), event('B', {})], 'no-stream'));
          await unwrap(store.deleteStream(gone, 1n));
          await unwrap(store.deleteStream(again, 1n));
          await unwrap(store.appendToStream(again, [event('C', {})], 'no-stream'));
          await unwrap(store.appendToStream(kept, [event('C', {})], 1n));
          const listed = (events: RecordedEvent[]) => events.map((e) => `${e.streamName.slice(prefix.length)}:${e.type}@${e.revision}`);
          const n = (s: string) => s.slice(prefix.length);
          const expected = [`${n(kept)}:A@0`, `${n(kept)}:B@1`, `${n(again)}:C@2`, `${n(kept)}:C@2`];
          expect(listed(await readAllWithPrefix(store, prefix, 500, from))).toEqual(expected);
          // Page by page, one event at a time, the same.
          expect(listed(await readAllWithPrefix(store, prefix, 1, from))).toEqual(expected);
        },
        timeout,
      );

      it(
        'a deleted stream reads as no-stream; a delete with a stale revision conflicts',
        async () => {
          const store = await makeStore();
          const s = streamName();
          await unwrap(store.appendToStream(s, [event('A', {}), event('B', {})], 'no-stream'));
          const stale = await failure(store.deleteStream(s, 0n));
          expect(stale.code).toBe('STREAM_REVISION_CONFLICT');
          await unwrap(store.deleteStream(s, 1n));
          expect(await unwrap(store.readStream(s))).toEqual({ kind: 'no-stream' });
        },
        timeout,
      );

      it(
        'after a soft delete, an append expecting no stream or the last deleted revision continues the revisions',
        async () => {
          const store = await makeStore();
          for (const expected of ['no-stream', 1n] as const) {
            const s = streamName();
            await unwrap(store.appendToStream(s, [event('A', {}), event('B', {})], 'no-stream'));
            await unwrap(store.deleteStream(s, 1n));
            expect(await unwrap(store.appendToStream(s, [event('C', {})], expected))).toMatchObject({ nextExpectedRevision: 2n });
            const read = await unwrap(store.readStream(s));
            expect(read.kind === 'stream' ? read.events.map((e) => [e.type, e.revision]) : []).toEqual([['C', 2n]]);
            const stale = await failure(store.appendToStream(s, [event('D', {})], 0n));
            expect(stale.code).toBe('STREAM_REVISION_CONFLICT');
          }
        },
        timeout,
      );
    });
  });
};
