/**
 * J-0 … J-4: jurisdiction presets as policy sets with the law's return grounds, warranty floors and
 * refund deadlines; a company's policy over a preset, refused below the law's floor.
 */
import { deciderSpec, recordCase, warrantyCommands, defaultNumRuns } from '@caseledger/testing';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type JurisdictionPreset,
  type Rulebook,
  checkHistory,
  companyPolicy,
  defaultCalendar,
  defaultRulebook,
  euConsumer,
  findingsOf,
  jurisdictionPresets,
  policyVersion,
  prcBuildings,
  prcConsumer,
  prcDistanceSales,
  presetRulebook,
  returnGroundsOf,
  warrantyClaimCaseType,
  warrantyClaimDecider,
  warrantyDeadlines,
} from '../src/index.js';
import { cs, finance, quality, salesManager, warehouse } from './fixtures/people.js';
import { instant } from './fixtures/values.js';
import { command, customer, unit } from './warranty/script.js';

const runs = { numRuns: defaultNumRuns() };
const sanbao = presetRulebook(prcConsumer, defaultCalendar);
const distance = presetRulebook(prcDistanceSales, defaultCalendar);
const eu = presetRulebook(euConsumer, defaultCalendar);

/** A unit sold (and shipped) on 2026-11-04; day 6 after the sale is 2026-11-10, day 10 is 2026-11-14. */
const SOLD = '2026-11-04';
const dayAfterSale = (n: number, time = '10:00') => `2026-11-${String(4 + n).padStart(2, '0')}T${time}:00+08:00`;

const fileOn = (kind: 'return' | 'exchange' | 'repair', at: string, unitExtra: Record<string, unknown> = {}, channel?: 'in-person' | 'distance') =>
  command('FileClaim', at, cs, {
    customer,
    kind,
    reason: 'Stops after ten minutes',
    unit: unit(SOLD, unitExtra),
    ...(channel === undefined ? {} : { channel }),
  });
const inspect = (at: string, verdict = 'intrinsic-defect') =>
  command('RecordDefectInspection', at, quality, { verdict, report: 'Performance fault confirmed' });
const accept = (at: string) => command('AcceptReturn', at, cs);
const later = (at: string, minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();

/** File a claim at `at`, have quality confirm a performance fault, and ask for the acceptance. */
const claimFor = (
  rulebook: Rulebook,
  kind: 'return' | 'exchange',
  at: string,
  options: { unit?: Record<string, unknown>; channel?: 'in-person' | 'distance'; verdict?: string | null } = {},
) => {
  const spec = deciderSpec(warrantyClaimDecider(rulebook));
  const steps = [
    fileOn(kind, at, options.unit, options.channel),
    ...(options.verdict === null ? [] : [inspect(later(at, 30), options.verdict ?? 'intrinsic-defect')]),
  ];
  return spec.given(spec.run(steps).events).when(accept(later(at, 60)));
};

const right = <A>(e: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(e)) throw new Error(e.left.message);
  return e.right;
};

