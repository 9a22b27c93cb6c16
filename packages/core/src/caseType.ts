/**
 * A case type bundles what the generic machinery needs to run one procedure: its stream category,
 * command and event codecs, decider, upcasters and history invariants.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Actor } from './actor.js';
import { type CaseId, type FieldError, type Instant, type TaggedUnion, decodeWith, describeFieldErrors } from './codecs.js';
import type { Decider } from './decider.js';
import { EventMetadata, type GlobalPosition, type RecordedEvent } from './event.js';
import type { HistoryInvariant } from './invariant.js';
import { withholdSealedFields } from './personalData.js';
import { type UpcasterRegistry, upcast } from './upcasting.js';

/** What every command carries: the case it is about, when it happened and who issued it (T-1, T-6). */
export interface CommandBase {
  readonly type: string;
  readonly caseId: CaseId;
  readonly at: Instant;
  readonly actor: Actor;
}

/** What every event carries: when it happened. */
export interface EventBase {
  readonly type: string;
  readonly at: Instant;
}

export interface CaseType<C extends CommandBase, Ev extends EventBase, S> {
  /** The stream category, e.g. `complaint`; streams are named `<category>-<caseId>`. */
  readonly category: string;
  readonly commands: TaggedUnion<C>;
  readonly events: TaggedUnion<Ev>;
  readonly decider: Decider<C, Ev, S>;
  readonly upcasters: UpcasterRegistry;
  readonly invariants: ReadonlyArray<HistoryInvariant<Ev>>;
  /** When the case closed, for the retention guard (T-9); `undefined` while it is open. */
  readonly closedAt: (state: S) => Instant | undefined;
}

export const streamNameOf = (category: string, caseId: CaseId): string => `${category}-${caseId}`;

/** A decoded stored event with its metadata and place. */
export interface EventEnvelope<Ev> {
  readonly event: Ev;
  readonly metadata: EventMetadata;
  readonly streamName: string;
  readonly revision: bigint;
  readonly position: GlobalPosition;
}

export interface EventDecodeError {
  readonly _tag: 'EventDecodeError';
  readonly code: 'STORED_EVENT_UNDECODABLE';
  readonly message: string;
  readonly streamName: string;
  readonly revision: bigint;
  readonly eventType: string;
  readonly errors: ReadonlyArray<FieldError>;
}

const decodeError = (recorded: RecordedEvent, reason: string, errors: ReadonlyArray<FieldError>): EventDecodeError => ({
  _tag: 'EventDecodeError',
  code: 'STORED_EVENT_UNDECODABLE',
  message: `Stored event ${recorded.type} at ${recorded.streamName}@${recorded.revision} cannot be read: ${reason}`,
  streamName: recorded.streamName,
  revision: recorded.revision,
  eventType: recorded.type,
  errors,
});

const decodeMetadata = decodeWith(EventMetadata);

/** Read a stored event: metadata, upcast to the current schema, decode. */
export const decodeRecorded =
  <Ev extends EventBase>(caseType: Pick<CaseType<CommandBase, Ev, unknown>, 'events' | 'upcasters'>) =>
  (recorded: RecordedEvent): E.Either<EventDecodeError, EventEnvelope<Ev>> => {
    const metadata = decodeMetadata(recorded.metadata);
    if (E.isLeft(metadata)) return E.left(decodeError(recorded, `metadata: ${describeFieldErrors(metadata.left)}`, metadata.left));
    // A sealed field this reader cannot open reads as withheld text (T-10); the rules never read it.
    const data = upcast(caseType.upcasters, recorded.type, metadata.right.schemaVersion, withholdSealedFields(recorded.data, recorded.metadata));
    if (E.isLeft(data)) return E.left(decodeError(recorded, data.left.message, []));
    const event = caseType.events.decode(data.right);
    if (E.isLeft(event)) return E.left(decodeError(recorded, describeFieldErrors(event.left), event.left));
    if (event.right.type !== recorded.type) {
      return E.left(decodeError(recorded, `its data says type ${event.right.type}`, [{ path: 'type', expected: JSON.stringify(recorded.type), found: 'a string' }]));
    }
    return E.right({
      event: event.right,
      metadata: metadata.right,
      streamName: recorded.streamName,
      revision: recorded.revision,
      position: recorded.position,
    });
  };
