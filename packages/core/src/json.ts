/** A value that survives `JSON.stringify` → `JSON.parse` unchanged. Stored event data is always this. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | ReadonlyArray<JsonValue>
  | { readonly [key: string]: JsonValue };

export type JsonObject = { readonly [key: string]: JsonValue };

const isJsonValue = (u: unknown, depth: number): u is JsonValue => {
  if (depth > 64) return false;
  if (u === null || typeof u === 'string' || typeof u === 'boolean') return true;
  if (typeof u === 'number') return Number.isFinite(u);
  if (Array.isArray(u)) return u.every((x) => isJsonValue(x, depth + 1));
  if (typeof u === 'object') return Object.values(u).every((x) => x !== undefined && isJsonValue(x, depth + 1));
  return false;
};

/** True for a plain object whose every value survives JSON unchanged (no `undefined`, bigint, NaN, functions). */
export const isJsonObject = (u: unknown): u is JsonObject =>
  typeof u === 'object' && u !== null && !Array.isArray(u) && isJsonValue(u, 0);