describe('J-1 PRC consumer products (三包)', () => {
  it('day 6 after the sale, a performance fault: the customer chooses a return or an exchange (J-1 art. 9), each accepted under J-1', () => {
    const returned = claimFor(sanbao, 'return', dayAfterSale(6)).thenAccepted();
    expect(returned[0]).toMatchObject({
      type: 'ReturnAccepted',
      rule: 'J-1',
      ground: 'sanbao-return',
      jurisdiction: 'CN-consumer',
      policyVersion: 'CN-consumer-1995',
      windowEndsOn: '2026-11-11',
      specialCase: false,
    });
    const exchanged = claimFor(sanbao, 'exchange', dayAfterSale(6)).thenAccepted();
    expect(exchanged[0]).toMatchObject({ rule: 'J-1', ground: 'sanbao-exchange', windowEndsOn: '2026-11-19' });
  });

  it('day 10 after the sale: no return (J-1 art. 9 ends on day 7), an exchange still (art. 10, 15 days)', () => {
    const v = claimFor(sanbao, 'return', dayAfterSale(10)).thenRefused({ ruleId: 'J-1', code: 'RETURN_WINDOW_EXPIRED' });
    expect(v.message).toContain('Returns are accepted within 7 days of sale');
    expect(v.details).toMatchObject({ ground: 'sanbao-return', windowStartsOn: SOLD, windowEndsOn: '2026-11-11', countedOn: '2026-11-14' });
    expect(claimFor(sanbao, 'exchange', dayAfterSale(10)).thenAccepted()[0]).toMatchObject({ rule: 'J-1', ground: 'sanbao-exchange' });
    // Day 16: the exchange window is over too.
    claimFor(sanbao, 'exchange', dayAfterSale(16)).thenRefused({ ruleId: 'J-1', code: 'RETURN_WINDOW_EXPIRED' });
  });

  it('a repair on day 6 or day 10 is free: within the warranty (J-1, 12 months by default)', () => {
    const spec = deciderSpec(warrantyClaimDecider(sanbao));
    for (const day of [6, 10]) {
      const at = dayAfterSale(day);
      const events = spec.run([fileOn('repair', at), command('ReceiveRepairUnit', later(at, 10), cs, { quantity: 1, defect: 'No picture' })]).events;
      expect(
        spec
          .given(events)
          .when(command('AssessRepair', later(at, 20), cs, { mainComponentDamaged: true }))
          .thenAccepted()[0],
      ).toMatchObject({
        inWarranty: true,
        feeRequired: false,
        warrantyLastDay: '2027-11-03',
        policyVersion: 'CN-consumer-1995',
        jurisdiction: 'CN-consumer',
      });
    }
  });

  it('needs the performance fault confirmed (J-1 art. 9)', () => {
    claimFor(sanbao, 'return', dayAfterSale(6), { verdict: null }).thenRefused({ ruleId: 'J-1', code: 'DEFECT_NOT_INSPECTED' });
    claimFor(sanbao, 'return', dayAfterSale(6), { verdict: 'not-intrinsic' }).thenRefused({ ruleId: 'J-1', code: 'DEFECT_NOT_INTRINSIC' });
  });

  it('after two failed repairs within the warranty, an exchange or a return (J-1 art. 11)', () => {
    const at = '2027-03-01T10:00:00+08:00';
    expect(claimFor(sanbao, 'return', at, { unit: { failedRepairs: 2 } }).thenAccepted()[0]).toMatchObject({
      rule: 'J-1',
      ground: 'sanbao-after-repairs',
      windowEndsOn: '2027-11-04',
    });
    const once = claimFor(sanbao, 'exchange', at, { unit: { failedRepairs: 1 } }).thenRefused({ ruleId: 'J-1', code: 'FAILED_REPAIRS_NOT_REACHED' });
    expect(once.details).toMatchObject({ needed: 2, recorded: 1 });
  });

  it('misuse, an unauthorised repair, no warranty card …: off every J-1 ground, and a paid repair though in its period', () => {
    const spec = deciderSpec(warrantyClaimDecider(sanbao));
    const at = dayAfterSale(6);
    const misused = spec.run([
      fileOn('return', at),
      command('RecordDefectInspection', later(at, 30), quality, { verdict: 'intrinsic-defect', report: 'Burnt board', exclusion: 'misuse' }),
    ]).events;
    const v = spec
      .given(misused)
      .when(accept(later(at, 60)))
      .thenRefused({ ruleId: 'J-1', code: 'EXCLUDED_FROM_GROUND' });
    expect(v.details).toMatchObject({ exclusion: 'misuse' });
    const received = spec.run([fileOn('repair', at), command('ReceiveRepairUnit', later(at, 10), cs, { quantity: 1, defect: 'Opened and resoldered' })]).events;
    const assess = (exclusion?: string) =>
      command('AssessRepair', later(at, 20), cs, { mainComponentDamaged: true, ...(exclusion === undefined ? {} : { exclusion }) });
    expect(spec.given(received).when(assess('unauthorised-repair')).thenAccepted()[0]).toMatchObject({
      inWarranty: true,
      feeRequired: true,
      exclusion: 'unauthorised-repair',
    });
    expect(spec.given(received).when(assess()).thenAccepted()[0]).toMatchObject({ inWarranty: true, feeRequired: false });
    // The seeds know no exclusions: the same repair is free under the B2B policy.
    const b2b = deciderSpec(warrantyClaimDecider(defaultRulebook));
    expect(b2b.given(received).when(assess('unauthorised-repair')).thenAccepted()[0]).toMatchObject({ inWarranty: true, feeRequired: false });
  });

  it("a repair is done within 30 days of the unit's receipt (a deadline); a repair overdue under warranty gives an exchange", async () => {
    const at = dayAfterSale(20);
    const repair = (completedAt: string) => [
      fileOn('repair', at),
      command('ReceiveRepairUnit', later(at, 10), cs, { quantity: 1, defect: 'No sound' }),
      command('AssessRepair', later(at, 20), cs, { mainComponentDamaged: false }),
      command('StartRepair', later(at, 30), cs),
      command('CompleteRepair', completedAt, cs, { note: 'Replaced the amplifier' }),
    ];
    const deadlineOf = async (completedAt: string) => {
      const { envelopes, refused } = await recordCase(warrantyClaimCaseType, repair(completedAt), { rulebook: sanbao });
      expect(refused).toEqual([]);
      return right(
        warrantyDeadlines(sanbao)(
          envelopes.map((e) => e.event),
          instant('2027-06-01T00:00:00+08:00'),
        ),
      ).find((r) => r.name === 'repair-completion');
    };
    expect(await deadlineOf('2026-12-24T09:00:00+08:00')).toMatchObject({ ruleId: 'J-1', status: 'met', dueBy: '2026-12-24T02:10:00.000Z' });
    expect(await deadlineOf('2026-12-24T11:00:00+08:00')).toMatchObject({ ruleId: 'J-1', status: 'missed' });
    const { envelopes } = await recordCase(warrantyClaimCaseType, repair('2026-12-24T11:00:00+08:00'), { rulebook: defaultRulebook });
    expect(
      right(
        warrantyDeadlines(defaultRulebook)(
          envelopes.map((e) => e.event),
          instant('2027-06-01T00:00:00+08:00'),
        ),
      ).map((r) => r.name),
    ).toEqual(['defect-confirmation']);
    // The warranty card shows the overdue repair: an exchange months later, under J-1.
    expect(claimFor(sanbao, 'exchange', '2027-04-01T10:00:00+08:00', { unit: { overdueRepairs: 1 } }).thenAccepted()[0]).toMatchObject({
      rule: 'J-1',
      ground: 'sanbao-overdue-repair',
    });
    claimFor(sanbao, 'return', '2027-04-01T10:00:00+08:00', { unit: { overdueRepairs: 1 } }).thenRefused({ ruleId: 'J-1', code: 'RETURN_WINDOW_EXPIRED' });
  });

  it('the warranty runs from the invoice date (the sale) under J-1, from the delivery in the seeds', () => {
    const sold = { purchasedOn: '2026-01-10', deliveredOn: '2026-02-20' };
    const assessIn = (rulebook: Rulebook) => {
      const spec = deciderSpec(warrantyClaimDecider(rulebook));
      const at = '2027-02-01T10:00:00+08:00';
      const events = spec.run([fileOn('repair', at, sold), command('ReceiveRepairUnit', later(at, 10), cs, { quantity: 1, defect: 'x' })]).events;
      return spec
        .given(events)
        .when(command('AssessRepair', later(at, 20), cs, { mainComponentDamaged: true }))
        .thenAccepted()[0];
    };
    expect(assessIn(sanbao)).toMatchObject({ inWarranty: false, feeRequired: true, warrantyLastDay: '2027-01-09' });
    expect(assessIn(defaultRulebook)).toMatchObject({ inWarranty: true, feeRequired: false, warrantyLastDay: '2027-02-19' });
  });

  it("the same unit under the seeds' B2B policy follows W-2: 3 months of shipment, whatever the day after the sale", () => {
    expect(claimFor(defaultRulebook, 'return', dayAfterSale(10)).thenAccepted()[0]).toMatchObject({
      rule: 'W-2',
      ground: 'company',
      jurisdiction: 'none',
      windowEndsOn: '2027-02-04',
    });
    claimFor(defaultRulebook, 'return', '2027-02-05T10:00:00+08:00').thenRefused({ ruleId: 'W-2', code: 'RETURN_WINDOW_EXPIRED' });
    claimFor(sanbao, 'return', '2027-02-05T10:00:00+08:00').thenRefused({ ruleId: 'J-1', code: 'RETURN_WINDOW_EXPIRED' });
  });
});

