/**
 * Inquiries (I-1 … I-8): the codes this case type refuses or finds with, each with what it means in Chinese (the
 * English is each violation's own message, written where the rule refuses). A code without its
 * text does not compile: the case type's rules build violations only through `inquiryViolations`.
 */
import { violationsOf } from '../violationCodes.js';

export const inquiryViolations = violationsOf({
  // I-8: the complaint an inquiry becomes is named after it.
  COMPLAINT_ID_TOO_LONG: '投诉编号过长。',
  INQUIRY_ALREADY_RECEIVED: '该咨询已登记。',
  INQUIRY_NOT_RECEIVED: '该咨询尚未登记。',
  INQUIRY_CLOSED: '咨询已结案。',
  INQUIRY_TURNED_INTO_COMPLAINT: '咨询已转为投诉。',
  INQUIRY_NOT_ANSWERED: '咨询尚未答复。',
  INFORMATION_NEED_ALREADY_RECORDED: '已记录需要收集资料。',
  INFORMATION_NOT_NEEDED: '未记录需要收集资料。',
  COMPLETION_DATE_IN_PAST: '约定的完成日期已过。',
  COMPLETION_DATE_NOT_LATER: '新的完成日期须晚于原约定日期。',
  ESCALATION_NOT_TO_A_MANAGER: '问题须转交经理决定。',
  ESCALATION_OPEN: '问题正由经理决定。',
  NO_ESCALATION_OPEN: '没有待经理决定的问题。',
  DECISION_NOT_BY_ESCALATED_MANAGER: '决定须由被转交的经理作出。',
  AWAITING_MANAGER_DECISION: '须等经理作出决定后方可答复。',
  ALREADY_REPLIED: '已答复。',
  NOT_REPLIED: '尚未答复。',
  REPLY_NOT_ORAL: '只有口头答复需要书面确认。',
  REPLY_ALREADY_CONFIRMED: '口头答复已书面确认。',
  ORAL_REPLY_NOT_CONFIRMED: '口头答复尚未书面确认。',
});

/** The case type's violation constructors: only its codes and the kernel's. */
export const { violation, only } = inquiryViolations;
/** A code this case type refuses or finds with (its own or the kernel's). */
export type InquiryViolationCode = Parameters<typeof inquiryViolations.violation>[1];
