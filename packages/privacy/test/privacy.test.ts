/**
 * T-10 end to end in memory: personal fields sealed per customer, opened through the keys, and
 * erased by forgetting the key, with the audit trail intact and nothing left to find.
 */
import { auditCase, bulkAudit, caseAuditHtml, casesFromLines, exportStore, readCase } from '@caseledger/audit';
import {
  ERASED_TEXT,
  type EventStore,
  type RecordedEvent,
  SealedText,
  WITHHELD_TEXT,
  commandHandler,
  complaintCaseType,
  decodeRecorded,
  inMemoryEventStore,
  updateAtPath,
  valueAtPath,
} from '@caseledger/core';
import { type CaseRecord, caseFiles, inMemoryReadModelStore, runProjection } from '@caseledger/projections';
import * as E from 'fp-ts/lib/Either.js';
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type KeyStore, confidentialEventStore, forgetCustomer, forgettingRoutine, handlerCache, inMemoryKeyStore, rebuiltReadModel } from '../src/index.js';
import {
  at,
  bytesOf,
  context,
  cs,
  instant,
  must,
  personalData,
  personalValuesIn,
  wang,
  wangDescription,
  wangJustification,
  wangValues,
  writeCases,
  zhao,
} from './support/scenario.js';

const setUp = async (keys: KeyStore = inMemoryKeyStore()) => {
  const raw = inMemoryEventStore();
  const store = confidentialEventStore({ store: raw, keys, personalData });
  await writeCases(store);
  return { raw, keys, store };
};

const readAll = async (store: Pick<EventStore, 'readAll'>): Promise<ReadonlyArray<RecordedEvent>> => {
  const all = await store.readAll()();
  if (E.isLeft(all)) throw new Error(all.left.message);
  return all.right;
};

const audit = async (store: EventStore, streamName: string) => {
  const history = await readCase(store, streamName);
  if (E.isLeft(history)) throw new Error(history.left.message);
  return auditCase(history.right, context, instant(at(19, '12:00')));
};

const exportLines = async (store: EventStore) => {
  const lines: string[] = [];
  const written = await exportStore(store, async (line) => void lines.push(line))();
  return { written, lines };
};

describe('sealing personal data (T-10)', () => {
  it('stores only ciphertext, lists the sealed paths in the metadata, and reads the text back through the keys', async () => {
    const { raw, store } = await setUp();
    expect(personalValuesIn(bytesOf(raw.allWritten()), wangValues)).toEqual([]);
    const received = raw.allWritten().find((e) => e.streamName === 'complaint-C-W' && e.revision === 0n);
    expect(received?.metadata['personal']).toEqual(['customer.name', 'customer.phone', 'customer.email', 'customer.address', 'description']);
    expect(received?.data['customer']).toMatchObject({ id: 'cust-wang', name: { sealed: 'aes-256-gcm/2', subject: 'cust-wang' } });
    const opened = (await readAll(store)).find((e) => e.eventId === received?.eventId);
    expect(opened?.data['customer']).toEqual(wang);
  });

  it('opens the sealed fields for the command handler, so rules and state read the real text', async () => {
    const { store } = await setUp();
    const history = await readCase(store, 'complaint-C-W');
    expect(E.isRight(history) && history.right.use((_, envelopes) => envelopes[0]?.event)).toMatchObject({ type: 'ComplaintReceived', customer: wang });
  });

  it('reads sealed fields as withheld text for a reader without keys (a projection or audit over the raw store)', async () => {
    const { raw } = await setUp();
    const [first] = await readAll(raw);
    if (first === undefined) throw new Error('no events');
    const decoded = decodeRecorded(complaintCaseType)(first);
    expect(E.isRight(decoded) && decoded.right.event).toMatchObject({ customer: { id: 'cust-wang', name: WITHHELD_TEXT, phone: WITHHELD_TEXT } });
  });
});

