/** Envelope encryption (T-10): the key-encryption key, where it comes from, and a rotation in memory. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { inMemoryKeyStore, inMemoryKeyTable, kekFromEnvironment, kekFromFile, localKek, parseKekSecret, rotateKeyEncryptionKey } from '../src/index.js';
import { at, instant } from './support/scenario.js';

const secretHex = 'a1'.repeat(32);
const kek = (byte: number) => {
  const k = localKek(new Uint8Array(32).fill(byte));
  if (E.isLeft(k)) throw new Error(k.left.message);
  return k.right;
};

describe('key-encryption keys', () => {
  it('come from 64 hex digits or base64, in an environment variable or a file; the same secret gives the same id', () => {
    const fromEnv = kekFromEnvironment('MY_KEK', { MY_KEK: `  ${secretHex}\n` });
    const base64 = Buffer.from(secretHex, 'hex').toString('base64');
    const dir = mkdtempSync(join(tmpdir(), 'caseledger-kek-'));
    writeFileSync(join(dir, 'kek'), `${base64}\n`);
    const fromFile = kekFromFile(join(dir, 'kek'));
    expect(E.isRight(fromEnv) && E.isRight(fromFile) && fromEnv.right.id === fromFile.right.id).toBe(true);
    if (E.isRight(fromEnv)) expect(fromEnv.right.id).toMatch(/^kek-[0-9a-f]{16}$/);
  });

  it('refuse a missing, short or malformed secret by code, and never repeat the secret in the message', () => {
    const short = 'ab'.repeat(16);
    const cases = [
      kekFromEnvironment('MY_KEK', {}),
      kekFromEnvironment('MY_KEK', { MY_KEK: short }),
      kekFromEnvironment('MY_KEK', { MY_KEK: `${secretHex}zz` }),
      kekFromFile('/nonexistent/kek'),
      localKek(new Uint8Array(16)),
    ];
    expect(cases.map((c) => (E.isLeft(c) ? c.left.code : 'accepted'))).toEqual([
      'KEK_UNAVAILABLE',
      'KEK_INVALID',
      'KEK_INVALID',
      'KEK_UNAVAILABLE',
      'KEK_INVALID',
    ]);
    for (const c of cases) if (E.isLeft(c)) expect(c.left.message).not.toMatch(/ab{1}ab|a1a1/);
    expect(E.isLeft(parseKekSecret(''))).toBe(true);
  });

  it('wrap a customer key for that customer only, under that KEK only', async () => {
    const a = kek(1);
    const key = new Uint8Array(32).fill(9);
    const wrapped = await a.wrap(key, 'cust-a')();
    if (E.isLeft(wrapped)) throw new Error('wrap');
    expect(Buffer.from(wrapped.right).includes(Buffer.from(key))).toBe(false);
    expect(await a.unwrap(wrapped.right, 'cust-a')()).toEqual(E.right(key));
    expect(E.isLeft(await a.unwrap(wrapped.right, 'cust-b')())).toBe(true);
    expect(E.isLeft(await kek(2).unwrap(wrapped.right, 'cust-a')())).toBe(true);
    const flipped = Uint8Array.from(wrapped.right);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(await a.unwrap(flipped, 'cust-a')()).toMatchObject({ left: { code: 'KEK_DOES_NOT_UNWRAP' } });
  });

  it('rotate in memory: every live key moves to the new KEK, forgotten keys stay forgotten, the old KEK is then not needed', async () => {
    const old = kek(1);
    const next = kek(2);
    const table = inMemoryKeyTable();
    const before = inMemoryKeyStore({ current: old }, table);
    const keyOf = async (store: typeof before, s: string) => {
      const k = await store.lookup(s)();
      return E.isRight(k) && k.right.status === 'active' ? Buffer.from(k.right.key).toString('hex') : E.isRight(k) ? k.right.status : k.left.code;
    };
    for (const s of ['a', 'b', 'c', 'd']) await before.issue(s)();
    const original = await Promise.all(['a', 'c', 'd'].map((s) => keyOf(before, s)));
    await before.forget('b', instant(at(19, '09:00')))();
    expect(await before.kekUsage()()).toEqual(E.right({ [old.id]: 3 }));
    // The application restarts with the new KEK current and the old one still accepted.
    const during = inMemoryKeyStore({ current: next, previous: [old] }, table);
    await during.issue('e')();
    expect(await rotateKeyEncryptionKey(during, { batch: 2 })()).toEqual(E.right({ rewrapped: 3, usage: { [next.id]: 4 }, complete: true }));
    // Then without the old KEK: every live key opens, unchanged; the forgotten one stays forgotten.
    const after = inMemoryKeyStore({ current: next }, table);
    expect(await Promise.all(['a', 'c', 'd'].map((s) => keyOf(after, s)))).toEqual(original);
    expect(await keyOf(after, 'b')).toBe('erased');
    // A store given only the old KEK can open none of them any more.
    expect(await keyOf(inMemoryKeyStore({ current: old }, table), 'a')).toBe('KEK_UNKNOWN');
  });
});
