/**
 * RFMSQL's query, built as one syntax tree from the definitions =RFM and =ABCTIER use, so that a
 * warehouse gives each customer the same scores, class and tier as the spreadsheet would:
 *
 * - customers: one per trimmed customer id; orders = order rows, amount = their exact sum (as
 *   rfm.ts's tidied sum), recency = days from the last order to the analysis day (default: the
 *   day after the latest order of anyone);
 * - cut points c_k = PERCENTILE.INC(values, k/bins) per group (quantiles.ts), exact
 *   PERCENTILE_CONT; F and M score 1 + the cut points strictly below, R scores bins - those;
 * - the eight classes (segments.ts): a score above its group's mean score is high;
 * - ABC tiers (abc.ts, by value, 80% / 95%) over all customers' positive amounts: A from the
 *   smallest amount of the shortest top list reaching 80% of the positive total, equal amounts
 *   sharing the higher tier, zero and negative amounts C.
 */
import { ABC_DEFAULTS, SLACK } from '../analytics/abc';
import { formatDay } from '../dates';
import { value8Label } from '../analytics/labels';
import type { Lang } from '../locale';
import { value8 } from '../analytics/segments';
import { sqlText, SqlText } from './texts';
import {
  and, binary, call, cast, caseWhen, Expr, name, num, over, Query, required, Select, SelectItem, sum, text, userColumn,
} from './tree';

export interface RfmQueryOptions {
  /** The table's checked parts (identifiers.ts). */
  table: string[];
  customerColumn: string;
  dateColumn: string;
  amountColumn: string;
  groupColumn?: string;
  /** The analysis day (days since 1970-01-01); undefined: the day after the latest order. */
  analysisDay?: number;
  bins: number;
  lang: Lang;
}

/** Output columns, in order (group_name after customer_id when grouped). */
export const RFM_SQL_COLUMNS = ['customer_id', 'recency_days', 'orders', 'amount', 'r', 'f', 'm', 'rfm', 'segment', 'abc'] as const;

const item = (expr: Expr, as?: string): SelectItem => ({ expr, as });
const named = (...names: string[]): SelectItem[] => names.map((n) => item(name(n)));
const isNull = (expr: Expr): Expr => ({ kind: 'isNull', expr, negated: false });
const blankText = (expr: Expr): Expr => binary('OR', isNull(expr), binary('=', call('trim', cast(expr, 'text')), text('')));

