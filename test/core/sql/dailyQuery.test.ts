/**
 * The daily run's BigQuery query (src/core/sql/dailyQuery.ts), its DuckDB text run on DuckDB,
 * read as BigQuery's API hands rows (strings), gives the run's own classification the same
 * figures an order sheet gives: classes (RFM within groups, ABC on the window, Pareto), the kept
 * state and the lifetime model's P(alive) equal customer by customer. On the rfm package's
 * reference orders plus rows that test each edge: the window's first day and the day before it,
 * orders after the run's day, customers the customer table does not have, blank rows, an id
 * typed with spaces, same-day repeat orders, a customer without orders; P(alive) on the CDNOW
 * sample, whose log the purchase models fit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'sql-parser-cst';
import { abcWindowFirstDay, classifyCustomers, type ClassifyInput } from '../../../src/core/automation/classify';
import { probabilityAliveByCustomer, probabilityAliveFromSummaries } from '../../../src/core/clv/forAutomation';
import { dashboardData } from '../../../src/core/dashboard/blocks';
import { daysFromCivil, formatDay } from '../../../src/core/dates';
import type { CustomerRecord, OrderRecord as SheetOrder } from '../../../src/core/model';
import { defaultSettings } from '../../../src/core/settings/defaults';
import { dailyQuery, DAILY_SQL_COLUMNS, type DailyQueryOptions } from '../../../src/core/sql/dailyQuery';
import { detectTables, hasOrderSheet, NO_ORDER_SHEET } from '../../../src/core/tables/detect';
import { readDailyRows } from '../../../src/core/sql/dailyResults';
import { printQuery } from '../../../src/core/sql/print';
import type { ResultTable } from '../../../src/core/sql/results';
import { loadOrders, openDuckdb, type OrderRecord as DbOrder } from '../../support/duckdb';
import { readRfmOrders, REFERENCE_DATA } from '../../support/referenceData';

const TODAY = daysFromCivil(2006, 12, 31);
const REGIONS = ['华东', '华北', ''];

/** The warehouse's rows: the reference orders and the edge cases, some unusable. */
function warehouseRows(abcMonths: number): DbOrder[] {
  const rows: DbOrder[] = readRfmOrders().map((o) => ({ customer: o.customer, date: o.date, amount: o.revenue }));
  const first = abcWindowFirstDay(TODAY, abcMonths);
  rows.push(
    { customer: 'Edge In', date: formatDay(first), amount: 100.1 },
    { customer: 'Edge Out', date: formatDay(first - 1), amount: 900.7 },
    { customer: 'Edge In', date: formatDay(TODAY), amount: 0.2 },
    { customer: 'Edge In', date: formatDay(TODAY), amount: 0.3 }, // same day: one purchase day
    { customer: 'Later', date: formatDay(TODAY - 40), amount: 50 },
    { customer: 'Later', date: formatDay(TODAY + 3), amount: 70 }, // after the run's day
    { customer: '  Spaced  ', date: formatDay(TODAY - 10), amount: 12.5 },
    { customer: 'Refund', date: formatDay(TODAY - 5), amount: -30 },
    { customer: 'Not In Table', date: formatDay(TODAY - 2), amount: 1e6 },
    { customer: null, date: formatDay(TODAY - 1), amount: 5 },
    { customer: 'Edge In', date: null, amount: 5 },
    { customer: 'Edge In', date: formatDay(TODAY - 1), amount: null },
    { customer: '   ', date: formatDay(TODAY - 1), amount: 5 },
  );
  return rows;
}

/** Margins on some orders only (a customer id with a lower-case a), as a team fills them in. */
const HAS_MARGIN = "customer_id LIKE '%a%'";
const marginOf = (r: DbOrder): number | undefined => (r.customer !== null && /a/.test(r.customer) ? r.amount! * 0.25 : undefined);

/** What an order sheet hands the run: the usable rows (the order reader leaves the others out). */
function sheetOrders(rows: readonly DbOrder[], margins = false): SheetOrder[] {
  return rows
    .filter((r) => r.customer !== null && r.customer.trim() !== '' && r.date !== null && r.amount !== null)
    .map((r, i) => {
      const margin = margins ? marginOf(r) : undefined;
      return { row: i + 2, customer: r.customer!.trim(), day: Date.parse(`${r.date}T00:00:00Z`) / 86_400_000, amount: r.amount!, ...(margin === undefined ? {} : { margin }) };
    });
}

