/** the review is decided (approved or rejected) within N working days of the order's submission (a deadline, T-8). */
import * as E from 'fp-ts/lib/Either.js';
import { deadline } from '../calendar.js';
import { type CaseDeadlines, firstAt, progressOf } from '../caseType.js';
import type { Instant } from '../codecs.js';
import { type DeadlineReport, allowanceOf, deadlineStatus, earlierOf } from '../deadline.js';
import { type PolicyError, type PolicyVersion, policyAt } from '../policy.js';
import type { Rulebook } from '../ruleContext.js';
import type { RulebookPolicy } from '../rulebookPolicy.js';
import type { ContractReviewEvent } from './messages.js';
import { type ContractReviewState, evolveContractReview, initialContractReviewState } from './state.js';

export const contractReviewDeadlinesOf: CaseDeadlines<ContractReviewState> = (context) => (progress, now) => {
  const s = progress.state;
  if (s.status === 'none') return E.right([{ ruleId: 'R-3', name: 'review-decision', status: 'not-applicable' }]);
  return E.map((policy: PolicyVersion<RulebookPolicy>): ReadonlyArray<DeadlineReport> => {
    const allowed = { workingDays: policy.values.contractReview.decisionWithinWorkingDays };
    const dueBy = deadline(context.calendar, s.submittedAt, allowed);
    const decided = earlierOf(
      firstAt<ContractReviewEvent>(progress.firstAt, 'ContractApproved'),
      firstAt<ContractReviewEvent>(progress.firstAt, 'OrderRejected'),
    );
    return [
      {
        ruleId: 'R-3',
        name: 'review-decision',
        status: deadlineStatus(dueBy, decided, now),
        from: s.submittedAt,
        dueBy,
        ...(decided === undefined ? {} : { doneAt: decided }),
        policyVersion: policy.version,
        allowed: allowanceOf(allowed),
      },
    ];
  })(policyAt(s.submittedAt)(context.policies));
};

/** The same deadline from a contract review's events. */
export const contractReviewDeadlines =
  (context: Rulebook) =>
  (events: ReadonlyArray<ContractReviewEvent>, now: Instant): E.Either<PolicyError, ReadonlyArray<DeadlineReport>> =>
    contractReviewDeadlinesOf(context)(progressOf({ initialState: initialContractReviewState, evolve: evolveContractReview })(events), now);
