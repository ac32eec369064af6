/**
 * RFMSCORE on customer-level data: recency as days or as last-purchase dates, output aligned
 * with the input rows.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/core/cells';
import { DayClock } from '../../../src/core/dates';
import { InputError } from '../../../src/core/errors';
import type { FunctionContext } from '../../../src/core/functions/context';
import { rfmScoreTable } from '../../../src/core/functions/rfmScore';
import { offsetMinutes, zonedInstant, zoneOffsetMs } from '../../../tools/gas/zone';
import { inputError, refPercentile } from '../../support/core';

const TZ = 'America/New_York';
const ctx: FunctionContext = { lang: 'en', clock: new DayClock((ms) => offsetMinutes(zoneOffsetMs(TZ, ms))) };
const col = (values: CellValue[]): CellValue[][] => values.map((v) => [v]);
const dateCell = (y: number, m: number, d: number) => new Date(zonedInstant(TZ, y, m, d));
const MS_PER_DAY = 86_400_000;
const iso = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const dayNo = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / MS_PER_DAY;

/** R, F, M, code per customer, from the definition. */
function refScores(days: number[], f: number[], m: number[], bins: number): CellValue[][] {
  const cuts = (v: number[]) => Array.from({ length: bins - 1 }, (_, k) => refPercentile(v, (k + 1) / bins));
  const [cr, cf, cm] = [cuts(days), cuts(f), cuts(m)];
  const below = (cs: number[], v: number) => cs.filter((c) => c < v).length;
  return days.map((d, i) => {
    const r = bins - below(cr, d);
    const fs = 1 + below(cf, f[i]);
    const ms = 1 + below(cm, m[i]);
    return [r, fs, ms, `${r}${fs}${ms}`];
  });
}

// Hand-worked, bins 5 (cut ranks 0.8, 1.6, 2.4, 3.2):
//   days [10, 0, 30, 5, 100]   sorted 0, 5, 10, 30, 100 → cuts 4, 8, 18, 44
//   F    [1, 5, 2, 2, 10]      sorted 1, 2, 2, 5, 10    → cuts 1.8, 2, 3.2, 6
//   M    [100, 500, 50, 200, 1000]                      → cuts 90, 160, 320, 600
// R = 5 - cuts below: 10 → 3, 0 → 5, 30 → 2, 5 → 4, 100 → 1.
// F = 1 + cuts below: 1 → 1, 5 → 4, 2 → 2, 2 → 2, 10 → 5.
// M: 100 → 2, 500 → 4, 50 → 1, 200 → 3, 1000 → 5.
const DAYS = [10, 0, 30, 5, 100];
const F = [1, 5, 2, 2, 10];
const M = [100, 500, 50, 200, 1000];
const HAND = [
  [3, 1, 2, '312'],
  [5, 4, 4, '544'],
  [2, 2, 1, '221'],
  [4, 2, 3, '423'],
  [1, 5, 5, '155'],
];
// The same recencies as last-purchase dates, against analysis date 2024-04-10.
const LAST = [dateCell(2024, 3, 31), '2024-04-10', '2024/3/11', dateCell(2024, 4, 5), '2024年1月1日'];

