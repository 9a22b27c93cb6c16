/** A value that survives `JSON.stringify` → `JSON.parse` unchanged. Stored event data is always this. */
export type JsonValue = null | boolean | number | string | ReadonlyArray<JsonValue> | { readonly [key: string]: JsonValue };

export type JsonObject = { readonly [key: string]: JsonValue };

// Loops rather than Object.values(…).every(…): the handler checks every event it writes.
const isJsonValue = (u: unknown, depth: number): u is JsonValue => {
  if (depth > 64) return false;
  if (u === null || typeof u === 'string' || typeof u === 'boolean') return true;
  if (typeof u === 'number') return Number.isFinite(u);
  if (typeof u !== 'object') return false;
  if (Array.isArray(u)) {
    for (const x of u) if (!isJsonValue(x, depth + 1)) return false;
    return true;
  }
  for (const key of Object.keys(u)) {
    const x: unknown = Reflect.get(u, key);
    if (x === undefined || !isJsonValue(x, depth + 1)) return false;
  }
  return true;
};

/** True for a plain object whose every value survives JSON unchanged (no `undefined`, bigint, NaN, functions). */
export const isJsonObject = (u: unknown): u is JsonObject => typeof u === 'object' && u !== null && !Array.isArray(u) && isJsonValue(u, 0);

/**
 * Parse JSON text. What `JSON.parse` returns is JSON by construction, so readers of stored JSON
 * (a JSON Lines file, a store's payload) need no deep check of it, only of its shape.
 */
export const parseJson = (text: string): JsonValue => JSON.parse(text);

/** A parsed JSON value that is an object (not an array, not null). */
export const isObjectValue = (v: JsonValue): v is JsonObject => typeof v === 'object' && v !== null && !isJsonArray(v);

// Array.isArray does not narrow a ReadonlyArray out of a union.
const isJsonArray = (v: JsonValue): v is ReadonlyArray<JsonValue> => Array.isArray(v);

const copyJsonValue = (v: JsonValue): JsonValue => {
  if (typeof v !== 'object' || v === null) return v;
  return isJsonArray(v) ? v.map(copyJsonValue) : copyJson(v);
};

/** A deep copy of a JSON object, so a caller's later changes to its own object cannot reach a stored one. */
export const copyJson = (o: JsonObject): JsonObject => {
  const out: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(o)) {
    const v = o[key];
    if (v !== undefined) out[key] = copyJsonValue(v);
  }
  return out;
};

/** Plain data compared as JSON: same primitives, arrays of the same values, objects with the same keys and values. */
export const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  return differingKeys(a, b).length === 0;
};

/** The keys of two plain objects whose values differ as JSON; a key holding `undefined` counts as absent. */
export const differingKeys = (a: object, b: object): ReadonlyArray<string> => {
  const out: string[] = [];
  for (const key of Object.keys(a)) if (!sameJson(Reflect.get(a, key), Reflect.get(b, key))) out.push(key);
  for (const key of Object.keys(b)) if (!Object.hasOwn(a, key) && Reflect.get(b, key) !== undefined) out.push(key);
  return out;
};

/**
 * A plain JSON copy of a caller's value, read once: each getter and each trap of a proxy runs once,
 * so what is checked is what is stored. `undefined` when reading it throws or it is no JSON at all
 * (a cycle, a bigint); fields holding `undefined` or functions are left out as `JSON.stringify` does.
 */
export const plainJsonCopy = (u: unknown): JsonValue | undefined => {
  try {
    const text = JSON.stringify(u);
    return text === undefined ? undefined : parseJson(text);
  } catch {
    return undefined;
  }
};
