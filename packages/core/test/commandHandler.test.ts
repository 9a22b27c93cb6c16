import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { losingAppendAnswers } from '@caseledger/testing';
import { describe, expect, it } from 'vitest';
import { type NewEvent, commandHandler, inMemoryEventStore, loadCase } from '../src/index.js';
import { manager, staff, ticketCaseType } from './fixtures/ticket.js';
import { caseId } from './fixtures/values.js';

const sequentialIds = () => {
  let n = 0;
  return () => `id-${++n}`;
};

const open = { type: 'OpenTicket', caseId: 'T1', at: '2026-11-20T09:00:00+08:00', actor: staff, title: 'Scratched housing' };
const note = (i: number, at = '2026-11-20T10:00:00+08:00') => ({ type: 'AddNote', caseId: 'T1', at, actor: staff, note: `note ${i}` });

describe('command handler', () => {
  it('decides, appends with metadata and returns the new state', async () => {
    const store = inMemoryEventStore();
    const handle = commandHandler(ticketCaseType, store, { newId: sequentialIds() });
    const result = await handle(open, { correlationId: 'req-7' })();
    expect(E.isRight(result)).toBe(true);
    if (E.isLeft(result)) return;
    expect(result.right.streamName).toBe('ticket-T1');
    expect(result.right.revision).toBe(0n);
    expect(result.right.state).toEqual({ status: 'open', title: 'Scratched housing', notes: [] });
    const [written] = store.allWritten();
    expect(written?.type).toBe('TicketOpened');
    expect(written?.metadata).toEqual({
      eventId: 'id-1',
      schemaVersion: 1,
      actor: staff,
      correlationId: 'req-7',
      causationId: 'req-7',
      at: '2026-11-20T09:00:00+08:00',
      policyVersion: 'rulebook-2',
    });
    expect(written?.eventId).toBe('id-1');
  });

  it('T-7: refuses a field the command does not define, at any depth, naming its path, and writes nothing', async () => {
    const store = inMemoryEventStore();
    const handle = commandHandler(ticketCaseType, store, { newId: sequentialIds() });
    const result = await handle({ ...open, actor: { ...staff, sessionToken: 'secret', signIn: () => 'not JSON' } })();
    expect(E.isLeft(result) && result.left.code).toBe('COMMAND_UNDECODABLE');
    expect(E.isLeft(result) && result.left._tag === 'Violation' && result.left.details).toEqual({ paths: ['actor.sessionToken'] });
    expect(E.isLeft(result) && result.left.message).not.toContain('secret');
    expect(store.allWritten()).toEqual([]);
    const accepted = await handle({ ...open, actor: { ...staff, signIn: () => 'a function is no JSON and is not read' } })();
    expect(E.isRight(accepted)).toBe(true);
    expect(store.allWritten()[0]?.metadata['actor']).toEqual({ id: staff.id, department: staff.department, role: staff.role });
  });

  it('T-7: a command read through a throwing getter or a proxy is refused as a value, never a rejected promise', async () => {
    const store = inMemoryEventStore();
    const handle = commandHandler(ticketCaseType, store, { newId: sequentialIds() });
    const throwing = {
      ...open,
      get title(): string {
        throw new Error('boom');
      },
    };
    const proxied = new Proxy(
      { ...open },
      {
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    for (const input of [throwing, proxied]) {
      const result = await handle(input)();
      expect(E.isLeft(result) && result.left.code).toBe('COMMAND_UNDECODABLE');
    }
    // A getter is read once: what was checked is what is stored.
    let reads = 0;
    const flipping = {
      ...open,
      get caseId(): string {
        reads += 1;
        return reads === 1 ? open.caseId : '../other';
      },
    };
    const result = await handle(flipping)();
    expect(E.isRight(result) && result.right.streamName).toBe(`ticket-${open.caseId}`);
    expect(store.allWritten()).toHaveLength(1);
  });

  it('writes the current schema version of each event type', async () => {
    const store = inMemoryEventStore();
    const handle = commandHandler(ticketCaseType, store);
    await handle(open)();
    await handle(note(1))();
    expect(store.allWritten().map((e) => e.metadata['schemaVersion'])).toEqual([1, 2]);
  });

  it('returns a violation from the decider and writes nothing', async () => {
    const store = inMemoryEventStore();
    const handle = commandHandler(ticketCaseType, store);
    const result = await handle(note(1))();
    expect(E.isLeft(result) && result.left.code).toBe('TICKET_NOT_OPEN');
    expect(store.allWritten()).toHaveLength(0);
  });

  it('T-6: refuses a step by an actor without the permission', async () => {
    const store = inMemoryEventStore();
    const handle = commandHandler(ticketCaseType, store);
    await handle(open)();
    const refused = await handle({ type: 'CloseTicket', caseId: 'T1', at: '2026-11-20T11:00:00+08:00', actor: staff })();
    expect(E.isLeft(refused) && refused.left).toMatchObject({ ruleId: 'T-6', code: 'CLOSE_NOT_BY_MANAGER' });
    const allowed = await handle({ type: 'CloseTicket', caseId: 'T1', at: '2026-11-20T11:00:00+08:00', actor: manager })();
    expect(E.isRight(allowed)).toBe(true);
  });

  it('T-1: refuses a command earlier than the last event of the stream, and writes nothing', async () => {
    const store = inMemoryEventStore();
    const handle = commandHandler(ticketCaseType, store);
    await handle(open)();
    const result = await handle(note(1, '2026-11-20T08:59:59+08:00'))();
    expect(E.isLeft(result) && result.left).toMatchObject({ ruleId: 'T-1', code: 'INSTANT_BEFORE_PREVIOUS_EVENT' });
    expect(store.allWritten()).toHaveLength(1);
    // The same instant as the last event is not earlier.
    expect(E.isRight(await handle(note(2, '2026-11-20T09:00:00+08:00'))())).toBe(true);
  });

  describe('undecodable commands are refused with the path of the bad field (T-7)', () => {
    const cases: ReadonlyArray<readonly [string, unknown, ReadonlyArray<string>]> = [
      ['unknown command type', { ...open, type: 'ReopenTicket' }, ['type']],
      ['missing field', { type: 'OpenTicket', caseId: 'T1', at: open.at, actor: staff }, ['title']],
      ['wrong type', { ...open, title: 42 }, ['title']],
      ['unknown enum value', { ...open, actor: { ...staff, role: 'boss' } }, ['actor.role']],
      ['a date that is not a date', { ...open, at: '2026-02-30T09:00:00+08:00' }, ['at']],
      ['an instant without a zone', { ...open, at: '2026-11-20T09:00:00' }, ['at']],
      ['not an object', 'OpenTicket', ['type']],
    ];
    for (const [title, input, paths] of cases) {
      it(title, async () => {
        const store = inMemoryEventStore();
        const result = await commandHandler(ticketCaseType, store)(input)();
        expect(E.isLeft(result) && result.left).toMatchObject({ ruleId: 'T-7', code: 'COMMAND_UNDECODABLE', details: { paths } });
        expect(store.allWritten()).toHaveLength(0);
      });
    }

    it('never echoes the bad value in the message (T-10)', async () => {
      const result = await commandHandler(ticketCaseType, inMemoryEventStore())({ ...open, title: { phone: '+86 138 0000 1234' } })();
      expect(E.isLeft(result) && result.left.message).toContain('title: expected NonEmptyText, found an object');
      expect(JSON.stringify(E.isLeft(result) ? result.left : {})).not.toContain('138');
    });
  });

  it('fails the read of an undecodable stored event with stream, revision and type', async () => {
    const store = inMemoryEventStore();
    const handle = commandHandler(ticketCaseType, store);
    await handle(open)();
    const garbage: NewEvent = {
      eventId: 'g',
      type: 'NoteAdded',
      data: { type: 'NoteAdded', at: 'yesterday', note: 'x' },
      metadata: { ...store.allWritten()[0]?.metadata, schemaVersion: 2 },
    };
    await store.appendToStream('ticket-T1', [garbage], 0n)();
    const result = await handle(note(1))();
    expect(E.isLeft(result) && result.left).toMatchObject({
      code: 'STORED_EVENT_UNDECODABLE',
      streamName: 'ticket-T1',
      revision: 1n,
      eventType: 'NoteAdded',
    });
    expect(store.allWritten()).toHaveLength(2);
  });

  it('resends an append whose answer was lost with the same event ids, so it is written once', async () => {
    const store = inMemoryEventStore();
    // The first append reaches the store but its answer is lost on the way back.
    const lossy = losingAppendAnswers(store);
    const result = await commandHandler(ticketCaseType, lossy, { retryDelayMs: 1 })(open)();
    expect(E.isRight(result)).toBe(true);
    expect(lossy.appendCalls()).toBe(2);
    expect(store.allWritten()).toHaveLength(1);
  });

  it('gives up on a store that stays unavailable, after the resends', async () => {
    const store = inMemoryEventStore();
    let calls = 0;
    const down = {
      ...store,
      appendToStream: () => async () => {
        calls += 1;
        return E.left({ _tag: 'StoreError' as const, code: 'STORE_UNAVAILABLE' as const, retriable: true, message: 'down' });
      },
    };
    const result = await commandHandler(ticketCaseType, down, { retryDelayMs: 1, transientRetries: 3 })(open)();
    expect(E.isLeft(result) && result.left.code).toBe('STORE_UNAVAILABLE');
    expect(calls).toBe(4);
  });

  it('passes store failures through as values', async () => {
    const store = inMemoryEventStore();
    const down = async () => E.left({ _tag: 'StoreError' as const, code: 'STORE_UNAVAILABLE' as const, retriable: true, message: 'down' });
    const failing = { ...store, readStream: () => down, appendToStream: () => down };
    // A note needs the case read; an opening is appended at once (and resent, then given up).
    expect(await commandHandler(ticketCaseType, failing)(note(1))()).toMatchObject(E.left({ code: 'STORE_UNAVAILABLE' }));
    expect(await commandHandler(ticketCaseType, failing, { retryDelayMs: 1 })(open)()).toMatchObject(E.left({ code: 'STORE_UNAVAILABLE' }));
  });
});

describe('command handler under concurrency', () => {
  it('with enough attempts, N concurrent commands on one stream all land once, revisions contiguous', async () => {
    const store = inMemoryEventStore();
    const handle = commandHandler(ticketCaseType, store, { maxAttempts: 100 });
    await handle(open)();
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => handle(note(i))()));
    expect(results.every(E.isRight)).toBe(true);
    const loaded = await loadCase(ticketCaseType, store)(caseId(open.caseId))();
    if (E.isLeft(loaded)) throw new Error(loaded.left.message);
    expect(loaded.right.events.map((e) => e.revision)).toEqual(Array.from({ length: 26 }, (_, i) => BigInt(i)));
    const notes = loaded.right.state.status === 'open' ? loaded.right.state.notes : [];
    expect([...notes].sort()).toEqual(Array.from({ length: 25 }, (_, i) => `note ${i}`).sort());
  });

  it('each command is applied exactly once or fails with a conflict naming the stream after the bound', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 4 }), async (writers, maxAttempts) => {
        const store = inMemoryEventStore();
        const handle = commandHandler(ticketCaseType, store, { maxAttempts });
        await handle(open)();
        const results = await Promise.all(Array.from({ length: writers }, (_, i) => handle(note(i))()));
        const applied = results.flatMap((r, i) => (E.isRight(r) ? [`note ${i}`] : []));
        for (const r of results) {
          if (E.isLeft(r)) expect(r.left).toMatchObject({ code: 'CONCURRENCY_CONFLICT', streamName: 'ticket-T1', attempts: maxAttempts });
        }
        const written = store.allWritten();
        expect(written.map((e) => e.revision)).toEqual(Array.from({ length: written.length }, (_, i) => BigInt(i)));
        expect(
          written
            .slice(1)
            .map((e) => e.data['note'])
            .sort(),
        ).toEqual(applied.sort());
        // With one attempt only the first writer can win; with as many attempts as writers all do.
        if (maxAttempts >= writers) expect(applied).toHaveLength(writers);
        if (maxAttempts === 1) expect(applied).toHaveLength(1);
      }),
      { numRuns: 60 },
    );
  });
});

