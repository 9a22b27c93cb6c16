/**
 * io-ts codecs for the shapes every case type shares, and a reporter whose messages name the path
 * of the bad field. Messages describe the kind of a bad value, never the value itself, so customer
 * data cannot leak into an error (T-10).
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { showableText } from './quoting.js';
import type { Locale } from './ruleCatalogue.js';

// ---------------------------------------------------------------------------------------------
// Instants (T-1): ISO-8601 with a date, a time and a zone designator.

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isRealDate = (y: number, m: number, d: number): boolean =>
  m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && isLeapYear(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0));

const DIGIT_0 = 48;

/** The number written by `length` decimal digits at `from`, or -1 when one of them is not a digit. */
const digitsAt = (text: string, from: number, length: number): number => {
  let n = 0;
  for (let i = from; i < from + length; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
};

/**
 * Whether the text is a real ISO-8601 instant with a zone designator (what `Instant` accepts):
 * `YYYY-MM-DDTHH:MM[:SS[.fraction of 1 to 9 digits]]` then `Z` or `±HH:MM`, every field in range.
 * Scanned by character rather than by a regular expression and `Date.parse`, because stored events
 * are decoded by the million and each carries two instants (see docs/benchmarks.md).
 */
const isInstantText = (text: string): boolean => {
  if (text.length < 17 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':') return false;
  const year = digitsAt(text, 0, 4);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  if (year < 0 || !isRealDate(year, digitsAt(text, 5, 2), digitsAt(text, 8, 2)) || hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
  let i = 16;
  if (text[i] === ':') {
    const second = digitsAt(text, i + 1, 2);
    if (second < 0 || second > 59) return false;
    i += 3;
    if (text[i] === '.') {
      let digits = 0;
      while (digitsAt(text, i + 1 + digits, 1) >= 0) digits++;
      if (digits < 1 || digits > 9) return false;
      i += 1 + digits;
    }
  }
  if (text[i] === 'Z') return i + 1 === text.length;
  if (text[i] !== '+' && text[i] !== '-') return false;
  const offsetHour = digitsAt(text, i + 1, 2);
  const offsetMinute = digitsAt(text, i + 4, 2);
  return i + 6 === text.length && text[i + 3] === ':' && offsetHour >= 0 && offsetHour <= 23 && offsetMinute >= 0 && offsetMinute <= 59;
};

/** Milliseconds since the epoch, or `undefined` when the text is not a real ISO-8601 instant. */
export const parseInstant = (text: string): number | undefined => {
  if (!isInstantText(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
};

export interface InstantBrand {
  readonly Instant: unique symbol;
}
/** An ISO-8601 instant with a zone designator, e.g. `2026-03-02T09:30:00+08:00`. */
export const Instant = t.brand(t.string, (s): s is t.Branded<string, InstantBrand> => isInstantText(s), 'Instant');
export type Instant = t.TypeOf<typeof Instant>;

/** The instant's position on the time line. Total: every `Instant` parses. */
export const epochMs = (instant: Instant): number => Date.parse(instant);

export const instantFromEpochMs = (ms: number): Instant => {
  const text = new Date(ms).toISOString();
  if (!Instant.is(text)) throw new RangeError(`Not a representable instant: ${ms}`);
  return text;
};

const Z = 'Z'.charCodeAt(0);

/**
 * Negative when `a` is earlier than `b`, zero when they are the same instant, positive otherwise.
 * Two instants written alike (same length, same zone designator) compare as text without parsing:
 * their fields stand at the same places, most significant first.
 */
export const compareInstants = (a: Instant, b: Instant): number => {
  if (a === b) return 0;
  const n = a.length;
  if (n === b.length && n > 6) {
    const utc = a.charCodeAt(n - 1) === Z;
    const sameZone = utc ? b.charCodeAt(n - 1) === Z : b.charCodeAt(n - 1) !== Z && a.endsWith(b.substring(n - 6));
    if (sameZone) return a < b ? -1 : 1;
  }
  return epochMs(a) - epochMs(b);
};

export interface LocalDateBrand {
  readonly LocalDate: unique symbol;
}
/** A calendar date without a zone, `YYYY-MM-DD`: a holiday, a make-up working day, a ship date. */
export const LocalDate = t.brand(
  t.string,
  (s): s is t.Branded<string, LocalDateBrand> => {
    const m = LOCAL_DATE.exec(s);
    return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
  },
  'LocalDate',
);
export type LocalDate = t.TypeOf<typeof LocalDate>;

// ---------------------------------------------------------------------------------------------
// Text and identifiers.

export interface NonEmptyTextBrand {
  readonly NonEmptyText: unique symbol;
}
/** Text with at least one character that is not white space. */
export const NonEmptyText = t.brand(t.string, (s): s is t.Branded<string, NonEmptyTextBrand> => s.trim().length > 0, 'NonEmptyText');
export type NonEmptyText = t.TypeOf<typeof NonEmptyText>;

export interface CaseIdBrand {
  readonly CaseId: unique symbol;
}
/** A case's id: letters, digits, `-`, `_`, `.`, 1 to 128 characters. It becomes part of a stream name. */
export const CaseId = t.brand(t.string, (s): s is t.Branded<string, CaseIdBrand> => /^[A-Za-z0-9._-]{1,128}$/.test(s), 'CaseId');
export type CaseId = t.TypeOf<typeof CaseId>;

/**
 * A literal known to be valid, as its branded value, in one line — for tests, fixtures and constants:
 * `instantLiteral('2026-11-16T09:00:00+08:00')`. A text that does not decode throws a `RangeError`
 * saying what was expected (never the text): input from outside goes through the codecs, whose
 * failures are values.
 */
const literalOf =
  <A, L extends string | number>(codec: t.Type<A, L, unknown>, expected: string) =>
  (literal: L): A => {
    if (!codec.is(literal)) throw new RangeError(`Not ${expected}.`);
    return literal;
  };

export const instantLiteral = literalOf(Instant, 'an ISO-8601 instant with a zone designator, e.g. 2026-11-16T09:00:00+08:00');
export const localDateLiteral = literalOf(LocalDate, 'a calendar date YYYY-MM-DD that exists, e.g. 2026-11-16');
export const caseIdLiteral = literalOf(CaseId, "a case id: letters, digits, '-', '_' or '.', 1 to 128 characters");

export interface PositiveIntBrand {
  readonly PositiveInt: unique symbol;
}
/** A positive whole number. */
export const PositiveInt = t.brand(t.number, (n): n is t.Branded<number, PositiveIntBrand> => Number.isInteger(n) && n > 0, 'PositiveInt');
export type PositiveInt = t.TypeOf<typeof PositiveInt>;

/** A whole number, zero or more (a policy's count of days, years, seasons). */
export const NonNegativeInt = t.brand(t.number, (n): n is t.Branded<number, t.IntBrand> => Number.isInteger(n) && n >= 0, 'Int');
export type NonNegativeInt = t.TypeOf<typeof NonNegativeInt>;

export interface RatioBrand {
  readonly Ratio: unique symbol;
}
/** A share between 0 and 1 (a target rate). */
export const Ratio = t.brand(t.number, (n): n is t.Branded<number, RatioBrand> => n >= 0 && n <= 1, 'Ratio');
export type Ratio = t.TypeOf<typeof Ratio>;

export const positiveIntLiteral = literalOf(PositiveInt, 'a positive whole number');

/** The positive whole number after `n` (a counter's next value: the next CAPA plan, the next visit). */
export const nextPositiveInt = (n: number): PositiveInt => {
  const next = Math.max(0, Math.floor(n)) + 1;
  if (!PositiveInt.is(next)) throw new RangeError(`No positive integer follows ${n}`);
  return next;
};

// ---------------------------------------------------------------------------------------------
// Decoding with errors that name the bad field.

export interface FieldError {
  /** Dotted path from the root, e.g. `actor.role`; `(root)` for the value itself. */
  readonly path: string;
  /** The name of the expected type, e.g. `Instant` or `"phone" | "email"`. */
  readonly expected: string;
  /** What was found, described by kind only (`missing`, `a string`, `a number`). */
  readonly found: string;
}

/** What a field error expects where the input has a key its codec does not define (T-7). */
export const NO_SUCH_FIELD = 'no such field';

const kindOf = (u: unknown): string => {
  if (u === undefined) return 'missing';
  if (u === null) return 'null';
  if (Array.isArray(u)) return 'an array';
  switch (typeof u) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof u}`;
  }
};

/** Look through wrappers that add no context of their own (readonly, refinements, exact). */
const underlying = (type: t.Decoder<unknown, unknown>): t.Decoder<unknown, unknown> =>
  type instanceof t.ReadonlyType || type instanceof t.RefinementType || type instanceof t.ExactType ? underlying(type.type) : type;

const pathOf = (context: t.Context): string => {
  const keys: string[] = [];
  context.forEach((entry, i) => {
    const parent = i > 0 ? context[i - 1] : undefined;
    const parentType = parent === undefined ? undefined : underlying(parent.type);
    // Members of unions and intersections are keyed by index too, but they are not fields: an index
    // is part of the path only under an array, a tuple or a record.
    const indexed =
      parentType instanceof t.ArrayType ||
      parentType instanceof t.ReadonlyArrayType ||
      parentType instanceof t.TupleType ||
      parentType instanceof t.DictionaryType;
    const memberIndex = /^\d+$/.test(entry.key) && !indexed;
    if (entry.key !== '' && !memberIndex) keys.push(entry.key);
  });
  return keys.length === 0 ? '(root)' : keys.join('.');
};

export const fieldErrors = (errors: t.Errors): ReadonlyArray<FieldError> => {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    const last = e.context[e.context.length - 1];
    const error: FieldError = { path: pathOf(e.context), expected: last?.type.name ?? 'unknown', found: kindOf(e.value) };
    const key = `${error.path}|${error.expected}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(error);
    }
  }
  // A union's other members fail at the union's own path (e.g. "expected null" beside a bad field of
  // the object member); the deeper error is the one that explains.
  const paths = out.map((e) => e.path);
  return out.filter((e) => (e.path === '(root)' ? out.length === 1 || paths.every((p) => p === '(root)') : !paths.some((p) => p.startsWith(`${e.path}.`))));
};

/** What was found where a field was expected, in Chinese (`a string` → `字符串`). */
const foundZh: Readonly<Record<string, string>> = {
  missing: '缺失',
  null: 'null',
  'an array': '数组',
  'a string': '字符串',
  'a number': '数字',
  'a boolean': '布尔值',
  'an object': '对象',
};

/** Each bad field with what was expected and what was found, in a language; paths and type names stay as they are. */
export const describeFieldErrors = (errors: ReadonlyArray<FieldError>, locale: Locale = 'en'): string =>
  locale === 'zh-CN'
    ? errors
        .map((e) => (e.expected === NO_SUCH_FIELD ? `${e.path}：没有这个字段` : `${e.path}：应为 ${e.expected}，实为${foundZh[e.found] ?? e.found}`))
        .join('；')
    : errors.map((e) => (e.expected === NO_SUCH_FIELD ? `${e.path}: no such field` : `${e.path}: expected ${e.expected}, found ${e.found}`)).join('; ');

// Codecs written here with `new t.Type` whose `validate` returns its input unchanged when it is valid.
const selfDecoding = new WeakSet<t.Decoder<unknown, unknown>>();

/**
 * Whether decoding a valid input returns that very input: the codec only checks, it never strips,
 * renames or converts. For such a codec `is` decides validity on its own, without the contexts and
 * `Either`s that `validate` allocates per field, which is what makes stored events cheap to read.
 */
export const decodesToItself = (codec: t.Decoder<unknown, unknown>): boolean => {
  if (selfDecoding.has(codec)) return true;
  if (
    codec instanceof t.StringType ||
    codec instanceof t.NumberType ||
    codec instanceof t.BooleanType ||
    codec instanceof t.NullType ||
    codec instanceof t.UndefinedType ||
    codec instanceof t.LiteralType ||
    codec instanceof t.KeyofType
  ) {
    return true;
  }
  if (codec instanceof t.ReadonlyType || codec instanceof t.RefinementType || codec instanceof t.ArrayType || codec instanceof t.ReadonlyArrayType) {
    return decodesToItself(codec.type);
  }
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) {
    return Object.values<t.Decoder<unknown, unknown>>(codec.props).every(decodesToItself);
  }
  if (codec instanceof t.IntersectionType || codec instanceof t.UnionType) {
    return codec.types.every(decodesToItself);
  }
  if (codec instanceof t.DictionaryType) return decodesToItself(codec.domain) && decodesToItself(codec.codomain);
  return false;
};

