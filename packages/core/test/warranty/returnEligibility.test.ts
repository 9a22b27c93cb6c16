/**
 * W-2 — returns only within 3 months of shipment and for an intrinsic defect confirmed by quality,
 * unless the general manager approved a special case (W-3). Boundaries of the window (T-4).
 */
import { deciderSpec } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodePolicySet, defaultCalendar, makeCalendar, rulebookDefaults, warrantyClaimDecider } from '../../src/index.js';
import { cs, generalManager, quality, salesManager } from '../fixtures/people.js';
import { command, deciderFor, file } from './script.js';

const spec = deciderSpec(deciderFor());
const inspect = (at: string, verdict = 'intrinsic-defect') => command('RecordDefectInspection', at, quality, { verdict, report: 'Capacitor C12 failed' });
const accept = (at: string) => command('AcceptReturn', at, cs);

/** A return filed and inspected before `acceptAt`, for a unit shipped on `shippedOn`. */
const inspectedReturn = (shippedOn: string, acceptAt: string, verdict = 'intrinsic-defect') => {
  const filedAt = new Date(Date.parse(acceptAt) - 2 * 3600_000).toISOString();
  const inspectedAt = new Date(Date.parse(acceptAt) - 3600_000).toISOString();
  return spec.run([file('return', shippedOn, filedAt), inspect(inspectedAt, verdict)]).events;
};

describe('W-2 the return window', () => {
  it('accepts a return on the last day of the window and records policy version, window end and no special case', () => {
    spec.given(inspectedReturn('2026-08-16', '2026-11-16T23:00:00+08:00')).when(accept('2026-11-16T23:00:00+08:00')).then([
      { type: 'ReturnAccepted', at: '2026-11-16T23:00:00+08:00', by: cs, policyVersion: 'rulebook-1', windowEndsOn: '2026-11-16', specialCase: false },
    ]);
  });

  it('refuses it the day after, naming the window', () => {
    const v = spec.given(inspectedReturn('2026-08-16', '2026-11-17T00:00:30+08:00')).when(accept('2026-11-17T00:00:30+08:00')).thenRefused({ ruleId: 'W-2', code: 'RETURN_WINDOW_EXPIRED' });
    expect(v.details).toMatchObject({ shippedOn: '2026-08-16', windowEndsOn: '2026-11-16', windowMonths: 3 });
  });

  it('clamps month-end shipments: Nov 30, Jan 31, Feb 29', () => {
    const cases: ReadonlyArray<readonly [string, string, string]> = [
      ['2025-11-30', '2026-02-28T12:00:00+08:00', '2026-03-01T09:00:00+08:00'],
      ['2026-01-31', '2026-04-30T12:00:00+08:00', '2026-05-01T09:00:00+08:00'],
      ['2024-02-29', '2024-05-29T12:00:00+08:00', '2024-05-30T09:00:00+08:00'],
    ];
    for (const [shipped, lastDay, dayAfter] of cases) {
      spec.given(inspectedReturn(shipped, lastDay)).when(accept(lastDay)).thenAccepted();
      spec.given(inspectedReturn(shipped, dayAfter)).when(accept(dayAfter)).thenRefused('RETURN_WINDOW_EXPIRED');
    }
  });

  it('reads the claim instant in the company calendar zone, whatever zone it was written in', () => {
    // 16:30 UTC on 16 Nov is already 17 Nov in Shanghai, still 16 Nov in Berlin.
    const at = '2026-11-16T16:30:00Z';
    spec.given(inspectedReturn('2026-08-16', at)).when(accept(at)).thenRefused('RETURN_WINDOW_EXPIRED');
    const berlin = makeCalendar({ timeZone: 'Europe/Berlin' });
    if (E.isLeft(berlin)) throw new Error(berlin.left.message);
    const berlinSpec = deciderSpec(deciderFor(berlin.right));
    berlinSpec.given(inspectedReturn('2026-08-16', at)).when(accept(at)).thenAccepted();
    // The same instant written with a Shanghai offset is the same instant.
    spec.given(inspectedReturn('2026-08-16', '2026-11-17T00:30:00+08:00')).when(accept('2026-11-17T00:30:00+08:00')).thenRefused('RETURN_WINDOW_EXPIRED');
  });

  it('uses the window of the policy in force at the acceptance (T-5)', () => {
    const policies = decodePolicySet([
      { version: '2025', inForceFrom: '2025-01-01T00:00:00+08:00', values: rulebookDefaults },
      { version: '2026-six-months', inForceFrom: '2026-11-01T00:00:00+08:00', values: { ...rulebookDefaults, warranty: { ...rulebookDefaults.warranty, returnWindowMonths: 6 } } },
    ]);
    if (E.isLeft(policies)) throw new Error(policies.left.message);
    const sixMonths = deciderSpec(warrantyClaimDecider({ policies: policies.right, calendar: defaultCalendar }));
    const events = sixMonths.run([file('return', '2026-06-01', '2026-11-20T09:00:00+08:00'), inspect('2026-11-20T10:00:00+08:00')]).events;
    sixMonths.given(events).when(accept('2026-11-20T11:00:00+08:00')).then([
      { type: 'ReturnAccepted', at: '2026-11-20T11:00:00+08:00', by: cs, policyVersion: '2026-six-months', windowEndsOn: '2026-12-01', specialCase: false },
    ]);
  });
});

