/**
 * Bad input gets one sentence naming the function, the argument, the sheet row and the value,
 * in the spreadsheet's language; never a stack trace or a silent wrong number.
 */
import { bundle, column, errorOf } from '../support/bundle';

const FORMULA = '=RFM(Orders!A2:A5000, Orders!B2:B5000, Orders!C2:C5000)';

describe('error messages from the bundle', () => {
  const en = bundle({ locale: 'en_US', activeFormula: FORMULA });
  const zh = bundle({ locale: 'zh_CN', activeFormula: FORMULA });

  function orders(b: typeof en, amounts: unknown[]) {
    const n = amounts.length;
    return [column(b, Array.from({ length: n }, (_, i) => `C${i % 3}`)), column(b, Array(n).fill('2024-01-02'), true), column(b, amounts)];
  }

  it('names the sheet row of a text amount, read from the formula', () => {
    const [i, d, a] = orders(en, [1, 2, 3, 4, 5, '¥1,200']);
    expect(errorOf(() => en.context.RFM(i, d, a))).toBe("RFM: amounts row 7 is the text '¥1,200', not a number.");
  });

  it('says it in Chinese for a zh spreadsheet', () => {
    const [i, d, a] = orders(zh, [1, 2, 3, 4, 5, '¥1,200']);
    expect(errorOf(() => zh.context.RFM(i, d, a))).toBe('RFM：amounts 第 7 行是文本“¥1,200”，不是数字。');
  });

  it('falls back to the row inside the range when the formula cannot be read', () => {
    const b = bundle({ activeFormula: '=RFM(A:A, B:B, FILTER(C:C, D:D))' });
    const [i, d, a] = orders(b, [1, 'x']);
    expect(errorOf(() => b.context.RFM(i, d, a))).toBe("RFM: amounts row 2 of the range is the text 'x', not a number.");
  });

  it('hints at a header row selected by mistake', () => {
    const [i, d, a] = orders(en, ['revenue', 5]);
    expect(errorOf(() => en.context.RFM(i, d, a))).toContain('If that is a header, start the range one row lower.');
  });

  it('rejects ambiguous date text and names the value', () => {
    const msg = errorOf(() => en.context.RFM(column(en, ['A']), column(en, ['03/05/2024']), column(en, [1])));
    expect(msg).toBe("RFM: order_dates row 2 is the text '03/05/2024', not a date. Format the cells as dates or write them as 2024-03-05.");
  });

  it('rejects ranges of different lengths', () => {
    expect(errorOf(() => en.context.RFM(column(en, ['A', 'B']), column(en, ['2024-01-01'], true), column(en, [1, 2])))).toBe(
      'RFM: customer_ids has 2 rows but order_dates has 1. Select ranges that cover the same rows.',
    );
  });

  it.each([
    [1, 'the number 1'],
    [10, 'the number 10'],
    [2.5, 'the number 2.5'],
    ['five', "the text 'five'"],
  ])('rejects bins %p', (bins, shown) => {
    const [i, d, a] = orders(en, [1, 2]);
    expect(errorOf(() => en.context.RFM(i, d, a, '', bins))).toBe(`RFM: bins must be a whole number from 2 to 9, not ${shown}.`);
  });

  it('rejects a range with no data rows', () => {
    expect(errorOf(() => en.context.RFM(column(en, ['', '']), column(en, ['', '']), column(en, ['', ''])))).toBe(
      'RFM: customer_ids has no data rows. Select the ranges that hold the data.',
    );
  });

  it('rejects an order without a customer', () => {
    const msg = errorOf(() => en.context.RFM(column(en, ['A', '']), column(en, ['2024-01-01', '2024-01-02'], true), column(en, [1, 2])));
    expect(msg).toBe('RFM: customer_ids row 3 is empty, but that row has an order. Fill in the customer, or clear the whole row.');
  });

  it('rejects an analysis date before the last order, naming the customer and the order row', () => {
    const msg = errorOf(() => en.context.RFM(column(en, ['A', 'B']), column(en, ['2024-01-01', '2024-02-01'], true), column(en, [1, 2]), en.realm.date(2024, 1, 15)));
    expect(msg).toBe(
      "RFM: analysis_date 2024-01-15 is before the last order of customer 'B' (2024-02-01, order_dates row 3). Choose a later date, or leave it empty to use the day after the last order.",
    );
  });

  it('rejects a multi-column range where one column is expected', () => {
    const msg = errorOf(() => en.context.ABCTIER(en.realm.grid([[1, 2], [3, 4]])));
    expect(msg).toBe('ABCTIER: values must be a single column, not 2 columns.');
  });

  it('words unexpected failures without a stack trace', () => {
    // A spreadsheet time zone the platform does not know makes Utilities.formatDate throw.
    const broken = bundle({ timeZone: 'Mars/Olympus_Mons' });
    const msg = errorOf(() => broken.context.RFM(broken.realm.grid([['A']]), broken.realm.grid([['2024-01-01']]), broken.realm.grid([[1]])));
    expect(msg).toMatch(/^RFM: something unexpected went wrong \(.*timeZone.*\)\. Please report it with the formula you typed\.$/);
    expect(msg).not.toMatch(/\n\s+at /);
  });

  it('calls an empty date cell empty, not "not a date"', () => {
    const msg = errorOf(() => en.context.RFM(column(en, ['A', 'B']), column(en, ['2024-01-01', ''], true), column(en, [1, 2])));
    expect(msg).toBe('RFM: order_dates row 3 is empty. Fill it in, or clear the whole row.');
  });

  it('refuses TRUE/FALSE as a customer id', () => {
    const msg = errorOf(() => en.context.RFM(column(en, ['A', true]), column(en, ['2024-01-01', '2024-01-02'], true), column(en, [1, 2])));
    expect(msg).toBe('RFM: customer_ids row 3 is TRUE; names and codes must be text or numbers.');
  });

  it('refuses amounts whose sum overflows instead of returning Infinity', () => {
    const msg = errorOf(() => en.context.RFM(column(en, ['A', 'A']), column(en, ['2024-01-01', '2024-01-02'], true), column(en, [1e308, 1e308])));
    expect(msg).toBe("RFM: the amounts add up to more than a number can hold (customer 'A'). Check for a mistyped amount.");
    expect(errorOf(() => en.context.ABCSUMMARY(column(en, [1e308, 1e308])))).toMatch(/^ABCSUMMARY: the values add up to more than a number can hold/);
  });

  it('checks analysis_date in RFMSCORE even when recency is given in days', () => {
    expect(errorOf(() => en.context.RFMSCORE(column(en, [1, 2]), column(en, [1, 2]), column(en, [1, 2]), 5, 'garbage'))).toBe(
      "RFMSCORE: analysis_date is the text 'garbage', not a date. Format the cells as dates or write them as 2024-03-05.",
    );
  });

  it('says a one-column scheme range is not a rules table', () => {
    expect(errorOf(() => en.context.RFMSEGMENT(en.realm.grid([['555']]), en.realm.grid([['a'], ['b']])))).toBe(
      'RFMSEGMENT: the rules table in scheme needs 7 columns (name, R min, R max, F min, F max, M min, M max), not 1.',
    );
  });

  it('names the argument on both rows of a group conflict, in Chinese too', () => {
    const args = [column(zh, ['A', 'A']), column(zh, ['2024-01-01', '2024-01-02'], true), column(zh, [1, 2]), '', '', column(zh, ['城市', '农村'])];
    // The formula gives no groups range, so rows are counted inside the range.
    expect(errorOf(() => zh.context.RFM(...args))).toBe('RFM：客户“A”在 groups 区域第 2 行属于“农村”，在 groups 区域第 1 行却属于“城市”。一个客户只能属于一个分组。');
  });

  it('describes an invalid Date object as such', () => {
    const msg = errorOf(() => en.context.RFM(column(en, ['A']), en.realm.grid([[new Date(NaN)]]), column(en, [1])));
    expect(msg).toBe('RFM: order_dates row 2 is an invalid date, not a date. Format the cells as dates or write them as 2024-03-05.');
  });
});
