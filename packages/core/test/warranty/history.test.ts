/** Warranty invariants over forged histories, the W-8 deadline, and properties over generated claims. */
import { deciderSpec, validWarrantyProcedures, warrantyCommands } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  WarrantyEvent,
  type WarrantyEvent as WarrantyEventType,
  checkHistory,
  defaultCalendar,
  defaultPolicies,
  describeFieldErrors,
  replay,
  warrantyDeadlines,
  warrantyInvariants,
} from '../../src/index.js';
import { cs, engineering, generalManager, quality, salesManager } from '../fixtures/people.js';
import { instant } from '../fixtures/values.js';
import { command, customer, deciderFor, unit } from './script.js';

const config = { policies: defaultPolicies, calendar: defaultCalendar };
const decider = deciderFor();
const spec = deciderSpec(decider);
const check = checkHistory(warrantyInvariants);
const runs = { numRuns: Number(process.env['CASELEDGER_NUM_RUNS'] ?? 200) };

const ev = (fields: Record<string, unknown>): WarrantyEventType => {
  const d = WarrantyEvent.decode(fields);
  if (E.isLeft(d)) throw new Error(describeFieldErrors(d.left));
  return d.right;
};
const filed = ev({ type: 'ClaimFiled', at: '2026-11-10T09:00:00+08:00', by: cs, customer, kind: 'return', reason: 'x', unit: unit('2026-06-01') });

describe('warranty history invariants', () => {
  it('W-3: a forged special case approved by a sales manager is flagged, and so is the acceptance it led to', () => {
    const forged = [
      filed,
      ev({ type: 'SpecialCaseApproved', at: '2026-11-10T10:00:00+08:00', by: salesManager, justification: 'Good customer' }),
      ev({ type: 'ReturnAccepted', at: '2026-11-10T11:00:00+08:00', by: cs, policyVersion: 'rulebook-1', windowEndsOn: '2026-09-01', specialCase: true }),
    ];
    expect(check(forged).map((v) => [v.ruleId, v.code, v.revision])).toEqual([['W-3', 'SPECIAL_CASE_NOT_BY_GENERAL_MANAGER', 1]]);
    const approvedByGm = [forged[0], ev({ type: 'SpecialCaseApproved', at: '2026-11-10T10:00:00+08:00', by: generalManager, justification: 'Good customer' }), forged[2]].filter((e) => e !== undefined);
    expect(check(approvedByGm)).toEqual([]);
  });

  it('W-2: a return accepted without an intrinsic defect and without a special case is flagged', () => {
    const forged = [
      filed,
      ev({ type: 'DefectInspected', at: '2026-11-10T10:00:00+08:00', by: quality, verdict: 'not-intrinsic', report: 'Misuse' }),
      ev({ type: 'ReturnAccepted', at: '2026-11-10T11:00:00+08:00', by: cs, policyVersion: 'rulebook-1', windowEndsOn: '2026-09-01', specialCase: false }),
    ];
    expect(check(forged).map((v) => [v.ruleId, v.revision])).toEqual([['W-2', 2]]);
  });

  it('W-4, W-6: booking an unsigned slip and starting a charged repair without consent are flagged', () => {
    expect(check([filed, ev({ type: 'ReturnBooked', at: '2026-11-10T10:00:00+08:00', by: cs })]).map((v) => v.code)).toEqual(['RETURN_SLIP_NOT_SIGNED']);
    const repair = ev({ type: 'ClaimFiled', at: '2026-11-10T09:00:00+08:00', by: cs, customer, kind: 'repair', reason: 'x', unit: unit('2025-01-01') });
    const charged = [
      repair,
      ev({ type: 'RepairAssessed', at: '2026-11-10T10:00:00+08:00', by: cs, inWarranty: false, mainComponentDamaged: true, feeRequired: true, policyVersion: 'rulebook-1' }),
      ev({ type: 'RepairStarted', at: '2026-11-10T11:00:00+08:00', by: cs }),
    ];
    expect(check(charged).map((v) => [v.ruleId, v.code, v.revision])).toEqual([['W-6', 'REPAIR_CONSENT_MISSING', 2]]);
  });
});

describe('W-8 the defect is confirmed within 2 days of the notice (a deadline, not a refusal)', () => {
  const notice = command('FileClaim', '2026-11-10T09:00:00+08:00', cs, {
    customer,
    kind: 'construction-defect',
    reason: 'Leak',
    work: { project: 'Block 3', element: 'roofing-waterproofing', handedOverOn: '2025-12-01' },
  });
  it('a confirmation three days later is recorded and reported as missed', () => {
    const { events } = spec.run([notice, command('ConfirmConstructionDefect', '2026-11-13T09:00:00+08:00', engineering, { findings: 'Seal failed' })]);
    const r = warrantyDeadlines(config)(events, instant('2026-11-14T00:00:00+08:00'));
    expect(E.isRight(r) && r.right).toEqual([
      { ruleId: 'W-8', name: 'defect-confirmation', status: 'missed', from: '2026-11-10T09:00:00+08:00', dueBy: '2026-11-12T01:00:00.000Z', doneAt: '2026-11-13T09:00:00+08:00', policyVersion: 'rulebook-1' },
    ]);
  });
  it('pending before the due instant; not applicable to product claims', () => {
    const { events } = spec.run([notice]);
    expect(E.isRight(warrantyDeadlines(config)(events, instant('2026-11-11T09:00:00+08:00'))) && warrantyDeadlines(config)(events, instant('2026-11-11T09:00:00+08:00'))).toMatchObject({ right: [{ status: 'pending' }] });
    expect(warrantyDeadlines(config)([filed], instant('2026-11-11T09:00:00+08:00'))).toEqual(E.right([{ ruleId: 'W-8', name: 'defect-confirmation', status: 'not-applicable' }]));
  });
});

const decideAll = spec.decideEach;

describe('warranty properties over generated claims', () => {
  it('every history the decider writes satisfies every warranty invariant (W-1 … W-8, T-1)', () => {
    fc.assert(
      fc.property(warrantyCommands(config), (commands) => {
        expect(check(decideAll(commands).events)).toEqual([]);
      }),
      runs,
    );
  });

  it('every valid procedure is accepted in full and replays to the state the decider saw', () => {
    fc.assert(
      fc.property(validWarrantyProcedures(config), (commands) => {
        const { events, state, refused } = decideAll(commands);
        expect(refused).toEqual([]);
        expect(replay(decider)(events)).toEqual(state);
        for (const e of events) expect(WarrantyEvent.decode(JSON.parse(JSON.stringify(WarrantyEvent.codec.encode(e))))).toEqual(E.right(e));
      }),
      runs,
    );
  });

  it('the generator reaches every event type', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(warrantyCommands(config, { maxLength: 60 }), (commands) => {
        for (const e of decideAll(commands).events) reached.add(e.type);
      }),
      { numRuns: 400, seed: 7 },
    );
    expect([...reached].sort()).toEqual([...WarrantyEvent.tags].sort());
  });

  it('W-2 by property: no return outside the window is accepted without a special case', () => {
    fc.assert(
      fc.property(warrantyCommands(config), (commands) => {
        for (const e of decideAll(commands).events) {
          if (e.type === 'ReturnAccepted' && !e.specialCase) {
            // The local date of the acceptance in Shanghai is on or before the window's last day.
            const local = new Date(Date.parse(e.at) + 8 * 3600_000).toISOString().slice(0, 10);
            expect(local <= e.windowEndsOn).toBe(true);
          }
        }
      }),
      runs,
    );
  });
});
