/**
 * Complaints (C-1 … C-12): the codes this case type refuses or finds with, each with what it means in Chinese (the
 * English is each violation's own message, written where the rule refuses). A code without its
 * text does not compile: the case type's rules build violations only through `complaintViolations`.
 */
import { violationsOf } from '../violationCodes.js';

export const complaintViolations = violationsOf({
  COMPLAINT_ALREADY_RECEIVED: '该投诉已登记。',
  COMPLAINT_NOT_RECEIVED: '该投诉尚未登记。',
  COMPLAINT_CLOSED: '投诉已结案，只能由经理重新开启。',
  COMPLAINT_NOT_CLOSED: '投诉尚未结案。',
  COMPLAINT_ID_TOO_LONG: '投诉编号过长。',
  ALREADY_ACKNOWLEDGED: '已答复过客户。',
  ALREADY_CLASSIFIED: '责任已判定。',
  NOT_CLASSIFIED: '须先判定责任属外部或内部。',
  CLASSIFICATION_NOT_PERMITTED: '判定责任须由客服部、业务部或品质部办理。',
  RESPONSIBILITY_UNDER_JOINT_REVIEW: '责任正由联合评审判定。',
  NOT_EXTERNAL: '该步骤只适用于外部原因的投诉。',
  NOT_INTERNAL: '该步骤只适用于内部原因的投诉。',
  EXPLANATION_NOT_SENT: '尚未向客户发出解释。',
  EXPLANATION_RECEIPT_NOT_CONFIRMED: '客户尚未确认收到解释。',
  ALREADY_FORWARDED: '投诉单已转交品质部。',
  NOT_FORWARDED_TO_QUALITY: '投诉单尚未转交品质部。',
  QUALITY_ONLY: '该步骤只能由品质部办理。',
  QUALITY_REPLY_NOT_BY_QUALITY: '书面回复只能由品质部作出。',
  QUALITY_ALREADY_REPLIED: '品质部已回复。',
  QUALITY_REPLY_MISSING: '须先有品质部的书面回复。',
  ROOT_CAUSE_ALREADY_DETERMINED: '原因已确定。',
  ROOT_CAUSE_NOT_DETERMINED: '须先由品质部确定原因和责任部门。',
  CAPA_NOT_BY_RESPONSIBLE_DEPARTMENT: '纠正预防措施只能由责任部门办理。',
  CAPA_PLAN_NOT_REQUIRED: '目前不需要新的纠正预防措施方案。',
  NO_PLAN_TO_IMPLEMENT: '没有待实施的方案。',
  CAPA_NOT_IMPLEMENTED: '方案尚未实施。',
  CAPA_NOT_VERIFIED_EFFECTIVE: '方案尚未经品质部验证有效。',
  RESOLUTION_NOT_REPORTED: '尚未向客户报告处理结果。',
  CUSTOMER_ACCEPTANCE_MISSING: '尚未记录客户接受处理结果。',
  SAMPLES_HANDLING_NOT_PERMITTED: '该部门无权处理样品（接收：客服部、业务部、仓库或品质部；处置：品质部或仓库）。',
  NO_SAMPLES_HELD: '目前没有保存的样品。',
  NO_SAMPLES_TO_REINSPECT: '没有待复检的样品。',
  REINSPECTION_EXCEEDS_RECEIVED: '复检数量超过收到的样品数量。',
  SAMPLES_NOT_REINSPECTED: '收到的样品尚未全部复检。',
  SAMPLES_RETAINED_FOR_DISPUTE: '客户有异议，样品须保留至第三方鉴定。',
  DISPUTE_ALREADY_OPEN: '客户的异议尚在处理中。',
  DISPUTE_OPEN: '客户有异议未决，须先记录第三方鉴定。',
  NO_DISPUTE_OPEN: '没有待决的异议。',
  APPRAISAL_NOT_PERMITTED: '第三方鉴定结果须由客服部、业务部或品质部记录。',
  JOINT_REVIEW_ALREADY_OPEN: '联合评审正在进行。',
  JOINT_REVIEW_OPEN: '联合评审尚未作出结论。',
  NO_JOINT_REVIEW_OPEN: '没有进行中的联合评审。',
  JOINT_REVIEW_BEFORE_CLASSIFICATION: '联合评审结论须在判定责任之前作出。',
  JOINT_REVIEW_NOT_CONVENED_BY_SALES_MANAGER: '联合评审须由业务经理召集。',
  JOINT_REVIEW_NEEDS_GENERAL_MANAGER: '重大或严重质量问题的联合评审须由总经理主持。',
  JOINT_REVIEW_CHAIR_NOT_PERMITTED: '该人员不能主持联合评审。',
  JOINT_REVIEW_DECISION_NOT_BY_CHAIR: '联合评审结论须由主持人作出。',
  JOINT_REVIEW_RESPONSIBILITY_REQUIRED: '联合评审须判定责任。',
  REOPEN_NEEDS_MANAGER: '重新开启投诉须由经理办理。',
});

/** The case type's violation constructors: only its codes and the kernel's. */
export const { violation, only } = complaintViolations;
/** A code this case type refuses or finds with (its own or the kernel's). */
export type ComplaintViolationCode = Parameters<typeof complaintViolations.violation>[1];
