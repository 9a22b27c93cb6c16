/** The auditor's command line with a jurisdiction preset (J-0 … J-2): `--preset`, alone or under a policies file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandHandler, defaultCalendar, inMemoryEventStore, presetRulebook, prcDistanceSales, warrantyClaimCaseType } from '@caseledger/core';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportStore } from '@caseledger/audit';
import { EXIT_BAD_INPUT, EXIT_CLEAN, EXIT_FINDINGS, run } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'caseledger-cli-preset-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const cs = { id: 'cs-li', department: 'customer-service', role: 'staff' };

const cli = async (argv: ReadonlyArray<string>) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false, now: () => Date.parse('2026-11-20T12:00:00+08:00') });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

let exported = '';

beforeAll(async () => {
  // A distance sale returned without a reason 6 days after delivery (J-2), under the preset.
  const store = inMemoryEventStore();
  const handle = commandHandler(warrantyClaimCaseType, store, { rulebook: presetRulebook(prcDistanceSales, defaultCalendar) });
  const unit = {
    sku: 'TV-55',
    model: 'Vista 55',
    serialNumber: 'SN-1',
    category: 'televisions',
    shippedOn: '2026-11-04',
    purchasedOn: '2026-11-04',
    deliveredOn: '2026-11-08',
  };
  const steps = [
    {
      type: 'FileClaim',
      caseId: 'W1',
      at: '2026-11-14T10:00:00+08:00',
      actor: cs,
      customer: { id: 'c', name: 'A' },
      kind: 'return',
      reason: 'Changed my mind',
      unit,
      channel: 'distance',
    },
    { type: 'AcceptReturn', caseId: 'W1', at: '2026-11-14T11:00:00+08:00', actor: cs },
  ] as const;
  for (const step of steps) {
    const r = await handle(step)();
    if (E.isLeft(r)) throw new Error(r.left.message);
  }
  const lines: string[] = [];
  await exportStore(store, async (l) => {
    lines.push(l);
  })();
  exported = file('distance.jsonl', `${lines.join('\n')}\n`);
});

describe('caseledger --preset', () => {
  it('audits a history decided under a preset clean under that preset, and not under the defaults', async () => {
    const under = await cli(['audit', 'warrantyClaim-W1', '--file', exported, '--preset', 'CN-distance', '--as-of', '2026-11-14T12:00:00+08:00']);
    expect(under.err).toBe('');
    expect(under.code).toBe(EXIT_CLEAN);
    expect(under.out).toContain('J-2');
    const without = await cli(['audit', 'warrantyClaim-W1', '--file', exported, '--as-of', '2026-11-14T12:00:00+08:00']);
    expect(without.code).toBe(EXIT_FINDINGS);
    expect(without.out).toContain('POLICY_VERSION_UNKNOWN');
  });

  it("lays a policies file over the preset and refuses one below the law's floor, citing the article", async () => {
    const generous = file(
      'generous.json',
      JSON.stringify([{ version: 'acme-2026', inForceFrom: '2026-11-15T00:00:00+08:00', values: { warranty: { defaultProductWarrantyMonths: 24 } } }]),
    );
    const ok = await cli([
      'audit',
      'warrantyClaim-W1',
      '--file',
      exported,
      '--preset',
      'CN-distance',
      '--policies',
      generous,
      '--as-of',
      '2026-11-14T12:00:00+08:00',
    ]);
    // The history was decided before the company's own version, under the preset alone, which stays in the set.
    expect(ok.err).toBe('');
    expect(ok.code).toBe(EXIT_CLEAN);
    const short = file(
      'short.json',
      JSON.stringify([
        {
          version: 'acme-2026',
          inForceFrom: '2026-01-01T00:00:00+08:00',
          values: { warranty: { returnGrounds: { 'distance-no-reason': { within: '3 days' } } } },
        },
      ]),
    );
    const refused = await cli(['audit-all', '--file', exported, '--preset', 'CN-distance', '--policies', short]);
    expect(refused.code).toBe(EXIT_BAD_INPUT);
    expect(refused.err.split('\n')).toHaveLength(1);
    expect(refused.err).toContain('distance-no-reason.within gives 3 days');
    expect(refused.err).toContain('消费者权益保护法 (2013) art. 25');
  });

  it('names the presets when given one that does not exist', async () => {
    const r = await cli(['audit-all', '--file', exported, '--preset', 'US-consumer']);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.err).toContain('CN-consumer, CN-distance, EU-consumer, CN-building');
  });
});
