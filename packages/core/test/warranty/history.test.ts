/** Forged warranty histories judged by the warranty rules (T-11, T-5), the W-8 deadline, and properties over generated claims. */
import { deciderSpec, warrantyCommands, defaultNumRuns } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RULEBOOK_DEFAULT_VERSION,
  WarrantyEvent,
  decodePolicySet,
  defaultCalendar,
  defaultPolicies,
  defaultRulebook,
  localDateOf,
  monthsWindowEnd,
  rulebookDefaults,
  warrantyClaimCaseType,
  warrantyDeadlines,
} from '../../src/index.js';
import { codes, judge, stored, storedStream } from '../fixtures/history.js';
import { cs, engineering, finance, generalManager, quality, salesManager } from '../fixtures/people.js';
import { instant } from '../fixtures/values.js';
import { CLAIM, command, customer, deciderFor, unit } from './script.js';

const config = { policies: defaultPolicies, calendar: defaultCalendar };
const decider = deciderFor();
const spec = deciderSpec(decider);
const runs = { numRuns: defaultNumRuns() };
const STREAM = `warrantyClaim-${CLAIM}`;
const found = (events: ReadonlyArray<object>, rulebook = defaultRulebook) =>
  judge(warrantyClaimCaseType, rulebook)(STREAM, storedStream(warrantyClaimCaseType, STREAM, events));

const filed = { type: 'ClaimFiled', at: '2026-11-10T09:00:00+08:00', by: cs, customer, kind: 'return', reason: 'x', unit: unit('2026-06-01') };
const inspected = { type: 'DefectInspected', at: '2026-11-10T10:00:00+08:00', by: quality, verdict: 'intrinsic-defect', report: 'Capacitor failed' };
/** What the rules record for a return of a unit shipped on 2026-06-01 and filed on 2026-11-10: the window ended on 2026-09-01. */
const accepted = {
  type: 'ReturnAccepted',
  at: '2026-11-10T11:00:00+08:00',
  by: cs,
  policyVersion: RULEBOOK_DEFAULT_VERSION,
  jurisdiction: 'none',
  ground: 'company',
  rule: 'W-2',
  windowEndsOn: '2026-09-01',
  windowCountsTo: 'filing',
  countedAt: filed.at,
  specialCase: false,
};
const decodedFiled = () => {
  const d = WarrantyEvent.decode(filed);
  if (E.isLeft(d)) throw new Error('fixture');
  return d.right;
};
const approved = { type: 'SpecialCaseApproved', at: '2026-11-10T10:30:00+08:00', by: generalManager, justification: 'Key account' };
/** A repair of a unit delivered in 2022: out of warranty, a main component damaged, so a fee is due (W-6, W-9). */
const repair = { ...filed, kind: 'repair', unit: unit('2022-03-01') };
const received = { type: 'RepairUnitReceived', at: '2026-11-10T09:30:00+08:00', by: cs, quantity: 1, defect: 'No power' };
const assessed = {
  type: 'RepairAssessed',
  at: '2026-11-10T10:00:00+08:00',
  by: engineering,
  inWarranty: false,
  mainComponentDamaged: true,
  feeRequired: true,
  policyVersion: RULEBOOK_DEFAULT_VERSION,
  jurisdiction: 'none',
  warrantyLastDay: '2023-02-28',
};