describe('RFMSCORE', () => {
  it('scores days by hand', () => {
    expect(rfmScoreTable(ctx, col(DAYS), col(F), col(M), undefined, undefined)).toEqual(HAND);
  });

  it('scores last-purchase dates (Date objects and text) as the days to the analysis date', () => {
    expect(rfmScoreTable(ctx, col(LAST), col(F), col(M), 5, '2024-04-10')).toEqual(HAND);
    expect(rfmScoreTable(ctx, col(LAST), col(F), col(M), '', dateCell(2024, 4, 10))).toEqual(HAND);
    // Default: the day after the latest date; all days grow by one and the scores stay.
    expect(rfmScoreTable(ctx, col(LAST), col(F), col(M), undefined, undefined)).toEqual(HAND);
  });

  it('codes are text', () => {
    for (const row of rfmScoreTable(ctx, col(DAYS), col(F), col(M), undefined, undefined)) expect(typeof row[3]).toBe('string');
  });

  it('blank input rows give blank output rows, aligned', () => {
    const blank = (xs: CellValue[]) => ['', xs[0], xs[1], '', '', xs[2], xs[3], xs[4], ''];
    const out = rfmScoreTable(ctx, col(blank(DAYS)), col(blank(F)), col(blank(M)), undefined, undefined);
    expect(out).toEqual([['', '', '', ''], HAND[0], HAND[1], ['', '', '', ''], ['', '', '', ''], HAND[2], HAND[3], HAND[4], ['', '', '', '']]);
    const outDates = rfmScoreTable(ctx, col(blank(LAST)), col(blank(F)), col(blank(M)), undefined, '2024-04-10');
    expect(outDates).toEqual(out);
  });

  it('agrees with the reference on random data, in days and in dates mode', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: -100, max: 5000 })), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 0, max: 10 }),
        (rows, bins, slack) => {
          const days = rows.map((r) => r[0]);
          const f = rows.map((r) => r[1]);
          const m = rows.map((r) => r[2]);
          const expected = refScores(days, f, m, bins);
          const out = rfmScoreTable(ctx, col(days), col(f), col(m), bins, undefined);
          expect(out).toEqual(expected);
          // Dates mode: last purchase = analysis day - days.
          const at = dayNo(2024, 12, 31) + slack;
          const dates = days.map((d, i) => (i % 2 ? iso(at - d) : new Date(zonedInstant(TZ, ...(iso(at - d).split('-').map(Number) as [number, number, number])))));
          expect(rfmScoreTable(ctx, col(dates), col(f), col(m), bins, iso(at))).toEqual(expected);
          for (const [r, fs, ms] of out as number[][]) for (const s of [r, fs, ms]) expect(s >= 1 && s <= bins).toBe(true);
          // Rows with equal figures get equal scores.
          out.forEach((row, i) => out.forEach((other, j) => {
            if (days[i] === days[j] && f[i] === f[j] && m[i] === m[j]) expect(row).toEqual(other);
          }));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('RFMSCORE errors', () => {
  it('negative days', () => {
    const e = inputError(() => rfmScoreTable(ctx, col([3, -2, 5]), col([1, 2, 3]), col([1, 2, 3]), undefined, undefined));
    expect(e.key).toBe('negativeRecency');
    expect(e.params).toMatchObject({ arg: 'recency', index: 1, value: -2 });
  });

  it('days mixed with dates, either way round', () => {
    const d = dateCell(2024, 1, 5);
    const a = inputError(() => rfmScoreTable(ctx, col([3, d, 5]), col([1, 2, 3]), col([1, 2, 3]), undefined, undefined));
    expect(a.key).toBe('mixedRecency');
    expect(a.params).toMatchObject({ arg: 'recency', index: 1, value: d, days: true });
    const b = inputError(() => rfmScoreTable(ctx, col(['', '2024-01-05', 7]), col(['', 2, 3]), col(['', 2, 3]), undefined, undefined));
    expect(b.key).toBe('mixedRecency');
    expect(b.params).toMatchObject({ arg: 'recency', index: 2, value: 7, days: false });
  });

  it('a last-purchase date after the analysis date', () => {
    const e = inputError(() => rfmScoreTable(ctx, col(['2024-01-05', '2024-03-01']), col([1, 2]), col([1, 2]), undefined, '2024-02-01'));
    expect(e.key).toBe('dateAfterAnalysis');
    expect(e.params).toMatchObject({ arg: 'recency', index: 1, day: dayNo(2024, 3, 1), analysisDay: dayNo(2024, 2, 1) });
  });

  it('an unreadable date, text in a number column, an empty cell on a filled row', () => {
    const d = inputError(() => rfmScoreTable(ctx, col(['2024-01-05', '03/05/2024']), col([1, 2]), col([1, 2]), undefined, undefined));
    expect(d.key).toBe('notDate');
    expect(d.params).toMatchObject({ arg: 'recency', index: 1, value: '03/05/2024' });
    const n = inputError(() => rfmScoreTable(ctx, col([1, 2]), col([1, '3x']), col([1, 2]), undefined, undefined));
    expect(n.key).toBe('notNumber');
    expect(n.params).toMatchObject({ arg: 'frequency', index: 1, value: '3x' });
    const b = inputError(() => rfmScoreTable(ctx, col([1, 2]), col([1, 2]), col([1, '']), undefined, undefined));
    expect(b.key).toBe('emptyCell');
    expect(b.params).toMatchObject({ arg: 'monetary', index: 1 });
  });

  it('ranges of different lengths, bins out of range, no data', () => {
    const l = inputError(() => rfmScoreTable(ctx, col([1, 2]), col([1, 2, 3]), col([1, 2]), undefined, undefined));
    expect(l.key).toBe('lengthMismatch');
    expect(l.params).toMatchObject({ arg: 'recency', other: 'frequency', rows: 2, otherRows: 3 });
    for (const bins of [1, 10, 2.5, 'x']) {
      const e = inputError(() => rfmScoreTable(ctx, col([1, 2]), col([1, 2]), col([1, 2]), bins, undefined));
      expect(e.key).toBe('binsRange');
      expect(e.params).toMatchObject({ arg: 'bins', value: bins });
    }
    const none = inputError(() => rfmScoreTable(ctx, col(['', '']), col(['', '']), col(['', '']), undefined, undefined));
    expect(none.key).toBe('noData');
  });

  it('a multi-column range', () => {
    const e = inputError(() => rfmScoreTable(ctx, [[1, 2], [3, 4]], col([1, 2]), col([1, 2]), undefined, undefined));
    expect(e.key).toBe('notSingleColumn');
    expect(e.params).toMatchObject({ arg: 'recency', columns: 2 });
  });
});
