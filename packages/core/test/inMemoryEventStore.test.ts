import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { type NewEvent, inMemoryEventStore } from '../src/index.js';

const event = (eventId: string, n: number): NewEvent => ({ eventId, type: 'Counted', data: { n, nested: { list: [n] } }, metadata: { eventId } });

const idsIn = async (store: ReturnType<typeof inMemoryEventStore>, stream: string) => {
  const read = await store.readStream(stream)();
  return E.isRight(read) && read.right.kind === 'stream' ? read.right.events.map((e) => e.eventId) : [];
};

describe('in-memory store: idempotent appends and isolation', () => {
  it('a retry whose expected revision no longer holds, of events already written, succeeds without writing again', async () => {
    const store = inMemoryEventStore();
    await store.appendToStream('s-1', [event('a', 1)], 'no-stream')();
    await store.appendToStream('s-1', [event('b', 2), event('c', 3)], 0n)();
    // The first retry builds the stream's id set; the append after it must keep the set current.
    // Answered as first written: revision 2, at the log's position of c.
    expect(await store.appendToStream('s-1', [event('b', 2), event('c', 3)], 0n)()).toEqual(
      E.right({ nextExpectedRevision: 2n, position: { commit: 2n, prepare: 2n } }),
    );
    await store.appendToStream('s-1', [event('d', 4)], 2n)();
    expect(await store.appendToStream('s-1', [event('d', 4)], 2n)()).toEqual(E.right({ nextExpectedRevision: 3n, position: { commit: 3n, prepare: 3n } }));
    expect(await idsIn(store, 's-1')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a retry that repeats only some of the ids is a conflict, not a partial write', async () => {
    const store = inMemoryEventStore();
    await store.appendToStream('s-2', [event('a', 1)], 'no-stream')();
    const retried = await store.appendToStream('s-2', [event('a', 1), event('x', 9)], 'no-stream')();
    expect(E.isLeft(retried) && retried.left.code).toBe('STREAM_REVISION_CONFLICT');
    expect(await idsIn(store, 's-2')).toEqual(['a']);
  });

  it('with `any`, events already in the stream are not written twice', async () => {
    const store = inMemoryEventStore();
    await store.appendToStream('s-3', [event('a', 1), event('b', 2)], 'any')();
    expect(await store.appendToStream('s-3', [event('a', 1), event('b', 2)], 'any')()).toEqual(
      E.right({ nextExpectedRevision: 1n, position: { commit: 1n, prepare: 1n } }),
    );
    await store.appendToStream('s-3', [event('c', 3)], 'exists')();
    expect(await idsIn(store, 's-3')).toEqual(['a', 'b', 'c']);
  });

  it('after a delete, the ids of the hidden events may be written again', async () => {
    const store = inMemoryEventStore();
    await store.appendToStream('s-4', [event('a', 1)], 'any')();
    await store.appendToStream('s-4', [event('a', 1)], 'any')();
    await store.deleteStream('s-4', 0n)();
    await store.appendToStream('s-4', [event('a', 1)], 'any')();
    expect(await idsIn(store, 's-4')).toEqual(['a']);
  });

  it('keeps its own copy: changing an appended object afterwards changes nothing stored', async () => {
    const store = inMemoryEventStore();
    const written = event('a', 1);
    await store.appendToStream('s-5', [written], 'no-stream')();
    const mutable: { n: number; nested: { list: number[] } } = { n: 1, nested: { list: [1] } };
    await store.appendToStream('s-5', [{ eventId: 'b', type: 'Counted', data: mutable, metadata: {} }], 0n)();
    mutable.n = 99;
    mutable.nested.list.push(99);
    const read = await store.readStream('s-5')();
    expect(E.isRight(read) && read.right.kind === 'stream' && read.right.events[1]?.data).toEqual({ n: 1, nested: { list: [1] } });
  });
});