describe('J-2 PRC distance sales (消费者权益保护法 art. 25)', () => {
  const delivered = { deliveredOn: '2026-11-08' };

  it('a distance sale may be returned without a reason within 7 days of receipt; no inspection needed', () => {
    // Day 10 after the sale, day 6 after the delivery: J-1's return window is over, J-2's is not.
    const accepted = claimFor(distance, 'return', dayAfterSale(10), { unit: delivered, channel: 'distance', verdict: null }).thenAccepted();
    expect(accepted[0]).toMatchObject({ rule: 'J-2', ground: 'distance-no-reason', jurisdiction: 'CN-distance', windowEndsOn: '2026-11-15' });
    claimFor(distance, 'return', '2026-11-16T10:00:00+08:00', { unit: delivered, channel: 'distance', verdict: null }).thenRefused({
      ruleId: 'J-2',
      code: 'RETURN_WINDOW_EXPIRED',
    });
  });

  it('not for a counter sale, a sale of unknown channel, or the goods art. 25 leaves out', () => {
    for (const channel of ['in-person', undefined] as const) {
      claimFor(distance, 'return', dayAfterSale(10), { unit: delivered, ...(channel === undefined ? {} : { channel }), verdict: null }).thenRefused({
        ruleId: 'J-1',
        code: 'RETURN_WINDOW_EXPIRED',
      });
    }
    for (const nature of ['custom-made', 'perishable', 'digital-unsealed', 'periodical', 'confirmed-unsuitable']) {
      claimFor(distance, 'return', dayAfterSale(10), { unit: { ...delivered, nature }, channel: 'distance', verdict: null }).thenRefused({
        ruleId: 'J-1',
        code: 'RETURN_WINDOW_EXPIRED',
      });
    }
    // A performance fault within J-1's 7 days is still a J-1 return, whatever the goods.
    expect(
      claimFor(distance, 'return', dayAfterSale(6), { unit: { ...delivered, nature: 'custom-made' }, channel: 'distance' }).thenAccepted()[0],
    ).toMatchObject({ rule: 'J-1' });
  });

  it('counts from the delivery, so a claim without its delivery date is refused by name', () => {
    claimFor(distance, 'return', dayAfterSale(10), { channel: 'distance', verdict: null }).thenRefused({ ruleId: 'J-2', code: 'DELIVERY_DATE_NOT_RECORDED' });
  });

  it('the refund is due within 7 days of receiving the returned goods (a deadline, T-8)', async () => {
    const at = dayAfterSale(10);
    const steps = (bookedOn: string) => [
      fileOn('return', at, delivered, 'distance'),
      accept(later(at, 30)),
      command('ReceiveReturnedGoods', '2026-11-15T10:00:00+08:00', warehouse, { quantity: 1 }),
      command('IssueReturnSlip', '2026-11-15T11:00:00+08:00', cs, { shipDate: SOLD, reason: 'No reason (J-2)' }),
      command('SignReturnSlip', '2026-11-15T12:00:00+08:00', salesManager),
      command('BookReturn', bookedOn, finance),
    ];
    const refund = async (bookedOn: string) => {
      const { envelopes, refused } = await recordCase(warrantyClaimCaseType, steps(bookedOn), { rulebook: distance });
      expect(refused).toEqual([]);
      const reports = right(
        warrantyDeadlines(distance)(
          envelopes.map((e) => e.event),
          instant('2026-12-31T00:00:00+08:00'),
        ),
      );
      return reports.find((r) => r.name === 'refund');
    };
    expect(await refund('2026-11-22T09:00:00+08:00')).toMatchObject({
      ruleId: 'J-2',
      status: 'met',
      from: '2026-11-15T10:00:00+08:00',
      dueBy: '2026-11-22T02:00:00.000Z',
    });
    expect(await refund('2026-11-23T09:00:00+08:00')).toMatchObject({ ruleId: 'J-2', status: 'missed' });
  });
});

