/**
 * The JSON Lines format of caseledger, version 1: one stored event per line, as a portable backup
 * and as audit input. Every line is self-describing:
 *
 *   {"format":"caseledger.event/1","streamName":"complaint-C1","revision":"0",
 *    "position":{"commit":"0","prepare":"0"},"eventId":"…","type":"ComplaintReceived",
 *    "data":{…},"metadata":{…}}
 *
 * Revisions and positions are decimal strings (they are 64-bit on EventStoreDB). An export writes
 * each stream contiguously, in revision order, so a reader needs to hold one case at a time.
 */
import { createReadStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import {
  type EventStore,
  type GlobalPosition,
  type JsonValue,
  type Locale,
  type RecordedEvent,
  SealedText,
  type StoreError,
  isObjectValue,
  parseJson,
  personalPathsOf,
  valueAtPath,
  violationText,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';

export const JSONL_FORMAT = 'caseledger.event/1';

/** The fields of a line, each checked in turn. */
export type LineField = 'format' | 'streamName' | 'revision' | 'position' | 'eventId' | 'type' | 'data' | 'metadata';

/** What is wrong with a line, said in any language by `lineProblemText`; never the line's data (T-10). */
export type LineProblem =
  | { readonly kind: 'not-json' }
  | { readonly kind: 'not-an-object' }
  /** `found` only for `format`: none, another text, or the JSON type found. */
  | { readonly kind: 'bad-field'; readonly field: LineField; readonly found?: string }
  | { readonly kind: 'too-long'; readonly maxBytes: number }
  | { readonly kind: 'not-utf8' }
  /** The store refused the line's event (import): its code and message. */
  | { readonly kind: 'not-appended'; readonly code: string; readonly message: string }
  /** Import: the line's revision is already taken in its stream by another event (a repeated or conflicting line). */
  | { readonly kind: 'revision-taken'; readonly streamName: string; readonly revision: string }
  /** Import: the line's revision lies past its stream's end (`end` is the next revision the stream can take). */
  | { readonly kind: 'past-stream-end'; readonly streamName: string; readonly revision: string; readonly end: string };

export interface LineError {
  readonly code: 'JSONL_BAD_LINE';
  readonly line: number;
  readonly problem: LineProblem;
  /** `lineProblemText(line, problem)`, in English. */
  readonly message: string;
}

/** The words of line problems, one catalogue per language (a missing word does not compile). */
interface LineWords {
  readonly line: (n: number, what: string) => string;
  readonly notJson: string;
  readonly notAnObject: string;
  readonly expected: { readonly [F in LineField]: string };
  readonly badField: (field: LineField, expected: string, found: string | undefined) => string;
  readonly tooLong: (maxBytes: number) => string;
  readonly notUtf8: string;
  readonly notAppended: (code: string, message: string) => string;
  readonly revisionTaken: (streamName: string, revision: string) => string;
  readonly pastStreamEnd: (streamName: string, revision: string, end: string) => string;
}

const foundZh: Readonly<Record<string, string>> = {
  none: '缺失',
  'another text': '其他文本',
  'a number': '数字',
  'a boolean': '布尔值',
  'an object': '对象',
  'an array': '数组',
  null: 'null',
};

const lineWords: { readonly [L in Locale]: LineWords } = {
  en: {
    line: (n, what) => `line ${n}: ${what}`,
    notJson: 'not valid JSON',
    notAnObject: 'not a JSON object',
    expected: {
      format: `"${JSONL_FORMAT}"`,
      streamName: 'a non-empty string',
      revision: 'a decimal string',
      position: '{ commit, prepare } as decimal strings',
      eventId: 'a non-empty string',
      type: 'a non-empty string',
      data: 'an object',
      metadata: 'an object',
    },
    badField: (field, expected, found) => `${field}: expected ${expected}${found === undefined ? '' : `, found ${found}`}`,
    tooLong: (maxBytes) => `longer than ${maxBytes} bytes (raise --max-line-bytes to read it)`,
    notUtf8: 'not valid UTF-8',
    notAppended: (_code, message) => message,
    revisionTaken: (stream, revision) =>
      `${stream}@${revision} is already taken by another event (the line repeats or contradicts an earlier one); not imported`,
    pastStreamEnd: (stream, revision, end) => `${stream}@${revision} lies past the stream's end (its next revision is ${end}); not imported`,
  },
  'zh-CN': {
    line: (n, what) => `第 ${n} 行：${what}`,
    notJson: '不是有效的 JSON',
    notAnObject: '不是 JSON 对象',
    expected: {
      format: `"${JSONL_FORMAT}"`,
      streamName: '非空字符串',
      revision: '十进制数字字符串',
      position: '{ commit, prepare }，均为十进制数字字符串',
      eventId: '非空字符串',
      type: '非空字符串',
      data: '对象',
      metadata: '对象',
    },
    badField: (field, expected, found) => `${field}：应为${expected}${found === undefined ? '' : `，实为${foundZh[found] ?? found}`}`,
    tooLong: (maxBytes) => `超过 ${maxBytes} 字节（可用 --max-line-bytes 调高上限后再读）`,
    notUtf8: '不是有效的 UTF-8',
    notAppended: (code, message) => `未能写入：${violationText(code, 'zh-CN') ?? message}`,
    revisionTaken: (stream, revision) => `${stream}@${revision} 已被另一事件占用（该行与前面的行重复或矛盾），未导入`,
    pastStreamEnd: (stream, revision, end) => `${stream}@${revision} 超出该流的末尾（下一个版本号为 ${end}），未导入`,
  },
};

/** A line's problem in a language, with its number: `line 3: not valid JSON`, `第 3 行：不是有效的 JSON`. */
export const lineProblemText = (line: number, problem: LineProblem, locale: Locale = 'en'): string => {
  const w = lineWords[locale];
  const what = ((): string => {
    switch (problem.kind) {
      case 'not-json':
        return w.notJson;
      case 'not-an-object':
        return w.notAnObject;
      case 'bad-field':
        return w.badField(problem.field, w.expected[problem.field], problem.found);
      case 'too-long':
        return w.tooLong(problem.maxBytes);
      case 'not-utf8':
        return w.notUtf8;
      case 'not-appended':
        return w.notAppended(problem.code, problem.message);
      case 'revision-taken':
        return w.revisionTaken(problem.streamName, problem.revision);
      case 'past-stream-end':
        return w.pastStreamEnd(problem.streamName, problem.revision, problem.end);
    }
  })();
  return w.line(line, what);
};

export const lineError = (line: number, problem: LineProblem): LineError => ({
  code: 'JSONL_BAD_LINE',
  line,
  problem,
  message: lineProblemText(line, problem),
});

const bad = (line: number, problem: LineProblem): E.Either<LineError, never> => E.left(lineError(line, problem));

const DECIMAL = /^\d+$/;

export const formatLine = (e: RecordedEvent): string =>
  JSON.stringify({
    format: JSONL_FORMAT,
    streamName: e.streamName,
    revision: e.revision.toString(),
    position: { commit: e.position.commit.toString(), prepare: e.position.prepare.toString() },
    eventId: e.eventId,
    type: e.type,
    data: e.data,
    metadata: e.metadata,
  });

/** Read one line; the error names the line number and what is wrong, never the data (T-10). */
export const parseLine = (text: string, line: number): E.Either<LineError, RecordedEvent> => {
  let value: JsonValue;
  try {
    value = parseJson(text);
  } catch {
    return bad(line, { kind: 'not-json' });
  }
  if (!isObjectValue(value)) return bad(line, { kind: 'not-an-object' });
  const { format, streamName, revision, position, eventId, type, data, metadata } = value;
  // The value is never echoed: a line is customer data until proven otherwise (T-10).
  if (format !== JSONL_FORMAT)
    return bad(line, {
      kind: 'bad-field',
      field: 'format',
      found:
        format === undefined
          ? 'none'
          : typeof format === 'string'
            ? 'another text'
            : Array.isArray(format)
              ? 'an array'
              : format === null
                ? 'null'
                : typeof format === 'object'
                  ? 'an object'
                  : `a ${typeof format}`,
    });
  if (typeof streamName !== 'string' || streamName === '') return bad(line, { kind: 'bad-field', field: 'streamName' });
  if (typeof revision !== 'string' || !DECIMAL.test(revision)) return bad(line, { kind: 'bad-field', field: 'revision' });
  if (
    position === undefined ||
    !isObjectValue(position) ||
    typeof position['commit'] !== 'string' ||
    typeof position['prepare'] !== 'string' ||
    !DECIMAL.test(position['commit']) ||
    !DECIMAL.test(position['prepare'])
  ) {
    return bad(line, { kind: 'bad-field', field: 'position' });
  }
  if (typeof eventId !== 'string' || eventId === '') return bad(line, { kind: 'bad-field', field: 'eventId' });
  if (typeof type !== 'string' || type === '') return bad(line, { kind: 'bad-field', field: 'type' });
  if (data === undefined || !isObjectValue(data)) return bad(line, { kind: 'bad-field', field: 'data' });
  if (metadata === undefined || !isObjectValue(metadata)) return bad(line, { kind: 'bad-field', field: 'metadata' });
  const at: GlobalPosition = { commit: BigInt(position['commit']), prepare: BigInt(position['prepare']) };
  return E.right({ streamName, revision: BigInt(revision), position: at, eventId, type, data, metadata });
};

export interface NumberedLine {
  readonly line: number;
  readonly text: string;
}

/** A line as read: its text, or why it cannot be read (too long, not UTF-8). */
export type LineRead = E.Either<LineError, NumberedLine>;

/** The longest line `readLines` reads unless told otherwise: 16 MiB. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

export interface ReadLinesOptions {
  /** A longer line is refused without ever being held whole. Default `DEFAULT_MAX_LINE_BYTES`. */
  readonly maxLineBytes?: number;
  /** Called with the number of bytes of each chunk read, for progress. */
  readonly onBytes?: (bytes: number) => void;
}

const NEWLINE = 0x0a;

/**
 * The lines of a file, numbered from 1, read as a stream of bytes: memory holds at most one line of
 * up to `maxLineBytes` (a longer one is refused and skipped), whatever the file's size. Each line
 * must be UTF-8 (a line that is not is refused, never silently repaired); a byte-order mark at the
 * start is ignored, as are CR before LF and blank lines.
 */
export async function* readLines(path: string, options: ReadLinesOptions = {}): AsyncGenerator<LineRead> {
  const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 0;
  const finish = (): LineRead | undefined => {
    line += 1;
    const bytes = Buffer.concat(parts, size);
    parts = [];
    size = 0;
    if (tooLong) {
      tooLong = false;
      return E.left(lineError(line, { kind: 'too-long', maxBytes: max }));
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return E.left(lineError(line, { kind: 'not-utf8' }));
    }
    if (line === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return text.trim() === '' ? undefined : E.right({ line, text });
  };
  for await (const chunk of createReadStream(path)) {
    if (!Buffer.isBuffer(chunk)) continue;
    options.onBytes?.(chunk.length);
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      const piece = chunk.subarray(start, newline < 0 ? chunk.length : newline);
      if (!tooLong && size + piece.length > max) {
        tooLong = true;
        parts = [];
        size = 0;
      }
      if (!tooLong) {
        parts.push(piece);
        size += piece.length;
      }
      if (newline < 0) break;
      const read = finish();
      if (read !== undefined) yield read;
      start = newline + 1;
    }
  }
  if (size > 0 || tooLong) {
    const read = finish();
    if (read !== undefined) yield read;
  }
}

/** T-10: an export keeps personal fields sealed; an event whose personal fields were opened is not written. */
export interface ExportRevealError {
  readonly code: 'EXPORT_WOULD_REVEAL_PERSONAL_DATA';
  readonly message: string;
  readonly streamName: string;
  readonly revision: bigint;
}

const revealedPath = (e: RecordedEvent): string | undefined =>
  personalPathsOf(e.metadata).find((path) => {
    const value = valueAtPath(e.data, path);
    return value !== undefined && !SealedText.is(value);
  });

/** A stream the export left out, and why. */
export interface SkippedStream {
  readonly streamName: string;
  /** `hard-deleted`: tombstoned on the server; it reads as deleted and can never be written again. */
  readonly reason: 'hard-deleted';
}

/**
 * Export every stream of a store, each stream contiguous and in revision order. Memory holds the
 * list of stream names and one stream at a time. A stream is exported as a read of it returns it:
 * a soft-deleted stream's earlier events are gone (the server still lists them in `$all` until a
 * scavenge), a hard-deleted stream is left out and told to `onSkipped`. Export from the sealed
 * store (a confidential store's `sealed`): read through the keys, the personal fields would be
 * opened, and the export stops at the first such event.
 */
export const exportStore =
  (
    store: Pick<EventStore, 'readAll' | 'readStream'>,
    write: (line: string) => Promise<void>,
    pageSize = 1000,
    onSkipped: (skipped: SkippedStream) => void = () => undefined,
  ): TE.TaskEither<StoreError | ExportRevealError, number> =>
  async () => {
    const streams: string[] = [];
    const seen = new Set<string>();
    let after: GlobalPosition | undefined;
    for (;;) {
      const page = await store.readAll(after === undefined ? { maxCount: pageSize } : { after, maxCount: pageSize })();
      if (E.isLeft(page)) return page;
      for (const e of page.right) {
        if (!seen.has(e.streamName)) {
          seen.add(e.streamName);
          streams.push(e.streamName);
        }
      }
      const last = page.right[page.right.length - 1];
      if (last === undefined || page.right.length < pageSize) break;
      after = last.position;
    }
    let written = 0;
    for (const name of streams) {
      const read = await store.readStream(name)();
      if (E.isLeft(read) && read.left.code === 'STREAM_DELETED') {
        onSkipped({ streamName: name, reason: 'hard-deleted' });
        continue;
      }
      if (E.isLeft(read)) return read;
      if (read.right.kind === 'no-stream') continue;
      for (const e of read.right.events) {
        const revealed = revealedPath(e);
        if (revealed !== undefined) {
          return E.left({
            code: 'EXPORT_WOULD_REVEAL_PERSONAL_DATA',
            streamName: e.streamName,
            revision: e.revision,
            message: `${e.type} at ${e.streamName}@${e.revision} holds ${revealed} opened, not sealed: export from the sealed store, not through the keys.`,
          });
        }
        await write(formatLine(e));
        written += 1;
      }
    }
    return E.right(written);
  };

/** The event type of the stand-ins `truncatedStart` writes and deletes at once. */
export const TRUNCATED_START_EVENT_TYPE = '$caseledger-truncated';

/**
 * Make a stream that does not exist start at revision `first`, as it did in the store it was
 * exported from (written, soft-deleted, written again): `first` stand-in events, deleted at once,
 * so the next append expecting `first - 1` lands at `first`. Stream reads and `$all` never list
 * the stand-ins; their type starts with `$`, like the server's own events.
 */
export const truncatedStart =
  (store: Pick<EventStore, 'appendToStream' | 'deleteStream'>, streamName: string, first: bigint): TE.TaskEither<StoreError, void> =>
  async () => {
    const perAppend = 2_000n;
    for (let written = 0n; written < first;) {
      const count = first - written < perAppend ? first - written : perAppend;
      const standIns = Array.from({ length: Number(count) }, () => ({ eventId: randomUUID(), type: TRUNCATED_START_EVENT_TYPE, data: {}, metadata: {} }));
      const appended = await store.appendToStream(streamName, standIns, written === 0n ? 'no-stream' : written - 1n)();
      if (E.isLeft(appended)) return appended;
      written += count;
    }
    return store.deleteStream(streamName, first - 1n)();
  };

export interface ImportReport {
  /** Events this run appended: exactly what the store holds now that it did not before. */
  readonly imported: number;
  /** Lines whose event the store already held, same id at the same revision (an import run again after it stopped). */
  readonly alreadyPresent: number;
  readonly badLines: ReadonlyArray<LineError>;
}

export interface ImportOptions {
  /** What a bad line does: the import goes on (`skip`) or stops there (`stop`, the default). */
  readonly onBadLine?: 'skip' | 'stop';
  /**
   * Re-create a stream whose first line is past revision 0 (soft-deleted and written again at the
   * source) up to this revision, with stand-in events deleted at once (`truncatedStart`). Off by
   * default: a line past its stream's end is then refused, so one forged line cannot make the
   * import write without bound.
   */
  readonly truncatedStartsUpTo?: bigint;
}

/** Where an import stands in one stream: its next free revision, and the ids of the events it already holds. */
interface StreamEnd {
  readonly streamName: string;
  next: bigint;
  readonly ids: Map<bigint, string>;
}

/**
 * Import lines into a store, keeping each event's revision (the append expects the revision
 * before it), so an import into an empty store reproduces the streams exactly. Each stream is read
 * once when its first line comes: a line at a revision the store already holds is counted as
 * already present when it is the same event, and refused when it is another (a repeated or
 * contradicting line); a line past the stream's end is refused, never filled in. A bad line is
 * reported with its number; the import goes on (`skip`) or stops there (`stop`).
 */
export const importLines = async (
  lines: AsyncIterable<LineRead>,
  store: Pick<EventStore, 'readStream' | 'appendToStream' | 'deleteStream'>,
  options: ImportOptions = {},
): Promise<E.Either<LineError | StoreError, ImportReport>> => {
  const onBadLine = options.onBadLine ?? 'stop';
  let imported = 0;
  let alreadyPresent = 0;
  const badLines: LineError[] = [];
  // The stream the lines are in now; an export keeps each stream together, so one is held at a time.
  let current: StreamEnd | undefined;
  const endOf = async (streamName: string): Promise<E.Either<StoreError, StreamEnd>> => {
    if (current?.streamName === streamName) return E.right(current);
    const read = await store.readStream(streamName)();
    if (E.isLeft(read)) return read;
    const ids = new Map<bigint, string>();
    if (read.right.kind === 'stream') for (const e of read.right.events) ids.set(e.revision, e.eventId);
    current = { streamName, next: read.right.kind === 'stream' ? read.right.revision + 1n : 0n, ids };
    return E.right(current);
  };
  for await (const read of lines) {
    const lineNumber = E.isRight(read) ? read.right.line : read.left.line;
    const parsed = E.chain(({ text, line }: NumberedLine) => parseLine(text, line))(read);
    const refuse = (problem: LineProblem): E.Either<LineError, void> => {
      const failure = lineError(lineNumber, problem);
      if (onBadLine === 'stop') return E.left(failure);
      badLines.push(failure);
      return E.right(undefined);
    };
    if (E.isLeft(parsed)) {
      if (onBadLine === 'stop') return parsed;
      badLines.push(parsed.left);
      continue;
    }
    const e = parsed.right;
    const found = await endOf(e.streamName);
    if (E.isLeft(found)) return found;
    const stream = found.right;
    const revision = e.revision.toString();
    if (e.revision < stream.next) {
      const held = stream.ids.get(e.revision);
      if (held === e.eventId) {
        alreadyPresent += 1;
        continue;
      }
      const refused = refuse({ kind: 'revision-taken', streamName: e.streamName, revision });
      if (E.isLeft(refused)) return refused;
      continue;
    }
    const truncated = stream.next === 0n && e.revision > 0n && options.truncatedStartsUpTo !== undefined && e.revision <= options.truncatedStartsUpTo;
    if (e.revision > stream.next && !truncated) {
      const refused = refuse({ kind: 'past-stream-end', streamName: e.streamName, revision, end: stream.next.toString() });
      if (E.isLeft(refused)) return refused;
      continue;
    }
    // A stream exported after a soft delete starts past revision 0: re-create its start first (only when asked, up to a bound).
    const started = truncated ? await truncatedStart(store, e.streamName, e.revision)() : E.right(undefined);
    const appended = E.isLeft(started)
      ? started
      : await store.appendToStream(
          e.streamName,
          [{ eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata }],
          e.revision === 0n ? 'no-stream' : e.revision - 1n,
        )();
    if (E.isLeft(appended)) {
      // Another writer moved the stream meanwhile: read it again at its next line.
      current = undefined;
      const refused = refuse({ kind: 'not-appended', code: appended.left.code, message: appended.left.message });
      if (E.isLeft(refused)) return refused;
      continue;
    }
    stream.ids.set(e.revision, e.eventId);
    stream.next = e.revision + 1n;
    imported += 1;
  }
  return E.right({ imported, alreadyPresent, badLines });
};
