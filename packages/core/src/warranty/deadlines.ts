/**
 * The deadlines of a warranty claim (deadlines, not rejections; T-8):
 * - W-8 `defect-confirmation`: a construction defect is confirmed within 2 days of the notice;
 * - `refund` (J-2, J-3, or a company ground with a refund): a return accepted on a ground with a
 *   refund deadline is booked (the refund paid) within its window, counted from the returned
 *   goods' receipt (J-2) or from the customer's request (J-3, where the seller may wait until the
 *   goods are back: the deadline is then the later of the two). Under the policy version the
 *   acceptance recorded (T-5);
 * - `repair-completion` (J-1: 30 days): a repair is completed within the policy's time of the
 *   unit's receipt, under the version in force at the receipt; none in the seeds.
 */
import * as E from 'fp-ts/lib/Either.js';
import { deadline } from '../calendar.js';
import { type Instant, compareInstants } from '../codecs.js';
import { type DeadlineReport, allowanceOf, deadlineStatus } from '../deadline.js';
import { type PolicyError, type PolicyVersion, policyAt, policyVersion } from '../policy.js';
import type { RulebookPolicy } from '../rulebookPolicy.js';
import type { Rulebook } from '../ruleContext.js';
import { windowDeadline } from '../window.js';
import { type CaseDeadlines, type CaseProgress, firstAt, progressOf } from '../caseType.js';
import type { WarrantyEvent } from './messages.js';
import { type WarrantyClaimState, evolveWarrantyClaim, initialWarrantyClaimState } from './state.js';

const later = (a: Instant, b: Instant): Instant => (compareInstants(a, b) >= 0 ? a : b);

type Progress = CaseProgress<WarrantyClaimState>;
const first = (progress: Progress, type: WarrantyEvent['type']): Instant | undefined => firstAt<WarrantyEvent>(progress.firstAt, type);

/** The refund deadline of a return accepted on a ground that has one; nothing otherwise. */
const refundDeadline = (config: Rulebook, progress: Progress, now: Instant): ReadonlyArray<DeadlineReport> => {
  const filed = progress.state;
  if (filed.status === 'none' || (filed.claim.kind !== 'return' && filed.claim.kind !== 'exchange')) return [];
  const accepted = filed.claim.acceptance;
  if (accepted?.ground === undefined || accepted.specialCase) return [];
  // An unknown version is the audit's T-5 finding; there is no window to compute here.
  const version = policyVersion(accepted.policyVersion)(config.policies);
  if (E.isLeft(version)) return [];
  const ground = Object.hasOwn(version.right.values.warranty.returnGrounds, accepted.ground)
    ? version.right.values.warranty.returnGrounds[accepted.ground]
    : undefined;
  const refund = ground?.refund;
  if (ground === null || ground === undefined || refund === undefined) return [];
  const received = first(progress, 'ReturnedGoodsReceived');
  const booked = first(progress, 'ReturnBooked');
  const base = { ruleId: ground.rule, name: 'refund', policyVersion: version.right.version, allowed: allowanceOf(refund.within) };
  if (refund.from === 'goods-received') {
    // The clock starts when the returned goods arrive.
    if (received === undefined) return [{ ...base, status: 'not-applicable' }];
    const dueBy = windowDeadline(config.calendar, received, refund.within);
    return [{ ...base, status: deadlineStatus(dueBy, booked, now), from: received, dueBy, ...(booked === undefined ? {} : { doneAt: booked }) }];
  }
  const windowEnd = windowDeadline(config.calendar, filed.filedAt, refund.within);
  const dueBy = received === undefined ? windowEnd : later(windowEnd, received);
  // Until the goods are back the seller may wait: not late yet, however long it takes.
  const status = booked === undefined && received === undefined ? 'pending' : deadlineStatus(dueBy, booked, now);
  return [{ ...base, status, from: filed.filedAt, dueBy, ...(booked === undefined ? {} : { doneAt: booked }) }];
};

/** A repair done within the policy's time of the unit's receipt (J-1: 30 days), under the version in force at the receipt. */
const repairCompletionDeadline = (config: Rulebook, progress: Progress, now: Instant): ReadonlyArray<DeadlineReport> => {
  const received = first(progress, 'RepairUnitReceived');
  if (received === undefined) return [];
  const policy = policyAt(received)(config.policies);
  if (E.isLeft(policy)) return [];
  const completion = policy.right.values.warranty.repairCompletion;
  if (completion === null) return [];
  const dueBy = windowDeadline(config.calendar, received, completion.within);
  const done = first(progress, 'RepairCompleted');
  return [
    {
      ruleId: completion.rule,
      name: 'repair-completion',
      status: deadlineStatus(dueBy, done, now),
      from: received,
      dueBy,
      ...(done === undefined ? {} : { doneAt: done }),
      policyVersion: policy.right.version,
      allowed: allowanceOf(completion.within),
    },
  ];
};

export const warrantyDeadlinesOf: CaseDeadlines<WarrantyClaimState> = (config) => (progress, now) => {
  const filed = progress.state;
  const refunds = [...refundDeadline(config, progress, now), ...repairCompletionDeadline(config, progress, now)];
  if (filed.status === 'none' || filed.claim.kind !== 'construction-defect') {
    return E.right([{ ruleId: 'W-8', name: 'defect-confirmation', status: 'not-applicable' }, ...refunds]);
  }
  return E.map((policy: PolicyVersion<RulebookPolicy>): ReadonlyArray<DeadlineReport> => {
    const allowed = { days: policy.values.warranty.defectConfirmationWithinDays };
    const dueBy = deadline(config.calendar, filed.filedAt, allowed);
    const done = first(progress, 'ConstructionDefectConfirmed');
    return [
      {
        ruleId: 'W-8',
        name: 'defect-confirmation',
        status: deadlineStatus(dueBy, done, now),
        from: filed.filedAt,
        dueBy,
        ...(done === undefined ? {} : { doneAt: done }),
        policyVersion: policy.version,
        allowed: allowanceOf(allowed),
      },
      ...refunds,
    ];
  })(policyAt(filed.filedAt)(config.policies));
};

/** The same deadlines from a claim's events. */
export const warrantyDeadlines =
  (config: Rulebook) =>
  (events: ReadonlyArray<WarrantyEvent>, now: Instant): E.Either<PolicyError, ReadonlyArray<DeadlineReport>> =>
    warrantyDeadlinesOf(config)(progressOf({ initialState: initialWarrantyClaimState, evolve: evolveWarrantyClaim })(events), now);
