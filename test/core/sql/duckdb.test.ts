/**
 * RFMSQL's DuckDB text, run on DuckDB, gives each customer what =RFM and =ABCTIER give on the
 * same order rows: recency, orders, amount, R, F, M, code, class and tier, customer by customer.
 * On the rfm package's reference order log (with and without groups, 5 and 3 bins) and on
 * hand-made edge cases (ties on cut points, one customer, refunds, sums that float differently).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Arg, CellValue } from '../../../src/core/cells';
import { DayClock } from '../../../src/core/dates';
import { abcTierColumn } from '../../../src/core/functions/abc';
import type { FunctionContext } from '../../../src/core/functions/context';
import { rfmTable } from '../../../src/core/functions/rfm';
import { rfmSqlText } from '../../../src/core/functions/rfmsql';
import type { Lang } from '../../../src/core/locale';
import { loadOrders, openDuckdb, OrderRecord, queryRows } from '../../support/duckdb';
import { readRfmOrders } from '../../support/referenceData';

interface Options {
  bins?: number;
  /** YYYY-MM-DD */
  analysis?: string;
  grouped?: boolean;
  lang?: Lang;
}

const utc = new DayClock(() => 0);
const column = (values: CellValue[]): CellValue[][] => values.map((v) => [v]);
const dateCell = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Per customer id: what =RFM and =ABCTIER (on RFM's amount column) give, in the query's columns. */
function fromFunctions(rows: readonly OrderRecord[], o: Options): Map<string, Record<string, unknown>> {
  const ctx: FunctionContext = { lang: o.lang ?? 'en', clock: utc };
  const table = rfmTable(
    ctx,
    column(rows.map((r) => r.customer ?? '')),
    column(rows.map((r) => (r.date === null ? '' : dateCell(r.date)))),
    column(rows.map((r) => r.amount ?? '')),
    o.analysis === undefined ? undefined : dateCell(o.analysis),
    o.bins,
    o.grouped ? column(rows.map((r) => r.group ?? '')) : undefined,
  );
  const shift = o.grouped ? 1 : 0;
  const body = table.slice(1);
  const tiers = abcTierColumn(ctx, body.map((r) => [r[4 + shift]]), undefined, undefined, undefined);
  const out = new Map<string, Record<string, unknown>>();
  body.forEach((r, i) => {
    const row: Record<string, unknown> = {
      customer_id: String(r[0]),
      recency_days: r[2 + shift],
      orders: r[3 + shift],
      amount: r[4 + shift],
      r: r[5 + shift],
      f: r[6 + shift],
      m: r[7 + shift],
      rfm: r[8 + shift],
      segment: r[9 + shift],
      abc: tiers[i][0],
    };
    if (o.grouped) row.group_name = r[1];
    out.set(String(r[0]), row);
  });
  return out;
}

function queryText(o: Options): string {
  const ctx: FunctionContext = { lang: o.lang ?? 'en', clock: utc };
  const omitted = undefined as unknown as Arg;
  return rfmSqlText(
    ctx,
    'orders',
    'customer_id',
    'order_date',
    'amount',
    o.analysis === undefined ? omitted : dateCell(o.analysis),
    o.bins ?? omitted,
    'duckdb',
    o.grouped ? 'region' : omitted,
  );
}

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await openDuckdb();
});
afterAll(() => conn.closeSync());

/** Runs the query on the rows and compares every customer with the functions' results. */
async function expectSame(rows: readonly OrderRecord[], o: Options): Promise<Record<string, unknown>[]> {
  await loadOrders(conn, 'orders', rows);
  const got = await queryRows(conn, queryText(o));
  const want = fromFunctions(rows, o);
  expect(got.length).toBe(want.size);
  for (const row of got) {
    const w = want.get(row.customer_id as string);
    expect(w).toBeDefined();
    // Amounts: the query sums exact decimals, the function tidies a floating sum to 15 digits.
    expect(row.amount).toBeCloseTo(w!.amount as number, 9);
    expect({ ...row, amount: 0 }).toEqual({ ...w, amount: 0 });
  }
  return got;
}

// The reference log, with a group per customer (by first letter) for the grouped runs.
const reference: OrderRecord[] = readRfmOrders().map((o) => ({
  customer: o.customer,
  date: o.date,
  amount: o.revenue,
  group: o.customer < 'H' ? 'north' : o.customer < 'P' ? 'south' : 'west',
}));

describe('on rfm_data_orders (4,906 orders, 995 customers)', () => {
  it.each([
    [5, false],
    [3, false],
    [5, true],
    [3, true],
  ])('bins %d, grouped %s: every customer as =RFM and =ABCTIER give it', async (bins, grouped) => {
    const got = await expectSame(reference, { bins, grouped, analysis: '2006-12-31' });
    expect(got.length).toBe(995);
    // The comparison means something: scores spread over every level, every tier occurs.
    expect(new Set(got.map((r) => r.m)).size).toBe(bins);
    expect(new Set(got.map((r) => r.abc))).toEqual(new Set(['A', 'B', 'C']));
  });

  it('defaults the analysis day to the day after the latest order, in Chinese', async () => {
    const got = await expectSame(reference, { lang: 'zh' });
    expect(got.every((r) => /^(重要|一般)(价值|保持|发展|挽留)客户$/.test(r.segment as string))).toBe(true);
  });
});

/** Orders of customers named C1, C2 ...: one row per (customer, amount) on the given day. */
function orders(spec: [customer: string, date: string, amount: number | null, group?: string][]): OrderRecord[] {
  return spec.map(([customer, date, amount, group]) => ({ customer, date, amount, group: group ?? null }));
}

