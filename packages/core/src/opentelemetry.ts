/**
 * `@caseledger/core/opentelemetry`: the library's telemetry as OpenTelemetry spans and metrics,
 * through `@opentelemetry/api` (an optional peer: install it to use this entry; without an SDK
 * registered, the API records nothing). A command is a span `handle <CommandType>` with its
 * conflicts and resends as span events; projection batches, parked events and subscription drops
 * are counted. Attributes carry types, rule ids, codes, counts and revisions only, never customer
 * data (T-10); `error.type` follows OpenTelemetry's semantic conventions.
 */
import { type Attributes, type Meter, type Span, SpanKind, SpanStatusCode, type Tracer, context, metrics, trace } from '@opentelemetry/api';
import type { CommandOutcome, Telemetry } from './telemetry.js';

/** The instrumentation scope's name. */
export const INSTRUMENTATION_NAME = '@caseledger/core';

export interface OpenTelemetryOptions {
  /** Default: the global tracer provider's tracer for `@caseledger/core`. */
  readonly tracer?: Tracer;
  /** Default: the global meter provider's meter for `@caseledger/core`. */
  readonly meter?: Meter;
}

/** Attribute names of caseledger's own (OpenTelemetry has none for these). */
export const ATTRIBUTES = {
  caseType: 'caseledger.case.type',
  commandType: 'caseledger.command.type',
  outcome: 'caseledger.command.outcome',
  attempts: 'caseledger.command.attempts',
  revision: 'caseledger.stream.revision',
  eventsAppended: 'caseledger.events.appended',
  ruleId: 'caseledger.rule.id',
  violationCode: 'caseledger.violation.code',
  attempt: 'caseledger.attempt',
  willRetry: 'caseledger.will_retry',
  resend: 'caseledger.resend',
  projection: 'caseledger.projection.name',
  eventType: 'caseledger.event.type',
  errorType: 'error.type',
} as const;

const outcomeAttributes = (o: CommandOutcome): Attributes => {
  switch (o.kind) {
    case 'appended':
      return {
        [ATTRIBUTES.outcome]: 'appended',
        [ATTRIBUTES.revision]: Number(o.revision),
        [ATTRIBUTES.eventsAppended]: o.events,
        [ATTRIBUTES.attempts]: o.attempts,
      };
    case 'unchanged':
      return { [ATTRIBUTES.outcome]: 'unchanged', [ATTRIBUTES.attempts]: o.attempts };
    case 'refused':
      return { [ATTRIBUTES.outcome]: 'refused', [ATTRIBUTES.ruleId]: o.ruleId, [ATTRIBUTES.violationCode]: o.code };
    case 'failed':
      return { [ATTRIBUTES.outcome]: 'failed', [ATTRIBUTES.errorType]: o.code };
  }
};

/**
 * Telemetry that records spans and metrics: give it to `commandHandler(…, { telemetry })`, the
 * projection runners and the EventStoreDB subscription. Metrics: `caseledger.command.count`
 * (by command type and outcome), `caseledger.command.duration` (s), `caseledger.command.conflicts`,
 * `caseledger.projection.events`, `caseledger.projection.batch.duration` (s),
 * `caseledger.projection.lag` (events), `caseledger.projection.parked`, `caseledger.subscription.drops`.
 */
export const openTelemetry = (options: OpenTelemetryOptions = {}): Telemetry => {
  const tracer = options.tracer ?? trace.getTracer(INSTRUMENTATION_NAME);
  const meter = options.meter ?? metrics.getMeter(INSTRUMENTATION_NAME);
  const commands = meter.createCounter('caseledger.command.count', { description: 'Commands handled, by type and outcome.' });
  const duration = meter.createHistogram('caseledger.command.duration', {
    description: 'Time to handle a command, conflicts and resends included.',
    unit: 's',
  });
  const conflicts = meter.createCounter('caseledger.command.conflicts', { description: 'Appends that lost to another writer.' });
  const projected = meter.createCounter('caseledger.projection.events', { description: 'Events a projection read.' });
  const batchDuration = meter.createHistogram('caseledger.projection.batch.duration', { description: 'Time to fold and commit a batch.', unit: 's' });
  const lag = meter.createHistogram('caseledger.projection.lag', { description: 'Events the source held after a committed batch.', unit: '{event}' });
  const parked = meter.createCounter('caseledger.projection.parked', { description: 'Events a projection could not read and parked.' });
  const drops = meter.createCounter('caseledger.subscription.drops', { description: 'Subscription drops that will resubscribe.' });

  return {
    command: (seen) => {
      const base: Attributes = { [ATTRIBUTES.caseType]: seen.caseType, [ATTRIBUTES.commandType]: seen.commandType };
      const started = performance.now();
      const span: Span = tracer.startSpan(`handle ${seen.commandType}`, { kind: SpanKind.INTERNAL, attributes: base });
      return {
        run: (handle) => context.with(trace.setSpan(context.active(), span), handle),
        conflict: ({ attempt, willRetry }) => {
          span.addEvent('caseledger.conflict', { [ATTRIBUTES.attempt]: attempt, [ATTRIBUTES.willRetry]: willRetry });
          conflicts.add(1, base);
        },
        resend: ({ resend, code }) => span.addEvent('caseledger.resend', { [ATTRIBUTES.resend]: resend, [ATTRIBUTES.errorType]: code }),
        done: (outcome) => {
          span.setAttributes(outcomeAttributes(outcome));
          // A refusal is the rulebook working, not an error; a failure is.
          if (outcome.kind === 'failed') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.code });
          span.end();
          const byOutcome = { ...base, [ATTRIBUTES.outcome]: outcome.kind, ...(outcome.kind === 'failed' ? { [ATTRIBUTES.errorType]: outcome.code } : {}) };
          commands.add(1, byOutcome);
          duration.record((performance.now() - started) / 1000, byOutcome);
        },
      };
    },
    projectionBatch: (b) => {
      const attributes = { [ATTRIBUTES.projection]: b.projection };
      projected.add(b.events, attributes);
      batchDuration.record(b.durationMs / 1000, attributes);
      if (b.lag !== undefined) lag.record(b.lag, attributes);
    },
    parked: (p) => parked.add(1, { [ATTRIBUTES.projection]: p.projection, [ATTRIBUTES.eventType]: p.eventType, [ATTRIBUTES.errorType]: p.code }),
    subscriptionDrop: (d) => drops.add(1, { [ATTRIBUTES.errorType]: d.code }),
  };
};
