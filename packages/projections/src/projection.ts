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
}

export const handlesEvent = <RM>(projection: Projection<RM>, event: KnownEvent): boolean => projection.handles.has(event.envelope.event.type);
