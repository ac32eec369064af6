/**
 * Error sentences: "RFM: amounts row 7 is the text '¥1,200', not a number." in English, the same
 * in Chinese after "RFM：". Checked with a plain Render and with the entry layer's real one.
 */
import { errorText } from '../../src/app/run/errorText';
import { appText, TEXT_KEYS, type TextKey } from '../../src/app/run/texts';
import type { CellValue } from '../../src/core/cells';
import { DayClock, formatDay } from '../../src/core/dates';
import { ErrorParams, InputError } from '../../src/core/errors';
import type { FunctionContext } from '../../src/core/functions/context';
import { rfmTable } from '../../src/core/functions/rfm';
import { formatMessage, MessageKey, Render } from '../../src/core/messages';
import { describeValue } from '../../src/core/valueText';

const clock = new DayClock(() => 480);
const RFM_PARAMS = ['customer_ids', 'order_dates', 'amounts', 'analysis_date', 'bins', 'groups'];
const FORMULA = '=RFM(Orders!A2:A, Orders!B2:B, Orders!C2:C)';
const site = (formula: string) => ({ fn: 'RFM', params: RFM_PARAMS, formula: () => formula });
const col = (values: CellValue[]): CellValue[][] => values.map((v) => [v]);

/** A Render for a range that starts on sheet row 2. */
const render: Render = {
  at: (_arg, index) => `row ${index + 2}`,
  value: (v) => (typeof v === 'string' ? `the text '${v}'` : `the number ${v}`),
  day: (d) => `day ${d}`,
  name: (v) => `'${v}'`,
};

// Every key, with the parameters the core throws it with. `satisfies` makes a new key without a
// case here a compile error, so no message goes untested.
const MESSAGE_SAMPLES = {
  notNumber: { arg: 'amounts', index: 5, value: 'x' },
  missingArg: { arg: 'amounts' },
  notDate: { arg: 'order_dates', index: 1, value: '03/05/2024' },
  emptyCell: { arg: 'amounts', index: 1 },
  missingCustomer: { arg: 'customer_ids', index: 1 },
  notSingleColumn: { arg: 'customer_ids', columns: 2 },
  lengthMismatch: { arg: 'customer_ids', rows: 2, other: 'order_dates', otherRows: 1 },
  notSingleCell: { arg: 'bins' },
  binsRange: { arg: 'bins', value: 10 },
  shareRange: { arg: 'a_share', value: 1.5 },
  sharesOrder: { arg: 'b_share', a: 0.9, b: 0.5 },
  unknownChoice: { arg: 'by', value: 'x', choices: 'value, count' },
  namesCount: { arg: 'labels', count: 4, given: 3 },
  rulesShape: { arg: 'scheme', columns: 6 },
  ruleWithoutName: { arg: 'scheme', index: 2 },
  noRules: { arg: 'scheme' },
  analysisBeforeLastOrder: { arg: 'analysis_date', analysisDay: 19000, lastDay: 19001, customer: 'C7', orderRow: 4 },
  dateAfterAnalysis: { arg: 'recency', index: 1, day: 19001, analysisDay: 19000 },
  groupConflict: { arg: 'groups', index: 3, value: 'rural', customer: 'C7', otherGroup: 'urban', otherRow: 0 },
  noData: { arg: 'customer_ids' },
  mixedRecency: { arg: 'recency', index: 2, value: 7, days: false },
  negativeRecency: { arg: 'recency', index: 1, value: -2 },
  scoresShape: { arg: 'scores', columns: 2 },
  badScore: { arg: 'scores', index: 1, value: '5456', code: true },
  namedScoreRange: { arg: 'scores', index: 1, score: 7 },
  unexpected: { detail: 'boom' },
  clvTooFewCustomers: { customers: 4, needed: 20 },
  clvTooFewRepeat: { repeat: 3, needed: 20 },
  clvTooFewSpending: { repeat: 12, needed: 20 },
  clvNoOptimum: { model: 'BG/NBD', parameter: 'alpha', toward: 'infinity' },
  clvMonths: { arg: 'months', value: 0, max: 120 },
  clvDiscount: { arg: 'monthly_discount', value: 1 },
  clvParamsShape: { arg: 'params', columns: 3 },
  clvParamMissing: { arg: 'params', name: 'q' },
  clvParamTwice: { arg: 'params', index: 12, name: 'b' },
  clvParamValue: { arg: 'params', index: 2, name: 'alpha', value: 0 },
  clvModel: { arg: 'model', value: 'bgd' },
  clvParamModel: { arg: 'params', index: 1, value: 'nbd' },
  clvModelMismatch: { arg: 'model', fitted: 'BG/NBD', asked: 'MBG/NBD', code: 'mbgnbd' },
  notLabel: { arg: 'customer_ids', index: 2, value: true },
  sumTooLarge: { arg: 'amounts', customer: 'C7' },
  emptyName: { arg: 'labels', count: 4 },
  sqlColumnName: { arg: 'customer_column', value: 'id`; DROP TABLE x' },
  sqlTableName: { arg: 'table', value: 'orders', dialect: 'bigquery' },
} satisfies Record<MessageKey, ErrorParams>;

