/**
 * Orders in BigQuery (issue 13), through the built bundle and dist's manifest: a file with no
 * order sheet whose Settings say `bigquery:project.dataset.table` runs the classification from
 * the BigQuery fake (which answers from DuckDB) and writes, customer by customer, what the same
 * file with the orders in a sheet writes: RFM code, class, ABC tier, movement, status, flags.
 * The orders never enter the file. The scope is asked for only when the source is BigQuery; the
 * daily run, the dashboard and the card run without an order sheet.
 */
import { DuckDBDateValue, type DuckDBConnection } from '@duckdb/node-api';
import { abcWindowFirstDay } from '../../src/core/automation/classify';
import { daysFromCivil } from '../../src/core/dates';
import type { Settings } from '../../src/core/model';
import { defaultSettings } from '../../src/core/settings/defaults';
import { renderSettingsSheet } from '../../src/core/settings/render';
import { dailyQuery } from '../../src/core/sql/dailyQuery';
import { printQuery } from '../../src/core/sql/print';
import type { FakeAnswer } from '../../tools/gas/fakes/bigquery';
import { ManualClock } from '../../tools/gas/fakes';
import { loadBundle, type LoadedBundle } from '../../tools/gas/loadBundle';
import { generateSampleWorkbook } from '../../tools/sample/generate';
import { exec, lastAlert, sheetNames, sheetValues, teamSheet, type Rows } from '../support/automation';
import { openDuckdb } from '../support/duckdb';

jest.setTimeout(180_000);

const TABLE = ['kehu-demo', 'sales', 'orders'];
const BILLING = 'kehu-billing';
const BIGQUERY_SCOPE = 'https://www.googleapis.com/auth/bigquery';
const TODAY = daysFromCivil(2026, 11, 20);
const clock = () => new ManualClock('2026-11-20T09:00:00+08:00');
/** The add-on's columns that follow from the orders (the quadrant from the margin column). */
const OWN = ['Kehu · RFM', 'Kehu · 类别', 'Kehu · ABC', 'Kehu · 象限', 'Kehu · 变动', 'Kehu · 状态', 'Kehu · 提醒'];

const sample = generateSampleWorkbook({ customers: 120 });
const ORDERS = sample.sheets.Orders as Rows;

const bigquerySettings: Settings = {
  ...defaultSettings(), ordersSource: { kind: 'bigquery', table: TABLE }, bigQueryColumns: ['customer_id', 'order_date', 'amount', 'margin'], bigQueryProject: BILLING,
};

/** The sample's sheets, a team list and a Settings sheet; the order sheet only when asked. */
function sheets(settings: Settings, withOrders: boolean): Record<string, unknown[][]> {
  const out: Record<string, Rows> = { ...sample.sheets, 销售团队: teamSheet(), 设置: renderSettingsSheet(settings, null, 'zh') };
  if (!withOrders) delete out.Orders;
  return out as Record<string, unknown[][]>;
}

