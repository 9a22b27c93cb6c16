/**
 * T-10: no error, refusal or problem report quotes an input value. A recognisable name and phone
 * number are put, one place at a time, into every field of real commands, stored events and export
 * lines — where they are wrong (a number, an enum, an instant, an id, metadata) and where they are
 * merely text — and every error path of the command handler, the readers, the audit and the command
 * line is searched for them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CaseType,
  type CommandBase,
  type EventBase,
  type EventEnvelope,
  type JsonObject,
  type JsonValue,
  type RecordedEvent,
  caseTypes,
  checkHistory,
  commandHandler,
  complaintCaseType,
  contractReviewCaseType,
  decodeRecorded,
  defaultRulebook,
  findingsOf,
  inMemoryEventStore,
  inquiryCaseType,
  isJsonObject,
  surveyCaseType,
  warrantyClaimCaseType,
} from '@caseledger/core';
import { validComplaintProcedures, validContractReviews, validInquiries, validSurveys, validWarrantyProcedures } from '@caseledger/testing';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { caseHistoryOf, formatLine, importLines, parseLine } from '../src/index.js';
import { run } from '@caseledger/cli';

const NAME = 'Canary Liu Weiming';
const PHONE = '+86 139 5555 0199';
/** Fragments too: a message that cuts a value short still leaks its start. */
const SIGNS = ['Canary', 'Weiming', '5555 0199', '13955550199'];

const poisons: ReadonlyArray<JsonValue> = [NAME, `${NAME} ${PHONE}`, { name: NAME, phone: PHONE }, [NAME, PHONE], 13955550199, '+8613955550199'];

const bytesOf = (u: unknown): string => JSON.stringify(u, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Error ? v.message : v)) ?? '';
const leaksIn = (u: unknown): ReadonlyArray<string> => {
  const text = typeof u === 'string' ? u : bytesOf(u);
  return SIGNS.filter((s) => text.includes(s));
};

/** Every way to put a poison into a JSON value: at each path in turn, and as an extra field of each object. */
function* poisoned(value: JsonValue, path: ReadonlyArray<string> = []): Generator<{ readonly path: string; readonly value: JsonValue }> {
  for (const poison of poisons) yield { path: path.join('.') || '(root)', value: poison };
  if (isJsonObject(value)) {
    yield { path: `${path.join('.')}+`, value: { ...value, [NAME]: PHONE } };
    for (const [key, child] of Object.entries(value)) {
      for (const p of poisoned(child, [...path, key])) yield { path: p.path, value: { ...value, [key]: p.value } };
    }
  } else if (Array.isArray(value)) {
    for (const [i, child] of value.entries()) {
      for (const p of poisoned(child, [...path, String(i)])) yield { path: p.path, value: value.map((v, j) => (j === i ? p.value : v)) };
    }
  }
}

const asJson = (u: unknown): JsonObject => {
  const plain: unknown = JSON.parse(bytesOf(u));
  if (!isJsonObject(plain)) throw new Error('not an object');
  return plain;
};

/** One real procedure of a case type, with what the tests do to it, its types kept inside. */
interface Procedure {
  readonly category: string;
  readonly commands: ReadonlyArray<JsonObject>;
  /** A fresh handler on a fresh store, with the first `steps` commands applied. */
  readonly handlerAfter: (steps: number) => Promise<(input: unknown) => Promise<E.Either<{ readonly code: string; readonly message: string }, unknown>>>;
  readonly recorded: () => Promise<ReadonlyArray<RecordedEvent>>;
  /** What the audit finds in a stored stream of this case type, or why it cannot be read. */
  readonly audit: (
    streamName: string,
    events: ReadonlyArray<RecordedEvent>,
  ) => E.Either<{ readonly code: string; readonly message: string }, ReadonlyArray<object>>;
}

const procedure = <C extends CommandBase, Ev extends EventBase, S>(caseType: CaseType<C, Ev, S>, commands: ReadonlyArray<C>): Procedure => {
  const handlerAfter = async (steps: number) => {
    const handle = commandHandler(caseType, inMemoryEventStore(), { rulebook: defaultRulebook, stateCacheSize: 0 });
    for (const before of commands.slice(0, steps)) await handle(before)();
    return async (input: unknown) => handle(input)();
  };
  const check = checkHistory(caseType, defaultRulebook);
  return {
    category: caseType.category,
    commands: commands.map(asJson),
    handlerAfter,
    recorded: async () => {
      const store = inMemoryEventStore();
      const handle = commandHandler(caseType, store, { rulebook: defaultRulebook });
      for (const command of commands) await handle(command)();
      const all = await store.readAll()();
      if (E.isLeft(all)) throw new Error(all.left.message);
      return all.right;
    },
    audit: (streamName, events) => {
      const decode = decodeRecorded(caseType);
      const envelopes: EventEnvelope<Ev>[] = [];
      for (const e of events) {
        const d = decode(e);
        if (E.isLeft(d)) return d;
        envelopes.push(d.right);
      }
      return E.right(findingsOf(check(streamName, envelopes)));
    },
  };
};

