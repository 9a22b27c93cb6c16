/**
 * W-2 — returns only within 3 months of shipment, counted to the customer's request (the claim's
 * filing), and for an intrinsic defect confirmed by quality, unless the general manager approved a
 * special case (W-3). Boundaries of the window (T-4); the reading a company may choose instead.
 */
import { deciderSpec, recordCase } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  RULEBOOK_DEFAULT_VERSION,
  type Rulebook,
  checkHistory,
  decodePolicySet,
  defaultCalendar,
  findingsOf,
  makeCalendar,
  rulebookDefaults,
  warrantyClaimCaseType,
  warrantyClaimDecider,
} from '../../src/index.js';
import { cs, generalManager, quality, salesManager } from '../fixtures/people.js';
import { command, deciderFor, file } from './script.js';

const spec = deciderSpec(deciderFor());
const inspect = (at: string, verdict = 'intrinsic-defect') => command('RecordDefectInspection', at, quality, { verdict, report: 'Capacitor C12 failed' });
const accept = (at: string) => command('AcceptReturn', at, cs);
const hoursBefore = (at: string, hours: number) => new Date(Date.parse(at) - hours * 3600_000).toISOString();

/** A return requested (filed) at `requestedAt` for a unit shipped on `shippedOn`, inspected an hour later. */
const requestedReturn = (shippedOn: string, requestedAt: string, verdict = 'intrinsic-defect') =>
  spec.run([file('return', shippedOn, requestedAt), inspect(new Date(Date.parse(requestedAt) + 3600_000).toISOString(), verdict)]).events;

const policiesOf = (versions: ReadonlyArray<{ readonly version: string; readonly inForceFrom: string; readonly warranty?: object }>) => {
  const set = decodePolicySet(
    versions.map((v) => ({
      version: v.version,
      inForceFrom: v.inForceFrom,
      values: { ...rulebookDefaults, warranty: { ...rulebookDefaults.warranty, ...v.warranty } },
    })),
  );
  if (E.isLeft(set)) throw new Error(set.left.message);
  return set.right;
};