describe('forgetting a customer (T-10)', () => {
  it("leaves every event in place and reads the customer's personal fields as erased, other customers untouched", async () => {
    const { raw, keys, store } = await setUp();
    const before = raw.allWritten().length;
    expect(await forgetCustomer(keys, wang.id, instant(at(19, '09:00')))()).toEqual(E.right({ erasedAt: instant(at(19, '09:00')), forgottenNow: true }));
    expect(raw.allWritten()).toHaveLength(before);
    const events = await readAll(store);
    expect(events).toHaveLength(before);
    const wangs = events.filter((e) => e.streamName.endsWith('-W'));
    expect(wangs.find((e) => e.type === 'ComplaintReceived')?.data).toMatchObject({
      customer: { id: 'cust-wang', name: ERASED_TEXT, phone: ERASED_TEXT, email: ERASED_TEXT, address: ERASED_TEXT },
      description: ERASED_TEXT,
    });
    expect(wangs.find((e) => e.type === 'SpecialCaseApproved')?.data).toMatchObject({ justification: ERASED_TEXT });
    expect(events.find((e) => e.streamName === 'complaint-C-Z' && e.revision === 0n)?.data['customer']).toEqual(zhao);
    // Forgetting twice is harmless and keeps the first instant.
    expect(await forgetCustomer(keys, wang.id, instant(at(20, '09:00')))()).toEqual(E.right({ erasedAt: instant(at(19, '09:00')), forgottenNow: false }));
  });

  it("leaves none of the customer's values in the store's bytes, in decoded events or in an export", async () => {
    const { raw, keys, store } = await setUp();
    await forgetCustomer(keys, wang.id, instant(at(19, '09:00')))();
    expect(personalValuesIn(bytesOf(raw.allWritten()), wangValues)).toEqual([]);
    const decoded = (await readAll(store)).filter((e) => e.streamName === 'complaint-C-W').map(decodeRecorded(complaintCaseType));
    expect(decoded.every(E.isRight)).toBe(true);
    expect(personalValuesIn(bytesOf(decoded), wangValues)).toEqual([]);
    const { written, lines } = await exportLines(store.sealed);
    expect(written).toEqual(E.right(lines.length));
    expect(personalValuesIn(lines.join('\n'), wangValues)).toEqual([]);
  });

  it('gives the same audit (deadlines, violations, findings, special cases) before and after, with no personal value in the timeline or the HTML', async () => {
    const { keys, store } = await setUp();
    const complaintBefore = await audit(store, 'complaint-C-W');
    const claimBefore = await audit(store, 'warrantyClaim-W-W');
    expect(complaintBefore.report.findings).toBe(1);
    expect(claimBefore.report.specialCases).toHaveLength(1);
    // Before erasure the auditor reads the justification (the app marked it personal).
    expect(personalValuesIn(caseAuditHtml(claimBefore), wangValues)).toEqual([wangJustification]);

    await forgetCustomer(keys, wang.id, instant(at(19, '09:00')))();
    const complaintAfter = await audit(store, 'complaint-C-W');
    const claimAfter = await audit(store, 'warrantyClaim-W-W');
    const ruleView = (a: typeof complaintBefore) => ({
      deadlines: a.report.deadlines,
      violations: a.report.violations,
      findings: a.report.findings,
      status: a.report.status,
      timeline: a.timeline.map((e) => ({ revision: e.revision, ruleIds: e.ruleIds, deadlines: e.deadlines, violations: e.violations, status: e.status })),
    });
    expect(ruleView(complaintAfter)).toEqual(ruleView(complaintBefore));
    expect(ruleView(claimAfter)).toEqual(ruleView(claimBefore));
    expect(claimAfter.report.specialCases).toEqual([{ ...claimBefore.report.specialCases[0], justification: ERASED_TEXT }]);
    for (const a of [complaintAfter, claimAfter]) {
      expect(personalValuesIn(bytesOf(a), wangValues)).toEqual([]);
      expect(personalValuesIn(caseAuditHtml(a), wangValues)).toEqual([]);
    }
    expect(caseAuditHtml(claimAfter)).toContain(ERASED_TEXT);
  });

  it('scrubs a read model when it is rebuilt, and keeps the other customers in it', async () => {
    const { keys, store } = await setUp();
    const readModels = inMemoryReadModelStore<CaseRecord>();
    await must(runProjection({ source: store, store: readModels, projection: caseFiles(context) })());
    const stored = async () => bytesOf(await readModels.load('case-files')());
    expect(personalValuesIn(await stored(), wangValues).length).toBeGreaterThan(0);
    await forgetCustomer(keys, wang.id, instant(at(19, '09:00')))();
    const rebuilt = await runProjection({ source: store, store: readModels, projection: caseFiles(context), rebuild: true })();
    expect(E.isRight(rebuilt) && rebuilt.right.rebuilt).toBe(true);
    expect(personalValuesIn(await stored(), wangValues)).toEqual([]);
    expect(await stored()).toContain(zhao.name);
  });

  it('refuses new personal data for a forgotten customer, while steps without personal data go on under the same rules', async () => {
    const { keys, store } = await setUp();
    await forgetCustomer(keys, wang.id, instant(at(19, '09:00')))();
    const handle = commandHandler(complaintCaseType, store);
    const again = await handle({
      type: 'ReceiveComplaint',
      caseId: 'C-W2',
      at: at(19, '10:00'),
      actor: cs,
      customer: wang,
      channel: 'phone',
      description: 'Another',
      severity: 'minor',
    })();
    expect(E.isLeft(again) && again.left).toMatchObject({ code: 'PERSONAL_DATA_SUBJECT_ERASED', path: 'customer.name' });
    expect(
      personalValuesIn(
        bytesOf(again),
        wangValues.filter((v) => v !== wang.name),
      ),
    ).toEqual([]);
    // C-3 still refuses forwarding before classification, and classification still works.
    const early = await handle({ type: 'CloseComplaint', caseId: 'C-W', at: at(19, '10:00'), actor: cs })();
    expect(E.isLeft(early) && early.left._tag).toBe('Violation');
    // A step without personal data, sent with a command id (as the desk's Idempotency-Key does), goes on and is applied once.
    const samples = { type: 'RequestSamples', caseId: 'C-W', at: at(19, '11:00'), actor: cs };
    const once = await handle(samples, { commandId: 'after-forget-1' })();
    const twice = await commandHandler(complaintCaseType, store)(samples, { commandId: 'after-forget-1' })();
    expect(E.isRight(once) && E.isRight(twice) && once.right.revision === twice.right.revision).toBe(true);
  });
});