/** The customer table: every ordering customer but one, plus one without orders, with regions. */
function customerTable(rows: readonly DbOrder[]): CustomerRecord[] {
  const ids = [...new Set(sheetOrders(rows).map((o) => o.customer))].filter((id) => id !== 'Not In Table');
  ids.push('No Orders');
  return ids.map((id, i) => ({ row: i + 2, id, fields: { region: REGIONS[i % REGIONS.length] } }));
}

/** BigQuery's API hands every value as a string (or null): so does this. */
async function runOnDuckdb(rows: DbOrder[], o: Omit<DailyQueryOptions, 'table'>): Promise<ResultTable> {
  const conn = await openDuckdb();
  try {
    await loadOrders(conn, 'orders', rows);
    await conn.run(`ALTER TABLE orders ADD COLUMN margin DOUBLE; UPDATE orders SET margin = amount * 0.25 WHERE ${HAS_MARGIN} AND amount IS NOT NULL`);
    const reader = await conn.runAndReadAll(printQuery(dailyQuery({ ...o, table: ['orders'] }), 'duckdb'));
    return { fields: reader.columnNames(), rows: reader.getRowsJS().map((r) => r.map((v) => (v === null ? null : String(v)))) };
  } finally {
    conn.closeSync();
  }
}

const queryOptions = (abcMonths: number, today = TODAY) => ({
  customerColumn: 'customer_id', dateColumn: 'order_date', amountColumn: 'amount', today,
  windowFirstDay: abcWindowFirstDay(today, abcMonths), yearFirstDay: abcWindowFirstDay(today, 12),
});

describe.each([
  { abcMonths: 12, rfmGroupBy: 'none' as const, rfmBins: 5, margins: false },
  { abcMonths: 5, rfmGroupBy: 'region' as const, rfmBins: 3, margins: true },
])('the daily query on DuckDB equals the run on an order sheet (%o)', ({ abcMonths, rfmGroupBy, rfmBins, margins }) => {
  const rows = warehouseRows(abcMonths);
  const customers = customerTable(rows);
  const settings = { ...defaultSettings(), abcMonths, rfmGroupBy, rfmBins };
  const base: Omit<ClassifyInput, 'orders'> = { customers, settings, today: TODAY, state: null, blankGroup: '(blank)' };
  let table: ResultTable;
  beforeAll(async () => {
    table = await runOnDuckdb(rows, { ...queryOptions(abcMonths), ...(margins ? { marginColumn: 'margin' } : {}) });
  });

  it('classes, state and Pareto curve, customer by customer', () => {
    const fromSheet = classifyCustomers({ ...base, orders: sheetOrders(rows, margins) });
    const read = readDailyRows(table, customers.map((c) => c.id), TODAY);
    const fromWarehouse = classifyCustomers({ ...base, orders: [], figures: read.figures });
    expect(fromWarehouse.classes).toHaveLength(customers.length);
    fromSheet.classes.forEach((c, i) => expect(fromWarehouse.classes[i]).toEqual(c));
    expect(fromWarehouse.state).toEqual(fromSheet.state);
    expect(fromWarehouse.curve).toEqual(fromSheet.curve);
    // With margins the quadrant is computed, and varies; without, it is not.
    expect(fromWarehouse.hasQuadrant).toBe(margins);
    if (margins) expect(new Set(fromWarehouse.classes.map((c) => c.quadrant)).size).toBeGreaterThan(3);
    // The edges are where they should be: the window's first day in, the day before out.
    const at = (id: string) => fromWarehouse.classes[customers.findIndex((c) => c.id === id)];
    expect(at('Edge In').value).toBeCloseTo(100.6, 9);
    expect(at('Edge Out').value).toBe(0);
    expect(at('Later').rfm?.lastDay).toBe(TODAY + 3);
    expect(at('Spaced').rfm?.orders).toBe(1);
    expect(at('No Orders').rfm).toBeNull();
    expect(read.unknownCustomers).toBe(1);
    expect(read.unknownOrders).toBe(1);
  });

  it('the dashboard from the query\'s 12-month sums equals the dashboard from the orders', () => {
    const classes = classifyCustomers({ ...base, orders: sheetOrders(rows) }).classes.map((c, i) => ({ ...c, pAlive: (i % 7) / 7 }));
    const input = { classes, names: customers.map((c) => c.id), today: TODAY, bins: rfmBins };
    const fromOrders = dashboardData({ ...input, orders: sheetOrders(rows) });
    const fromQuery = dashboardData({ ...input, orders: [], perCustomer: readDailyRows(table, customers.map((c) => c.id), TODAY).dashboard });
    expect(fromQuery).toEqual(fromOrders);
    expect(fromQuery.kpi.revenue12).toBeGreaterThan(0);
    expect(fromQuery.risk?.length).toBeGreaterThan(0);
  });
});