describe('W-2 the return window runs from the ship date to the request', () => {
  it('accepts a return requested on the last day of the window, days later, and records what it compared', () => {
    const requestedAt = '2026-11-16T17:30:00+08:00';
    spec
      .given(requestedReturn('2026-08-16', requestedAt))
      .when(accept('2026-11-19T10:00:00+08:00'))
      .then([
        {
          type: 'ReturnAccepted',
          at: '2026-11-19T10:00:00+08:00',
          by: cs,
          policyVersion: RULEBOOK_DEFAULT_VERSION,
          jurisdiction: 'none',
          ground: 'company',
          rule: 'W-2',
          windowEndsOn: '2026-11-16',
          windowCountsTo: 'filing',
          countedAt: requestedAt,
          specialCase: false,
        },
      ]);
  });

  it('refuses a return requested the day after the window ended, naming the window and the request', () => {
    const v = spec
      .given(requestedReturn('2026-08-16', '2026-11-17T00:00:30+08:00'))
      .when(accept('2026-11-17T02:00:00+08:00'))
      .thenRefused({ ruleId: 'W-2', code: 'RETURN_WINDOW_EXPIRED' });
    expect(v.details).toMatchObject({
      ground: 'company',
      window: '3 months',
      windowStart: 'shipment',
      windowStartsOn: '2026-08-16',
      windowEndsOn: '2026-11-16',
      windowCountsTo: 'filing',
      countedOn: '2026-11-17',
    });
    expect(v.message).toContain('Returns are accepted within 3 months of shipment');
    expect(v.message).toContain('the return was requested on 2026-11-17');
  });

  it('clamps month-end shipments: Nov 30, Jan 31, Feb 29', () => {
    const cases: ReadonlyArray<readonly [string, string, string]> = [
      ['2025-11-30', '2026-02-28T12:00:00+08:00', '2026-03-01T09:00:00+08:00'],
      ['2026-01-31', '2026-04-30T12:00:00+08:00', '2026-05-01T09:00:00+08:00'],
      ['2024-02-29', '2024-05-29T12:00:00+08:00', '2024-05-30T09:00:00+08:00'],
    ];
    for (const [shipped, lastDay, dayAfter] of cases) {
      spec.given(requestedReturn(shipped, lastDay)).when(accept(dayAfter)).thenAccepted();
      spec.given(requestedReturn(shipped, dayAfter)).when(accept(dayAfter)).thenRefused('RETURN_WINDOW_EXPIRED');
    }
  });

  it('reads the request instant in the company calendar zone, whatever zone it was written in', () => {
    // 16:30 UTC on 16 Nov is already 17 Nov in Shanghai, still 16 Nov in Berlin.
    const requestedAt = '2026-11-16T16:30:00Z';
    const later = '2026-11-17T09:00:00Z';
    spec.given(requestedReturn('2026-08-16', requestedAt)).when(accept(later)).thenRefused('RETURN_WINDOW_EXPIRED');
    const berlin = makeCalendar({ timeZone: 'Europe/Berlin' });
    if (E.isLeft(berlin)) throw new Error(berlin.left.message);
    const berlinSpec = deciderSpec(deciderFor(berlin.right));
    berlinSpec.given(requestedReturn('2026-08-16', requestedAt)).when(accept(later)).thenAccepted();
    // The same instant written with a Shanghai offset is the same instant.
    spec.given(requestedReturn('2026-08-16', '2026-11-17T00:30:00+08:00')).when(accept(later)).thenRefused('RETURN_WINDOW_EXPIRED');
  });

  it('uses the months of the policy in force at the acceptance, and records its version (T-5)', () => {
    const policies = policiesOf([
      { version: '2025', inForceFrom: '2025-01-01T00:00:00+08:00' },
      {
        version: '2026-six-months',
        inForceFrom: '2026-11-01T00:00:00+08:00',
        warranty: { returnGrounds: { company: { ...rulebookDefaults.warranty.returnGrounds['company'], within: '6 months' } } },
      },
    ]);
    const sixMonths = deciderSpec(warrantyClaimDecider({ policies, calendar: defaultCalendar }));
    const events = sixMonths.run([file('return', '2026-06-01', '2026-11-20T09:00:00+08:00'), inspect('2026-11-20T10:00:00+08:00')]).events;
    sixMonths
      .given(events)
      .when(accept('2026-11-20T11:00:00+08:00'))
      .then([
        {
          type: 'ReturnAccepted',
          at: '2026-11-20T11:00:00+08:00',
          by: cs,
          policyVersion: '2026-six-months',
          jurisdiction: 'none',
          ground: 'company',
          rule: 'W-2',
          windowEndsOn: '2026-12-01',
          windowCountsTo: 'filing',
          countedAt: '2026-11-20T09:00:00+08:00',
          specialCase: false,
        },
      ]);
  });

  it('a company that counts to the acceptance says so in its policy, and the acceptance records it', () => {
    const policies = policiesOf([
      { version: 'acme-to-acceptance', inForceFrom: '2020-01-01T00:00:00+08:00', warranty: { returnWindowCountsTo: 'acceptance' } },
    ]);
    const toAcceptance = deciderSpec(warrantyClaimDecider({ policies, calendar: defaultCalendar }));
    const requested = toAcceptance.run([file('return', '2026-08-16', '2026-11-16T17:30:00+08:00'), inspect('2026-11-16T18:00:00+08:00')]).events;
    toAcceptance
      .given(requested)
      .when(accept('2026-11-16T23:00:00+08:00'))
      .then([
        {
          type: 'ReturnAccepted',
          at: '2026-11-16T23:00:00+08:00',
          by: cs,
          policyVersion: 'acme-to-acceptance',
          jurisdiction: 'none',
          ground: 'company',
          rule: 'W-2',
          windowEndsOn: '2026-11-16',
          windowCountsTo: 'acceptance',
          countedAt: '2026-11-16T23:00:00+08:00',
          specialCase: false,
        },
      ]);
    const v = toAcceptance.given(requested).when(accept('2026-11-17T09:00:00+08:00')).thenRefused('RETURN_WINDOW_EXPIRED');
    expect(v.message).toContain('the return is accepted on 2026-11-17');
  });
});

