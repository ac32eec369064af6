/**
 * QUADRANT: four-quadrant classes (domain.md section 4), splits at the medians by default.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/core/cells';
import { DayClock } from '../../../src/core/dates';
import { InputError } from '../../../src/core/errors';
import type { FunctionContext } from '../../../src/core/functions/context';
import { quadrantColumn } from '../../../src/core/functions/quadrant';
import { median } from '../../../src/core/analytics/quadrant';
import { inputError } from '../../support/core';

const ctx: FunctionContext = { lang: 'en', clock: new DayClock(() => 0) };
const col = (values: CellValue[]): CellValue[][] => values.map((v) => [v]);
const quad = (x: CellValue[], y: CellValue[], xs?: CellValue, ys?: CellValue, labels?: CellValue | CellValue[][]) =>
  quadrantColumn(ctx, col(x), col(y), xs, ys, labels as CellValue).map((r) => r[0]);

function refMedian(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

describe('QUADRANT', () => {
  it('splits at the medians; labels A (high x, high y), B (high x, low y), C (low, low), D (low x, high y)', () => {
    // median x = 2.5, median y = 25
    expect(quad([1, 2, 3, 4], [10, 40, 30, 20])).toEqual(['C', 'D', 'A', 'B']);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
  });

  it('a value equal to the split is high', () => {
    // medians 2 and 2: (2, 2) is high on both
    expect(quad([1, 2, 3], [1, 2, 3])).toEqual(['C', 'A', 'A']);
    expect(quad([1, 2, 3], [3, 1, 2])).toEqual(['D', 'B', 'A']);
  });

  it('uses the splits it is given', () => {
    expect(quad([1, 2, 3], [1, 2, 3], 3, 3)).toEqual(['C', 'C', 'A']);
    expect(quad([1, 2, 3], [1, 2, 3], 0, '')).toEqual(['B', 'A', 'A']); // y split still the median, 2
  });

  it('labels as one comma-separated text: loyalty × profit', () => {
    const loyalty = [9, 9, 1, 1];
    const profit = [9, 1, 1, 9];
    expect(quad(loyalty, profit, 5, 5, 'partner,emotional,drifting,functional')).toEqual(['partner', 'emotional', 'drifting', 'functional']);
    expect(quad(loyalty, profit, 5, 5, ' partner , emotional,drifting , functional ')).toEqual(['partner', 'emotional', 'drifting', 'functional']);
    expect(quad(loyalty, profit, 5, 5, '伙伴，情感，漂流，功能')).toEqual(['伙伴', '情感', '漂流', '功能']);
  });

  it('labels as a range, as a column or as a row', () => {
    const expected = ['partner', 'emotional', 'drifting', 'functional'];
    expect(quad([9, 9, 1, 1], [9, 1, 1, 9], 5, 5, col(expected))).toEqual(expected);
    expect(quad([9, 9, 1, 1], [9, 1, 1, 9], 5, 5, [expected])).toEqual(expected);
  });

  it('blank rows stay blank, aligned, and do not count for the medians', () => {
    // Filled x: 1, 2, 3 → median 2; filled y: 1, 2, 3 → median 2.
    expect(quad(['', 1, 2, '', 3], ['', 1, 2, '', 3])).toEqual(['', 'C', 'A', '', 'A']);
  });

  it('agrees with a reference on random data', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 })), { minLength: 1, maxLength: 40 }), (rows) => {
        const x = rows.map((r) => r[0]);
        const y = rows.map((r) => r[1]);
        const mx = refMedian(x);
        const my = refMedian(y);
        const expected = rows.map(([a, b]) => (a >= mx ? (b >= my ? 'A' : 'B') : b >= my ? 'D' : 'C'));
        expect(quad(x, y)).toEqual(expected);
      }),
    );
  });
});

describe('QUADRANT errors', () => {
  it.each([
    ['partner,emotional,drifting', 3],
    ['a,b,c,d,e', 5],
    ['a,,c,d,e', 5],
    ['a,b,c,d,', 5],
  ])('labels %j: wrong count', (labels, given) => {
    const e = inputError(() => quad([1, 2], [1, 2], undefined, undefined, labels));
    expect(e.key).toBe('namesCount');
    expect(e.params).toMatchObject({ arg: 'labels', count: 4, given });
  });

  it.each(['a,,c,d', 'a,b, ,d'])('labels %j: an empty name among four', (labels) => {
    const e = inputError(() => quad([1, 2], [1, 2], undefined, undefined, labels));
    expect(e.key).toBe('emptyName');
    expect(e.params).toMatchObject({ arg: 'labels', count: 4 });
  });

  it('a label range of the wrong size', () => {
    const e = inputError(() => quad([1, 2], [1, 2], undefined, undefined, col(['a', 'b', '', 'c'])));
    expect(e.key).toBe('namesCount');
    expect(e.params).toMatchObject({ given: 3 });
  });

  it('text in x or y, a half-blank row, ranges of different lengths, no data, a text split', () => {
    const t = inputError(() => quad([1, 'high'], [1, 2]));
    expect(t.key).toBe('notNumber');
    expect(t.params).toMatchObject({ arg: 'x', index: 1, value: 'high' });
    const h = inputError(() => quad([1, 2], [1, '']));
    expect(h.key).toBe('emptyCell');
    expect(h.params).toMatchObject({ arg: 'y', index: 1 });
    const l = inputError(() => quad([1, 2, 3], [1, 2]));
    expect(l.key).toBe('lengthMismatch');
    expect(l.params).toMatchObject({ arg: 'x', rows: 3, other: 'y', otherRows: 2 });
    expect(inputError(() => quad(['', ''], ['', ''])).key).toBe('noData');
    const s = inputError(() => quad([1, 2], [1, 2], 'middle'));
    expect(s.key).toBe('notNumber');
    expect(s.params).toMatchObject({ arg: 'x_split', value: 'middle' });
  });
});
