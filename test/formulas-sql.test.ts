/**
 * =RFMSQL typed into a cell of a real formula engine (HyperFormula) next to =RFM and =ABCTIER on
 * the rfm package's order log: the cell's text, run on DuckDB over the same CSV file, gives every
 * customer the scores, class and tier the spilled formulas show.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../tools/sheets/csv';
import { createKehuSheets } from '../tools/sheets/kehuSheets';
import { openDuckdb, queryRows } from './support/duckdb';
import { REFERENCE_DATA } from './support/referenceData';

const CSV_FILE = path.join(REFERENCE_DATA, 'rfm_data_orders.csv');
const csv = parseCsv(fs.readFileSync(CSV_FILE, 'utf8'));
const ordersSheet = csv.map((row, i) => (i === 0 ? row : row.map((v, j) => (j === 2 ? Number(v) : v))));
const LAST = ordersSheet.length;
const CUSTOMERS = 995;

describe('=RFMSQL typed into a sheet', () => {
  const { engine } = createKehuSheets({ sheets: { Orders: ordersSheet, Report: [[]] }, locale: 'zh_CN', timeZone: 'Asia/Shanghai' });
  engine.setCell('Report', 'A1', `=RFM(Orders!A2:A${LAST}, Orders!B2:B${LAST}, Orders!C2:C${LAST}, DATE(2006,12,31))`);
  engine.setCell('Report', 'K2', `=ABCTIER(E2:E${CUSTOMERS + 1})`);
  // The column names of the CSV's header row, as a data team's table would have them.
  engine.setCell('Report', 'M1', '=RFMSQL("rfm_orders", Orders!A1, Orders!B1, Orders!C1, DATE(2006,12,31), 5, "duckdb")');

  it('holds the query in one cell, small enough for a Sheets cell (50,000 characters)', () => {
    const text = engine.getValue('Report', 'M1');
    expect(typeof text).toBe('string');
    expect((text as string).length).toBeLessThan(50_000);
    expect(engine.getValue('Report', 'M2')).toBeNull(); // nothing spilled
    expect(text).toContain('"revenue"');
  });

  it('runs on DuckDB over the CSV and equals the spilled =RFM and =ABCTIER customer by customer', async () => {
    const sheet = engine.getRange('Report', `A2:K${CUSTOMERS + 1}`);
    const conn = await openDuckdb();
    await conn.run(`CREATE TABLE rfm_orders AS SELECT * FROM read_csv('${CSV_FILE}', header = true)`);
    const got = await queryRows(conn, engine.getValue('Report', 'M1') as string);
    conn.closeSync();
    expect(got).toHaveLength(CUSTOMERS);
    const want = new Map(sheet.map((r) => [r[0], r]));
    for (const row of got) {
      const w = want.get(row.customer_id as string)!;
      expect([row.recency_days, row.orders, row.amount, row.r, row.f, row.m, row.rfm, row.segment, row.abc]).toEqual([w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10]]);
    }
    expect(new Set(got.map((r) => r.segment)).size).toBeGreaterThan(4); // Chinese class names, many of them
  });

  it('shows a refusal in the cell as an error naming the argument', () => {
    engine.setCell('Report', 'N1', '=RFMSQL("rfm_orders; DROP TABLE x", "a", "b", "c", , , "duckdb")');
    expect(engine.getValue('Report', 'N1')).toEqual({
      error: '#ERROR!',
      message: 'RFMSQL：table 是文本“rfm_orders; DROP TABLE x”，不是表名。请写成 table 或 schema.table；可能改变查询的名称一律拒绝。',
    });
  });
});
