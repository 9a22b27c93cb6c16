/** The reports' words in every language: each deadline a case type reports has a name in each, and the environment picks the language. */
import { defaultRulebook, locales } from '@caseledger/core';
import { complaintCommands, contractReviewCommands, inquiryCommands, warrantyCommands } from '@caseledger/testing/arbitraries';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowanceText, knownDeadlineNames, latenessText, localeFromEnvironment, reportLabels } from '../src/index.js';
import { wordsOf } from './support/deadlineNames.js';

describe('report labels', () => {
  it('name every deadline and every case status the case types report, in every language (generated histories of each type)', async () => {
    const histories = [
      ...fc.sample(complaintCommands({ maxLength: 20 }), { seed: 1, numRuns: 60 }).map((c) => ({ kind: 'complaint' as const, commands: c })),
      ...fc.sample(warrantyCommands(defaultRulebook, { maxLength: 20 }), { seed: 2, numRuns: 60 }).map((c) => ({ kind: 'warranty' as const, commands: c })),
      ...fc.sample(contractReviewCommands({ maxLength: 12 }), { seed: 3, numRuns: 30 }).map((c) => ({ kind: 'contract' as const, commands: c })),
      ...fc.sample(inquiryCommands(defaultRulebook, { maxLength: 12 }), { seed: 4, numRuns: 60 }).map((c) => ({ kind: 'inquiry' as const, commands: c })),
    ];
    const { deadlineNames: seen, statuses } = await wordsOf(histories);
    expect(statuses.size).toBeGreaterThan(15);
    for (const status of statuses) expect([status, /[a-z]/.test(reportLabels('zh-CN').caseStatus(status))]).toEqual([status, false]);
    expect(reportLabels('zh-CN').caseStatus('internal: quality-replied')).toBe('内部原因：品质部已回复');
    expect(reportLabels('zh-CN').caseStatus('closed (external)')).toBe('已结案（外部原因）');
    expect(reportLabels('en').caseStatus('closed (external)')).toBe('closed (external)');
    expect(seen.size).toBeGreaterThan(10);
    expect([...seen].filter((name) => !knownDeadlineNames.includes(name))).toEqual([]);
    for (const name of knownDeadlineNames) expect([name, /[\u4e00-\u9fff]/.test(reportLabels('zh-CN').deadlineName(name))]).toEqual([name, true]);
    for (const locale of locales) expect(reportLabels(locale).lang).toBe(locale);
  });

  it('words lateness and allowances in Chinese', () => {
    expect(latenessText({ workingDays: 1, ms: 3 * 3_600_000 }, 'zh-CN')).toBe('1 个工作日 3 小时');
    expect(latenessText({ workingDays: 0, ms: 30_000 }, 'zh-CN')).toBe('不到 1 分钟');
    expect(allowanceText({ count: 1, unit: 'working-days' }, 'zh-CN')).toBe('1 个工作日');
    expect(allowanceText({ count: 0, unit: 'working-days' }, 'zh-CN')).toBe('当个工作日');
    expect(allowanceText({ count: 48, unit: 'hours' }, 'zh-CN')).toBe('48 小时');
  });

  it('takes the language from LC_ALL, then LC_MESSAGES, then LANG; English unless Chinese', () => {
    expect(localeFromEnvironment({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnvironment({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeFromEnvironment({ LC_ALL: '', LC_MESSAGES: 'zh_TW.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnvironment({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(localeFromEnvironment({})).toBe('en');
  });
});
