/**
 * Everything generic folds over the registry (#30): no package branches on a built-in case type's
 * category outside that case type's own folder — no `=== 'complaint'`, no `case 'warrantyClaim':`,
 * no stream name spelled `complaint-…` by hand. A case type of one's own then goes everywhere the
 * built-in ones go.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { caseTypes } from '@caseledger/core';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const folderOf: Readonly<Record<string, string>> = {
  complaint: 'packages/core/src/complaint/',
  warrantyClaim: 'packages/core/src/warranty/',
  contractReview: 'packages/core/src/contractReview/',
  survey: 'packages/core/src/survey/',
  inquiry: 'packages/core/src/inquiry/',
};

const sources = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name === 'test') return [];
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });

/** The places a source branches on a category or spells a stream of it. */
const branchesOn = (text: string, category: string): ReadonlyArray<string> => {
  const patterns = [
    new RegExp(`[=!]==\\s*'${category}'`, 'g'),
    new RegExp(`'${category}'\\s*[=!]==`, 'g'),
    new RegExp(`case '${category}':`, 'g'),
    // A stream name spelled by hand (a read model's name such as `complaint-statistics` is not one).
    new RegExp(`['\`]${category}-(?!statistics)`, 'g'),
  ];
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[0]));
};

describe('the registry is the only list of case types', () => {
  it('knows the five built-in categories this test looks for', () => {
    expect([...caseTypes.categories].sort()).toEqual(Object.keys(folderOf).sort());
  });

  it('no package branches on a built-in category outside its folder', () => {
    const found = sources(join(root, 'packages')).flatMap((file) => {
      const path = relative(root, file);
      const text = readFileSync(file, 'utf8');
      return Object.entries(folderOf).flatMap(([category, folder]) =>
        path.startsWith(folder) ? [] : branchesOn(text, category).map((hit) => `${path}: ${hit}`),
      );
    });
    expect(found).toEqual([]);
  });

  it('every case type is a folder with the same parts', () => {
    const parts = [
      'index',
      'messages',
      'state',
      'decider',
      'steps',
      'deadlines',
      'meaning',
      'readModel',
      'rules',
      'violations',
      'personalData',
      'words',
      'policy',
    ];
    for (const folder of Object.values(folderOf)) {
      const files = new Set(readdirSync(join(root, folder)).map((f) => f.replace(/\.ts$/, '')));
      expect([folder, parts.filter((part) => !files.has(part))]).toEqual([folder, []]);
    }
  });

  it('would find one (the check is not blind)', () => {
    expect(branchesOn("if (e.category === 'complaint') return; const s = `complaint-${id}`;", 'complaint')).toHaveLength(2);
  });
});
