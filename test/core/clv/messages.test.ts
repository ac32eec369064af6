/**
 * The lifetime-value error sentences, every key in both languages with the parameters the core
 * throws it with (as test/core/messages.test.ts does for the others), and the exact wording of
 * the one a small order log meets first.
 */
import type { ErrorParams } from '../../../src/core/errors';
import { formatMessage, MessageKey, Render } from '../../../src/core/messages';

const render: Render = {
  at: (_arg, index) => `row ${index + 2}`,
  value: (v) => (typeof v === 'string' ? `the text '${v}'` : `the number ${v}`),
  day: (d) => `day ${d}`,
  name: (v) => `'${v}'`,
};

const SAMPLES: [MessageKey, ErrorParams][] = [
  ['clvTooFewCustomers', { customers: 4, needed: 20 }],
  ['clvTooFewCustomers', { customers: 1, needed: 20 }],
  ['clvTooFewRepeat', { repeat: 3, needed: 20 }],
  ['clvTooFewRepeat', { repeat: 1, needed: 20 }],
  ['clvTooFewSpending', { repeat: 12, needed: 20 }],
  ['clvNoOptimum', { model: 'BG/NBD', parameter: 'alpha', toward: 'infinity' }],
  ['clvNoOptimum', { model: 'Gamma-Gamma', parameter: 'p', toward: 'zero' }],
  ['clvMonths', { arg: 'months', value: 0, max: 120 }],
  ['clvDiscount', { arg: 'monthly_discount', value: 1 }],
  ['clvParamsShape', { arg: 'params', columns: 3 }],
  ['clvParamsShape', { arg: 'params', columns: 1 }],
  ['clvParamMissing', { arg: 'params', name: 'q' }],
  ['clvParamTwice', { arg: 'params', index: 12, name: 'b' }],
  ['clvParamValue', { arg: 'params', index: 2, name: 'alpha', value: 0 }],
  ['clvNoOptimum', { model: 'Pareto/NBD', parameter: 'beta', toward: 'infinity' }],
  ['clvModel', { arg: 'model', value: 'bgd' }],
  ['clvModel', { arg: 'model', value: 3 }],
  ['clvParamModel', { arg: 'params', index: 1, value: 'nbd' }],
  ['clvModelMismatch', { arg: 'model', fitted: 'BG/NBD', asked: 'Pareto/NBD', code: 'paretonbd' }],
];

describe('lifetime-value messages', () => {
  it.each(SAMPLES)('%s renders in both languages without holes', (key, params) => {
    for (const lang of ['en', 'zh'] as const) {
      const text = formatMessage('CLV', key, params, lang, render);
      expect(text.startsWith(lang === 'en' ? 'CLV: ' : 'CLV：')).toBe(true);
      expect(text).not.toMatch(/undefined|NaN|\[object|null/);
      expect(text).toMatch(lang === 'en' ? /[.]$/ : /[。）]$/);
    }
  });

  it('says how many customers bought twice and how many are needed', () => {
    expect(formatMessage('CLVPARAMS', 'clvTooFewRepeat', { repeat: 3, needed: 20 }, 'en', render)).toBe(
      'CLVPARAMS: only 3 customers bought twice (on different days); at least 20 are needed to fit. Use a longer order history, or give CLV the params CLVPARAMS fitted on a larger one.',
    );
    expect(formatMessage('CLVPARAMS', 'clvTooFewRepeat', { repeat: 1, needed: 20 }, 'en', render)).toContain('only 1 customer bought twice');
  });

  it('names the parameter that runs off and where to', () => {
    expect(formatMessage('CLVPARAMS', 'clvNoOptimum', { model: 'BG/NBD', parameter: 'a', toward: 'zero' }, 'en', render)).toBe(
      'CLVPARAMS: the order log is too uniform to fit the purchase model (BG/NBD): its best fit sends a towards zero. Use a longer or more varied order history, or give CLV the params CLVPARAMS fitted on one.',
    );
    expect(formatMessage('CLVPARAMS', 'clvNoOptimum', { model: 'Gamma-Gamma', parameter: 'q', toward: 'infinity' }, 'zh', render)).toBe(
      'CLVPARAMS：订单记录过于单一，无法拟合消费模型（Gamma-Gamma）：最佳拟合使 q 趋于无穷大。请使用更长或更多样的订单记录，或把在这样的记录上用 CLVPARAMS 拟合的参数交给 CLV。',
    );
  });
});
