import * as fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  Actor,
  CaseId,
  ComplaintEvent,
  Instant,
  LocalDate,
  NonEmptyText,
  compareInstants,
  decodeWith,
  decodesToItself,
  oneOf,
  only,
  parseInstant,
  caseIdLiteral,
  instantLiteral,
  localDateLiteral,
} from '../src/index.js';
import { actor } from './fixtures/values.js';

describe('shared codecs', () => {
  it('accepts ISO-8601 instants with a zone and refuses everything else', () => {
    for (const ok of ['2026-11-22T09:30:00+08:00', '2026-11-22T01:30:00Z', '2026-11-22T01:30Z', '2024-02-29T23:59:59.999-05:00']) {
      expect(Instant.is(ok)).toBe(true);
    }
    for (const bad of ['2026-11-22', '2026-11-22T09:30:00', '2026-02-29T00:00:00Z', '2026-11-22T24:00:00Z', 'yesterday', '']) {
      expect(Instant.is(bad)).toBe(false);
    }
    expect(parseInstant('2026-11-22T09:30:00+08:00')).toBe(Date.parse('2026-11-22T01:30:00Z'));
  });

  it('checks every field of an instant, its fraction and its zone offset', () => {
    for (const ok of ['0001-01-01T00:00Z', '2026-01-01T00:00:00.1Z', '2026-01-01T00:00:00.123456789+23:59', '2026-12-31T23:59:59-00:00']) {
      expect(Instant.is(ok)).toBe(true);
    }
    for (const bad of [
      '2026-13-01T00:00Z',
      '2026-00-10T00:00Z',
      '2026-04-31T00:00Z',
      '2026-01-01T00:60Z',
      '2026-01-01T00:00:60Z',
      '2026-01-01T00:00:00.Z',
      '2026-01-01T00:00:00.1234567890Z',
      '2026-01-01T00:00:00+24:00',
      '2026-01-01T00:00:00+05:60',
      '2026-01-01T00:00:00+0500',
      '2026-01-01T00:00:00Zx',
      '2026-01-01T00:00:00z',
      '2026-01-01 00:00:00Z',
      '+02026-01-01T00:00Z',
      '2026-01-01T0a:00Z',
    ]) {
      expect(Instant.is(bad), bad).toBe(false);
    }
  });

  it('accepts exactly the texts the ISO-8601 pattern describes, and every one of them parses', () => {
    // The reference definition the character scanner replaced: a pattern, range checks and Date.parse.
    const pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;
    const reference = (text: string): boolean => {
      const m = pattern.exec(text);
      if (m === null) return false;
      const [, y, mo, d, h, mi, sec, , , oh, om] = m.map(Number);
      // setUTCFullYear, unlike Date.UTC, takes years 0 to 99 as they are.
      const daysInMonth = new Date(new Date(0).setUTCFullYear(y ?? 0, mo ?? 0, 0)).getUTCDate();
      const inRange = (mo ?? 0) >= 1 && (mo ?? 0) <= 12 && (d ?? 0) >= 1 && (d ?? 0) <= daysInMonth && (h ?? 0) <= 23 && (mi ?? 0) <= 59;
      const secondsOk = m[6] === undefined || (sec ?? 0) <= 59;
      const offsetOk = m[9] === undefined || ((oh ?? 0) <= 23 && (om ?? 0) <= 59);
      return inRange && secondsOk && offsetOk && !Number.isNaN(Date.parse(text));
    };
    const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((ds) => ds.join(''));
    const nearlyAnInstant = fc
      .tuple(
        fc.oneof(digits(4), fc.constantFrom('2024', '1900', '2000', '0000')),
        fc.oneof(digits(2), fc.constantFrom('02', '12', '13')),
        fc.oneof(digits(2), fc.constantFrom('28', '29', '30', '31')),
        fc.oneof(digits(2), fc.constantFrom('23', '24')),
        fc.oneof(digits(2), fc.constantFrom('59', '60')),
        fc.option(fc.tuple(digits(2), fc.option(fc.integer({ min: 0, max: 11 }).chain(digits)))),
        fc.oneof(
          fc.constant('Z'),
          fc.tuple(fc.constantFrom('+', '-'), digits(2), digits(2)).map(([s, h, m]) => `${s}${h}:${m}`),
        ),
        fc.constantFrom('', '', '', 'x', ' '),
      )
      .map(([y, mo, d, h, mi, sec, zone, tail]) => {
        const seconds = sec === null ? '' : `:${sec[0]}${sec[1] === null ? '' : `.${sec[1]}`}`;
        return `${y}-${mo}-${d}T${h}:${mi}${seconds}${zone}${tail}`;
      });
    fc.assert(
      fc.property(fc.oneof(nearlyAnInstant, fc.string()), (text) => {
        expect(Instant.is(text)).toBe(reference(text));
        if (Instant.is(text)) expect(parseInstant(text)).toBe(Date.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('compares instants on the time line, written in any zone, whether or not they are written alike', () => {
    const zones = ['Z', '+08:00', '-05:00', '+00:00', '+05:45'];
    const written = fc
      .tuple(fc.integer({ min: Date.parse('1990-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }), fc.constantFrom(...zones), fc.constantFrom(0, 3))
      .map(([ms, zone, fraction]) => {
        const minutes = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
        const local = new Date(ms + minutes * 60_000).toISOString().slice(0, fraction === 0 ? 19 : 23);
        const text = `${local}${zone}`;
        if (!Instant.is(text)) throw new Error(`bad instant ${text}`);
        return text;
      });
    fc.assert(
      fc.property(written, written, fc.integer({ min: -90_000, max: 90_000 }), (a, b, nudge) => {
        const sign = (n: number) => Math.sign(n);
        expect(sign(compareInstants(a, b))).toBe(sign(Date.parse(a) - Date.parse(b)));
        // Near neighbours written the same way: the text comparison must agree with the time line.
        const near = new Date(Date.parse(a) + nudge).toISOString();
        if (Instant.is(near) && a.endsWith('Z')) expect(sign(compareInstants(a, near))).toBe(sign(Date.parse(a) - Date.parse(near)));
      }),
      { numRuns: 5000 },
    );
  });

  it('decodes a self-decoding codec by `is`, and still explains every failure by path', () => {
    expect(decodesToItself(ComplaintEvent.codec)).toBe(true);
    expect(decodesToItself(oneOf(['a', 'b']))).toBe(true);
    expect(decodesToItself(t.exact(t.type({ a: t.string })))).toBe(false);
    const Trimmed = new t.Type<string, string, unknown>(
      'Trimmed',
      t.string.is,
      (u, c) => (typeof u === 'string' ? t.success(u.trim()) : t.failure(u, c)),
      t.identity,
    );
    const WithTrimmed = t.type({ name: Trimmed });
    expect(decodesToItself(WithTrimmed)).toBe(false);
    expect(decodeWith(WithTrimmed)({ name: ' Li ' })).toEqual(E.right({ name: 'Li' }));
    const input = {
      type: 'ComplaintAcknowledged',
      at: '2026-01-05T01:00:00Z',
      by: { id: 'cs', department: 'customer-service', role: 'staff' },
      explanation: 'ok',
    };
    const decoded = ComplaintEvent.decode(input);
    expect(E.isRight(decoded) && decoded.right).toBe(input);
    const bad = ComplaintEvent.decode({ ...input, at: '2026-01-05', by: { ...input.by, role: 'boss' } });
    expect(E.isLeft(bad) && bad.left.map((e) => e.path)).toEqual(['at', 'by.role']);
  });

  it('accepts real local dates only', () => {
    expect(LocalDate.is('2024-02-29')).toBe(true);
    expect(LocalDate.is('2025-02-29')).toBe(false);
    expect(LocalDate.is('2025-2-1')).toBe(false);
  });

  it('refuses blank text and unsafe case ids', () => {
    expect(NonEmptyText.is('  ')).toBe(false);
    expect(CaseId.is('C-2026-0001')).toBe(true);
    expect(CaseId.is('a/b')).toBe(false);
    expect(CaseId.is('')).toBe(false);
  });

  it('reports every bad field by path and by kind, never by value', () => {
    const Shape = t.type({ customer: t.type({ name: NonEmptyText, phone: NonEmptyText }), actor: Actor, at: Instant });
    const result = decodeWith(Shape)({ customer: { name: '', phone: 13800001234 }, actor: { id: 'x', department: 'legal', role: 'staff' } });
    expect(E.isLeft(result) && result.left).toEqual([
      { path: 'customer.name', expected: 'NonEmptyText', found: 'a string' },
      { path: 'customer.phone', expected: 'NonEmptyText', found: 'a number' },
      {
        path: 'actor.department',
        expected: '"sales" | "customer-service" | "quality" | "engineering" | "production" | "warehouse" | "finance" | "management"',
        found: 'a string',
      },
      { path: 'at', expected: 'Instant', found: 'missing' },
    ]);
    expect(JSON.stringify(result)).not.toContain('13800001234');
  });
});

describe('permissions (T-6)', () => {
  const quality = actor({ id: 'q1', department: 'quality', role: 'staff' });
  const salesManager = actor({ id: 's1', department: 'sales', role: 'manager' });
  const gm = actor({ id: 'gm', department: 'management', role: 'general-manager' });

  it('checks the department', () => {
    const onlyQuality = only('C-5', 'QUALITY_REPLY_NOT_BY_QUALITY', { departments: ['quality'] }, 'The quality reply');
    expect(E.isRight(onlyQuality(quality))).toBe(true);
    const refused = onlyQuality(salesManager);
    expect(E.isLeft(refused) && refused.left).toMatchObject({ ruleId: 'C-5', code: 'QUALITY_REPLY_NOT_BY_QUALITY', details: { actorDepartment: 'sales' } });
    expect(E.isLeft(refused) && refused.left.message).toBe('The quality reply may only be taken by the quality department; s1 is manager of sales.');
  });

  it('ranks roles: a general manager may do what a manager may', () => {
    const managers = only('C-12', 'REOPEN_NOT_BY_MANAGER', { minimumRole: 'manager' });
    expect(E.isRight(managers(salesManager))).toBe(true);
    expect(E.isRight(managers(gm))).toBe(true);
    expect(E.isLeft(managers(quality))).toBe(true);
    const gmOnly = only('W-3', 'SPECIAL_CASE_NOT_BY_GENERAL_MANAGER', { minimumRole: 'general-manager' });
    expect(E.isLeft(gmOnly(salesManager))).toBe(true);
  });
});

describe('literals in one line', () => {
  it('give the branded value of a valid literal, and a RangeError naming what was expected, never the text', () => {
    expect(instantLiteral('2026-11-16T09:00:00+08:00')).toBe('2026-11-16T09:00:00+08:00');
    expect(localDateLiteral('2026-02-28')).toBe('2026-02-28');
    expect(caseIdLiteral('C-2026-0042')).toBe('C-2026-0042');
    expect(() => instantLiteral('Monday 13800001234')).toThrow(RangeError);
    expect(() => instantLiteral('Monday 13800001234')).toThrow(/^Not an ISO-8601 instant with a zone designator/);
    expect(() => localDateLiteral('2026-02-30')).toThrow('Not a calendar date YYYY-MM-DD that exists');
    expect(() => caseIdLiteral('C 1')).toThrow(RangeError);
    let message = '';
    try {
      instantLiteral('13800001234');
    } catch (e) {
      message = e instanceof Error ? e.message : '';
    }
    expect(message).not.toContain('13800001234');
  });
});