describe('command ids under sealing (T-13, T-10)', () => {
  const receive = {
    type: 'ReceiveComplaint',
    caseId: 'C-ID',
    at: at(18, '09:00'),
    actor: cs,
    customer: wang,
    channel: 'phone',
    description: wangDescription,
    severity: 'minor',
  };

  it("seals the command's digest under the customer's key; a resend opens it and is answered, another command is refused", async () => {
    const { raw, store } = await setUp();
    const handle = commandHandler(complaintCaseType, store);
    const first = await handle(receive, { commandId: 'req-1' })();
    expect(E.isRight(first)).toBe(true);
    const stored = raw.allWritten().find((e) => e.streamName === 'complaint-C-ID');
    expect(SealedText.is(stored?.metadata['commandFingerprint'])).toBe(true);
    const again = await commandHandler(complaintCaseType, store)(receive, { commandId: 'req-1' })();
    expect(E.isRight(again) && again.right.revision).toBe(0n);
    const other = await commandHandler(complaintCaseType, store)({ ...receive, severity: 'major' }, { commandId: 'req-1' })();
    expect(E.isLeft(other) && other.left.code).toBe('COMMAND_ID_REUSED');
  });

  it('once the customer is forgotten the digest no longer opens: a resend under the id is refused, never matched by a guess', async () => {
    const { keys, raw, store } = await setUp();
    await commandHandler(complaintCaseType, store)(receive, { commandId: 'req-1' })();
    const ack = { type: 'AcknowledgeComplaint', caseId: 'C-ID', at: at(18, '10:00'), actor: cs, explanation: 'Quality will reply' };
    await commandHandler(complaintCaseType, store)(ack, { commandId: 'req-2' })();
    await forgetCustomer(keys, wang.id, instant(at(19, '09:00')))();
    const written = raw.allWritten().length;
    const after = await commandHandler(complaintCaseType, store)(ack, { commandId: 'req-2' })();
    expect(E.isLeft(after) && after.left.code).toBe('COMMAND_ID_REUSED');
    expect(raw.allWritten()).toHaveLength(written);
    const read = await store.readStream('complaint-C-ID')();
    const metadata = E.isRight(read) && read.right.kind === 'stream' ? read.right.events[0]?.metadata : undefined;
    expect(SealedText.is(metadata?.['commandFingerprint'])).toBe(true);
  });
});

