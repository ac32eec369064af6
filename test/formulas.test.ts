/**
 * Formulas typed into cells of a real formula engine (HyperFormula), on a sheet loaded from the
 * rfm package's order log, computed by the built bundle, read back from the spilled cells.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../tools/sheets/csv';
import { createKehuSheets } from '../tools/sheets/kehuSheets';
import { customerFigures, daysBetween, readRfmOrders, REFERENCE_DATA } from './support/referenceData';

const csv = parseCsv(fs.readFileSync(path.join(REFERENCE_DATA, 'rfm_data_orders.csv'), 'utf8'));
// As a user pastes it: numbers as numbers, ISO dates parsed into date cells by the engine.
const ordersSheet = csv.map((row, i) => (i === 0 ? row : row.map((v, j) => (j === 2 ? Number(v) : v))));
const orders = readRfmOrders();
const expected = customerFigures(orders);
const LAST = ordersSheet.length; // sheet row of the last order

function workbook(locale = 'en_US') {
  return createKehuSheets({ sheets: { Orders: ordersSheet, Report: [[]] }, locale, timeZone: 'Asia/Shanghai' });
}

describe('=RFM typed into a sheet', () => {
  const { engine } = workbook();
  engine.setCell('Report', 'A1', '=RFM(Orders!A2:A5000, Orders!B2:B5000, Orders!C2:C5000, DATE(2006,12,31))');

  it('spills a header and one row per customer (the range runs past the data into blank rows)', () => {
    const table = engine.getRange('Report', `A1:J${expected.size + 2}`);
    expect(table[0]).toEqual(['Customer', 'Last order', 'Recency (days)', 'Orders', 'Amount', 'R', 'F', 'M', 'RFM code', 'Segment']);
    expect(table[expected.size + 1].every((v) => v === null)).toBe(true); // nothing below the last customer
    const rows = table.slice(1, expected.size + 1);
    expect(rows.map((r) => r[0])).toEqual([...expected.keys()]);
    for (const r of rows) {
      const want = expected.get(r[0] as string)!;
      expect(r[2]).toBe(daysBetween(want.lastDate, '2006-12-31'));
      expect(r[3]).toBe(want.orders);
      expect(r[4]).toBe(want.amount);
    }
  });

  it('shows the last order as a date cell', () => {
    const first = [...expected.values()][0];
    expect(engine.isDateCell('Report', 'B2')).toBe(true);
    expect(engine.getDisplay('Report', 'B2')).toBe(first.lastDate);
  });

  it('shows the cut points with RFMCUTS', () => {
    engine.setCell('Report', 'M1', `=RFMCUTS(Orders!A2:A${LAST}, Orders!B2:B${LAST}, Orders!C2:C${LAST}, "2006-12-31")`);
    const cuts = engine.getRange('Report', 'M1:R4');
    expect(cuts[0]).toEqual(['Dimension', 'Customers', 'Cut 1', 'Cut 2', 'Cut 3', 'Cut 4']);
    // The F cut points are PERCENTILE.INC of the order counts: the same engine computes them independently.
    engine.setCell('Report', 'T1', `=PERCENTILE(D2:D${expected.size + 1}, 0.2)`);
    expect(cuts[2][2]).toBeCloseTo(engine.getValue('Report', 'T1') as number, 9);
  });

  it('chains: RFMSEGMENT over the spilled scores, ABCTIER over the spilled amounts', () => {
    const n = expected.size + 1;
    engine.setCell('Report', 'V2', `=RFMSEGMENT(F2:H${n}, "named")`);
    engine.setCell('Report', 'W2', `=ABCTIER(E2:E${n})`);
    const segs = engine.getRange('Report', `V2:W${n}`);
    const named = new Set(['Champions', 'Loyal Customers', 'Potential Loyalist', 'New Customers', 'Promising', 'Need Attention', 'About To Sleep', 'At Risk', "Can't Lose Them", 'Lost', 'Others']);
    expect(segs.every(([s, t]) => named.has(s as string) && ['A', 'B', 'C'].includes(t as string))).toBe(true);
    // Tier A holds the largest amounts: its smallest amount is at least every B amount.
    const amounts = engine.getRange('Report', `E2:E${n}`).map((r) => r[0] as number);
    const minA = Math.min(...amounts.filter((_, i) => segs[i][1] === 'A'));
    const maxB = Math.max(...amounts.filter((_, i) => segs[i][1] === 'B'));
    expect(minA).toBeGreaterThanOrEqual(maxB);
  });
});

describe('errors show as #ERROR! with the message', () => {
  it('names the sheet row of a bad amount typed into the order log', () => {
    const { engine } = workbook();
    engine.setCell('Report', 'A1', `=RFM(Orders!A2:A${LAST}, Orders!B2:B${LAST}, Orders!C2:C${LAST})`);
    expect(engine.getValue('Report', 'A1')).toBe('Customer');
    engine.setCell('Orders', 'C7', '¥1,200');
    expect(engine.getValue('Report', 'A1')).toEqual({ error: '#ERROR!', message: "RFM: amounts row 7 is the text '¥1,200', not a number." });
    engine.setCell('Orders', 'C7', 1200);
    expect(engine.getValue('Report', 'A1')).toBe('Customer');
  });

  it('speaks Chinese in a zh spreadsheet', () => {
    const { engine } = workbook('zh_CN');
    engine.setCell('Report', 'A1', '=ABCTIER(Orders!C2:C10, 2)');
    expect(engine.getValue('Report', 'A1')).toEqual({ error: '#ERROR!', message: 'ABCTIER：a_share 必须是 0 到 1 之间的比例（例如 0.8 或 80%），现在是数字 2。' });
  });

  it('rejects an order log whose ranges differ in length', () => {
    const { engine } = workbook();
    engine.setCell('Report', 'A1', '=RFM(Orders!A2:A100, Orders!B2:B99, Orders!C2:C100)');
    expect((engine.getValue('Report', 'A1') as { message: string }).message).toBe('RFM: customer_ids has 99 rows but order_dates has 98. Select ranges that cover the same rows.');
  });
});

describe('the other functions from cells', () => {
  const { engine } = workbook();
  it('QUADRANT with labels as text, a single cell, and splits', () => {
    engine.setCell('Report', 'A1', 10);
    engine.setCell('Report', 'B1', 1);
    engine.setCell('Report', 'C1', '=QUADRANT(A1, B1, 5, 5, "partner,emotional,drifting,functional")');
    expect(engine.getValue('Report', 'C1')).toBe('emotional');
  });

  it('ABCSUMMARY over the order amounts adds up', () => {
    engine.setCell('Report', 'E1', `=ABCSUMMARY(Orders!C2:C${LAST})`);
    const s = engine.getRange('Report', 'E1:I5');
    expect(s[4][0]).toBe('Total');
    expect(s[4][1]).toBe(orders.length);
    expect((s[1][2] as number) + (s[2][2] as number) + (s[3][2] as number)).toBeCloseTo(1, 12);
    expect(s[4][3]).toBe(orders.reduce((t, o) => t + o.revenue, 0));
  });
});