describe('command handler state cache', () => {
  const counting = () => {
    const store = inMemoryEventStore();
    let reads = 0;
    return {
      store: {
        ...store,
        readStream: (name: string) => {
          reads += 1;
          return store.readStream(name);
        },
      },
      reads: () => reads,
      raw: store,
    };
  };
  const close = { type: 'CloseTicket', caseId: 'T1', at: '2026-11-20T11:00:00+08:00', actor: manager };

  it('decides a command on a long case from the remembered state, without reading the stream again', async () => {
    const { store, reads } = counting();
    const handle = commandHandler(ticketCaseType, store);
    await handle(open)();
    for (let i = 0; i < 50; i++) await handle(note(i))();
    // The opening was appended expecting no stream, without a read; the notes were decided from the cache.
    expect(reads()).toBe(0);
    const loaded = await loadCase(ticketCaseType, store)(caseId('T1'))();
    expect(E.isRight(loaded) && loaded.right.revision).toBe(50n);
  });

  it('with another writer: a stale accept is caught by the expected revision and decided again on a fresh read', async () => {
    const { store } = counting();
    const mine = commandHandler(ticketCaseType, store);
    const theirs = commandHandler(ticketCaseType, store);
    await mine(open)();
    await theirs(close)();
    // My remembered state says "open"; the store says "closed": the note is refused, not written.
    const stale = await mine(note(1, '2026-11-20T12:00:00+08:00'))();
    expect(E.isLeft(stale) && stale.left.code).toBe('TICKET_NOT_OPEN');
    const read = await store.readStream('ticket-T1')();
    expect(E.isRight(read) && read.right.kind === 'stream' && read.right.events.map((e) => e.type)).toEqual(['TicketOpened', 'TicketClosed']);
  });

  it('with another writer: a refusal decided on a remembered state is confirmed on a fresh read first', async () => {
    const { store, raw } = counting();
    const mine = commandHandler(ticketCaseType, store);
    await mine(open)();
    await mine(close)();
    // Someone reopens the stream behind this handler's back (a ticket is opened again after a delete).
    await raw.deleteStream('ticket-T1', 'any')();
    const reopened = await commandHandler(ticketCaseType, raw)({ ...open, at: '2026-11-20T12:00:00+08:00' })();
    expect(E.isRight(reopened)).toBe(true);
    // Remembered: closed, so a note would be refused; fresh: open, so it is written.
    const result = await mine(note(2, '2026-11-20T13:00:00+08:00'))();
    expect(E.isRight(result) && result.right.appended.map((a) => a.event.type)).toEqual(['NoteAdded']);
  });

  it('can be turned off, and cleared', async () => {
    const { store, reads } = counting();
    const handle = commandHandler(ticketCaseType, store, { stateCacheSize: 0 });
    await handle(open)();
    await handle(note(1))();
    await handle(note(2))();
    expect(reads()).toBe(2);
    const cached = commandHandler(ticketCaseType, store);
    await cached(note(3))();
    cached.clearCache();
    await cached(note(4))();
    expect(reads()).toBe(4);
  });

  it('opens a case without reading; on a case that exists, the append expecting no stream conflicts and the command is decided on a read', async () => {
    const { store, reads } = counting();
    const first = commandHandler(ticketCaseType, store, { maxAttempts: 1 });
    expect(E.isRight(await first(open)())).toBe(true);
    expect(reads()).toBe(0);
    // Another handler, one attempt only: the guess costs none; the second opening is refused on the case as stored.
    const second = commandHandler(ticketCaseType, store, { maxAttempts: 1 });
    const again = await second({ ...open, at: '2026-11-20T12:00:00+08:00' })();
    expect(E.isLeft(again) && again.left.code).toBe('TICKET_EXISTS');
    expect(reads()).toBe(1);
    const read = await store.readStream('ticket-T1')();
    expect(E.isRight(read) && read.right.kind === 'stream' && read.right.events.map((e) => e.type)).toEqual(['TicketOpened']);
  });
});
