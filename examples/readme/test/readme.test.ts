import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { embedExample } from '../src/embed.js';

const file = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');

describe('the README example', () => {
  it('is the file the suite compiles and runs, word for word', () => {
    expect(file('../../../README.md')).toContain(file('../src/embed.ts').trim());
  });

  it('receives the complaint and refuses the early forwarding with rule C-3', async () => {
    const { received, early } = await embedExample();
    expect(E.isRight(received) && received.right.state.status).toBe('received');
    expect(E.isLeft(early) && early.left).toMatchObject({ ruleId: 'C-3', code: 'NOT_CLASSIFIED' });
  });
});