describe('forged warranty histories', () => {
  it('W-2: a return accepted months after the window, with no special case, is flagged at its revision', () => {
    expect(codes(found([filed, inspected, accepted]))).toEqual([['W-2', 'RETURN_WINDOW_EXPIRED', 2]]);
    // The same acceptance with the general manager's special case before it is what the rules decide.
    expect(codes(found([filed, inspected, approved, { ...accepted, specialCase: true }]))).toEqual([]);
  });

  it('W-2, W-3: a recorded window end, reading or special-case use that the rules do not give', () => {
    const withSpecialCase = [filed, inspected, approved];
    const findings = found([...withSpecialCase, { ...accepted, specialCase: true, windowEndsOn: '2026-12-31' }]);
    expect(codes(findings)).toEqual([['W-2', 'RECORDED_FACT_DIFFERS', 3]]);
    expect(findings[0]?.details).toMatchObject({ field: 'windowEndsOn', recorded: '"2026-12-31"', recomputed: '"2026-09-01"' });
    expect(codes(found([...withSpecialCase, { ...accepted, specialCase: true, windowCountsTo: 'acceptance', countedAt: accepted.at }]))).toEqual([
      ['W-2', 'RECORDED_FACT_DIFFERS', 3],
      ['W-2', 'RECORDED_FACT_DIFFERS', 3],
    ]);
    // Claiming the rules allowed a return that only the special case allowed.
    expect(codes(found([...withSpecialCase, accepted]))).toEqual([['W-3', 'RECORDED_FACT_DIFFERS', 3]]);
  });

  it('W-2, J-0: a recorded ground, rule or jurisdiction that the policy version does not give', () => {
    const inWindow = { ...filed, unit: unit('2026-10-01') };
    const ok = { ...accepted, windowEndsOn: '2027-01-01' };
    expect(codes(found([inWindow, inspected, ok]))).toEqual([]);
    const claimingTheLaw = found([inWindow, inspected, { ...ok, ground: 'sanbao-return', rule: 'J-1', jurisdiction: 'CN-consumer' }]);
    expect(claimingTheLaw.map((f) => [f.ruleId, f.code, f.details['field']])).toEqual([
      ['J-0', 'RECORDED_FACT_DIFFERS', 'jurisdiction'],
      ['W-2', 'RECORDED_FACT_DIFFERS', 'ground'],
      ['W-2', 'RECORDED_FACT_DIFFERS', 'rule'],
    ]);
  });

  it("a v2 acceptance (caseledger 0.2, the seeds' one window) reads as accepted on the company ground under W-2", () => {
    const { ground: _g, rule: _r, jurisdiction: _j, ...v2data } = { ...accepted, windowEndsOn: '2027-01-01' };
    const v2 = stored(warrantyClaimCaseType, STREAM, 2, v2data, { metadata: { schemaVersion: 2 } });
    const [a, b] = storedStream(warrantyClaimCaseType, STREAM, [{ ...filed, unit: unit('2026-10-01') }, inspected]);
    if (a === undefined || b === undefined) throw new Error('fixture');
    expect(codes(judge(warrantyClaimCaseType)(STREAM, [a, b, v2]))).toEqual([]);
  });

  it('T-5: a recorded policy version that never existed, or was not in force at the event', () => {
    const inWindow = { ...filed, unit: unit('2026-10-01') };
    const ok = { ...accepted, windowEndsOn: '2027-01-01' };
    expect(codes(found([inWindow, inspected, ok]))).toEqual([]);
    const unknown = found([inWindow, inspected, { ...ok, policyVersion: 'generous-2026' }]);
    expect(codes(unknown)).toEqual([['T-5', 'POLICY_VERSION_UNKNOWN', 2]]);
    expect(unknown[0]?.details).toMatchObject({ recorded: 'generous-2026', known: [RULEBOOK_DEFAULT_VERSION] });
    const twoVersions = decodePolicySet([
      { version: 'v1', inForceFrom: '2020-01-01T00:00:00+08:00', values: rulebookDefaults },
      { version: 'v2', inForceFrom: '2026-11-10T10:30:00+08:00', values: rulebookDefaults },
    ]);
    if (E.isLeft(twoVersions)) throw new Error(twoVersions.left.message);
    const rulebook = { policies: twoVersions.right, calendar: defaultCalendar };
    expect(codes(found([inWindow, inspected, { ...ok, policyVersion: 'v2' }], rulebook))).toEqual([]);
    expect(codes(found([inWindow, inspected, { ...ok, policyVersion: 'v1' }], rulebook))).toEqual([['T-5', 'POLICY_VERSION_NOT_IN_FORCE', 2]]);
  });

  it('W-6, W-9: a repair assessment that records the wrong warranty or fee', () => {
    expect(codes(found([repair, received, assessed]))).toEqual([]);
    const free = found([repair, received, { ...assessed, feeRequired: false }]);
    expect(codes(free)).toEqual([['W-6', 'RECORDED_FACT_DIFFERS', 2]]);
    expect(free[0]?.details).toMatchObject({ field: 'feeRequired' });
    // "In warranty" for a unit delivered years ago.
    expect(codes(found([repair, received, { ...assessed, inWarranty: true }]))).toEqual([['W-9', 'RECORDED_FACT_DIFFERS', 2]]);
    expect(codes(found([repair, received, { ...assessed, inWarranty: true, feeRequired: false, warrantyLastDay: '2027-02-28' }])).map((f) => f[0])).toEqual([
      'W-9',
      'W-6',
      'W-9',
    ]);
  });

  it('J-0: a repair assessment of caseledger 0.2 (schema 1) reads as assessed under no jurisdiction; a forged one is a finding', () => {
    const v1 = {
      type: 'RepairAssessed',
      at: '2026-11-10T10:00:00+08:00',
      by: engineering,
      inWarranty: false,
      mainComponentDamaged: true,
      feeRequired: true,
      policyVersion: RULEBOOK_DEFAULT_VERSION,
      warrantyLastDay: '2023-02-28',
    };
    const [a, b] = storedStream(warrantyClaimCaseType, STREAM, [repair, received]);
    if (a === undefined || b === undefined) throw new Error('fixture');
    expect(codes(judge(warrantyClaimCaseType)(STREAM, [a, b, stored(warrantyClaimCaseType, STREAM, 2, v1, { metadata: { schemaVersion: 1 } })]))).toEqual([]);
    expect(codes(found([repair, received, { ...v1, jurisdiction: 'CN-consumer' }]))).toEqual([['J-0', 'RECORDED_FACT_DIFFERS', 2]]);
  });

  it('T-11: after a forged fact, later steps are judged on what the rules computed: a charged repair started without consent is found', () => {
    // Forged: in warranty and free, years after delivery; then the repair starts with no consent asked.
    const forged = { ...assessed, inWarranty: true, feeRequired: false, warrantyLastDay: '2027-02-28' };
    const started = { type: 'RepairStarted', at: '2026-11-10T11:00:00+08:00', by: cs };
    const findings = codes(found([repair, received, forged, started]));
    expect(findings.filter((f) => f[2] === 2).map((f) => f[0])).toEqual(['W-9', 'W-6', 'W-9']);
    expect(findings.filter((f) => f[2] === 3)).toEqual([['W-6', 'REPAIR_CONSENT_MISSING', 3]]);
  });

  it('T-11: a schema-version label that does not fit the data is a finding, and the data is read as stored, never rewritten', () => {
    const [a, b] = storedStream(warrantyClaimCaseType, STREAM, [{ ...filed, unit: unit('2026-09-01') }, inspected]);
    if (a === undefined || b === undefined) throw new Error('fixture');
    // Today's acceptance (counted to the filing) labelled as schema 1, whose upcaster would say "counted to the acceptance".
    const mislabelled = stored(warrantyClaimCaseType, STREAM, 2, { ...accepted, windowEndsOn: '2026-12-01' }, { metadata: { schemaVersion: 1 } });
    const checked = judge(warrantyClaimCaseType)(STREAM, [a, b, mislabelled]);
    expect(codes(checked)).toEqual([['T-11', 'SCHEMA_VERSION_MISLABELLED', 2]]);
    expect(checked[0]?.details).toMatchObject({ schemaVersion: 1, fields: ['windowCountsTo', 'countedAt'] });
  });

  it('W-3: a special case approved by a sales manager is flagged with the handler’s code', () => {
    const bySalesManager = { ...approved, by: salesManager };
    expect(codes(found([filed, bySalesManager, { ...accepted, specialCase: true }]))).toEqual([['W-3', 'SPECIAL_CASE_NOT_BY_GENERAL_MANAGER', 1]]);
  });

  it('W-4, W-6: booking an unsigned slip and starting a charged repair without consent', () => {
    expect(codes(found([filed, { type: 'ReturnBooked', at: '2026-11-10T10:00:00+08:00', by: finance }]))).toEqual([['W-4', 'RETURN_SLIP_NOT_SIGNED', 1]]);
    const repair = { ...filed, kind: 'repair', unit: unit('2025-01-01') };
    const charged = [
      repair,
      { type: 'RepairUnitReceived', at: '2026-11-10T09:30:00+08:00', by: cs, quantity: 1, defect: 'No power' },
      {
        type: 'RepairAssessed',
        at: '2026-11-10T10:00:00+08:00',
        by: cs,
        inWarranty: false,
        mainComponentDamaged: true,
        feeRequired: true,
        policyVersion: RULEBOOK_DEFAULT_VERSION,
        jurisdiction: 'none',
        warrantyLastDay: '2025-12-31',
      },
      { type: 'RepairStarted', at: '2026-11-10T11:00:00+08:00', by: cs },
    ];
    expect(codes(found(charged))).toEqual([['W-6', 'REPAIR_CONSENT_MISSING', 3]]);
  });

  it('T-12: a revision missing, the same event twice, two events at revision 0, an event of another stream', () => {
    const [a, b, c] = storedStream(warrantyClaimCaseType, STREAM, [filed, inspected, approved]);
    if (a === undefined || b === undefined || c === undefined) throw new Error('fixture');
    const check = judge(warrantyClaimCaseType);
    expect(codes(check(STREAM, [a, c]))).toEqual([['T-12', 'REVISION_GAP', 2]]);
    expect(codes(check(STREAM, [a, b, b, c])).filter((f) => f[0] === 'T-12')).toEqual([
      ['T-12', 'REVISION_REPEATED', 1],
      ['T-12', 'EVENT_ID_REPEATED', 1],
    ]);
    const atZero = stored(warrantyClaimCaseType, STREAM, 0, { ...inspected, by: { ...quality } }, { eventId: 'other' });
    expect(codes(check(STREAM, [a, atZero])).filter((f) => f[0] === 'T-12')).toEqual([['T-12', 'REVISION_REPEATED', 0]]);
    expect(codes(check(STREAM, [a, { ...b, streamName: 'warrantyClaim-W-OTHER' }]))).toEqual([['T-12', 'EVENT_FROM_ANOTHER_STREAM', 1]]);
  });

  it('T-11: metadata that contradicts its event', () => {
    const [a, b] = storedStream(warrantyClaimCaseType, STREAM, [filed, inspected]);
    if (a === undefined || b === undefined) throw new Error('fixture');
    const contradicted = { ...b, metadata: { ...b.metadata, at: '2026-11-12T10:00:00+08:00', actor: cs } };
    const findings = judge(warrantyClaimCaseType)(STREAM, [a, contradicted]);
    expect(codes(findings)).toEqual([
      ['T-11', 'METADATA_CONTRADICTS_EVENT', 1],
      ['T-11', 'METADATA_CONTRADICTS_EVENT', 1],
    ]);
    expect(findings.map((f) => f.details['field'])).toEqual(['at', 'actor']);
  });

  it('a v1 acceptance (caseledger 0.1, counted to the acceptance) audits clean under a policy version for that reading', () => {
    const v1 = stored(
      warrantyClaimCaseType,
      STREAM,
      2,
      { type: 'ReturnAccepted', at: '2026-11-10T11:00:00+08:00', by: cs, policyVersion: 'rulebook-1', windowEndsOn: '2026-12-01', specialCase: false },
      { metadata: { schemaVersion: 1 } },
    );
    const [a, b] = storedStream(warrantyClaimCaseType, STREAM, [{ ...filed, unit: unit('2026-09-01') }, inspected]);
    if (a === undefined || b === undefined) throw new Error('fixture');
    const policies = decodePolicySet([
      {
        version: 'rulebook-1',
        inForceFrom: '1970-01-01T00:00:00Z',
        values: { ...rulebookDefaults, warranty: { ...rulebookDefaults.warranty, returnWindowCountsTo: 'acceptance' } },
      },
      { version: RULEBOOK_DEFAULT_VERSION, inForceFrom: '2026-12-01T00:00:00+08:00', values: rulebookDefaults },
    ]);
    if (E.isLeft(policies)) throw new Error(policies.left.message);
    expect(codes(judge(warrantyClaimCaseType, { policies: policies.right, calendar: defaultCalendar })(STREAM, [a, b, v1]))).toEqual([]);
    // Under today's defaults alone, the version it records is unknown; judged under the version then in
    // force, it counted to the wrong day.
    expect(codes(judge(warrantyClaimCaseType)(STREAM, [a, b, v1]))).toEqual([
      ['T-5', 'POLICY_VERSION_UNKNOWN', 2],
      ['W-2', 'RECORDED_FACT_DIFFERS', 2],
      ['W-2', 'RECORDED_FACT_DIFFERS', 2],
    ]);
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
      {
        ruleId: 'W-8',
        name: 'defect-confirmation',
        status: 'missed',
        from: '2026-11-10T09:00:00+08:00',
        dueBy: '2026-11-12T01:00:00.000Z',
        doneAt: '2026-11-13T09:00:00+08:00',
        policyVersion: RULEBOOK_DEFAULT_VERSION,
        allowed: { count: 2, unit: 'days' },
      },
    ]);
  });
  it('pending before the due instant; not applicable to product claims', () => {
    const { events } = spec.run([notice]);
    expect(
      E.isRight(warrantyDeadlines(config)(events, instant('2026-11-11T09:00:00+08:00'))) &&
        warrantyDeadlines(config)(events, instant('2026-11-11T09:00:00+08:00')),
    ).toMatchObject({ right: [{ status: 'pending' }] });
    expect(warrantyDeadlines(config)([decodedFiled()], instant('2026-11-11T09:00:00+08:00'))).toEqual(
      E.right([{ ruleId: 'W-8', name: 'defect-confirmation', status: 'not-applicable' }]),
    );
  });
});

const decideAll = spec.decideEach;

describe('warranty properties over generated claims', () => {
  it('W-2 by property: no return requested outside the window is accepted without a special case', () => {
    fc.assert(
      fc.property(warrantyCommands(config), (commands) => {
        const { events } = decideAll(commands);
        const filing = events[0];
        for (const e of events) {
          if (e.type === 'ReturnAccepted' && !e.specialCase && filing?.type === 'ClaimFiled' && filing.unit !== undefined) {
            // The local date of the filing in Shanghai is on or before the window's last day: ship date + 3 months.
            expect(e.countedAt).toBe(filing.at);
            expect(e.windowEndsOn).toBeDefined();
            expect(localDateOf(defaultCalendar, filing.at) <= (e.windowEndsOn ?? '')).toBe(true);
            expect(e.windowEndsOn).toBe(monthsWindowEnd(filing.unit.shippedOn, 3));
          }
        }
      }),
      runs,
    );
  });
});
