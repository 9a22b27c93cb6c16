/** What each rule asks, in every language reports are written in: carried by the kernel and by each case type, complete, and one text per id. */
import { describe, expect, it } from 'vitest';
import { caseTypes, isRulebookRuleId, kernelRules, locales, ruleIdsOf, ruleText, rulebookRuleIds } from '../src/index.js';

describe('the rule texts', () => {
  it('are carried by the kernel and by each case type, each id once, in the rulebook order (T, the case types, J)', () => {
    const carried = [...Object.keys(kernelRules), ...caseTypes.entries.flatMap((entry) => entry.use((caseType) => Object.keys(caseType.rules)))];
    expect(new Set(carried).size).toBe(carried.length);
    expect(new Set(rulebookRuleIds)).toEqual(new Set(carried));
    expect(ruleIdsOf(caseTypes)[0]).toBe('T-1');
    expect(ruleIdsOf(caseTypes).at(-1)).toBe('J-4');
    // Each built-in case type carries the rules of its own procedure.
    for (const entry of caseTypes.entries) {
      const prefixes = new Set(entry.use((caseType) => Object.keys(caseType.rules).map((id) => id.split('-')[0])));
      expect([entry.category, prefixes.size]).toEqual([entry.category, 1]);
    }
  });

  it('have a title and a text in every language, the Chinese written in Chinese', () => {
    for (const id of rulebookRuleIds) {
      for (const locale of locales) {
        const text = ruleText(id, locale);
        expect([id, locale, (text?.title.trim() ?? '') !== '', (text?.text.trim() ?? '') !== '']).toEqual([id, locale, true, true]);
      }
      expect([id, /[\u4e00-\u9fff]/.test(ruleText(id, 'zh-CN')?.text ?? '')]).toEqual([id, true]);
      expect([id, ruleText(id, 'zh-CN')?.text === ruleText(id, 'en')?.text]).toEqual([id, false]);
    }
    expect(ruleText('C-5')?.title).toBe('Quality replies within 1 working day');
    expect(ruleText('C-5', 'zh-CN')?.title).toBe('品质部 1 个工作日内书面回复');
  });

  it('leaves a company’s own rule to the company: no text for ACME-3', () => {
    expect(ruleText('ACME-3')).toBeUndefined();
    expect(isRulebookRuleId('ACME-3')).toBe(false);
  });
});
