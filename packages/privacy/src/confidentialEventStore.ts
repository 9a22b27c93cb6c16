/**
 * An `EventStore` that seals personal data (T-10). On append, each personal field of an event is
 * replaced by its AES-256-GCM ciphertext under the key of the case's customer, and the event's
 * metadata lists the sealed paths; on read, each is opened again, or reads as `ERASED_TEXT` when the
 * customer was forgotten. The store underneath only ever sees ciphertext.
 */
import {
  ERASED_TEXT,
  type EventStore,
  type JsonObject,
  type NewEvent,
  type PersonalDataErrorCode,
  type PersonalDataSpec,
  type RecordedEvent,
  SealedText,
  type StoreError,
  defaultPersonalData,
  personalPathsOf,
  updateAtPath,
  valueAtPath,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import type { KeyStore, KeyStoreError, SubjectKey } from './keyStore.js';
import { openSealed, sealText } from './seal.js';

export interface ConfidentialEventStoreOptions {
  /** Where the sealed events go: any `EventStore` (in memory, EventStoreDB). */
  readonly store: EventStore;
  readonly keys: KeyStore;
  /** Which fields are sealed. Default: `defaultPersonalData`, every free-text field the catalogue decides personal (`personalDataCatalogue`). */
  readonly personalData?: PersonalDataSpec;
}

export interface ConfidentialEventStore extends EventStore {
  /** The store underneath, as it holds the events: sealed. Export from this one. */
  readonly sealed: EventStore;
}

const personalDataError = (code: PersonalDataErrorCode, streamName: string, path: string, message: string): StoreError => ({
  _tag: 'StoreError',
  code,
  retriable: false,
  streamName,
  path,
  message,
});

/** Where the command's digest stands in an event's metadata; bound into its seal like a data path. */
const FINGERPRINT = 'metadata.commandFingerprint';

const fromKeyStore = (e: KeyStoreError): StoreError => ({
  _tag: 'StoreError',
  code: e.code,
  retriable: e.code === 'KEY_STORE_UNAVAILABLE',
  message: e.message,
});

/** The customer an event names: its `customer.id`. */
const customerIdOf = (data: JsonObject): string | undefined => {
  const id = valueAtPath(data, 'customer.id');
  return typeof id === 'string' ? id : undefined;
};

export const confidentialEventStore = (options: ConfidentialEventStoreOptions): ConfidentialEventStore => {
  const { store, keys } = options;
  const spec = options.personalData ?? defaultPersonalData;
  // A case's customer never changes: the customer its first event names.
  const subjects = new Map<string, string>();

  /** The customer of a case: remembered, or read from the first event of its stream that names one. */
  const subjectOfStream = async (streamName: string): Promise<E.Either<StoreError, string | undefined>> => {
    const known = subjects.get(streamName);
    if (known !== undefined) return E.right(known);
    const read = await store.readStream(streamName)();
    if (E.isLeft(read)) return read;
    if (read.right.kind === 'no-stream') return E.right(undefined);
    for (const e of read.right.events) {
      const id = customerIdOf(e.data);
      if (id !== undefined) {
        subjects.set(streamName, id);
        return E.right(id);
      }
    }
    return E.right(undefined);
  };

  const seal = async (streamName: string, events: ReadonlyArray<NewEvent>): Promise<E.Either<StoreError, ReadonlyArray<NewEvent>>> => {
    const existing = await subjectOfStream(streamName);
    if (E.isLeft(existing)) return existing;
    let subject = existing.right;
    const sealedEvents: NewEvent[] = [];
    for (const event of events) {
      const named = customerIdOf(event.data);
      if (named !== undefined && subject !== undefined && named !== subject) {
        return E.left(
          personalDataError(
            'PERSONAL_DATA_SUBJECT_MISMATCH',
            streamName,
            'customer.id',
            `${event.type} in ${streamName} names another customer than the case's; it is not written.`,
          ),
        );
      }
      subject = subject ?? named;
      const paths = (spec[event.type] ?? []).filter((p) => valueAtPath(event.data, p) !== undefined);
      const [firstPath] = paths;
      const fingerprint = event.metadata['commandFingerprint'];
      if (firstPath === undefined && (typeof fingerprint !== 'string' || subject === undefined)) {
        sealedEvents.push(event);
        continue;
      }
      if (subject === undefined) {
        return E.left(
          personalDataError(
            'PERSONAL_DATA_SUBJECT_UNKNOWN',
            streamName,
            firstPath ?? '',
            `${event.type} in ${streamName} has personal data at ${firstPath ?? ''} but the stream names no customer to seal it for.`,
          ),
        );
      }
      const issued = await keys.issue(subject)();
      if (E.isLeft(issued)) return E.left(fromKeyStore(issued.left));
      if (issued.right.status === 'erased') {
        // A step without personal data goes on for a forgotten customer; its command's digest covers
        // no more than the event itself says, so it is kept as it is.
        if (firstPath === undefined) {
          sealedEvents.push(event);
          continue;
        }
        return E.left(
          personalDataError(
            'PERSONAL_DATA_SUBJECT_ERASED',
            streamName,
            firstPath,
            `${event.type} in ${streamName} carries personal data of a customer who was forgotten; it is not written.`,
          ),
        );
      }
      const key = issued.right.key;
      let data = event.data;
      for (const path of paths) {
        const value = valueAtPath(data, path);
        if (SealedText.is(value)) continue;
        if (typeof value !== 'string') {
          return E.left(
            personalDataError(
              'PERSONAL_FIELD_NOT_TEXT',
              streamName,
              path,
              `${event.type}.${path} is marked personal but does not hold text; only text fields can be sealed.`,
            ),
          );
        }
        const sealed = sealText(key, { subject, streamName, eventId: event.eventId, path }, value);
        data = updateAtPath(data, path, () => sealed);
      }
      // T-13's digest of the command is sealed too: once the key is gone, no guess can be checked against it (T-10).
      const metadata =
        typeof fingerprint === 'string'
          ? { ...event.metadata, commandFingerprint: sealText(key, { subject, streamName, eventId: event.eventId, path: FINGERPRINT }, fingerprint) }
          : event.metadata;
      sealedEvents.push({ ...event, data, metadata: paths.length === 0 ? metadata : { ...metadata, personal: paths } });
    }
    if (subject !== undefined) subjects.set(streamName, subject);
    return E.right(sealedEvents);
  };

  /**
   * Open the sealed fields of events as read; one key lookup per customer per read. A value opens
   * only in its own stream, for the case's own customer: one moved into another case is reported.
   */
  const open = async (events: ReadonlyArray<RecordedEvent>, onUnreadable: 'fail' | 'mark'): Promise<E.Either<StoreError, ReadonlyArray<RecordedEvent>>> => {
    const known = new Map<string, SubjectKey>();
    const keyOf = async (subject: string): Promise<E.Either<StoreError, SubjectKey>> => {
      const remembered = known.get(subject);
      if (remembered !== undefined) return E.right(remembered);
      const looked = await keys.lookup(subject)();
      if (E.isLeft(looked)) return E.left(fromKeyStore(looked.left));
      known.set(subject, looked.right);
      return E.right(looked.right);
    };
    /** The event with its sealed fields opened; a field that must not or cannot be opened is a `StoreError` naming it (a `Left` inside the `Right`). */
    const openEvent = async (event: RecordedEvent, caseSubject: string | undefined): Promise<E.Either<StoreError, E.Either<StoreError, RecordedEvent>>> => {
      const paths = personalPathsOf(event.metadata);
      const fingerprint = event.metadata['commandFingerprint'];
      const sealedFingerprint = SealedText.is(fingerprint) ? fingerprint : undefined;
      let data = event.data;
      for (const path of paths) {
        const value = valueAtPath(data, path);
        if (!SealedText.is(value)) continue;
        const where = `${event.streamName}@${event.revision}`;
        if (value.subject !== caseSubject) {
          return E.right(
            E.left(
              personalDataError(
                'PERSONAL_DATA_MISPLACED',
                event.streamName,
                path,
                `${event.type} at ${where}: ${path} is sealed for another customer than the case's; it is not opened.`,
              ),
            ),
          );
        }
        const looked = await keyOf(value.subject);
        if (E.isLeft(looked)) return looked;
        const key = looked.right;
        if (key.status === 'unknown') {
          return E.right(
            E.left(
              personalDataError(
                'PERSONAL_DATA_KEY_MISSING',
                event.streamName,
                path,
                `${event.type} at ${where}: the key store has no key for the customer of ${path} (never issued here; is this the right key store?).`,
              ),
            ),
          );
        }
        if (key.status === 'erased') {
          data = updateAtPath(data, path, () => ERASED_TEXT);
          continue;
        }
        const text = openSealed(key.key, { subject: value.subject, streamName: event.streamName, eventId: event.eventId, path }, value);
        if (E.isLeft(text)) {
          return E.right(
            E.left(
              personalDataError(
                'PERSONAL_DATA_UNREADABLE',
                event.streamName,
                path,
                `${event.type} at ${where}: ${path} does not open with its customer's key here (a different key, altered bytes, or moved from another event or stream).`,
              ),
            ),
          );
        }
        data = updateAtPath(data, path, () => text.right);
      }
      let metadata = event.metadata;
      if (sealedFingerprint !== undefined) {
        // A digest that does not open (a forgotten customer, another key) stays sealed: the handler then refuses a resend under its id rather than guess.
        const key = sealedFingerprint.subject === caseSubject ? await keyOf(sealedFingerprint.subject) : undefined;
        if (key !== undefined && E.isLeft(key)) return key;
        const text =
          key?.right.status === 'active'
            ? openSealed(
                key.right.key,
                { subject: sealedFingerprint.subject, streamName: event.streamName, eventId: event.eventId, path: FINGERPRINT },
                sealedFingerprint,
              )
            : undefined;
        if (text !== undefined && E.isRight(text)) metadata = { ...metadata, commandFingerprint: text.right };
      }
      return E.right(E.right(data === event.data && metadata === event.metadata ? event : { ...event, data, metadata }));
    };
    const opened: RecordedEvent[] = [];
    for (const event of events) {
      if (personalPathsOf(event.metadata).length === 0 && !SealedText.is(event.metadata['commandFingerprint'])) {
        opened.push(event);
        continue;
      }
      // The first event of a case names its customer; a later one is judged against it.
      const named = event.revision === 0n ? customerIdOf(event.data) : undefined;
      if (named !== undefined && !subjects.has(event.streamName)) subjects.set(event.streamName, named);
      const caseSubject = await subjectOfStream(event.streamName);
      if (E.isLeft(caseSubject)) return caseSubject;
      const one = await openEvent(event, caseSubject.right);
      if (E.isLeft(one)) return one;
      if (E.isRight(one.right)) opened.push(one.right.right);
      // A stream read for a decision fails whole; a read of everything (projections, exports through
      // the keys) goes on, with the event marked so its reader parks it (T-10).
      else if (onUnreadable === 'fail') return one.right;
      else {
        const problem = one.right.left;
        opened.push({ ...event, unreadable: { code: problem.code, path: 'path' in problem ? problem.path : '', message: problem.message } });
      }
    }
    return E.right(opened);
  };

  return {
    sealed: store,
    readStream: (streamName) => async () => {
      const read = await store.readStream(streamName)();
      if (E.isLeft(read) || read.right.kind === 'no-stream') return read;
      const { revision } = read.right;
      const events = await open(read.right.events, 'fail');
      return E.isLeft(events) ? events : E.right({ kind: 'stream', revision, events: events.right });
    },
    appendToStream: (streamName, events, expected) => async () => {
      const sealed = await seal(streamName, events);
      return E.isLeft(sealed) ? sealed : store.appendToStream(streamName, sealed.right, expected)();
    },
    readAll: (readOptions) => async () => {
      const page = await store.readAll(readOptions)();
      return E.isLeft(page) ? page : open(page.right, 'mark');
    },
    deleteStream: (streamName, expected) => store.deleteStream(streamName, expected),
  };
};