describe('the forgetting routine (T-10)', () => {
  /** A store that counts the streams read through it, to see whether a handler answers from its cache. */
  const counting = (store: EventStore) => {
    let reads = 0;
    return {
      store: {
        ...store,
        readStream: (name: string) => {
          reads += 1;
          return store.readStream(name);
        },
      },
      reads: () => reads,
    };
  };

  it('destroys the key, evicts the handler cache, rebuilds the read model, and says what remains until the next KEK rotation', async () => {
    const { keys, store } = await setUp();
    const reader = counting(store);
    const handle = commandHandler(complaintCaseType, reader.store);
    await must(handle({ type: 'RequestSamples', caseId: 'C-W', at: at(19, '08:00'), actor: cs })());
    const readModels = inMemoryReadModelStore<CaseRecord>();
    await must(runProjection({ source: store, store: readModels, projection: caseFiles(context) })());
    const routine = forgettingRoutine({
      keys,
      caches: [handlerCache('complaint handler', handle)],
      readModels: [rebuiltReadModel('case-files', () => runProjection({ source: store, store: readModels, projection: caseFiles(context), rebuild: true }))],
      alsoHeldBy: [{ where: 'the support mailbox', holds: 'e-mails from the customer', until: 'deleted by hand' }],
    });

    const report = await routine.forget(wang.id, instant(at(19, '09:00')))();
    expect(report).toEqual(
      E.right({
        customerId: wang.id,
        erasedAt: instant(at(19, '09:00')),
        forgottenNow: true,
        complete: true,
        steps: [
          { kind: 'key', name: 'key store', outcome: 'done', detail: 'key destroyed; a tombstone keeps the instant' },
          { kind: 'cache', name: 'complaint handler', outcome: 'done', detail: 'evicted' },
          { kind: 'read-model', name: 'case-files', outcome: 'done', detail: 'scrubbed' },
        ],
        remaining: [
          expect.objectContaining({ where: expect.stringContaining('of the key store'), until: expect.stringContaining('KEK rotation') }),
          expect.objectContaining({
            where: expect.stringContaining('of the read-model tables'),
            until: expect.stringContaining('a KEK rotation does not reach them'),
          }),
          { where: 'the support mailbox', holds: 'e-mails from the customer', until: 'deleted by hand' },
        ],
      }),
    );
    // The handler reads the case again instead of answering from a state that holds the name.
    const readsBefore = reader.reads();
    const next = await handle({ type: 'RequestSamples', caseId: 'C-W', at: at(19, '10:00'), actor: cs })();
    expect(reader.reads()).toBeGreaterThan(readsBefore);
    expect(E.isRight(next) && next.right.state).toMatchObject({ customer: { id: wang.id, name: ERASED_TEXT } });
    expect(personalValuesIn(bytesOf(next), wangValues)).toEqual([]);
    expect(personalValuesIn(bytesOf(await readModels.load('case-files')()), wangValues)).toEqual([]);
  });

  it('runs every step when one fails, reports it, and completes when run again', async () => {
    const { keys } = await setUp();
    let attempts = 0;
    const evicted: string[] = [];
    const routine = forgettingRoutine({
      keys,
      readModels: [{ name: 'board', scrub: () => async () => (++attempts === 1 ? E.left({ message: 'database restarting' }) : E.right(undefined)) }],
    });
    const unregister = routine.registerCache({ name: 'late cache', evict: (id) => void evicted.push(id) });
    routine.registerCache({ name: 'broken cache', evict: () => Promise.reject(new Error('cache host down')) });
    const first = await routine.forget(wang.id, instant(at(19, '09:00')))();
    expect(E.isRight(first) && first.right).toMatchObject({
      complete: false,
      steps: [
        { kind: 'key', outcome: 'done' },
        { name: 'late cache', outcome: 'done' },
        { name: 'broken cache', outcome: 'failed', detail: 'cache host down' },
        { name: 'board', outcome: 'failed', detail: 'database restarting' },
      ],
    });
    unregister();
    const again = await routine.forget(wang.id, instant(at(20, '09:00')))();
    expect(E.isRight(again) && again.right).toMatchObject({
      forgottenNow: false,
      erasedAt: instant(at(19, '09:00')),
      steps: [
        { kind: 'key', detail: expect.stringContaining('already forgotten') },
        { name: 'broken cache', outcome: 'failed' },
        { name: 'board', outcome: 'done' },
      ],
    });
    expect(evicted).toEqual([wang.id]);
  });

  it('does nothing else when the key cannot be destroyed', async () => {
    const { keys } = await setUp();
    const evicted: string[] = [];
    const down: KeyStore = {
      ...keys,
      forget: () => async () => E.left({ _tag: 'KeyStoreError', code: 'KEY_STORE_UNAVAILABLE', message: 'Key store: connection refused' }),
    };
    const routine = forgettingRoutine({ keys: down, caches: [{ name: 'cache', evict: (id) => void evicted.push(id) }] });
    expect(await routine.forget(wang.id, instant(at(19, '09:00')))()).toMatchObject(E.left({ code: 'KEY_STORE_UNAVAILABLE' }));
    expect(evicted).toEqual([]);
  });
});

