/** What each rule asks, in every language reports are written in: complete, and the same ids everywhere. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isRulebookRuleId, locales, ruleText, rulebookRuleIds, rulebookRuleText } from '../src/index.js';

const packagesDir = fileURLToPath(new URL('../../', import.meta.url));

/** Every TypeScript source file of every package. */
const sources = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name === 'test') return [];
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });

describe('the rule catalogue', () => {
  it('describes every rule the code names, in every language', () => {
    const named = new Set(sources(packagesDir).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'([CWRSITJ]-\d+)'/g)].map((m) => m[1] ?? '')));
    expect(named.size).toBeGreaterThan(40);
    expect([...named].filter((id) => !isRulebookRuleId(id))).toEqual([]);
    for (const locale of locales) for (const id of named) expect([locale, id, ruleText(id, locale)?.title.length ?? 0]).not.toEqual([locale, id, 0]);
  });

  it('has a title and a text for each of the 57 rules in English and in Simplified Chinese, the Chinese written in Chinese', () => {
    expect(rulebookRuleIds).toHaveLength(57);
    expect(new Set(rulebookRuleIds).size).toBe(57);
    for (const id of rulebookRuleIds) {
      const en = rulebookRuleText(id, 'en');
      const zh = rulebookRuleText(id, 'zh-CN');
      expect([id, en.title.trim() !== '', en.text.trim() !== '', zh.title.trim() !== '', zh.text.trim() !== '']).toEqual([id, true, true, true, true]);
      expect([id, /[\u4e00-\u9fff]/.test(zh.text)]).toEqual([id, true]);
      expect([id, zh.text === en.text]).toEqual([id, false]);
    }
    expect(rulebookRuleText('C-5').title).toBe('Quality replies within 1 working day');
    expect(rulebookRuleText('C-5', 'zh-CN').title).toBe('品质部 1 个工作日内书面回复');
  });

  it('leaves a company’s own rule to the company: no text for ACME-3', () => {
    expect(ruleText('ACME-3')).toBeUndefined();
    expect(isRulebookRuleId('ACME-3')).toBe(false);
  });
});
