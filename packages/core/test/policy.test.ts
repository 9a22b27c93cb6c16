import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  RULEBOOK_DEFAULT_VERSION,
  decodePolicySet,
  decodeRulebookPolicy,
  defaultPolicies,
  makePolicySet,
  policyAt,
  policyVersion,
  policyValuesOver,
  policyViolation,
  type RulebookPolicy,
  rulebookDefaults,
} from '../src/index.js';
import { instant } from './fixtures/values.js';

const withReturnWindow = (months: number) => ({ warranty: { returnGrounds: { company: { within: `${months} months` } } } });
const companyWindow = (values: RulebookPolicy | undefined) => values?.warranty.returnGrounds['company']?.within;

const versions = [
  { version: '2027-six-months', inForceFrom: '2027-01-01T00:00:00+08:00', values: withReturnWindow(6) },
  { version: '2025-initial', inForceFrom: '2025-01-01T00:00:00+08:00', values: withReturnWindow(3) },
];

describe('policies (T-5)', () => {
  it('the default version carries the numbers of the rulebook', () => {
    expect(rulebookDefaults.complaint).toEqual({
      acknowledgeWithinWorkingDays: 0,
      externalAnswerWithinDays: 3,
      qualityReplyWithinWorkingDays: 1,
      capaPlanWithinWorkingDays: 3,
      resolutionReportWithinDays: 7,
    });
    expect(rulebookDefaults.warranty.returnGrounds).toEqual({
      company: {
        rule: 'W-2',
        source: 'seed 003 §5.1.4',
        remedies: ['return', 'exchange'],
        within: { count: 3, unit: 'months' },
        from: 'shipment',
        needs: 'intrinsic-defect',
      },
    });
    expect(rulebookDefaults.jurisdiction).toBe('none');
    expect(rulebookDefaults.warranty.defectConfirmationWithinDays).toBe(2);
    expect(rulebookDefaults.warranty.roofingAndWaterproofingYears).toBe(5);
    expect(rulebookDefaults.warranty.installationAndDecorationYears).toBe(2);
    expect(rulebookDefaults.warranty.heatingSeasons).toBe(2);
    expect(rulebookDefaults.survey.responseRateTarget).toBe(0.9);
    expect(rulebookDefaults.records.retentionYears).toBe(3);
    const inForce = policyAt(instant('2026-11-22T00:00:00Z'))(defaultPolicies);
    expect(E.isRight(inForce) && inForce.right.version).toBe(RULEBOOK_DEFAULT_VERSION);
  });

  it('finds the version in force at an instant, the boundary inclusive', () => {
    const set = decodePolicySet(versions);
    if (E.isLeft(set)) throw new Error(set.left.message);
    const at = (text: string) => E.map((v: { version: string }) => v.version)(policyAt(instant(text))(set.right));
    expect(at('2026-12-31T23:59:59+08:00')).toEqual(E.right('2025-initial'));
    expect(at('2027-01-01T00:00:00+08:00')).toEqual(E.right('2027-six-months'));
    expect(at('2030-01-01T00:00:00Z')).toEqual(E.right('2027-six-months'));
  });

  it('refuses an instant before any version is in force, with a violation of T-5', () => {
    const set = decodePolicySet(versions);
    if (E.isLeft(set)) throw new Error(set.left.message);
    const before = policyAt(instant('2024-06-01T00:00:00Z'))(set.right);
    expect(E.isLeft(before) && before.left.code).toBe('POLICY_NOT_IN_FORCE');
    if (E.isLeft(before)) expect(policyViolation(before.left)).toMatchObject({ ruleId: 'T-5', code: 'POLICY_NOT_IN_FORCE' });
  });

  it('looks a version up by label, and names the known ones when it does not exist', () => {
    const set = decodePolicySet(versions);
    if (E.isLeft(set)) throw new Error(set.left.message);
    const found = policyVersion('2027-six-months')(set.right);
    expect(E.isRight(found) && companyWindow(found.right.values)).toEqual({ count: 6, unit: 'months' });
    const missing = policyVersion('2026-draft')(set.right);
    expect(E.isLeft(missing) && missing.left).toMatchObject({
      code: 'POLICY_VERSION_UNKNOWN',
      version: '2026-draft',
      known: ['2025-initial', '2027-six-months'],
    });
  });

  it('refuses empty sets, duplicate labels and two versions in force at the same instant', () => {
    expect(makePolicySet([])).toMatchObject({ left: { code: 'POLICY_SET_EMPTY' } });
    const a = defaultPolicies.versions[0];
    if (a === undefined) throw new Error('no default');
    expect(makePolicySet([a, { ...a, inForceFrom: instant('2027-01-01T00:00:00+08:00') }])).toMatchObject({ left: { code: 'POLICY_VERSION_DUPLICATE' } });
    expect(makePolicySet([a, { ...a, version: 'other' }])).toMatchObject({ left: { code: 'POLICY_IN_FORCE_FROM_DUPLICATE' } });
  });

  it('reads a policy file that gives only the values it changes, over the defaults, checked as a whole', () => {
    const set = decodePolicySet([
      {
        version: 'acme-2027',
        inForceFrom: '2027-01-01T00:00:00+08:00',
        values: { warranty: { returnGrounds: { company: { within: '6 months' } }, productWarrantyMonths: { drivers: 24 } } },
      },
    ]);
    if (E.isLeft(set)) throw new Error(set.left.message);
    const values = set.right.versions[0]?.values;
    expect(values?.warranty).toMatchObject({ returnWindowCountsTo: 'filing', productWarrantyMonths: { drivers: 24 }, defaultProductWarrantyMonths: 12 });
    // The ground keeps its rule, source, start and needs; only its window changed.
    expect(values?.warranty.returnGrounds['company']).toEqual({ ...rulebookDefaults.warranty.returnGrounds['company'], within: { count: 6, unit: 'months' } });
    expect(values?.complaint).toEqual(rulebookDefaults.complaint);
    const bad = decodePolicySet([
      { version: 'ok', inForceFrom: '2026-01-01T00:00:00+08:00', values: {} },
      {
        version: 'bad',
        inForceFrom: '2027-01-01T00:00:00+08:00',
        values: { warranty: { returnWindowCountsTo: 'delivery' }, complaint: { capaPlanWithinWorkingDays: 'three' } },
      },
    ]);
    expect(E.isLeft(bad) && bad.left).toMatchObject({
      code: 'POLICY_VALUES_UNDECODABLE',
      errors: [
        { path: '1.values.complaint.capaPlanWithinWorkingDays', found: 'a string' },
        { path: '1.values.warranty.returnWindowCountsTo', expected: '"filing" | "acceptance"' },
      ],
    });
  });

  it('refuses a name the policy does not have, and says what a renamed value became', () => {
    const bad = decodePolicySet([
      {
        version: 'old',
        inForceFrom: '2026-01-01T00:00:00+08:00',
        values: { warranty: { returnWindowMonths: 6, returnGrounds: { company: { witin: '6 months' } } }, complaints: {} },
      },
    ]);
    expect(E.isLeft(bad) && bad.left).toMatchObject({
      code: 'POLICY_VALUES_UNDECODABLE',
      errors: [
        { path: '0.values.warranty.returnWindowMonths', expected: expect.stringContaining('warranty.returnGrounds.company.within') },
        { path: '0.values.warranty.returnGrounds.company.witin', expected: expect.stringContaining('no policy value') },
        { path: '0.values.complaints', expected: expect.stringContaining('no policy value') },
      ],
    });
  });

  it('reads a window with its unit, and refuses one without', () => {
    const read = (within: unknown) =>
      E.map((p: RulebookPolicy) => companyWindow(p))(policyValuesOver(rulebookDefaults)({ warranty: { returnGrounds: { company: { within } } } }));
    expect(read('7 days')).toEqual(E.right({ count: 7, unit: 'days' }));
    expect(read('1 working day')).toEqual(E.right({ count: 1, unit: 'working-days' }));
    expect(read('3 Working Days')).toEqual(E.right({ count: 3, unit: 'working-days' }));
    expect(read('1 month')).toEqual(E.right({ count: 1, unit: 'months' }));
    for (const bad of ['7', 7, '7 weeks', 'seven days', '-1 days', '', { count: 3 }]) {
      expect(E.isLeft(read(bad)) && read(bad)).toMatchObject({
        left: [{ path: 'warranty.returnGrounds.company.within', expected: expect.stringContaining('Window') }],
      });
    }
  });

  it('names the bad field of policy values read from JSON', () => {
    const bad = decodeRulebookPolicy({ ...rulebookDefaults, complaint: { ...rulebookDefaults.complaint, qualityReplyWithinWorkingDays: -1 } });
    expect(E.isLeft(bad) && bad.left).toMatchObject({
      code: 'POLICY_VALUES_UNDECODABLE',
      errors: [{ path: 'complaint.qualityReplyWithinWorkingDays', expected: 'Int', found: 'a number' }],
    });
  });
});
