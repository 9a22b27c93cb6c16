/** W-9 warranty periods and W-10 follow-up visits. */
import { defaultNumRuns } from '@caseledger/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  type BuildingElement,
  type LocalDate,
  addLocalDays,
  decodeRulebookPolicy,
  followUpSchedule,
  followUpStatus,
  rulebookDefaults,
  warrantyEnd,
} from '../../src/index.js';
import { localDate } from '../fixtures/values.js';

const policy = rulebookDefaults.warranty;
const runs = { numRuns: defaultNumRuns() };
const building = (element: BuildingElement, handedOverOn: string, designLifeYears?: number) =>
  warrantyEnd(policy, { kind: 'building', element, handedOverOn: localDate(handedOverOn), ...(designLifeYears === undefined ? {} : { designLifeYears }) });

describe('W-9 warranty periods from handover', () => {
  it('roofing and waterproofing: 5 years; electrical, plumbing, installation, decoration: 2 years', () => {
    expect(building('roofing-waterproofing', '2025-12-01')).toEqual({ kind: 'ends', lastDay: '2030-11-30' });
    for (const e of ['electrical', 'plumbing', 'equipment-installation', 'decoration'] as const) {
      expect(building(e, '2024-02-29')).toEqual({ kind: 'ends', lastDay: '2026-02-27' });
    }
  });
  it('structure: the design life of the contract, unknown without it', () => {
    expect(building('structure', '2025-12-01', 50)).toEqual({ kind: 'ends', lastDay: '2075-11-30' });
    expect(building('structure', '2025-12-01')).toEqual({ kind: 'design-life-unknown' });
  });
  it('heating: two heating seasons that start after handover (season 11-15 … 03-15)', () => {
    // Handed over in summer: seasons 2025/26 and 2026/27.
    expect(building('heating', '2025-07-01')).toEqual({ kind: 'ends', lastDay: '2027-03-15' });
    // Handed over during a season: that season does not count.
    expect(building('heating', '2025-12-01')).toEqual({ kind: 'ends', lastDay: '2028-03-15' });
    // Handed over on the first day of a season: it started that day, not after; it does not count.
    expect(building('heating', '2025-11-15')).toEqual({ kind: 'ends', lastDay: '2028-03-15' });
  });
  it('cooling: two cooling seasons (05-15 … 09-15)', () => {
    expect(building('cooling', '2025-12-01')).toEqual({ kind: 'ends', lastDay: '2027-09-15' });
  });
  it('products: a period per category from delivery, with a default', () => {
    const decoded = decodeRulebookPolicy({ ...rulebookDefaults, warranty: { ...policy, productWarrantyMonths: { drivers: 24 } } });
    if (E.isLeft(decoded)) throw new Error(decoded.left.message);
    const withCategories = decoded.right.warranty;
    expect(warrantyEnd(withCategories, { kind: 'product', category: 'drivers', deliveredOn: localDate('2026-01-31') })).toEqual({
      kind: 'ends',
      lastDay: '2028-01-30',
    });
    expect(warrantyEnd(withCategories, { kind: 'product', category: 'lamps', deliveredOn: localDate('2026-01-31') })).toEqual({
      kind: 'ends',
      lastDay: '2027-01-30',
    });
  });
});

const dayArb = fc.integer({ min: 0, max: 3650 }).map((i) => addLocalDays(localDate('2020-01-01'), i));

/** An independent reference for "the close of the n-th season that starts after handover". */
const referenceSeasonEnd = (handover: LocalDate, startsOn: string, endsOn: string, n: number): string => {
  const year = Number(handover.slice(0, 4));
  const seasons: Array<{ start: string; end: string }> = [];
  for (let y = year - 1; y <= year + n + 1; y++) {
    const start = `${y}-${startsOn}`;
    const end = endsOn >= startsOn ? `${y}-${endsOn}` : `${y + 1}-${endsOn}`;
    seasons.push({ start, end });
  }
  const after = seasons.filter((s) => s.start > handover);
  return after[n - 1]?.end ?? 'none';
};

describe('W-9 properties over generated handover dates', () => {
  it('no warranty ends before its handover', () => {
    fc.assert(
      fc.property(dayArb, fc.constantFrom('roofing-waterproofing', 'heating', 'cooling', 'electrical', 'decoration', 'structure'), (handover, element) => {
        const end = warrantyEnd(policy, { kind: 'building', element, handedOverOn: handover, designLifeYears: 30 });
        expect(end.kind === 'ends' && end.lastDay >= handover).toBe(true);
      }),
      runs,
    );
  });
  it('two heating seasons end at the close of the second heating season that starts after handover', () => {
    fc.assert(
      fc.property(dayArb, (handover) => {
        const end = warrantyEnd(policy, { kind: 'building', element: 'heating', handedOverOn: handover });
        expect(end).toEqual({ kind: 'ends', lastDay: referenceSeasonEnd(handover, '11-15', '03-15', 2) });
      }),
      runs,
    );
  });
  it('two cooling seasons likewise (a season within one year)', () => {
    fc.assert(
      fc.property(dayArb, (handover) => {
        const end = warrantyEnd(policy, { kind: 'building', element: 'cooling', handedOverOn: handover });
        expect(end).toEqual({ kind: 'ends', lastDay: referenceSeasonEnd(handover, '05-15', '09-15', 2) });
      }),
      runs,
    );
  });
});

describe('W-10 follow-up visits', () => {
  it('every 3 months in the first half year, then every 6 months, within the warranty', () => {
    expect(followUpSchedule(policy, localDate('2025-12-01'), localDate('2027-11-30'))).toEqual(['2026-03-01', '2026-06-01', '2026-12-01', '2027-06-01']);
  });
  it('at least one visit, even in a warranty too short for the first regular one', () => {
    expect(followUpSchedule(policy, localDate('2025-12-01'), localDate('2026-01-31'))).toEqual(['2026-01-31']);
  });
  it('visits are done, due or overdue at a date', () => {
    const schedule = followUpSchedule(policy, localDate('2025-12-01'), localDate('2027-11-30'));
    expect(followUpStatus(schedule, [localDate('2026-02-20')], localDate('2026-06-10'))).toEqual([
      { dueOn: '2026-03-01', status: 'done', doneOn: '2026-02-20' },
      { dueOn: '2026-06-01', status: 'overdue' },
      { dueOn: '2026-12-01', status: 'due' },
      { dueOn: '2027-06-01', status: 'due' },
    ]);
  });
  it('property: visits lie within the warranty, strictly increasing, at least one', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 120 }), (handover, months) => {
        const last = addLocalDays(handover, months * 30);
        const schedule = followUpSchedule(policy, handover, last);
        expect(schedule.length).toBeGreaterThanOrEqual(1);
        for (const [i, d] of schedule.entries()) {
          expect(d > handover && d <= last).toBe(true);
          if (i > 0) expect(d > (schedule[i - 1] ?? '')).toBe(true);
        }
      }),
      runs,
    );
  });
});