/** The CDNOW sample (the BG/NBD paper's data): a log the purchase models fit, orders after 1997-09-30 too. */
const CDNOW_END = daysFromCivil(1997, 9, 30);
function cdnowRows(): DbOrder[] {
  const lines = fs.readFileSync(path.join(REFERENCE_DATA, 'cdnow_sample_transactions.txt'), 'utf8').trim().split('\n');
  return lines.map((l) => {
    const [id, , date, , amount] = l.trim().split(/\s+/);
    return { customer: id, date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, amount: Number(amount) };
  });
}

describe.each(['mbgnbd', 'bgnbd'] as const)('P(alive) from the query\'s purchase days (%s)', (model) => {
  it('equals the fit on the orders, orders after the run\'s day left out', async () => {
    const rows = cdnowRows();
    const customers = customerTable(rows);
    const orders = sheetOrders(rows);
    const index = new Map(customers.map((c, i) => [c.id, i]));
    const fromOrders = probabilityAliveByCustomer({
      customerOf: Int32Array.from(orders, (o) => index.get(o.customer) ?? -1),
      day: Float64Array.from(orders, (o) => o.day),
      customers: customers.length,
      analysisDay: CDNOW_END,
      model,
    });
    const table = await runOnDuckdb(rows, queryOptions(12, CDNOW_END));
    const fromQuery = probabilityAliveFromSummaries(readDailyRows(table, customers.map((c) => c.id), CDNOW_END).lifetime, model);
    expect([fromOrders.ok, fromQuery.ok]).toEqual([true, true]);
    if (!fromOrders.ok || !fromQuery.ok) return;
    expect(fromOrders.laterOrders).toBeGreaterThan(0);
    expect(fromQuery.purchase).toEqual(fromOrders.purchase);
    expect(Array.from(fromQuery.pAlive)).toEqual(Array.from(fromOrders.pAlive));
    // Not all alike: the comparison would not see a wrong x, t_x or T otherwise.
    expect(new Set(Array.from(fromQuery.pAlive).filter((p) => p === p).map((p) => p.toFixed(3))).size).toBeGreaterThan(20);
  });
});

describe('the daily query text', () => {
  const o = { ...queryOptions(12), table: ['my-project', 'sales', 'orders'] };

  it('parses as BigQuery, reads the table in backticks and returns the columns the reader takes', () => {
    const text = printQuery(dailyQuery(o), 'bigquery');
    expect(parse(text, { dialect: 'bigquery' }).statements).toHaveLength(1);
    expect(text).toContain('FROM `my-project.sales.orders`');
    expect(text).toContain(`DATE '${formatDay(o.windowFirstDay)}'`);
    for (const c of DAILY_SQL_COLUMNS) expect(text).toMatch(new RegExp(`\\b${c}\\b`));
  });

  it('the reader refuses results without its columns, and a value that is not a number', () => {
    expect(() => readDailyRows({ fields: ['customer_id', 'orders'], rows: [] }, [], TODAY)).toThrow(/no column amount/);
    const fields = [...DAILY_SQL_COLUMNS];
    const row = ['A', '2', 'x', '13000', '5', '2', '12990', '13000', '5', '1'];
    expect(() => readDailyRows({ fields, rows: [row] }, ['A'], TODAY)).toThrow(/amount is x for customer A/);
  });
});

describe('a file without an order sheet (orders in BigQuery)', () => {
  const customers = { name: '客户', top: [['客户代码', '名称', '电话', '地址', '对口销售员']] };
  const orders = { name: '订单', top: [['客户代码', '订单日期', '金额']] };

  it('is mapped with no order sheet when the orders are elsewhere, and refused otherwise', () => {
    const mapping = detectTables([customers], { ordersElsewhere: true });
    expect(mapping.orders).toEqual(NO_ORDER_SHEET);
    expect(hasOrderSheet(mapping)).toBe(false);
    expect(() => detectTables([customers])).toThrow();
  });

  it('still maps an order sheet the file has', () => {
    const mapping = detectTables([customers, orders], { ordersElsewhere: true });
    expect(mapping.orders.sheet).toBe('订单');
    expect(hasOrderSheet(mapping)).toBe(true);
  });
});
