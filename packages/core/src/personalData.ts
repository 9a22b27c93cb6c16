/**
 * T-10: customer data is confidential. Which fields of which events are personal, how a sealed
 * (encrypted) field looks in a stored event, and what a reader sees when it cannot open one.
 *
 * The sealing itself (keys, AES-256-GCM) lives in `@caseledger/privacy`; this module is the pure part
 * every reader shares, so a projection, the audit or an export never needs a key to read a history:
 * a sealed field it cannot open reads as `WITHHELD_TEXT`, a field whose customer was forgotten reads
 * as `ERASED_TEXT`. Rules never depend on personal text, so every rule check reads the same either way.
 */
import * as t from 'io-ts';
import { type JsonObject, type JsonValue, isObjectValue } from './json.js';

/** Where a personal field stands in an event's data: property names from the top, joined by `.`. */
export type PersonalPath = string;

/** Event type → the paths of its personal text fields. An absent (optional) field is simply skipped. */
export type PersonalDataSpec = Readonly<Record<string, ReadonlyArray<PersonalPath>>>;

const contactDetails: ReadonlyArray<PersonalPath> = ['customer.name', 'customer.phone', 'customer.email', 'customer.address'];

/**
 * The customer's name and contact details wherever a case records its customer, and the name of the
 * person who placed an oral order: the narrow spec of caseledger 0.1. The default is wider —
 * `defaultPersonalData` seals every free-text field too (see `personalDataCatalogue`).
 */
export const customerContactDetails: PersonalDataSpec = {
  ComplaintReceived: contactDetails,
  ClaimFiled: contactDetails,
  OrderSubmitted: contactDetails,
  OralOrderRecorded: ['orderedBy'],
  SurveySent: contactDetails,
  InquiryReceived: contactDetails,
};

/** A spec with more personal fields: an app's own fields on top of a spec. */
export const withPersonalFields =
  (extra: PersonalDataSpec) =>
  (spec: PersonalDataSpec): PersonalDataSpec => {
    const merged: Record<string, ReadonlyArray<PersonalPath>> = { ...spec };
    for (const [eventType, paths] of Object.entries(extra)) merged[eventType] = [...new Set([...(spec[eventType] ?? []), ...paths])];
    return merged;
  };

/** What a sealed field holds in the stored event instead of the text: the customer it belongs to and the ciphertext. */
export const SealedText = t.readonly(
  t.type({
    /** `/2` binds the value to its stream too; `/1` (caseledger 0.1) to its customer, event and path. */
    sealed: t.keyof({ 'aes-256-gcm/1': null, 'aes-256-gcm/2': null }),
    /** The customer id: which key opens it. */
    subject: t.string,
    iv: t.string,
    tag: t.string,
    ciphertext: t.string,
  }),
  'SealedText',
);
export type SealedText = t.TypeOf<typeof SealedText>;

/** Read in place of a field whose customer was forgotten: the key is gone, the text with it. */
export const ERASED_TEXT = '[erased personal data]';
/** Read in place of a sealed field by a reader that holds no key (an export, an audit without keys). */
export const WITHHELD_TEXT = '[sealed personal data]';

export const isErasedText = (text: string): boolean => text === ERASED_TEXT;
export const isWithheldText = (text: string): boolean => text === WITHHELD_TEXT;

const splitPath = (path: PersonalPath): ReadonlyArray<string> => path.split('.');

/** The value at a path of an event's data, if every step is an object. */
export const valueAtPath = (data: JsonObject, path: PersonalPath): JsonValue | undefined => {
  let here: JsonValue | undefined = data;
  for (const key of splitPath(path)) here = here !== undefined && isObjectValue(here) && Object.hasOwn(here, key) ? here[key] : undefined;
  return here;
};

const replaceAt = (value: JsonObject, keys: ReadonlyArray<string>, f: (old: JsonValue) => JsonValue): JsonObject => {
  const [key, ...rest] = keys;
  if (key === undefined || !Object.hasOwn(value, key)) return value;
  const old = value[key];
  if (old === undefined) return value;
  if (rest.length === 0) return { ...value, [key]: f(old) };
  return isObjectValue(old) ? { ...value, [key]: replaceAt(old, rest, f) } : value;
};

/** A copy of `data` with the value at `path` replaced by `f(value)`; unchanged when the path is absent. */
export const updateAtPath = (data: JsonObject, path: PersonalPath, f: (old: JsonValue) => JsonValue): JsonObject => replaceAt(data, splitPath(path), f);

/** The personal paths an event's metadata lists (written by the sealing store), if any. */
export const personalPathsOf = (metadata: JsonObject): ReadonlyArray<PersonalPath> => {
  const listed = metadata['personal'];
  return Array.isArray(listed) ? listed.filter((p): p is string => typeof p === 'string') : [];
};

/** Replace each sealed field the metadata lists by `WITHHELD_TEXT`: how a reader without keys reads a sealed event. */
export const withholdSealedFields = (data: JsonObject, metadata: JsonObject): JsonObject =>
  personalPathsOf(metadata).reduce((d, path) => updateAtPath(d, path, (v) => (SealedText.is(v) ? WITHHELD_TEXT : v)), data);