describe('formatMessage', () => {
  it('reads as one sentence naming the function, the argument, the row and the value', () => {
    const p = { arg: 'amounts', index: 5, value: '¥1,200' };
    expect(formatMessage('RFM', 'notNumber', p, 'en', render)).toBe("RFM: amounts row 7 is the text '¥1,200', not a number.");
    const zh = formatMessage('RFM', 'notNumber', p, 'zh', render);
    expect(zh.startsWith('RFM：')).toBe(true);
    expect(zh).toContain('amounts');
    expect(zh).toContain('¥1,200');
  });

  it('hints at a header row selected by mistake (row 0, text without digits)', () => {
    expect(formatMessage('RFM', 'notNumber', { arg: 'amounts', index: 0, value: 'revenue' }, 'en', render)).toContain('If that is a header, start the range one row lower.');
    expect(formatMessage('RFM', 'notNumber', { arg: 'amounts', index: 0, value: '¥1,200' }, 'en', render)).not.toContain('header');
    expect(formatMessage('RFM', 'notNumber', { arg: 'amounts', index: 3, value: 'revenue' }, 'en', render)).not.toContain('header');
  });

  const SAMPLES = MESSAGE_SAMPLES;

  it.each(Object.entries(SAMPLES))('%s renders in both languages without holes', (key, params) => {
    for (const lang of ['en', 'zh'] as const) {
      const text = formatMessage('RFM', key as MessageKey, params, lang, render);
      expect(text.startsWith(lang === 'en' ? 'RFM: ' : 'RFM：')).toBe(true);
      expect(text).not.toMatch(/undefined|NaN|\[object|null/);
      if (lang === 'en') expect(text).toMatch(/[.]$/);
      else expect(text).toMatch(/[。）]$/);
    }
  });
});

describe('errorText: the sentence the user sees', () => {
  const notNumber = new InputError('notNumber', { arg: 'amounts', index: 5, value: '¥1,200' });

  it('resolves the sheet row from the formula', () => {
    expect(errorText(notNumber, site(FORMULA), 'en', clock)).toBe("RFM: amounts row 7 is the text '¥1,200', not a number.");
    const zh = errorText(notNumber, site(FORMULA), 'zh', clock);
    expect(zh.startsWith('RFM：')).toBe(true);
    expect(zh).toContain('7');
  });

  it('falls back to the row inside the range when the argument is not a plain reference', () => {
    expect(errorText(notNumber, site('=RFM(A:A, B:B, FILTER(C:C, D:D))'), 'en', clock)).toBe("RFM: amounts row 6 of the range is the text '¥1,200', not a number.");
  });

  it('from the core to the sentence: a text amount on sheet row 7', () => {
    const ctx: FunctionContext = { lang: 'en', clock };
    let thrown: unknown;
    try {
      rfmTable(ctx, col(['A', 'B', 'C', 'A', 'B', 'C']), col(Array(6).fill('2024-01-02')), col([1, 2, 3, 4, 5, '¥1,200']), undefined, undefined, undefined);
    } catch (e) {
      thrown = e;
    }
    expect(errorText(thrown, site(FORMULA), 'en', clock)).toBe("RFM: amounts row 7 is the text '¥1,200', not a number.");
  });

  it('a column argument left out is named as missing, not as a range of one row', () => {
    const ctx: FunctionContext = { lang: 'zh', clock };
    let thrown: unknown;
    try {
      rfmTable(ctx, col(['A', 'B']), col(['2024-01-02', '2024-01-03']), undefined, undefined, undefined, undefined);
    } catch (e) {
      thrown = e;
    }
    expect(errorText(thrown, site('=RFM(Orders!A2:A, Orders!B2:B)'), 'zh', clock)).toBe('RFM：缺少参数 amounts。');
    expect(errorText(thrown, site('=RFM(Orders!A2:A, Orders!B2:B)'), 'en', clock)).toBe('RFM: the argument amounts is missing.');
  });

  it('Chinese sentences keep a space around an argument\'s name (customer_ids 有 2 行)', () => {
    const mismatch = new InputError('lengthMismatch', { arg: 'customer_ids', rows: 2, other: 'amounts', otherRows: 3 });
    expect(errorText(mismatch, site(FORMULA), 'zh', clock)).toBe('RFM：customer_ids 有 2 行，amounts 有 3 行。请选择行数相同的区域。');
    expect(errorText(notNumber, site(FORMULA), 'zh', clock)).toBe('RFM：amounts 第 7 行是文本“¥1,200”，不是数字。');
  });

  it('an unexpected error is reported, not hidden', () => {
    expect(errorText(new Error('boom'), site(FORMULA), 'en', clock)).toBe('RFM: something unexpected went wrong (boom). Please report it with the formula you typed.');
  });
});

/**
 * Chinese keeps a space between a Latin word or a number and a Chinese character where a
 * template joins them ("customer_ids 有 2 行", not "customer_ids有2行"). Quoted values are the
 * user's own text and are left out of the check.
 */
describe('Chinese spacing', () => {
  const GLUED = /[A-Za-z0-9][\u3400-\u9fff]|[\u3400-\u9fff][A-Za-z0-9]/;
  const unquoted = (text: string): string => text.replace(/“[^”]*”/g, '“”');
  const zhRender: Render = {
    at: (_arg, index) => ` 第 ${index + 2} 行`,
    value: (v) => describeValue(v, 'zh'),
    day: formatDay,
    name: (v) => `“${String(v)}”`,
  };

  it('the scan finds a glued pair and passes a spaced one', () => {
    expect(GLUED.test('customer_ids有 2 行')).toBe(true);
    expect(GLUED.test('有2行')).toBe(true);
    expect(GLUED.test('customer_ids 有 2 行，文本“¥1,200元”')).toBe(true);
    expect(GLUED.test(unquoted('customer_ids 有 2 行，文本“¥1,200元”'))).toBe(false);
  });

  it.each(Object.keys(MESSAGE_SAMPLES))('error message %s', (key) => {
    const params = MESSAGE_SAMPLES[key as MessageKey] as ErrorParams;
    for (const p of [params, { ...params, index: undefined }]) {
      const text = formatMessage('RFM', key as MessageKey, p, 'zh', zhRender);
      expect([key, unquoted(text)]).toEqual([key, expect.not.stringMatching(GLUED)]);
    }
  });

  // Placeholders that take a whole sentence of another text (a note, or nothing), not a word.
  const SENTENCES = new Set(['deferred', 'problems', 'noContact']);

  it.each(TEXT_KEYS)('app text %s', (key) => {
    // Every placeholder as a Latin word and as a number: both sides of each must be spaced.
    for (const filler of ['abc', 12]) {
      const params = new Proxy({}, { has: () => true, get: (_, k) => (SENTENCES.has(String(k)) ? '另有说明。' : filler) });
      const text = appText('zh', key as TextKey, params as Record<string, string | number>);
      expect([key, unquoted(text)]).toEqual([key, expect.not.stringMatching(GLUED)]);
    }
  });
});
