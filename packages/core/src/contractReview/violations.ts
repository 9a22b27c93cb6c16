/**
 * Contract reviews (R-1 … R-6): the codes this case type refuses or finds with, each with what it means in Chinese (the
 * English is each violation's own message, written where the rule refuses). A code without its
 * text does not compile: the case type's rules build violations only through `contractReviewViolations`.
 */
import { violationsOf } from '../violationCodes.js';

export const contractReviewViolations = violationsOf({
  ORDER_ALREADY_SUBMITTED: '订单已提交。',
  ORDER_NOT_SUBMITTED: '订单尚未提交。',
  ORDER_NOT_BY_SALES: '订单只能由业务部提交。',
  ORDER_REJECTED: '订单已被拒绝。',
  ORAL_ORDER_NOT_RECORDED: '口头订单须先书面记录，方可评审。',
  NOT_AN_UNRECORDED_ORAL_ORDER: '这不是待书面记录的口头订单。',
  NOT_IN_REVIEW: '订单不在评审中。',
  REVIEW_NOT_BY_SALES: '评审须由业务部办理。',
  REQUIREMENTS_NOT_DEFINED: '要求尚未全部确定。',
  DIFFERENCE_EXISTS: '该差异已记录。',
  DIFFERENCE_UNKNOWN: '没有该差异。',
  DIFFERENCE_ALREADY_RESOLVED: '该差异已解决。',
  DIFFERENCES_UNRESOLVED: '与报价或订单的差异尚未全部解决。',
  DEPARTMENTS_NOT_NAMED: '工艺复杂或需特殊材料的订单，须写明须征求意见的部门。',
  OPINION_NOT_REQUESTED: '未向该部门征求意见。',
  DEPARTMENT_OPINION_MISSING: '尚有部门未提出意见。',
  DEPARTMENT_CANNOT_MEET: '有部门表示无法满足要求。',
  CAPABILITY_NOT_CONFIRMED: '尚未确认公司有能力满足要求。',
  APPROVAL_NOT_BY_SALES: '合同只能由业务部批准。',
  ALREADY_APPROVED: '合同已批准。',
  NOT_APPROVED: '合同尚未批准。',
  SIGNING_NOT_BY_SALES: '合同须由业务部签订。',
  ALREADY_SIGNED: '合同已签订。',
  NOT_SIGNED: '合同尚未签订。',
  AMENDMENT_NOT_BY_SALES: '合同变更须由业务部提出。',
  NOTHING_TO_AMEND: '没有可变更的合同。',
  AMENDMENT_EXISTS: '该变更已提出。',
  AMENDMENT_UNKNOWN: '没有该变更。',
  AMENDMENT_ALREADY_ANSWERED: '客户已答复该变更。',
  AMENDMENT_NOT_IN_EFFECT: '变更尚未经客户同意生效。',
  AFFECTED_DEPARTMENTS_NOT_NAMED: '变更须写明受影响的部门。',
  DEPARTMENT_NOT_AFFECTED: '该部门不受此变更影响。',
  AMENDMENT_ALREADY_COMMUNICATED: '该变更已通知该部门。',
  AMENDMENT_NOT_COMMUNICATED: '变更尚未通知所有受影响的部门。',
  RELEASE_NOT_PERMITTED: '下达生产须由业务部或生产部办理。',
  ALREADY_RELEASED: '已下达生产。',
});

/** The case type's violation constructors: only its codes and the kernel's. */
export const { violation, only } = contractReviewViolations;
/** A code this case type refuses or finds with (its own or the kernel's). */
export type ContractReviewViolationCode = Parameters<typeof contractReviewViolations.violation>[1];
