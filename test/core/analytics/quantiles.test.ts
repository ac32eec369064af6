/**
 * Cut points are PERCENTILE.INC as Sheets computes it; scores count cut points strictly below.
 */
import fc from 'fast-check';
import { cutPoints, mean, percentileInc, scoreHigherBetter, scoreLowerBetter } from '../../../src/core/analytics/quantiles';
import { refPercentile } from '../../support/core';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('percentileInc', () => {
  it.each([
    [[1, 2, 3, 4], 0.25, 1.75],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0.75, 3.25],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    [[15, 20, 35, 40, 50], 0.4, 29], // rank 1.6: 20 + 0.6 × 15
    [[15, 20, 35, 40, 50], 0.2, 19], // rank 0.8: 15 + 0.8 × 5
    [[7], 0.3, 7],
    [[2, 2, 2, 9], 0.5, 2],
  ])('PERCENTILE.INC(%j, %d) = %d', (values, p, expected) => {
    expect(percentileInc(Float64Array.from(values), p)).toBeCloseTo(expected, 12);
  });

  it('matches the definition on random data', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        const sorted = Float64Array.from(values).sort();
        expect(close(percentileInc(sorted, p), refPercentile(values, p))).toBe(true);
      }),
    );
  });
});

describe('cutPoints', () => {
  it('gives bins-1 cut points at k/bins, from unsorted values, without changing them', () => {
    const values = [5, 1, 4, 2, 3];
    const copy = [...values];
    // ranks 0.8, 1.6, 2.4, 3.2 on 1..5
    const cuts = cutPoints(values, 5);
    expect(cuts).toHaveLength(4);
    [1.8, 2.6, 3.4, 4.2].forEach((c, k) => expect(cuts[k]).toBeCloseTo(c, 12));
    expect(values).toEqual(copy);
    expect(cutPoints([10, 20], 2)).toEqual([15]);
  });

  it('are PERCENTILE.INC(values, k/bins) for k = 1..bins-1, ascending', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 2, max: 9 }), (values, bins) => {
        const cuts = cutPoints(values, bins);
        expect(cuts).toHaveLength(bins - 1);
        cuts.forEach((c, i) => {
          expect(close(c, refPercentile(values, (i + 1) / bins))).toBe(true);
          if (i > 0) expect(c).toBeGreaterThanOrEqual(cuts[i - 1]);
        });
      }),
    );
  });
});

describe('scores', () => {
  const cuts = [1.8, 2.6, 3.4, 4.2];

  it('F/M: 1 + cut points strictly below; R: bins - cut points strictly below', () => {
    expect([1, 2, 3, 4, 5].map((v) => scoreHigherBetter(cuts, v))).toEqual([1, 2, 3, 4, 5]);
    expect([1, 2, 3, 4, 5].map((v) => scoreLowerBetter(cuts, v))).toEqual([5, 4, 3, 2, 1]);
    // A value equal to a cut point is not above it.
    expect(scoreHigherBetter(cuts, 1.8)).toBe(1);
    expect(scoreHigherBetter(cuts, 1.8000001)).toBe(2);
    expect(scoreLowerBetter(cuts, 4.2)).toBe(2);
    expect(scoreLowerBetter(cuts, 4.2000001)).toBe(1);
  });

  it('all-equal values all score 1 (F/M) and bins (R): no cut point is strictly below', () => {
    const same = cutPoints([3, 3, 3, 3], 5);
    expect(scoreHigherBetter(same, 3)).toBe(1);
    expect(scoreLowerBetter(same, 3)).toBe(5);
  });

  const data = fc.record({
    values: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 80 }), // small range: many ties
    bins: fc.integer({ min: 2, max: 9 }),
  });

  it('stay within 1..bins', () => {
    fc.assert(
      fc.property(data, ({ values, bins }) => {
        const c = cutPoints(values, bins);
        for (const v of values) {
          const hi = scoreHigherBetter(c, v);
          const lo = scoreLowerBetter(c, v);
          expect(hi >= 1 && hi <= bins).toBe(true);
          expect(lo >= 1 && lo <= bins).toBe(true);
        }
      }),
    );
  });

  it('are monotone: more F/M never scores lower, more recency days never scores higher R', () => {
    fc.assert(
      fc.property(data, fc.integer({ min: -5, max: 35 }), fc.integer({ min: -5, max: 35 }), ({ values, bins }, a, b) => {
        const c = cutPoints(values, bins);
        const [small, big] = a <= b ? [a, b] : [b, a];
        expect(scoreHigherBetter(c, small)).toBeLessThanOrEqual(scoreHigherBetter(c, big));
        expect(scoreLowerBetter(c, small)).toBeGreaterThanOrEqual(scoreLowerBetter(c, big));
      }),
    );
  });

  it('ties share a score, and the smallest value scores 1 (F/M) and bins (R)', () => {
    fc.assert(
      fc.property(data, ({ values, bins }) => {
        const c = cutPoints(values, bins);
        const byValue = new Map<number, number>();
        for (const v of values) {
          const s = scoreHigherBetter(c, v);
          if (byValue.has(v)) expect(s).toBe(byValue.get(v));
          byValue.set(v, s);
        }
        const min = Math.min(...values);
        expect(scoreHigherBetter(c, min)).toBe(1);
        expect(scoreLowerBetter(c, min)).toBe(bins);
      }),
    );
  });

  it('with distinct values and n a multiple of bins, each score holds n/bins values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 6 }), (bins, per) => {
        const values = Array.from({ length: bins * per }, (_, i) => i * 10);
        const c = cutPoints(values, bins);
        const counts = new Array(bins + 1).fill(0);
        for (const v of values) counts[scoreHigherBetter(c, v)]++;
        expect(counts.slice(1)).toEqual(new Array(bins).fill(per));
      }),
    );
  });
});

describe('mean', () => {
  it('is the arithmetic mean, 0 for no values', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([])).toBe(0);
  });
});
