/**
 * ABC (Pareto) tiers and their summary, by value and by count (abc.ts, ABCTIER, ABCSUMMARY).
 */
import fc from 'fast-check';
import { abcSummary, abcTiers, AbcBy, readValues } from '../../../src/core/analytics/abc';
import type { CellValue } from '../../../src/core/cells';
import { DayClock } from '../../../src/core/dates';
import { InputError } from '../../../src/core/errors';
import { abcSummaryTable, abcTierColumn } from '../../../src/core/functions/abc';
import type { FunctionContext } from '../../../src/core/functions/context';
import { inputError } from '../../support/core';

const en: FunctionContext = { lang: 'en', clock: new DayClock(() => 0) };
const zh: FunctionContext = { lang: 'zh', clock: new DayClock(() => 0) };
const col = (values: CellValue[]): CellValue[][] => values.map((v) => [v]);
const flat = (out: CellValue[][]) => out.map((r) => r[0]);
const tiers = (values: CellValue[], a?: CellValue, b?: CellValue, by?: CellValue) => flat(abcTierColumn(en, col(values), a, b, by));
const nums = (values: CellValue[]) => Float64Array.from(values, (v) => (typeof v === 'number' ? v : NaN));

/**
 * The definition with exact integer arithmetic (values are whole numbers, shares are
 * pa/100 and pb/100). By value: A is the smallest top set whose sum reaches pa% of the positive
 * total, B continues to pb%. By count: A is the top ceil(pa% of n) customers, B up to ceil(pb% of n).
 * Equal values share the higher tier; zero and negative values are C; blanks stay blank.
 */
function refTiers(values: (number | '')[], pa: number, pb: number, by: AbcBy): string[] {
  const filled = values.filter((v): v is number => v !== '');
  let minA = Infinity;
  let minB = Infinity;
  if (by === 'value') {
    const pos = filled.filter((v) => v > 0).sort((x, y) => y - x);
    const total = pos.reduce((s, v) => s + v, 0);
    let cum = 0;
    let k = 0;
    for (; k < pos.length; k++) {
      cum += pos[k];
      if (100 * cum >= pa * total) break;
    }
    if (pos.length) {
      minA = pos[Math.min(k, pos.length - 1)];
      let k2 = k;
      while (100 * cum < pb * total && k2 + 1 < pos.length) cum += pos[++k2];
      minB = pos[Math.min(k2, pos.length - 1)];
    }
  } else {
    const all = [...filled].sort((x, y) => y - x);
    const n = all.length;
    if (n) {
      const kA = Math.max(1, Math.ceil((pa * n) / 100));
      const kB = Math.max(kA, Math.ceil((pb * n) / 100));
      minA = all[kA - 1];
      minB = all[kB - 1];
    }
  }
  return values.map((v) => (v === '' ? '' : v > 0 && v >= minA ? 'A' : v > 0 && v >= minB ? 'B' : 'C'));
}

describe('ABCTIER by value', () => {
  it('defaults 0.8 / 0.95: the top customers reaching 80% are A, up to 95% B', () => {
    // Total 100. 50 + 30 = 80 → A; + 10 + 5 = 95 → B; the rest C.
    expect(tiers([10, 50, 2, 30, 3, 5])).toEqual(['B', 'A', 'C', 'A', 'C', 'B']);
    // Explicit shares: 50 alone reaches 0.5; 50 + 30 + 10 = 90 reaches 0.9.
    expect(tiers([10, 50, 2, 30, 3, 5], 0.5, 0.9)).toEqual(['B', 'A', 'C', 'B', 'C', 'C']);
  });

  it('equal values share the higher tier', () => {
    // 60 + 20 = 80 reaches A at the first 20; the other 20 is equal, so it is A too.
    expect(tiers([20, 60, 20])).toEqual(['A', 'A', 'A']);
    // 40 + 40 = 80 → A; 5 + 5 + 5 + 5 are equal: the first 5 reaches 85%, 95% needs three, all four are B.
    expect(tiers([40, 5, 40, 5, 5, 5])).toEqual(['A', 'B', 'A', 'B', 'B', 'B']);
  });

  it('zero and negative values are C; blank rows stay blank', () => {
    expect(tiers([100, 0, -5, '', 1])).toEqual(['A', 'C', 'C', '', 'C']);
    // Only non-positive values: all C.
    expect(tiers([0, -3, ''])).toEqual(['C', 'C', '']);
  });

  it('agrees with the reference on random data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -50, max: 1000 }), fc.integer({ min: 1, max: 5 }), fc.constant<''>('')), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (values, pa, extra) => {
          const pb = Math.min(100, pa + extra);
          fc.pre(values.some((v) => v !== ''));
          expect(tiers(values, pa / 100, pb / 100, 'value')).toEqual(refTiers(values, pa, pb, 'value'));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('A is the smallest set reaching a_share: without its smallest value group it falls short', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 100 }), (values, pa) => {
        const t = abcTiers(Float64Array.from(values), pa / 100, 1, 'value');
        const total = values.reduce((s, v) => s + v, 0);
        const a = values.filter((_, i) => t[i] === 'A');
        const sumA = a.reduce((s, v) => s + v, 0);
        expect(100 * sumA).toBeGreaterThanOrEqual(pa * total);
        const minA = Math.min(...a);
        const above = a.filter((v) => v > minA).reduce((s, v) => s + v, 0);
        expect(100 * above).toBeLessThan(pa * total);
        // Everything not in A is smaller than every A value.
        values.forEach((v, i) => t[i] !== 'A' && expect(v).toBeLessThan(minA));
      }),
      { numRuns: 300 },
    );
  });
});

