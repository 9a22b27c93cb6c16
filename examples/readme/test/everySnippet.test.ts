/** Every TypeScript block in the README, the docs and the packages' READMEs is code the suite compiles. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === 'node_modules' ? [] : filesUnder(path)) : [path];
  });

const documents = [
  join(root, 'README.md'),
  ...filesUnder(join(root, 'docs')).filter((f) => f.endsWith('.md')),
  ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'README.md')),
];
const sources = filesUnder(join(root, 'examples'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(f, 'utf8'));

it('every ```ts block of the docs is found word for word in a compiled example file', () => {
  const orphans: string[] = [];
  for (const doc of documents) {
    const text = readFileSync(doc, 'utf8');
    for (const match of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
      const block = (match[1] ?? '').trim();
      if (!sources.some((s) => s.includes(block))) orphans.push(`${doc.slice(root.length)}: ${block.split('\n')[0] ?? ''}`);
    }
  }
  expect(orphans).toEqual([]);
});