/** What BigQuery would answer: the daily query's DuckDB text on the sample's orders, under its BigQuery text. */
async function answers(): Promise<Map<string, FakeAnswer>> {
  const o = {
    customerColumn: 'customer_id', dateColumn: 'order_date', amountColumn: 'amount', marginColumn: 'margin', today: TODAY,
    windowFirstDay: abcWindowFirstDay(TODAY, defaultSettings().abcMonths), yearFirstDay: abcWindowFirstDay(TODAY, 12),
  };
  const conn: DuckDBConnection = await openDuckdb();
  try {
    // The sample's order sheet as a warehouse table: 客户代码, 订单日期, 金额, 毛利 (blank: NULL).
    await conn.run('CREATE TABLE orders (customer_id VARCHAR, order_date DATE, amount DOUBLE, margin DOUBLE)');
    const appender = await conn.createAppender('orders');
    for (const r of ORDERS.slice(1)) {
      const [y, m, d] = String(r[1]).split('-').map(Number);
      appender.appendVarchar(String(r[0]));
      appender.appendDate(new DuckDBDateValue(daysFromCivil(y, m, d)));
      appender.appendDouble(Number(r[2]));
      if (r[4] === '' || r[4] === null || r[4] === undefined) appender.appendNull();
      else appender.appendDouble(Number(r[4]));
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
    const reader = await conn.runAndReadAll(printQuery(dailyQuery({ ...o, table: ['orders'] }), 'duckdb'));
    return new Map([[printQuery(dailyQuery({ ...o, table: TABLE }), 'bigquery'), { fields: reader.columnNames(), rows: reader.getRowsJS() }]]);
  } finally {
    conn.closeSync();
  }
}

function bigqueryFile(answer: Map<string, FakeAnswer>, extra: { declinedScopes?: string[] } = {}): LoadedBundle {
  return loadBundle({
    sheets: sheets(bigquerySettings, false), locale: 'zh_CN', timeZone: 'Asia/Shanghai', clock: clock(), followManifest: true,
    bigquery: { answers: answer, pageRows: 50, pendingPolls: 1 }, ...extra,
  });
}

/** Per customer id, the add-on's order-based columns of the customer table. */
function ownColumns(b: LoadedBundle): Map<string, unknown[]> {
  const rows = sheetValues(b, 'Customers')!;
  const at = OWN.map((h) => rows[0].indexOf(h));
  expect(at.every((i) => i >= 0)).toBe(true);
  return new Map(rows.slice(1).map((r) => [String(r[0]), at.map((i) => r[i])]));
}

describe('the classification from BigQuery', () => {
  let answer: Map<string, FakeAnswer>;
  let fromSheet: LoadedBundle;
  let fromBigQuery: LoadedBundle;
  let sheetRun: ReturnType<typeof exec>;
  let bigqueryRun: ReturnType<typeof exec>;
  beforeAll(async () => {
    answer = await answers();
    fromSheet = loadBundle({ sheets: sheets(defaultSettings(), true), locale: 'zh_CN', timeZone: 'Asia/Shanghai', clock: clock(), followManifest: true, declinedScopes: [BIGQUERY_SCOPE] });
    fromBigQuery = bigqueryFile(answer);
    sheetRun = exec(fromSheet, 'flagStaleRecords');
    bigqueryRun = exec(fromBigQuery, 'flagStaleRecords');
  });

  it('equals the run on the same orders in a sheet, customer by customer', () => {
    expect(sheetRun.error?.message).toBeUndefined();
    expect(bigqueryRun.error?.message).toBeUndefined();
    const expected = ownColumns(fromSheet);
    const got = ownColumns(fromBigQuery);
    expect(got.size).toBe(120);
    // The flags that come from the orders are there: lapsed (days without an order) and P(alive).
    const flags = [...got.values()].map((c) => String(c[6]));
    expect(flags.filter((f) => /已 \d+ 天没有下单/.test(f)).length).toBeGreaterThan(0);
    expect(flags.filter((f) => /可能正在流失（存活概率/.test(f)).length).toBeGreaterThan(0);
    for (const [id, cells] of expected) expect([id, got.get(id)]).toEqual([id, cells]);
    // Not vacuous: the tiers, classes and statuses vary across the customers.
    for (const k of [1, 2, 3, 5]) expect(new Set([...got.values()].map((c) => c[k])).size).toBeGreaterThan(2);
  });

  it('writes the same dashboard: KPI line, segments\' 12-month revenue, R x F grid, value at risk', () => {
    const dashboard = sheetValues(fromBigQuery, 'Kehu · 仪表盘');
    expect(dashboard).toEqual(sheetValues(fromSheet, 'Kehu · 仪表盘'));
    // Not an empty one: the KPI line counts active customers and revenue of the last 12 months.
    const header = dashboard!.findIndex((r) => r.includes('近 12 个月销售额'));
    const kpi = dashboard![header + 1];
    expect(kpi[dashboard![header].indexOf('近 12 个月有购买')]).toBeGreaterThan(50);
    expect(kpi[dashboard![header].indexOf('近 12 个月销售额')]).toBeGreaterThan(1e6);
  });

  it('sends the daily query billed to the Settings sheet\'s project and reads every page', () => {
    const calls = fromBigQuery.fakes.state.bigqueryCalls ?? [];
    const query = calls.filter((c) => c.method === 'query');
    expect(query).toHaveLength(1);
    expect(query[0].projectId).toBe(BILLING);
    expect(answer.has(String(query[0].args.query))).toBe(true);
    const rows = [...answer.values()][0].rows.length;
    // One wait for the job, then pages of 50 rows after the first.
    expect(calls.filter((c) => c.method === 'getQueryResults').length).toBe(1 + Math.ceil(rows / 50) - 1);
  });

  it('keeps no orders in the file: no order sheet, one state row per customer', () => {
    const names = sheetNames(fromBigQuery);
    expect(names).not.toContain('Orders');
    for (const name of names) {
      const values = sheetValues(fromBigQuery, name) ?? [];
      expect(values.some((r) => r.includes('订单日期') && r.includes('金额'))).toBe(false);
    }
    expect(sheetValues(fromBigQuery, 'Kehu · 客户状态')!.length).toBe(121);
    // The run says what the card and the dashboard cannot show without the orders.
    expect(lastAlert(fromBigQuery)).toContain('订单来自 BigQuery（kehu-demo.sales.orders），本文件不保存订单：客户卡片不显示逐月订单图。');
    expect(lastAlert(fromSheet)).not.toContain('BigQuery');
    // The margin column is named, so the quadrant is computed (and not said to be missing).
    expect(lastAlert(fromBigQuery)).not.toContain('客户象限不计算');
  });

  it('the daily run, the dashboard and the card run without an order sheet', () => {
    const daily = exec(fromBigQuery, 'runDailyAutomation', { ui: false, args: [{}] });
    expect(daily.error?.message).toBeUndefined();
    expect(String((daily.value as { summary?: string }).summary)).toContain('拜访计划已更新');
    expect(sheetNames(fromBigQuery)).toEqual(expect.arrayContaining(['Kehu · 仪表盘', '拜访计划']));
    const id = String(sheetValues(fromBigQuery, 'Customers')![5][0]);
    const card = exec(fromBigQuery, 'kehuOpenCard', { args: [{ mode: 'id', id }] });
    expect(card.error?.message).toBeUndefined();
    const value = card.value as { card: { id: string; tier: string } };
    expect(value.card.id).toBe(id);
    expect(value.card.tier).toBe(ownColumns(fromSheet).get(id)![2]);
  });
});

describe('the BigQuery scope', () => {
  it('a file whose orders are in a sheet runs with the scope declined (it is never asked for)', () => {
    const b = loadBundle({ sheets: sheets(defaultSettings(), true), locale: 'zh_CN', timeZone: 'Asia/Shanghai', clock: clock(), followManifest: true, declinedScopes: [BIGQUERY_SCOPE] });
    expect(exec(b, 'flagStaleRecords').error).toBeUndefined();
  });

  it('a file whose orders are in BigQuery stops before the query when it was declined', async () => {
    const b = bigqueryFile(await answers(), { declinedScopes: [BIGQUERY_SCOPE] });
    const r = exec(b, 'flagStaleRecords');
    expect(r.error?.message ?? lastAlert(b)).toContain(`Missing scopes: ${BIGQUERY_SCOPE}`);
    expect(b.fakes.state.bigqueryCalls ?? []).toHaveLength(0);
  });

  it('without the advanced service in the manifest there is no BigQuery global, and the run says so', async () => {
    const b = loadBundle({
      sheets: sheets(bigquerySettings, false), locale: 'zh_CN', timeZone: 'Asia/Shanghai', clock: clock(),
      manifest: { dependencies: { enabledAdvancedServices: [] } }, bigquery: { answers: await answers() },
    });
    exec(b, 'flagStaleRecords');
    expect(lastAlert(b)).toContain('Kehu 无法从 BigQuery 表 kehu-demo.sales.orders 读取订单');
    expect(b.fakes.state.bigqueryCalls ?? []).toHaveLength(0);
  });
});
