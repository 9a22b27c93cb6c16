/**
 * A projection: a name, a version, the event types it handles, and a pure fold of known events
 * into its read model. Changing the version rebuilds the read model from the first event.
 */
import type * as t from 'io-ts';
import type { KnownEvent } from './knownEvents.js';

export interface Projection<ReadModel> {
  readonly name: string;
  readonly version: number;
  /** Event types (`ComplaintReceived`, `ReturnAccepted`, …) the fold looks at; the runner skips the rest. */
  readonly handles: ReadonlySet<string>;
  readonly initial: ReadModel;
  /** Reads the read model back from JSON (stores such as PostgreSQL keep it as `jsonb`). */
  readonly codec: t.Decoder<unknown, ReadModel>;
  readonly apply: (readModel: ReadModel, event: KnownEvent) => ReadModel;
  /**
   * Optional: the same fold as `apply` over events in order, in one step. The catch-up runner folds
   * each batch with it, so a read model that keeps an entry per case copies its record once per
   * batch rather than once per event (see `foldEntries`).
   */
  readonly applyAll?: (readModel: ReadModel, events: ReadonlyArray<KnownEvent>) => ReadModel;
}

/** Fold events into a read model: `applyAll` where the projection has it, else `apply` one by one. */
export const applyEvents = <RM>(projection: Projection<RM>, readModel: RM, events: ReadonlyArray<KnownEvent>): RM =>
  projection.applyAll === undefined ? events.reduce(projection.apply, readModel) : projection.applyAll(readModel, events);

/** How events change a record of entries kept per key (usually per case). */
export interface EntryFold<Entry> {
  /** The entry an event is about; `undefined` for an event the record ignores. */
  readonly keyOf: (event: KnownEvent) => string | undefined;
  /** The entry's next value, or `undefined` to leave it as it is. */
  readonly step: (entry: Entry | undefined, event: KnownEvent) => Entry | undefined;
}

type Entries<Entry> = Readonly<Record<string, Entry>>;

const entryAt = <Entry>(entries: Entries<Entry>, key: string): Entry | undefined => (Object.hasOwn(entries, key) ? entries[key] : undefined);

/**
 * Fold events into a record of entries. The record is copied once, at the first change, and the
 * copy (this call's own) is changed in place: a batch costs the record's size once, not per event.
 * Keys are defined as own properties, so a case id such as `__proto__` is an entry like any other.
 */
export const foldEntries =
  <Entry>(fold: EntryFold<Entry>) =>
  (entries: Entries<Entry>, events: ReadonlyArray<KnownEvent>): Entries<Entry> => {
    let own: Record<string, Entry> | undefined;
    for (const event of events) {
      const key = fold.keyOf(event);
      if (key === undefined) continue;
      const next = fold.step(entryAt(own ?? entries, key), event);
      if (next === undefined) continue;
      own ??= { ...entries };
      Object.defineProperty(own, key, { value: next, enumerable: true, writable: true, configurable: true });
    }
    return own ?? entries;
  };

export const handlesEvent = <RM>(projection: Projection<RM>, event: KnownEvent): boolean => projection.handles.has(event.envelope.event.type);