// One real procedure of each case type, from the generators, fixed by a seed.
const procedures = (): ReadonlyArray<Procedure> => {
  // The longest of a few samples: the most steps, the most error paths.
  const one = <C extends CommandBase>(arb: fc.Arbitrary<ReadonlyArray<C>>): ReadonlyArray<C> =>
    fc.sample(arb, { numRuns: 20, seed: 19 }).reduce<ReadonlyArray<C>>((longest, cs) => (cs.length > longest.length ? cs : longest), []);
  return [
    procedure(complaintCaseType, one(validComplaintProcedures({ maxLength: 12 }))),
    procedure(warrantyClaimCaseType, one(validWarrantyProcedures(defaultRulebook, { maxLength: 10 }))),
    procedure(contractReviewCaseType, one(validContractReviews({ maxLength: 10 }))),
    procedure(surveyCaseType, one(validSurveys())),
    procedure(inquiryCaseType, one(validInquiries(defaultRulebook, { maxLength: 8 }))),
  ];
};

describe('no personal data in messages (T-10)', () => {
  it('the command handler: every undecodable or refused command names fields and rules, never a value', async () => {
    const leaks: string[] = [];
    let errors = 0;
    for (const p of procedures()) {
      for (const [i, command] of p.commands.entries()) {
        const handle = await p.handlerAfter(i);
        for (const variant of poisoned(command)) {
          const result = await handle(variant.value);
          if (E.isRight(result)) continue;
          errors += 1;
          if (leaksIn(result.left).length > 0)
            leaks.push(`${p.category} ${String(command['type'])} ${variant.path}: ${result.left.code} ${result.left.message}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(errors).toBeGreaterThan(500);
  });

  it('the readers and the audit: a stored event poisoned anywhere is reported without the value', async () => {
    const leaks: string[] = [];
    let problems = 0;
    for (const p of procedures()) {
      const recorded = await p.recorded();
      for (const [i, event] of recorded.entries()) {
        const envelope = asJson({ streamName: event.streamName, eventId: event.eventId, type: event.type, data: event.data, metadata: event.metadata });
        for (const variant of poisoned(envelope)) {
          const v = variant.value;
          if (!isJsonObject(v)) continue;
          const forged: RecordedEvent = {
            ...event,
            streamName: typeof v['streamName'] === 'string' ? v['streamName'] : event.streamName,
            eventId: typeof v['eventId'] === 'string' ? v['eventId'] : event.eventId,
            type: typeof v['type'] === 'string' ? v['type'] : event.type,
            data: isJsonObject(v['data']) ? v['data'] : event.data,
            metadata: isJsonObject(v['metadata']) ? v['metadata'] : event.metadata,
          };
          const events = recorded.map((e, j) => (j === i ? forged : e));
          const history = caseHistoryOf(event.streamName, events, caseTypes);
          if (E.isLeft(history)) {
            problems += 1;
            if (leaksIn(history.left).length > 0) leaks.push(`read ${p.category} ${event.type} ${variant.path}: ${history.left.message}`);
            continue;
          }
          const audited = p.audit(event.streamName, events);
          const findings = E.isRight(audited) ? audited.right : [audited.left];
          problems += findings.length;
          for (const f of findings.filter((x) => leaksIn(x).length > 0)) leaks.push(`audit ${p.category} ${event.type} ${variant.path}: ${bytesOf(f)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(problems).toBeGreaterThan(500);
  });

  it('the JSON Lines reader, the import and the command line: a poisoned line is reported by its number only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caseledger-canary-'));
    const leaks: string[] = [];
    const badLines: string[] = [];
    for (const p of procedures()) {
      for (const event of await p.recorded()) {
        const line = asJson(JSON.parse(formatLine(event)));
        for (const variant of poisoned(line)) {
          const text = JSON.stringify(variant.value);
          const parsed = parseLine(text, 7);
          if (E.isLeft(parsed)) {
            badLines.push(text);
            if (leaksIn(parsed.left).length > 0) leaks.push(`parse ${variant.path}: ${parsed.left.message}`);
          }
        }
      }
    }
    // Lines that are not even JSON, or not objects.
    badLines.push(`{"format":"caseledger.event/1","streamName":"${NAME}`, NAME, `"${PHONE}"`, `[${JSON.stringify(NAME)}]`);
    const lines = (async function* () {
      for (const [i, text] of badLines.entries()) yield E.right({ line: i + 1, text });
    })();
    const imported = await importLines(lines, inMemoryEventStore(), { onBadLine: 'skip' });
    if (leaksIn(imported).length > 0) leaks.push(`import: ${bytesOf(imported).slice(0, 300)}`);

    const file = join(dir, 'poisoned.jsonl');
    writeFileSync(file, `${badLines.join('\n')}\n`);
    const html = join(dir, 'report.html');
    for (const argv of [
      ['audit-all', '--file', file],
      ['audit-all', '--file', file, '--json'],
      ['audit-all', '--file', file, '--html', html],
      ['audit', 'complaint-C1', '--file', file],
      ['import', '--file', file, '--eventstoredb', 'esdb://127.0.0.1:1?tls=false', '--on-bad-line', 'skip'],
    ]) {
      const out: string[] = [];
      const code = await run(argv, { out: (t) => out.push(t), err: (t) => out.push(t), interactive: false, now: () => Date.parse('2026-11-30T12:00:00Z') });
      expect(code).not.toBe(0);
      if (leaksIn(out.join('\n')).length > 0) leaks.push(`${argv.slice(0, 2).join(' ')}: ${out.join('\n').slice(0, 300)}`);
    }
    if (leaksIn(readFileSync(html, 'utf8')).length > 0) leaks.push('audit-all --html: the report quotes a value');
    expect(leaks).toEqual([]);
  });
});