/** Mark a hand-written codec as one that returns a valid input unchanged (see `decodesToItself`). */
const markSelfDecoding = <C extends t.Decoder<unknown, unknown>>(codec: C): C => {
  selfDecoding.add(codec);
  return codec;
};

// ---------------------------------------------------------------------------------------------
// Exactness (T-7): a value is taken exactly as its codec defines it. io-ts object codecs let keys
// they do not define pass through untouched, at any depth, so a `customer.mobile` would be stored
// in plain text beside the sealed fields. Every decode here refuses such a key with its path, and
// every encode leaves it out.

/** Codecs written here that hand a value to one member chosen by looking at it (`taggedUnion`). */
const delegates = new WeakMap<t.Decoder<unknown, unknown>, (u: unknown) => t.Decoder<unknown, unknown> | undefined>();

type Props = Readonly<Record<string, t.Decoder<unknown, unknown>>>;

const NOT_AN_OBJECT_CODEC = Symbol('not an object codec');
const propsCache = new WeakMap<t.Decoder<unknown, unknown>, Props | typeof NOT_AN_OBJECT_CODEC>();

/** The fields an object codec defines (through readonly, refinements, exact and intersections of objects), or `undefined` when it is not one. Remembered per codec. */
const objectProps = (codec: t.Decoder<unknown, unknown>): Props | undefined => {
  const cached = propsCache.get(codec);
  if (cached !== undefined) return cached === NOT_AN_OBJECT_CODEC ? undefined : cached;
  const props = ((): Props | undefined => {
    if (codec instanceof t.ReadonlyType || codec instanceof t.RefinementType || codec instanceof t.ExactType) return objectProps(codec.type);
    if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) return codec.props;
    if (codec instanceof t.IntersectionType) {
      const merged: Record<string, t.Decoder<unknown, unknown>> = {};
      for (const member of codec.types) {
        const memberProps = objectProps(member);
        if (memberProps === undefined) return undefined;
        Object.assign(merged, memberProps);
      }
      return merged;
    }
    return undefined;
  })();
  propsCache.set(codec, props ?? NOT_AN_OBJECT_CODEC);
  return props;
};

