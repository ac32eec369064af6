/**
 * CLVPARAMS and CLV as result tables (src/core/functions/clv.ts): a small log worked by hand
 * with the paper's parameters passed as `params`, the fit on a log drawn from the models, the
 * documented handling of refunds and of spending without a finite mean, and every argument a
 * user can get wrong.
 */
import type { CellValue } from '../../../src/core/cells';
import { probabilityAlive } from '../../../src/core/clv/bgnbd';
import { expectedPurchases } from '../../../src/core/clv/bgnbdForecast';
import { DayClock } from '../../../src/core/dates';
import type { FunctionContext } from '../../../src/core/functions/context';
import { clvParamsTable, clvTable, readParams } from '../../../src/core/functions/clv';
import { simulateOrders } from '../../../tools/bench/clv';
import { offsetMinutes, zonedInstant, zoneOffsetMs } from '../../../tools/gas/zone';
import { inputError } from '../../support/core';

const TZ = 'Asia/Shanghai';
const ctx = (lang: 'en' | 'zh' = 'en'): FunctionContext => ({ lang, clock: new DayClock((ms) => offsetMinutes(zoneOffsetMs(TZ, ms))) });
const col = (values: CellValue[]): CellValue[][] => values.map((v) => [v]);
const date = (y: number, m: number, d: number, h = 0) => new Date(zonedInstant(TZ, y, m, d, h, 0));
const WEEKS_PER_MONTH = 365.25 / 12 / 7;

const PAPER = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const SPEND = { p: 6.25, q: 3.74, v: 15.44 };
/** A params range as CLVPARAMS returns it (log-likelihoods and counts are not read back). */
const paramsTable = (o: Partial<Record<string, number>> = {}): CellValue[][] => [
  ['Parameter', 'Value'],
  ['r', o.r ?? PAPER.r],
  ['alpha', o.alpha ?? PAPER.alpha],
  ['a', o.a ?? PAPER.a],
  ['b', o.b ?? PAPER.b],
  ['BG/NBD log-likelihood', -1],
  ['p', o.p ?? SPEND.p],
  ['q', o.q ?? SPEND.q],
  ['v', o.v ?? SPEND.v],
  ['Gamma-Gamma log-likelihood', -1],
  ['Customers', 4],
  ['Returning customers', 3],
];

// A (three purchase days: two orders on Jan 1 count as one), 101 (one order), C (its last order
// on the analysis day), D (a repeat day that is a refund).
const LOG: [CellValue, CellValue, CellValue][] = [
  ['A', date(2024, 1, 1), 100],
  [101, '2024-02-10', 30],
  ['A', date(2024, 1, 1, 18), 50],
  ['A ', '2024-01-15', 80],
  ['C', date(2024, 3, 10), 10],
  ['D', date(2024, 1, 5), 200],
  ['A', '2024年3月1日', 120],
  ['', '', ''], // a blank row is skipped
  ['C', date(2024, 3, 31), 20],
  ['D', date(2024, 2, 5), -50],
];
const ids = col(LOG.map((r) => r[0]));
const dates = col(LOG.map((r) => r[1]));
const amounts = col(LOG.map((r) => r[2]));
const ANALYSIS = date(2024, 3, 31);

/** Lifetime value written out: each month's expected purchases × order value, discounted. */
function lifetimeValue(value: number, x: number, tx: number, T: number, months: number, rate: number): number {
  let total = 0;
  for (let m = 1; m <= months; m++) {
    const inMonth = expectedPurchases(PAPER, x, tx, T, m * WEEKS_PER_MONTH) - expectedPurchases(PAPER, x, tx, T, (m - 1) * WEEKS_PER_MONTH);
    total += (value * inMonth) / (1 + rate) ** m;
  }
  return total;
}

