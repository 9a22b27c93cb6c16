/** JSON Lines export and import, bad lines, grouping, and the bulk audit over an export. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type EventStore,
  caseTypes,
  commandHandler,
  complaintCaseType,
  currentSchemaVersion,
  defaultCalendar,
  defaultPolicies,
  inMemoryEventStore,
  instantFromEpochMs,
} from '@caseledger/core';
import { complaintCommands } from '@caseledger/testing/arbitraries';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LineRead, bulkAudit, casesFromLines, exportStore, formatLine, importLines, lineProblemText, parseLine, readLines } from '../src/index.js';

const context = { policies: defaultPolicies, calendar: defaultCalendar };

/** Several complaints written through the handler, interleaved in the global log. */
const filledStore = async (count: number, seed: number) => {
  const store = inMemoryEventStore();
  const handle = commandHandler(complaintCaseType, store);
  const sequences = fc.sample(complaintCommands({ maxLength: 20 }), { numRuns: count, seed });
  for (let step = 0; sequences.some((s) => step < s.length); step++) {
    for (const [i, s] of sequences.entries()) {
      const c = s[step];
      if (c !== undefined) await handle({ ...c, caseId: `C${i}` })();
    }
  }
  return store;
};

const exportToLines = async (store: Pick<EventStore, 'readAll' | 'readStream'>) => {
  const lines: string[] = [];
  const written = await exportStore(store, async (line) => {
    lines.push(line);
  })();
  if (E.isLeft(written)) throw new Error(written.left.message);
  return lines;
};

async function* numbered(lines: ReadonlyArray<string>): AsyncGenerator<LineRead> {
  for (const [i, text] of lines.entries()) yield E.right({ line: i + 1, text });
}

