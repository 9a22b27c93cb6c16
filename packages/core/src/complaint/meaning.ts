/**
 * What each complaint event means to an auditor, and the status of a complaint in a word or two.
 * Summaries never quote customer data (T-10): who acted, what was decided, not who complained.
 */
import type { EventMeaning } from '../caseType.js';
import { sayIn, wordsIn } from '../inLanguage.js';
import { complaintWords } from './words.js';
import type { Locale } from '../ruleCatalogue.js';
import type { RuleId } from '../violation.js';
import type { ComplaintEvent } from './messages.js';
import type { ComplaintState } from './state.js';

const m = (rules: ReadonlyArray<RuleId>, summary: string): EventMeaning => ({ rules, summary, specialCase: false });

export const describeComplaintEvent = (e: ComplaintEvent, locale?: Locale): EventMeaning => {
  const say = sayIn(locale);
  const word = wordsIn(complaintWords)(locale);
  switch (e.type) {
    case 'ComplaintReceived': {
      const from = `${e.surveyId === undefined ? '' : say(`, from survey ${e.surveyId}`, `，来自满意度调查 ${e.surveyId}`)}${e.inquiryId === undefined ? '' : say(`, from inquiry ${e.inquiryId}`, `，来自咨询 ${e.inquiryId}`)}`;
      return m(
        ['C-1'],
        say(`Complaint received by ${e.channel}, severity ${e.severity}${from}`, `经${word(e.channel)}收到投诉，严重程度：${word(e.severity)}${from}`),
      );
    }
    case 'ComplaintAcknowledged':
      return m(['C-2'], say('Customer acknowledged: process and expected time explained', '已答复客户：说明了处理流程和预计时间'));
    case 'SamplesRequested':
      return m(['C-6'], say('Defective samples requested from the customer', '已向客户索取不良样品'));
    case 'SamplesReceived':
      return m(['C-6'], say(`${e.quantity} sample(s) received`, `收到样品 ${e.quantity} 件`));
    case 'SamplesReinspected':
      return m(['C-6'], say(`Quality re-inspected ${e.quantity} sample(s)`, `品质部复检样品 ${e.quantity} 件`));
    case 'SamplesDisposed':
      return m(['C-6', 'C-11'], say('Samples disposed of', '样品已处置'));
    case 'ComplaintClassified':
      return e.basis === 'joint-review'
        ? m(['C-9', 'C-3'], say(`Classified ${e.responsibility} by the joint review`, `经联合评审判定为${word(e.responsibility)}`))
        : m(['C-3'], say(`Classified ${e.responsibility}`, `判定为${word(e.responsibility)}`));
    case 'JointReviewConvened':
      return m(
        ['C-9'],
        say(
          `Joint review convened (${e.reason}), chaired by ${e.chair.id} (${e.chair.role})`,
          `召开联合评审（${word(e.reason)}），主持人 ${e.chair.id}（${word(e.chair.role)}）`,
        ),
      );
    case 'JointReviewDecided':
      return m(
        ['C-9'],
        say(
          `Joint review decided${e.responsibility === undefined ? '' : `: ${e.responsibility}`}`,
          `联合评审已作结论${e.responsibility === undefined ? '' : `：${word(e.responsibility)}`}`,
        ),
      );
    case 'ExplanationSent':
      return m(['C-4'], say('Explanation sent to the customer', '已向客户发出解释'));
    case 'ExplanationReceiptConfirmed':
      return m(['C-4'], say("Customer's receipt of the explanation confirmed", '客户已确认收到解释'));
    case 'ForwardedToQuality':
      return m(['C-5'], say('Complaint form forwarded to quality', '投诉单已转交品质部'));
    case 'QualityReplied':
      return m(['C-5'], say('Quality replied in writing', '品质部已书面回复'));
    case 'RootCauseDetermined':
      return m(['C-7'], say(`Root cause determined; responsible: ${e.responsibleDepartment}`, `已确定原因；责任部门：${word(e.responsibleDepartment)}`));
    case 'CapaPlanSubmitted':
      return m(
        ['C-7', 'C-8'],
        say(`CAPA plan ${e.planNumber} submitted by ${e.by.department}`, `${word(e.by.department)} 提交第 ${e.planNumber} 个纠正预防措施方案`),
      );
    case 'CapaImplemented':
      return m(['C-8'], say(`CAPA plan ${e.planNumber} implemented`, `第 ${e.planNumber} 个方案已实施`));
    case 'CapaVerified':
      return m(
        ['C-8'],
        say(
          `CAPA plan ${e.planNumber} verified ${e.effective ? 'effective' : 'NOT effective'}`,
          `第 ${e.planNumber} 个方案经验证${e.effective ? '有效' : '无效'}`,
        ),
      );
    case 'ResolutionReported':
      return m(['C-10'], say(`Resolution (plan ${e.planNumber}) reported to the customer`, `已向客户报告处理结果（第 ${e.planNumber} 个方案）`));
    case 'CustomerResponded':
      return m(
        ['C-10'],
        say(
          `Customer ${e.accepted ? 'accepted' : 'rejected'} the resolution of plan ${e.planNumber}`,
          `客户${e.accepted ? '接受' : '不接受'}第 ${e.planNumber} 个方案的处理结果`,
        ),
      );
    case 'DeterminationDisputed':
      return m(['C-11'], say("Customer disputes quality's determination; samples retained", '客户对品质部的判定有异议；样品保留'));
    case 'IndependentAppraisalRecorded':
      return m(
        ['C-11'],
        e.result.outcome === 'upheld'
          ? say('Independent appraisal: determination upheld', '第三方鉴定：维持原判定')
          : say(
              `Independent appraisal: revised; responsible: ${e.result.responsibleDepartment}`,
              `第三方鉴定：改变判定；责任部门：${word(e.result.responsibleDepartment)}`,
            ),
      );
    case 'ComplaintClosed':
      return m(['C-12'], say('Complaint closed', '投诉已结案'));
    case 'ComplaintReopened':
      return m(['C-12'], say('Complaint reopened', '投诉已重新开启'));
  }
};

export const complaintStatus = (s: ComplaintState): string =>
  s.status === 'internal'
    ? `internal: ${s.investigation.step === 'determined' ? s.investigation.capa.step : s.investigation.step}`
    : s.status === 'closed'
      ? `closed (${s.path})`
      : s.status;
