/** T-10: what a message may show of a stored value. */
import { describe, expect, it } from 'vitest';
import { showStoredValue, showableNumber, showableText } from '../src/index.js';

describe('showableText', () => {
  it('shows ids, labels, dates and instants', () => {
    for (const text of [
      'complaint-C-17',
      'gm-huang',
      'rulebook-2',
      'ComplaintReceived',
      '2026-11-16',
      '2026-11-16T09:00:00+08:00',
      '2026-11-16T01:00:00.000Z',
      'CN-consumer',
    ]) {
      expect(showableText(text)).toBe(text);
    }
  });

  it('describes names, phone numbers, e-mail addresses and long text by their length only', () => {
    for (const text of ['Wang Lei', '+8613800001234', '13800001234', '110101199003077777', 'wang.lei@example.cn', 'x'.repeat(65), '', ' gm-huang']) {
      expect(showableText(text)).toBe(`‹a text of ${text.length} characters›`);
    }
  });

  it('shows a stored value as JSON with every unshowable text and field name described', () => {
    expect(showStoredValue({ id: 'gm-huang', role: 'general-manager', 'Wang Lei': '138 0000 1234' })).toBe(
      '{"id":"gm-huang","role":"general-manager","‹fields not shown›":1}',
    );
    expect(showStoredValue(['2026-11-16', 'Wang Lei', 3])).toBe('["2026-11-16","‹a text of 8 characters›",3]');
    expect(showStoredValue(undefined)).toBe('nothing');
  });

  it('shows short numbers, and a long one (a phone number?) by its digits only', () => {
    expect([showableNumber(3), showableNumber(123456), showableNumber(13800001234), showableNumber(-1234567n)]).toEqual([
      '3',
      '123456',
      '‹a number of 11 digits›',
      '‹a number of 7 digits›',
    ]);
    expect(showStoredValue({ quantity: 13800001234 })).toBe('{"quantity":"‹a number of 11 digits›"}');
  });
});