describe('CLV on a log worked by hand, with the paper\'s parameters', () => {
  const table = clvTable(ctx(), ids, dates, amounts, ANALYSIS, undefined, undefined, paramsTable());
  const row = (id: CellValue) => table.find((r) => r[0] === id)!;

  it('has a header and one row per customer in order of first appearance', () => {
    expect(table[0]).toEqual(['Customer', 'Purchases (days)', 'Repeat purchases x', 'Recency t_x (weeks)', 'Age T (weeks)', 'P(alive)', 'Expected purchases (12 months)', 'Expected order value', 'Lifetime value (12 months)']);
    expect(table.slice(1).map((r) => r[0])).toEqual(['A', 101, 'C', 'D']);
  });

  it('counts purchase days, weeks from the first purchase, and the paper\'s formulas', () => {
    const a = row('A');
    expect(a.slice(1, 5)).toEqual([3, 2, 60 / 7, 90 / 7]);
    const odds = (PAPER.a / (PAPER.b + 1)) * ((PAPER.alpha + 90 / 7) / (PAPER.alpha + 60 / 7)) ** (PAPER.r + 2);
    expect(a[5]).toBeCloseTo(1 / (1 + odds), 14);
    expect(a[6]).toBeCloseTo(expectedPurchases(PAPER, 2, 60 / 7, 90 / 7, 12 * WEEKS_PER_MONTH), 14);
    // mean repeat day (80 + 120) / 2 = 100, shrunk towards the population's mean
    const value = (SPEND.p * (SPEND.v + 2 * 100)) / (SPEND.p * 2 + SPEND.q - 1);
    expect(a[7]).toBeCloseTo(value, 12);
    expect(a[8]).toBeCloseTo(lifetimeValue(value, 2, 60 / 7, 90 / 7, 12, 0.01), 12);
  });

  it('gives a one-time buyer P(alive) 1 and the population\'s mean order value', () => {
    const b = row(101);
    expect(b.slice(1, 6)).toEqual([1, 0, 0, 50 / 7, 1]);
    expect(b[7]).toBeCloseTo((SPEND.p * SPEND.v) / (SPEND.q - 1), 12);
  });

  it('accepts orders on the analysis day (T = t_x)', () => {
    const c = row('C');
    expect(c.slice(1, 5)).toEqual([2, 1, 3, 3]);
    expect(c[5]).toBeCloseTo(1 / (1 + PAPER.a / PAPER.b), 14);
    expect(probabilityAlive(PAPER, 1, 3, 3)).toBe(c[5]);
  });

  it('leaves order value and lifetime value blank for repeat days that net to a refund', () => {
    const d = row('D');
    expect(d.slice(1, 3)).toEqual([2, 1]);
    expect(d[6]).toBeGreaterThan(0);
    expect(d.slice(7)).toEqual(['', '']);
  });

  it('takes the horizon and the discount', () => {
    const t = clvTable(ctx(), ids, dates, amounts, ANALYSIS, 24, 0, paramsTable());
    expect(t[0][6]).toBe('Expected purchases (24 months)');
    const a = t.find((r) => r[0] === 'A')!;
    expect(a[6]).toBeCloseTo(expectedPurchases(PAPER, 2, 60 / 7, 90 / 7, 24 * WEEKS_PER_MONTH), 14);
    expect(a[8]).toBeCloseTo((a[7] as number) * (a[6] as number), 10); // no discount: value × purchases
  });

  it('leaves the no-repeat customers\' values blank when the spending model has no finite mean (q <= 1)', () => {
    const t = clvTable(ctx(), ids, dates, amounts, ANALYSIS, undefined, undefined, paramsTable({ q: 0.9 }));
    const b = t.find((r) => r[0] === 101)!;
    expect(b.slice(7)).toEqual(['', '']);
    expect(typeof t.find((r) => r[0] === 'A')![7]).toBe('number');
  });

  it('speaks Chinese in a zh spreadsheet', () => {
    const zh = clvTable(ctx('zh'), ids, dates, amounts, ANALYSIS, undefined, undefined, paramsTable());
    expect(zh[0]).toEqual(['客户', '购买天数', '重复购买 x', '首末购买间隔 t_x（周）', '客户年龄 T（周）', '存活概率', '预计购买次数（未来 12 个月）', '预计平均订单金额', '客户终身价值（未来 12 个月）']);
  });
});

describe('CLVPARAMS and CLV fitted on a log drawn from the models', () => {
  const sim = simulateOrders({ customers: 600, seed: 5 });
  const base = date(2024, 1, 1).getTime();
  const simIds = col(sim.customer.map((c) => `KH${c}`));
  const simDates = col(sim.day.map((d) => new Date(base + d * 86_400_000)));
  const simAmounts = col(sim.amount);
  const params = clvParamsTable(ctx(), simIds, simDates, simAmounts, undefined);

  it('returns the parameter table: names in order, finite values, the counts', () => {
    expect(params.map((r) => r[0])).toEqual(['Parameter', 'Model', 'r', 'alpha', 'a', 'b', 'BG/NBD log-likelihood', 'p', 'q', 'v', 'Gamma-Gamma log-likelihood', 'Customers', 'Returning customers']);
    expect(params[1][1]).toBe('bgnbd');
    for (const r of params.slice(2)) expect(Number.isFinite(r[1])).toBe(true);
    expect(params[11][1]).toBe(600);
    const days = new Map<number, Set<number>>();
    sim.customer.forEach((c, i) => (days.get(c) ?? days.set(c, new Set()).get(c)!).add(sim.day[i]));
    expect(params[12][1]).toBe([...days.values()].filter((d) => d.size > 1).length);
  });

  it('scores the same with the params it returned as when CLV fits by itself', () => {
    const fitted = clvTable(ctx(), simIds, simDates, simAmounts, undefined, undefined, undefined, undefined);
    const frozen = clvTable(ctx(), simIds, simDates, simAmounts, undefined, undefined, undefined, params);
    expect(frozen).toEqual(fitted);
    expect(fitted.length).toBe(601);
  });

  it('names its rows in Chinese for a zh spreadsheet, and CLV reads that table back', () => {
    const zh = clvParamsTable(ctx('zh'), simIds, simDates, simAmounts, undefined);
    expect(zh.map((r) => r[0])).toEqual(['参数', '模型', 'r', 'alpha', 'a', 'b', 'BG/NBD 对数似然', 'p', 'q', 'v', 'Gamma-Gamma 对数似然', '客户数', '回头客户数']);
    expect(readParams(zh)).toEqual(readParams(params));
  });
});