export function rfmQuery(o: RfmQueryOptions): Query {
  const grouped = o.groupColumn !== undefined;
  const groupItems = grouped ? named('group_name') : [];
  const partition = grouped ? [name('group_name')] : [];
  /** The sentence `key` with a value the query knows when it runs. */
  const say = (key: SqlText, value: Expr | string): Expr => {
    const [before, after] = sqlText(o.lang, key);
    if (typeof value === 'string') return text(before + value + after);
    return call('concat', ...[text(before), value, text(after)].filter((e) => !(e.kind === 'text' && e.value === '')));
  };

  // 1. Order rows: a row blank in every column is skipped (as =RFM skips it); any other row
  //    needs its customer, date and amount, or the query stops with a sentence.
  const id = userColumn(o.customerColumn);
  const date = userColumn(o.dateColumn);
  const amount = userColumn(o.amountColumn);
  const group = o.groupColumn === undefined ? undefined : userColumn(o.groupColumn);
  const customerId = call('trim', cast(id, 'text'));
  const allBlank = and([blankText(id), isNull(date), isNull(amount), ...(group ? [blankText(group)] : [])]);
  const orderRows: Select = {
    items: [
      item(caseWhen([[blankText(id), call('error', say('missingCustomer', o.customerColumn))]], customerId), 'customer_id'),
      item(required(cast(date, 'date'), say('missingDate', customerId)), 'order_date'),
      // Exact decimals: the sum of a customer's amounts does not depend on the order of the rows.
      item(required(cast(amount, 'decimal'), say('missingAmount', customerId)), 'amount'),
      ...(group ? [item(caseWhen([[blankText(group), call('error', say('missingGroup', customerId))]], call('trim', cast(group, 'text'))), 'group_name')] : []),
    ],
    from: { kind: 'userTable', path: o.table },
    where: { kind: 'not', expr: allBlank },
  };

  // 2. Customers: last order, order rows, summed amount; one group per customer.
  const customers: Select = {
    items: [
      ...named('customer_id'),
      ...(grouped
        ? [item(caseWhen([[binary('>', call('countDistinct', name('group_name')), num(1)), call('error', say('groupConflict', name('customer_id')))]], call('min', name('group_name'))), 'group_name')]
        : []),
      item(call('max', name('order_date')), 'last_order'),
      item(call('count', { kind: 'star' }), 'orders'),
      item(cast(call('sum', name('amount')), 'float'), 'amount'),
    ],
    from: { kind: 'parts', names: ['order_rows'] },
    groupBy: [name('customer_id')],
  };

  // 3. Recency in whole days to the analysis day.
  const latest: Select = { items: [item(call('max', name('order_date')), 'latest_order')], from: { kind: 'parts', names: ['order_rows'] } };
  const recency =
    o.analysisDay === undefined
      ? binary('+', { kind: 'daysBetween', from: name('last_order'), to: name('latest_order') }, num(1))
      : caseWhen(
          [[binary('>', name('latest_order'), { kind: 'dateLiteral', iso: formatDay(o.analysisDay) }), call('error', say('analysisBeforeLastOrder', cast(name('latest_order'), 'text')))]],
          { kind: 'daysBetween', from: name('last_order'), to: { kind: 'dateLiteral', iso: formatDay(o.analysisDay) } },
        );
  const measured: Select = {
    items: [...named('customer_id'), ...groupItems, item(recency, 'recency_days'), ...named('orders', 'amount')],
    from: { kind: 'parts', names: ['customers', 'latest'] },
  };

  // 4. Cut points per group: c_k = PERCENTILE.INC(values, k/bins), k = 1 .. bins-1.
  const ks = Array.from({ length: o.bins - 1 }, (_, i) => i + 1);
  const dims = [
    { score: 'r', value: 'recency_days' },
    { score: 'f', value: 'orders' },
    { score: 'm', value: 'amount' },
  ];
  const cutPoints: Select = {
    items: [
      item({ kind: 'star' }),
      ...dims.flatMap((d) => ks.map((k) => item(over(call('percentileCont', name(d.value), num(k / o.bins)), partition), `${d.score}_cut${k}`))),
    ],
    from: { kind: 'parts', names: ['measured'] },
  };

  // 5. Scores: cut points strictly below the value (a value on a cut point scores the lower side).
  const below = (d: { score: string; value: string }) =>
    sum(ks.map((k) => caseWhen([[binary('<', name(`${d.score}_cut${k}`), name(d.value)), num(1)]], num(0))));
  const scored: Select = {
    items: [
      ...named('customer_id'),
      ...groupItems,
      ...named('recency_days', 'orders', 'amount'),
      item(binary('-', num(o.bins), below(dims[0])), 'r'),
      item(binary('+', num(1), below(dims[1])), 'f'),
      item(binary('+', num(1), below(dims[2])), 'm'),
    ],
    from: { kind: 'parts', names: ['cut_points'] },
  };

  // 6. Mean scores per group: above the mean is high.
  const classed: Select = {
    items: [item({ kind: 'star' }), ...['r', 'f', 'm'].map((s) => item(over(call('avg', name(s)), partition), `${s}_mean`))],
    from: { kind: 'parts', names: ['scored'] },
  };

  // 7. ABC: the positive amounts from the largest down, with the sum of those before each.
  const positive = binary('>', name('amount'), num(0));
  const abcRunning: Select = {
    items: [
      ...named('amount'),
      item(call('coalesce', over(call('sum', name('amount')), [], [{ expr: name('amount'), descending: true }], 'beforeCurrentRow'), num(0)), 'amount_before'),
      item(over(call('sum', name('amount')), []), 'positive_total'),
    ],
    from: { kind: 'parts', names: ['measured'] },
    where: positive,
  };
  // The top list reaching a share takes every amount whose predecessors had not yet reached it;
  // its smallest amount is where the tier starts (abc.ts: minA, minB).
  const tierStart = (share: number) =>
    call('min', caseWhen([[binary('<', name('amount_before'), binary('*', binary('*', num(share), name('positive_total')), num(1 - SLACK))), name('amount')]]));
  const { a, b } = ABC_DEFAULTS.value;
  const abcCuts: Select = {
    items: [item(tierStart(a), 'a_from'), item(tierStart(b), 'b_from')],
    from: { kind: 'parts', names: ['abc_running'] },
  };

  // 8. One row per customer.
  const segmentCases: [Expr, Expr][] = [];
  for (const highR of [true, false]) {
    for (const highF of [true, false]) {
      for (const highM of [true, false]) {
        const side = (s: string, high: boolean) => binary(high ? '>' : '<=', name(s), name(`${s}_mean`));
        // value8 itself names the class of this high/low pattern (scores 1 or 0 against means of 0.5).
        const key = value8(highR ? 1 : 0, highF ? 1 : 0, highM ? 1 : 0, { r: 0.5, f: 0.5, m: 0.5 });
        segmentCases.push([and([side('r', highR), side('f', highF), side('m', highM)]), text(value8Label(o.lang, key))]);
      }
    }
  }
  const final: Select = {
    items: [
      ...named('customer_id'),
      ...groupItems,
      ...named('recency_days', 'orders', 'amount', 'r', 'f', 'm'),
      item(call('concat', cast(name('r'), 'text'), cast(name('f'), 'text'), cast(name('m'), 'text')), 'rfm'),
      item(caseWhen(segmentCases), 'segment'),
      item(
        caseWhen(
          [
            [and([positive, binary('>=', name('amount'), name('a_from'))]), text('A')],
            [and([positive, binary('>=', name('amount'), name('b_from'))]), text('B')],
          ],
          text('C'),
        ),
        'abc',
      ),
    ],
    from: { kind: 'parts', names: ['classed', 'abc_cuts'] },
    orderBy: [{ expr: name('customer_id') }],
  };

  const [headingBefore, headingAfter] = sqlText(o.lang, 'heading');
  return {
    comments: [`${headingBefore}${o.bins}${headingAfter}`, sqlText(o.lang, 'definitions')[0]],
    parts: [
      { name: 'order_rows', select: orderRows },
      { name: 'customers', select: customers },
      { name: 'latest', select: latest },
      { name: 'measured', select: measured },
      { name: 'cut_points', select: cutPoints },
      { name: 'scored', select: scored },
      { name: 'classed', select: classed },
      { name: 'abc_running', select: abcRunning },
      { name: 'abc_cuts', select: abcCuts },
    ],
    final,
  };
}
