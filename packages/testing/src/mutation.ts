/**
 * Proof by mutation that the audit catches forged histories (T-11, T-12, T-5).
 *
 * Take a valid history as the command handler wrote it, change one thing — shift an instant,
 * change who acted, change a recorded fact or any field, change the recorded policy version, drop,
 * repeat, swap or insert an event, move an event to another stream — and audit the result with the
 * core's `checkHistory`. Whether the mutant still means the same is decided independently of the
 * audit, by re-deciding: its commands are sent again, in order, to a fresh command handler (under
 * the policy in force, into an in-memory store, with the mutant's own event ids), and the mutant is
 * equivalent only when the handler writes exactly it, with every event id once. Then:
 *
 * - an equivalent mutant must audit with no finding;
 * - a mutant whose step the handler refuses, after writing exactly the mutant's events before it,
 *   must be flagged at that step's stored revision with the refusal's rule id and code;
 * - every other mutant must be flagged.
 *
 * `auditMutationScore` runs this as a fast-check property over generated procedures of any case
 * type — the rulebook's or an app's own — and reports the score per kind of mutation.
 */
import {
  type Actor,
  type CaseType,
  type CommandBase,
  type EventBase,
  type Finding,
  type Instant,
  type JsonObject,
  type JsonValue,
  type RecordedEvent,
  type RuleId,
  type Rulebook,
  CaseId,
  type EventEnvelope,
  checkHistory,
  commandHandler,
  decideStep,
  decodeRecorded,
  defaultRulebook,
  inForce,
  findingsOf,
  inMemoryEventStore,
  isJsonObject,
  isViolation,
  sameJson,
  splitStreamName,
} from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { defaultNumRuns } from './caseTypeProperties.js';
import { office } from './arbitraries/common.js';
import { recordCase } from './recordCase.js';

export const mutationKinds = [
  'shift-instant',
  'shift-metadata-instant',
  'change-actor',
  'change-metadata-actor',
  'change-fact',
  'change-field',
  'change-policy-version',
  'drop',
  'drop-renumbered',
  'repeat',
  'repeat-renumbered',
  'repeat-new-id',
  'swap',
  'swap-revisions',
  'insert',
  'foreign-stream',
] as const;
export type MutationKind = (typeof mutationKinds)[number];

/** Which mutation, where in the history, and which of its variants: plain numbers, so counterexamples shrink. */
export interface MutationPlan {
  readonly kind: MutationKind;
  readonly index: number;
  readonly choice: number;
}

export const mutationPlanArb: fc.Arbitrary<MutationPlan> = fc.record({
  kind: fc.constantFrom(...mutationKinds),
  index: fc.nat({ max: 200 }),
  choice: fc.nat({ max: 1000 }),
});

export interface Mutant {
  readonly kind: MutationKind;
  /** What was changed, for a counterexample. */
  readonly description: string;
  readonly recorded: ReadonlyArray<RecordedEvent>;
}

// ---------------------------------------------------------------------------------------------
// Changing stored JSON.

type Path = ReadonlyArray<string | number>;

const isArray = (v: JsonValue): v is ReadonlyArray<JsonValue> => Array.isArray(v);