describe('J-3 EU consumer sales', () => {
  const delivered = { deliveredOn: '2026-11-05' };

  it('14 days to withdraw from a distance sale; a replacement for 2 years; a return after a failed repair', () => {
    expect(claimFor(eu, 'return', '2026-11-19T10:00:00+01:00', { unit: delivered, channel: 'distance', verdict: null }).thenAccepted()[0]).toMatchObject({
      rule: 'J-3',
      ground: 'eu-withdrawal',
      jurisdiction: 'EU-consumer',
    });
    claimFor(eu, 'return', '2026-11-20T10:00:00+01:00', { unit: delivered, channel: 'distance', verdict: null }).thenRefused({
      ruleId: 'J-3',
      code: 'RETURN_WINDOW_EXPIRED',
    });
    expect(claimFor(eu, 'exchange', '2028-11-05T10:00:00+01:00', { unit: delivered }).thenAccepted()[0]).toMatchObject({
      rule: 'J-3',
      ground: 'eu-replacement',
    });
    claimFor(eu, 'exchange', '2028-11-06T10:00:00+01:00', { unit: delivered }).thenRefused({ ruleId: 'J-3', code: 'RETURN_WINDOW_EXPIRED' });
    expect(claimFor(eu, 'return', '2027-06-01T10:00:00+02:00', { unit: { ...delivered, failedRepairs: 1 } }).thenAccepted()[0]).toMatchObject({
      rule: 'J-3',
      ground: 'eu-termination',
    });
  });

  it('the refund is due 14 days after the request, or once the goods are back if that is later (Directive 2011/83 art. 13)', async () => {
    const at = '2026-11-10T10:00:00+08:00';
    const base = [fileOn('return', at, delivered, 'distance'), accept(later(at, 30))];
    const refundAt = async (extra: ReadonlyArray<ReturnType<typeof command>>, now: string) => {
      const { envelopes } = await recordCase(warrantyClaimCaseType, [...base, ...extra], { rulebook: eu });
      return right(
        warrantyDeadlines(eu)(
          envelopes.map((e) => e.event),
          instant(now),
        ),
      ).find((r) => r.name === 'refund');
    };
    // Goods not back a month later: the seller may wait.
    expect(await refundAt([], '2026-12-31T00:00:00+08:00')).toMatchObject({ ruleId: 'J-3', status: 'pending', dueBy: '2026-11-24T02:00:00.000Z' });
    const back = command('ReceiveReturnedGoods', '2026-12-01T10:00:00+08:00', warehouse, { quantity: 1 });
    expect(await refundAt([back], '2026-12-31T00:00:00+08:00')).toMatchObject({ status: 'missed', dueBy: '2026-12-01T10:00:00+08:00' });
  });
});

