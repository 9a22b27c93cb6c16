/**
 * Where a report came from: the source, the tool and its version, when it was made, how many events
 * were read, and a SHA-256 of the input — of the file's bytes for an export (compare it with
 * `sha256sum`), or of the events read from a store, each as its export line.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { EventStore, RecordedEvent } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { formatLine } from './jsonl.js';

export interface Provenance {
  /** The file's path or the server's connection string (without credentials). */
  readonly source: string;
  /** `caseledger <version>`. */
  readonly tool: string;
  /** When the report was made (ISO-8601, UTC). */
  readonly generatedAt: string;
  /** Events read from the source. */
  readonly events: number;
  readonly sha256: string;
  /** What the hash covers: the file's bytes, or the events read (as export lines, one per line). */
  readonly sha256Of: 'file' | 'events';
}

/** The SHA-256 of a file's bytes, read as a stream. */
export const fileSha256 = (path: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });

/** A running SHA-256 of events, each as its export line and a newline (what `caseledger export` writes). */
export const eventsDigest = () => {
  const hash = createHash('sha256');
  let events = 0;
  return {
    add: (e: RecordedEvent): void => {
      hash.update(`${formatLine(e)}\n`);
      events += 1;
    },
    result: (): { readonly events: number; readonly sha256: string } => ({ events, sha256: hash.copy().digest('hex') }),
  };
};

/** A store whose stream reads are added to a digest as they are read. */
export const digestingReads = <S extends Pick<EventStore, 'readStream'>>(store: S, digest: ReturnType<typeof eventsDigest>): S => ({
  ...store,
  readStream: (streamName: string) => async () => {
    const read = await store.readStream(streamName)();
    if (E.isRight(read) && read.right.kind === 'stream') for (const e of read.right.events) digest.add(e);
    return read;
  },
});

/** What the hash covers, in words. */
export const hashCovers = (p: Provenance): string => (p.sha256Of === 'file' ? "the file's bytes" : 'the events read, as export lines');