const isPlainObject = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null && !Array.isArray(u);

/** Where the walk stands: the keys from the root, kept on one stack so that a path is written only when one is reported. */
type PathStack = (string | number)[];
const pathText = (path: PathStack, last: string): string => (path.length === 0 ? last : `${path.join('.')}.${last}`);

/** A copy of the object's fields that come before `key`: where a copy starts once a field must differ. */
const fieldsBefore = (u: Readonly<Record<string, unknown>>, keys: ReadonlyArray<string>, key: string): Record<string, unknown> => {
  const copy: Record<string, unknown> = {};
  for (const earlier of keys) {
    if (earlier === key) break;
    copy[earlier] = u[earlier];
  }
  return copy;
};

/** `definedOnly` of one child: its key pushed while it is walked. */
const child = (codec: t.Decoder<unknown, unknown>, u: unknown, key: string | number, path: PathStack, unknown: FieldError[]): unknown => {
  path.push(key);
  const kept = definedOnly(codec, u, path, unknown);
  path.pop();
  return kept;
};

/**
 * The value with only the fields its codec defines, at any depth: the value itself when it has no
 * other, a copy without them otherwise. Each key left out is pushed to `unknown` with its path.
 */
const definedOnly = (codec: t.Decoder<unknown, unknown>, u: unknown, path: PathStack, unknown: FieldError[]): unknown => {
  const props = objectProps(codec);
  if (props !== undefined) {
    if (!isPlainObject(u)) return u;
    let copy: Record<string, unknown> | undefined;
    const keys = Object.keys(u);
    for (const key of keys) {
      const value = u[key];
      const field = Object.hasOwn(props, key) ? props[key] : undefined;
      // A key holding `undefined` is absent, as in JSON: nothing to refuse, nothing to write.
      if (field === undefined && value === undefined) {
        copy = copy ?? fieldsBefore(u, keys, key);
        continue;
      }
      const kept = field === undefined ? undefined : child(field, value, key, path, unknown);
      // A key nobody defined is the caller's text: named only when it looks like a field name (T-10).
      if (field === undefined) unknown.push({ path: pathText(path, showableText(key)), expected: NO_SUCH_FIELD, found: kindOf(value) });
      if (copy === undefined && (field === undefined || kept !== value)) copy = fieldsBefore(u, keys, key);
      if (copy !== undefined && field !== undefined) copy[key] = kept;
    }
    return copy ?? u;
  }
  const delegate = delegates.get(codec);
  if (delegate !== undefined) {
    const member = delegate(u);
    return member === undefined ? u : definedOnly(member, u, path, unknown);
  }
  if (codec instanceof t.ReadonlyType || codec instanceof t.RefinementType || codec instanceof t.ExactType) return definedOnly(codec.type, u, path, unknown);
  if (codec instanceof t.UnionType) {
    const member = codec.types.find((m: t.Decoder<unknown, unknown>) => m instanceof t.Type && m.is(u));
    return member === undefined ? u : definedOnly(member, u, path, unknown);
  }
  if ((codec instanceof t.ArrayType || codec instanceof t.ReadonlyArrayType) && Array.isArray(u)) {
    const items: unknown[] = u;
    let kept: unknown[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const item = child(codec.type, items[i], i, path, unknown);
      if (kept === undefined && item !== items[i]) kept = items.slice(0, i);
      kept?.push(item);
    }
    return kept ?? u;
  }
  if (codec instanceof t.TupleType && Array.isArray(u)) {
    const members: ReadonlyArray<t.Decoder<unknown, unknown>> = codec.types;
    const items: unknown[] = u;
    const kept = items.map((item, i) => {
      const member = members[i];
      return member === undefined ? item : child(member, item, i, path, unknown);
    });
    return kept.every((k, i) => k === items[i]) ? u : kept;
  }
  if (codec instanceof t.DictionaryType && isPlainObject(u)) {
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(u)) {
      const kept = child(codec.codomain, u[key], showableText(key), path, unknown);
      if (kept !== u[key]) copy = { ...(copy ?? u), [key]: kept };
    }
    return copy ?? u;
  }
  return u;
};

