/**
 * T-9: records are kept for at least 3 years after a case closes (seed 003 §8). A request to
 * delete a case stream earlier, or a case that is still open, is refused.
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import { type CaseId, type Instant, compareInstants, instantFromEpochMs, epochMs } from './codecs.js';
import type { CaseType, CommandBase, EventBase, EventDecodeError } from './caseType.js';
import { loadCase } from './commandHandler.js';
import type { EventStore, StoreError } from './eventStore.js';
import { type PolicySet, policyAt, policyViolation } from './policy.js';
import type { RulebookPolicy } from './rulebookPolicy.js';
import { type Violation } from './violation.js';
import { kernelViolation as violation } from './violationCodes.js';

/** The first instant at which a case closed at `closedAt` may be deleted. */
export const retentionEndsAt = (closedAt: Instant, retentionYears: number): Instant => {
  const closed = new Date(epochMs(closedAt));
  closed.setUTCFullYear(closed.getUTCFullYear() + retentionYears);
  return instantFromEpochMs(closed.getTime());
};

/**
 * May a case closed at `closedAt` be deleted at `at`? The longer of the retention periods in force
 * when it closed and now applies, so a later, shorter policy never shortens a promise already made.
 */
export const checkRetention = (policies: PolicySet<RulebookPolicy>, closedAt: Instant | undefined, at: Instant): E.Either<Violation, Instant> => {
  if (closedAt === undefined) {
    return E.left(violation('T-9', 'CASE_NOT_CLOSED', 'An open case cannot be deleted or archived.', { at }));
  }
  const atClose = policyAt(closedAt)(policies);
  const now = policyAt(at)(policies);
  if (E.isLeft(atClose)) return E.left(policyViolation(atClose.left));
  if (E.isLeft(now)) return E.left(policyViolation(now.left));
  const years = Math.max(atClose.right.values.records.retentionYears, now.right.values.records.retentionYears);
  const endsAt = retentionEndsAt(closedAt, years);
  return compareInstants(at, endsAt) < 0
    ? E.left(
        violation(
          'T-9',
          'RETENTION_PERIOD_NOT_OVER',
          `Records must be kept ${years} years after the case closed at ${closedAt}; it may be deleted from ${endsAt}.`,
          {
            closedAt,
            retentionYears: years,
            deletableFrom: endsAt,
          },
        ),
      )
    : E.right(endsAt);
};

/** Delete a case stream, only once the retention period after its closing is over (T-9). */
export const deleteCase =
  <C extends CommandBase, Ev extends EventBase, S>(caseType: CaseType<C, Ev, S>, store: EventStore, policies: PolicySet<RulebookPolicy>) =>
  (caseId: CaseId, at: Instant): TE.TaskEither<Violation | StoreError | EventDecodeError, void> =>
  async () => {
    const loaded = await loadCase(caseType, store)(caseId)();
    if (E.isLeft(loaded)) return loaded;
    const allowed = checkRetention(policies, caseType.closedAt(loaded.right.state), at);
    if (E.isLeft(allowed)) return allowed;
    return store.deleteStream(loaded.right.streamName, loaded.right.revision)();
  };