describe('JSON Lines', () => {
  it('an export imported into an empty store reproduces every stream, revisions and metadata included', async () => {
    const source = await filledStore(5, 1);
    const lines = await exportToLines(source);
    const target = inMemoryEventStore();
    const report = await importLines(numbered(lines), target);
    expect(report).toEqual(E.right({ imported: lines.length, alreadyPresent: 0, badLines: [] }));
    const strip = (store: EventStore) => async () => {
      const all = await store.readAll()();
      return E.isRight(all)
        ? all.right.map(({ streamName, revision, eventId, type, data, metadata }) => ({ streamName, revision, eventId, type, data, metadata }))
        : [];
    };
    const sortKey = (e: { streamName: string; revision: bigint }) => `${e.streamName}/${String(e.revision).padStart(6, '0')}`;
    const [a, b] = [await strip(source)(), await strip(target)()];
    expect([...b].sort((x, y) => sortKey(x).localeCompare(sortKey(y)))).toEqual([...a].sort((x, y) => sortKey(x).localeCompare(sortKey(y))));
    // The export keeps each stream together and in revision order.
    const streams = lines.map((l) => (E.isRight(parseLine(l, 1)) ? JSON.parse(l).streamName : ''));
    expect(streams.filter((s, i) => i === 0 || s !== streams[i - 1])).toEqual([...new Set(streams)]);
  });

  it('a stream that was soft-deleted and written again is imported starting at the same revision, and reads the same', async () => {
    const source = inMemoryEventStore();
    const probe = (n: number) => ({ eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, type: 'Probe', data: { n }, metadata: {} });
    await source.appendToStream('complaint-R1', [probe(1), probe(2), probe(3)], 'no-stream')();
    await source.deleteStream('complaint-R1', 2n)();
    await source.appendToStream('complaint-R1', [probe(4)], 'no-stream')();
    await source.appendToStream('complaint-R1', [probe(5)], 3n)();
    const lines = await exportToLines(source);
    expect(lines.map((l) => JSON.parse(l).revision)).toEqual(['3', '4']);
    const target = inMemoryEventStore();
    // Re-created only when asked, up to a bound: by default a line past its stream's end is refused.
    expect(await importLines(numbered(lines), inMemoryEventStore(), { onBadLine: 'skip' })).toMatchObject(
      E.right({
        imported: 0,
        badLines: [
          { line: 1, problem: { kind: 'past-stream-end', end: '0' } },
          { line: 2, problem: { kind: 'past-stream-end', end: '0' } },
        ],
      }),
    );
    expect(await importLines(numbered(lines), target, { truncatedStartsUpTo: 3n })).toEqual(E.right({ imported: 2, alreadyPresent: 0, badLines: [] }));
    const read = await target.readStream('complaint-R1')();
    expect(E.isRight(read) && read.right.kind === 'stream' && read.right.events.map((e) => [e.revision, e.data['n']])).toEqual([
      [3n, 4],
      [4n, 5],
    ]);
    // Nothing else is listed: the stand-ins are gone as the deleted events were.
    const all = await target.readAll()();
    expect(E.isRight(all) && all.right.map((e) => e.data['n'])).toEqual([4, 5]);
    // The import goes on from there: the next append expects revision 4.
    expect(E.isRight(await target.appendToStream('complaint-R1', [probe(6)], 4n)())).toBe(true);
  });

  it('counts exactly: a repeated line is refused, not counted; an import run again counts what was there; a forged revision past the end writes nothing', async () => {
    const lines = await exportToLines(await filledStore(2, 1));
    const [first, second] = lines;
    if (first === undefined || second === undefined) throw new Error('export too short');
    const target = inMemoryEventStore();
    const repeated = await importLines(numbered([first, first, second, second]), target, { onBadLine: 'skip' });
    expect(E.isRight(repeated) && repeated.right.imported).toBe(target.allWritten().length);
    expect(repeated).toMatchObject(E.right({ imported: 2, alreadyPresent: 2, badLines: [] }));
    // The same revision with another event is a contradiction, not a resend.
    const contradicting = JSON.stringify({ ...JSON.parse(first), eventId: '00000000-0000-4000-8000-00000000ffff' });
    const refused = await importLines(numbered([contradicting]), target, { onBadLine: 'skip' });
    expect(refused).toMatchObject(E.right({ imported: 0, alreadyPresent: 0, badLines: [{ line: 1, problem: { kind: 'revision-taken' } }] }));
    const again = await importLines(numbered(lines), target);
    expect(again).toEqual(E.right({ imported: lines.length - 2, alreadyPresent: 2, badLines: [] }));
    expect(target.allWritten()).toHaveLength(lines.length);
    // One forged line claiming a huge revision: refused, and nothing at all is written.
    const forged = JSON.stringify({ ...JSON.parse(first), streamName: 'complaint-FORGED', revision: '9000000000' });
    const empty = inMemoryEventStore();
    const stopped = await importLines(numbered([forged]), empty);
    expect(E.isLeft(stopped) && stopped.left).toMatchObject({
      code: 'JSONL_BAD_LINE',
      line: 1,
      problem: { kind: 'past-stream-end', streamName: 'complaint-FORGED', revision: '9000000000', end: '0' },
    });
    expect(empty.allWritten()).toEqual([]);
    expect(E.isLeft(stopped) && lineProblemText(1, stopped.left.code === 'JSONL_BAD_LINE' ? stopped.left.problem : { kind: 'not-json' }, 'zh-CN')).toContain(
      '超出该流的末尾',
    );
  });

  it('reports a bad line with its number, and goes on or stops as asked', async () => {
    const good = await exportToLines(await filledStore(1, 2));
    const lines = [good[0] ?? '', '{not json', JSON.stringify({ format: 'other/9' }), ...good.slice(1)];
    const skipped = await importLines(numbered(lines), inMemoryEventStore(), { onBadLine: 'skip' });
    expect(E.isRight(skipped) && skipped.right.badLines.map((b) => b.message)).toEqual([
      'line 2: not valid JSON',
      'line 3: format: expected "caseledger.event/1", found another text',
    ]);
    expect(E.isRight(skipped) && skipped.right.imported).toBe(good.length);
    const stopped = await importLines(numbered(lines), inMemoryEventStore(), { onBadLine: 'stop' });
    expect(E.isLeft(stopped) && stopped.left).toMatchObject({ code: 'JSONL_BAD_LINE', line: 2 });
  });

  it('never quotes event data in a line error (T-10)', () => {
    const line = formatLine({
      streamName: 'complaint-X',
      revision: 0n,
      position: { commit: 0n, prepare: 0n },
      eventId: 'e',
      type: 'T',
      data: { phone: '13800001234' },
      metadata: {},
    });
    const broken = line.replace('"revision":"0"', '"revision":13800001234');
    expect(parseLine(broken, 7)).toEqual(
      E.left({ code: 'JSONL_BAD_LINE', line: 7, problem: { kind: 'bad-field', field: 'revision' }, message: 'line 7: revision: expected a decimal string' }),
    );
    expect(lineProblemText(7, { kind: 'bad-field', field: 'revision' }, 'zh-CN')).toBe('第 7 行：revision：应为十进制数字字符串');
    // A line of another system whose format field holds the customer's words.
    const foreign = JSON.stringify({ format: 'Wang Lei, +86 138 0000 1234', streamName: 'x' });
    const error = parseLine(foreign, 8);
    expect(E.isLeft(error) && error.left.message).toBe('line 8: format: expected "caseledger.event/1", found another text');
    expect(JSON.stringify(error)).not.toContain('Wang Lei');
    expect(E.isLeft(error) && lineProblemText(8, error.left.problem, 'zh-CN')).toBe('第 8 行：format：应为"caseledger.event/1"，实为其他文本');
  });

  it('reads a file line by line and audits every case in it', async () => {
    const store = await filledStore(6, 3);
    const lines = await exportToLines(store);
    const dir = mkdtempSync(join(tmpdir(), 'caseledger-'));
    const file = join(dir, 'events.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    let progress = { cases: 0, events: 0 };
    const summary = await bulkAudit(casesFromLines(readLines(file)), context, instantFromEpochMs(Date.parse('2026-12-31T00:00:00Z')), (n) => {
      progress = n;
    });
    expect(summary.cases).toEqual({ complaint: 6 });
    expect(progress).toEqual({ cases: 6, events: lines.length });
    expect(summary.events).toBe(lines.length);
    expect(summary.violations).toEqual({});
    expect(summary.problems).toEqual([]);
    for (const d of summary.deadlines) expect(d.missed).toBeLessThanOrEqual(d.applicable);
    expect(summary.findings).toBe(summary.deadlines.reduce((n, d) => n + d.missed, 0));
  });

  it('refuses an export whose streams are not kept together', async () => {
    const lines = await exportToLines(await filledStore(2, 4));
    const first = lines.findIndex((l) => l.includes('"complaint-C1"'));
    const shuffled = [...lines.slice(first), ...lines.slice(0, first), lines[first] ?? ''];
    const results = [];
    for await (const r of casesFromLines(numbered(shuffled))) results.push(r);
    expect(results.some((r) => E.isLeft(r) && r.left.code === 'EXPORT_NOT_GROUPED_BY_STREAM')).toBe(true);
  });
});

describe('an export over deleted streams', () => {
  it('leaves out a hard-deleted stream and says so, exports the rest, and a soft-deleted stream not at all', async () => {
    const store = await filledStore(3, 7);
    const all = await store.readAll()();
    const names = [...new Set(E.isRight(all) ? all.right.map((e) => e.streamName) : [])];
    const [tombstoned, softDeleted, kept] = names;
    if (tombstoned === undefined || softDeleted === undefined || kept === undefined) throw new Error('three streams expected');
    await store.deleteStream(softDeleted, 'any')();
    // The server answers a read of a tombstoned stream with "deleted"; the in-memory store has no tombstones.
    const withTombstone: Pick<EventStore, 'readAll' | 'readStream'> = {
      readAll: store.readAll,
      readStream: (name) =>
        name === tombstoned
          ? async () => E.left({ _tag: 'StoreError', code: 'STREAM_DELETED', retriable: false, streamName: name, message: 'tombstoned' })
          : store.readStream(name),
    };
    const lines: string[] = [];
    const skipped: string[] = [];
    const written = await exportStore(
      withTombstone,
      async (line) => void lines.push(line),
      1000,
      (s) => skipped.push(`${s.streamName} ${s.reason}`),
    )();
    expect(skipped).toEqual([`${tombstoned} hard-deleted`]);
    const exported = new Set(lines.map((l) => String(JSON.parse(l).streamName)));
    expect(exported).toEqual(new Set([kept]));
    expect(written).toEqual(E.right(lines.length));
  });
});

describe('docs/audit.md: the schema versions written today', () => {
  it('lists, per case type, every event type written at a version other than 1, and says 1 for the rest', () => {
    const doc = readFileSync(new URL('../../../docs/audit.md', import.meta.url), 'utf8');
    const table = doc.slice(doc.indexOf('<!-- schema-versions:start -->'), doc.indexOf('<!-- schema-versions:end -->'));
    const expected = caseTypes.entries.flatMap((entry) =>
      entry.use((caseType) => {
        const later = caseType.events.tags.filter((tag) => currentSchemaVersion(caseType.upcasters, tag) !== 1);
        return [
          ...later.map((tag) => `| ${caseType.category} | \`${tag}\` | ${currentSchemaVersion(caseType.upcasters, tag)} |`),
          `| ${caseType.category} | ${later.length === 0 ? 'every event type' : 'every other event type'} | 1 |`,
        ];
      }),
    );
    expect(table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| case type'))).toEqual(expected);
  });
});