/** Whether a value has no key its codec does not define: compiled once per codec, for the hot path. */
type ExactCheck = (u: unknown) => boolean;
const ALWAYS_EXACT: ExactCheck = () => true;
const exactChecks = new WeakMap<t.Decoder<unknown, unknown>, ExactCheck>();

const exactCheckOf = (codec: t.Decoder<unknown, unknown>): ExactCheck => {
  const cached = exactChecks.get(codec);
  if (cached !== undefined) return cached;
  // A codec that refers to itself meets its own check while it is compiled: it asks for it later.
  const slot: { check?: ExactCheck } = {};
  exactChecks.set(codec, (u) => (slot.check ?? ALWAYS_EXACT)(u));
  slot.check = compileExactCheck(codec);
  exactChecks.set(codec, slot.check);
  return slot.check;
};

const compileExactCheck = (codec: t.Decoder<unknown, unknown>): ExactCheck => {
  const props = objectProps(codec);
  if (props !== undefined) {
    const fields = new Map<string, ExactCheck>();
    for (const key of Object.keys(props)) {
      const field = props[key];
      if (field !== undefined) fields.set(key, exactCheckOf(field));
    }
    return (u) => {
      if (!isPlainObject(u)) return true;
      for (const key in u) {
        const check = fields.get(key);
        // A key holding `undefined` is absent, as in JSON.
        if ((check === undefined && u[key] !== undefined) || !Object.hasOwn(u, key)) return false;
        if (check === undefined) continue;
        if (check !== ALWAYS_EXACT && !check(u[key])) return false;
      }
      return true;
    };
  }
  const delegate = delegates.get(codec);
  if (delegate !== undefined) {
    return (u) => {
      const member = delegate(u);
      return member === undefined || exactCheckOf(member)(u);
    };
  }
  if (codec instanceof t.ReadonlyType || codec instanceof t.RefinementType || codec instanceof t.ExactType) return exactCheckOf(codec.type);
  if (codec instanceof t.UnionType) {
    const members: ReadonlyArray<t.Type<unknown, unknown, unknown>> = codec.types;
    const checks = members.map(exactCheckOf);
    if (checks.every((c) => c === ALWAYS_EXACT)) return ALWAYS_EXACT;
    return (u) => {
      const i = members.findIndex((m) => m.is(u));
      const check = checks[i];
      return check === undefined || check(u);
    };
  }
  if (codec instanceof t.ArrayType || codec instanceof t.ReadonlyArrayType) {
    const item = exactCheckOf(codec.type);
    return item === ALWAYS_EXACT ? ALWAYS_EXACT : (u) => !Array.isArray(u) || u.every(item);
  }
  if (codec instanceof t.TupleType) {
    const members: ReadonlyArray<t.Decoder<unknown, unknown>> = codec.types;
    const checks = members.map(exactCheckOf);
    return checks.every((c) => c === ALWAYS_EXACT) ? ALWAYS_EXACT : (u) => !Array.isArray(u) || checks.every((c, i) => c(u[i]));
  }
  if (codec instanceof t.DictionaryType) {
    const value = exactCheckOf(codec.codomain);
    return value === ALWAYS_EXACT ? ALWAYS_EXACT : (u) => !isPlainObject(u) || Object.values(u).every(value);
  }
  return ALWAYS_EXACT;
};

