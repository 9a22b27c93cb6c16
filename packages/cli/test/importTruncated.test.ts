/**
 * `caseledger import` of a stream that was soft-deleted and written again (it starts past revision
 * 0): on the EventStoreDB test double and, when EVENTSTOREDB_URL is set, on the real server.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { connectEventStoreDb } from '@caseledger/eventstoredb';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { formatLine } from '@caseledger/audit';
import { EXIT_CLEAN, run } from '../src/index.js';
// @ts-expect-error -- the test double is plain JavaScript without type declarations.
import { startDouble } from '../../eventstoredb/test/support/double.mjs';

const real = process.env['EVENTSTOREDB_URL'];

describe.each([{ target: 'the test double' }, ...(real === undefined ? [] : [{ target: real }])])(
  'import of a stream that starts past revision 0 ($target)',
  ({ target }) => {
    it('re-creates its start when asked (--truncated-starts-up-to), so the stream reads the same and $all lists only its events', async () => {
      const double: { connectionString: string; stop: () => Promise<void> } | undefined = target === real ? undefined : await startDouble();
      const url = double?.connectionString ?? target;
      const store = connectEventStoreDb(url);
      const source = `importprobe-S${randomUUID().slice(0, 8)}`;
      const copy = `importprobe-T${randomUUID().slice(0, 8)}`;
      const probe = (n: number) => ({ eventId: randomUUID(), type: 'Probe', data: { n }, metadata: {} });
      try {
        await store.appendToStream(source, [probe(1), probe(2)], 'no-stream')();
        await store.deleteStream(source, 1n)();
        await store.appendToStream(source, [probe(3), probe(4)], 'no-stream')();
        const read = await store.readStream(source)();
        const sourceEvents = E.isRight(read) && read.right.kind === 'stream' ? read.right.events : [];
        expect(sourceEvents.map((e) => e.revision)).toEqual([2n, 3n]);
        const file = join(mkdtempSync(join(tmpdir(), 'caseledger-import-')), 'in.jsonl');
        // The source's export lines, as a stream that does not exist yet, with new event ids.
        writeFileSync(file, sourceEvents.map((e) => formatLine({ ...e, streamName: copy, eventId: randomUUID() })).join('\n') + '\n');
        // Without --truncated-starts-up-to a line past its stream's end is refused and nothing is written.
        const refused: string[] = [];
        const io = { out: () => undefined, interactive: false, now: () => Date.now() };
        expect(await run(['import', '--file', file, '--eventstoredb', url], { ...io, err: (t) => refused.push(t) })).not.toBe(EXIT_CLEAN);
        expect(refused.join('\n')).toContain("lies past the stream's end");
        const none = await store.readStream(copy)();
        expect(E.isRight(none) && none.right.kind).toBe('no-stream');
        const err: string[] = [];
        const code = await run(['import', '--file', file, '--eventstoredb', url, '--truncated-starts-up-to', '2'], { ...io, err: (t) => err.push(t) });
        expect(err).toEqual([]);
        expect(code).toBe(EXIT_CLEAN);
        const copied = await store.readStream(copy)();
        expect(E.isRight(copied) && copied.right.kind === 'stream' && copied.right.events.map((e) => [e.revision, e.data['n']])).toEqual([
          [2n, 3],
          [3n, 4],
        ]);
        const all = await store.readAll({})();
        expect(E.isRight(all) && all.right.filter((e) => e.streamName === copy).map((e) => e.data['n'])).toEqual([3, 4]);
      } finally {
        await store.dispose();
        await double?.stop();
      }
    }, 120_000);
  },
);