describe('an export of sealed events', () => {
  it('keeps personal fields sealed, can be audited without keys (withheld), and cannot be taken through the keys', async () => {
    const { store } = await setUp();
    const { lines } = await exportLines(store.sealed);
    expect(personalValuesIn(lines.join('\n'), wangValues)).toEqual([]);
    const numbered = (async function* () {
      for (const [i, text] of lines.entries()) yield E.right({ line: i + 1, text });
    })();
    const summary = await bulkAudit(casesFromLines(numbered), context, instant(at(19, '12:00')));
    expect(summary).toMatchObject({ cases: { complaint: 2, warrantyClaim: 1 }, problems: [], findings: 1, specialCases: 1 });
    const through = await exportLines(store);
    expect(E.isLeft(through.written) && through.written.left).toMatchObject({ code: 'EXPORT_WOULD_REVEAL_PERSONAL_DATA', streamName: 'complaint-C-W' });
    expect(personalValuesIn(through.lines.join('\n') + bytesOf(through.written), wangValues)).toEqual([]);
  });
});

describe('a wrong or missing key', () => {
  it('reads as a clear error naming stream, revision and path, never as garbage or the value', async () => {
    const { raw } = await setUp();
    const missing = await confidentialEventStore({ store: raw, keys: inMemoryKeyStore(), personalData }).readStream('complaint-C-W')();
    expect(E.isLeft(missing) && missing.left).toMatchObject({ code: 'PERSONAL_DATA_KEY_MISSING', streamName: 'complaint-C-W', path: 'customer.name' });

    const otherKeys = inMemoryKeyStore();
    await otherKeys.issue(wang.id)();
    const wrong = await confidentialEventStore({ store: raw, keys: otherKeys, personalData }).readStream('complaint-C-W')();
    expect(E.isLeft(wrong) && wrong.left).toMatchObject({ code: 'PERSONAL_DATA_UNREADABLE', message: expect.stringContaining('complaint-C-W@0') });
    expect(personalValuesIn(bytesOf([missing, wrong]), wangValues)).toEqual([]);
  });

  it('does not open a sealed value moved to another event or altered by one bit', async () => {
    const keys = inMemoryKeyStore();
    const { raw } = await setUp(keys);
    const [received] = raw.allWritten();
    if (received === undefined) throw new Error('no events');
    const sealedName = valueAtPath(received.data, 'customer.name');
    if (!SealedText.is(sealedName)) throw new Error('not sealed');
    const flipped = Buffer.from(sealedName.ciphertext, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const copy = inMemoryEventStore();
    const moved = { ...received, eventId: 'another-event' };
    const altered = { ...received, data: updateAtPath(received.data, 'customer.name', () => ({ ...sealedName, ciphertext: flipped.toString('base64') })) };
    await copy.appendToStream('complaint-moved', [moved], 'no-stream')();
    await copy.appendToStream('complaint-altered', [altered], 'no-stream')();
    const reader = confidentialEventStore({ store: copy, keys, personalData });
    for (const stream of ['complaint-moved', 'complaint-altered']) {
      const read = await reader.readStream(stream)();
      expect(E.isLeft(read) && read.left).toMatchObject({ code: 'PERSONAL_DATA_UNREADABLE', path: 'customer.name' });
    }
  });
});

describe('a sealed value belongs to its case (T-10)', () => {
  const firstEventOf = async (raw: ReturnType<typeof inMemoryEventStore>, streamName: string) => {
    const found = raw.allWritten().find((e) => e.streamName === streamName && e.revision === 0n);
    if (found === undefined) throw new Error(`no ${streamName}`);
    return found;
  };

  it("does not open another customer's sealed name appended to a case, and says it was misplaced", async () => {
    const keys = inMemoryKeyStore();
    const { raw } = await setUp(keys);
    const wangsReceived = await firstEventOf(raw, 'complaint-C-W');
    // A later event in Zhao's case carrying Wang's sealed contact details, written past the sealing store.
    const forged = { eventId: 'forged-1', type: 'ComplaintReceived', data: wangsReceived.data, metadata: wangsReceived.metadata };
    const zhaosEvents = raw.allWritten().filter((e) => e.streamName === 'complaint-C-Z').length;
    await must(raw.appendToStream('complaint-C-Z', [forged], BigInt(zhaosEvents - 1))());
    const read = await confidentialEventStore({ store: raw, keys, personalData }).readStream('complaint-C-Z')();
    expect(E.isLeft(read) && read.left).toMatchObject({ code: 'PERSONAL_DATA_MISPLACED', streamName: 'complaint-C-Z', path: 'customer.name' });
    expect(personalValuesIn(bytesOf(read), wangValues)).toEqual([]);
  });

  it('one misplaced value is parked by a projection reading through the keys; the others are read, and the forgetting routine completes', async () => {
    const keys = inMemoryKeyStore();
    const { raw, store } = await setUp(keys);
    const wangsReceived = await firstEventOf(raw, 'complaint-C-W');
    const forged = { eventId: 'forged-2', type: 'ComplaintReceived', data: wangsReceived.data, metadata: wangsReceived.metadata };
    const zhaosEvents = raw.allWritten().filter((e) => e.streamName === 'complaint-C-Z').length;
    await must(raw.appendToStream('complaint-C-Z', [forged], BigInt(zhaosEvents - 1))());
    // Read for a decision, the case fails whole; read for a projection, only that event is marked.
    const all = await store.readAll()();
    const marked = E.isRight(all) ? all.right.filter((e) => e.unreadable !== undefined) : [];
    expect(marked.map((e) => [e.eventId, e.unreadable?.code, e.unreadable?.path])).toEqual([['forged-2', 'PERSONAL_DATA_MISPLACED', 'customer.name']]);
    const readModels = inMemoryReadModelStore<CaseRecord>();
    const ran = await runProjection({ source: store, store: readModels, projection: caseFiles(context) })();
    expect(E.isRight(ran) && ran.right.parked).toBe(1);
    expect(E.isRight(ran) && ran.right.eventsApplied).toBeGreaterThan(0);
    const rows = await readModels.rows('case-files', ['complaint-C-W', 'complaint-C-Z'])();
    expect(E.isRight(rows) && rows.right.size).toBe(2);
    const routine = forgettingRoutine({
      keys,
      readModels: [rebuiltReadModel('case-files', () => runProjection({ source: store, store: readModels, projection: caseFiles(context), rebuild: true }))],
    });
    const report = await routine.forget(wang.id, instant(at(19, '09:00')))();
    expect(E.isRight(report) && report.right.complete).toBe(true);
    expect(personalValuesIn(bytesOf(await readModels.rows('case-files', ['complaint-C-W', 'complaint-C-Z'])()), wangValues)).toEqual([]);
  });

  it("does not open a case's first event copied whole, event id and all, into another stream", async () => {
    const keys = inMemoryKeyStore();
    const { raw } = await setUp(keys);
    const wangsReceived = await firstEventOf(raw, 'complaint-C-W');
    const copy = inMemoryEventStore();
    await must(copy.appendToStream('complaint-C-W-copy', [wangsReceived], 'no-stream')());
    const read = await confidentialEventStore({ store: copy, keys, personalData }).readStream('complaint-C-W-copy')();
    expect(E.isLeft(read) && read.left).toMatchObject({ code: 'PERSONAL_DATA_UNREADABLE', streamName: 'complaint-C-W-copy', path: 'customer.name' });
  });

  it("refuses to write an event that names another customer than its case's", async () => {
    const { raw, store } = await setUp();
    const before = raw.allWritten().length;
    const revision = BigInt(raw.allWritten().filter((e) => e.streamName === 'complaint-C-W').length - 1);
    const other = { eventId: 'other-customer', type: 'ComplaintReceived', data: { customer: zhao, description: 'Driver hums' }, metadata: {} };
    const written = await store.appendToStream('complaint-C-W', [other], revision)();
    expect(E.isLeft(written) && written.left).toMatchObject({ code: 'PERSONAL_DATA_SUBJECT_MISMATCH', streamName: 'complaint-C-W', path: 'customer.id' });
    expect(raw.allWritten()).toHaveLength(before);
  });

  it('still opens values sealed by caseledger 0.1 (aes-256-gcm/1, bound to customer, event and path)', async () => {
    const keys = inMemoryKeyStore();
    const issued = await keys.issue(wang.id)();
    if (E.isLeft(issued) || issued.right.status !== 'active') throw new Error('no key');
    const key = issued.right.key;
    const eventId = 'received-in-0.1';
    // The 0.1 format, written out here as 0.1 wrote it.
    const sealV1 = (path: string, text: string) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
      cipher.setAAD(Buffer.from(JSON.stringify(['caseledger.seal/1', wang.id, eventId, path]), 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return {
        sealed: 'aes-256-gcm/1',
        subject: wang.id,
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        ciphertext: ciphertext.toString('base64'),
      };
    };
    const raw = inMemoryEventStore();
    const data = {
      customer: { id: wang.id, name: sealV1('customer.name', wang.name) },
      channel: 'phone',
      severity: 'minor',
      description: sealV1('description', wangDescription),
    };
    await must(
      raw.appendToStream(
        'complaint-C-old',
        [{ eventId, type: 'ComplaintReceived', data, metadata: { personal: ['customer.name', 'description'] } }],
        'no-stream',
      )(),
    );
    const read = await confidentialEventStore({ store: raw, keys, personalData }).readStream('complaint-C-old')();
    const first = E.isRight(read) && read.right.kind === 'stream' ? read.right.events[0] : undefined;
    expect(first?.data).toMatchObject({ customer: { id: wang.id, name: wang.name }, description: wangDescription });
  });
});

describe('personal data in errors and refusals', () => {
  it('never quotes the customer: a bad command and a refused one name fields and rules only', async () => {
    const { store } = await setUp();
    const handle = commandHandler(complaintCaseType, store);
    const bad = await handle({
      type: 'ReceiveComplaint',
      caseId: 'C-X',
      at: at(19, '10:00'),
      actor: cs,
      customer: { ...wang, id: '' },
      channel: 'pigeon',
      description: wangValues[4],
      severity: 'minor',
    })();
    expect(E.isLeft(bad) && bad.left.code).toBe('COMMAND_UNDECODABLE');
    const refused = await handle({
      type: 'ReceiveComplaint',
      caseId: 'C-W',
      at: at(19, '10:00'),
      actor: cs,
      customer: wang,
      channel: 'phone',
      description: wangValues[4],
      severity: 'minor',
    })();
    expect(E.isLeft(refused)).toBe(true);
    expect(personalValuesIn(bytesOf([bad, refused]), wangValues)).toEqual([]);
  });
});
