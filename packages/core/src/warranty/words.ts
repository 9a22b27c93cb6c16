/** This case type's values (and its name) in Chinese, for summaries and reports; English keeps the values as they are. */
import type { Vocabulary } from '../inLanguage.js';

export const warrantyWords = {
  // W-1: the kinds of claim.
  return: '退货',
  exchange: '换货',
  repair: '维修',
  'construction-defect': '工程缺陷',
  // A warranty inspection's verdict and the grounds for no warranty (W-2, W-6, J-1).
  'intrinsic-defect': '产品本身质量问题',
  'not-intrinsic': '非产品本身质量问题',
  misuse: '使用不当',
  'unauthorised-repair': '擅自拆修',
  'no-warranty-documents': '无保修凭证',
  'altered-documents': '凭证涂改',
  'force-majeure': '不可抗力',
  // What a return window is counted to (W-2).
  filing: '提出申请之日',
  acceptance: '受理之日',
  // The case type.
  warrantyClaim: '保修索赔',
} as const satisfies Vocabulary;