describe("J-0 the law's floor under a company's policy", () => {
  const over = (preset: JurisdictionPreset, values: unknown, inForceFrom = '2027-01-01T00:00:00+08:00') =>
    companyPolicy(preset, [{ version: 'acme-2027', inForceFrom, values }]);
  const breaches = (preset: JurisdictionPreset, values: unknown) => {
    const built = over(preset, values);
    if (E.isRight(built)) return [];
    if (built.left.code !== 'POLICY_BELOW_LEGAL_FLOOR') throw new Error(`${built.left.code}: ${built.left.message}`);
    return built.left.breaches.map((b) => [b.path, b.given, b.rule]);
  };

  it('a policy file with two values overrides a preset and validates', () => {
    const set = right(over(prcConsumer, { warranty: { returnGrounds: { 'sanbao-return': { within: '30 days' } }, defaultProductWarrantyMonths: 24 } }));
    // Before the company's own version, the preset alone applies.
    expect(set.versions.map((v) => v.version)).toEqual(['CN-consumer-1995', 'acme-2027']);
    const values = right(policyVersion('acme-2027')(set)).values;
    expect(values.jurisdiction).toBe('CN-consumer');
    expect(values.warranty.returnGrounds['sanbao-return']).toMatchObject({ rule: 'J-1', within: { count: 30, unit: 'days' }, from: 'sale' });
    expect(values.warranty.returnGrounds['sanbao-exchange']).toMatchObject({ within: { count: 15, unit: 'days' } });
    expect(values.warranty.defaultProductWarrantyMonths).toBe(24);
    expect(values.complaint).toEqual(defaultRulebook.policies.versions[0]?.values.complaint);
  });

  it('refuses a shorter legal window when the policy is built, naming the value, the floor and the article', () => {
    const built = over(prcConsumer, { warranty: { returnGrounds: { 'sanbao-return': { within: '5 days' } } } });
    expect(E.isLeft(built) && built.left).toMatchObject({
      code: 'POLICY_BELOW_LEGAL_FLOOR',
      preset: 'CN-consumer',
      breaches: [
        {
          path: '0.values.warranty.returnGrounds.sanbao-return.within',
          given: '5 days',
          floor: 'at least 7 days',
          rule: 'J-1',
          source: expect.stringContaining('art. 9'),
          version: 'acme-2027',
        },
      ],
    });
    if (E.isLeft(built)) expect(built.left.message).toContain('部分商品修理更换退货责任规定');
  });

  it('compares windows across units only where the longer one always is: 1 month ≥ 7 days, 6 working days < 7 days < 7 working days', () => {
    const within = (w: string) => ({ warranty: { returnGrounds: { 'sanbao-return': { within: w } } } });
    expect(breaches(prcConsumer, within('1 month'))).toEqual([]);
    expect(breaches(prcConsumer, within('7 working days'))).toEqual([]);
    expect(breaches(prcConsumer, within('6 working days'))).toHaveLength(1);
    expect(breaches(euConsumer, { warranty: { returnGrounds: { 'eu-withdrawal': { within: '1 month' } } } })).toEqual([]);
    expect(breaches(euConsumer, { warranty: { returnGrounds: { 'eu-withdrawal': { within: '14 working days' } } } })).toEqual([]);
    // 10 working days are 14 calendar days on a Monday-to-Friday week, but make-up working days (调休) can make them fewer.
    expect(breaches(euConsumer, { warranty: { returnGrounds: { 'eu-withdrawal': { within: '10 working days' } } } })).toHaveLength(1);
    // 730 days are not always 24 months (24 months may last 731 days): refused.
    expect(breaches(euConsumer, { warranty: { returnGrounds: { 'eu-replacement': { within: '730 days' } } } })).toHaveLength(1);
    expect(breaches(euConsumer, { warranty: { returnGrounds: { 'eu-replacement': { within: '745 days' } } } })).toEqual([]);
  });

  it('refuses a ground taken away, a remedy, a channel or a reason added, goods excluded, a later start, a slower refund', () => {
    expect(breaches(prcConsumer, { warranty: { returnGrounds: { 'sanbao-exchange': null } } })).toEqual([
      ['0.values.warranty.returnGrounds.sanbao-exchange', 'no such ground', 'J-1'],
    ]);
    expect(breaches(prcConsumer, { warranty: { returnGrounds: { 'sanbao-after-repairs': { remedies: ['exchange'] } } } })).toEqual([
      ['0.values.warranty.returnGrounds.sanbao-after-repairs.remedies', 'exchange', 'J-1'],
    ]);
    expect(breaches(prcConsumer, { warranty: { returnGrounds: { 'sanbao-after-repairs': { failedRepairs: 3 } } } })).toEqual([
      ['0.values.warranty.returnGrounds.sanbao-after-repairs.failedRepairs', '3', 'J-1'],
    ]);
    const noReason = (patch: object) => ({ warranty: { returnGrounds: { 'distance-no-reason': patch } } });
    expect(breaches(prcDistanceSales, noReason({ needs: 'intrinsic-defect' })).map((b) => b[0])).toEqual([
      '0.values.warranty.returnGrounds.distance-no-reason.needs',
    ]);
    expect(
      breaches(
        prcDistanceSales,
        noReason({ excludes: ['custom-made', 'perishable', 'digital-unsealed', 'periodical', 'confirmed-unsuitable', 'hygiene-unsealed'] }),
      ).map((b) => b[0]),
    ).toEqual(['0.values.warranty.returnGrounds.distance-no-reason.excludes']);
    expect(breaches(prcDistanceSales, noReason({ from: 'shipment' })).map((b) => b[0])).toEqual(['0.values.warranty.returnGrounds.distance-no-reason.from']);
    expect(breaches(prcDistanceSales, noReason({ refund: { within: '10 days' } })).map((b) => b[0])).toEqual([
      '0.values.warranty.returnGrounds.distance-no-reason.refund.within',
    ]);
    expect(breaches(prcDistanceSales, noReason({ refund: { from: 'goods-received' } }))).toEqual([]);
    expect(breaches(euConsumer, { warranty: { returnGrounds: { 'eu-withdrawal': { refund: { from: 'goods-received' } } } } }).map((b) => b[0])).toEqual([
      '0.values.warranty.returnGrounds.eu-withdrawal.refund.from',
    ]);
    expect(breaches(prcDistanceSales, noReason({ rule: 'ACME-1' })).map((b) => b[0])).toEqual(['0.values.warranty.returnGrounds.distance-no-reason.rule']);
  });

  it('a company may always give more: a wider channel, fewer exclusions, a later start, no reason needed', () => {
    expect(
      breaches(prcDistanceSales, {
        warranty: { returnGrounds: { 'distance-no-reason': { channels: ['distance', 'in-person'], excludes: ['perishable'], within: '30 days' } } },
      }),
    ).toEqual([]);
    expect(breaches(prcConsumer, { warranty: { returnGrounds: { 'sanbao-return': { from: 'delivery', needs: 'no-reason' } } } })).toEqual([]);
  });

  it('refuses a shorter warranty, a later day to count a window to, another jurisdiction; J-4 keeps the W-9 table', () => {
    expect(breaches(prcConsumer, { warranty: { defaultProductWarrantyMonths: 6, productWarrantyMonths: { televisions: 9 } } })).toEqual([
      ['0.values.warranty.defaultProductWarrantyMonths', '6', 'J-1'],
      ['0.values.warranty.productWarrantyMonths.televisions', '9', 'J-1'],
    ]);
    expect(breaches(euConsumer, { warranty: { returnWindowCountsTo: 'acceptance' } })).toEqual([
      ['0.values.warranty.returnWindowCountsTo', 'acceptance', 'J-3'],
    ]);
    expect(breaches(prcConsumer, { jurisdiction: 'none' })).toEqual([['0.values.jurisdiction', 'none', 'J-0']]);
    expect(breaches(prcBuildings, { warranty: { roofingAndWaterproofingYears: 3, heatingSeasons: 1 } })).toEqual([
      ['0.values.warranty.roofingAndWaterproofingYears', '3', 'J-4'],
      ['0.values.warranty.heatingSeasons', '1', 'J-4'],
    ]);
    expect(breaches(prcBuildings, { warranty: { roofingAndWaterproofingYears: 8, defectConfirmationWithinDays: 1 } })).toEqual([]);
    // Outside J-4 the roofing period is the company's own.
    expect(breaches(prcConsumer, { warranty: { roofingAndWaterproofingYears: 3 } })).toEqual([]);
    expect(breaches(euConsumer, { warranty: { productWarrantyFrom: 'sale', freeRepairVoidedBy: ['misuse'] } })).toEqual([
      ['0.values.warranty.productWarrantyFrom', 'sale', 'J-3'],
      ['0.values.warranty.freeRepairVoidedBy', 'misuse', 'J-3'],
    ]);
    expect(breaches(prcConsumer, { warranty: { productWarrantyFrom: 'delivery', freeRepairVoidedBy: ['misuse'] } })).toEqual([]);
    expect(breaches(prcConsumer, { warranty: { repairCompletion: { within: '45 days' } } })).toEqual([
      ['0.values.warranty.repairCompletion.within', '45 days', 'J-1'],
    ]);
    expect(breaches(prcConsumer, { warranty: { repairCompletion: null } })).toEqual([['0.values.warranty.repairCompletion', 'none', 'J-1']]);
    expect(breaches(prcConsumer, { warranty: { repairCompletion: { within: '20 days' } } })).toEqual([]);
    // Holidays can stretch 15 working days past 30 days: not surely faster, refused.
    expect(breaches(prcConsumer, { warranty: { repairCompletion: { within: '15 working days' } } })).toHaveLength(1);
    expect(breaches(prcConsumer, { warranty: { returnGrounds: { 'sanbao-return': { voidedBy: ['misuse'] } } } })).toEqual([]);
    expect(breaches(prcDistanceSales, { warranty: { returnGrounds: { 'distance-no-reason': { voidedBy: ['misuse'] } } } }).map((b) => b[0])).toEqual([
      '0.values.warranty.returnGrounds.distance-no-reason.voidedBy',
    ]);
  });

  it('refuses a company version in force before the preset, and bad values by path', () => {
    expect(over(prcDistanceSales, {}, '2010-01-01T00:00:00+08:00')).toMatchObject({ left: { code: 'POLICY_BEFORE_PRESET', preset: 'CN-distance' } });
    expect(over(prcConsumer, { warranty: { returnGrounds: { 'sanbao-return': { within: 'a week' } } } })).toMatchObject({
      left: { code: 'POLICY_VALUES_UNDECODABLE', errors: [{ path: '0.values.warranty.returnGrounds.sanbao-return.within' }] },
    });
  });

  it("a company ground of its own, under its own rule id, is decided and audited like the law's", async () => {
    const goodwill = { rule: 'ACME-1', source: 'ACME QP-07 §2', remedies: ['return'], within: '30 days', from: 'delivery', needs: 'no-reason' };
    const rulebook = {
      policies: right(over(prcConsumer, { warranty: { returnGrounds: { 'acme-goodwill': goodwill } } }, '2026-01-01T00:00:00+08:00')),
      calendar: defaultCalendar,
    };
    const at = dayAfterSale(20);
    const { streamName, envelopes, refused } = await recordCase(
      warrantyClaimCaseType,
      [fileOn('return', at, { deliveredOn: '2026-11-06' }), accept(later(at, 30))],
      { rulebook },
    );
    expect(refused).toEqual([]);
    const accepted = envelopes[1]?.event;
    expect(accepted).toMatchObject({ rule: 'ACME-1', ground: 'acme-goodwill', jurisdiction: 'CN-consumer' });
    if (accepted !== undefined) expect(warrantyClaimCaseType.describe(accepted).rules).toEqual(['ACME-1']);
    expect(findingsOf(checkHistory(warrantyClaimCaseType, rulebook)(streamName, envelopes))).toEqual([]);
  });
});

