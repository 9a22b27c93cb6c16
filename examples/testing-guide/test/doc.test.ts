import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const file = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');

it('docs/testing.md shows the property this suite runs, word for word', () => {
  expect(file('../../../docs/testing.md')).toContain(file('./returnWindow.test.ts').trim());
});