/** Every key of the input its codec does not define, at any depth, as field errors naming its path. */
export const unknownFields = (codec: t.Decoder<unknown, unknown>, input: unknown): ReadonlyArray<FieldError> => {
  const unknown: FieldError[] = [];
  definedOnly(codec, input, [], unknown);
  return unknown;
};

/** The value with exactly the fields its codec defines: what is written, whatever else the object carried. */
export const withDefinedFieldsOnly = <A>(codec: t.Type<A, unknown, unknown>, value: A): A => {
  const kept = definedOnly(codec, value, [], []);
  return codec.is(kept) ? kept : value;
};

/**
 * Decode with a codec, exactly: the failure lists every bad field by path, and every field the
 * codec does not define (T-7). A self-decoding codec is checked with `is` first and runs
 * `validate` only to explain a failure.
 */
export const decodeWith = <A, O>(codec: t.Type<A, O, unknown>): ((input: unknown) => E.Either<ReadonlyArray<FieldError>, A>) => {
  const selfDecoding = decodesToItself(codec);
  const exact = exactCheckOf(codec);
  return (input) => {
    if (selfDecoding && exact(input) && codec.is(input)) return E.right(input);
    const unknown = unknownFields(codec, input);
    const decoded = codec.decode(input);
    if (E.isRight(decoded) && unknown.length === 0) return decoded;
    return E.left([...(E.isLeft(decoded) ? fieldErrors(decoded.left) : []), ...unknown]);
  };
};

