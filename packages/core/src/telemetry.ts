/**
 * Hooks to see what the library does: each command a handler takes (refused with which rule and
 * code, appended at which revision, conflicts and resends on the way), each batch a projection
 * runner commits, each event it parks, each drop of a subscription. Everything a hook is told is
 * safe to log or export: types, rule ids, codes, counts, revisions; never a case's data, a customer
 * or free text (T-10). `@caseledger/core/opentelemetry` turns them into spans and metrics.
 */

/** A command as a handler receives it. */
export interface CommandSeen {
  /** The case type's category (`complaint`, `warrantyClaim`…). */
  readonly caseType: string;
  /** The command's type, or `undecodable` when it could not be read. */
  readonly commandType: string;
}

/** How a command ended. */
export type CommandOutcome =
  | { readonly kind: 'appended'; readonly revision: bigint; readonly events: number; readonly attempts: number }
  /** Nothing needed to happen (or the command was sent before and its first outcome was returned). */
  | { readonly kind: 'unchanged'; readonly attempts: number }
  | { readonly kind: 'refused'; readonly ruleId: string; readonly code: string }
  /** The store, a stored event or the other writers stopped it (`CONCURRENCY_CONFLICT` after the last attempt). */
  | { readonly kind: 'failed'; readonly code: string };

/** What hears one command from its arrival to its outcome. */
export interface CommandObserver {
  /** Runs the command; an observer that tracks context (a span made active) wraps it. */
  readonly run?: <T>(handle: () => Promise<T>) => Promise<T>;
  /** Another writer appended first: the command is decided again on a fresh read while attempts remain. */
  readonly conflict?: (e: { readonly attempt: number; readonly willRetry: boolean }) => void;
  /** An append failed with a retriable store error and is sent again with the same event ids. */
  readonly resend?: (e: { readonly resend: number; readonly code: string }) => void;
  readonly done?: (outcome: CommandOutcome) => void;
}

/** A batch a projection runner committed with its checkpoint. */
export interface ProjectionBatchSeen {
  readonly projection: string;
  readonly events: number;
  readonly applied: number;
  readonly parked: number;
  readonly durationMs: number;
  /** Events the source holds after this batch's checkpoint, when the runner knows it (a catch-up run's last batch: 0). */
  readonly lag?: number;
}

/** An event a projection could not read, parked with its stream position. */
export interface ParkedSeen {
  readonly projection: string;
  readonly eventType: string;
  readonly code: string;
}

/** A subscription that dropped and will resubscribe. */
export interface SubscriptionDropSeen {
  readonly attempt: number;
  readonly retryInMs: number;
  readonly code: string;
}

export interface Telemetry {
  readonly command?: (seen: CommandSeen) => CommandObserver | undefined;
  readonly projectionBatch?: (batch: ProjectionBatchSeen) => void;
  readonly parked?: (parked: ParkedSeen) => void;
  readonly subscriptionDrop?: (drop: SubscriptionDropSeen) => void;
}

/** Several telemetries as one: each hears everything, in order (e.g. a logger and OpenTelemetry). */
export const combineTelemetry = (...all: ReadonlyArray<Telemetry>): Telemetry => ({
  command: (seen) => {
    const observers = all.flatMap((t) => {
      const o = t.command?.(seen);
      return o === undefined ? [] : [o];
    });
    return {
      run: <T>(handle: () => Promise<T>): Promise<T> =>
        observers.reduceRight((inner: () => Promise<T>, o) => {
          const run = o.run;
          return run === undefined ? inner : () => run(inner);
        }, handle)(),
      conflict: (e) => observers.forEach((o) => o.conflict?.(e)),
      resend: (e) => observers.forEach((o) => o.resend?.(e)),
      done: (outcome) => observers.forEach((o) => o.done?.(outcome)),
    };
  },
  projectionBatch: (b) => all.forEach((t) => t.projectionBatch?.(b)),
  parked: (p) => all.forEach((t) => t.parked?.(p)),
  subscriptionDrop: (d) => all.forEach((t) => t.subscriptionDrop?.(d)),
});
