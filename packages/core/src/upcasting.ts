/**
 * Old schema versions of a stored event are read through upcasters, one step at a time
 * (v1 → v2 → … → current), before the current codec decodes them. Never through `any`.
 */
import { showableNumber, showableText } from './quoting.js';
import * as E from 'fp-ts/lib/Either.js';
import type { JsonObject } from './json.js';

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
      return E.left({ code: 'EVENT_UPCASTER_MISSING', message: `No upcaster reads ${showableText(eventType)} version ${v}.`, eventType: showableText(eventType), version: v });
    }
    out = step(out);
  }
  return E.right(out);
};