/** Every primitive leaf under a value, with its path. */
const leaves = (value: JsonValue, path: Path = []): ReadonlyArray<{ readonly path: Path; readonly value: JsonValue }> => {
  if (value === null || typeof value !== 'object') return [{ path, value }];
  if (isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  return Object.keys(value).flatMap((k) => {
    const v = value[k];
    return v === undefined ? [] : leaves(v, [...path, k]);
  });
};

const setAt = (value: JsonValue, path: Path, replacement: JsonValue): JsonValue => {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (typeof head === 'number') {
    if (value === null || typeof value !== 'object' || !isArray(value)) return value;
    return value.map((v, i) => (i === head ? setAt(v, rest, replacement) : v));
  }
  if (value === null || typeof value !== 'object' || isArray(value)) return value;
  const inner = value[head];
  return { ...value, [head]: inner === undefined ? replacement : setAt(inner, rest, replacement) };
};

const setData = (e: RecordedEvent, path: Path, replacement: JsonValue): RecordedEvent => {
  const data = setAt(e.data, path, replacement);
  return isJsonObject(data) ? { ...e, data } : e;
};

const withMetadata = (e: RecordedEvent, fields: JsonObject): RecordedEvent => ({ ...e, metadata: { ...e.metadata, ...fields } });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const shiftInstant = (text: string, ms: number): string => new Date(Date.parse(text) + ms).toISOString();
const shiftDate = (text: string, days: number): string => new Date(Date.parse(`${text}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const isInstantText = (text: string): boolean => text.length > 10 && !Number.isNaN(Date.parse(text)) && /[Zz]$|[+-]\d{2}:\d{2}$/.test(text);

const SHIFTS_MS = [-3 * 86_400_000, -86_400_000, -2 * 3_600_000, -60_000, 60_000, 2 * 3_600_000, 86_400_000, 3 * 86_400_000, 40 * 86_400_000, 120 * 86_400_000];
const SHIFTS_DAYS = [-400, -40, -1, 1, 2, 40, 400];

/** Other values a leaf could hold: the values its key holds anywhere in the histories, and small changes of its own. */
const alternatives = (key: string | number | undefined, value: JsonValue, seen: ReadonlyMap<string, ReadonlyArray<JsonValue>>): ReadonlyArray<JsonValue> => {
  const own: JsonValue[] = [];
  if (typeof value === 'boolean') own.push(!value);
  if (typeof value === 'number') own.push(value + 1, Math.max(1, value - 1), value * 3);
  if (typeof value === 'string') {
    if (DATE.test(value)) own.push(...SHIFTS_DAYS.map((d) => shiftDate(value, d)));
    else if (isInstantText(value)) own.push(...SHIFTS_MS.map((ms) => shiftInstant(value, ms)));
    own.push(`${value} (altered)`);
  }
  const pool = typeof key === 'string' ? (seen.get(key) ?? []) : [];
  return [...own, ...pool].filter((v) => !sameJson(v, value));
};

const valuesByKey = (events: ReadonlyArray<RecordedEvent>): ReadonlyMap<string, ReadonlyArray<JsonValue>> => {
  const out = new Map<string, JsonValue[]>();
  for (const e of events) {
    for (const { path, value } of leaves(e.data)) {
      const key = path[path.length - 1];
      if (typeof key !== 'string') continue;
      const list = out.get(key) ?? [];
      if (!list.some((v) => sameJson(v, value))) list.push(value);
      out.set(key, list);
    }
  }
  return out;
};

/**
 * Revisions 0, 1, 2, … and global positions that rise with them, as a store writes a stream: the
 * mutant of a forger who wrote the file over, so that only what the events say can give it away.
 */
const renumbered = (events: ReadonlyArray<RecordedEvent>): ReadonlyArray<RecordedEvent> => {
  let last: bigint | undefined;
  return events.map((e, i) => {
    const commit = last === undefined || e.position.commit > last ? e.position.commit : last + 1n;
    last = commit;
    return { ...e, revision: BigInt(i), position: commit === e.position.commit ? e.position : { commit, prepare: commit } };
  });
};

const pick = <A>(options: ReadonlyArray<A>, n: number): A | undefined => options[n % Math.max(1, options.length)];

// ---------------------------------------------------------------------------------------------

/**
 * One mutant of a stored history, or `undefined` when the plan does not apply to it (no event with
 * a policy version to change, no fact to forge) or every value it could write fails to decode.
 * `donor` is another history of the same case type, whose events can be inserted.
 */
export const applyMutation = <C extends CommandBase, Ev extends EventBase, S>(
  caseType: CaseType<C, Ev, S>,
  rulebook: Rulebook,
  history: ReadonlyArray<RecordedEvent>,
  donor: ReadonlyArray<RecordedEvent>,
  plan: MutationPlan,
): Mutant | undefined => {
  const n = history.length;
  // A mutation that needs a certain kind of event picks among those events only.
  const hasFacts = (e: RecordedEvent): boolean => {
    const facts: unknown = Reflect.get(caseType.recordedFacts, e.type);
    return typeof facts === 'object' && facts !== null && Object.keys(facts).some((k) => k !== 'policyVersion' && Object.hasOwn(e.data, k));
  };
  const eligible = history.flatMap((e, k) =>
    plan.kind === 'change-fact'
      ? hasFacts(e)
        ? [k]
        : []
      : plan.kind === 'change-policy-version'
        ? typeof e.data['policyVersion'] === 'string'
          ? [k]
          : []
        : [k],
  );
  const i = pick(eligible, plan.index);
  const target = i === undefined ? undefined : history[i];
  if (i === undefined || target === undefined || n === 0) return undefined;
  const decodes = (e: RecordedEvent): boolean => E.isRight(decodeRecorded(caseType)(e));
  const replaced = (e: RecordedEvent): ReadonlyArray<RecordedEvent> => history.map((x, k) => (k === i ? e : x));
  const mutant = (description: string, recorded: ReadonlyArray<RecordedEvent>): Mutant => ({
    kind: plan.kind,
    description: `${description} (${target.type} at revision ${target.revision})`,
    recorded,
  });
  /** The first decodable change among candidates, starting at the plan's choice. */
  const firstDecodable = (candidates: ReadonlyArray<{ readonly event: RecordedEvent; readonly description: string }>): Mutant | undefined => {
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[(plan.choice + k) % candidates.length];
      if (c !== undefined && decodes(c.event)) return mutant(c.description, replaced(c.event));
    }
    return undefined;
  };
  const leafCandidates = (onlyFacts: boolean) => {
    const facts = Reflect.get(caseType.recordedFacts, target.type);
    const seen = valuesByKey([...history, ...donor]);
    return leaves(target.data)
      .filter(({ path }) => {
        const top = path[0];
        if (typeof top !== 'string' || top === 'type' || top === 'at' || top === 'by' || top === 'policyVersion') return false;
        return !onlyFacts || (typeof facts === 'object' && facts !== null && Object.hasOwn(facts, top));
      })
      .flatMap(({ path, value }) =>
        alternatives(path[path.length - 1], value, seen).map((v) => ({
          event: setData(target, path, v),
          description: `${path.join('.')} ${JSON.stringify(value)} → ${JSON.stringify(v)}`,
        })),
      );
  };

  switch (plan.kind) {
    case 'shift-instant': {
      const ms = pick(SHIFTS_MS, plan.choice) ?? 60_000;
      const at = typeof target.data['at'] === 'string' ? shiftInstant(target.data['at'], ms) : undefined;
      return at === undefined
        ? undefined
        : firstDecodable([{ event: withMetadata(setData(target, ['at'], at), { at }), description: `instant shifted by ${ms / 60_000} min` }]);
    }
    case 'shift-metadata-instant': {
      const ms = pick(SHIFTS_MS, plan.choice) ?? 60_000;
      const at = typeof target.metadata['at'] === 'string' ? shiftInstant(target.metadata['at'], ms) : undefined;
      return at === undefined
        ? undefined
        : firstDecodable([{ event: withMetadata(target, { at }), description: `metadata instant shifted by ${ms / 60_000} min` }]);
    }
    case 'change-actor': {
      if (target.data['by'] === undefined) return undefined;
      const people: ReadonlyArray<Actor> = Object.values(office).filter((p) => !sameJson(p, target.data['by']));
      return firstDecodable(
        people.map((p) => {
          const by = { id: p.id, department: p.department, role: p.role };
          return { event: withMetadata(setData(target, ['by'], by), { actor: by }), description: `actor → ${p.id} (${p.department}, ${p.role})` };
        }),
      );
    }
    case 'change-metadata-actor': {
      const people: ReadonlyArray<Actor> = Object.values(office).filter((p) => !sameJson(p, target.metadata['actor']));
      return firstDecodable(
        people.map((p) => ({
          event: withMetadata(target, { actor: { id: p.id, department: p.department, role: p.role } }),
          description: `metadata actor → ${p.id}`,
        })),
      );
    }
    case 'change-fact':
      return firstDecodable(leafCandidates(true));
    case 'change-field':
      return firstDecodable(leafCandidates(false));
    case 'change-policy-version': {
      const recorded = target.data['policyVersion'];
      if (typeof recorded !== 'string') return undefined;
      const labels = [...rulebook.policies.versions.map((v) => v.version), 'forged-version'].filter((l) => l !== recorded);
      // Now and then in the metadata only, as a careless forger would.
      const metadataOnly = plan.choice % 3 === 2;
      return firstDecodable(
        labels.map((label) => ({
          event: metadataOnly
            ? withMetadata(target, { policyVersion: label })
            : withMetadata(setData(target, ['policyVersion'], label), { policyVersion: label }),
          description: `policy version ${recorded} → ${label}${metadataOnly ? ' in the metadata only' : ''}`,
        })),
      );
    }
    case 'drop':
      return n < 2
        ? undefined
        : mutant(
            'dropped, revisions kept',
            history.filter((_, k) => k !== i),
          );
    case 'drop-renumbered':
      return n < 2 ? undefined : mutant('dropped, revisions renumbered', renumbered(history.filter((_, k) => k !== i)));
    case 'repeat':
      return mutant('repeated at the same revision', [...history.slice(0, i + 1), target, ...history.slice(i + 1)]);
    case 'repeat-renumbered':
      return mutant('repeated with its event id, revisions renumbered', renumbered([...history.slice(0, i + 1), target, ...history.slice(i + 1)]));
    case 'repeat-new-id': {
      const copy = { ...target, eventId: `${target.eventId}+copy`, metadata: { ...target.metadata, eventId: `${target.eventId}+copy` } };
      return mutant('repeated with a new event id, revisions renumbered', renumbered([...history.slice(0, i + 1), copy, ...history.slice(i + 1)]));
    }
    case 'swap':
    case 'swap-revisions': {
      const next = history[i + 1];
      if (next === undefined) return undefined;
      const swapped = [...history.slice(0, i), next, target, ...history.slice(i + 2)];
      return plan.kind === 'swap'
        ? mutant('swapped with the next event, revisions renumbered', renumbered(swapped))
        : mutant('swapped with the next event, revisions kept', swapped);
    }
    case 'insert': {
      const source = pick(donor, plan.choice);
      if (source === undefined) return undefined;
      const eventId = `inserted-${plan.choice}`;
      const inserted = { ...source, streamName: target.streamName, eventId, metadata: { ...source.metadata, eventId } };
      return mutant(`${source.type} of another case inserted before`, renumbered([...history.slice(0, i), inserted, ...history.slice(i)]));
    }
    case 'foreign-stream':
      return mutant('moved to another stream', replaced({ ...target, streamName: `${target.streamName}-other` }));
  }
};

/**
 * The fields a case type computes without declaring them in `recordedFacts`: for each event of a
 * history, each field its command gives must follow the command (change it in the event, decide the
 * rebuilt command again, and the decided event holds the change); a field that keeps its value is
 * computed by a rule, and must be declared so the audit can name that rule.
 */
export const undeclaredFacts = <C extends CommandBase, Ev extends EventBase, S>(
  caseType: CaseType<C, Ev, S>,
  rulebook: Rulebook,
  streamName: string,
  envelopes: ReadonlyArray<EventEnvelope<Ev>>,
  recorded: ReadonlyArray<RecordedEvent>,
): ReadonlyArray<string> => {
  const { caseId } = splitStreamName(streamName);
  if (!CaseId.is(caseId)) return [];
  const decide = decideStep(caseType, inForce(rulebook));
  const decode = decodeRecorded(caseType);
  const seen = valuesByKey(recorded);
  const out = new Set<string>();
  let state = caseType.initialState;
  let lastAt: Instant | undefined;
  for (const [i, envelope] of envelopes.entries()) {
    const stored = recorded[i];
    const facts: unknown = Reflect.get(caseType.recordedFacts, envelope.event.type);
    const declared = (field: string) => typeof facts === 'object' && facts !== null && Object.hasOwn(facts, field);
    if (stored !== undefined && caseType.stepOf(envelope.event, caseId) !== undefined) {
      for (const field of Object.keys(stored.data)) {
        if (field === 'type' || field === 'at' || field === 'by' || field === 'policyVersion' || declared(field)) continue;
        const original = stored.data[field];
        if (original === undefined) continue;
        for (const value of alternatives(field, original, seen)) {
          const changed = decode(setData(stored, [field], value));
          if (E.isLeft(changed)) continue;
          const command = caseType.stepOf(changed.right.event, caseId);
          const decided = command === undefined ? undefined : decide(command, state, lastAt);
          const first = decided !== undefined && E.isRight(decided) ? decided.right[0] : undefined;
          if (first !== undefined && sameJson(Reflect.get(first, field), original)) out.add(`${envelope.event.type}.${field}`);
          break;
        }
      }
    }
    state = caseType.evolve(state, envelope.event);
    lastAt = envelope.event.at;
  }
  return [...out];
};

// ---------------------------------------------------------------------------------------------
// The reference: what the command handler writes when the mutant's commands are sent again.

export type Reference =
  | { readonly kind: 'equivalent' }
  | { readonly kind: 'refused'; readonly revision: bigint; readonly ruleId: RuleId; readonly code: string }
  | { readonly kind: 'differs'; readonly index: number }
  | { readonly kind: 'undecodable'; readonly message: string };

const sameRecorded = (a: RecordedEvent, b: RecordedEvent): boolean =>
  a.streamName === b.streamName &&
  a.revision === b.revision &&
  a.eventId === b.eventId &&
  a.type === b.type &&
  sameJson(a.data, b.data) &&
  sameJson(a.metadata, b.metadata);

/** Send a stored history's commands again to a fresh command handler and compare what it writes with the history. */
export const reDecide = async <C extends CommandBase, Ev extends EventBase, S>(
  caseType: CaseType<C, Ev, S>,
  rulebook: Rulebook,
  streamName: string,
  recorded: ReadonlyArray<RecordedEvent>,
): Promise<Reference> => {
  const decode = decodeRecorded(caseType);
  const envelopes = [];
  for (const r of recorded) {
    const d = decode(r);
    if (E.isLeft(d)) return { kind: 'undecodable', message: d.left.message };
    envelopes.push(d.right);
  }
  const { caseId } = splitStreamName(streamName);
  if (!CaseId.is(caseId)) return { kind: 'differs', index: 0 };
  const ids = recorded.map((r) => r.eventId);
  let nextId = 0;
  const store = inMemoryEventStore();
  const handle = commandHandler(caseType, store, { rulebook, newId: () => ids[nextId++] ?? `extra-${nextId}`, transientRetries: 0 });
  const seen = new Set<string>();
  let written = 0;
  for (const [i, envelope] of envelopes.entries()) {
    if (i < written) continue;
    const command = caseType.stepOf(envelope.event, caseId);
    if (command === undefined) return { kind: 'differs', index: i };
    const result = await handle(command, { correlationId: envelope.metadata.correlationId, causationId: envelope.metadata.causationId })();
    const target = recorded[i];
    if (E.isLeft(result)) {
      if (!isViolation(result.left)) throw new Error(`re-deciding ${command.type}: ${result.left.code} ${result.left.message}`);
      return target === undefined
        ? { kind: 'differs', index: i }
        : { kind: 'refused', revision: target.revision, ruleId: result.left.ruleId, code: result.left.code };
    }
    const read = await store.readStream(streamName)();
    const now = E.isRight(read) && read.right.kind === 'stream' ? read.right.events : [];
    if (now.length === written) return { kind: 'differs', index: i };
    for (let j = written; j < now.length; j++) {
      const mine = recorded[j];
      const theirs = now[j];
      if (mine === undefined || theirs === undefined || seen.has(mine.eventId) || !sameRecorded(mine, theirs)) return { kind: 'differs', index: j };
      seen.add(mine.eventId);
    }
    written = now.length;
  }
  return written === recorded.length ? { kind: 'equivalent' } : { kind: 'differs', index: written };
};

// ---------------------------------------------------------------------------------------------

export interface MutantVerdict {
  readonly mutant: Mutant;
  readonly reference: Reference;
  readonly findings: ReadonlyArray<Finding>;
  /** The audit found something (or could not read the history at all). */
  readonly flagged: boolean;
  /** The audit did what the reference says it must. */
  readonly agrees: boolean;
}

/** Audit a mutant and hold the audit to the reference. */
export const judgeMutant = async <C extends CommandBase, Ev extends EventBase, S>(
  caseType: CaseType<C, Ev, S>,
  rulebook: Rulebook,
  streamName: string,
  mutant: Mutant,
): Promise<MutantVerdict> => {
  const reference = await reDecide(caseType, rulebook, streamName, mutant.recorded);
  if (reference.kind === 'undecodable') return { mutant, reference, findings: [], flagged: true, agrees: true };
  const decode = decodeRecorded(caseType);
  const envelopes = mutant.recorded.flatMap((r) => {
    const d = decode(r);
    return E.isRight(d) ? [d.right] : [];
  });
  const findings = findingsOf(checkHistory(caseType, rulebook)(streamName, envelopes));
  const flagged = findings.length > 0;
  // A fact the rules compute is judged under the rule that computes it: only when, and who, may differ
  // under no rule of its own (a follower event's instant or actor, which its leader's step gives).
  const undeclared = findings.filter(
    (f) => f.ruleId === 'T-11' && f.code === 'RECORDED_FACT_DIFFERS' && f.details['field'] !== 'at' && f.details['field'] !== 'by',
  );
  const agrees =
    undeclared.length === 0 &&
    (reference.kind === 'equivalent'
      ? !flagged
      : reference.kind === 'refused'
        ? findings.some((f) => f.revision === reference.revision && f.ruleId === reference.ruleId && f.code === reference.code)
        : flagged);
  return { mutant, reference, findings, flagged, agrees };
};

export interface KindScore {
  readonly kind: MutationKind;
  readonly equivalent: number;
  readonly nonEquivalent: number;
  readonly flagged: number;
}

export interface MutationScore {
  readonly caseType: string;
  readonly histories: number;
  /** Mutants made (a plan that did not apply to a history makes none). */
  readonly mutants: number;
  readonly equivalent: number;
  readonly nonEquivalent: number;
  /** Non-equivalent mutants the audit flagged. */
  readonly flagged: number;
  /** Non-equivalent mutants that did not decode at all (the audit refuses to read them; counted as flagged). */
  readonly undecodable: number;
  /** flagged ÷ non-equivalent. */
  readonly score: number;
  readonly byKind: ReadonlyArray<KindScore>;
}

export interface MutationOptions<C> {
  /** Valid procedures of the case type (e.g. `validComplaintProcedures()`). */
  readonly procedures: fc.Arbitrary<ReadonlyArray<C>>;
  readonly rulebook?: Rulebook;
  /** Default `defaultNumRuns()`: `CASELEDGER_NUM_RUNS`, else 200. */
  readonly numRuns?: number;
  readonly seed?: number;
  /** Mutants per generated history. Default 6. */
  readonly mutantsPerHistory?: number;
}

const describeVerdict = (v: MutantVerdict): string => {
  const expectation =
    v.reference.kind === 'equivalent'
      ? 'an equivalent mutant (the handler writes it as it is) must audit clean'
      : v.reference.kind === 'refused'
        ? `the handler refuses it with ${v.reference.ruleId} ${v.reference.code} at revision ${v.reference.revision}; the audit must say so there`
        : `the handler writes something else from revision index ${v.reference.kind === 'differs' ? v.reference.index : '?'}; the audit must flag it`;
  const found = v.findings.map((f) => `${f.ruleId} ${f.code} @${f.revision}`).join(', ') || 'nothing';
  const undeclared = v.findings.filter((f) => f.ruleId === 'T-11' && f.code === 'RECORDED_FACT_DIFFERS').map((f) => String(f.details['field']));
  const facts = undeclared.length === 0 ? '' : `\n  (a computed fact no rule declares in recordedFacts: ${undeclared.join(', ')})`;
  return `${v.mutant.kind}: ${v.mutant.description}\n  ${expectation}\n  the audit found: ${found}${facts}`;
};

/**
 * The mutation property over generated procedures of a case type: fails (through fast-check, with a
 * shrunk counterexample) on the first mutant the audit judges otherwise than re-deciding does, and
 * returns the score of every run.
 */
export const auditMutationScore = async <C extends CommandBase, Ev extends EventBase, S>(
  caseType: CaseType<C, Ev, S>,
  options: MutationOptions<C>,
): Promise<MutationScore> => {
  const rulebook = options.rulebook ?? defaultRulebook;
  const byKind = new Map(mutationKinds.map((kind) => [kind, { kind, equivalent: 0, nonEquivalent: 0, flagged: 0 }]));
  let histories = 0;
  let mutants = 0;
  let undecodable = 0;
  const property = fc.asyncProperty(
    options.procedures.filter((p) => p.length > 0),
    options.procedures,
    fc.array(mutationPlanArb, { minLength: 1, maxLength: options.mutantsPerHistory ?? 6 }),
    async (commands, donorCommands, plans) => {
      const original = await recordCase(caseType, commands, { rulebook });
      const donor = await recordCase(caseType, donorCommands, { rulebook, caseId: 'DONOR-1' });
      histories += 1;
      const undeclared = undeclaredFacts(caseType, rulebook, original.streamName, original.envelopes, original.recorded);
      if (undeclared.length > 0) throw new Error(`computed facts no rule declares in ${caseType.category}'s recordedFacts: ${undeclared.join(', ')}`);
      for (const plan of plans) {
        const mutant = applyMutation(caseType, rulebook, original.recorded, donor.recorded, plan);
        if (mutant === undefined) continue;
        const verdict = await judgeMutant(caseType, rulebook, original.streamName, mutant);
        mutants += 1;
        const tally = byKind.get(mutant.kind);
        if (tally === undefined) continue;
        if (verdict.reference.kind === 'equivalent') tally.equivalent += 1;
        else {
          tally.nonEquivalent += 1;
          if (verdict.flagged) tally.flagged += 1;
          if (verdict.reference.kind === 'undecodable') undecodable += 1;
        }
        if (!verdict.agrees) throw new Error(describeVerdict(verdict));
      }
    },
  );
  await fc.assert(property, { numRuns: options.numRuns ?? defaultNumRuns(), ...(options.seed === undefined ? {} : { seed: options.seed }) });
  const kinds = [...byKind.values()];
  const nonEquivalent = kinds.reduce((a, k) => a + k.nonEquivalent, 0);
  const flagged = kinds.reduce((a, k) => a + k.flagged, 0);
  return {
    caseType: caseType.category,
    histories,
    mutants,
    equivalent: kinds.reduce((a, k) => a + k.equivalent, 0),
    nonEquivalent,
    flagged,
    undecodable,
    score: nonEquivalent === 0 ? 1 : flagged / nonEquivalent,
    byKind: kinds,
  };
};
