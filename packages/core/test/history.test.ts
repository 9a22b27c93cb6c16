import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { commandHandler, decodeRecorded, defaultPolicies, deleteCase, inMemoryEventStore, replay, retentionEndsAt, states, upcast } from '../src/index.js';
import { codes, judge, storedStream } from './fixtures/history.js';
import { manager, staff, ticketCaseType, ticketDecider } from './fixtures/ticket.js';
import { caseId, instant } from './fixtures/values.js';

const opened = { type: 'TicketOpened', at: '2026-11-20T09:00:00+08:00', by: staff, title: 'Dent', policyVersion: 'rulebook-2' } as const;

describe('replay', () => {
  it('folds a history into the state the decider sees, with every intermediate state', () => {
    const history = [opened, { type: 'NoteAdded', at: '2026-11-20T10:00:00+08:00', by: staff, note: 'photo received' }] as const;
    const parsed = history.map((e) => ticketCaseType.events.decode(e)).map((r) => (E.isRight(r) ? r.right : undefined));
    const events = parsed.filter((e) => e !== undefined);
    expect(events).toHaveLength(2);
    expect(replay(ticketDecider)(events)).toEqual({ status: 'open', title: 'Dent', notes: ['photo received'] });
    expect(states(ticketDecider)(events).map((s) => s.status)).toEqual(['open', 'open']);
  });
});

describe('T-1 in a stored history', () => {
  it('finds an event earlier than the one before it, at its stored revision, with the code the handler refuses with', async () => {
    const note = (at: string, text: string) => ({ type: 'NoteAdded', at, by: staff, note: text });
    const inOrder = [opened, note('2026-11-20T01:00:00Z', 'same instant, other zone')];
    const backwards = [...inOrder, note('2026-11-20T08:00:00+08:00', 'an hour early')];
    const check = judge(ticketCaseType);
    expect(codes(check('ticket-T1', storedStream(ticketCaseType, 'ticket-T1', inOrder)))).toEqual([]);
    expect(codes(check('ticket-T1', storedStream(ticketCaseType, 'ticket-T1', backwards)))).toEqual([['T-1', 'INSTANT_BEFORE_PREVIOUS_EVENT', 2]]);
    const handle = commandHandler(ticketCaseType, inMemoryEventStore());
    await handle({ type: 'OpenTicket', caseId: 'T1', at: opened.at, actor: staff, title: 'Dent' })();
    expect(await handle({ type: 'AddNote', caseId: 'T1', at: '2026-11-20T08:00:00+08:00', actor: staff, note: 'an hour early' })()).toMatchObject({
      left: { ruleId: 'T-1', code: 'INSTANT_BEFORE_PREVIOUS_EVENT' },
    });
  });
});

describe('upcasting', () => {
  it('reads an old schema version as the current one', async () => {
    const store = inMemoryEventStore();
    const handle = commandHandler(ticketCaseType, store);
    await handle({ type: 'OpenTicket', caseId: 'U1', at: opened.at, actor: staff, title: 'Dent' })();
    const metadata = { ...store.allWritten()[0]?.metadata, schemaVersion: 1, eventId: 'old' };
    await store.appendToStream(
      'ticket-U1',
      [{ eventId: 'old', type: 'NoteAdded', data: { type: 'NoteAdded', at: '2026-11-20T10:00:00+08:00', by: staff, text: 'v1 note' }, metadata }],
      0n,
    )();
    const read = await store.readStream('ticket-U1')();
    const recorded = E.isRight(read) && read.right.kind === 'stream' ? read.right.events[1] : undefined;
    if (recorded === undefined) throw new Error('not written');
    const decoded = decodeRecorded(ticketCaseType)(recorded);
    expect(E.isRight(decoded) && decoded.right.event).toEqual({ type: 'NoteAdded', at: '2026-11-20T10:00:00+08:00', by: staff, note: 'v1 note' });
  });

  it('refuses a version newer than the library knows, and a missing step', () => {
    expect(upcast(ticketCaseType.upcasters, 'NoteAdded', 3, {})).toMatchObject({ left: { code: 'EVENT_SCHEMA_TOO_NEW', currentVersion: 2 } });
    expect(upcast({ X: { currentVersion: 3, upcasters: { 1: (d) => d } } }, 'X', 1, {})).toMatchObject({
      left: { code: 'EVENT_UPCASTER_MISSING', version: 2 },
    });
    expect(upcast({}, 'Unlisted', 1, { a: 1 })).toEqual(E.right({ a: 1 }));
  });
});

describe('retention (T-9)', () => {
  const setUp = async () => {
    const store = inMemoryEventStore();
    const handle = commandHandler(ticketCaseType, store);
    await handle({ type: 'OpenTicket', caseId: 'R1', at: '2026-01-10T09:00:00+08:00', actor: staff, title: 'Dent' })();
    return { store, handle, remove: deleteCase(ticketCaseType, store, defaultPolicies) };
  };

  it('refuses to delete an open case', async () => {
    const { remove } = await setUp();
    expect(await remove(caseId('R1'), instant('2040-01-01T00:00:00Z'))()).toMatchObject({ left: { ruleId: 'T-9', code: 'CASE_NOT_CLOSED' } });
  });

  it('refuses before 3 years after closing, allows it after', async () => {
    const { store, handle, remove } = await setUp();
    await handle({ type: 'CloseTicket', caseId: 'R1', at: '2026-02-01T12:00:00+08:00', actor: manager })();
    expect(retentionEndsAt(instant('2026-02-01T12:00:00+08:00'), 3)).toBe('2029-02-01T04:00:00.000Z');
    const early = await remove(caseId('R1'), instant('2029-02-01T11:59:59+08:00'))();
    expect(early).toMatchObject({ left: { ruleId: 'T-9', code: 'RETENTION_PERIOD_NOT_OVER', details: { deletableFrom: '2029-02-01T04:00:00.000Z' } } });
    expect(await store.readStream('ticket-R1')()).toMatchObject({ right: { kind: 'stream' } });
    expect(E.isRight(await remove(caseId('R1'), instant('2029-02-01T12:00:00+08:00'))())).toBe(true);
    expect(await store.readStream('ticket-R1')()).toEqual(E.right({ kind: 'no-stream' }));
  });
});