describe('ABCTIER by count', () => {
  it('defaults 0.2 / 0.5: the top 20% of customers are A, up to 50% B', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(tiers(values, '', '', 'count')).toEqual(['C', 'C', 'C', 'C', 'C', 'B', 'B', 'B', 'A', 'A']);
    expect(tiers(values, undefined, undefined, ' COUNT ')).toEqual(tiers(values, 0.2, 0.5, 'count'));
  });

  it('equal values share the higher tier; zero and negative values are C even in the top share', () => {
    expect(tiers([10, 9, 9, 8, 7, 6, 5, 4, 3, 2], undefined, undefined, 'count')).toEqual(['A', 'A', 'A', 'B', 'B', 'C', 'C', 'C', 'C', 'C']);
    expect(tiers([0, 0, -1, 0, ''], undefined, undefined, 'count')).toEqual(['C', 'C', 'C', 'C', '']);
  });

  it('agrees with the reference on random data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -20, max: 100 }), fc.constant<''>('')), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (values, pa, extra) => {
          const pb = Math.min(100, pa + extra);
          fc.pre(values.some((v) => v !== ''));
          expect(tiers(values, pa / 100, pb / 100, 'count')).toEqual(refTiers(values, pa, pb, 'count'));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('ABC properties', () => {
  const anyValues = fc.array(fc.oneof(fc.integer({ min: -100, max: 10_000 }), fc.double({ min: -10, max: 1e6, noNaN: true }), fc.constant('')), { minLength: 1, maxLength: 80 });

  it('one tier per row, aligned; higher values never get a lower tier', () => {
    fc.assert(
      fc.property(anyValues, fc.constantFrom<AbcBy>('value', 'count'), (values, by) => {
        const t = abcTiers(nums(values), by === 'value' ? 0.8 : 0.2, by === 'value' ? 0.95 : 0.5, by);
        expect(t).toHaveLength(values.length);
        const rank = { A: 3, B: 2, C: 1 } as const;
        values.forEach((v, i) => {
          if (v === '') return expect(t[i]).toBe('');
          if ((v as number) <= 0) expect(t[i]).toBe('C');
          values.forEach((w, j) => {
            if (w !== '' && (w as number) >= (v as number)) expect(rank[t[j] as 'A']).toBeGreaterThanOrEqual(rank[t[i] as 'A']);
          });
        });
      }),
    );
  });

  it('summary shares add up to 1 (customers always, value when the total is positive)', () => {
    fc.assert(
      fc.property(anyValues, fc.constantFrom<AbcBy>('value', 'count'), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 100 }), (values, by, pa, extra) => {
        const v = nums(values);
        fc.pre(v.some((x) => x === x));
        const s = abcSummary(v, pa / 100, Math.min(1, (pa + extra) / 100), by);
        const filled = [...v].filter((x) => x === x);
        expect(s.customers).toBe(filled.length);
        expect(s.tiers.map((t) => t.tier)).toEqual(['A', 'B', 'C']);
        expect(s.tiers.reduce((a, t) => a + t.customers, 0)).toBe(filled.length);
        expect(s.tiers.reduce((a, t) => a + t.customerShare, 0)).toBeCloseTo(1, 12);
        const total = filled.reduce((a, x) => a + x, 0);
        expect(s.total).toBeCloseTo(total, 6);
        expect(s.tiers.reduce((a, t) => a + t.value, 0)).toBeCloseTo(total, 6);
        // Value shares are of the positive total (sales), the total the tiers are cut on.
        const sales = filled.filter((x) => x > 0);
        if (sales.length > 0) {
          expect(s.tiers.reduce((a, t) => a + (t.valueShare ?? NaN), 0)).toBeCloseTo(1, 9);
          const salesTotal = sales.reduce((a, x) => a + x, 0);
          const tierOfFilled = abcTiers(v, pa / 100, Math.min(1, (pa + extra) / 100), by).filter((t) => t !== '');
          const aSales = filled.filter((x, i) => x > 0 && tierOfFilled[i] === 'A').reduce((a, x) => a + x, 0);
          expect(s.tiers[0].valueShare).toBeCloseTo(aSales / salesTotal, 9);
        } else for (const t of s.tiers) expect(t.valueShare).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('ABCSUMMARY', () => {
  it('per tier: customers, share of customers, value, share of value, and a total row', () => {
    const out = abcSummaryTable(en, col([10, 50, 2, 30, 3, 5]), undefined, undefined, undefined);
    expect(out).toHaveLength(5);
    expect(out[0]).toHaveLength(5);
    const body = out.slice(1, 4);
    expect(body.map((r) => r[0])).toEqual(['A', 'B', 'C']);
    expect(body.map((r) => r[1])).toEqual([2, 2, 2]);
    body.forEach((r) => expect(r[2]).toBeCloseTo(1 / 3, 12));
    expect(body.map((r) => r[3])).toEqual([80, 15, 5]);
    [0.8, 0.15, 0.05].forEach((share, i) => expect(body[i][4]).toBeCloseTo(share, 12));
    expect(out[4].slice(1)).toEqual([6, 1, 100, 1]);
  });

  it('leaves value shares empty when the total is not positive; Chinese headers for zh', () => {
    const out = abcSummaryTable(zh, col([0, -5, 0]), undefined, undefined, undefined);
    expect(out.slice(1, 4).map((r) => r[4])).toEqual(['', '', '']);
    expect(out[3].slice(0, 2)).toEqual(['C', 3]);
    expect(out[4][4]).toBe('');
    for (const h of out[0]) expect(String(h)).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('ABC errors', () => {
  it('a_share larger than b_share', () => {
    const e = inputError(() => tiers([1, 2, 3], 0.9, 0.5));
    expect(e.key).toBe('sharesOrder');
    expect(e.params).toMatchObject({ arg: 'b_share', a: 0.9, b: 0.5 });
  });

  it('an omitted b_share rises to a given a_share, leaving no B tier', () => {
    // By count, 10 customers: a_share 0.6 → the top 6 are A; b_share defaults to 0.5 < 0.6, so it follows a_share.
    const values = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(tiers(values, 0.6, undefined, 'count')).toEqual(['A', 'A', 'A', 'A', 'A', 'A', 'C', 'C', 'C', 'C']);
  });

  it.each([0, 1.5, -0.2, 'x', '80%'])('a share of %j is out of range', (share) => {
    const e = inputError(() => tiers([1, 2, 3], share));
    expect(e.key).toBe('shareRange');
    expect(e.params).toMatchObject({ arg: 'a_share', value: share });
  });

  it('text among the values, an unknown way of cutting, no data, two columns', () => {
    const t = inputError(() => tiers([1, '¥5', 3]));
    expect(t.key).toBe('notNumber');
    expect(t.params).toMatchObject({ arg: 'values', index: 1, value: '¥5' });
    const by = inputError(() => tiers([1, 2], undefined, undefined, 'revenue'));
    expect(by.key).toBe('unknownChoice');
    expect(by.params).toMatchObject({ arg: 'by', value: 'revenue' });
    expect(inputError(() => tiers(['', ''])).key).toBe('noData');
    expect(inputError(() => abcTierColumn(en, [[1, 2]], undefined, undefined, undefined)).key).toBe('notSingleColumn');
  });

  it('readValues keeps blanks as NaN', () => {
    const v = readValues(col([1, '', null, 2]), 'values');
    expect([...v].map((x) => (x === x ? x : 'blank'))).toEqual([1, 'blank', 'blank', 2]);
  });
});
