/**
 * Inquiries (I-1 … I-8): what each rule asks, in every language reports are written in — a title and the
 * rule's text, from the rulebook and, for the Chinese, the procedure documents it was drawn from.
 */
import type { RuleTexts } from '../ruleCatalogue.js';

export const inquiryRules = {
  'I-1': {
    en: { title: 'Record the inquiry', text: 'Record the inquiry on receipt: customer, channel, subject, received at.' },
    'zh-CN': { title: '登记咨询', text: '收到咨询时登记客户、渠道、事由和收到时间。' },
  },
  'I-2': {
    en: { title: 'Reply the same working day', text: 'Reply at once or by the end of the working day of receipt.' },
    'zh-CN': { title: '当个工作日内答复', text: '即时答复，或在收到当个工作日结束前答复。' },
  },
  'I-3': {
    en: { title: 'Information within 3 working days', text: 'Where information must be gathered, reply within 3 working days of receipt.' },
    'zh-CN': { title: '3 个工作日内答复', text: '需要收集资料的，须在收到后 3 个工作日内答复。' },
  },
  'I-4': {
    en: {
      title: 'Completion date agreed',
      text: 'Where it takes longer than a week, the customer agrees to the expected completion date before the week is out; a later date needs a new agreement.',
    },
    'zh-CN': { title: '约定完成日期', text: '一周内无法完成的，须在一周届满前告知客户预计完成日期并取得客户同意；日期延后须重新取得同意。' },
  },
  'I-5': {
    en: { title: 'The manager decides', text: 'A question the replier may not decide goes to the manager who may, and the reply names who decided.' },
    'zh-CN': { title: '由经理决定', text: '答复人无权决定的问题，须转交有权决定的经理，答复中须注明由谁决定。' },
  },
  'I-6': {
    en: { title: 'Oral replies confirmed in writing', text: 'An oral reply is confirmed in writing within the policy’s time.' },
    'zh-CN': { title: '口头答复须书面确认', text: '口头答复须在政策规定的时间内以书面确认。' },
  },
  'I-7': {
    en: { title: 'Service targets by channel', text: 'A phone message is answered within 24 hours, an email within 48 hours.' },
    'zh-CN': { title: '各渠道服务时限', text: '电话留言 24 小时内答复，电子邮件 48 小时内答复。' },
  },
  'I-8': {
    en: { title: 'An inquiry that is a complaint', text: 'An inquiry that turns out to be a complaint opens a complaint and points to it.' },
    'zh-CN': { title: '咨询转为投诉', text: '经查属于投诉的咨询，须转为投诉并注明对应的投诉。' },
  },
} as const satisfies RuleTexts;