describe('arguments a user can get wrong', () => {
  const run = (months?: CellValue, discount?: CellValue, params: CellValue[][] | CellValue = paramsTable()) => clvTable(ctx(), ids, dates, amounts, ANALYSIS, months, discount, params);

  it.each([0, 121, 2.5, 'twelve', true])('refuses months %p', (m) => {
    expect(inputError(() => run(m)).key).toBe('clvMonths');
  });

  it.each([-0.01, 1, 'x'])('refuses monthly_discount %p', (d) => {
    expect(inputError(() => run(undefined, d)).key).toBe('clvDiscount');
  });

  it('refuses params that are not the two columns CLVPARAMS returns', () => {
    expect(inputError(() => run(undefined, undefined, paramsTable().map((r) => [...r, ''])))).toMatchObject({ key: 'clvParamsShape', params: { columns: 3 } });
  });

  it('names a missing parameter, a bad value with its row, a parameter given twice', () => {
    expect(inputError(() => run(undefined, undefined, paramsTable().filter((r) => r[0] !== 'q')))).toMatchObject({ key: 'clvParamMissing', params: { name: 'q' } });
    expect(inputError(() => run(undefined, undefined, paramsTable({ alpha: 0 })))).toMatchObject({ key: 'clvParamValue', params: { name: 'alpha', index: 2, value: 0 } });
    const twice = [...paramsTable(), ['b', 3]];
    expect(inputError(() => run(undefined, undefined, twice))).toMatchObject({ key: 'clvParamTwice', params: { name: 'b', index: 12 } });
    const text = paramsTable().map((r) => (r[0] === 'v' ? ['v', '15.44'] : r));
    expect(inputError(() => run(undefined, undefined, text))).toMatchObject({ key: 'clvParamValue', params: { name: 'v', value: '15.44' } });
  });

  it('refuses what RFM refuses: text amounts, unreadable dates, ranges of different lengths', () => {
    const bad = (i: number, v: CellValue) => col(LOG.map((r, k) => (k === i ? v : r[2])));
    expect(inputError(() => clvTable(ctx(), ids, dates, bad(3, '¥80'), ANALYSIS, undefined, undefined, paramsTable()))).toMatchObject({ key: 'notNumber', params: { arg: 'amounts', index: 3, value: '¥80' } });
    const badDates = col(LOG.map((r, k) => (k === 1 ? '02/10/2024' : r[1])));
    expect(inputError(() => clvParamsTable(ctx(), ids, badDates, amounts, undefined))).toMatchObject({ key: 'notDate', params: { arg: 'order_dates', index: 1 } });
    expect(inputError(() => clvParamsTable(ctx(), ids, dates.slice(1), amounts, undefined))).toMatchObject({ key: 'lengthMismatch' });
    const noCustomer = col(LOG.map((r, k) => (k === 4 ? '' : r[0])));
    expect(inputError(() => clvParamsTable(ctx(), noCustomer, dates, amounts, undefined))).toMatchObject({ key: 'missingCustomer', params: { index: 4 } });
  });

  it('refuses an analysis date before the last order, as RFM does', () => {
    expect(inputError(() => clvTable(ctx(), ids, dates, amounts, date(2024, 3, 30), undefined, undefined, paramsTable()))).toMatchObject({
      key: 'analysisBeforeLastOrder',
      params: { customer: 'C', orderRow: 8 },
    });
  });

  it('refuses to fit too few customers, or too few who bought twice, with the counts', () => {
    expect(inputError(() => clvParamsTable(ctx(), ids, dates, amounts, ANALYSIS))).toMatchObject({ key: 'clvTooFewCustomers', params: { customers: 4, needed: 20 } });
    // 30 customers, 5 of whom bought again a month later
    const idCells = col([...Array.from({ length: 30 }, (_, i) => `K${i}`), 'K0', 'K1', 'K2', 'K3', 'K4']);
    const dateCells = col([...Array.from({ length: 30 }, (_, i) => date(2024, 1, 1 + (i % 20))), ...Array.from({ length: 5 }, () => date(2024, 2, 1))]);
    const e = inputError(() => clvParamsTable(ctx(), idCells, dateCells, col(Array(35).fill(10)), date(2024, 6, 1)));
    expect(e).toMatchObject({ key: 'clvTooFewRepeat', params: { repeat: 5, needed: 20 } });
  });
});
