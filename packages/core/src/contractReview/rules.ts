/**
 * The contract review (R-1 … R-6): what each rule asks, in every language reports are written in — a title and the
 * rule's text, from the rulebook and, for the Chinese, the procedure documents it was drawn from.
 */
import type { RuleTexts } from '../ruleCatalogue.js';

export const contractReviewRules = {
  'R-1': {
    en: { title: 'Oral orders in writing', text: 'An oral order is recorded in writing (who, when) before it can be reviewed.' },
    'zh-CN': { title: '口头订单须书面记录', text: '口头订单须先书面记录（由谁、何时）方可评审。' },
  },
  'R-2': {
    en: {
      title: 'Requirements determined',
      text: 'The review determines stated, implied, statutory and product requirements, and those for reliability, transport, support and safety.',
    },
    'zh-CN': { title: '确定要求', text: '评审须确定客户明示的、隐含的、法律法规的和产品特定的要求，以及可靠性、运输、服务和安全方面的要求。' },
  },
  'R-3': {
    en: {
      title: 'Approval conditions',
      text: 'A contract is approved only before signing and only when requirements are defined, differences resolved and the company can meet them.',
    },
    'zh-CN': { title: '批准条件', text: '合同只能在签订前批准，且须要求已明确、与报价或订单的差异已解决、公司有能力满足。' },
  },
  'R-4': {
    en: {
      title: 'Departments’ opinions',
      text: 'A complex process or special materials need the opinion of every department concerned; any “cannot meet” blocks approval.',
    },
    'zh-CN': { title: '相关部门意见', text: '工艺复杂或需特殊材料的订单，须有各相关部门的意见；任一部门“无法满足”即不得批准。' },
  },
  'R-5': {
    en: { title: 'Sales approves', text: 'Only the sales department approves contracts.' },
    'zh-CN': { title: '由业务部批准', text: '只有业务部可以批准合同。' },
  },
  'R-6': {
    en: {
      title: 'Amendments',
      text: 'A company amendment takes effect only after the customer agreed; it is communicated to every affected department, and one that changes requirements sends the contract back to review.',
    },
    'zh-CN': { title: '合同变更', text: '公司提出的变更须经客户同意后生效，并通知所有相关部门；变更产品要求的，合同须重新评审。' },
  },
} as const satisfies RuleTexts;
