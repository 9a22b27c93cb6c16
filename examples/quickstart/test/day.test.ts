/** The quick start prints the day it promises: refusals with rule ids, read models, the audit timeline, the report. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runDay } from '../src/day.js';

describe('the quick start working day', () => {
  it('shows each refusal with its rule, the read models, the audit timeline and writes the HTML report', async () => {
    const { lines, reportPath } = await runDay(mkdtempSync(join(tmpdir(), 'quickstart-test-')));
    const text = lines.join('\n');
    for (const refusal of [
      'C-3 NOT_CLASSIFIED',
      'C-5 QUALITY_ONLY',
      'C-8 CAPA_NOT_VERIFIED_EFFECTIVE',
      'C-4 EXPLANATION_RECEIPT_NOT_CONFIRMED',
      'W-2 RETURN_WINDOW_EXPIRED',
      'W-3 SPECIAL_CASE_NOT_BY_GENERAL_MANAGER',
      'W-6 REPAIR_CONSENT_MISSING',
      'R-4 DEPARTMENT_CANNOT_MEET',
      'I-5 AWAITING_MANAGER_DECISION',
    ]) {
      expect(text).toContain(refusal);
    }
    expect(text).toContain('complaint S1.complaint opened (S-3)');
    expect(text).toMatch(/I1\s+internal: plan-required\s+major\s+.*C-5 quality-reply: missed/);
    expect(text).toContain('W1 approved by gm-huang (general-manager)');
    expect(text).toContain('R1 (approved): signature');
    // The oral reply waits for its written confirmation (I-6), due at the end of Thursday.
    expect(text).toMatch(/Q1\s+replied\s+phone\s+next due 2026-11-19T23:59:59.999\+08:00: I-6 written-confirmation: pending/);
    expect(text).toContain('Quality replied in writing LATE C-5');
    expect(text).toContain('Customer rejected the resolution of plan 1');
    expect(existsSync(reportPath)).toBe(true);
    expect(readFileSync(reportPath, 'utf8')).toContain('LATE C-5');
  });
});

const root = fileURLToPath(new URL('../../../', import.meta.url));
// The command lives in @caseledger/cli since 0.1 (this looked in @caseledger/audit and was skipped unseen).
const built = existsSync(join(root, 'packages/cli/dist/cli.js'));

describe.skipIf(!built)('the command the quick start prints (needs `pnpm build`, which `pnpm quickstart` runs first)', () => {
  it('works verbatim from the repository root: every case of the day, with its findings', async () => {
    const { lines, auditCommand, exportPath } = await runDay(mkdtempSync(join(tmpdir(), 'quickstart-cli-')));
    expect(lines).toContain(`  ${auditCommand}`);
    // In an English environment (a Chinese one gets the report in Chinese; tested below).
    const english = { ...process.env, npm_config_loglevel: 'error', LC_ALL: 'C.UTF-8', LC_MESSAGES: '', LANG: 'C.UTF-8' };
    const run = spawnSync('bash', ['-c', auditCommand], { cwd: root, encoding: 'utf8', env: english });
    // Exit 1: the day has findings (a late quality reply, an unacknowledged complaint).
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^Bulk audit: \d+ cases · \d+ events · /m);
    expect(run.stdout).toContain('as of 2026-11-18 18:00 · Times in Asia/Shanghai (UTC+08:00)');
    expect(run.stdout).toMatch(/inquiry\s+1/);
    const chinese = spawnSync('bash', ['-c', auditCommand], { cwd: root, encoding: 'utf8', env: { ...english, LC_ALL: 'zh_CN.UTF-8' } });
    expect(chinese.status).toBe(1);
    expect(chinese.stdout).toContain('批量审核报告');
    expect(chinese.stdout).toContain('时间均为 Asia/Shanghai (UTC+08:00)');
    expect(
      readFileSync(exportPath, 'utf8')
        .split('\n')
        .filter((l) => l !== '').length,
    ).toBeGreaterThan(40);
  }, 120_000);
});
