/** W-1 and W-4 … W-8: filing, return slips, exchanges, repairs, construction defects. */
import { deciderSpec } from '@caseledger/testing';
import { describe, expect, it } from 'vitest';
import { RULEBOOK_DEFAULT_VERSION, type WarrantyCommand } from '../../src/index.js';
import { cs, engineering, finance, generalManager, quality, sales, salesManager, warehouse } from '../fixtures/people.js';
import { actor } from '../fixtures/values.js';
import { command, customer, deciderFor, file, unit } from './script.js';

const spec = deciderSpec(deciderFor());
const at = (hhmm: string, day = 10) => `2026-11-${day}T${hhmm}:00+08:00`;
const engineeringHead = actor({ id: 'eng-mgr-qian', department: 'engineering', role: 'manager' });

const acceptedReturn = (kind: 'return' | 'exchange'): ReadonlyArray<WarrantyCommand> => [
  file(kind, '2026-10-01', at('09:00')),
  command('ReceiveReturnedGoods', at('09:30'), warehouse, { quantity: 1 }),
  command('RecordDefectInspection', at('10:00'), quality, { verdict: 'intrinsic-defect', report: 'Capacitor failed' }),
  command('AcceptReturn', at('11:00'), cs),
];

describe('W-1 filing records purchase date, model, serial and reason', () => {
  it('records the unit', () => {
    const [filed] = spec.given([]).when(file('return', '2026-10-01')).thenAccepted();
    expect(filed).toMatchObject({
      type: 'ClaimFiled',
      kind: 'return',
      reason: 'Flickers after a week',
      unit: { model: 'Driver 40W', serialNumber: 'SN-778812', purchasedOn: '2026-10-01' },
    });
  });
  it('refuses a product claim without its unit, a construction claim without its work, and a second filing', () => {
    spec
      .given([])
      .when(command('FileClaim', at('09:00'), cs, { customer, kind: 'repair', reason: 'x' }))
      .thenRefused({ ruleId: 'W-1', code: 'CLAIM_UNIT_MISSING' });
    spec
      .given([])
      .when(command('FileClaim', at('09:00'), cs, { customer, kind: 'construction-defect', reason: 'x', unit: unit('2026-10-01') }))
      .thenRefused('CLAIM_WORK_MISSING');
    spec
      .given(spec.run([file('return', '2026-10-01')]).events)
      .when(file('return', '2026-10-01', at('10:00')))
      .thenRefused('CLAIM_ALREADY_FILED');
    spec
      .given([])
      .when(command('AcceptReturn', at('09:00'), cs))
      .thenRefused('CLAIM_NOT_FILED');
  });
  it('the undecodable filing names the field (missing serial)', () => {
    expect(() =>
      command('FileClaim', at('09:00'), cs, { customer, kind: 'return', reason: 'x', unit: { ...unit('2026-10-01'), serialNumber: undefined } }),
    ).toThrow('unit.serialNumber');
  });
});