describe('W-2 a return requested on the last day, inspected and accepted days later across a holiday', () => {
  // Friday 2026-11-20 is the window's last day; the weekend and a holiday on Monday 23rd pass before quality inspects on Tuesday.
  const withHoliday = makeCalendar({ timeZone: 'Asia/Shanghai', holidays: ['2026-11-23'] });
  if (E.isLeft(withHoliday)) throw new Error(withHoliday.left.message);
  const rulebook: Rulebook = { policies: policiesOf([{ version: 'company-2026', inForceFrom: '2026-01-01T00:00:00+08:00' }]), calendar: withHoliday.right };

  it('is accepted by the handler and audits clean', async () => {
    const steps = [file('return', '2026-08-20', '2026-11-20T17:45:00+08:00'), inspect('2026-11-24T10:00:00+08:00'), accept('2026-11-24T15:00:00+08:00')];
    const { streamName, envelopes, refused } = await recordCase(warrantyClaimCaseType, steps, { rulebook });
    expect(refused).toEqual([]);
    expect(envelopes.map((e) => e.event.type)).toEqual(['ClaimFiled', 'DefectInspected', 'ReturnAccepted']);
    expect(envelopes[2]?.event).toMatchObject({
      windowEndsOn: '2026-11-20',
      windowCountsTo: 'filing',
      countedAt: '2026-11-20T17:45:00+08:00',
      policyVersion: 'company-2026',
    });
    expect(findingsOf(checkHistory(warrantyClaimCaseType, rulebook)(streamName, envelopes))).toEqual([]);
  });

  it('a request the day after the window is refused however quickly it is handled', async () => {
    const steps = [file('return', '2026-08-20', '2026-11-21T08:00:00+08:00'), inspect('2026-11-21T09:00:00+08:00'), accept('2026-11-21T10:00:00+08:00')];
    const { refused } = await recordCase(warrantyClaimCaseType, steps, { rulebook });
    expect(refused.map((v) => [v.ruleId, v.code])).toEqual([['W-2', 'RETURN_WINDOW_EXPIRED']]);
  });
});

describe('W-2 the defect', () => {
  it('refuses before quality inspected, and when the defect is not intrinsic', () => {
    const filed = spec.run([file('return', '2026-10-01')]).events;
    spec.given(filed).when(accept('2026-11-10T12:00:00+08:00')).thenRefused({ ruleId: 'W-2', code: 'DEFECT_NOT_INSPECTED' });
    spec
      .given(requestedReturn('2026-10-01', hoursBefore('2026-11-10T12:00:00+08:00', 2), 'not-intrinsic'))
      .when(accept('2026-11-10T12:00:00+08:00'))
      .thenRefused({ ruleId: 'W-2', code: 'DEFECT_NOT_INTRINSIC' });
  });

  it('only quality inspects', () => {
    const filed = spec.run([file('return', '2026-10-01')]).events;
    spec
      .given(filed)
      .when(command('RecordDefectInspection', '2026-11-10T10:00:00+08:00', cs, { verdict: 'intrinsic-defect', report: 'x' }))
      .thenRefused({ ruleId: 'W-2', code: 'QUALITY_ONLY' });
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
    spec
      .given(late())
      .when(approve())
      .then([
        {
          type: 'SpecialCaseApproved',
          at: '2026-11-17T11:00:00+08:00',
          by: generalManager,
          justification: 'Strategic customer; replacement cheaper than dispute',
        },
      ]);
    const approved = [...late(), ...spec.given(late()).when(approve()).thenAccepted()];
    spec
      .given(approved)
      .when(accept('2026-11-17T12:00:00+08:00'))
      .then([
        {
          type: 'ReturnAccepted',
          at: '2026-11-17T12:00:00+08:00',
          by: cs,
          policyVersion: RULEBOOK_DEFAULT_VERSION,
          jurisdiction: 'none',
          ground: 'company',
          rule: 'W-2',
          windowEndsOn: '2026-11-10',
          windowCountsTo: 'filing',
          countedAt: '2026-11-17T09:00:00+08:00',
          specialCase: true,
        },
      ]);
  });

  it('refuses a special case approved by a manager who is not the general manager', () => {
    spec.given(late()).when(approve(salesManager)).thenRefused({ ruleId: 'W-3', code: 'SPECIAL_CASE_NOT_BY_GENERAL_MANAGER' });
  });

  it('refuses a special case without a justification', () => {
    spec.given(late()).when(approve(generalManager, '   ')).thenRefused({ ruleId: 'W-3', code: 'SPECIAL_CASE_WITHOUT_JUSTIFICATION' });
  });

  it('does not apply to repairs', () => {
    spec
      .given(spec.run([file('repair', '2026-08-10')]).events)
      .when(approve())
      .thenRefused('SPECIAL_CASE_NOT_APPLICABLE');
  });

  it('without it, the late return stays refused', () => {
    spec.given(late()).when(accept('2026-11-17T12:00:00+08:00')).thenRefused('RETURN_WINDOW_EXPIRED');
  });
});
