/**
 * RFMSQL through the built bundle's global, called as Sheets calls it: the analysis date is a
 * date cell at local midnight of the spreadsheet's time zone, the classes and the refusals in
 * the spreadsheet's language, and the text runs on DuckDB giving what RFM gives in the same file.
 */
import { loadOrders, openDuckdb, queryRows } from '../support/duckdb';
import { bundle, column, errorOf } from '../support/bundle';
import { readRfmOrders } from '../support/referenceData';

const FORMULA = '=RFMSQL("my-project.sales.orders", A1, "order_date", "amount")';

describe('RFMSQL in the bundle', () => {
  it('reads the analysis date in the spreadsheet time zone (a local midnight east of UTC is the day before in UTC)', () => {
    for (const tz of ['Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati']) {
      const b = bundle({ timeZone: tz, locale: 'en_US' });
      const text: string = b.context.RFMSQL('my-project.sales.orders', 'customer_id', 'order_date', 'amount', b.realm.date(2024, 3, 1));
      expect(text).toContain("DATE_DIFF(DATE '2024-03-01', last_order, DAY)");
      expect(text).toContain('FROM `my-project.sales.orders`');
    }
  });

  it('returns one text cell, in the spreadsheet language', () => {
    const zh = bundle({ locale: 'zh_CN' });
    const text: unknown = zh.context.RFMSQL('my-project.sales.orders', 'customer_id', 'order_date', 'amount');
    expect(typeof text).toBe('string');
    expect(text).toContain("'重要价值客户'");
    expect(text).toContain('-- Kehu RFMSQL：');
  });

  it('refuses a name that could change the query, with a sentence in the spreadsheet language', () => {
    const en = bundle({ locale: 'en_US', activeFormula: FORMULA });
    const zh = bundle({ locale: 'zh_CN', activeFormula: FORMULA });
    const bad = 'id` FROM x; --';
    expect(errorOf(() => en.context.RFMSQL('my-project.sales.orders', bad, 'order_date', 'amount'))).toBe(
      "RFMSQL: customer_column is the text 'id` FROM x; --', not a column name. Use letters, digits and underscores (spaces and hyphens only inside); a name that could change the query is refused.",
    );
    expect(errorOf(() => zh.context.RFMSQL('sales.orders', 'id', 'order_date', 'amount'))).toBe(
      'RFMSQL：table 是文本“sales.orders”，不是表名。请写成 project.dataset.table（例如 my-project.sales.orders）；可能改变查询的名称一律拒绝。',
    );
  });

  it('gives on DuckDB what RFM gives in the same spreadsheet, one cell holding a name', async () => {
    const tz = 'Asia/Shanghai';
    const b = bundle({ timeZone: tz, locale: 'en_US' });
    const orders = readRfmOrders();
    const rfm: unknown[][] = b.context.RFM(
      column(b, orders.map((o) => o.customer)),
      column(b, orders.map((o) => o.date), true),
      column(b, orders.map((o) => o.revenue)),
      b.realm.date(2006, 12, 31),
      3,
    );
    // Names may come from a one-cell range, as =RFMSQL(..., B1, ...) passes them.
    const text: string = b.context.RFMSQL('orders', b.realm.grid([['customer_id']]), 'order_date', 'amount', b.realm.date(2006, 12, 31), 3, 'duckdb');
    const conn = await openDuckdb();
    await loadOrders(conn, 'orders', orders.map((o) => ({ customer: o.customer, date: o.date, amount: o.revenue })));
    const got = await queryRows(conn, text);
    conn.closeSync();
    const want = new Map(rfm.slice(1).map((r) => [r[0], r]));
    expect(got).toHaveLength(want.size);
    for (const row of got) {
      const w = want.get(row.customer_id)!;
      expect([row.recency_days, row.orders, row.r, row.f, row.m, row.rfm, row.segment]).toEqual([w[2], w[3], w[5], w[6], w[7], w[8], w[9]]);
    }
  });
});
