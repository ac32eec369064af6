/**
 * Naming customers from R, F, M scores (segments.ts and RFMSEGMENT): the eight value classes,
 * the named segments of domain.md's table, and a team's own rules table.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/core/cells';
import { DayClock } from '../../../src/core/dates';
import { InputError } from '../../../src/core/errors';
import type { FunctionContext } from '../../../src/core/functions/context';
import { rfmSegmentTable } from '../../../src/core/functions/rfmSegment';
import { matchRule, NAMED_RULES, readRulesTable, scoreMeans, value8 } from '../../../src/core/analytics/segments';
import { inputError } from '../../support/core';

const clock = new DayClock(() => 0);
const en: FunctionContext = { lang: 'en', clock };
const zh: FunctionContext = { lang: 'zh', clock };
const col = (values: CellValue[]): CellValue[][] => values.map((v) => [v]);
const names = (out: CellValue[][]) => out.map((r) => r[0]);

// ---------------------------------------------------------------------------------------------
// value8

/** The eight classes: H/L for R, F, M against the mean score (above the mean = high). */
const VALUE8 = {
  HHH: ['Key value', '重要价值客户'],
  LHH: ['Key retain', '重要保持客户'],
  HLH: ['Key develop', '重要发展客户'],
  LLH: ['Key win-back', '重要挽留客户'],
  HHL: ['General value', '一般价值客户'],
  LHL: ['General retain', '一般保持客户'],
  HLL: ['General develop', '一般发展客户'],
  LLL: ['General win-back', '一般挽留客户'],
} as const;

