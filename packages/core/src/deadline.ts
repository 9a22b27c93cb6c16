/**
 * T-8: deadlines are not rejections. A late step is recorded like any other; whether a deadline
 * was met is computed from the history, at an instant "now".
 */
import { type Instant, compareInstants } from './codecs.js';
import type { RuleId } from './violation.js';

export type DeadlineStatus = 'met' | 'missed' | 'pending' | 'not-applicable';

export interface DeadlineReport {
  readonly ruleId: RuleId;
  /** Stable name of the deadline, e.g. `quality-reply`. */
  readonly name: string;
  readonly status: DeadlineStatus;
  /** When the clock started (absent when not applicable). */
  readonly from?: Instant;
  /** The last instant at which the step is on time. */
  readonly dueBy?: Instant;
  /** When the step was taken, if it was. */
  readonly doneAt?: Instant;
  /** The policy version whose value set the due instant. */
  readonly policyVersion?: string;
}

/**
 * Met when done on or before `dueBy`; missed when done later, or not done and `now` is past
 * `dueBy`; pending otherwise.
 */
export const deadlineStatus = (dueBy: Instant, doneAt: Instant | undefined, now: Instant): Exclude<DeadlineStatus, 'not-applicable'> => {
  if (doneAt !== undefined) return compareInstants(doneAt, dueBy) <= 0 ? 'met' : 'missed';
  return compareInstants(now, dueBy) > 0 ? 'missed' : 'pending';
};