describe('W-2 the defect', () => {
  it('refuses before quality inspected, and when the defect is not intrinsic', () => {
    const filed = spec.run([file('return', '2026-10-01')]).events;
    spec.given(filed).when(accept('2026-11-10T12:00:00+08:00')).thenRefused({ ruleId: 'W-2', code: 'DEFECT_NOT_INSPECTED' });
    spec.given(inspectedReturn('2026-10-01', '2026-11-10T12:00:00+08:00', 'not-intrinsic')).when(accept('2026-11-10T12:00:00+08:00')).thenRefused({ ruleId: 'W-2', code: 'DEFECT_NOT_INTRINSIC' });
  });

  it('only quality inspects', () => {
    const filed = spec.run([file('return', '2026-10-01')]).events;
    spec.given(filed).when(command('RecordDefectInspection', '2026-11-10T10:00:00+08:00', cs, { verdict: 'intrinsic-defect', report: 'x' })).thenRefused({ ruleId: 'W-2', code: 'QUALITY_ONLY' });
  });

  it('exchanges follow the same rule', () => {
    const events = spec.run([file('exchange', '2026-01-05'), inspect('2026-11-10T10:00:00+08:00')]).events;
    spec.given(events).when(accept('2026-11-10T11:00:00+08:00')).thenRefused('RETURN_WINDOW_EXPIRED');
  });
});

describe('W-3 special cases', () => {
  const late = () => spec.run([file('return', '2026-08-10', '2026-11-17T09:00:00+08:00'), inspect('2026-11-17T10:00:00+08:00', 'not-intrinsic')]).events;
  const approve = (actor = generalManager, justification = 'Strategic customer; replacement cheaper than dispute') =>
    command('ApproveSpecialCase', '2026-11-17T11:00:00+08:00', actor, { justification });

  it('the general manager approves, with a justification; the acceptance records the special case', () => {
    spec.given(late()).when(approve()).then([{ type: 'SpecialCaseApproved', at: '2026-11-17T11:00:00+08:00', by: generalManager, justification: 'Strategic customer; replacement cheaper than dispute' }]);
    const approved = [...late(), ...spec.given(late()).when(approve()).thenAccepted()];
    spec.given(approved).when(accept('2026-11-17T12:00:00+08:00')).then([
      { type: 'ReturnAccepted', at: '2026-11-17T12:00:00+08:00', by: cs, policyVersion: 'rulebook-1', windowEndsOn: '2026-11-10', specialCase: true },
    ]);
  });

  it('refuses a special case approved by a manager who is not the general manager', () => {
    spec.given(late()).when(approve(salesManager)).thenRefused({ ruleId: 'W-3', code: 'SPECIAL_CASE_NOT_BY_GENERAL_MANAGER' });
  });

  it('refuses a special case without a justification', () => {
    spec.given(late()).when(approve(generalManager, '   ')).thenRefused({ ruleId: 'W-3', code: 'SPECIAL_CASE_WITHOUT_JUSTIFICATION' });
  });

  it('does not apply to repairs', () => {
    spec.given(spec.run([file('repair', '2026-08-10')]).events).when(approve()).thenRefused('SPECIAL_CASE_NOT_APPLICABLE');
  });

  it('without it, the late return stays refused', () => {
    spec.given(late()).when(accept('2026-11-17T12:00:00+08:00')).thenRefused('RETURN_WINDOW_EXPIRED');
  });
});
