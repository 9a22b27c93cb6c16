import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { Actor, CaseId, Instant, LocalDate, NonEmptyText, decodeWith, only, parseInstant } from '../src/index.js';
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
