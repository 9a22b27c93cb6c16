/** What each contract-review event means to an auditor, and the status of a review. */
import type { EventMeaning } from '../caseType.js';
import { sayIn, wordsIn } from '../inLanguage.js';
import { contractReviewWords } from './words.js';
import type { Locale } from '../ruleCatalogue.js';
import type { RuleId } from '../violation.js';
import type { ContractReviewEvent } from './messages.js';
import type { ContractReviewState } from './state.js';

const m = (rules: ReadonlyArray<RuleId>, summary: string): EventMeaning => ({ rules, summary, specialCase: false });

export const describeContractReviewEvent = (e: ContractReviewEvent, locale?: Locale): EventMeaning => {
  const say = sayIn(locale);
  const word = wordsIn(contractReviewWords)(locale);
  switch (e.type) {
    case 'OrderSubmitted': {
      const opinions =
        e.requiredDepartments.length > 0
          ? say(`; opinions needed from ${e.requiredDepartments.join(', ')}`, `；须征求 ${e.requiredDepartments.map(word).join('、')} 的意见`)
          : '';
      return m(['R-1', 'R-4'], say(`${e.form} order submitted${opinions}`, `提交${word(e.form)}订单${opinions}`));
    }
    case 'OralOrderRecorded':
      return m(['R-1'], say('Oral order recorded in writing', '口头订单已书面记录'));
    case 'RequirementDetermined':
      return m(
        ['R-2'],
        say(
          `Requirement "${e.category}" determined${e.decision.kind === 'none' ? ' as none' : ''}`,
          `已确定“${e.category}”要求${e.decision.kind === 'none' ? '（无）' : ''}`,
        ),
      );
    case 'DifferenceRecorded':
      return m(['R-3'], say(`Difference ${e.differenceId} recorded`, `记录差异 ${e.differenceId}`));
    case 'DifferenceResolved':
      return m(['R-3'], say(`Difference ${e.differenceId} resolved`, `差异 ${e.differenceId} 已解决`));
    case 'DepartmentOpinionRecorded':
      return m(['R-4'], say(`${e.department}: ${e.canMeet ? 'can meet' : 'CANNOT meet'}`, `${word(e.department)}：${e.canMeet ? '可以满足' : '无法满足'}`));
    case 'CapabilityConfirmed':
      return m(['R-3'], say('Capability confirmed', '已确认有能力满足'));
    case 'ContractApproved':
      return m(['R-3', 'R-5'], say(`Contract approved by ${e.by.id} (${e.by.department})`, `合同由 ${e.by.id}（${word(e.by.department)}）批准`));
    case 'OrderRejected':
      return m(['R-3'], say('Order rejected', '订单被拒绝'));
    case 'ContractSigned':
      return m(['R-3'], say('Contract signed', '合同已签订'));
    case 'AmendmentProposed':
      return m(
        ['R-6'],
        say(
          `Amendment ${e.amendmentId} proposed${e.changesProductRequirements ? ' (changes product requirements)' : ''}`,
          `提出变更 ${e.amendmentId}${e.changesProductRequirements ? '（变更产品要求）' : ''}`,
        ),
      );
    case 'AmendmentAgreed':
      return m(['R-6'], say(`Customer agreed to amendment ${e.amendmentId}`, `客户同意变更 ${e.amendmentId}`));
    case 'AmendmentDeclined':
      return m(['R-6'], say(`Customer declined amendment ${e.amendmentId}`, `客户不同意变更 ${e.amendmentId}`));
    case 'ContractReturnedToReview':
      return m(['R-6'], say(`Back to review after amendment ${e.amendmentId}`, `因变更 ${e.amendmentId} 重新评审`));
    case 'AmendmentCommunicated':
      return m(['R-6'], say(`Amendment ${e.amendmentId} communicated to ${e.department}`, `变更 ${e.amendmentId} 已通知 ${word(e.department)}`));
    case 'ReleasedToProduction':
      return m(['R-6'], say('Released to production', '已下达生产'));
  }
};

export const contractReviewStatus = (s: ContractReviewState): string => s.status;