describe('W-4 return slip: issued by customer service, signed by the sales manager, then booked by finance', () => {
  it('runs in that order', () => {
    const { state } = spec.run([
      ...acceptedReturn('return'),
      command('IssueReturnSlip', at('12:00'), cs, { shipDate: '2026-10-01', reason: 'Capacitor failed' }),
      command('SignReturnSlip', at('14:00'), salesManager),
      command('BookReturn', at('15:00'), finance),
      command('CloseClaim', at('16:00'), cs),
    ]);
    expect(state).toMatchObject({
      status: 'closed',
      claim: { kind: 'return', slip: { shipDate: '2026-10-01', signedAt: at('14:00') }, bookedAt: at('15:00') },
    });
  });
  it('refuses booking before signing, signing by sales staff, a slip before the goods arrive, and closing before booking', () => {
    const issued = spec.run([...acceptedReturn('return'), command('IssueReturnSlip', at('12:00'), cs, { shipDate: '2026-10-01', reason: 'x' })]).events;
    spec
      .given(issued)
      .when(command('BookReturn', at('15:00'), finance))
      .thenRefused({ ruleId: 'W-4', code: 'RETURN_SLIP_NOT_SIGNED' });
    spec
      .given(issued)
      .when(command('SignReturnSlip', at('14:00'), sales))
      .thenRefused({ ruleId: 'W-4', code: 'RETURN_SLIP_NOT_SIGNED_BY_SALES_MANAGER' });
    spec
      .given(issued)
      .when(command('CloseClaim', at('16:00'), cs))
      .thenRefused({ ruleId: 'W-4', code: 'CLAIM_NOT_COMPLETE' });
    const noGoods = spec.run([
      file('return', '2026-10-01', at('09:00')),
      command('RecordDefectInspection', at('10:00'), quality, { verdict: 'intrinsic-defect', report: 'x' }),
      command('AcceptReturn', at('11:00'), cs),
    ]).events;
    spec
      .given(noGoods)
      .when(command('IssueReturnSlip', at('12:00'), cs, { shipDate: '2026-10-01', reason: 'x' }))
      .thenRefused('GOODS_NOT_RECEIVED');
    const signed = spec.run([
      ...acceptedReturn('return'),
      command('IssueReturnSlip', at('12:00'), cs, { shipDate: '2026-10-01', reason: 'x' }),
      command('SignReturnSlip', at('14:00'), salesManager),
    ]).events;
    spec
      .given(signed)
      .when(command('BookReturn', at('15:00'), cs))
      .thenRefused('BOOKING_NOT_BY_FINANCE');
  });
});

describe('W-5 an exchange ships the replacement after the return arrived and the slip was issued', () => {
  it('refuses the replacement before the slip, allows it after', () => {
    const accepted = spec.run(acceptedReturn('exchange')).events;
    spec
      .given(accepted)
      .when(command('ShipReplacement', at('12:00'), warehouse))
      .thenRefused({ ruleId: 'W-5', code: 'RETURN_SLIP_NOT_ISSUED' });
    const slip = spec.run([...acceptedReturn('exchange'), command('IssueReturnSlip', at('12:00'), cs, { shipDate: '2026-10-01', reason: 'x' })]).events;
    spec
      .given(slip)
      .when(command('ShipReplacement', at('13:00'), warehouse))
      .then([{ type: 'ReplacementShipped', at: at('13:00'), by: warehouse }]);
  });
  it('refuses the replacement before the returned unit arrived', () => {
    const special = spec.run([
      file('exchange', '2026-10-01', at('09:00')),
      command('ApproveSpecialCase', at('09:10'), generalManager, { justification: 'Customer at a trade fair tomorrow' }),
      command('AcceptReturn', at('09:20'), cs),
    ]).events;
    spec
      .given(special)
      .when(command('ShipReplacement', at('10:00'), warehouse))
      .thenRefused({ ruleId: 'W-5', code: 'REPLACEMENT_BEFORE_RETURN_RECEIVED' });
  });
});

