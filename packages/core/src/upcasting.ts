/**
 * Old schema versions of a stored event are read through upcasters, one step at a time
 * (v1 → v2 → … → current), before the current codec decodes them. Never through `any`.
 */
import { showableNumber, showableText } from './quoting.js';
import * as E from 'fp-ts/lib/Either.js';
import { type JsonObject, sameJson } from './json.js';

export interface EventSchema {
  /** The version written today. Versions start at 1. */
  readonly currentVersion: number;
  /** `upcasters[v]` reads version `v` and returns version `v + 1`. */
  readonly upcasters?: Readonly<Record<number, (data: JsonObject) => JsonObject>>;
}

/** Per event type; a type not listed is at version 1 with no upcasters. */
export type UpcasterRegistry = Readonly<Record<string, EventSchema>>;

export type UpcastError =
  | { readonly code: 'EVENT_SCHEMA_TOO_NEW'; readonly message: string; readonly eventType: string; readonly version: number; readonly currentVersion: number }
  | { readonly code: 'EVENT_UPCASTER_MISSING'; readonly message: string; readonly eventType: string; readonly version: number };

export const currentSchemaVersion = (registry: UpcasterRegistry, eventType: string): number =>
  Object.hasOwn(registry, eventType) ? (registry[eventType]?.currentVersion ?? 1) : 1;

/** An event read forward, and the fields of the stored data an upcaster would have changed (see `upcastExactly`). */
export interface Upcast {
  readonly data: JsonObject;
  /**
   * Fields the stored data already holds that a step would change: the data has the shape of a later
   * version than its label says. The data is then left as stored, never rewritten (T-11).
   */
  readonly mislabelled: ReadonlyArray<string>;
}

/**
 * Read an event forward as `upcast` does, but never change what the stored data says: an upcaster
 * adds the fields a later version has (and may drop ones it no longer has); where a step would give
 * another value to a field the stored data already holds, the label does not fit the data, and the
 * data is returned as stored with those fields named.
 */
export const upcastExactly = (registry: UpcasterRegistry, eventType: string, version: number, data: JsonObject): E.Either<UpcastError, Upcast> => {
  const forward = upcast(registry, eventType, version, data);
  if (E.isLeft(forward)) return forward;
  if (forward.right === data) return E.right({ data, mislabelled: [] });
  const mislabelled = Object.keys(data).filter((key) => Object.hasOwn(forward.right, key) && !sameJson(forward.right[key], data[key]));
  return E.right(mislabelled.length === 0 ? { data: forward.right, mislabelled } : { data, mislabelled });
};

export const upcast = (registry: UpcasterRegistry, eventType: string, version: number, data: JsonObject): E.Either<UpcastError, JsonObject> => {
  const schema = Object.hasOwn(registry, eventType) ? registry[eventType] : undefined;
  const current = schema?.currentVersion ?? 1;
  if (version > current) {
    return E.left({
      code: 'EVENT_SCHEMA_TOO_NEW',
      message: `${showableText(eventType)} version ${showableNumber(version)} is newer than this library reads (version ${current}); upgrade caseledger.`,
      eventType: showableText(eventType),
      version,
      currentVersion: current,
    });
  }
  let out = data;
  for (let v = version; v < current; v++) {
    const step = schema?.upcasters?.[v];
    if (step === undefined) {
      return E.left({
        code: 'EVENT_UPCASTER_MISSING',
        message: `No upcaster reads ${showableText(eventType)} version ${v}.`,
        eventType: showableText(eventType),
        version: v,
      });
    }
    out = step(out);
  }
  return E.right(out);
};
