/** Telemetry: what the handler tells its hooks, and the OpenTelemetry spans and metrics made from it. */
import { type Attributes, SpanStatusCode } from '@opentelemetry/api';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { type CommandOutcome, type EventStore, type Telemetry, combineTelemetry, commandHandler, complaintCaseType, inMemoryEventStore } from '../src/index.js';
import { openTelemetry } from '../src/opentelemetry.js';

const at = (hhmm: string) => `2026-11-16T${hhmm}:00+08:00`;
const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };
const customer = { id: 'cust-wang', name: 'Wang Lei', phone: '+86 138 0000 1234' };
const receive = {
  type: 'ReceiveComplaint',
  caseId: 'C-1',
  at: at('09:00'),
  actor: cs,
  customer,
  channel: 'phone',
  description: 'The kettle leaks, call Wang Lei',
  severity: 'minor',
};
const acknowledge = { type: 'AcknowledgeComplaint', caseId: 'C-1', at: at('09:05'), actor: cs, explanation: 'We are on it' };
const classify = { type: 'ClassifyComplaint', caseId: 'C-1', at: at('09:10'), actor: cs, responsibility: 'internal' };

/**
 * A store where, on cue, the next append first fails as the server being unavailable (the handler
 * resends it), and then another writer gets in first (the handler's append conflicts).
 */
const troubledStore = (inner: EventStore, otherWriter: () => Promise<void>) => {
  let trouble: 'unavailable' | 'overtaken' | 'none' = 'none';
  const store: EventStore = {
    ...inner,
    appendToStream: (stream, events, expected) => async () => {
      if (trouble === 'unavailable') {
        trouble = 'overtaken';
        return E.left({ _tag: 'StoreError', code: 'STORE_UNAVAILABLE', message: 'The server is unavailable.', retriable: true });
      }
      if (trouble === 'overtaken') {
        trouble = 'none';
        await otherWriter();
      }
      return inner.appendToStream(stream, events, expected)();
    },
  };
  return { store, makeTrouble: () => void (trouble = 'unavailable') };
};

const scenario = async (telemetry: Telemetry) => {
  const inner = inMemoryEventStore();
  const other = commandHandler(complaintCaseType, inner);
  const { store, makeTrouble } = troubledStore(inner, async () => {
    const r = await other(acknowledge)();
    if (E.isLeft(r)) throw new Error(r.left.message);
  });
  const handle = commandHandler(complaintCaseType, store, { telemetry, retryDelayMs: 0 });
  const received = await handle(receive)();
  makeTrouble();
  const classified = await handle(classify)();
  const refused = await handle({ ...classify, at: at('09:20') })();
  const undecodable = await handle({ type: 'ClassifyComplaint', caseId: 'C-1' })();
  return { received, classified, refused, undecodable };
};

describe('telemetry hooks', () => {
  it('tell each command: resends, conflicts and the outcome, with rule ids and codes for refusals', async () => {
    const heard: Array<readonly [string, string, unknown]> = [];
    const hooks: Telemetry = {
      command: ({ commandType }) => ({
        conflict: (e) => heard.push([commandType, 'conflict', e]),
        resend: (e) => heard.push([commandType, 'resend', e]),
        done: (o: CommandOutcome) => heard.push([commandType, 'done', o]),
      }),
    };
    const r = await scenario(hooks);
    expect(E.isRight(r.classified) && r.classified.right.revision).toBe(2n);
    expect(heard).toEqual([
      ['ReceiveComplaint', 'done', { kind: 'appended', revision: 0n, events: 1, attempts: 1 }],
      ['ClassifyComplaint', 'resend', { resend: 1, code: 'STORE_UNAVAILABLE' }],
      ['ClassifyComplaint', 'conflict', { attempt: 1, willRetry: true }],
      ['ClassifyComplaint', 'done', { kind: 'appended', revision: 2n, events: 1, attempts: 2 }],
      ['ClassifyComplaint', 'done', { kind: 'refused', ruleId: 'C-3', code: 'ALREADY_CLASSIFIED' }],
      ['undecodable', 'done', { kind: 'refused', ruleId: 'T-7', code: 'COMMAND_UNDECODABLE' }],
    ]);
  });

  it('combines several telemetries: each hears everything', async () => {
    const a: string[] = [];
    const b: string[] = [];
    await scenario(combineTelemetry({ command: () => ({ done: (o) => a.push(o.kind) }) }, { command: () => ({ done: (o) => b.push(o.kind) }) }));
    expect(a).toEqual(['appended', 'appended', 'refused', 'refused']);
    expect(b).toEqual(a);
  });
});

describe('OpenTelemetry', () => {
  it('records a span per command, with the conflict and the resend as events, and counts commands by outcome; no customer data anywhere', async () => {
    const spans = new InMemorySpanExporter();
    const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }).getTracer('test');
    const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
    const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 60_000 });
    const meter = new MeterProvider({ readers: [reader] }).getMeter('test');

    await scenario(openTelemetry({ tracer, meter }));

    const finished = spans.getFinishedSpans();
    expect(finished.map((s) => s.name)).toEqual(['handle ReceiveComplaint', 'handle ClassifyComplaint', 'handle ClassifyComplaint', 'handle undecodable']);
    const [, conflicted, refused] = finished;
    expect(conflicted?.attributes).toEqual({
      'caseledger.case.type': 'complaint',
      'caseledger.command.type': 'ClassifyComplaint',
      'caseledger.command.outcome': 'appended',
      'caseledger.stream.revision': 2,
      'caseledger.events.appended': 1,
      'caseledger.command.attempts': 2,
    });
    expect(conflicted?.events.map((e) => [e.name, e.attributes])).toEqual([
      ['caseledger.resend', { 'caseledger.resend': 1, 'error.type': 'STORE_UNAVAILABLE' }],
      ['caseledger.conflict', { 'caseledger.attempt': 1, 'caseledger.will_retry': true }],
    ]);
    expect(conflicted?.status.code).toBe(SpanStatusCode.UNSET);
    expect(refused?.attributes).toMatchObject({
      'caseledger.command.outcome': 'refused',
      'caseledger.rule.id': 'C-3',
      'caseledger.violation.code': 'ALREADY_CLASSIFIED',
    });
    expect(refused?.status.code).toBe(SpanStatusCode.UNSET);

    await reader.forceFlush();
    const exported = metricExporter.getMetrics().flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics));
    const count = exported.find((m) => m.descriptor.name === 'caseledger.command.count');
    const points = (count?.dataPoints ?? []).map((p) => [p.attributes['caseledger.command.type'], p.attributes['caseledger.command.outcome'], p.value]);
    expect(points).toEqual(
      expect.arrayContaining([
        ['ReceiveComplaint', 'appended', 1],
        ['ClassifyComplaint', 'appended', 1],
        ['ClassifyComplaint', 'refused', 1],
        ['undecodable', 'refused', 1],
      ]),
    );
    const conflicts = exported.find((m) => m.descriptor.name === 'caseledger.command.conflicts');
    expect(conflicts?.dataPoints.map((p) => p.value)).toEqual([1]);

    // T-10: nothing the customer said or is appears in a span, an event or a metric.
    const everything = JSON.stringify([
      finished.map((s) => [s.name, s.attributes, s.events.map((e) => e.attributes ?? {})]),
      exported.map((m) => m.dataPoints.map((p): Attributes => p.attributes)),
    ]);
    for (const personal of ['Wang Lei', '138 0000', 'kettle', 'cust-wang', 'We are on it']) expect(everything).not.toContain(personal);
    await reader.shutdown();
  });
});