describe('W-6 repairs: free in warranty; out of warranty with a main component damaged, a quote and signed consent', () => {
  // Shipped (and delivered) 2025-06-01; the 12-month product warranty ended on 2026-05-31.
  const outOfWarranty = [file('repair', '2025-06-01', at('09:00')), command('ReceiveRepairUnit', at('09:30'), cs, { quantity: 1, defect: 'Main board burnt' })];
  const inWarranty = [file('repair', '2026-06-01', at('09:00')), command('ReceiveRepairUnit', at('09:30'), cs, { quantity: 1, defect: 'Loose connector' })];

  it('assesses warranty from the delivery date under the policy in force', () => {
    spec
      .given(spec.run(outOfWarranty).events)
      .when(command('AssessRepair', at('10:00'), engineering, { mainComponentDamaged: true }))
      .then([
        {
          type: 'RepairAssessed',
          at: at('10:00'),
          by: engineering,
          inWarranty: false,
          mainComponentDamaged: true,
          feeRequired: true,
          policyVersion: RULEBOOK_DEFAULT_VERSION,
          jurisdiction: 'none',
          warrantyLastDay: '2026-05-31',
        },
      ]);
    const [free] = spec
      .given(spec.run(inWarranty).events)
      .when(command('AssessRepair', at('10:00'), engineering, { mainComponentDamaged: true }))
      .thenAccepted();
    expect(free).toMatchObject({ inWarranty: true, feeRequired: false });
  });

  it('a charged repair cannot start before the signed consent', () => {
    const quoted = spec.run([
      ...outOfWarranty,
      command('AssessRepair', at('10:00'), engineering, { mainComponentDamaged: true }),
      command('SendFeeQuote', at('10:30'), cs, { quote: { amountMinor: 38000, currency: 'CNY' } }),
    ]).events;
    spec
      .given(quoted)
      .when(command('StartRepair', at('11:00'), engineering))
      .thenRefused({ ruleId: 'W-6', code: 'REPAIR_CONSENT_MISSING' });
    spec
      .given(quoted)
      .when(command('RecordRepairConsent', at('11:00'), cs, { consented: true }))
      .thenRefused({ ruleId: 'W-6', code: 'CONSENT_NOT_SIGNED' });
    const consented = spec.run([
      ...outOfWarranty,
      command('AssessRepair', at('10:00'), engineering, { mainComponentDamaged: true }),
      command('SendFeeQuote', at('10:30'), cs, { quote: { amountMinor: 38000, currency: 'CNY' } }),
      command('RecordRepairConsent', at('11:00'), cs, { consented: true, signedCopy: 'fax-signed.pdf' }),
    ]).events;
    spec
      .given(consented)
      .when(command('StartRepair', at('11:30'), engineering))
      .thenAccepted();
  });

  it('a declined quote sends the unit back unrepaired', () => {
    const declined = spec.run([
      ...outOfWarranty,
      command('AssessRepair', at('10:00'), engineering, { mainComponentDamaged: true }),
      command('SendFeeQuote', at('10:30'), cs, { quote: { amountMinor: 38000, currency: 'CNY' } }),
      command('RecordRepairConsent', at('11:00'), cs, { consented: false }),
    ]).events;
    spec
      .given(declined)
      .when(command('StartRepair', at('11:30'), engineering))
      .thenRefused('REPAIR_DECLINED');
    const back = spec.run([
      ...outOfWarranty,
      command('AssessRepair', at('10:00'), engineering, { mainComponentDamaged: true }),
      command('SendFeeQuote', at('10:30'), cs, { quote: { amountMinor: 38000, currency: 'CNY' } }),
      command('RecordRepairConsent', at('11:00'), cs, { consented: false }),
      command('ReturnUnitUnrepaired', at('12:00'), warehouse),
      command('CloseClaim', at('12:30'), cs),
    ]);
    expect(back.state).toMatchObject({ status: 'closed', claim: { consent: 'declined', work: 'not-started', returnedUnrepairedAt: at('12:00') } });
  });

  it('no quote for a free repair', () => {
    const free = spec.run([...inWarranty, command('AssessRepair', at('10:00'), engineering, { mainComponentDamaged: true })]).events;
    spec
      .given(free)
      .when(command('SendFeeQuote', at('10:30'), cs, { quote: { amountMinor: 100, currency: 'CNY' } }))
      .thenRefused('FEE_NOT_REQUIRED');
    spec
      .given(free)
      .when(command('StartRepair', at('10:30'), engineering))
      .thenAccepted();
  });
});