describe('edge cases', () => {
  it('puts values on a cut point on the lower side (11 customers: the cut points are values)', async () => {
    // Orders 1..11 per customer and amounts 10..110: with 5 bins the ranks 2, 4, 6, 8 are whole.
    const rows: OrderRecord[] = [];
    for (let c = 1; c <= 11; c++) {
      for (let k = 0; k < c; k++) rows.push({ customer: `C${c}`, date: `2024-01-${String(c).padStart(2, '0')}`, amount: 10 });
    }
    for (const bins of [5, 3]) {
      const got = await expectSame(rows, { bins, analysis: '2024-02-01' });
      if (bins === 5) {
        // C3 has 3 orders, exactly the first cut point (PERCENTILE.INC(1..11, 0.2) = 3): F = 1.
        expect(got.find((r) => r.customer_id === 'C3')!.f).toBe(1);
        expect(got.find((r) => r.customer_id === 'C4')!.f).toBe(2);
      }
    }
  });

  it('scores a single customer as =RFM does', async () => {
    const got = await expectSame(orders([['only', '2024-03-01', 50], ['only', '2024-03-05', 20]]), { bins: 5 });
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ recency_days: 1, orders: 2, amount: 70, abc: 'A' });
  });

  it('nets refunds: zero and negative customers are C, and score low on M', async () => {
    const rows = orders([
      ['A', '2024-01-01', 100], ['A', '2024-01-02', -100], // nets to 0
      ['B', '2024-01-03', 50], ['B', '2024-01-04', -80], // nets to -30
      ['C', '2024-01-05', 400],
      ['D', '2024-01-06', 300],
      ['E', '2024-01-07', 200],
      ['F', '2024-01-08', 100],
    ]);
    for (const bins of [5, 3]) {
      const got = await expectSame(rows, { bins });
      expect(got.filter((r) => (r.amount as number) <= 0).map((r) => r.abc)).toEqual(['C', 'C']);
    }
  });

  it('gives equal amounts the same score whatever order their parts add up in (0.1 + 0.2 + 0.3)', async () => {
    const rows = orders([
      ['up', '2024-01-01', 0.1], ['up', '2024-01-02', 0.2], ['up', '2024-01-03', 0.3],
      ['down', '2024-01-01', 0.3], ['down', '2024-01-02', 0.2], ['down', '2024-01-03', 0.1],
      ['six', '2024-01-01', 0.6], ['six', '2024-01-02', 0], ['six', '2024-01-03', 0],
      ['less', '2024-01-04', 0.5],
      ['more', '2024-01-04', 0.7],
    ]);
    const got = await expectSame(rows, { bins: 3 });
    const m = (id: string) => got.find((r) => r.customer_id === id)!.m;
    expect(new Set([m('up'), m('down'), m('six')]).size).toBe(1);
  });

  it('lets equal amounts share the higher ABC tier (exactly 80% and 95% on paper)', async () => {
    const rows = orders([
      ['a1', '2024-01-01', 40], ['a2', '2024-01-01', 40], ['b1', '2024-01-01', 10],
      ['b2', '2024-01-01', 5], ['b3', '2024-01-01', 5], ['c1', '2024-01-01', 0],
    ]);
    const got = await expectSame(rows, {});
    expect(Object.fromEntries(got.map((r) => [r.customer_id, r.abc]))).toEqual({ a1: 'A', a2: 'A', b1: 'B', b2: 'B', b3: 'B', c1: 'C' });
  });

  it('counts one customer for ids written with spaces around them, and skips blank rows', async () => {
    const rows: OrderRecord[] = [
      ...orders([['KH1', '2024-01-01', 10], [' KH1 ', '2024-01-09', 5], ['KH2', '2024-01-05', 7], ['KH3', '2024-01-02', 1]]),
      { customer: null, date: null, amount: null },
    ];
    const got = await expectSame(rows, {});
    expect(got.find((r) => r.customer_id === 'KH1')).toMatchObject({ orders: 2, amount: 15, recency_days: 1 });
  });

  it('scores within each group (RFMD), with groups of one, two and many customers', async () => {
    const rows: OrderRecord[] = [];
    for (let c = 0; c < 30; c++) {
      const group = c === 0 ? 'solo' : c < 3 ? 'pair' : 'many';
      for (let k = 0; k <= c % 4; k++) rows.push({ customer: `G${c}`, date: `2024-0${1 + (c % 5)}-1${k}`, amount: (c * 37) % 101, group });
    }
    for (const bins of [5, 3]) await expectSame(rows, { bins, grouped: true });
  });
});

describe('stops with a sentence where =RFM refuses the data', () => {
  const run = async (rows: OrderRecord[], o: Options) => {
    await loadOrders(conn, 'orders', rows);
    return queryRows(conn, queryText(o));
  };

  it('an analysis date before the last order', async () => {
    await expect(run(orders([['A', '2024-05-01', 1]]), { analysis: '2024-04-30' })).rejects.toThrow('the analysis date is before the last order (2024-05-01)');
  });

  it('a customer in two groups', async () => {
    await expect(run(orders([['A', '2024-05-01', 1, 'x'], ['A', '2024-05-02', 1, 'y']]), { grouped: true })).rejects.toThrow('customer A is in more than one group');
  });

  it('an order without a date, an amount or a customer', async () => {
    await expect(run([{ customer: 'A', date: null, amount: 1 }], {})).rejects.toThrow('an order of customer A has no date');
    await expect(run([{ customer: 'A', date: '2024-01-01', amount: null }], {})).rejects.toThrow('an order of customer A has no amount');
    await expect(run([{ customer: ' ', date: '2024-01-01', amount: 3 }], {})).rejects.toThrow('an order has no customer in column customer_id');
  });
});
