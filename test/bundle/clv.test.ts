/**
 * CLVPARAMS and CLV through the built bundle's globals, on the CDNOW sample as Sheets passes it
 * (ids as text, date cells as Dates at local midnight, amounts as numbers): the published
 * figures, per-customer figures against an independent computation, and errors worded for the
 * user in English and Chinese.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LoadedBundle } from '../../tools/gas/loadBundle';
import { bundle, column, errorOf, Grid } from '../support/bundle';
import { REFERENCE_DATA } from '../support/referenceData';

interface Order {
  id: string;
  date: string;
  usd: number;
}

const ORDERS: Order[] = fs
  .readFileSync(path.join(REFERENCE_DATA, 'cdnow_sample_transactions.txt'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => l.trim().split(/\s+/))
  .map(([id, , d, , usd]) => ({ id, date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, usd: Number(usd) }))
  .filter((o) => o.date <= '1997-09-30');

function args(b: LoadedBundle, orders = ORDERS): [Grid, Grid, Grid] {
  return [column(b, orders.map((o) => o.id)), column(b, orders.map((o) => o.date), true), column(b, orders.map((o) => o.usd))];
}

/** The paper's parameters as a CLVPARAMS table (the log-likelihoods and counts are not read back). */
function paperParams(b: LoadedBundle): Grid {
  return b.realm.grid([['Parameter', 'Value'], ['r', 0.243], ['alpha', 4.414], ['a', 0.793], ['b', 2.426], ['BG/NBD log-likelihood', ''], ['p', 6.25], ['q', 3.74], ['v', 15.44]]);
}

/**
 * [id, x, P(alive), expected purchases in 12 months, expected order value, lifetime value,
 * T in weeks] at the paper's parameters, analysis date 1997-09-30, a month of 365.25/12 days,
 * 1% a month: computed with SciPy 1.17 (scipy.special.hyp2f1) in the formulas of the Python
 * package lifetimes (conditional_expected_number_of_purchases_up_to_time,
 * conditional_expected_average_profit, customer_lifetime_value), from the raw transactions.
 */
const SCIPY: [string, number, number, number, number, number, number][] = [
  ['00004', 2, 0.7265897218354948, 1.5632080807371396, 24.659612860892384, 36.307745312354164, 38.857143],
  ['03287', 0, 1.0, 0.26276743741168707, 35.21897810218978, 8.704287214197752, 37.0],
  ['06396', 4, 0.5215579554756392, 2.1915984704201303, 32.28866258111031, 66.71063869241293, 35.428571],
  ['09485', 0, 1.0, 0.2805782957851664, 35.21897810218978, 9.295801179588878, 34.0],
  ['12455', 6, 0.7614384326805337, 4.891597059979445, 40.764786282306154, 188.10003683929256, 32.571429],
  ['12476', 6, 0.8466819515252288, 5.43921447494904, 35.63462972166998, 182.83589829803938, 32.571429],
  ['15422', 0, 1.0, 0.29999080767264114, 35.21897810218978, 9.94069806686757, 31.142857],
  ['18329', 0, 1.0, 0.3107632361804634, 35.21897810218978, 10.298649595721365, 29.714286],
  ['19339', 21, 2.5215243722117936e-11, 5.663986301701256e-10, 294.2267146802, 1.5737445698977635e-7, 29.285714],
  ['21200', 1, 0.4676971055241495, 0.7239351692063483, 48.630422691879865, 33.16854251967888, 28.285714],
  ['20873', 7, 0.8912204870767333, 7.28404334264093, 37.672080017208, 259.0185301578048, 28.0],
];

const relative = (got: unknown, want: number) => Math.abs((got as number) / want - 1);