/** A codec for a closed set of string literals; its name lists them, so errors say what was allowed. */
export const oneOf = <L extends string>(values: ReadonlyArray<L>): t.Type<L, L, unknown> =>
  markSelfDecoding(
    new t.Type<L, L, unknown>(
      values.map((v) => JSON.stringify(v)).join(' | '),
      (u): u is L => typeof u === 'string' && values.some((v) => v === u),
      (u, c) => {
        for (const v of values) if (v === u) return t.success(v);
        return t.failure(u, c);
      },
      t.identity,
    ),
  );

/**
 * A union of tagged object codecs, decoded by looking at the `type` field first, so that an error
 * names the fields of the intended member rather than every member of the union.
 */
export interface TaggedUnion<A extends { readonly type: string }> {
  readonly codec: t.Type<A, unknown, unknown>;
  readonly tags: ReadonlyArray<A['type']>;
  /** Each member's codec by tag: what a tool walks to list an event type's fields (T-10's catalogue). */
  readonly members: Readonly<Record<string, t.Decoder<unknown, unknown>>>;
  readonly decode: (input: unknown) => E.Either<ReadonlyArray<FieldError>, A>;
}

export const taggedUnion = <A extends { readonly type: string }>(
  name: string,
  members: { readonly [K in A['type']]: t.Type<Extract<A, { readonly type: K }>, unknown, unknown> },
): TaggedUnion<A> => {
  const tags = Object.keys(members).filter((k): k is A['type'] => Object.hasOwn(members, k));
  const entries = new Map<string, { readonly decoder: t.Decoder<unknown, A>; readonly is: (u: unknown) => u is A; readonly encode: (a: A) => unknown }>();
  for (const tag of tags) {
    const member = members[tag];
    entries.set(tag, { decoder: member, is: member.is, encode: (a) => (member.is(a) ? member.encode(a) : a) });
  }
  const entryFor = (tag: unknown) => (typeof tag === 'string' ? entries.get(tag) : undefined);
  const tagCodec = new t.Type<string, string, unknown>(tags.map((k) => JSON.stringify(k)).join(' | '), t.string.is, t.string.validate, t.identity);
  const codec = new t.Type<A, unknown, unknown>(
    name,
    (u): u is A => typeof u === 'object' && u !== null && 'type' in u && (entryFor(u.type)?.is(u) ?? false),
    (u, c) => {
      const tag = typeof u === 'object' && u !== null && 'type' in u ? u.type : undefined;
      const entry = entryFor(tag);
      return entry === undefined ? t.failure(tag, [...c, { key: 'type', type: tagCodec, actual: tag }]) : entry.decoder.validate(u, c);
    },
    (a) => entryFor(a.type)?.encode(a) ?? a,
  );
  delegates.set(codec, (u) => (isPlainObject(u) ? entryFor(u['type'])?.decoder : undefined));
  if (tags.every((tag) => decodesToItself(members[tag]))) markSelfDecoding(codec);
  const byTag: Record<string, t.Decoder<unknown, unknown>> = {};
  for (const tag of tags) byTag[tag] = members[tag];
  return { codec, tags, members: byTag, decode: decodeWith(codec) };
};

/** A tagged object codec `{ type: <tag>, ...fields }`, read-only and named after its tag. */
export const tagged = <T extends string, R extends t.Props>(type: T, fields: R) => t.readonly(t.type({ type: t.literal(type), ...fields }), type);

/** A tagged object codec with optional fields too. */
export const taggedWithOptional = <T extends string, R extends t.Props, O extends t.Props>(type: T, fields: R, optional: O) =>
  t.readonly(t.intersection([t.type({ type: t.literal(type), ...fields }), t.partial(optional)]), type);