describe('presets as data', () => {
  it('every preset cites an article for each rule it adds and each ground; the ids are recorded as their jurisdiction', () => {
    for (const preset of Object.values(jurisdictionPresets)) {
      for (const version of preset.policies.versions) {
        expect(version.values.jurisdiction).toBe(preset.id);
        for (const [, ground] of returnGroundsOf(version.values)) {
          if (ground.rule.startsWith('J-')) {
            expect(preset.rules).toContain(ground.rule);
            expect(preset.citations.some((c) => c.rule === ground.rule && ground.source.startsWith(c.source.split(' art')[0] ?? '~'))).toBe(true);
          }
        }
      }
      for (const rule of preset.rules) expect(preset.citations.some((c) => c.rule === rule)).toBe(true);
      for (const floor of preset.floors) expect(preset.citations.some((c) => c.rule === floor.rule && c.use === 'floor')).toBe(true);
    }
  });
});

describe('J-0 … J-3 by property over generated claims', () => {
  const presets: ReadonlyArray<readonly [string, Rulebook]> = [
    ['CN-consumer', sanbao],
    ['CN-distance', distance],
    ['EU-consumer', eu],
    ['none', defaultRulebook],
  ];

  it('every history the handler writes under a preset audits clean, and no return is accepted outside every ground without a special case', async () => {
    for (const [id, rulebook] of presets) {
      const check = checkHistory(warrantyClaimCaseType, rulebook);
      let onAGround = 0;
      await fc.assert(
        fc.asyncProperty(warrantyCommands(rulebook), async (commands) => {
          const { streamName, envelopes } = await recordCase(warrantyClaimCaseType, commands, { rulebook });
          expect(findingsOf(check(streamName, envelopes))).toEqual([]);
          const filed = envelopes[0]?.event;
          for (const { event } of envelopes) {
            if (event.type !== 'ReturnAccepted' || filed?.type !== 'ClaimFiled') continue;
            expect(event.jurisdiction).toBe(id);
            if (event.specialCase) continue;
            onAGround += 1;
            // The ground it names is in the policy version it records, covers the claim, and its window held at the filing.
            const values = right(policyVersion(event.policyVersion)(rulebook.policies)).values;
            const ground = event.ground === undefined ? undefined : values.warranty.returnGrounds[event.ground];
            expect(ground?.rule).toBe(event.rule);
            expect(ground?.remedies).toContain(filed.kind);
            if (ground?.channels !== undefined) expect(ground.channels).toContain(filed.channel);
            expect(event.windowEndsOn !== undefined && event.countedAt === filed.at).toBe(true);
          }
        }),
        runs,
      );
      expect(onAGround).toBeGreaterThan(0);
    }
  });

  it('the generated claims reach every ground of each preset, so the property says something about each', () => {
    for (const [id, rulebook] of presets) {
      const expectedGrounds = returnGroundsOf(right(E.fromNullable({ message: 'no version' })(rulebook.policies.versions[0])).values).map(([key]) => key);
      const decideAll = deciderSpec(warrantyClaimDecider(rulebook)).decideEach;
      const grounds = new Set<string>();
      fc.assert(
        fc.property(warrantyCommands(rulebook), (commands) => {
          for (const e of decideAll(commands).events) if (e.type === 'ReturnAccepted' && !e.specialCase) grounds.add(e.ground ?? '');
        }),
        { numRuns: 600, seed: 11 },
      );
      expect([id, [...grounds].sort()]).toEqual([id, [...expectedGrounds].sort()]);
    }
  });
});
