/**
 * A projection: a name, a version, the event types it handles, and a pure fold of known events
 * into rows, one per key (usually per case). A read model is its rows; a batch of events changes
 * only the rows its events are about, so a store loads and writes those rows and no others.
 * Changing the version rebuilds the read model from the first event.
 */
import type { CaseTypeRegistry } from '@caseledger/core';
import type * as t from 'io-ts';
import type { KnownEvent } from './knownEvents.js';

export interface Projection<Row> {
  readonly name: string;
  readonly version: number;
  /** Event types (`ComplaintReceived`, `ReturnAccepted`, …) the fold looks at; the runner skips the rest. */
  readonly handles: ReadonlySet<string>;
  /**
   * The case types whose streams the projection reads. A projection that names one folds over it:
   * an event of a type it handles in a stream of a category the registry does not own is parked
   * (`UNKNOWN_CASE_CATEGORY`), never skipped. Without one, the built-in case types, and streams of
   * other categories are none of its business.
   */
  readonly registry?: CaseTypeRegistry;
  /** An event the projection cannot fold, and why (e.g. a case type that gives no read model): parked and reported. */
  readonly refuses?: (event: KnownEvent) => { readonly code: string; readonly message: string } | undefined;
  /** Reads a row back from JSON (stores such as PostgreSQL keep its detail as `jsonb`). */
  readonly codec: t.Decoder<unknown, Row>;
  /** The row an event is about; `undefined` for an event the read model ignores. */
  readonly keyOf: (event: KnownEvent) => string | undefined;
  /**
   * The row's next value after events about it, in the order they happened; `undefined` leaves it
   * as it was (and creates none where there was none). Folding a batch at once or one event at a
   * time gives the same row.
   */
  readonly evolve: (row: Row | undefined, events: ReadonlyArray<KnownEvent>) => Row | undefined;
}

/** A read model: its rows by key. */
export type Rows<Row> = ReadonlyMap<string, Row>;

/** `evolve` from a step taken one event at a time (`undefined`: the event leaves the row as it is). */
export const stepByStep =
  <Row>(step: (row: Row | undefined, event: KnownEvent) => Row | undefined) =>
  (row: Row | undefined, events: ReadonlyArray<KnownEvent>): Row | undefined => {
    let current = row;
    let changed = false;
    for (const event of events) {
      const next = step(current, event);
      if (next === undefined) continue;
      current = next;
      changed = true;
    }
    return changed ? current : undefined;
  };

/** Events grouped by the row they are about, each group in the order given; the rest left out. */
export const eventsByRow = <Row>(projection: Projection<Row>, events: ReadonlyArray<KnownEvent>): ReadonlyMap<string, ReadonlyArray<KnownEvent>> => {
  const groups = new Map<string, KnownEvent[]>();
  for (const event of events) {
    const key = projection.keyOf(event);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [event]);
    else group.push(event);
  }
  return groups;
};

/** The rows a batch changes, given the rows it is about as they were (absent: none yet). */
export const changedRows = <Row>(projection: Projection<Row>, before: Rows<Row>, groups: ReadonlyMap<string, ReadonlyArray<KnownEvent>>): Map<string, Row> => {
  const changed = new Map<string, Row>();
  for (const [key, events] of groups) {
    const next = projection.evolve(before.get(key), events);
    if (next !== undefined) changed.set(key, next);
  }
  return changed;
};

/** Fold events into a whole read model held in memory (tests, examples, small read models). */
export const foldRows = <Row>(projection: Projection<Row>, rows: Rows<Row>, events: ReadonlyArray<KnownEvent>): Rows<Row> => {
  const handled = events.filter((e) => projection.handles.has(e.envelope.event.type));
  const changed = changedRows(projection, rows, eventsByRow(projection, handled));
  return changed.size === 0 ? rows : new Map([...rows, ...changed]);
};

export const handlesEvent = <Row>(projection: Projection<Row>, event: KnownEvent): boolean => projection.handles.has(event.envelope.event.type);
