/** What each inquiry event means to an auditor, and the status of an inquiry. Never the customer's words (T-10). */
import type { EventMeaning } from '../caseType.js';
import { sayIn, wordsIn } from '../inLanguage.js';
import { inquiryWords } from './words.js';
import type { Locale } from '../ruleCatalogue.js';
import type { RuleId } from '../violation.js';
import type { InquiryEvent } from './messages.js';
import type { InquiryState } from './state.js';

const m = (rules: ReadonlyArray<RuleId>, summary: string): EventMeaning => ({ rules, summary, specialCase: false });

export const describeInquiryEvent = (e: InquiryEvent, locale?: Locale): EventMeaning => {
  const say = sayIn(locale);
  const word = wordsIn(inquiryWords)(locale);
  switch (e.type) {
    case 'InquiryReceived':
      return m(['I-1'], say(`Inquiry received by ${e.channel}`, `经${word(e.channel)}收到咨询`));
    case 'InformationNeeded':
      return m(['I-3'], say('Customer told that information is being gathered', '已告知客户正在收集资料'));
    case 'CompletionDateAgreed':
      return m(['I-4'], say(`Customer agreed to completion by ${e.completionDate}`, `客户同意于 ${e.completionDate} 前完成`));
    case 'InquiryEscalated':
      return m(['I-5'], say(`Question passed to ${e.manager.id} (${e.manager.role}) to decide`, `问题已转交 ${e.manager.id}（${word(e.manager.role)}）决定`));
    case 'ManagerDecided':
      return m(['I-5'], say(`${e.by.id} decided the question`, `${e.by.id} 已作决定`));
    case 'InquiryReplied': {
      const decided = e.decidedBy === undefined ? '' : say(`, decided by ${e.decidedBy.id}`, `，由 ${e.decidedBy.id} 决定`);
      return m(
        e.form === 'oral' ? ['I-2', 'I-6'] : ['I-2'],
        say(`${e.form === 'oral' ? 'Oral' : 'Written'} reply${decided}`, `${e.form === 'oral' ? '口头' : '书面'}答复${decided}`),
      );
    }
    case 'ReplyConfirmedInWriting':
      return m(['I-6'], say('Oral reply confirmed in writing', '口头答复已书面确认'));
    case 'InquiryTurnedIntoComplaint':
      return m(['I-8'], say(`Turned into complaint ${e.complaintId} (${e.severity})`, `转为投诉 ${e.complaintId}（${word(e.severity)}）`));
    case 'InquiryClosed':
      return m(['I-1'], say('Inquiry closed', '咨询已结案'));
  }
};

export const inquiryStatus = (s: InquiryState): string => s.status;
