/** the review is decided (approved or rejected) within N working days of the order's submission (a deadline, T-8). */
import * as E from 'fp-ts/lib/Either.js';
import { deadline } from '../calendar.js';
import type { Instant } from '../codecs.js';
import { type DeadlineReport, allowanceOf, deadlineStatus } from '../deadline.js';
import { type PolicyError, type PolicyVersion, policyAt } from '../policy.js';
import type { Rulebook } from '../ruleContext.js';
import type { RulebookPolicy } from '../rulebookPolicy.js';
import type { ContractReviewEvent } from './messages.js';

export const contractReviewDeadlines =
  (context: Rulebook) =>
  (events: ReadonlyArray<ContractReviewEvent>, now: Instant): E.Either<PolicyError, ReadonlyArray<DeadlineReport>> => {
    const submitted = events[0];
    if (submitted?.type !== 'OrderSubmitted') return E.right([{ ruleId: 'R-3', name: 'review-decision', status: 'not-applicable' }]);
    return E.map((policy: PolicyVersion<RulebookPolicy>): ReadonlyArray<DeadlineReport> => {
      const allowed = { workingDays: policy.values.contractReview.decisionWithinWorkingDays };
      const dueBy = deadline(context.calendar, submitted.at, allowed);
      const decided = events.find((e) => e.type === 'ContractApproved' || e.type === 'OrderRejected');
      return [
        {
          ruleId: 'R-3',
          name: 'review-decision',
          status: deadlineStatus(dueBy, decided?.at, now),
          from: submitted.at,
          dueBy,
          ...(decided === undefined ? {} : { doneAt: decided.at }),
          policyVersion: policy.version,
          allowed: allowanceOf(allowed),
        },
      ];
    })(policyAt(submitted.at)(context.policies));
  };
