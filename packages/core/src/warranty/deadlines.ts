/** W-8: a construction defect is confirmed within 2 days of the notice (deadline, not a rejection; T-8). */
import * as E from 'fp-ts/lib/Either.js';
import { deadline } from '../calendar.js';
import type { Instant } from '../codecs.js';
import { type DeadlineReport, deadlineStatus } from '../deadline.js';
import { type PolicyError, type PolicyVersion, policyAt } from '../policy.js';
import type { RulebookPolicy } from '../rulebookPolicy.js';
import type { Rulebook } from '../ruleContext.js';
import type { WarrantyEvent } from './messages.js';

export const warrantyDeadlines =
  (config: Rulebook) =>
  (events: ReadonlyArray<WarrantyEvent>, now: Instant): E.Either<PolicyError, ReadonlyArray<DeadlineReport>> => {
    const filed = events[0];
    if (filed?.type !== 'ClaimFiled' || filed.kind !== 'construction-defect') {
      return E.right([{ ruleId: 'W-8', name: 'defect-confirmation', status: 'not-applicable' }]);
    }
    return E.map((policy: PolicyVersion<RulebookPolicy>): ReadonlyArray<DeadlineReport> => {
      const dueBy = deadline(config.calendar, filed.at, { days: policy.values.warranty.defectConfirmationWithinDays });
      const done = events.find((e) => e.type === 'ConstructionDefectConfirmed');
      return [
        {
          ruleId: 'W-8',
          name: 'defect-confirmation',
          status: deadlineStatus(dueBy, done?.at, now),
          from: filed.at,
          dueBy,
          ...(done === undefined ? {} : { doneAt: done.at }),
          policyVersion: policy.version,
        },
      ];
    })(policyAt(filed.at)(config.policies));
  };