describe('CLVPARAMS on the CDNOW sample (orders up to 1997-09-30)', () => {
  const b = bundle({ timeZone: 'America/New_York', locale: 'en_US' });
  const table: unknown[][] = b.context.CLVPARAMS(...args(b), b.realm.date(1997, 9, 30));
  const value = (name: string) => table.find((r) => r[0] === name)![1] as number;

  it('returns the two-column table, header first, names in order', () => {
    expect(table.map((r) => r[0])).toEqual(['Parameter', 'Model', 'r', 'alpha', 'a', 'b', 'BG/NBD log-likelihood', 'p', 'q', 'v', 'Gamma-Gamma log-likelihood', 'Customers', 'Returning customers']);
    expect(value('Model') as unknown).toBe('bgnbd');
    expect(table.every((r) => r.length === 2)).toBe(true);
  });

  // lifetimes' test suite (tests/test_estimation.py): ModifiedBetaGeoFitter and ParetoNBDFitter on
  // cdnow_customers_summary; see test/core/clv/models.test.ts for the sources.
  it.each([
    ['mbgnbd', { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }],
    ['paretonbd', { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }],
  ])('fits %s through the bundle within 1%% of lifetimes', (model, want) => {
    const fitted: unknown[][] = b.context.CLVPARAMS(...args(b), b.realm.date(1997, 9, 30), model);
    expect(fitted[1]).toEqual(['Model', model]);
    for (const [name, v] of Object.entries(want)) expect(relative(fitted.find((r) => r[0] === name)![1], v)).toBeLessThan(0.01);
  });

  it('fits BG/NBD within 1% of r 0.243, alpha 4.414, a 0.793, b 2.426 with log-likelihood -9582.4', () => {
    expect(relative(value('r'), 0.243)).toBeLessThan(0.01);
    expect(relative(value('alpha'), 4.414)).toBeLessThan(0.01);
    expect(relative(value('a'), 0.793)).toBeLessThan(0.01);
    expect(relative(value('b'), 2.426)).toBeLessThan(0.01);
    expect(value('BG/NBD log-likelihood')).toBeCloseTo(-9582.4, 1);
  });

  it('fits Gamma-Gamma near p 6.25, q 3.74, v 15.44 on the 946 returning of 2,357 customers', () => {
    expect(relative(value('p'), 6.25)).toBeLessThan(0.01);
    expect(relative(value('q'), 3.74)).toBeLessThan(0.01);
    expect(relative(value('v'), 15.44)).toBeLessThan(0.01);
    expect(value('Customers')).toBe(2357);
    expect(value('Returning customers')).toBe(946);
  });

  it('counts calendar days in the spreadsheet\'s time zone: the same figures in Shanghai', () => {
    const sh = bundle({ timeZone: 'Asia/Shanghai', locale: 'en_US' });
    expect(sh.context.CLVPARAMS(...args(sh), sh.realm.date(1997, 9, 30))).toEqual(table);
  });
});

describe('CLV on the CDNOW sample', () => {
  const b = bundle({ timeZone: 'Asia/Shanghai', locale: 'en_US' });
  const [ids, dates, amounts] = args(b);
  const scored: unknown[][] = b.context.CLV(ids, dates, amounts, b.realm.date(1997, 9, 30), 12, 0.01, paperParams(b));

  it('lists every customer once, in order of first appearance', () => {
    expect(scored.length).toBe(2358);
    expect(scored.slice(1).map((r) => r[0])).toEqual([...new Set(ORDERS.map((o) => o.id))]);
  });

  it.each(SCIPY)('matches SciPy for customer %s', (id, x, pAlive, purchases, orderValue, lifetime, T) => {
    const row = scored.find((r) => r[0] === id)!;
    expect(row[2]).toBe(x);
    expect(row[4]).toBeCloseTo(T, 5);
    expect(relative(row[5], pAlive)).toBeLessThan(1e-9);
    expect(relative(row[6], purchases)).toBeLessThan(1e-9);
    expect(relative(row[7], orderValue)).toBeLessThan(1e-12);
    expect(relative(row[8], lifetime)).toBeLessThan(1e-9);
  });

  it('fits by itself when no params are given, as CLVPARAMS would', () => {
    const own: unknown[][] = b.context.CLV(ids, dates, amounts, b.realm.date(1997, 9, 30));
    const params = b.context.CLVPARAMS(ids, dates, amounts, b.realm.date(1997, 9, 30));
    expect(own).toEqual(b.context.CLV(ids, dates, amounts, b.realm.date(1997, 9, 30), '', '', params));
    // a team's frozen params differ from the paper's in the last digits only, so the scores are close
    const frozen = scored.find((r) => r[0] === '00004')!;
    expect(relative(own.find((r) => r[0] === '00004')![8], frozen[8] as number)).toBeLessThan(0.01);
  });

  it('defaults the analysis date to the day after the latest order', () => {
    const later: unknown[][] = b.context.CLV(ids, dates, amounts, '', '', '', paperParams(b));
    const latest = ORDERS.reduce((m, o) => (o.date > m ? o.date : m), '');
    expect(latest).toBe('1997-09-30');
    // one more day of age: T grows by 1/7 week for everyone
    expect(later[1][4] as number).toBeCloseTo((scored[1][4] as number) + 1 / 7, 12);
  });

  it('answers in Chinese for a zh spreadsheet', () => {
    const zh = bundle({ timeZone: 'Asia/Shanghai', locale: 'zh_CN' });
    const out: unknown[][] = zh.context.CLV(...args(zh, ORDERS.slice(0, 50)), '', 6, '', paperParams(zh));
    expect(out[0]).toEqual(['客户', '购买天数', '重复购买 x', '首末购买间隔 t_x（周）', '客户年龄 T（周）', '存活概率', '预计购买次数（未来 6 个月）', '预计平均订单金额', '客户终身价值（未来 6 个月）']);
  });
});

