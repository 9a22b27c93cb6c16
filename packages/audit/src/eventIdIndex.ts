/**
 * T-12 across streams: every event id appears once in the whole store, not only once in its stream.
 * A bulk audit sees millions of events one case at a time, so the ids are kept compactly — 64 bits
 * of hash and where the event stood, 16 bytes an event — and compared once at the end.
 */

/** An event id met in a second stream (or twice at two revisions): where it was first, and where again. */
export interface RepeatedEventId {
  readonly first: { readonly streamName: string; readonly revision: string };
  readonly again: { readonly streamName: string; readonly revision: string };
}

/** Two independent 32-bit FNV-1a hashes of the id (seeds differ): a false match needs both to collide. */
const hashes = (text: string): readonly [number, number] => {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return [a >>> 0, b >>> 0];
};

export interface EventIdIndex {
  /** Note the events of one stream, in the order read. */
  readonly add: (streamName: string, events: ReadonlyArray<{ readonly eventId: string; readonly revision: bigint }>) => void;
  /** Every id met more than once across streams, each later occurrence against the first, in the order read. */
  readonly repeated: () => ReadonlyArray<RepeatedEventId>;
}

export const eventIdIndex = (): EventIdIndex => {
  let hi = new Uint32Array(1024);
  let lo = new Uint32Array(1024);
  let stream = new Uint32Array(1024);
  let revision = new Float64Array(1024);
  let count = 0;
  const streams: string[] = [];
  const grow = (): void => {
    const size = hi.length * 2;
    const more = <A extends Uint32Array | Float64Array>(old: A, make: (n: number) => A): A => {
      const next = make(size);
      next.set(old);
      return next;
    };
    hi = more(hi, (n) => new Uint32Array(n));
    lo = more(lo, (n) => new Uint32Array(n));
    stream = more(stream, (n) => new Uint32Array(n));
    revision = more(revision, (n) => new Float64Array(n));
  };
  return {
    add: (streamName, events) => {
      const s = streams.length;
      streams.push(streamName);
      // Within a stream the history check already reports a repeated id (EVENT_ID_REPEATED).
      const seen = new Set<string>();
      for (const e of events) {
        if (seen.has(e.eventId)) continue;
        seen.add(e.eventId);
        if (count === hi.length) grow();
        const [h, l] = hashes(e.eventId);
        hi[count] = h;
        lo[count] = l;
        stream[count] = s;
        revision[count] = Number(e.revision);
        count += 1;
      }
    },
    repeated: () => {
      const order = new Uint32Array(count);
      for (let i = 0; i < count; i++) order[i] = i;
      // By hash, then by the order read, so the first occurrence comes first.
      order.sort((x, y) => (hi[x] ?? 0) - (hi[y] ?? 0) || (lo[x] ?? 0) - (lo[y] ?? 0) || x - y);
      const out: { readonly at: number; readonly repeat: RepeatedEventId }[] = [];
      const where = (i: number) => ({ streamName: streams[stream[i] ?? 0] ?? '', revision: String(revision[i] ?? 0) });
      for (let k = 1; k < count; k++) {
        const i = order[k] ?? 0;
        let first = order[k - 1] ?? 0;
        if (hi[i] !== hi[first] || lo[i] !== lo[first]) continue;
        // The run's first member is the earliest read.
        let j = k - 1;
        while (j > 0 && hi[order[j - 1] ?? 0] === hi[i] && lo[order[j - 1] ?? 0] === lo[i]) j -= 1;
        first = order[j] ?? 0;
        out.push({ at: i, repeat: { first: where(first), again: where(i) } });
      }
      return out.sort((a, b) => a.at - b.at).map((r) => r.repeat);
    },
  };
};