describe('value8', () => {
  it('every one of the eight classes, from scores 1 and 5 against means of 3', () => {
    const rows: number[][] = [];
    for (const r of [5, 1]) for (const f of [5, 1]) for (const m of [5, 1]) rows.push([r, f, m]);
    const hl = (s: number) => (s > 3 ? 'H' : 'L');
    const expected = rows.map(([r, f, m]) => `${hl(r)}${hl(f)}${hl(m)}` as keyof typeof VALUE8);
    expect(new Set(expected).size).toBe(8);
    const outEn = rfmSegmentTable(en, rows, undefined);
    const outZh = rfmSegmentTable(zh, rows, 'value8');
    expected.forEach((k, i) => {
      expect(String(outEn[i][0]).toLowerCase()).toBe(VALUE8[k][0].toLowerCase());
      expect(outZh[i][0]).toBe(VALUE8[k][1]);
    });
  });

  it('a score equal to the mean is low', () => {
    // Means 3, 3, 3: 333 is low on all three.
    expect(names(rfmSegmentTable(zh, [[3, 3, 3], [1, 1, 1], [5, 5, 5]], undefined))).toEqual(['一般挽留客户', '一般挽留客户', '重要价值客户']);
    const means = scoreMeans([1, 2, 3], [2, 2, 2], [4, 5, 6]);
    expect(means).toEqual({ r: 2, f: 2, m: 5 });
    expect(value8(2, 2, 5, means)).toBe(value8(1, 1, 4, means));
    expect(value8(3, 3, 6, means)).toBe('keyValue');
  });

  it('the means are those of the scored rows: blank rows are not counted, and stay blank', () => {
    // Means over the three filled rows: R (5+2+2)/3 = 3, F (4+4+1)/3 = 3, M (1+5+3)/3 = 3.
    const out = rfmSegmentTable(zh, [[5, 4, 1], ['', '', ''], [2, 4, 5], [2, 1, 3]], undefined);
    expect(names(out)).toEqual(['一般价值客户', '', '重要保持客户', '一般挽留客户']);
  });

  it('agrees with a reference on random scores', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 40 }), (rows) => {
        const mean = (k: number) => rows.reduce((s, r) => s + r[k], 0) / rows.length;
        const [mr, mf, mm] = [mean(0), mean(1), mean(2)];
        const expected = rows.map(([r, f, m]) => VALUE8[`${r > mr ? 'H' : 'L'}${f > mf ? 'H' : 'L'}${m > mm ? 'H' : 'L'}` as keyof typeof VALUE8][1]);
        expect(names(rfmSegmentTable(zh, rows, undefined))).toEqual(expected);
        // A column of codes gives the same.
        expect(names(rfmSegmentTable(zh, col(rows.map((r) => r.join(''))), undefined))).toEqual(expected);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// named: domain.md section 2's table, read as written.

const DOMAIN_TABLE = `
| Champions | 5 | 5 | 5 |
| Potential Loyalist | 3-5 | 3-5 | 2-5 |
| Loyal Customers | 2-4 | 2-4 | 2-4 |
| Promising | 3-4 | 1-3 | 3-5 |
| New Customers | 4-5 | 1-3 | 1-5 |
| Can't Lose Them | 1-2 | 3-4 | 4-5 |
| At Risk | 1-2 | 2-5 | 4-5 |
| Need Attention | 1-3 | 3-5 | 3-5 |
| About To Sleep | 2-3 | 1-3 | 1-4 |
| Lost | 1 | 1-5 | 1-5 |
`;

const TABLE = DOMAIN_TABLE.trim()
  .split('\n')
  .map((line) => {
    const [name, ...ranges] = line.split('|').map((s) => s.trim()).filter(Boolean);
    const [r, f, m] = ranges.map((x) => {
      const [lo, hi = lo] = x.split('-').map(Number);
      return [lo, hi];
    });
    return { name, r, f, m };
  });

/** First matching row of the table, else Others. */
function refNamed(r: number, f: number, m: number): string {
  const inside = (v: number, [lo, hi]: number[]) => v >= lo && v <= hi;
  return TABLE.find((row) => inside(r, row.r) && inside(f, row.f) && inside(m, row.m))?.name ?? 'Others';
}

describe('named segments', () => {
  it('NAMED_RULES is the table, in its order', () => {
    expect(NAMED_RULES).toHaveLength(TABLE.length);
    NAMED_RULES.forEach((rule, i) => {
      expect([rule.rMin, rule.rMax, rule.fMin, rule.fMax, rule.mMin, rule.mMax]).toEqual([...TABLE[i].r, ...TABLE[i].f, ...TABLE[i].m]);
    });
  });

  it.each([
    ['555', 'Champions'],
    ['111', 'Lost'],
    ['244', 'Loyal Customers'], // R 2 rules out Potential Loyalist (3-5)
    ['545', 'Potential Loyalist'],
    ['353', 'Potential Loyalist'],
    ['512', 'New Customers'], // F 1: not Potential Loyalist; R 5: not Loyal or Promising
    ['315', 'Promising'],
    ['135', "Can't Lose Them"],
    ['155', 'At Risk'], // F 5 is outside Can't Lose Them's 3-4
    ['253', 'Need Attention'],
    ['211', 'About To Sleep'],
    ['221', 'About To Sleep'],
    ['121', 'Lost'],
    ['215', 'Others'], // R 2, F 1, M 5: no row holds it
  ])('%s is %s', (code, name) => {
    expect(refNamed(+code[0], +code[1], +code[2])).toBe(name); // the hand reading of the table
    expect(rfmSegmentTable(en, code, 'named')).toEqual([[name]]);
  });

  it('all 125 score triples: the first matching row of the table, else Others', () => {
    const rows: number[][] = [];
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) rows.push([r, f, m]);
    const out = rfmSegmentTable(en, rows, 'named');
    expect(names(out)).toEqual(rows.map(([r, f, m]) => refNamed(r, f, m)));
    // Every segment of the table is reachable in this order.
    expect(new Set(names(out))).toEqual(new Set([...TABLE.map((t) => t.name), 'Others']));
  });

  it('codes as text and as numbers, three columns (numbers or digit text) all agree', () => {
    const asText = rfmSegmentTable(en, col(['545', ' 111 ', '244']), 'named');
    const asNumbers = rfmSegmentTable(en, col([545, 111, 244]), 'named');
    const asColumns = rfmSegmentTable(en, [[5, 4, 5], ['1', '1', '1'], [2, 4, 4]], ' Named ');
    expect(asText).toEqual([['Potential Loyalist'], ['Lost'], ['Loyal Customers']]);
    expect(asNumbers).toEqual(asText);
    expect(asColumns).toEqual(asText);
  });

  it('in Chinese, Others is 其他; every name is Chinese text', () => {
    const out = rfmSegmentTable(zh, col(['215', '555', '', '111']), 'named');
    expect(out[0][0]).toBe('其他');
    expect(out[2][0]).toBe('');
    for (const v of [out[1][0], out[3][0]]) expect(String(v)).toMatch(/[\u4e00-\u9fff]/);
    expect(out[1][0]).not.toBe(out[3][0]);
  });

  it('a score above 5 is an error for the named scheme (but fine for value8)', () => {
    const e = inputError(() => rfmSegmentTable(en, col(['555', '575']), 'named'));
    expect(e.key).toBe('namedScoreRange');
    expect(e.params).toMatchObject({ arg: 'scores', index: 1, score: 7 });
    expect(() => rfmSegmentTable(en, col(['555', '575']), 'value8')).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// A team's own rules table.

describe('a rules table as scheme', () => {
  const rules: CellValue[][] = [
    ['Segment', 'R min', 'R max', 'F min', 'F max', 'M min', 'M max'],
    ['VIP', 4, '', 4, '', 4, ''], // R ≥ 4, F ≥ 4, M ≥ 4
    ['Sleeping', '', 2, '', '', '', ''], // R ≤ 2
    ['', '', '', '', '', '', ''],
    ['Big spender', '', '', '', '', 5, 5],
  ];

  it('first match wins; blank limits are open; header and blank rows are skipped; unmatched = Others', () => {
    const out = rfmSegmentTable(en, col(['455', '555', '155', '335', '333', '', '995']), rules);
    expect(names(out)).toEqual(['VIP', 'VIP', 'Sleeping', 'Big spender', 'Others', '', 'VIP']);
    expect(names(rfmSegmentTable(zh, col(['333']), rules))).toEqual(['其他']);
  });

  it('works without a header row, and the same rules give the same answer as matchRule', () => {
    const noHeader = rules.slice(1);
    const parsed = readRulesTable(noHeader);
    expect(parsed.map((r) => r.name)).toEqual(['VIP', 'Sleeping', 'Big spender']);
    expect(parsed[1]).toEqual({ name: 'Sleeping', rMin: -Infinity, rMax: 2, fMin: -Infinity, fMax: Infinity, mMin: -Infinity, mMax: Infinity });
    expect(matchRule(parsed, 3, 3, 5)?.name).toBe('Big spender');
    expect(matchRule(parsed, 3, 3, 3)).toBeUndefined();
    expect(rfmSegmentTable(en, [[1, 5, 5]], noHeader)).toEqual([['Sleeping']]);
  });

  it('errors: wrong width, a rule without a name, text in a limit, no rules', () => {
    const w = inputError(() => rfmSegmentTable(en, '555', rules.map((r) => r.slice(0, 6))));
    expect(w.key).toBe('rulesShape');
    expect(w.params).toMatchObject({ arg: 'scheme', columns: 6 });
    const n = inputError(() => rfmSegmentTable(en, '555', [...rules, ['', 1, 2, '', '', '', '']]));
    expect(n.key).toBe('ruleWithoutName');
    expect(n.params).toMatchObject({ arg: 'scheme', index: 5 });
    const t = inputError(() => rfmSegmentTable(en, '555', [...rules, ['X', 'four', '', '', '', '', '']]));
    expect(t.key).toBe('notNumber');
    expect(t.params).toMatchObject({ arg: 'scheme', index: 5, value: 'four' });
    const none = inputError(() => rfmSegmentTable(en, '555', [rules[0], rules[3]]));
    expect(none.key).toBe('noRules');
  });
});

describe('RFMSEGMENT input errors', () => {
  it('scores of the wrong width', () => {
    const e = inputError(() => rfmSegmentTable(en, [[5, 5], [1, 1]], undefined));
    expect(e.key).toBe('scoresShape');
    expect(e.params).toMatchObject({ arg: 'scores', columns: 2 });
  });

  it.each([
    ['5456', true],
    ['5a5', true],
    ['505', true], // 0 is not a score
    ['R', true],
  ])('a bad code %j', (code, isCode) => {
    const e = inputError(() => rfmSegmentTable(en, col(['555', code]), undefined));
    expect(e.key).toBe('badScore');
    expect(e.params).toMatchObject({ arg: 'scores', index: 1, value: code, code: isCode });
  });

  it('a bad score in three columns', () => {
    const e = inputError(() => rfmSegmentTable(en, [[5, 5, 5], [5, 10, 5]], undefined));
    expect(e.key).toBe('badScore');
    expect(e.params).toMatchObject({ arg: 'scores', index: 1, value: 10, code: false });
    const h = inputError(() => rfmSegmentTable(en, [['R', 'F', 'M'], [5, 5, 5]], undefined));
    expect(h.params).toMatchObject({ index: 0, value: 'R' });
  });

  it('an unknown scheme, no data', () => {
    const e = inputError(() => rfmSegmentTable(en, '555', 'rfm'));
    expect(e.key).toBe('unknownChoice');
    expect(e.params).toMatchObject({ arg: 'scheme', value: 'rfm' });
    expect(inputError(() => rfmSegmentTable(en, col(['', '']), undefined)).key).toBe('noData');
  });
});