describe('CLV errors, worded for the user', () => {
  const FORMULA = '=CLV(Orders!A2:A5000, Orders!B2:B5000, Orders!C2:C5000, , , , H2:I13)';
  const en = bundle({ locale: 'en_US', activeFormula: FORMULA });
  const zh = bundle({ locale: 'zh_CN', activeFormula: FORMULA });
  const few = (b: LoadedBundle, amounts: unknown[]) => [column(b, amounts.map((_, i) => `C${i % 3}`)), column(b, amounts.map((_, i) => `2024-01-0${1 + (i % 5)}`), true), column(b, amounts)];

  it('names the sheet row of a text amount, as RFM does', () => {
    expect(errorOf(() => en.context.CLV(...few(en, [1, 2, 3, 4, 5, '¥1,200']), '', '', '', paperParams(en)))).toBe("CLV: amounts row 7 is the text '¥1,200', not a number.");
    expect(errorOf(() => zh.context.CLV(...few(zh, [1, 2, 3, 4, 5, '¥1,200']), '', '', '', paperParams(zh)))).toBe('CLV：amounts 第 7 行是文本“¥1,200”，不是数字。');
  });

  it('refuses an unreadable date and ranges of different lengths', () => {
    const p = bundle({ locale: 'en_US', activeFormula: '=CLVPARAMS(Orders!A2:A9, Orders!B2:B9, Orders!C2:C9)' });
    expect(errorOf(() => p.context.CLVPARAMS(column(p, ['A']), column(p, ['03/05/2024']), column(p, [1])))).toBe(
      "CLVPARAMS: order_dates row 2 is the text '03/05/2024', not a date. Format the cells as dates or write them as 2024-03-05.",
    );
    expect(errorOf(() => en.context.CLV(column(en, ['A', 'B']), column(en, ['2024-01-01'], true), column(en, [1, 2])))).toBe(
      'CLV: customer_ids has 2 rows but order_dates has 1. Select ranges that cover the same rows.',
    );
  });

  it('refuses an analysis date before the last order, naming the customer and the row', () => {
    const [i, d, a] = few(en, [1, 2, 3, 4, 5]);
    expect(errorOf(() => en.context.CLV(i, d, a, en.realm.date(2024, 1, 3), '', '', paperParams(en)))).toBe(
      "CLV: analysis_date 2024-01-03 is before the last order of customer 'C1' (2024-01-05, order_dates row 6). Choose a later date, or leave it empty to use the day after the last order.",
    );
  });

  it('says how many customers bought twice when too few did to fit', () => {
    const b = bundle({ locale: 'en_US', activeFormula: '=CLVPARAMS(A2:A100, B2:B100, C2:C100)' });
    const ids = [...Array.from({ length: 40 }, (_, i) => `K${i}`), 'K1', 'K2', 'K3'];
    const dates = [...Array(40).fill('2024-01-02'), '2024-02-01', '2024-02-01', '2024-03-01'];
    expect(errorOf(() => b.context.CLVPARAMS(column(b, ids), column(b, dates, true), column(b, ids.map(() => 10))))).toBe(
      'CLVPARAMS: only 3 customers bought twice (on different days); at least 20 are needed to fit. Use a longer order history, or give CLV the params CLVPARAMS fitted on a larger one.',
    );
    const z = bundle({ locale: 'zh_CN' });
    expect(errorOf(() => z.context.CLVPARAMS(column(z, ids), column(z, dates, true), column(z, ids.map(() => 10))))).toBe(
      'CLVPARAMS：只有 3 位客户在不同的日子购买过两次以上；至少需要 20 位才能拟合。请使用更长的订单记录，或把在更大订单记录上用 CLVPARAMS 拟合的参数交给 CLV。',
    );
  });

  it('names the params row of a bad value, and the horizon and discount limits', () => {
    const [i, d, a] = few(en, [1, 2, 3]);
    const params = en.realm.grid([['r', 0.243], ['alpha', 'x'], ['a', 0.793], ['b', 2.426], ['p', 6.25], ['q', 3.74], ['v', 15.44]]);
    expect(errorOf(() => en.context.CLV(i, d, a, '', '', '', params))).toBe("CLV: params row 3 gives 'alpha' as the text 'x'; it must be a positive number, as CLVPARAMS returns it.");
    expect(errorOf(() => en.context.CLV(i, d, a, '', 0, '', paperParams(en)))).toBe('CLV: months must be a whole number from 1 to 120, not the number 0.');
    expect(errorOf(() => en.context.CLV(i, d, a, '', '', 1, paperParams(en)))).toBe('CLV: monthly_discount must be a rate from 0 up to (not including) 1, such as 0.01 or 1%, not the number 1.');
    expect(errorOf(() => zh.context.CLV(...few(zh, [1, 2, 3]), '', 200, '', paperParams(zh)))).toBe('CLV：months 必须是 1 到 120 的整数，现在是数字 200。');
  });

  it('asks for the whole CLVPARAMS table when a parameter is missing', () => {
    const [i, d, a] = few(en, [1, 2, 3]);
    const params = en.realm.grid([['r', 0.243], ['alpha', 4.414]]);
    expect(errorOf(() => en.context.CLV(i, d, a, '', '', '', params))).toBe("CLV: params has no row named 'a'. Give the whole table CLVPARAMS returns.");
  });
});