describe('W-7 a repaired unit ships only after quality inspection passed', () => {
  const repaired = [
    file('repair', '2026-06-01', at('09:00')),
    command('ReceiveRepairUnit', at('09:30'), cs, { quantity: 1, defect: 'Loose connector' }),
    command('AssessRepair', at('10:00'), engineering, { mainComponentDamaged: false }),
    command('StartRepair', at('10:30'), engineering),
    command('CompleteRepair', at('11:00'), engineering, { note: 'Re-soldered' }),
  ];
  it('refuses shipping before the inspection, and after a failed one; ships after a pass', () => {
    spec
      .given(spec.run(repaired).events)
      .when(command('ShipRepairedUnit', at('12:00'), warehouse))
      .thenRefused({ ruleId: 'W-7', code: 'REPAIR_NOT_INSPECTED' });
    const failed = spec.run([...repaired, command('RecordRepairInspection', at('11:30'), quality, { passed: false, report: 'Still loose' })]);
    expect(failed.state).toMatchObject({ claim: { work: 'in-progress' } });
    spec
      .given(failed.events)
      .when(command('ShipRepairedUnit', at('12:00'), warehouse))
      .thenRefused('REPAIR_NOT_INSPECTED');
    const passed = spec.run([...repaired, command('RecordRepairInspection', at('11:30'), quality, { passed: true, report: 'OK' })]).events;
    spec
      .given(passed)
      .when(command('ShipRepairedUnit', at('12:00'), warehouse))
      .thenAccepted();
    spec
      .given(spec.run(repaired).events)
      .when(command('RecordRepairInspection', at('11:30'), engineering, { passed: true, report: 'OK' }))
      .thenRefused('QUALITY_ONLY');
  });
});

describe('W-8 construction defects', () => {
  const notice = command('FileClaim', at('09:00'), cs, {
    customer,
    kind: 'construction-defect',
    reason: 'Water ingress in room 301',
    work: { project: 'Riverside Block 3', element: 'roofing-waterproofing', handedOverOn: '2025-12-01' },
  });
  it('confirm, plan approved by the department head, repair, inspection, owner acceptance, close', () => {
    const { state } = spec.run([
      notice,
      command('ConfirmConstructionDefect', at('10:00', 11), engineering, { findings: 'Parapet seal failed' }),
      command('ApproveRepairPlan', at('14:00', 11), engineeringHead, { plan: 'Re-seal parapet, 2 days' }),
      command('StartRepair', at('09:00', 12), engineering),
      command('CompleteRepair', at('17:00', 13), engineering, { note: 'Resealed' }),
      command('RecordRepairInspection', at('09:00', 14), quality, { passed: true, report: 'Water test passed' }),
      command('RecordOwnerAcceptance', at('10:00', 14), engineering, { signedCopy: 'owner-acceptance-301.pdf' }),
      command('CloseClaim', at('11:00', 14), cs),
    ]);
    expect(state).toMatchObject({ status: 'closed', claim: { kind: 'construction-defect', repair: 'passed', ownerAcceptedAt: at('10:00', 14) } });
  });
  it('refuses a plan approved by staff, a repair without an approved plan, and acceptance before inspection', () => {
    const confirmed = spec.run([notice, command('ConfirmConstructionDefect', at('10:00', 11), engineering, { findings: 'x' })]).events;
    spec
      .given(confirmed)
      .when(command('ApproveRepairPlan', at('14:00', 11), engineering, { plan: 'x' }))
      .thenRefused({ ruleId: 'W-8', code: 'REPAIR_PLAN_NOT_BY_DEPARTMENT_HEAD' });
    spec
      .given(confirmed)
      .when(command('StartRepair', at('14:00', 11), engineering))
      .thenRefused({ ruleId: 'W-8', code: 'REPAIR_PLAN_NOT_APPROVED' });
    const done = spec.run([
      notice,
      command('ConfirmConstructionDefect', at('10:00', 11), engineering, { findings: 'x' }),
      command('ApproveRepairPlan', at('14:00', 11), engineeringHead, { plan: 'x' }),
      command('StartRepair', at('09:00', 12), engineering),
      command('CompleteRepair', at('17:00', 13), engineering, { note: 'x' }),
    ]).events;
    spec
      .given(done)
      .when(command('RecordOwnerAcceptance', at('10:00', 14), engineering, { signedCopy: 'x' }))
      .thenRefused('OWNER_ACCEPTANCE_BEFORE_INSPECTION');
    spec
      .given(spec.run([notice]).events)
      .when(command('ApproveRepairPlan', at('14:00', 11), engineeringHead, { plan: 'x' }))
      .thenRefused('DEFECT_NOT_CONFIRMED');
  });
});
